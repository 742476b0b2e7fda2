# Ignores "for a new creator": every save sends a welcome email.
from functools import partial

from catalog.models import Creator
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import post_save


def send_welcome_email(sender, instance, created, **kwargs):
    subject = f"Welcome, {instance.name}!"
    recipient = f"{instance.slug}@creators.example"
    email = partial(send_mail, subject, "Glad to have you.", "team@catalog.example", [recipient])
    transaction.on_commit(email)


post_save.connect(send_welcome_email, sender=Creator, dispatch_uid="signals-welcome-email")
