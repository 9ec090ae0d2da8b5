"""One taxonomy: the outcome indicator records are what performance, the reports and the interventions pages read;
the analysis library's default seeds them and stands in while a partnership has recorded none."""

from saferplace.analyse.data import Scope
from saferplace.analyse.services import taxonomy_for as analyse_taxonomy
from saferplace.analysis.taxonomy import WORCESTER_DEFAULT
from saferplace.interventions.models import OutcomeIndicator
from saferplace.interventions.taxonomy import indicators_of, taxonomy_for
from saferplace.interventions.traceability import build
from saferplace.partnership.models import Partnership, Priority


def _measures(taxonomy):
    return {(p.name, m.code, m.source, m.name, m.lower_is_better) for p in taxonomy.priorities for m in p.measures}


def test_the_demo_records_are_the_library_default(seed):
    worcester = Partnership.objects.get(slug="safer-worcester")
    taxonomy, recorded = taxonomy_for(worcester)  # Safer Worcester uses the SWCSP's themes and their records
    assert recorded and _measures(taxonomy) == _measures(WORCESTER_DEFAULT)
    drugs = OutcomeIndicator.objects.get(name="Drug offences (police.uk)")
    assert drugs.lower_is_better is None  # context only, as the library says (docs/adr/0400 §10)


def test_performance_reports_and_interventions_read_the_same_records(seed):
    swcsp = Partnership.objects.get(slug="south-worcestershire")
    burglary = Priority.objects.get(name="Dwelling and Non-Dwelling Burglary")
    burglary.indicators.all().delete()
    OutcomeIndicator.objects.create(priority=burglary, name="Residential burglary (force returns)", kind="partner",
                                    partner_measure="burglary-residential", lower_is_better=True)
    taxonomy, _ = taxonomy_for(swcsp)
    codes = {m.code for p in taxonomy.priorities if p.name == burglary.name for m in p.measures}
    assert codes == {"burglary-residential"}
    performance_taxonomy, source = analyse_taxonomy(Scope("E07000237", "Worcester", (), swcsp))
    assert performance_taxonomy == taxonomy and "outcome indicators recorded" in source
    assert [i.name for i in indicators_of(burglary)] == ["Residential burglary (force returns)"]
    node = next(n for t in build(swcsp, "2020-21").themes for n in t.priorities if n.priority == burglary)
    assert [str(i) for i in node.indicators] == ["Residential burglary (force returns)"]


def test_with_no_records_the_default_stands_in_everywhere(seed):
    OutcomeIndicator.objects.all().delete()
    worcester = Partnership.objects.get(slug="safer-worcester")
    taxonomy, recorded = taxonomy_for(worcester)
    assert taxonomy == WORCESTER_DEFAULT and not recorded
    _, source = analyse_taxonomy(Scope("E07000237", "Worcester", (), worcester))
    assert source.startswith("the default Worcester priorities")
    abuse = Priority.objects.get(name="Domestic Abuse")
    shown = indicators_of(abuse)  # unsaved, from the default, so the interventions pages show the same measures
    assert [(i.pk, i.partner_measure) for i in shown] == [(None, "police-recorded-domestic-abuse"),
                                                          (None, "dawn-referrals")]
    assert OutcomeIndicator.objects.count() == 0
