from django.contrib import admin

from .models import Crime, Force, ForceMonth, ImportBatch, Measure, MeasureValue, MonthlyCount, Outcome, StopSearch


@admin.register(Force)
class ForceAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ["source_name", "kind", "status", "release", "rows_loaded", "loaded_by", "started"]
    list_filter = ["kind", "status"]
    search_fields = ["source_name", "sha256"]
    readonly_fields = [f.name for f in ImportBatch._meta.fields]


@admin.register(ForceMonth)
class ForceMonthAdmin(admin.ModelAdmin):
    list_display = ["kind", "force", "month", "release", "rows", "no_location", "batch"]
    list_filter = ["kind", "force"]
    readonly_fields = ["kind", "force", "month", "release", "rows", "no_location", "batch"]


class RawRowAdmin(admin.ModelAdmin):
    """Raw police.uk rows are read-only here: change them by loading a file."""

    list_select_related = ["force_month__force"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Crime)
class CrimeAdmin(RawRowAdmin):
    list_display = ["month", "category", "location", "lsoa", "last_outcome", "force_month"]
    list_filter = ["category"]
    raw_id_fields = ["lsoa"]


@admin.register(Outcome)
class OutcomeAdmin(RawRowAdmin):
    list_display = ["month", "crime_id", "outcome_type", "force_month"]


@admin.register(StopSearch)
class StopSearchAdmin(RawRowAdmin):
    list_display = ["searched_at", "type", "object_of_search", "outcome", "force_month"]


@admin.register(MonthlyCount)
class MonthlyCountAdmin(RawRowAdmin):
    list_display = ["month", "force", "lsoa", "category", "count"]
    list_filter = ["category", "force"]
    list_select_related = ["force", "lsoa"]


class MeasureValueInline(admin.TabularInline):
    model = MeasureValue
    extra = 0
    fields = ["period_start", "value", "note", "source"]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "unit", "period", "published"]
    list_filter = ["organisation", "period", "published"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MeasureValueInline]
