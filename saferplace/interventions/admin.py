from django.contrib import admin

from .models import OutcomeIndicator, Output, PriorityNoAction, Project


class OutputInline(admin.TabularInline):
    model = Output
    extra = 0
    fields = ["name", "measure", "source"]
    autocomplete_fields = ["measure"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = ["name", "partnership", "lead_organisation", "start", "end"]
    list_filter = ["partnership"]
    search_fields = ["name"]
    filter_horizontal = ["partners", "priorities"]
    inlines = [OutputInline]


@admin.register(Output)
class OutputAdmin(admin.ModelAdmin):
    list_display = ["project", "name", "measure"]
    search_fields = ["project__name", "name", "measure__name", "measure__slug"]
    autocomplete_fields = ["measure"]


@admin.register(OutcomeIndicator)
class OutcomeIndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "priority", "kind", "partner_measure", "lower_is_better"]


@admin.register(PriorityNoAction)
class PriorityNoActionAdmin(admin.ModelAdmin):
    list_display = ["priority", "financial_year", "reason"]
