from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("builds/<int:pk>/", views.build, name="build"),
    path("builds/<int:pk>/status.json", views.status, name="status"),
    path("builds/<int:pk>/read/", views.read, name="read"),
    path("builds/<int:pk>/file.<str:fmt>", views.download, name="download"),
]
