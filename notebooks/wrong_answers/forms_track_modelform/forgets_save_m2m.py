# The classic: save(commit=False), then save(), and no save_m2m(): the tags are lost.

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
    return form
