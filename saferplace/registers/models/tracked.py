"""What the registers track to done: something an organisation must do by a date (a case review's recommendation,
a DHR action-plan item), with the partnership's action statuses."""

from django.core.exceptions import ValidationError
from django.db import models

from saferplace.partnership.models import Action, Organisation


class TrackedItem(models.Model):
    Status = Action.Status  # not started, in progress, done, cancelled: the same lifecycle as partnership actions

    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    due_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    completed = models.DateField(null=True, blank=True)

    done_noun = "item"  # how the completed-date message names it

    class Meta:
        abstract = True
        ordering = ["due_date", "pk"]

    @property
    def is_open(self) -> bool:
        return self.status in {self.Status.OPEN, self.Status.IN_PROGRESS}

    def clean(self):
        if self.status == self.Status.DONE and not self.completed:
            raise ValidationError({"completed": f"Give the date the {self.done_noun} was completed."})
