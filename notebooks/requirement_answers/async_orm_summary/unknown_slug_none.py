# Uses aget() for the creator: an unknown slug raises DoesNotExist instead of returning None.
from catalog.models import Content, Creator


async def creator_summary(slug):
    creator = await Creator.objects.aget(slug=slug)
    public = Content.objects.filter(creator=creator, is_public=True)
    latest = await public.afirst()
    return {
        "name": creator.name,
        "public": await public.acount(),
        "latest": latest.title if latest else None,
        "titles": [title async for title in public.values_list("title", flat=True)[:5]],
    }
