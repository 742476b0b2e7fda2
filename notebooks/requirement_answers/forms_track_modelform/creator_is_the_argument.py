# Ignores one requirement: the creator comes from the POST (a creator field in the form).

from catalog.models import Audio
from django import forms
from django.utils import timezone


class TrackForm(forms.ModelForm):
    class Meta:
        model = Audio
        fields = ["title", "slug", "duration_seconds", "tags", "creator"]

    def clean_slug(self):
        return self.cleaned_data["slug"].lower()


def add_track(creator, data):
    form = TrackForm(data)
    if form.is_valid():
        track = form.save(commit=False)
        track.creator_id = track.creator_id or creator.pk
        track.published = timezone.now()
        track.save()
        form.save_m2m()
    return form
