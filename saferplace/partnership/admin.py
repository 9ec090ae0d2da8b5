"""Django admin for every partnership model.

Reporting lines are edited on their group; each line is checked by ReportingLine.clean(), so a cycle is refused
with the message that names it, as on the web form.
"""

from django.contrib import admin
from django.db import models

from .models import (
    Action,
    Group,
    Meeting,
    Membership,
    Organisation,
    Partnership,
    Priority,
    ReportingLine,
    StrategicAssessment,
    TermsOfReference,
    Theme,
    Topic,
    YearReview,
)


class ReportingLineInline(admin.TabularInline):
    model = ReportingLine
    fk_name = "group"
    extra = 1
    verbose_name = "reports to"
    verbose_name_plural = "reports to"
    autocomplete_fields = ["reports_to"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 1
    autocomplete_fields = ["organisation"]


class PriorityInline(admin.TabularInline):
    model = Priority
    extra = 1


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["name", "kind", "source"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "organisation"]
    list_filter = ["kind"]
    search_fields = ["name"]
    autocomplete_fields = ["organisation"]
    inlines = [ReportingLineInline]


@admin.register(ReportingLine)
class ReportingLineAdmin(admin.ModelAdmin):
    list_display = ["group", "reports_to"]
    search_fields = ["group__name", "reports_to__name"]
    autocomplete_fields = ["group", "reports_to"]


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "parent", "statutory"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]
    filter_horizontal = ["areas"]
    autocomplete_fields = ["parent", "governing_group", "lead_organisation"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "partnership", "responsible_authority"]
    list_filter = ["partnership", "responsible_authority"]
    autocomplete_fields = ["organisation", "partnership"]


@admin.register(TermsOfReference)
class TermsOfReferenceAdmin(admin.ModelAdmin):
    list_display = ["group", "adopted", "meeting_frequency"]
    autocomplete_fields = ["group", "secretariat"]


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["group", "date", "financial_year", "format"]
    list_filter = ["financial_year", "format", "group"]
    search_fields = ["group__name", "financial_year"]
    autocomplete_fields = ["group"]
    filter_horizontal = ["attendees", "topics"]


@admin.register(YearReview)
class YearReviewAdmin(admin.ModelAdmin):
    list_display = ["group", "financial_year"]
    autocomplete_fields = ["group"]
    filter_horizontal = ["topics"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "partnership", "order"]
    list_filter = ["partnership"]
    inlines = [PriorityInline]


@admin.register(Priority)
class PriorityAdmin(admin.ModelAdmin):
    list_display = ["name", "theme", "order"]
    list_filter = ["theme__partnership", "theme"]
    search_fields = ["name"]


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "owner", "due_date", "status"]
    list_filter = ["status", "partnership"]
    search_fields = ["title"]
    date_hierarchy = "due_date"
    autocomplete_fields = ["owner", "meeting", "priority"]


@admin.register(StrategicAssessment)
class StrategicAssessmentAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "period_start", "period_end", "approved_date", "exempt"]
    list_filter = ["exempt", "partnership"]
