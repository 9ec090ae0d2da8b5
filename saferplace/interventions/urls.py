from django.urls import path

from . import views

app_name = "interventions"
urlpatterns = [
    path("", views.index, name="index"),
    path("projects/new/", views.project_new, name="project_new"),
    path("projects/<int:pk>/", views.project_detail, name="project"),
    path("projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("projects/<int:pk>/outputs/new/", views.output_new, name="output_new"),
    path("outputs/template.xlsx", views.outputs_template_xlsx, name="outputs_template"),
    path("outputs/upload/", views.outputs_upload, name="outputs_upload"),
    path("traceability/", views.traceability, name="traceability"),
    path("priorities/<int:pk>/", views.priority_detail, name="priority"),
    path("priorities/<int:pk>/no-action/", views.no_action, name="no_action"),
]
