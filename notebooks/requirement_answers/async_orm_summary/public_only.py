# Counts and lists all of the creator's contents, private ones included.
from catalog.models import Content, Creator


async def creator_summary(slug):
    creator = await Creator.objects.filter(slug=slug).afirst()
    if creator is None:
        return None
    contents = Content.objects.filter(creator=creator)
    latest = await contents.afirst()
    return {
        "name": creator.name,
        "public": await contents.acount(),
        "latest": latest.title if latest else None,
        "titles": [title async for title in contents.values_list("title", flat=True)[:5]],
    }
