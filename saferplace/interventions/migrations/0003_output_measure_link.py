"""Outputs become links to partner measures (docs/adr/0801), step 1 of 3: the old free-text measure becomes the
output's name, and a link to an incidents Measure is added (empty until step 2 fills it)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("incidents", "0001_initial"),
        ("interventions", "0002_indicator_context_only"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="output", name="unique_output_per_period"),
        migrations.RenameField(model_name="output", old_name="measure", new_name="name"),
        migrations.AddField(
            model_name="output", name="partner_measure",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+",
                                    to="incidents.measure"),
        ),
    ]
