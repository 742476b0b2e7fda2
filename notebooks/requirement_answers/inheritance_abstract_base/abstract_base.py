# Ignores "abstract base": a concrete TimeStamped, so Article and Episode are multi-table children.
# ruff: noqa: F821  (sandbox is defined in the notebook)
from catalog.models import Creator
from django.db import models


class TimeStamped(models.Model):  # noqa: DJ008
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    owner = models.ForeignKey(
        Creator, on_delete=models.CASCADE, related_name="%(app_label)s_%(class)s_items"
    )

    class Meta:
        app_label = "playground"
        ordering = ["-modified"]


class Article(TimeStamped):
    title = models.CharField(max_length=200)

    class Meta:
        app_label = "playground"

    def __str__(self):
        return self.title


class Episode(TimeStamped):
    title = models.CharField(max_length=200)
    duration_seconds = models.PositiveIntegerField()

    class Meta:
        app_label = "playground"

    def __str__(self):
        return self.title


sandbox.create_tables(TimeStamped, Article, Episode)
