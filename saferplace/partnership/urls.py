from django.urls import path

from . import views

app_name = "partnership"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.overview, name="overview"),
]
