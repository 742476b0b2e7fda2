# Ignores "newest first": no ordering, rows come in whatever order the database likes.
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
        abstract = True
        app_label = "playground"


class Article(TimeStamped):
    title = models.CharField(max_length=200)

    def __str__(self):
        return self.title


class Episode(TimeStamped):
    title = models.CharField(max_length=200)
    duration_seconds = models.PositiveIntegerField()

    def __str__(self):
        return self.title


sandbox.create_tables(Article, Episode)
