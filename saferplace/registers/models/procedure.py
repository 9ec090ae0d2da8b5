"""A partnership's local procedure: the thresholds and clocks the law leaves to each area (ADR 0600)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from saferplace.partnership.models import Partnership


def _count(default: int, help_text: str, maximum: int = 120):
    return models.PositiveSmallIntegerField(
        default=default, help_text=help_text, validators=[MinValueValidator(1), MaxValueValidator(maximum)]
    )


class LocalProcedure(models.Model):
    """One per partnership; a partnership without one uses its parent's, and failing that the defaults.

    The defaults are those of DOMAIN.md (ASB, Crime and Policing Act 2014 s.104 and Sch 4; DHR statutory
    guidance). Statutory maxima that no area may change (PSPO durations, the 6-week challenge window) are
    constants in rules/pspo.py, not here.
    """

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="local_procedure")
    asb_threshold_complaints = _count(3, "Qualifying complaints (separate incidents) that meet the threshold", 20)
    asb_complaint_within_months = _count(1, "A complaint qualifies if made within this many months of the behaviour",
                                         12)
    asb_application_within_months = _count(
        6, "The application must come within this many months of each complaint it relies on", 24
    )
    asb_hate_incident_route = models.BooleanField(
        default=False, help_text="The threshold is also met by qualifying complaints of hate incidents"
    )
    asb_hate_incidents_needed = _count(1, "Qualifying hate incidents that meet the threshold on that route", 20)
    asb_location_route = models.BooleanField(
        default=False,
        help_text="The threshold is also met by reports from different people about one location "
        "(for example the Welsh five-reports route)",
    )
    asb_location_reporters_needed = _count(5, "Different people reporting one location that meet the threshold", 50)
    asb_location_within_months = _count(6, "Those reports must fall within this many months before the application", 24)
    asb_acknowledge_working_days = _count(3, "Working days from receiving an application to acknowledging it", 60)
    asb_decide_working_days = _count(
        25, "Working days from receiving an application to telling the applicant whether the threshold is met", 120
    )
    asb_review_working_days = _count(
        25, "Working days from a 'threshold met' decision to holding the review meeting", 120
    )
    asb_outcome_letter_working_days = _count(
        5, "Working days from the review meeting to telling the applicant the outcome and recommendations", 60
    )
    asb_counts_last_published = models.DateField(
        null=True, blank=True, help_text="When the four statutory case review counts were last published"
    )
    pspo_expiry_alert_months = _count(
        6, "Months before a PSPO expires to start work on extending it (time for a consultation)", 24
    )
    dhr_decision_months = _count(1, "Months from the police notification to the decision whether to hold a DHR", 12)
    dhr_completion_months = _count(
        6, "Months from the decision to hold a DHR to the overview report going to the partnership", 36
    )
    notes = models.TextField(blank=True, help_text="Where the local procedure is published, when it was agreed")

    class Meta:
        ordering = ["partnership__name"]

    def __str__(self):
        return f"Local procedure of {self.partnership}"

    @classmethod
    def for_partnership(cls, partnership) -> "LocalProcedure":
        """The procedure in force for a partnership: its own, else its parent's, else the defaults (unsaved)."""
        seen = set()
        current = partnership
        while current is not None and current.pk not in seen:
            seen.add(current.pk)
            found = cls.objects.filter(partnership=current).first()
            if found:
                return found
            current = current.parent
        return cls(partnership=partnership) if partnership is not None else cls()

    @property
    def is_default(self) -> bool:
        return self.pk is None
