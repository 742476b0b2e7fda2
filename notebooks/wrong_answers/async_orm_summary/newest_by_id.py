# Takes the highest ids as the newest: ids follow insertion order, not publication dates.
from catalog.models import Content, Creator


async def creator_summary(slug):
    creator = await Creator.objects.filter(slug=slug).afirst()
    if creator is None:
        return None
    public = Content.objects.filter(creator=creator, is_public=True).order_by("-id")
    latest = await public.afirst()
    return {
        "name": creator.name,
        "public": await public.acount(),
        "latest": latest.title if latest else None,
        "titles": [title async for title in public.values_list("title", flat=True)[:5]],
    }
