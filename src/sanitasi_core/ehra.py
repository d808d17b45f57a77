"""The EHRA-style sanitation risk index per village (*indeks risiko sanitasi*).

The Buku Putih Sanitasi sets sanitation risk areas from an EHRA household survey, scored into a
risk index with weights per domain and 4 or 5 classes. The official weights and class
boundaries could not be found, so both are configuration: :class:`RiskWeights` and
:class:`RiskClasses`, with documented defaults (equal weights, equal-width classes).
"""

from collections.abc import Mapping
from decimal import Decimal
from typing import Final

import attrs

from sanitasi_core import _validators as v
from sanitasi_core._messages import text
from sanitasi_core.exceptions import ValidationError

__all__ = [
    "DEFAULT_CLASSES",
    "DEFAULT_DOMAINS",
    "DEFAULT_WEIGHTS",
    "RiskClasses",
    "RiskWeights",
    "risk_class",
    "risk_index",
]

DEFAULT_DOMAINS: Final = (
    "water_source",
    "wastewater",
    "solid_waste",
    "drainage",
    "hygiene_behaviour",
)
"""The EHRA domains: water source, domestic wastewater, solid waste, drainage (standing water),
hygiene behaviour."""


def _weights(
    _inst: object, attribute: "attrs.Attribute[Mapping[str, Decimal]]", value: object
) -> None:
    if not isinstance(value, Mapping) or not value:
        raise v.wrong_type(attribute, "an object", value)
    for key, weight in value.items():
        if not isinstance(weight, Decimal) or not weight.is_finite() or weight < 0:
            raise v.invalid(f"{attribute.name}.{key}", "non_negative", got=weight)
    if sum(value.values()) <= 0:
        raise v.invalid(attribute.name, "non_negative", got=sum(value.values()))


@attrs.frozen(kw_only=True)
class RiskWeights:
    """Weights per EHRA domain; the index is the weighted mean of the domain scores.

    Attributes:
        weights: weight per domain (any non-negative decimals; they are normalised).
    """

    weights: Mapping[str, Decimal] = attrs.field(validator=_weights)


DEFAULT_WEIGHTS: Final = RiskWeights(weights=dict.fromkeys(DEFAULT_DOMAINS, Decimal(1)))
"""Equal weights over the five domains (no official weights were found)."""


def _bounds(
    _inst: object, attribute: "attrs.Attribute[tuple[Decimal, ...]]", value: object
) -> None:
    if not isinstance(value, tuple) or len(value) not in (3, 4):
        raise v.invalid(attribute.name, "int_range", low=3, high=4, got=value)
    if list(value) != sorted(set(value)) or any(not Decimal(0) < b < Decimal(100) for b in value):
        raise v.invalid(attribute.name, "percentage_range", got=value)


@attrs.frozen(kw_only=True)
class RiskClasses:
    """Class boundaries of the index: 3 cut points give 4 classes, 4 give 5.

    Class 1 is the lowest risk; an index equal to a cut point belongs to the higher class.

    Attributes:
        bounds: increasing cut points strictly between 0 and 100.
    """

    bounds: tuple[Decimal, ...] = attrs.field(converter=v.to_tuple, validator=_bounds)

    @property
    def count(self) -> int:
        """The number of classes (4 or 5)."""
        return len(self.bounds) + 1


DEFAULT_CLASSES: Final = RiskClasses(bounds=(Decimal(25), Decimal(50), Decimal(75)))
"""Four equal-width classes: low, medium, high, very high."""


def risk_index(
    scores: Mapping[str, Decimal], weights: RiskWeights = DEFAULT_WEIGHTS
) -> Decimal | None:
    """Return the weighted mean of the domain *scores* (0-100); ``None`` if one is missing.

    A weighted domain without a score makes the index unknown, not a mean of the rest.

    Raises:
        ValidationError: if a score lies outside 0-100.
    """
    total = Decimal(0)
    mass = Decimal(0)
    for domain, weight in weights.weights.items():
        if weight == 0:
            continue
        score = scores.get(domain)
        if score is None:
            return None
        if not Decimal(0) <= score <= Decimal(100):
            raise ValidationError.single(domain, text("score_range", got=score), "score_range")
        total += weight * score
        mass += weight
    return (total / mass).quantize(Decimal("0.01"))


def risk_class(index: Decimal, classes: RiskClasses = DEFAULT_CLASSES) -> int:
    """Return the class (1 = lowest risk … 4 or 5) of a risk *index*."""
    return 1 + sum(1 for bound in classes.bounds if index >= bound)
