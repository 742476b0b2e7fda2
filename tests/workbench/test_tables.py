"""Models written in cells get real tables: abstract bases, multi-table children, re-runs."""

import pytest
from kernel_tools import CellError

# Its tests share module-scoped kernels and run in order: keep them on one xdist worker.
pytestmark = pytest.mark.xdist_group("workbench_tables")

MODELS = """
from catalog.models import Content
from django.db import models


class Stamped(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        app_label = "playground"


class Note(Stamped):
    text = models.CharField(max_length=100)

    class Meta:
        app_label = "playground"


class Place(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = "playground"


class Restaurant(Place):
    serves_pizza = models.BooleanField(default=False)
    regulars = models.ManyToManyField("catalog.Creator", blank=True)

    class Meta:
        app_label = "playground"


class Episode(Content):
    season = models.PositiveIntegerField()

    class Meta:
        app_label = "playground"


# Children before parents on purpose: create_tables() orders them.
sandbox.create_tables(Restaurant, Note, Episode, Place)
"""

TABLES = """
from django.db import connection
with connection.cursor() as cursor:
    tables = set(connection.introspection.table_names(cursor))
    columns = {
        table: [c.name for c in connection.introspection.get_table_description(cursor, table)]
        for table in ("playground_restaurant", "playground_episode")
    }
"""


@pytest.fixture(scope="module")
def kernel(booted_kernel):
    booted_kernel.run(MODELS)
    yield booted_kernel
    booted_kernel.run("sandbox.reset()")


def test_tables_are_named_after_the_app_and_model(kernel):
    kernel.run(TABLES)
    tables = set(kernel.eval("sorted(t for t in tables if t.startswith('playground_'))"))
    assert tables == {
        "playground_note",
        "playground_place",
        "playground_restaurant",
        "playground_restaurant_regulars",
        "playground_episode",
    }
    assert "playground_stamped" not in tables  # an abstract base has no table


def test_multi_table_children_link_through_parent_ptr(kernel):
    kernel.run(TABLES)
    columns = kernel.eval("columns")
    assert columns["playground_restaurant"][0] == "place_ptr_id"
    assert "content_ptr_id" in columns["playground_episode"]
    assert kernel.eval("Restaurant._meta.pk.name") == "place_ptr"
    assert kernel.eval("Episode._meta.pk.name") == "content_ptr"


def test_abstract_fields_are_inherited(kernel):
    kernel.run("note = Note.objects.create(text='hi')")
    assert kernel.eval("Note.objects.get(text='hi').created is not None") is True
    assert kernel.eval("[f.name for f in Note._meta.fields]") == ["id", "created", "text"]


def test_query_across_the_inheritance(kernel):
    kernel.run(
        """
        from catalog.models import Creator
        creator = Creator.objects.first()
        Restaurant.objects.create(name="Luigi's", serves_pizza=True).regulars.add(creator)
        Place.objects.create(name="Park")
        Episode.objects.create(
            title="Pilot", slug="pilot", creator=creator, published="2024-06-01T12:00Z", season=1
        )
        """
    )
    assert kernel.eval("Place.objects.count()") == 2
    assert kernel.eval('Place.objects.get(name="Luigi\'s").restaurant.serves_pizza') is True
    assert kernel.eval("Restaurant.objects.filter(regulars=creator).count()") == 1
    assert kernel.eval("Content.objects.filter(episode__season=1).get().title") == "Pilot"
    assert kernel.eval("sandbox.client().get('/content/pilot/').status_code") == 200


def test_rerunning_the_cell_starts_again_cleanly(kernel):
    kernel.run("Place.objects.create(name='before the re-run')")
    kernel.run(MODELS)  # the same cell again: new classes, fresh tables
    assert "already registered" not in kernel.stderr
    assert kernel.eval("Place.objects.count()") == 0
    kernel.run("Restaurant.objects.create(name='again')")
    assert kernel.eval("Place.objects.get().name") == "again"


def test_reset_keeps_cell_tables_empty(kernel):
    kernel.run("Note.objects.create(text='to be reset')\nsandbox.reset()")
    assert kernel.eval("Note.objects.count()") == 0
    assert kernel.eval("Content.objects.count()") == 60
    kernel.run("Note.objects.create(text='after reset')")


@pytest.mark.parametrize(
    ("model", "message"),
    [
        ("Stamped", "Stamped is abstract: it has no table of its own"),
        ("LoudPlace", "LoudPlace is a proxy: it uses Place's table"),
        ("Content", "Content belongs to the app 'catalog'"),
    ],
)
def test_nothing_to_create_is_a_clear_error(kernel, model, message):
    kernel.run(
        """
        class LoudPlace(Place):
            class Meta:
                proxy = True
                app_label = "playground"
        """
    )
    with pytest.raises(CellError) as error:
        kernel.run(f"sandbox.create_tables({model})")
    assert error.value.ename == "ValueError"
    assert message in error.value.evalue
