# Calls the blocking stats client inside the async view: right answers, but no request overlaps.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
from catalog.models import Content
from django.http import Http404, JsonResponse


async def now_playing(request, slug):
    try:
        content = await Content.objects.select_related("creator").aget(slug=slug, is_public=True)
    except Content.DoesNotExist:
        raise Http404("No public content with that slug.") from None
    listeners = fetch_listeners_blocking(slug)
    return JsonResponse(
        {
            "slug": content.slug,
            "title": content.title,
            "creator": content.creator.name,
            "listeners": listeners,
        }
    )
