from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "saferplace.core"
    verbose_name = "Saferplace core"

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("deadlines")
