# Ignores one requirement: renders only the forms, without the management form.
from catalog.models import Content, Playlist, PlaylistItem
from django.forms import inlineformset_factory


def render_items_editor(playlist):
    EditorFormSet = inlineformset_factory(
        Playlist, PlaylistItem, fields=["content", "position"], extra=1
    )
    formset = EditorFormSet(instance=playlist, prefix="items")
    options = [("", "---------")] + [(item.pk, str(item)) for item in Content.objects.all()]
    for each in formset.forms:
        each.fields["content"].choices = options
    return "".join(str(each) for each in formset.forms)
