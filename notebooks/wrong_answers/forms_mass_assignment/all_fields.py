# The bug itself: every field of the model can be posted.
# ruff: noqa: DJ007  (the point of this answer)
from catalog.models import Content
from django import forms


class ContentEditForm(forms.ModelForm):
    class Meta:
        model = Content
        fields = "__all__"
