from django.urls import path

from . import views

app_name = "funding"
urlpatterns = [
    path("", views.index, name="index"),
    path("rounds/import/", views.round_import, name="round_import"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
    path("rounds/<int:pk>/export.xlsx", views.round_xlsx, name="round_xlsx"),
    path("rounds/<int:pk>/bids/new/", views.bid_new, name="bid_new"),
    path("bids/<int:pk>/edit/", views.bid_edit, name="bid_edit"),
    path("grant-lines/", views.grant_lines, name="grant_lines"),
]
