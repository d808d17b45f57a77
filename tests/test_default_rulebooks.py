"""The bundled rulebooks (2020.1, 2025.1) and the Kalimantan Tengah example, as data.

They are reconstructions: these tests hold them to what that promises. Every reference rests on a
public source or says it is an assumption, every source can be found again, the 2020 criteria keep
their ids, and 2025.1 encodes what public sources of 2021-2025 change (an "or" in M2, four
advisory criteria, Kemendagri's five aspects).
"""

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

import attrs
import pytest

from sanitasi_core.model import Milestone, NationalTarget, Source
from sanitasi_core.rulebooks import (
    BUNDLED,
    EXAMPLE_RULEBOOKS,
    default_rulebook,
    default_rulebooks,
    dump_rulebook,
    example_rulebook,
)
from sanitasi_core.rules import (
    AllNode,
    AnyNode,
    AspectsNode,
    CompareNode,
    Criterion,
    CriterionResult,
    PresentNode,
    Reference,
    Rulebook,
    RulebookSet,
    Severity,
    SomeNode,
    compile_rulebook,
)
from sanitasi_core.serialization import load_dossier
from tests.test_cases import DEFAULT_CRITERIA

EXAMPLES = Path(__file__).parent.parent / "examples"
FOLDER = resources.files("sanitasi_core") / "data" / "rulebooks"
ADVISORY_2025 = {
    "m1.advocacy_material",
    "m1.ssk_current",
    "m2.activities_planned",
    "m4.nawasis_entered",
}


def _books() -> dict[str, Rulebook]:
    return {
        "2020.1": default_rulebook("2020.1"),
        "2025.1": default_rulebook("2025.1"),
        "kalteng": example_rulebook("kalteng-6-aspects"),
    }


BOOKS = _books()
ALL_BOOKS = pytest.mark.parametrize("name", sorted(BOOKS))


def _references(book: Rulebook) -> Iterator[tuple[str, Reference]]:
    for _milestone, criterion in book.criteria():
        yield criterion.id, criterion.reference
    for threshold in book.thresholds:
        yield threshold.id, threshold.reference
    if book.aspects is not None:
        yield book.aspects.id, book.aspects.reference


def _sources(book: Rulebook) -> Iterator[tuple[str, Source]]:
    for where, reference in _references(book):
        for source in reference.sources:
            yield where, source
    for target in book.targets:
        for source in target.sources:
            yield target.id, source


def _criterion(book: Rulebook, ident: str) -> Criterion:
    (found,) = [c for _m, c in book.criteria() if c.id == ident]
    return found


def test_bundled_rulebooks_and_the_example_load() -> None:
    """Both bundled versions and the Kalteng example load and compile without a problem."""
    assert sorted(BUNDLED) == ["2020.1", "2025.1"]
    assert "kalteng-6-aspects" in EXAMPLE_RULEBOOKS
    books = default_rulebooks()
    assert [b.version for b in books.rulebooks] == ["2020.1", "2025.1"]
    for book in BOOKS.values():
        compile_rulebook(attrs.evolve(book, valid_to=None))
        assert book.status.value == "reconstructed"
    assert default_rulebook().version == "2025.1"


def test_identities_and_validity_periods() -> None:
    """2020.1 runs 2020-2024, 2025.1 from 2025 on; the example has its own id and version."""
    old, new, kalteng = BOOKS["2020.1"], BOOKS["2025.1"], BOOKS["kalteng"]
    assert (old.id, old.valid_from, old.valid_to) == (
        "ppsp-ssk-milestones",
        dt.date(2020, 1, 1),
        dt.date(2025, 1, 1),
    )
    assert (new.id, new.valid_from, new.valid_to) == (
        "ppsp-ssk-milestones",
        dt.date(2025, 1, 1),
        None,
    )
    assert (kalteng.id, kalteng.version, kalteng.valid_from) == (
        "ppsp-ssk-milestones-kalteng",
        "2025.1-kalteng",
        dt.date(2025, 1, 1),
    )


