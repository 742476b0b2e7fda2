# Lists every public title instead of the five newest.
from catalog.models import Content, Creator


async def creator_summary(slug):
    creator = await Creator.objects.filter(slug=slug).afirst()
    if creator is None:
        return None
    public = Content.objects.filter(creator=creator, is_public=True)
    latest = await public.afirst()
    return {
        "name": creator.name,
        "public": await public.acount(),
        "latest": latest.title if latest else None,
        "titles": [title async for title in public.values_list("title", flat=True)],
    }
