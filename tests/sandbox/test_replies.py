"""Reply threads (``Comment.parent``) are seeded after, and apart from, every other row."""

import hashlib
import json

import pytest
from catalog import seed as seeding
from catalog.models import Audio, Comment, Content, Creator, Playlist, PlaylistItem, Tag, Video

pytestmark = pytest.mark.django_db

# sha256 of ``_rows_before_replies()`` for the small seed 0, taken before replies existed:
# other notebooks' answers depend on these rows, so adding replies must not move any of them.
SMALL_SEED_0 = "9e6cf6484e2320059e5467843d753e6f5cee883288a7def4b0b7341980fefe22"
SMALL_SEED_0_COUNTS = {
    "creators": 6,
    "tags": 12,
    "contents": 60,
    "audio": 20,
    "video": 8,
    "content_tags": 87,
    "comments": 151,
    "playlists": 4,
    "items": 32,
}


def _text(rows):
    return [[str(value) for value in row] for row in rows]


def _rows_before_replies():
    """Every row the seed made before replies existed, by natural keys, as text."""
    return {
        "creators": _text(
            Creator.objects.order_by("slug").values_list("slug", "name", "bio", "joined")
        ),
        "tags": sorted(Tag.objects.values_list("name", flat=True)),
        "contents": _text(
            Content.objects.order_by("slug").values_list(
                "slug", "title", "creator__slug", "published", "is_public", "plays"
            )
        ),
        "audio": _text(Audio.objects.order_by("slug").values_list("slug", "duration_seconds")),
        "video": _text(Video.objects.order_by("slug").values_list("slug", "duration_seconds")),
        "content_tags": sorted(
            map(list, Content.tags.through.objects.values_list("content__slug", "tag__name"))
        ),
        "comments": sorted(
            _text(
                Comment.objects.filter(parent=None).values_list(
                    "content__slug", "author_name", "body", "created"
                )
            )
        ),
        "playlists": sorted(map(list, Playlist.objects.values_list("name", "owner__slug"))),
        "items": sorted(
            _text(PlaylistItem.objects.values_list("playlist__name", "position", "content__slug"))
        ),
    }


def _digest(rows):
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()


def _replies():
    """Every reply by natural keys: its own, and its parent's."""
    return sorted(
        _text(
            Comment.objects.filter(parent__isnull=False).values_list(
                "content__slug",
                "author_name",
                "body",
                "created",
                "parent__author_name",
                "parent__body",
                "parent__created",
            )
        )
    )


def _depths():
    parents = dict(Comment.objects.values_list("pk", "parent_id"))
    depths = {}
    for pk in parents:
        depth, node = 0, pk
        while parents[node] is not None:
            depth, node = depth + 1, parents[node]
        depths[pk] = depth
    return depths


def test_replies_leave_every_earlier_row_of_the_small_seed_as_it_was():
    rows = _rows_before_replies()
    assert {name: len(values) for name, values in rows.items()} == SMALL_SEED_0_COUNTS
    assert _digest(rows) == SMALL_SEED_0


def test_the_small_seed_has_reply_threads_up_to_five_levels_deep():
    depths = _depths()
    replies = Comment.objects.filter(parent__isnull=False)
    assert replies.count() == sum(1 for depth in depths.values() if depth > 0) > 0
    assert max(depths.values()) == seeding.MAX_REPLY_DEPTH
    threads = Comment.objects.filter(parent=None, replies__isnull=False).distinct().count()
    assert threads == seeding.SIZES["small"].threads


def test_a_reply_belongs_to_its_parents_content_and_comes_after_it():
    for reply in Comment.objects.filter(parent__isnull=False).select_related("parent"):
        assert reply.content_id == reply.parent.content_id
        assert reply.created > reply.parent.created


def test_replies_are_deterministic(empty_catalogue):
    seeding.seed("small", 0)
    first = (_rows_before_replies(), _replies())
    Creator.objects.all().delete()
    Tag.objects.all().delete()
    Comment.objects.create(  # moves the sequences on: primary keys differ next time
        content=Content.objects.create(
            title="x",
            slug="x",
            creator=Creator.objects.create(name="x", slug="x", joined="2024-01-01"),
            published="2024-01-01T00:00Z",
        ),
        author_name="x",
        body="x",
        created="2024-01-01T00:00Z",
    )
    Creator.objects.all().delete()
    seeding.seed("small", 0)
    assert (_rows_before_replies(), _replies()) == first
    assert _digest(first[0]) == SMALL_SEED_0
    Creator.objects.all().delete()
    Tag.objects.all().delete()
    seeding.seed("small", 1)
    assert _replies() != first[1]


def test_deleting_a_comment_deletes_its_replies():
    root = Comment.objects.filter(parent=None, replies__isnull=False).first()
    parents = dict(Comment.objects.values_list("pk", "parent_id"))
    thread, grew = {root.pk}, True
    while grew:
        below = {pk for pk, parent in parents.items() if parent in thread}
        grew = not below <= thread
        thread |= below
    assert len(thread) > 1
    root.delete()
    assert not Comment.objects.filter(pk__in=thread).exists()
