"""The header navigation and the user's role, on every page."""

from django.urls import reverse

from saferplace.accounts.models import Role, role_of


def navigation(request):
    if not request.user.is_authenticated:
        return {}
    items = [("Dashboard", reverse("dashboard")), ("Partnership", reverse("partnership:index")),
             ("Data", reverse("incidents:index")), ("Funding", reverse("funding:index")),
             ("Projects", reverse("interventions:index")),
             ("Registers", reverse("registers:index")), ("Reports", reverse("reports:index")),
             ("Due", reverse("due"))]
    if request.user.is_staff:
        items.append(("Admin", reverse("admin:index")))
    path = request.path
    nav = [
        {"label": label, "url": url, "active": path == url or (url != "/" and path.startswith(url))}
        for label, url in items
    ]
    role = role_of(request.user)
    return {"navigation": nav, "user_role": Role(role).label if role else ""}
