# Validators on the fields (MinLengthValidator with its own message, a slug lookup) and the
# email lower-cased in clean() instead of clean_email().
from catalog.models import Content
from django import forms
from django.core.validators import MinLengthValidator


def existing_content(slug):
    if not Content.objects.filter(slug=slug).exists():
        raise forms.ValidationError("No content has this slug.", code="unknown")


class ContactForm(forms.Form):
    name = forms.CharField(max_length=100)
    email = forms.EmailField()
    topic = forms.ChoiceField(
        choices={
            "general": "General question",
            "problem": "Report a problem",
            "press": "Press enquiry",
        },
        initial="general",
    )
    content_slug = forms.CharField(required=False, validators=[existing_content])
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[MinLengthValidator(20, "Please write at least 20 characters.")],
    )

    def clean(self):
        data = super().clean()
        if "email" in data:
            data["email"] = data["email"].lower()
        unknown = "content_slug" in self.errors
        if data.get("topic") == "problem" and not data.get("content_slug") and not unknown:
            self.add_error("content_slug", "Tell us which content has the problem.")
        return data
