# Saves first and sets the creator after: the INSERT fails (creator is NOT NULL).

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
        form.instance.published = timezone.now()
        track = form.save()
        track.creator = creator
        track.save()
    return form
