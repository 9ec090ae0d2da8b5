"""Django admin for every register model. Case reviews and DHRs hold personal data: in the admin they are for
administrators only, and opening one is recorded in the audit log like a read of its page."""

from auditlog.mixins import AuditlogHistoryAdminMixin
from django.contrib import admin

from saferplace.accounts.roles import is_administrator

from .audit import record_read
from .models import (
    CaseReview,
    CaseReviewRecommendation,
    Complaint,
    Consultation,
    Consultee,
    DHRActionItem,
    DHRRecommendation,
    DomesticHomicideReview,
    EnforcementMonth,
    LocalProcedure,
    Order,
    OrderChange,
)


class PersonalDataAdmin(AuditlogHistoryAdminMixin, admin.ModelAdmin):
    show_auditlog_history_link = True

    def has_module_permission(self, request):
        return is_administrator(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return is_administrator(request.user) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return is_administrator(request.user) and super().has_change_permission(request, obj)

    def has_add_permission(self, request):
        return is_administrator(request.user) and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return is_administrator(request.user) and super().has_delete_permission(request, obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        obj = self.get_object(request, object_id)
        if obj is not None and request.method == "GET":
            record_read(obj, "admin", True)
        return response


class ComplaintInline(admin.TabularInline):
    model = Complaint
    extra = 0


class CaseReviewRecommendationInline(admin.TabularInline):
    model = CaseReviewRecommendation
    extra = 0


@admin.register(CaseReview)
class CaseReviewAdmin(PersonalDataAdmin):
    list_display = ["reference", "partnership", "received", "threshold_met", "review_meeting", "status"]
    list_filter = ["partnership", "threshold_met", "route"]
    search_fields = ["reference"]
    filter_horizontal = ["owning_organisations"]
    inlines = [ComplaintInline, CaseReviewRecommendationInline]


class DHRRecommendationInline(admin.TabularInline):
    model = DHRRecommendation
    extra = 0


@admin.register(DomesticHomicideReview)
class DomesticHomicideReviewAdmin(PersonalDataAdmin):
    list_display = ["reference", "partnership", "notified", "decision", "decision_date", "status"]
    list_filter = ["partnership", "decision", "qa_outcome"]
    search_fields = ["reference"]
    filter_horizontal = ["owning_organisations", "panel_agencies"]
    inlines = [DHRRecommendationInline]


@admin.register(DHRActionItem)
class DHRActionItemAdmin(admin.ModelAdmin):
    list_display = ["action", "recommendation", "owner", "due_date", "status"]
    list_filter = ["status", "owner"]


class ConsultationInline(admin.TabularInline):
    model = Consultation
    extra = 0
    show_change_link = True


class OrderChangeInline(admin.TabularInline):
    model = OrderChange
    extra = 0


class EnforcementInline(admin.TabularInline):
    model = EnforcementMonth
    extra = 0


@admin.register(Order)
class OrderAdmin(AuditlogHistoryAdminMixin, admin.ModelAdmin):
    list_display = ["title", "council", "made", "starts", "ends", "expiry", "expedited"]
    list_filter = ["council", "expedited"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ConsultationInline, OrderChangeInline, EnforcementInline]


class ConsulteeInline(admin.TabularInline):
    model = Consultee
    extra = 0


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ["order", "purpose", "opens", "closes", "responses"]
    list_filter = ["purpose"]
    inlines = [ConsulteeInline]


@admin.register(OrderChange)
class OrderChangeAdmin(admin.ModelAdmin):
    list_display = ["order", "kind", "decided", "effective", "new_end"]
    list_filter = ["kind"]


@admin.register(EnforcementMonth)
class EnforcementMonthAdmin(admin.ModelAdmin):
    list_display = ["order", "month", "fixed_penalty_notices", "warnings"]
    list_filter = ["order"]


@admin.register(LocalProcedure)
class LocalProcedureAdmin(AuditlogHistoryAdminMixin, admin.ModelAdmin):
    list_display = ["partnership", "asb_threshold_complaints", "asb_hate_incident_route", "asb_location_route",
                    "pspo_expiry_alert_months"]
