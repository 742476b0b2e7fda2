from django.urls import path

from catalog import views

app_name = "catalog"
urlpatterns = [
    path("", views.ContentListView.as_view(), name="content-list"),
    path("content/<slug:slug>/", views.ContentDetailView.as_view(), name="content-detail"),
    path("creators/<slug:slug>/", views.creator_detail, name="creator-detail"),
    path("report/", views.creator_report, name="creator-report"),
    path("popular/", views.popular_tags, name="popular-tags"),
]
