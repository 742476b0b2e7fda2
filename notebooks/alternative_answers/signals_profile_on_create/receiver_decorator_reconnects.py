# The @receiver decorator; disconnecting first means a re-run picks up an edited receiver.
# ruff: noqa: F821  (CreatorProfile is defined in the notebook)
from catalog.models import Creator
from django.db.models.signals import post_save
from django.dispatch import receiver

UID = "profile-for-new-creator"
post_save.disconnect(sender=Creator, dispatch_uid=UID)


@receiver(post_save, sender=Creator, dispatch_uid=UID)
def create_creator_profile(sender, instance, created, **kwargs):
    if created:
        CreatorProfile.objects.get_or_create(
            creator=instance, defaults={"display_name": instance.name}
        )
