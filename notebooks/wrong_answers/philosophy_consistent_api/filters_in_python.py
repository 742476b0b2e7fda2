# Filters in Python and returns lists: nothing chains after public() or popular().
from catalog.models import Content
from django.db import models


class ContentQuerySet(models.QuerySet):
    def public(self):
        return [item for item in self if item.is_public]

    def popular(self, min_plays):
        return [item for item in self if item.plays >= min_plays]


class ShowcaseContent(Content):
    objects = ContentQuerySet.as_manager()

    class Meta:
        proxy = True
        app_label = "playground"


class PublicOnlyMixin:
    def get_queryset(self):
        return super().get_queryset().public()
