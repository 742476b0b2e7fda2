# popular() keeps only content with more than min_plays plays, not at least.
from catalog.models import Content
from django.db import models


class ContentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def popular(self, min_plays):
        return self.filter(plays__gt=min_plays)


class ShowcaseContent(Content):
    objects = ContentQuerySet.as_manager()

    class Meta:
        proxy = True
        app_label = "playground"


class PublicOnlyMixin:
    def get_queryset(self):
        return super().get_queryset().public()
