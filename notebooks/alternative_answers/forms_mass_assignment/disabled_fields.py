# Shows every field but disables all but title and tags: a disabled field ignores posted
# ruff: noqa: DJ007  (the point of this answer)
# data and keeps the instance's value.
from catalog.models import Content
from django import forms


class ContentEditForm(forms.ModelForm):
    class Meta:
        model = Content
        fields = "__all__"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name not in ("title", "tags"):
                field.disabled = True
