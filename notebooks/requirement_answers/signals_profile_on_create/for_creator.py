# Ignores "post_save for Creator": no sender, so every saved model reaches the receiver.
# ruff: noqa: F821  (CreatorProfile is defined in the notebook)
from django.db.models.signals import post_save


def create_creator_profile(sender, instance, created, **kwargs):
    if created:
        CreatorProfile.objects.create(creator=instance, display_name=instance.name)


post_save.connect(create_creator_profile, dispatch_uid="signals-create-creator-profile")
