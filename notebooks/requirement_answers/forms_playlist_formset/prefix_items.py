# Ignores one requirement: the default prefix, so the posted management form is not found.
from catalog.models import Playlist, PlaylistItem
from django.db import IntegrityError, transaction
from django.forms import inlineformset_factory


def save_playlist_items(playlist, data):
    ItemFormSet = inlineformset_factory(
        Playlist, PlaylistItem, fields=["content", "position"], extra=1, can_delete=True
    )
    formset = ItemFormSet(data, instance=playlist)
    if not formset.is_valid():
        return False
    try:
        with transaction.atomic():
            formset.save()
    except IntegrityError:
        return False
    return True
