# Ignores "multi-table": an abstract Content, so Audio is one table with all the columns.
# ruff: noqa: F821  (sandbox is defined in the notebook)
from django.db import models


class Content(models.Model):
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        app_label = "playground"

    def __str__(self):
        return self.title


class Audio(Content):
    source = models.CharField(max_length=100)
    link = models.URLField()
    embed_code = models.TextField(blank=True)

    class Meta:
        app_label = "playground"


sandbox.create_tables(Audio)
