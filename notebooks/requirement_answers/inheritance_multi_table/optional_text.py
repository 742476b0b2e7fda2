# Ignores "optional text": description and embed_code are required by full_clean().
# ruff: noqa: F821  (sandbox is defined in the notebook)
from django.db import models


class Content(models.Model):
    title = models.CharField(max_length=200)
    description = models.TextField()
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "playground"

    def __str__(self):
        return self.title


class Audio(Content):
    source = models.CharField(max_length=100)
    link = models.URLField()
    embed_code = models.TextField()

    class Meta:
        app_label = "playground"


sandbox.create_tables(Content, Audio)
