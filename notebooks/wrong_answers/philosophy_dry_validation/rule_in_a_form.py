# Writes both rules in a ModelForm: other forms, full_clean() and the admin never see them.
# ruff: noqa: DJ007  (a form that lists every field, as the tests' own form does)
from django import forms
from django.core.exceptions import ValidationError
from django.db import models

MESSAGE = "A promotion must end after it starts."


class Promotion(models.Model):
    title = models.CharField(max_length=100)
    discount_percent = models.PositiveSmallIntegerField()
    starts = models.DateField()
    ends = models.DateField()

    class Meta:
        app_label = "playground"

    def __str__(self):
        return self.title


class PromotionForm(forms.ModelForm):
    class Meta:
        model = Promotion
        fields = "__all__"

    def clean_discount_percent(self):
        value = self.cleaned_data["discount_percent"]
        if not 5 <= value <= 50:
            raise ValidationError("Between 5 and 50.")
        return value

    def clean(self):
        data = super().clean()
        if data.get("starts") and data.get("ends") and data["ends"] <= data["starts"]:
            raise ValidationError(MESSAGE)
        return data
