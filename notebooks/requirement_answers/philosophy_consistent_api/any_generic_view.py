# The mixin only guards get_object(): detail pages 404, but lists still show private content.
from catalog.models import Content
from django.db import models
from django.http import Http404


class ContentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def popular(self, min_plays):
        return self.filter(plays__gte=min_plays)


class ShowcaseContent(Content):
    objects = ContentQuerySet.as_manager()

    class Meta:
        proxy = True
        app_label = "playground"


class PublicOnlyMixin:
    def get_object(self, queryset=None):
        item = super().get_object(queryset)
        if not item.is_public:
            raise Http404("No such content.")
        return item
