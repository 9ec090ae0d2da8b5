"""The dashboard's crime and ASB panel: monthly figures for the partnership's area, and publication gaps."""

from .queries import publication_gaps
from .summary import default_area, monthly_crime_and_asb


def panel(request):
    if not request.user.has_perm("incidents.view_data"):
        return None
    area, _ = default_area()
    summary = monthly_crime_and_asb(area)
    return {"template": "incidents/dashboard_panel.html", "summary": summary, "gaps": publication_gaps()}
