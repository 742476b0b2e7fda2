"""``Sandbox.reset()`` leaves no cache that points at rows the reset removed."""


def test_reset_forgets_cached_content_types(booted_kernel):
    """Content-type ids are cached; after a reset they are read from the database again."""
    booted_kernel.run(
        """
        from catalog.models import Creator
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        ContentType.objects.get_for_model(Creator)
        sandbox.reset()
        with CaptureQueriesContext(connection) as after_reset:
            ContentType.objects.get_for_model(Creator)
        """
    )
    assert booted_kernel.eval("len(after_reset)") == 1
