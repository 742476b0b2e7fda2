# Ignores "registered once": no dispatch_uid, so a second import connects a second receiver.
# ruff: noqa: F821  (CreatorProfile is defined in the notebook)
from catalog.models import Creator
from django.db.models.signals import post_save


def create_creator_profile(sender, instance, created, **kwargs):
    if created:
        CreatorProfile.objects.create(creator=instance, display_name=instance.name)


post_save.connect(create_creator_profile, sender=Creator)
