# The same allow-list through modelform_factory.
from catalog.models import Content
from django.forms import modelform_factory

ContentEditForm = modelform_factory(Content, fields=("title", "tags"))
