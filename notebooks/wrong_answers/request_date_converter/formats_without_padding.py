# Builds the URL from the parts without zero padding: date(2024, 5, 1) becomes 2024-5-1.

import datetime

from django.urls import register_converter


class IsoDateConverter:
    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        return f"{value.year}-{value.month}-{value.day}"


register_converter(IsoDateConverter, "isodate")
