# Allows a promotion that ends the day it starts (gte instead of gt).
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
                condition=Q(ends__gte=F("starts")),
                name="promotion_ends_after_it_starts",
                violation_error_message=MESSAGE,
            )
        ]

    def __str__(self):
        return self.title
