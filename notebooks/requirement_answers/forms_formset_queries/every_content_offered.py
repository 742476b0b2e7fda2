# Ignores one requirement: offers only public content.
from catalog.models import Content, Playlist, PlaylistItem
from django.forms import inlineformset_factory


def render_items_editor(playlist):
    EditorFormSet = inlineformset_factory(
        Playlist, PlaylistItem, fields=["content", "position"], extra=1
    )
    formset = EditorFormSet(instance=playlist, prefix="items")
    options = [("", "---------")] + [
        (item.pk, str(item)) for item in Content.objects.filter(is_public=True)
    ]
    for each in formset.forms:
        each.fields["content"].choices = options
    return str(formset)