def test_no_shipped_rulebook_mentions_the_internal_brief() -> None:
    """No file in the rulebook folder, nor any loaded rulebook, mentions DOMAIN or DOMAIN.md."""
    files = [f for f in FOLDER.iterdir() if f.name.endswith((".toml", ".json"))]
    assert {f.name for f in files} >= {*BUNDLED.values(), *EXAMPLE_RULEBOOKS.values()}
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert "DOMAIN" not in text, file.name
        assert "domain.md" not in text.lower(), file.name
    for book in BOOKS.values():
        assert "DOMAIN" not in dump_rulebook(book)


@ALL_BOOKS
def test_every_reference_rests_on_a_source_or_says_it_is_an_assumption(name: str) -> None:
    """Criteria, thresholds and the aspect set cite a findable source, or carry an assumption."""
    book = BOOKS[name]
    for where, reference in _references(book):
        findable = [s for s in reference.sources if s.title.strip() and (s.url or s.quote)]
        assert findable or reference.assumption is not None, where


@ALL_BOOKS
def test_every_target_cites_its_sources(name: str) -> None:
    """Each national target names at least one source, and its basis is bilingual."""
    book = BOOKS[name]
    assert book.targets
    for target in book.targets:
        assert isinstance(target, NationalTarget)
        assert target.sources, target.id
        assert target.basis.id != target.basis.en, target.id


@ALL_BOOKS
def test_every_source_url_is_a_web_address(name: str) -> None:
    """A source that gives a URL gives an http(s) address with a host."""
    for where, source in _sources(BOOKS[name]):
        if source.url is not None:
            parsed = urlparse(source.url)
            assert parsed.scheme in ("http", "https"), (where, source.url)
            assert parsed.netloc, (where, source.url)


@ALL_BOOKS
def test_every_basis_and_assumption_is_written_in_both_languages(name: str) -> None:
    """Bases and assumptions are real translations, not one citation copied into both slots."""
    for where, reference in _references(BOOKS[name]):
        assert reference.basis.id != reference.basis.en, where
        if reference.assumption is not None:
            # Reports add the label ("ASUMSI:", "ASSUMPTION:"): the text must not repeat it.
            assert not reference.assumption.id.lower().startswith("asumsi"), where
            assert not reference.assumption.en.lower().startswith("assumption"), where
            assert reference.assumption.id != reference.assumption.en, where


@ALL_BOOKS
def test_the_numbers_no_source_gives_are_labelled_assumptions(name: str) -> None:
    """s, r, k and the reading of "increasing access" are assumptions in every rulebook."""
    book = BOOKS[name]
    for threshold in book.thresholds:
        assert threshold.reference.assumption is not None, threshold.id
    for ident in ("m4.multi_aspect", "m4.apbd_realisation", "m4.access_not_lower"):
        assert _criterion(book, ident).reference.assumption is not None, ident
    assert book.aspects is not None
    assert book.aspects.reference.assumption is not None


def test_the_2020_criteria_keep_their_ids() -> None:
    """Rulebook 2020.1 has exactly the criterion ids the decision cases were written for."""
    ids = [c.id for _m, c in BOOKS["2020.1"].criteria()]
    assert ids == list(DEFAULT_CRITERIA)


def test_the_2020_numbers_and_targets_are_unchanged() -> None:
    """2020.1 keeps s = 50, r = 80, k = 4 of 6 and the RPJMN 2020-2024 and Vision 2045 targets."""
    book = BOOKS["2020.1"]
    values = {t.id: [(s.since, s.value) for s in t.steps] for t in book.thresholds}
    assert values == {
        "m4_min_aspect_score": [(dt.date(2020, 1, 1), Decimal(50))],
        "m4_apbd_realisation": [(dt.date(2020, 1, 1), Decimal(80))],
    }
    targets = {t.id: (t.indicator.value, t.value, t.year) for t in book.targets}
    assert targets == {
        "rpjmn-2024-layak": ("layak", Decimal(90), 2024),
        "rpjmn-2024-aman": ("safely_managed", Decimal(15), 2024),
        "rpjmn-2024-babs": ("open_defecation", Decimal(0), 2024),
        "visi-2045-aman": ("safely_managed", Decimal(70), 2045),
    }
    multi = _criterion(book, "m4.multi_aspect").test
    assert isinstance(multi, SomeNode)
    assert isinstance(multi.test, AspectsNode)
    assert (multi.test.k, multi.test.threshold) == (4, "m4_min_aspect_score")
    assert book.aspects is not None
    assert book.aspects.id == "ppsp-2020-6"
    assert len(book.aspects.aspects) == 6


