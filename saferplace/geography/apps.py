from django.apps import AppConfig


class GeographyConfig(AppConfig):
    name = "saferplace.geography"
    verbose_name = "Geography"
