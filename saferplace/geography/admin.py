from django.contrib import admin

from .models import Area, BoundaryGeneration, Succession


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
