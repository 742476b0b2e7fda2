# Assumes every creator has public content: AttributeError on None for one who has none.
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
        "latest": latest.title,
        "titles": [title async for title in public.values_list("title", flat=True)[:5]],
    }
