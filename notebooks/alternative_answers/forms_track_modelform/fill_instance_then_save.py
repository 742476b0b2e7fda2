# Fills form.instance before a plain save(): no commit=False, so save() also saves the tags.
from catalog.models import Audio
from django import forms
from django.utils import timezone


class TrackForm(forms.ModelForm):
    class Meta:
        model = Audio
        fields = ("title", "slug", "duration_seconds", "tags")

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        return slug.lower()


def add_track(creator, data):
    form = TrackForm(data=data)
    if not form.is_valid():
        return form
    form.instance.creator = creator
    form.instance.published = timezone.now()
    form.save()
    return form
