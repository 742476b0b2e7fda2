"""``manage.py seed``: fill the catalogue with deterministic data."""

from django.core.management.base import BaseCommand, CommandError

from catalog import seed as seeding
from catalog.models import Content


class Command(BaseCommand):
    help = "Fill the catalogue with deterministic data (same size and seed, same rows)."

    def add_arguments(self, parser):
        parser.add_argument("--size", choices=sorted(seeding.SIZES), default="small")
        parser.add_argument("--seed", type=int, default=0)

    def handle(self, *args, size, seed, **options):
        if Content.objects.exists():
            raise CommandError(
                "The catalogue already has content; seed an empty database "
                "(for example after `manage.py flush`)."
            )
        plan = seeding.seed(size=size, seed=seed)
        self.stdout.write(self.style.SUCCESS(f"Seeded a {size} catalogue: {plan}"))
