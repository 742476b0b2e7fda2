# save(commit=False) to save each item, but forgets formset.deleted_objects: nothing is deleted.
from catalog.models import Playlist, PlaylistItem
from django.db import IntegrityError, transaction
from django.forms import inlineformset_factory


def save_playlist_items(playlist, data):
    ItemFormSet = inlineformset_factory(
        Playlist, PlaylistItem, fields=["content", "position"], extra=1, can_delete=True
    )
    formset = ItemFormSet(data, instance=playlist, prefix="items")
    if not formset.is_valid():
        return False
    try:
        with transaction.atomic():
            for item in formset.save(commit=False):
                item.save()
    except IntegrityError:
        return False
    return True
