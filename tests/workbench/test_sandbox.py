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


def test_async_orm_calls_see_the_reset_database(booted_kernel):
    """asgiref's worker thread keeps a connection of its own; after a reset it reads afresh."""
    booted_kernel.run(
        """
        from asgiref.sync import sync_to_async
        from catalog.models import Creator

        seeded = await Creator.objects.acount()
        await Creator.objects.acreate(name="Extra", slug="extra-creator", joined="2024-01-01")
        sandbox.reset()
        after_reset = await Creator.objects.acount()
        """
    )
    assert booted_kernel.eval("(seeded, after_reset)") == booted_kernel.eval("(seeded, seeded)")


def test_scratch_resets_after_a_failed_check(booted_kernel):
    """``with sandbox.scratch():`` resets when its block fails, and the failure still shows."""
    booted_kernel.run(
        """
        from catalog.models import Creator

        seeded = Creator.objects.count()
        try:
            with sandbox.scratch():
                Creator.objects.create(name="Extra", slug="extra-scratch", joined="2024-01-01")
                assert False, "the check failed"
        except AssertionError as error:
            failure = str(error)
        """
    )
    assert booted_kernel.eval("(failure, Creator.objects.count() - seeded)") == [
        "the check failed",
        0,
    ]
