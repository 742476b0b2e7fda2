# Checks the rules in save(): forms and full_clean() accept bad data, which then fails on save.
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

    def save(self, *args, **kwargs):
        if not 5 <= self.discount_percent <= 50:
            raise ValidationError({"discount_percent": "Between 5 and 50."})
        if self.ends <= self.starts:
            raise ValidationError(MESSAGE)
        super().save(*args, **kwargs)
