# Correct too: the blocking client runs in a thread pool (thread_sensitive=False), so waits overlap.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
from asgiref.sync import sync_to_async
from catalog.models import Content
from django.http import Http404, JsonResponse


async def now_playing(request, slug):
    try:
        content = await Content.objects.select_related("creator").aget(slug=slug, is_public=True)
    except Content.DoesNotExist:
        raise Http404("No public content with that slug.") from None
    listeners = await sync_to_async(fetch_listeners_blocking, thread_sensitive=False)(slug)
    return JsonResponse(
        {
            "slug": content.slug,
            "title": content.title,
            "creator": content.creator.name,
            "listeners": listeners,
        }
    )
