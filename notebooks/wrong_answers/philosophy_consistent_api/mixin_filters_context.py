# The mixin filters the template's object_list: the data source and detail pages are untouched.
from catalog.models import Content
from django.db import models


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
    def get_context_data(self, **kwargs):
        if "object_list" in kwargs:
            kwargs["object_list"] = kwargs["object_list"].public()
        return super().get_context_data(**kwargs)
