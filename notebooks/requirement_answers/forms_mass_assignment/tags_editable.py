# Ignores one requirement: the tags cannot be changed.
from catalog.models import Content
from django import forms


class ContentEditForm(forms.ModelForm):
    class Meta:
        model = Content
        fields = ["title"]
