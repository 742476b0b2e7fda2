# Ignores "most played first": ordered by title alone.
from catalog import models as catalog
from django.db import models


class PublicContentManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(is_public=True)


class TopContent(catalog.Content):
    objects = PublicContentManager()

    class Meta:
        proxy = True
        app_label = "playground"
        ordering = ["title"]

    def popularity(self):
        if self.plays >= 5000:
            return "hit"
        if self.plays >= 500:
            return "steady"
        return "niche"
