"""GOV.UK markup for every Django form rendered with {{ form }}.

The renderer swaps Django's default form and field templates for GOV.UK ones (label, hint, error
message, error summary); the `govuk_widget` tag adds the right GOV.UK class to each widget. The admin
renders its widgets through its own templates and is unaffected.
"""

from django.forms.renderers import TemplatesSetting


class GovukFormRenderer(TemplatesSetting):
    form_template_name = "forms/govuk_form.html"
    field_template_name = "forms/govuk_field.html"
