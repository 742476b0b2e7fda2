# Another correct answer: strptime() to parse, explicit zero padding to format.
import datetime

from django.urls import register_converter


class IsoDateConverter:
    regex = r"\d\d\d\d-\d\d-\d\d"

    def to_python(self, value):
        if not value.isascii():
            raise ValueError("not an ASCII date")
        return datetime.datetime.strptime(value, "%Y-%m-%d").date()

    def to_url(self, value):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


register_converter(IsoDateConverter, "isodate")
