from django.contrib import admin

from .models import ReportBuild


@admin.register(ReportBuild)
class ReportBuildAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "audience", "status", "requested_by", "requested"]
    list_filter = ["kind", "audience", "status"]
    readonly_fields = ["files", "requested", "finished"]
