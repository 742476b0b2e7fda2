# Ignores one requirement: the tags are never saved (no save_m2m after commit=False).

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
        track.published = timezone.now()
        track.save()
        form.cleaned_data.pop("tags", None)
    return form
