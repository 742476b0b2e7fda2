# A deny-list that forgets fields: is_public, plays, slug and published stay editable.
# ruff: noqa: DJ006  (the point of this answer)
from catalog.models import Content
from django import forms


class ContentEditForm(forms.ModelForm):
    class Meta:
        model = Content
        exclude = ["creator"]
