# No rule on the dates at all.
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

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

    def __str__(self):
        return self.title
