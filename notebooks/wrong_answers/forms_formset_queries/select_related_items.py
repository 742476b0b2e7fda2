# The wrong fix: select_related on the items; the options are still queried per form.
from catalog.models import Playlist, PlaylistItem
from django.forms import inlineformset_factory


def render_items_editor(playlist):
    EditorFormSet = inlineformset_factory(
        Playlist, PlaylistItem, fields=["content", "position"], extra=1
    )
    formset = EditorFormSet(
        instance=playlist,
        prefix="items",
        queryset=PlaylistItem.objects.select_related("content"),
    )
    return str(formset)
