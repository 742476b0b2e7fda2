# Lets aget()'s DoesNotExist escape: a missing or private slug is a server error, not a 404.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
from catalog.models import Content
from django.http import JsonResponse


async def now_playing(request, slug):
    content = await Content.objects.select_related("creator").aget(slug=slug, is_public=True)
    listeners = await fetch_listeners(slug)
    return JsonResponse(
        {
            "slug": content.slug,
            "title": content.title,
            "creator": content.creator.name,
            "listeners": listeners,
        }
    )
