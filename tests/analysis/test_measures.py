"""FDR, concentration, harm weights and performance against priorities, each against an independent sum."""

import numpy as np
import pandas as pd
import pytest
from statsmodels.stats.multitest import multipletests

from saferplace.analysis.concentration import concentration, gini
from saferplace.analysis.fdr import bh_cutoff, bh_qvalues
from saferplace.analysis.harm import default_weights, harm_frame, harm_weighted, weights_from_csv
from saferplace.analysis.performance import BETTER, CONTEXT, NO_CLEAR, NO_DATA, NO_MEASURE, WORSE, performance
from saferplace.analysis.periods import financial_year
from saferplace.analysis.taxonomy import WORCESTER_DEFAULT, Measure, Priority, Taxonomy


def test_bh_matches_statsmodels():
    p = np.random.default_rng(1).beta(0.3, 1, 500)
    reject, q, _, _ = multipletests(p, 0.05, method="fdr_bh")
    assert bh_qvalues(p) == pytest.approx(q)
    assert ((p <= bh_cutoff(p)) == reject).all()


def test_gini_and_top_share():
    values = [0, 0, 0, 0, 0, 0, 0, 0, 10, 90]
    mean_abs_diff = np.abs(np.subtract.outer(values, values)).mean()
    assert gini(values) == pytest.approx(mean_abs_diff / (2 * np.mean(values)))
    result = concentration(values)
    assert (result.top_units, result.top_share, result.units_for_half) == (1, 0.9, 1)
    assert gini([5] * 10) == 0


def test_default_harm_weights_are_the_cchi_medians():
    weights = default_weights()
    assert weights.weights["Robbery"] == 365 and weights.weights["Burglary"] == 126
    assert weights.weights["Violence and sexual offences"] == 182.5 and "Anti-social behaviour" not in weights.weights
    assert weights.approximate and "approximate" in weights.source
    result = harm_weighted({"Burglary": 3, "Shoplifting": 10, "Anti-social behaviour": 7})
    assert result.total == 3 * 126 + 10 * 2 and result.unweighted == ("Anti-social behaviour",)
    frame = pd.DataFrame({"lsoa": ["A", "A", "B"], "category": ["Robbery", "Drugs", "Robbery"], "count": [1, 2, 3]})
    assert harm_frame(frame).set_index("lsoa")["harm"].to_dict() == {"A": 375.0, "B": 1095.0}


def test_harm_weights_file_errors_name_row_and_field(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("category,weight_days\nBurglary,126\nRobbery,lots\n")
    with pytest.raises(ValueError, match=r"row 3, field 'weight_days'"):
        weights_from_csv(path)


def _counts(burglary_before, burglary_after, asb_before=100, asb_after=100):
    rows = []
    for fy, b, a in (("2022-23", burglary_before, asb_before), ("2023-24", burglary_after, asb_after)):
        for m in financial_year(fy).month_labels():
            rows += [("E01", "Burglary", m, b), ("E01", "Anti-social behaviour", m, a), ("E01", "Drugs", m, 9)]
    return pd.DataFrame(rows, columns=["lsoa", "category", "month", "count"])


def test_worcester_priorities_status():
    results = {r.priority.name: r for r in performance(_counts(40, 30), financial_year("2023-24"))}
    assert results["Dwelling and Non-Dwelling Burglary"].status == BETTER  # 480 → 360, a clear fall
    assert results["Anti-social Behaviour"].status == NO_CLEAR
    assert results["Drug and Alcohol related Crime"].status == CONTEXT
    assert results["Domestic Abuse"].status == NO_DATA  # partner measure not loaded
    assert results["Counter Terrorism"].status == NO_MEASURE
    assert "does not separate dwelling" in results["Dwelling and Non-Dwelling Burglary"].measures[0].sentence
    assert results["Hate Crime"].priority.note.startswith("police.uk has no hate crime category")
    worse = {r.priority.name: r for r in performance(_counts(30, 40), financial_year("2023-24"))}
    assert worse["Dwelling and Non-Dwelling Burglary"].status == WORSE


def test_targets_and_configurable_taxonomy():
    taxonomy = Taxonomy((Priority("Safer Homes", "Burglary", (Measure("Burglary", target_change=-0.10),)),))
    met = performance(_counts(40, 30), financial_year("2023-24"), taxonomy)[0].measures[0]
    assert (met.target_status, met.target_clear) == ("met", True)  # −25% against −10%: the interval is below −10%
    missed = performance(_counts(40, 39), financial_year("2023-24"), taxonomy)[0].measures[0]
    assert missed.target_status == "missed"
    assert Taxonomy.from_dict(WORCESTER_DEFAULT.as_dict()) == WORCESTER_DEFAULT
    with pytest.raises(ValueError, match="not a police.uk category"):
        Taxonomy.from_dict({"priorities": [{"theme": "T", "name": "P", "measures": [{"code": "Burglary dwelling"}]}]})
