# Looks the slug up among all contents: a private content is shown instead of a 404.
# ruff: noqa: F821 (the notebook defines the service clients and play_events)
from catalog.models import Content
from django.http import Http404, JsonResponse


async def now_playing(request, slug):
    try:
        content = await Content.objects.select_related("creator").aget(slug=slug)
    except Content.DoesNotExist:
        raise Http404("No content with that slug.") from None
    listeners = await fetch_listeners(slug)
    return JsonResponse(
        {
            "slug": content.slug,
            "title": content.title,
            "creator": content.creator.name,
            "listeners": listeners,
        }
    )
