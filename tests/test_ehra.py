"""The EHRA-style sanitation risk index: weighted means and 4 or 5 classes."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sanitasi_core.ehra import (
    DEFAULT_CLASSES,
    DEFAULT_DOMAINS,
    RiskClasses,
    RiskWeights,
    risk_class,
    risk_index,
)
from sanitasi_core.exceptions import ValidationError

SCORES = st.decimals(min_value=0, max_value=100, places=2)


def test_equal_weights_give_the_mean():
    """With the default equal weights the index is the plain mean of the five domains."""
    scores = dict(zip(DEFAULT_DOMAINS, map(Decimal, (10, 20, 30, 40, 50)), strict=True))
    assert risk_index(scores) == Decimal("30.00")


def test_weights_are_configurable():
    """Custom weights change the index; a zero weight ignores its domain."""
    weights = RiskWeights(
        weights={"wastewater": Decimal(3), "drainage": Decimal(1), "solid_waste": Decimal(0)}
    )
    scores = {"wastewater": Decimal(80), "drainage": Decimal(40)}
    assert risk_index(scores, weights) == Decimal("70.00")


def test_missing_domain_is_unknown():
    """A weighted domain without a score makes the index unknown, not a mean of the rest."""
    assert risk_index({"wastewater": Decimal(50)}) is None


@pytest.mark.parametrize(
    ("index", "expected"), [("0", 1), ("24.99", 1), ("25", 2), ("74.99", 3), ("75", 4), ("100", 4)]
)
def test_four_default_classes(index, expected):
    """Cut points 25/50/75 give four classes; a value on a cut point is in the higher class."""
    assert risk_class(Decimal(index)) == expected


def test_five_classes():
    """Four cut points give five classes."""
    classes = RiskClasses(bounds=(Decimal(20), Decimal(40), Decimal(60), Decimal(80)))
    assert classes.count == 5
    assert risk_class(Decimal(85), classes) == 5


@pytest.mark.parametrize(
    "bounds",
    [(Decimal(50),), (Decimal(60), Decimal(40), Decimal(80)), (Decimal(0), Decimal(5), Decimal(9))],
)
def test_bad_class_bounds_are_refused(bounds):
    """Bounds must be 3 or 4 increasing cut points strictly inside 0-100."""
    with pytest.raises(ValidationError):
        RiskClasses(bounds=bounds)


def test_negative_weight_is_refused():
    """A negative weight is refused with our error."""
    with pytest.raises(ValidationError):
        RiskWeights(weights={"wastewater": Decimal(-1)})


@pytest.mark.property
@given(st.lists(SCORES, min_size=5, max_size=5))
def test_index_lies_between_the_extremes(values):
    """The weighted mean lies between the lowest and the highest domain score."""
    index = risk_index(dict(zip(DEFAULT_DOMAINS, values, strict=True)))
    assert index is not None
    assert min(values) - Decimal("0.01") <= index <= max(values) + Decimal("0.01")


@pytest.mark.property
@given(SCORES, SCORES)
def test_class_is_monotone(a, b):
    """A higher risk index never falls in a lower class."""
    low, high = sorted((a, b))
    assert risk_class(low, DEFAULT_CLASSES) <= risk_class(high, DEFAULT_CLASSES)
