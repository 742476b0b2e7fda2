# Ignores `created`: every save (a rename too) sends another welcome email.
from catalog.models import Creator
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import post_save


def send_welcome_email(sender, instance, created, **kwargs):
    subject = f"Welcome, {instance.name}!"
    to = [f"{instance.slug}@creators.example"]
    transaction.on_commit(lambda: send_mail(subject, "Hi!", "team@catalog.example", to))


post_save.connect(send_welcome_email, sender=Creator, dispatch_uid="welcome-email")
