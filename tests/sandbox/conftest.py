"""The sandbox's tests run on pytest-django's test database, seeded once per session."""

import pytest
from catalog.seed import seed


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        seed("small", 0)


@pytest.fixture
def empty_catalogue(db):
    """Delete the seeded rows inside this test's transaction (rolled back afterwards)."""
    from catalog.models import Creator, Tag

    Creator.objects.all().delete()  # cascades to content, comments, playlists
    Tag.objects.all().delete()
