from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from saferplace.core import views as core_views

urlpatterns = [
    path("", core_views.dashboard, name="dashboard"),
    path("due/", core_views.due, name="due"),
    path("sign-in/", auth_views.LoginView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("partnership/", include("saferplace.partnership.urls")),
    path("data/", include("saferplace.incidents.urls")),
    path("funding/", include("saferplace.funding.urls")),
    path("interventions/", include("saferplace.interventions.urls")),
    path("registers/", include("saferplace.registers.urls")),
    path("reports/", include("saferplace.reports.urls")),
    path("admin/", admin.site.urls),
]
