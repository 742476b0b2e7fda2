"""Create database tables for models that a candidate defines in a notebook cell."""

from django.db import connection


def create_tables(*models):
    """Create the tables of concrete ``models``, replacing tables left by an earlier run."""
    for model in models:
        _check_concrete(model)
    ordered = sorted(models, key=lambda model: len(model._meta.get_parent_list()))
    existing = set(connection.introspection.table_names())
    with connection.schema_editor() as editor:
        for model in reversed(ordered):  # children first: they point at their parents
            if model._meta.db_table in existing:
                editor.delete_model(model)
        for model in ordered:
            editor.create_model(model)


def _check_concrete(model):
    meta = model._meta
    if meta.abstract:
        raise ValueError(
            f"{model.__name__} is abstract: it has no table of its own. Create tables for the "
            "concrete models that inherit from it."
        )
    if meta.proxy:
        raise ValueError(
            f"{model.__name__} is a proxy: it uses {meta.concrete_model.__name__}'s table, "
            "so there is nothing to create."
        )
    if meta.app_label != "playground":
        raise ValueError(
            f"{model.__name__} belongs to the app {meta.app_label!r}; models written in cells "
            'need `class Meta: app_label = "playground"`.'
        )
