# A deny-list: exclude creator and published; is_public, plays and bitrate_kbps become fields that
# the POST must (and may) set.
# ruff: noqa: DJ006  (the point of this answer)

from catalog.models import Audio
from django import forms
from django.utils import timezone


class TrackForm(forms.ModelForm):
    class Meta:
        model = Audio
        exclude = ["creator", "published"]

    def clean_slug(self):
        return self.cleaned_data["slug"].lower()


def add_track(creator, data):
    form = TrackForm(data)
    if form.is_valid():
        track = form.save(commit=False)
        track.creator = creator
        track.published = timezone.now()
        track.save()
        form.save_m2m()
    return form
