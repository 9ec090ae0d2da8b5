from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "saferplace.accounts"
    verbose_name = "Accounts and roles"
