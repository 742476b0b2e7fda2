# Each child extends the base's Meta (and says its app_label there); explicit related_query_name.
# ruff: noqa: F821  (sandbox is defined in the notebook)
from catalog.models import Creator
from django.db import models


class TimeStamped(models.Model):
    created = models.DateTimeField(auto_now_add=True, editable=False)
    modified = models.DateTimeField(auto_now=True)
    owner = models.ForeignKey(
        Creator,
        on_delete=models.CASCADE,
        related_name="%(app_label)s_%(class)s_items",
        related_query_name="%(app_label)s_%(class)s",
    )

    class Meta:
        abstract = True
        ordering = ["-modified", "-id"]


class Article(TimeStamped):
    title = models.CharField(max_length=200)

    class Meta(TimeStamped.Meta):
        app_label = "playground"

    def __str__(self):
        return self.title


class Episode(TimeStamped):
    title = models.CharField(max_length=200)
    duration_seconds = models.PositiveIntegerField()

    class Meta(TimeStamped.Meta):
        app_label = "playground"

    def __str__(self):
        return self.title


sandbox.create_tables(Article, Episode)
