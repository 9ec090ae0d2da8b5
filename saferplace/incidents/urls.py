from django.urls import path

from . import measure_views, views

app_name = "incidents"
urlpatterns = [
    path("", views.index, name="index"),
    path("import/", views.import_page, name="import"),
    path("import/check/", views.import_check, name="import-check"),
    path("import/confirm/", views.import_confirm, name="import-confirm"),
    path("history/", views.history, name="history"),
    path("history/<int:pk>/", views.batch, name="batch"),
    path("quality/", views.quality, name="quality"),
    path("measures/", measure_views.measures, name="measures"),
    path("measures/new/", measure_views.measure_new, name="measure-new"),
    path("measures/<slug:slug>/", measure_views.measure, name="measure"),
    path("measures/<slug:slug>/template.csv", measure_views.template_csv, name="measure-template-csv"),
    path("measures/<slug:slug>/template.xlsx", measure_views.template_xlsx, name="measure-template-xlsx"),
]
