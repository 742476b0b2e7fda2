# The manager returns catalog.Content.objects.filter(...): Content rows, not TopContent (no method,
# the parent's ordering).
from catalog import models as catalog
from django.db import models


class PublicContentManager(models.Manager):
    def get_queryset(self):
        return catalog.Content.objects.filter(is_public=True)


class TopContent(catalog.Content):
    objects = PublicContentManager()

    class Meta:
        proxy = True
        app_label = "playground"
        ordering = ["-plays", "title"]

    def popularity(self):
        if self.plays >= 5000:
            return "hit"
        if self.plays >= 500:
            return "steady"
        return "niche"
