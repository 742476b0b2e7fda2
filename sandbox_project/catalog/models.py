"""The media catalogue every question shares: creators publish content, listeners comment
and build playlists. ``Audio`` and ``Video`` are multi-table children of ``Content``."""

from django.db import models
from django.urls import reverse


class Creator(models.Model):
    name = models.CharField(max_length=100)
    slug = models.SlugField(unique=True)
    bio = models.TextField(blank=True)
    joined = models.DateField()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("catalog:creator-detail", args=[self.slug])


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Content(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    creator = models.ForeignKey(Creator, on_delete=models.CASCADE, related_name="contents")
    tags = models.ManyToManyField(Tag, blank=True, related_name="contents")
    published = models.DateTimeField()
    is_public = models.BooleanField(default=True)
    plays = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-published", "id"]
        indexes = [models.Index(fields=["creator", "-published"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("catalog:content-detail", args=[self.slug])


class Audio(Content):
    """Multi-table child: its table ``catalog_audio`` links to ``catalog_content`` through
    the implicit one-to-one field ``content_ptr``."""

    duration_seconds = models.PositiveIntegerField()
    bitrate_kbps = models.PositiveIntegerField(default=128)


class Video(Content):
    duration_seconds = models.PositiveIntegerField()
    resolution = models.CharField(max_length=10, default="1080p")


class Comment(models.Model):
    content = models.ForeignKey(Content, on_delete=models.CASCADE, related_name="comments")
    # A reply points at the comment it answers (same content); top-level comments have none.
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author_name = models.CharField(max_length=100)
    body = models.TextField()
    created = models.DateTimeField()

    class Meta:
        ordering = ["created", "id"]

    def __str__(self):
        return f"{self.author_name} on {self.content}"


class Playlist(models.Model):
    name = models.CharField(max_length=100)
    owner = models.ForeignKey(Creator, on_delete=models.CASCADE, related_name="playlists")
    items = models.ManyToManyField(Content, through="PlaylistItem", related_name="playlists")

    class Meta:
        ordering = ["name", "id"]

    def __str__(self):
        return self.name


class PlaylistItem(models.Model):
    playlist = models.ForeignKey(Playlist, on_delete=models.CASCADE)
    content = models.ForeignKey(Content, on_delete=models.CASCADE)
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["playlist", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["playlist", "position"], name="unique_playlist_position"
            )
        ]

    def __str__(self):
        return f"{self.playlist} #{self.position}: {self.content}"
