from django.contrib import admin

from .models import Bid, Funder, FundingRound, GrantLine, PlanObjective, Spend


class PlanObjectiveInline(admin.TabularInline):
    model = PlanObjective
    extra = 0


@admin.register(Funder)
class FunderAdmin(admin.ModelAdmin):
    list_display = ["__str__", "plan_name"]
    inlines = [PlanObjectiveInline]


@admin.register(PlanObjective)
class PlanObjectiveAdmin(admin.ModelAdmin):
    list_display = ["name", "funder", "order"]


class BidInline(admin.TabularInline):
    model = Bid
    extra = 0
    fields = ["order", "project", "requested", "allocated", "status", "deferred_to", "comments"]


@admin.register(FundingRound)
class FundingRoundAdmin(admin.ModelAdmin):
    list_display = ["title", "funder", "partnership", "financial_year", "amount_available"]
    list_filter = ["financial_year", "funder"]
    inlines = [BidInline]


@admin.register(Bid)
class BidAdmin(admin.ModelAdmin):
    list_display = ["project", "funding_round", "requested", "allocated", "status"]
    list_filter = ["status", "funding_round"]
    filter_horizontal = ["plan_objectives"]


@admin.register(GrantLine)
class GrantLineAdmin(admin.ModelAdmin):
    list_display = ["name", "recipient", "financial_year", "amount", "project", "bid"]
    list_filter = ["financial_year", "recipient"]


@admin.register(Spend)
class SpendAdmin(admin.ModelAdmin):
    list_display = ["project", "financial_year", "date", "amount", "bid", "grant_line"]
    list_filter = ["financial_year"]
