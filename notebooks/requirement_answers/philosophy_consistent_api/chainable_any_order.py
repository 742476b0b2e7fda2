# The methods live on a Manager only: they do not exist on the querysets it returns.
from catalog.models import Content
from django.db import models


class ContentQuerySet(models.QuerySet):
    pass


class ContentManager(models.Manager):
    def public(self):
        return self.filter(is_public=True)

    def popular(self, min_plays):
        return self.filter(plays__gte=min_plays)


class ShowcaseContent(Content):
    objects = ContentManager()

    class Meta:
        proxy = True
        app_label = "playground"


class PublicOnlyMixin:
    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.filter(is_public=True)
