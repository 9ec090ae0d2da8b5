from django.urls import reverse

from saferplace.partnership.models import Group, Meeting, StrategicAssessment, TermsOfReference


def test_every_page_renders_for_an_administrator(demo, signed_in):
    c = signed_in("administrator")
    sa = StrategicAssessment.objects.get()
    urls = [
        reverse("partnership:index"),
        reverse("partnership:overview", args=["safer-worcester"]),
        reverse("partnership:overview", args=["south-worcestershire"]),
        reverse("partnership:partners", args=["safer-worcester"]),
        reverse("partnership:governance"),
        reverse("partnership:group", args=[Group.objects.get(name="Safer Worcester").pk]),
        reverse("partnership:group-edit", args=[Group.objects.get(name="Safer Worcester").pk]),
        reverse("partnership:group-new"),
        reverse("partnership:terms", args=[TermsOfReference.objects.get().pk]),
        reverse("partnership:terms-edit", args=[TermsOfReference.objects.get().pk]),
        reverse("partnership:meetings"),
        reverse("partnership:meeting-new"),
        reverse("partnership:meeting", args=[Meeting.objects.first().pk]),
        reverse("partnership:meeting-edit", args=[Meeting.objects.first().pk]),
        reverse("partnership:actions", args=["safer-worcester"]),
        reverse("partnership:action-new", args=["safer-worcester"]),
        reverse("partnership:assessments", args=["south-worcestershire"]),
        reverse("partnership:assessment", args=["south-worcestershire", sa.pk]),
        reverse("partnership:assessment-edit", args=["south-worcestershire", sa.pk]),
        reverse("partnership:assessment-new", args=["south-worcestershire"]),
        reverse("partnership:organisation-new"),
        "/",
    ]
    for url in urls:
        assert c.get(url).status_code == 200, url
