# Ignores one requirement: is_public can be posted too.
from catalog.models import Content
from django import forms


class ContentEditForm(forms.ModelForm):
    class Meta:
        model = Content
        fields = ["title", "tags", "is_public"]