def test_the_2025_m2_is_an_or() -> None:
    """2025.1's M2 passes on the adopted policy, or on a trial model with funded activities."""
    m2 = BOOKS["2025.1"].milestones[1]
    assert m2.id is Milestone.M2
    blocking = [c for c in m2.criteria if c.severity is Severity.BLOCKING]
    assert [c.id for c in blocking] == ["m2.policy_or_service_plan"]
    test = blocking[0].test
    assert isinstance(test, AnyNode)
    policy, plan = test.of
    assert isinstance(policy, PresentNode)
    assert policy.fact == "policy_adopted"
    assert isinstance(plan, AllNode)
    assert [(n.indicator, n.cmp.value, n.value) for n in plan.of if isinstance(n, CompareNode)] == [
        ("trial_service_models", ">=", Decimal(1)),
        ("funded_model_activities", ">=", Decimal(1)),
    ]
    for branch in (policy, plan):
        assert branch.label is not None
        assert branch.label.id != branch.label.en


def test_advisory_criteria_are_exactly_the_four_listed() -> None:
    """2025.1 (and the example) have four advisory criteria; 2020.1 has none."""
    for name in ("2025.1", "kalteng"):
        advisory = {c.id for _m, c in BOOKS[name].criteria() if c.severity is Severity.ADVISORY}
        assert advisory == ADVISORY_2025, name
    assert not [c for _m, c in BOOKS["2020.1"].criteria() if c.severity is Severity.ADVISORY]


def test_the_2025_m1_is_a_commitment_to_the_drafted_package() -> None:
    """M1 of 2025.1 needs the drafted package and the commitment in force to it."""
    m1 = BOOKS["2025.1"].milestones[0]
    facts = {
        c.id: c.test.fact
        for c in m1.criteria
        if c.severity is Severity.BLOCKING and isinstance(c.test, PresentNode)
    }
    assert facts == {
        "m1.designated": "designated",
        "m1.working_group": "working_group_formed",
        "m1.sanitation_profile": "sanitation_profile",
        "m1.policy_package_drafted": "policy_package_drafted",
        "m1.policy_commitment": "policy_commitment",
    }


def test_the_2025_m4_criteria() -> None:
    """M4 of 2025.1 is per fiscal year, commits to the year's services and asks 4 of 5 aspects."""
    m4 = BOOKS["2025.1"].milestones[3]
    assert m4.per_fiscal_year
    commitment = _criterion(BOOKS["2025.1"], "m4.commitment_in_year").test
    assert isinstance(commitment, PresentNode)
    assert commitment.fact == "service_commitment_in_year"
    multi = _criterion(BOOKS["2025.1"], "m4.multi_aspect").test
    assert isinstance(multi, SomeNode)
    assert isinstance(multi.test, AspectsNode)
    assert (multi.test.k, multi.test.threshold, multi.test.step) == (4, "m4_min_aspect_score", None)
    values = {t.id: [(s.since, s.value) for s in t.steps] for t in BOOKS["2025.1"].thresholds}
    assert values == {
        "m4_min_aspect_score": [(dt.date(2025, 1, 1), Decimal(50))],
        "m4_apbd_realisation": [(dt.date(2025, 1, 1), Decimal(80))],
    }


def test_the_2025_aspect_set_is_kemendagris_five() -> None:
    """kemendagri-5: five aspects, regulation and institution required, communication an alias."""
    aspects = BOOKS["2025.1"].aspects
    assert aspects is not None
    assert aspects.id == "kemendagri-5"
    assert [a.id for a in aspects.aspects] == [
        "regulation",
        "institution",
        "technical",
        "behaviour_change",
        "financing",
    ]
    assert {a.id for a in aspects.aspects if a.required} == {"regulation", "institution"}
    assert aspects.aliases()["behaviour_change"] == ("behaviour_change", "communication")
    counted = aspects.keys()  # the ids and aliases the set counts
    assert "participation" not in counted
    assert [s.id for s in aspects.steps] == [
        "containment",
        "emptying",
        "transport",
        "treatment",
        "disposal",
    ]


