# Ignores "written once on the base": each child declares its own owner (right names, no clash).
# ruff: noqa: F821  (sandbox is defined in the notebook)
from catalog.models import Creator
from django.db import models


class TimeStamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-modified"]


class Article(TimeStamped):
    owner = models.ForeignKey(
        Creator, on_delete=models.CASCADE, related_name="playground_article_items"
    )
    title = models.CharField(max_length=200)

    class Meta(TimeStamped.Meta):
        app_label = "playground"

    def __str__(self):
        return self.title


class Episode(TimeStamped):
    owner = models.ForeignKey(
        Creator, on_delete=models.CASCADE, related_name="playground_episode_items"
    )
    title = models.CharField(max_length=200)
    duration_seconds = models.PositiveIntegerField()

    class Meta(TimeStamped.Meta):
        app_label = "playground"

    def __str__(self):
        return self.title


sandbox.create_tables(Article, Episode)
