# "Hides" is_public and plays with HiddenInput widgets: they are still accepted from the POST.
from catalog.models import Content
from django import forms


class ContentEditForm(forms.ModelForm):
    class Meta:
        model = Content
        fields = ["title", "tags", "is_public", "plays"]
        widgets = {"is_public": forms.HiddenInput, "plays": forms.HiddenInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plays"].required = False