def test_the_kalteng_example_has_six_aspects() -> None:
    """kalteng-6: six aspects, participation counted as itself, communication outside the set."""
    book = BOOKS["kalteng"]
    aspects = book.aspects
    assert aspects is not None
    assert aspects.id == "kalteng-6"
    assert [a.id for a in aspects.aspects] == [
        "regulation",
        "technical",
        "economic",
        "institution",
        "financing",
        "participation",
    ]
    assert all(not a.aliases for a in aspects.aspects)
    counted = aspects.keys()  # the ids and aliases the set counts
    assert "communication" not in counted
    multi = _criterion(book, "m4.multi_aspect").test
    assert isinstance(multi, SomeNode)
    assert isinstance(multi.test, AspectsNode)
    assert multi.test.k == 4


def test_the_kalteng_example_differs_from_2025_only_in_its_aspects() -> None:
    """Apart from the aspect set and the multi-aspect criterion, the example is 2025.1."""
    example, bundled = BOOKS["kalteng"], BOOKS["2025.1"]
    assert example.thresholds == bundled.thresholds
    assert example.targets == bundled.targets
    ours = {c.id: c for _m, c in example.criteria()}
    theirs = {c.id: c for _m, c in bundled.criteria()}
    assert ours.keys() == theirs.keys()
    assert [i for i in ours if ours[i] != theirs[i]] == ["m4.multi_aspect"]
    assert ours["m4.multi_aspect"].test == theirs["m4.multi_aspect"].test


def test_the_2025_targets() -> None:
    """2025.1 targets RPJMN 2025-2029 (30 % aman, 100 % layak by 2029) and Vision 2045."""
    targets = {t.id: (t.indicator.value, t.value, t.year) for t in BOOKS["2025.1"].targets}
    assert targets == {
        "rpjmn-2029-aman": ("safely_managed", Decimal(30), 2029),
        "rpjmn-2029-layak": ("layak", Decimal(100), 2029),
        "visi-2045-aman": ("safely_managed", Decimal(70), 2045),
    }
    for target in BOOKS["2025.1"].targets:
        if target.id.startswith("rpjmn-2029"):
            assert "not read" in target.basis.en


def test_default_rulebooks_switch_on_1_january_2025() -> None:
    """The default set applies 2020.1 on 2024-12-31 and 2025.1 on 2025-01-01."""
    books = default_rulebooks()
    assert books.in_force(dt.date(2024, 12, 31)).rulebook.version == "2020.1"
    assert books.in_force(dt.date(2025, 1, 1)).rulebook.version == "2025.1"
    assert books.in_force(dt.date(2020, 1, 1)).rulebook.version == "2020.1"


def test_the_2020_rulebook_can_be_kept_for_any_date() -> None:
    """With its end date lifted, 2020.1 evaluates a dossier in 2025 by the 2020 criteria."""
    dossier = load_dossier((EXAMPLES / "demo-sungai-lestari.json").read_bytes())
    kept = compile_rulebook(attrs.evolve(BOOKS["2020.1"], valid_to=None))
    decision = kept.evaluate(dossier, as_of=dt.date(2025, 12, 31))
    assert decision.rulebook.version == "2020.1"
    assert [c.id for m in decision.milestones for c in m.criteria] == list(DEFAULT_CRITERIA)


def _notes(result: CriterionResult) -> list[str]:
    return [n.en for n in result.notes] + [n for c in result.children for n in _notes(c)]


@pytest.mark.parametrize(
    ("name", "outside", "counted"),
    [("2025.1", "participation", "communication"), ("kalteng", "communication", "participation")],
)
def test_six_aspect_dossier_keys_are_counted_or_reported(
    name: str, outside: str, counted: str
) -> None:
    """Assessments on the six 2020 keys count where the set has them and are reported elsewhere."""
    dossier = load_dossier((EXAMPLES / "demo-sungai-lestari.json").read_bytes())
    decision = RulebookSet([BOOKS[name]]).evaluate(dossier, as_of=dt.date(2025, 12, 31))
    notes = " ".join(_notes(decision.criterion("m4.multi_aspect")))
    assert f"'{outside}'" in notes
    assert f"'{counted}'" not in notes
