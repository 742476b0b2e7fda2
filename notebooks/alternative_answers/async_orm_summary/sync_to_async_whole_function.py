# Correct too: plain sync ORM code in one function, run in the ORM's thread by sync_to_async.
from asgiref.sync import sync_to_async
from catalog.models import Content, Creator


def _summary(slug):
    creator = Creator.objects.filter(slug=slug).first()
    if creator is None:
        return None
    public = Content.objects.filter(creator=creator, is_public=True)
    titles = list(public.values_list("title", flat=True)[:5])
    return {
        "name": creator.name,
        "public": public.count(),
        "latest": titles[0] if titles else None,
        "titles": titles,
    }


async def creator_summary(slug):
    return await sync_to_async(_summary)(slug)
