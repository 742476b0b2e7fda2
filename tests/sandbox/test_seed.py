"""Seed data is deterministic: the same size and seed always give the same rows."""

import pytest
from catalog import seed as seeding
from catalog.models import Audio, Comment, Content, Creator, Playlist, PlaylistItem, Tag, Video


def snapshot():
    """Every seeded row by natural keys: primary keys depend on the database's sequences."""
    return {
        "creators": list(Creator.objects.values_list("slug", "name", "bio", "joined")),
        "tags": list(Tag.objects.values_list("name", flat=True)),
        "contents": list(
            Content.objects.order_by("slug").values_list(
                "slug", "title", "creator__slug", "published", "is_public", "plays"
            )
        ),
        "audio": list(Audio.objects.order_by("slug").values_list("slug", "duration_seconds")),
        "video": list(Video.objects.order_by("slug").values_list("slug", "duration_seconds")),
        "content_tags": sorted(
            Content.tags.through.objects.values_list("content__slug", "tag__name")
        ),
        "comments": sorted(
            Comment.objects.values_list("content__slug", "author_name", "body", "created")
        ),
        "playlists": sorted(Playlist.objects.values_list("name", "owner__slug")),
        "items": sorted(
            PlaylistItem.objects.values_list("playlist__name", "position", "content__slug")
        ),
    }


def seeded(size="small", seed=0):
    Creator.objects.all().delete()
    Tag.objects.all().delete()
    seeding.seed(size, seed)
    return snapshot()


@pytest.mark.django_db
def test_same_size_and_seed_give_identical_rows():
    first = seeded("small", 0)
    # Move the sequences on by one row: the next run gets other primary keys (as after any
    # earlier use of the database), and the rows must still be the same.
    Content.objects.create(
        title="x", slug="x", creator=Creator.objects.first(), published="2024-01-01T00:00Z"
    )
    assert seeded("small", 0) == first
    assert Audio.objects.count() > 0 and Video.objects.count() > 0


@pytest.mark.django_db
def test_the_session_database_was_seeded_the_same_way():
    assert snapshot() == seeded("small", 0)


@pytest.mark.django_db
def test_a_different_seed_gives_different_rows():
    first = seeded("small", 0)
    other = seeded("small", 1)
    assert other != first
    assert other["contents"] != first["contents"]
    assert len(other["contents"]) == len(first["contents"])


@pytest.mark.django_db
def test_sizes_give_the_planned_counts():
    plan = seeding.SIZES["small"]
    rows = seeded("small", 3)
    assert len(rows["creators"]) == plan.creators
    assert len(rows["tags"]) == plan.tags
    assert len(rows["contents"]) == plan.contents
    assert len(rows["playlists"]) == plan.playlists
    # Every third item is audio, every fifth of the rest video (position-based, not pk-based).
    assert len(rows["audio"]) == plan.contents // 3
    assert len(rows["video"]) == len(
        [n for n in range(1, plan.contents + 1) if n % 5 == 0 and n % 3]
    )


def test_unknown_size_is_refused():
    with pytest.raises(ValueError, match="small, medium, large"):
        seeding.seed("huge")
