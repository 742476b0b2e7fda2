# An EmailMessage sent by on_commit through functools.partial, connected with @receiver.
from functools import partial

from catalog.models import Creator
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver


@receiver(post_save, sender=Creator, dispatch_uid="welcome-email-on-commit")
def send_welcome_email(sender, instance, created, **kwargs):
    if created:
        message = EmailMessage(
            subject=f"Welcome, {instance.name}!",
            body="Welcome to the catalogue.",
            to=[f"{instance.slug}@creators.example"],
        )
        transaction.on_commit(partial(message.send))
