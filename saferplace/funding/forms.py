"""The bid form: what was asked for and decided, checked against the funding rules before it is saved."""

from decimal import Decimal

from django import forms

from saferplace.interventions.models import Project
from saferplace.interventions.traceability import family
from saferplace.partnership.models import Priority

from . import rules
from .cells import parse_amount
from .models import Bid
from .years import normalise_financial_year


class MoneyField(forms.CharField):
    """Pounds and pence; '£2,700' and '2700.00' both read as £2,700.00."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "In pounds, for example 2700 or 2,700.00")
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return f"{value:.2f}" if isinstance(value, Decimal) else value

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        try:
            return parse_amount(value)
        except ValueError as error:
            raise forms.ValidationError(f"Enter an amount in pounds and pence: {error}.") from error


class BidForm(forms.ModelForm):
    requested = MoneyField(label="Funding requested")
    allocated = MoneyField(label="Funding allocated", required=False,
                           help_text="In pounds; leave empty or 0 while the bid is pending, refused or deferred")
    priorities = forms.ModelMultipleChoiceField(
        queryset=Priority.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label="Priorities the project serves", help_text="Saved on the project: its money is traced to these",
    )

    class Meta:
        model = Bid
        fields = ["project", "purpose", "lead_organisation", "plan_objectives", "requested", "allocated", "status",
                  "deferred_to", "status_reason", "no_priority_reason", "comments"]
        widgets = {"plan_objectives": forms.CheckboxSelectMultiple, "status": forms.RadioSelect,
                   "purpose": forms.Textarea(attrs={"rows": 3}), "status_reason": forms.Textarea(attrs={"rows": 2}),
                   "no_priority_reason": forms.Textarea(attrs={"rows": 2}),
                   "comments": forms.Textarea(attrs={"rows": 2})}
        labels = {"deferred_to": "Deferred to (financial year)", "status_reason": "Reason for deferral or refusal",
                  "no_priority_reason": "Reason if it serves no priority", "comments": "Partnership's comments"}

    def __init__(self, *args, funding_round, **kwargs):
        super().__init__(*args, **kwargs)
        self.funding_round = funding_round
        self.instance.funding_round = funding_round
        self.fields["project"].queryset = Project.objects.filter(partnership__in=family(funding_round.partnership))
        self.fields["plan_objectives"].queryset = funding_round.funder.objectives.all()
        self.fields["priorities"].queryset = Priority.objects.filter(
            theme__in=funding_round.partnership.themes_in_force()).select_related("theme")
        self.fields["priorities"].label_from_instance = lambda p: f"{p.theme}: {p.name}"
        if self.instance.pk:
            self.fields["priorities"].initial = list(self.instance.project.priorities.all())

    def clean_deferred_to(self):
        value = self.cleaned_data.get("deferred_to", "")
        try:
            return normalise_financial_year(value) if value.strip() else ""
        except forms.ValidationError:
            raise
        except Exception as error:
            raise forms.ValidationError(str(error)) from error

    def clean(self):
        data = super().clean()
        if self.errors or data.get("project") is None:
            return data
        data["allocated"] = data.get("allocated") or Decimal("0.00")
        problems = rules.bid_problems(
            name=data["project"].name, round_year=self.funding_round.financial_year, requested=data["requested"],
            allocated=data["allocated"], status=data["status"], deferred_to=data.get("deferred_to", ""),
            status_reason=data.get("status_reason", ""), has_priority=bool(data.get("priorities")),
            no_priority_reason=data.get("no_priority_reason", ""),
        )
        problems += rules.objective_problems(self.funding_round, data.get("plan_objectives") or [])
        others = self.funding_round.bids.exclude(pk=self.instance.pk).values_list("allocated", flat=True)
        over = rules.round_allocation_problem(self.funding_round, [*others, data["allocated"]])
        problems += [over] if over else []
        duplicate = self.funding_round.bids.exclude(pk=self.instance.pk).filter(project=data["project"]).exists()
        if duplicate:
            problems.append(rules.Problem("TOTALS-RECONCILE", f"{data['project']} already has a bid in this round.",
                                          "project"))
        for problem in problems:
            self.add_error(problem.field if problem.field in self.fields else None, problem.message)
        return data

    def save(self, commit=True):
        bid = super().save(commit=commit)
        if commit:
            bid.project.priorities.set(self.cleaned_data.get("priorities") or [])
        return bid
