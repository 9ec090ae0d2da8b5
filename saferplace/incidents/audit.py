"""Changes to measures, their values and the import history are audited; raw police.uk rows are not (they
are bulk-loaded and their provenance is the import batch)."""

from auditlog.registry import auditlog


def register_audited_models():
    from .models import ImportBatch, Measure, MeasureValue

    for model in (Measure, MeasureValue, ImportBatch):
        if not auditlog.contains(model):
            auditlog.register(model)
