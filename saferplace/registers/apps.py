from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "saferplace.registers"
    verbose_name = "Registers"
