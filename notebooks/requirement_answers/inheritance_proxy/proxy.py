# Ignores "a proxy": a multi-table child of Content, with its own (empty) table.
# ruff: noqa: F821  (sandbox is defined in the notebook)
from catalog import models as catalog
from django.db import models


class PublicContentManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(is_public=True)


class TopContent(catalog.Content):
    objects = PublicContentManager()

    class Meta:
        app_label = "playground"
        ordering = ["-plays", "title"]

    def popularity(self):
        if self.plays >= 5000:
            return "hit"
        if self.plays >= 500:
            return "steady"
        return "niche"


sandbox.create_tables(TopContent)
