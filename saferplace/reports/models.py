"""A report built on the web: its options, its progress while it builds, and the files it wrote."""

from pathlib import Path

from django.conf import settings
from django.db import models
from django.urls import reverse


class ReportBuild(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Building"
        DONE = "done", "Ready"
        FAILED = "failed", "Could not be built"

    kind = models.CharField(max_length=20)
    partnership = models.CharField(max_length=50)
    period = models.CharField(max_length=30, blank=True)
    month = models.CharField(max_length=7, blank=True)
    audience = models.CharField(max_length=20)
    report_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.CharField(max_length=200, blank=True)
    steps_done = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    title = models.CharField(max_length=300, blank=True)
    files = models.JSONField(default=list, blank=True, help_text="Formats written, e.g. ['html', 'pdf']")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    requested = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested", "-pk"]

    def __str__(self):
        return self.title or f"{self.kind} report {self.pk}"

    def get_absolute_url(self):
        return reverse("reports:build", args=[self.pk])

    @property
    def folder(self) -> Path:
        return Path(settings.VAR_DIR) / "reports" / str(self.pk)

    @property
    def options_text(self) -> str:
        return self.period or self.month
