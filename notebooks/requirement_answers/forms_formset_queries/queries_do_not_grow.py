# Ignores one requirement: lets every select query its options.
from catalog.models import Playlist, PlaylistItem
from django.forms import inlineformset_factory


def render_items_editor(playlist):
    EditorFormSet = inlineformset_factory(
        Playlist, PlaylistItem, fields=["content", "position"], extra=1
    )
    formset = EditorFormSet(instance=playlist, prefix="items")
    return str(formset)
