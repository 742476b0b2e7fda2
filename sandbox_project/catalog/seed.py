"""Fill the catalogue with deterministic data: the same size and seed give the same rows."""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.db import transaction
from django.utils.text import slugify

from catalog.models import Audio, Comment, Content, Creator, Playlist, PlaylistItem, Tag, Video


@dataclass(frozen=True)
class Size:
    creators: int
    tags: int
    contents: int
    comments_per_content: int
    playlists: int
    threads: int  # top-level comments that get a tree of replies


SIZES = {
    "small": Size(creators=6, tags=12, contents=60, comments_per_content=3, playlists=4, threads=8),
    "medium": Size(
        creators=20, tags=24, contents=1_000, comments_per_content=2, playlists=20, threads=40
    ),
    "large": Size(
        creators=50, tags=40, contents=10_000, comments_per_content=2, playlists=50, threads=100
    ),
}

EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
WORDS = [
    "night",
    "city",
    "river",
    "echo",
    "signal",
    "garden",
    "static",
    "orbit",
    "velvet",
    "paper",
    "engine",
    "harbour",
    "silver",
    "quiet",
    "north",
    "summer",
    "glass",
    "atlas",
    "ember",
    "tide",
]
FIRST_NAMES = [
    "Ada",
    "Ben",
    "Chloe",
    "Dev",
    "Elif",
    "Femi",
    "Gao",
    "Hana",
    "Ivo",
    "Jun",
    "Kai",
    "Lena",
    "Milo",
    "Noor",
    "Omar",
    "Pia",
]
LAST_NAMES = [
    "Okafor",
    "Silva",
    "Novak",
    "Tanaka",
    "Haddad",
    "Kowalski",
    "Moreau",
    "Larsen",
    "Rossi",
    "Singh",
]


def seed(size="small", seed=0):
    """Add catalogue rows for ``size`` (a key of ``SIZES``) drawn from ``seed``."""
    if size not in SIZES:
        raise ValueError(f"Unknown size {size!r}: choose one of {', '.join(SIZES)}.")
    plan = SIZES[size]
    rng = random.Random(seed)
    with transaction.atomic():
        creators = _creators(rng, plan)
        tags = Tag.objects.bulk_create(
            Tag(name=f"{word}-{n}") for n, word in _cycle(WORDS, plan.tags)
        )
        contents = _contents(rng, plan, creators)
        _tag(rng, contents, tags)
        comments = _comments(rng, plan, contents)
        _playlists(rng, plan, creators, contents)
        # Replies come last and draw from their own generator: every row above stays exactly
        # what it was before replies existed (other notebooks' answers depend on those rows).
        _replies(random.Random(f"replies-{seed}"), plan, comments)
    return plan


def _cycle(words, count):
    return [(n, words[n % len(words)]) for n in range(count)]


def _creators(rng, plan):
    creators = []
    for n in range(plan.creators):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        creators.append(
            Creator(
                name=name,
                slug=f"{slugify(name)}-{n}",
                bio=f"{name} makes {rng.choice(WORDS)} music.",
                joined=date(2020, 1, 1) + timedelta(days=rng.randrange(1_400)),
            )
        )
    return Creator.objects.bulk_create(creators)


def _contents(rng, plan, creators):
    rows = []
    for n in range(plan.contents):
        title = f"{rng.choice(WORDS).title()} {rng.choice(WORDS)} {n}"
        rows.append(
            Content(
                title=title,
                slug=slugify(title),
                creator=rng.choice(creators),
                published=EPOCH + timedelta(minutes=rng.randrange(1_000_000)),
                is_public=rng.random() > 0.1,
                plays=rng.randrange(10_000),
            )
        )
    contents = Content.objects.bulk_create(rows)
    # Django cannot bulk_create multi-table children, so each child row is saved on its own
    # (raw=True saves only the child table, as loaddata does). The kind follows the position,
    # not the primary key: ids depend on the database's sequences, the seed's rows must not.
    for number, content in enumerate(contents, start=1):
        if number % 3 == 0:
            child = Audio(content_ptr=content, duration_seconds=rng.randrange(60, 3_600))
        elif number % 5 == 0:
            child = Video(content_ptr=content, duration_seconds=rng.randrange(60, 7_200))
        else:
            continue
        child.__dict__.update(
            {f.attname: getattr(content, f.attname) for f in Content._meta.fields}
        )
        child.save_base(raw=True)
    return contents


def _tag(rng, contents, tags):
    Through = Content.tags.through
    Through.objects.bulk_create(
        Through(content_id=content.pk, tag_id=tag.pk)
        for content in contents
        for tag in rng.sample(tags, k=rng.randrange(0, 4))
    )


def _comments(rng, plan, contents):
    return Comment.objects.bulk_create(
        Comment(
            content=content,
            author_name=rng.choice(FIRST_NAMES),
            body=f"Loved the {rng.choice(WORDS)} part.",
            created=content.published + timedelta(hours=rng.randrange(1, 500)),
        )
        for content in contents
        for _ in range(rng.randrange(plan.comments_per_content * 2 + 1))
    )


def _playlists(rng, plan, creators, contents):
    playlists = Playlist.objects.bulk_create(
        Playlist(name=f"{rng.choice(WORDS).title()} mix {n}", owner=rng.choice(creators))
        for n in range(plan.playlists)
    )
    PlaylistItem.objects.bulk_create(
        PlaylistItem(playlist=playlist, content=content, position=position)
        for playlist in playlists
        for position, content in enumerate(rng.sample(contents, k=min(8, len(contents))))
    )


MAX_REPLY_DEPTH = 5


def _replies(rng, plan, comments):
    """Give ``plan.threads`` top-level comments trees of replies, one to five levels deep.

    Each level is one ``bulk_create`` (a reply needs its parent's primary key). Every reply
    belongs to its parent's content and is written after it. The first thread is the deepest.
    """
    roots = rng.sample(comments, k=min(plan.threads, len(comments)))
    # (comment, depth, the depth its thread grows to)
    level = [
        (root, 0, MAX_REPLY_DEPTH if n == 0 else rng.randint(1, MAX_REPLY_DEPTH))
        for n, root in enumerate(roots)
    ]
    while level:
        planned = []
        for parent, depth, limit in level:
            if depth == limit:
                continue
            for _ in range(1 if rng.random() < 0.7 else 2):
                reply = Comment(
                    content_id=parent.content_id,
                    parent=parent,
                    author_name=rng.choice(FIRST_NAMES),
                    body=f"Re: {parent.author_name}, the {rng.choice(WORDS)} bit ({depth + 1}).",
                    created=parent.created + timedelta(minutes=rng.randrange(5, 3_000)),
                )
                planned.append((reply, depth + 1, limit))
        Comment.objects.bulk_create(reply for reply, _, _ in planned)
        level = planned
