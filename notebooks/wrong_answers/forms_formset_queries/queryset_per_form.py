# Gives each form the same queryset: a queryset is re-run by every select that lists it.
from catalog.models import Content, Playlist, PlaylistItem
from django.forms import inlineformset_factory


def render_items_editor(playlist):
    EditorFormSet = inlineformset_factory(
        Playlist, PlaylistItem, fields=["content", "position"], extra=1
    )
    formset = EditorFormSet(instance=playlist, prefix="items")
    options = Content.objects.all()
    for each in formset.forms:
        each.fields["content"].queryset = options
    return str(formset)
