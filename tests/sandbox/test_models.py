"""The catalogue's models: the kinds of inheritance and the constraints the questions rely on."""

import pytest
from catalog.models import Audio, Content, Creator, Playlist, PlaylistItem, Tag, Video
from django.db import IntegrityError, connection, transaction

pytestmark = pytest.mark.django_db


def test_multi_table_children_have_their_own_tables_linked_by_content_ptr():
    tables = set(connection.introspection.table_names())
    assert {"catalog_content", "catalog_audio", "catalog_video"} <= tables
    for child in (Audio, Video):
        link = child._meta.pk
        assert link.name == "content_ptr" and link.one_to_one
        assert link.related_model is Content
        assert child._meta.get_parent_list() == [Content]


def test_a_child_row_is_also_a_content_row():
    audio = Audio.objects.first()
    content = Content.objects.get(pk=audio.pk)
    assert content.title == audio.title
    assert content.audio == audio  # the parent reaches its child through the implicit link
    with pytest.raises(Video.DoesNotExist):
        content.video  # noqa: B018


def test_create_a_child_through_the_orm():
    creator = Creator.objects.first()
    audio = Audio.objects.create(
        title="New",
        slug="new",
        creator=creator,
        published="2024-06-01T12:00Z",
        duration_seconds=61,
    )
    assert Content.objects.filter(pk=audio.pk, audio__duration_seconds=61).exists()
    assert audio.get_absolute_url() == "/content/new/"
    assert str(audio) == "New"


def test_playlist_positions_are_unique_per_playlist():
    item = PlaylistItem.objects.first()
    other = Content.objects.exclude(pk=item.content_id).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        PlaylistItem.objects.create(playlist=item.playlist, content=other, position=item.position)


def test_tags_and_playlist_items_are_many_to_many():
    playlist = Playlist.objects.first()
    assert playlist.items.count() == PlaylistItem.objects.filter(playlist=playlist).count() > 0
    tag = Tag.objects.filter(contents__isnull=False).first()
    assert tag.contents.filter(tags=tag).exists()


def test_creator_url_and_ordering():
    creators = list(Creator.objects.all())
    assert [c.name for c in creators] == sorted(c.name for c in creators)
    assert creators[0].get_absolute_url() == f"/creators/{creators[0].slug}/"
