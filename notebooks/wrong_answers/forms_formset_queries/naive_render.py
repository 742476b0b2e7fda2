# Renders the formset as it comes: every select queries all content again.
from catalog.models import Playlist, PlaylistItem
from django.forms import inlineformset_factory


def render_items_editor(playlist):
    EditorFormSet = inlineformset_factory(
        Playlist, PlaylistItem, fields=["content", "position"], extra=1
    )
    formset = EditorFormSet(instance=playlist, prefix="items")
    return str(formset)
