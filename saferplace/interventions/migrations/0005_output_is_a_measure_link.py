"""Outputs become links to partner measures (docs/adr/0801), step 3 of 3: the figures now live in the measures'
values, so the output keeps only its project, its measure and its name."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("incidents", "0001_initial"),
        ("interventions", "0004_outputs_to_measure_values"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="output", name="output_not_negative"),
        migrations.RemoveConstraint(model_name="output", name="output_quarter_valid"),
        migrations.RemoveField(model_name="output", name="entered_by"),
        migrations.RemoveField(model_name="output", name="financial_year"),
        migrations.RemoveField(model_name="output", name="note"),
        migrations.RemoveField(model_name="output", name="quarter"),
        migrations.RemoveField(model_name="output", name="unit"),
        migrations.RemoveField(model_name="output", name="value"),
        migrations.RenameField(model_name="output", old_name="partner_measure", new_name="measure"),
        migrations.AlterField(
            model_name="output", name="measure",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="outputs",
                                    to="incidents.measure"),
        ),
        migrations.AlterField(
            model_name="output", name="name",
            field=models.CharField(help_text="What the project's reports call it, e.g. 'Referrals received'",
                                   max_length=200),
        ),
        migrations.AlterField(
            model_name="output", name="source",
            field=models.CharField(blank=True, help_text="Where the link to the measure comes from", max_length=200),
        ),
        migrations.AlterModelOptions(name="output", options={"ordering": ["project__name", "name"]}),
        migrations.AddConstraint(
            model_name="output",
            constraint=models.UniqueConstraint(fields=("project", "measure"), name="unique_output_measure"),
        ),
        migrations.AddConstraint(
            model_name="output",
            constraint=models.UniqueConstraint(fields=("project", "name"), name="unique_output_name"),
        ),
    ]
