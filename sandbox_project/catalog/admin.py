from django.contrib import admin

from catalog.models import Audio, Comment, Content, Creator, Playlist, PlaylistItem, Tag, Video


@admin.register(Creator)
class CreatorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "joined"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Content, Audio, Video)
class ContentAdmin(admin.ModelAdmin):
    list_display = ["title", "creator", "published", "is_public", "plays"]
    list_filter = ["is_public", "tags"]
    list_select_related = ["creator"]
    search_fields = ["title"]


class PlaylistItemInline(admin.TabularInline):
    model = PlaylistItem
    extra = 0


@admin.register(Playlist)
class PlaylistAdmin(admin.ModelAdmin):
    list_display = ["name", "owner"]
    inlines = [PlaylistItemInline]


admin.site.register(Tag)
admin.site.register(Comment)
