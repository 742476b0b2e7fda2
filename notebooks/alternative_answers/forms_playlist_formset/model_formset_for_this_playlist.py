# A model formset over this playlist's items; the view sets the playlist and deletes.
from catalog.models import PlaylistItem
from django.db import IntegrityError, transaction
from django.forms import modelformset_factory


def save_playlist_items(playlist, data):
    ItemFormSet = modelformset_factory(
        PlaylistItem, fields=("content", "position"), extra=1, can_delete=True
    )
    formset = ItemFormSet(
        data, queryset=PlaylistItem.objects.filter(playlist=playlist), prefix="items"
    )
    if not formset.is_valid():
        return False
    try:
        with transaction.atomic():
            items = formset.save(commit=False)
            for item in formset.deleted_objects:
                item.delete()
            for item in items:
                item.playlist = playlist
                item.save()
    except IntegrityError:
        return False
    return True
