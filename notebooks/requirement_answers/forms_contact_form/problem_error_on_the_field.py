# Ignores one requirement: raises in clean(), so the error is a non-field error (__all__).

from catalog.models import Content
from django import forms


class ContactForm(forms.Form):
    TOPICS = [
        ("general", "General question"),
        ("problem", "Report a problem"),
        ("press", "Press enquiry"),
    ]

    name = forms.CharField(max_length=100)
    email = forms.EmailField()
    topic = forms.ChoiceField(choices=TOPICS, initial="general")
    content_slug = forms.CharField(required=False)
    message = forms.CharField(
        widget=forms.Textarea,
        min_length=20,
        error_messages={"min_length": "Please write at least 20 characters."},
    )

    def clean_email(self):
        return self.cleaned_data["email"].lower()

    def clean_content_slug(self):
        slug = self.cleaned_data["content_slug"]
        if slug and not Content.objects.filter(slug=slug).exists():
            raise forms.ValidationError("No content has this slug.")
        return slug

    def clean(self):
        cleaned_data = super().clean()
        missing = not cleaned_data.get("content_slug")
        if (
            cleaned_data.get("topic") == "problem"
            and missing
            and not self.has_error("content_slug")
        ):
            raise forms.ValidationError("Tell us which content has the problem.")
        return cleaned_data
