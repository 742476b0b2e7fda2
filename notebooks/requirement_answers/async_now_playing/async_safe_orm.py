# Reads content.creator lazily after aget(): a sync query in the event loop (refused in production).
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
from catalog.models import Content
from django.http import Http404, JsonResponse


async def now_playing(request, slug):
    try:
        content = await Content.objects.aget(slug=slug, is_public=True)
    except Content.DoesNotExist:
        raise Http404("No public content with that slug.") from None
    listeners = await fetch_listeners(slug)
    return JsonResponse(
        {
            "slug": content.slug,
            "title": content.title,
            "creator": content.creator.name,
            "listeners": listeners,
        }
    )
