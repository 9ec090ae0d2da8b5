"""The seed demo, loaded the way `saferplace demo` loads it (geography, partnership, funding, interventions)."""

import io

import pytest


def load_seed() -> str:
    from saferplace.funding import demo as funding
    from saferplace.geography import demo as geography
    from saferplace.interventions import demo as interventions
    from saferplace.partnership import demo as partnership

    out = io.StringIO()
    for module in (geography, partnership, funding, interventions):
        module.load(out)
    return out.getvalue()


@pytest.fixture
def seed(db):
    return load_seed()


@pytest.fixture
def seed_round(seed):
    from saferplace.funding.models import FundingRound

    return FundingRound.objects.get(partnership__slug="south-worcestershire", financial_year="2020-21")
