"""Domestic Homicide Reviews, Domestic Violence, Crime and Victims Act 2004 s.9 (statutory since 13 April 2011).

The reference is anonymised; the victim's name, pseudonym and date of death are personal data shown only to
administrators and users of the owning organisations, and every read is audited (ADR 0603).
"""

from django.db import models
from django.urls import reverse

from saferplace.partnership.models import Organisation, Partnership
from saferplace.registers.audit import AccessNote

from .tracked import TrackedItem

PERSONAL_FIELDS_DHR = ("victim_name", "pseudonym", "date_of_death")


class DomesticHomicideReview(AccessNote, models.Model):
    class Decision(models.TextChoices):
        REVIEW = "review", "Hold a review"
        NO_REVIEW = "no_review", "Do not hold a review"

    class QAOutcome(models.TextChoices):
        APPROVED = "approved", "Approved for publication"
        RESUBMIT = "resubmit", "Further work needed and resubmit"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, related_name="dhrs", help_text="The partnership that commissions it"
    )
    reference = models.CharField(max_length=40, unique=True, help_text="Anonymised, for example SWCSP DHR 2020/01")
    owning_organisations = models.ManyToManyField(
        Organisation,
        related_name="owned_dhrs",
        help_text="Only their users (and administrators) see the victim's details",
    )
    victim_name = models.CharField(max_length=200, blank=True, help_text="Personal data")
    pseudonym = models.CharField(max_length=100, blank=True, help_text="Agreed with the family for the report")
    date_of_death = models.DateField(null=True, blank=True, help_text="Personal data")
    notified = models.DateField("Notification received", help_text="When the police notified the partnership")
    notified_by = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(max_length=20, choices=Decision.choices, blank=True)
    decision_date = models.DateField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    home_office_notified = models.DateField(null=True, blank=True, help_text="Home Office told of the decision")
    chair = models.CharField(max_length=200, blank=True, help_text="Independent chair")
    panel_agencies = models.ManyToManyField(Organisation, blank=True, related_name="dhr_panels")
    terms_of_reference_agreed = models.DateField(null=True, blank=True)
    report_to_partnership = models.DateField(
        "Overview report to the partnership", null=True, blank=True, help_text="The review is complete on this date"
    )
    submitted_to_home_office = models.DateField(
        "Submitted to the Home Office quality assurance panel", null=True, blank=True
    )
    qa_outcome = models.CharField("Quality assurance panel outcome", max_length=20, choices=QAOutcome.choices,
                                  blank=True)
    qa_outcome_date = models.DateField("Date of the panel's outcome", null=True, blank=True)
    published = models.DateField(null=True, blank=True)
    illustrative_note = models.TextField(blank=True, help_text="Which details are illustrative; shown on the page")
    source = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-notified", "reference"]
        verbose_name = "domestic homicide review"

    def __str__(self):
        return self.reference

    def get_absolute_url(self):
        return reverse("registers:dhr_detail", args=[self.pk])

    def procedure(self):
        from .procedure import LocalProcedure

        return LocalProcedure.for_partnership(self.partnership)

    @property
    def status(self) -> str:
        if self.published:
            return "Published"
        if self.decision == self.Decision.NO_REVIEW:
            return "No review held"
        if self.qa_outcome == self.QAOutcome.APPROVED:
            return "Approved by the Home Office panel: publication due"
        if self.submitted_to_home_office:
            return "With the Home Office quality assurance panel"
        if self.report_to_partnership:
            return "Report to the partnership: submission to the Home Office due"
        if self.decision == self.Decision.REVIEW:
            return "Review in progress"
        return "Awaiting decision"

    @property
    def is_open(self) -> bool:
        return not (self.published or self.decision == self.Decision.NO_REVIEW)

    def clean(self):
        from saferplace.registers.rules.dhr import check_review

        check_review(self)


class DHRRecommendation(models.Model):
    review = models.ForeignKey(DomesticHomicideReview, on_delete=models.CASCADE, related_name="recommendations")
    number = models.PositiveSmallIntegerField()
    text = models.TextField("Recommendation")
    agency = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        help_text="Leave empty for an overview (multi-agency) recommendation",
    )

    class Meta:
        ordering = ["review", "number"]
        constraints = [models.UniqueConstraint(fields=["review", "number"], name="unique_dhr_recommendation")]

    def __str__(self):
        return f"{self.review} recommendation {self.number}"


class DHRActionItem(TrackedItem):
    recommendation = models.ForeignKey(DHRRecommendation, on_delete=models.CASCADE, related_name="actions")
    action = models.TextField()

    done_noun = "action"

    class Meta(TrackedItem.Meta):
        verbose_name = "DHR action-plan item"

    def __str__(self):
        return self.action[:80]
