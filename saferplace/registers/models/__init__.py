"""The statutory registers: ASB case reviews, PSPOs and domestic homicide reviews, and the local procedure."""

from .asb import CaseReview, CaseReviewRecommendation, Complaint
from .dhr import DHRActionItem, DHRRecommendation, DomesticHomicideReview
from .procedure import LocalProcedure
from .pspo import Consultation, Consultee, EnforcementMonth, Order, OrderChange

__all__ = [
    "CaseReview",
    "CaseReviewRecommendation",
    "Complaint",
    "Consultation",
    "Consultee",
    "DHRActionItem",
    "DHRRecommendation",
    "DomesticHomicideReview",
    "EnforcementMonth",
    "LocalProcedure",
    "Order",
    "OrderChange",
]
