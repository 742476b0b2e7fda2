# Ignores one requirement: saves every form that is valid on its own, even when the formset is not.
from catalog.models import Playlist, PlaylistItem
from django.db import IntegrityError, transaction
from django.forms import inlineformset_factory


def save_playlist_items(playlist, data):
    ItemFormSet = inlineformset_factory(
        Playlist, PlaylistItem, fields=["content", "position"], extra=1, can_delete=True
    )
    formset = ItemFormSet(data, instance=playlist, prefix="items")
    saved = formset.is_valid()
    try:
        with transaction.atomic():
            for form in formset.forms:
                if form.is_valid() and form.has_changed() and not form.errors:
                    if form.cleaned_data.get("DELETE"):
                        if form.instance.pk:
                            form.instance.delete()
                    else:
                        form.save()
    except IntegrityError:
        return False
    return saved
