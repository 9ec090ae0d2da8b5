from django.apps import AppConfig


class InterventionsConfig(AppConfig):
    name = "saferplace.interventions"
    verbose_name = "Interventions"
