from django.urls import path

from . import views

app_name = "partnership"
urlpatterns = [
    path("", views.index, name="index"),
    path("governance/", views.governance, name="governance"),
    path("groups/new/", views.group_new, name="group-new"),
    path("groups/<int:pk>/", views.group, name="group"),
    path("groups/<int:pk>/edit/", views.group_edit, name="group-edit"),
    path("groups/<int:pk>/terms-of-reference/new/", views.terms_new, name="terms-new"),
    path("terms-of-reference/<int:pk>/", views.terms, name="terms"),
    path("terms-of-reference/<int:pk>/edit/", views.terms_edit, name="terms-edit"),
    path("organisations/new/", views.organisation_new, name="organisation-new"),
    path("organisations/<int:pk>/", views.organisation, name="organisation"),
    path("organisations/<int:pk>/edit/", views.organisation_edit, name="organisation-edit"),
    path("themes/<int:pk>/priorities/new/", views.priority_new, name="priority-new"),
    path("priorities/<int:pk>/edit/", views.priority_edit, name="priority-edit"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/new/", views.meeting_new, name="meeting-new"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    # Pages of one partnership. The words above are not partnership slugs (see docs/adr/0051-partnership-roles.md).
    path("<slug:slug>/", views.overview, name="overview"),
    path("<slug:slug>/partners/", views.partners, name="partners"),
    path("<slug:slug>/actions/", views.actions, name="actions"),
    path("<slug:slug>/actions/new/", views.action_new, name="action-new"),
    path("<slug:slug>/actions/<int:pk>/edit/", views.action_edit, name="action-edit"),
    path("<slug:slug>/assessments/", views.assessments, name="assessments"),
    path("<slug:slug>/assessments/new/", views.assessment_new, name="assessment-new"),
    path("<slug:slug>/assessments/<int:pk>/", views.assessment, name="assessment"),
    path("<slug:slug>/assessments/<int:pk>/edit/", views.assessment_edit, name="assessment-edit"),
]
