from django.contrib import admin

from .models import Area, BoundaryGeneration, Population, Succession


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent"]
    list_filter = ["level", "generations"]
    search_fields = ["code", "name"]
    raw_id_fields = ["parent"]


admin.site.register(BoundaryGeneration)


@admin.register(Succession)
class SuccessionAdmin(admin.ModelAdmin):
    list_display = ["predecessor", "successor", "change"]
    raw_id_fields = ["predecessor", "successor"]


@admin.register(Population)
class PopulationAdmin(admin.ModelAdmin):
    list_display = ["area", "year", "total", "source"]
    list_filter = ["year"]
    search_fields = ["area__code", "area__name"]
    raw_id_fields = ["area"]
