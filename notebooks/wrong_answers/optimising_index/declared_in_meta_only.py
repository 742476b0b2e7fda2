# Declares the index on the model's Meta, as models.py would, but nothing reaches the database.
import re

from django.db import models


def add_index(model, fields, name):
    """Create index ``name`` on ``model``'s table over ``fields``, unless it exists."""
    if name not in [index.name for index in model._meta.indexes]:
        model._meta.indexes = [*model._meta.indexes, models.Index(fields=fields, name=name)]


def uses_index(queryset, name):
    """Return whether the database's plan for ``queryset`` uses the index ``name``."""
    return re.search(rf"(?<![\w$]){re.escape(name)}(?![\w$])", queryset.explain()) is not None
