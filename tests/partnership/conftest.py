"""The Safer Worcester demo records (the seed report's partnership) as the data of the partnership page tests."""

import io

import pytest

from saferplace.geography import demo as geography_demo
from saferplace.partnership import demo as partnership_demo
from saferplace.partnership.models import Organisation


@pytest.fixture
def demo(db):
    geography_demo.load(io.StringIO())
    partnership_demo.load(io.StringIO())


@pytest.fixture
def council(demo):
    """Worcester City Council: a partner of Safer Worcester and the host of its meetings (Appendix 2)."""
    return Organisation.objects.get(name="Worcester City Council")


@pytest.fixture
def police(demo):
    return Organisation.objects.get(name="West Mercia Police")
