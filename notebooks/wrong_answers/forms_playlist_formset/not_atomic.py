# Catches the IntegrityError but without a transaction: the rows saved before it stay saved.
from catalog.models import Playlist, PlaylistItem
from django.db import IntegrityError
from django.forms import inlineformset_factory


def save_playlist_items(playlist, data):
    ItemFormSet = inlineformset_factory(
        Playlist, PlaylistItem, fields=["content", "position"], extra=1, can_delete=True
    )
    formset = ItemFormSet(data, instance=playlist, prefix="items")
    if not formset.is_valid():
        return False
    try:
        formset.save()
    except IntegrityError:
        return False
    return True
