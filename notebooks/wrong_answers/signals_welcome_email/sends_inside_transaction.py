# Sends the email straight from the receiver: it goes out before the commit, even on rollback.
from catalog.models import Creator
from django.core.mail import send_mail
from django.db.models.signals import post_save


def send_welcome_email(sender, instance, created, **kwargs):
    if created:
        send_mail(
            f"Welcome, {instance.name}!",
            "Glad to have you.",
            "team@catalog.example",
            [f"{instance.slug}@creators.example"],
        )


post_save.connect(send_welcome_email, sender=Creator, dispatch_uid="welcome-email")
