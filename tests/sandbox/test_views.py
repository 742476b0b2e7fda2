"""The catalogue's pages through the test client: status codes, content, query counts."""

import pytest
from catalog.models import Content, Creator, Tag
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_content_list_shows_public_content_only(client):
    response = client.get("/")
    assert response.status_code == 200
    shown = list(response.context["object_list"])
    assert len(shown) == 20  # paginated
    assert all(content.is_public for content in shown)
    assert shown[0].title in response.content.decode()
    private = Content.objects.filter(is_public=False).first()
    assert private.title not in client.get("/?page=3").content.decode()


def test_content_list_takes_a_constant_number_of_queries(client):
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    assert len(queries) <= 2  # count for the paginator, then the page with its creators


def test_content_detail(client):
    content = Content.objects.filter(is_public=True, comments__isnull=False).first()
    response = client.get(content.get_absolute_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert content.title in body and content.creator.name in body
    comment = content.comments.first()
    assert comment.body in body


def test_private_and_unknown_content_are_404(client):
    private = Content.objects.filter(is_public=False).first()
    assert client.get(private.get_absolute_url()).status_code == 404
    assert client.get("/content/no-such-thing/").status_code == 404


def test_creator_detail(client):
    creator = Creator.objects.first()
    response = client.get(reverse("catalog:creator-detail", args=[creator.slug]))
    assert response.status_code == 200
    assert creator.name in response.content.decode()
    assert client.get("/creators/nobody/").status_code == 404


def test_popular_tags_ranked_by_plays(client):
    response = client.get(reverse("catalog:popular-tags"))
    assert response.status_code == 200
    plays = [tag.plays for tag in response.context["tags"]]
    assert plays == sorted(plays, reverse=True) and len(plays) == 10
    top = Tag.objects.get(name=response.context["tags"][0].name)
    assert sum(top.contents.values_list("plays", flat=True)) == plays[0]


def test_report_rows_are_right(client):
    response = client.get(reverse("catalog:creator-report"))
    assert response.status_code == 200
    rows = {row["creator"].slug: row for row in response.context["rows"]}
    assert len(rows) == Creator.objects.count()
    for creator in Creator.objects.all():
        row = rows[creator.slug]
        assert row["content_count"] == creator.contents.count()
        assert row["plays"] == sum(creator.contents.values_list("plays", flat=True))
    assert "Creator report" in response.content.decode()


def _report_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/report/").status_code == 200
    return len(queries)


def test_report_is_deliberately_n_plus_one(client):
    """The performance questions need a report whose query count grows with the data."""
    before = _report_queries(client)
    creator = Creator.objects.create(name="Extra", slug="extra", joined="2024-01-01")
    for n in range(3):
        Content.objects.create(
            title=f"Extra {n}", slug=f"extra-{n}", creator=creator, published="2024-06-01T12:00Z"
        )
    # One more creator: one query for their content, one per content item for its tags.
    assert _report_queries(client) == before + 1 + 3
