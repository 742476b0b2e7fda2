# A formset class that loads the options once and hands them to every form it builds.
from catalog.models import Content, Playlist, PlaylistItem
from django.forms import BaseInlineFormSet, inlineformset_factory


class SharedOptionsFormSet(BaseInlineFormSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        rows = Content.objects.values_list("pk", "title")
        self.options = [("", "---------"), *rows]

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.fields["content"].widget.choices = self.options
        return form


def render_items_editor(playlist):
    EditorFormSet = inlineformset_factory(
        Playlist,
        PlaylistItem,
        formset=SharedOptionsFormSet,
        fields=("content", "position"),
        extra=1,
    )
    return EditorFormSet(instance=playlist, prefix="items").render()
