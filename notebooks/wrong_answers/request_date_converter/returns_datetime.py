# Parses with datetime.strptime() and keeps the datetime: the view gets a datetime, not a date.

import datetime

from django.urls import register_converter


class IsoDateConverter:
    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        return datetime.datetime.strptime(value, "%Y-%m-%d")

    def to_url(self, value):
        return value.isoformat()


register_converter(IsoDateConverter, "isodate")
