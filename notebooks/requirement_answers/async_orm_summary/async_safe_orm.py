# A coroutine that calls the sync ORM: works in this kernel, refused with the production check on.
from catalog.models import Content, Creator


async def creator_summary(slug):
    creator = Creator.objects.filter(slug=slug).first()
    if creator is None:
        return None
    public = Content.objects.filter(creator=creator, is_public=True)
    latest = public.first()
    return {
        "name": creator.name,
        "public": public.count(),
        "latest": latest.title if latest else None,
        "titles": list(public.values_list("title", flat=True)[:5]),
    }
