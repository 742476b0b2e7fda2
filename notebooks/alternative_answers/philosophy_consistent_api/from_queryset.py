# Manager.from_queryset() builds the manager; exclude() and the mixin read the queryset first.
from catalog.models import Content
from django.db import models


class ContentQuerySet(models.QuerySet):
    def public(self):
        return self.exclude(is_public=False)

    def popular(self, min_plays):
        return self.filter(plays__gte=min_plays)


class ShowcaseContent(Content):
    objects = models.Manager.from_queryset(ContentQuerySet)()

    class Meta:
        proxy = True
        app_label = "playground"


class PublicOnlyMixin:
    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.public()
