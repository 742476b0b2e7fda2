from django.apps import AppConfig


class PlaygroundConfig(AppConfig):
    """An empty app that lends its label to models written in notebook cells."""

    name = "playground"
