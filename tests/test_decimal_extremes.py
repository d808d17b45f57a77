"""Indicator arithmetic on the largest amounts a dossier admits (40 integer digits)."""

import datetime as dt
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sanitasi_core.indicators import CATALOGUE, Facts
from sanitasi_core.rulebooks import default_rulebooks
from sanitasi_core.serialization import dossier_from_dict

DEMO = Path(__file__).parent.parent / "examples" / "demo-sungai-lestari.json"
BASE: dict[str, Any] = json.loads(DEMO.read_text("utf-8"))
AS_OF = dt.date(2025, 12, 31)
HUGE = "9" * 40


def _activity(planned: str, realised: str) -> dict[str, object]:
    return {
        "id": "a",
        "name": "x",
        "fiscal_year": 2025,
        "funding_source": "apbd_district",
        "planned": planned,
        "realised": realised,
    }


def _realisation(planned: str, realised: str) -> Any:
    data = {**BASE, "activities": [_activity(planned, realised)], "monitoring_reports": None}
    return Facts(dossier_from_dict(data), AS_OF).observe("apbd_realisation_pct")


def test_a_share_just_below_80_percent_at_28_digits_does_not_pass():
    """A realisation a hair below 80 % with 28-digit amounts reads below 80 %, not 80.00 %."""
    planned = "5906551450789956135273903164"  # 28 digits
    realised = "4725241160631964908219122531"  # 0.2 Rupiah short of 80 %
    assert Fraction(int(realised), int(planned)) < Fraction(4, 5)
    obs = _realisation(planned, realised)
    assert obs.value == Decimal("79.99")


def test_40_digit_amounts_give_an_exact_share_and_rupiah_gap():
    """40-digit amounts give a share floored to 0.01 and the exact Rupiah still to realise."""
    planned = HUGE
    realised = str(int(HUGE) * 7 // 10)
    obs = _realisation(planned, realised)
    exact = Fraction(int(realised) * 100, int(planned))
    assert obs.value == Decimal(int(exact * 100)).scaleb(-2)
    also = CATALOGUE["apbd_realisation_pct"].also
    assert also is not None
    gap = Decimal(80) - obs.value
    needed = also(obs, gap, Decimal(80), False)["rupiah"]
    assert Fraction(needed) >= Fraction(int(planned) * 8, 10) - int(realised)
    assert Fraction(needed) - Fraction(1, 100) < Fraction(int(planned) * 8, 10) - int(realised)


_AMOUNT = st.integers(min_value=1, max_value=10**40 - 1)


@pytest.mark.property
@settings(max_examples=200, deadline=None)
@given(_AMOUNT, st.data())
def test_realisation_share_never_passes_an_exact_failure(planned: int, data: Any) -> None:
    """For amounts of up to 40 digits, share ≥ 80 % holds exactly when realised/planned ≥ 0.8."""
    near = planned * 4 // 5
    realised = data.draw(
        st.one_of(
            st.integers(min_value=0, max_value=10**40 - 1),
            st.integers(min_value=max(near - 2, 0), max_value=near + 2),
        )
    )
    obs = _realisation(str(planned), str(realised))
    assert isinstance(obs.value, Decimal)
    assert (obs.value >= 80) == (Fraction(realised, planned) >= Fraction(4, 5))
    exact = Fraction(realised * 100, planned)
    assert Fraction(obs.value) <= exact < Fraction(obs.value) + Fraction(1, 100)


@pytest.mark.parametrize("realised", ["0", HUGE[:-1] + ".99999999999999999999", HUGE])
def test_full_evaluation_with_40_digit_amounts_raises_nothing(realised: str) -> None:
    """Evaluating a dossier whose amounts have 40 digits gives a decision, not an exception."""
    data = dict(BASE)
    data["activities"] = [
        {**a, "planned": HUGE + ".99999999999999999999", "realised": realised}
        for a in BASE["activities"]
    ]
    data["commitments"] = [{**c, "pledged": HUGE} for c in BASE["commitments"]]
    decision = default_rulebooks().evaluate(dossier_from_dict(data), as_of=AS_OF)
    assert decision.milestones
