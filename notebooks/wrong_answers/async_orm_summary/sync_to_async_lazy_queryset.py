# Wraps filter() in sync_to_async, which runs no query: the lazy queryset is evaluated in the loop.
from asgiref.sync import sync_to_async
from catalog.models import Content, Creator


async def creator_summary(slug):
    creator = await Creator.objects.filter(slug=slug).afirst()
    if creator is None:
        return None
    public = await sync_to_async(Content.objects.filter)(creator=creator, is_public=True)
    titles = [content.title for content in public[:5]]
    return {
        "name": creator.name,
        "public": len(public),
        "latest": titles[0] if titles else None,
        "titles": titles,
    }
