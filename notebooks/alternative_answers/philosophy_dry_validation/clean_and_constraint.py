# clean() gives the message; a CheckConstraint (default message) makes the database refuse too.
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q

MESSAGE = "A promotion must end after it starts."


class Promotion(models.Model):
    title = models.CharField(max_length=100)
    discount_percent = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(5), MaxValueValidator(50)]
    )
    starts = models.DateField()
    ends = models.DateField()

    class Meta:
        app_label = "playground"
        constraints = [
            models.CheckConstraint(
                condition=Q(ends__gt=F("starts")), name="promotion_ends_after_it_starts"
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts and self.ends and self.ends <= self.starts:
            raise ValidationError(MESSAGE)
