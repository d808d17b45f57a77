"""Into the dossier: a ladder summary as an :class:`~sanitasi_core.model.AccessRecord`."""

from typing import Any

from sanitasi_core._messages import text as _text
from sanitasi_core.exceptions import ValidationError
from sanitasi_core.ladder._record import Rung
from sanitasi_core.ladder._summary import AreaSummary, LadderSummary
from sanitasi_core.model import AccessRecord, AccessSource, AreaType, Provenance, RungCounts


def _survey_note(summary: LadderSummary, part: AreaSummary) -> str:
    first, last = summary.first_survey_date, summary.last_survey_date
    dates = f"survey date {first}" if first == last else f"survey dates {first} to {last}"
    note = f"{part.rows} rows, {dates}"
    if not summary.unit_weights:
        note += f"; weighted, total weight {part.total_weight:f}"
    if part.unknown_share:
        note += f"; rung not known for {part.unknown_share} % (left out of the five rung shares)"
    return note


def to_access_record(
    summary: LadderSummary,
    *,
    year: int,
    source_note: str,
    area: AreaType = AreaType.TOTAL,
) -> AccessRecord:
    """Turn a ladder summary into a dossier access record (source ``household_records``).

    The five rung shares and ``layak`` are copied; the unknown share is not part of any rung,
    so the five shares add up to ``100 - unknown_share``. Household counts
    (:class:`~sanitasi_core.model.RungCounts`, total including unknown) are given only when every
    weight is 1; with survey weights only shares are given.

    Args:
        summary: the summary to copy.
        year: the year the figures describe.
        source_note: the provenance's source, e.g. "Survei rumah tangga Kab. X 2024
            (households.csv)"; the provenance's note states the rows and survey dates.
        area: total (default), urban or rural (from :attr:`LadderSummary.by_area`).

    Raises:
        ValidationError: if there are no rows for *area* (no share can be computed), or the
            year or source note is not valid.
    """
    part: AreaSummary = summary if area is AreaType.TOTAL else summary.by_area[area.value]
    if part.shares is None:
        where_id = where_en = ""
        if area is not AreaType.TOTAL:
            name = _text(f"ladder_report_{area.value}")
            where = _text("ladder_area_suffix", area_id=name.id, area_en=name.en)
            where_id, where_en = where.id, where.en
        raise ValidationError.single(
            "summary", _text("ladder_empty", area_id=where_id, area_en=where_en), "ladder_empty"
        )
    shares = part.shares
    households = None
    if summary.unit_weights:
        households = RungCounts(
            total=int(part.total_weight),
            **{rung.value: int(part.counts[rung.value]) for rung in Rung},
        )
    rungs: dict[str, Any] = {rung.value: shares[rung.value] for rung in Rung}
    return AccessRecord(
        year=year,
        source=AccessSource.HOUSEHOLD_RECORDS,
        area=area,
        **rungs,
        layak=part.layak,
        households=households,
        provenance=(Provenance(source=source_note, note=_survey_note(summary, part)),),
    )
