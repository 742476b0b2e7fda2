# Declares the parent link itself: a OneToOneField with parent_link=True, named content_ptr.
# ruff: noqa: F821  (sandbox is defined in the notebook)
from django.db import models


class Content(models.Model):
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        app_label = "playground"

    def __str__(self):
        return self.title


class Audio(Content):
    content_ptr = models.OneToOneField(
        Content, on_delete=models.CASCADE, parent_link=True, primary_key=True
    )
    source = models.CharField(max_length=100)
    link = models.URLField(max_length=500)
    embed_code = models.TextField(blank=True, default="")

    class Meta:
        app_label = "playground"


sandbox.create_tables(Content, Audio)
