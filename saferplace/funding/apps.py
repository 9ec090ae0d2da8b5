from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "saferplace.funding"
    verbose_name = "Funding"
