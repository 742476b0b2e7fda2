# popular() also sorts by plays, overriding the order the caller chose.
from catalog.models import Content
from django.db import models


class ContentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def popular(self, min_plays):
        return self.filter(plays__gte=min_plays).order_by("-plays")


class ShowcaseContent(Content):
    objects = ContentQuerySet.as_manager()

    class Meta:
        proxy = True
        app_label = "playground"


class PublicOnlyMixin:
    def get_queryset(self):
        return super().get_queryset().public()
