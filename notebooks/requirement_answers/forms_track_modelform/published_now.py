# Ignores one requirement: published is the creator's join date, not now.

from catalog.models import Audio
from django import forms
from django.utils import timezone


class TrackForm(forms.ModelForm):
    class Meta:
        model = Audio
        fields = ["title", "slug", "duration_seconds", "tags"]

    def clean_slug(self):
        return self.cleaned_data["slug"].lower()


def add_track(creator, data):
    form = TrackForm(data)
    if form.is_valid():
        track = form.save(commit=False)
        track.creator = creator
        track.published = timezone.make_aware(
            timezone.datetime.combine(creator.joined, timezone.datetime.min.time())
        )
        track.save()
        form.save_m2m()
    return form
