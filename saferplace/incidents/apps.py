from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    name = "saferplace.incidents"
    verbose_name = "Incidents"
