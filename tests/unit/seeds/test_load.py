"""Loading valid seed directories: the values built, the built-in EQF, merging, JSON."""

from __future__ import annotations

import json

import pytest

from pathways.errors import SeedValidationError
from pathways.model import (
    AllRule,
    AnyRule,
    CredentialKind,
    CredentialRule,
    CreditsRule,
    Decision,
    LevelRef,
    Participation,
)
from pathways.seeds import load_dirs, validate_dirs
from tests.support.paths import DATA
from tests.support.seed_dirs import BASE, Write

MORE = """\
credentials:
  - id: cert
    kind: QUALIFICATION
    title: Welding certificate
    language: ga
    country: IE
    level: {framework: IE-NFQ, code: 6}
    hours: 250
    participation: BLENDED
    quality_assurance: QQI validated
    valid_from: 2024-01-01
    valid_until: "2027-12-31"
    isced: "0715"
    reviewed: 2025-06-01
    outcomes:
      - {id: cert-o-main, text: Weld plate, skills: [weld]}
      - {text: Read drawings, language: en}
      - Inspect welds
    requirements:
      all:
        - credential: safety
        - any: [{credential: mig}, {credential: safety}]
          count: 2
        - credits: 5
          from: [mig, safety]
recognitions:
  - {from: mig, to: safety, decision: PARTIAL, ects: 0.5, by: QQI, date: 2025-03-01}
"""


def test_base_loads_with_every_value(write: Write) -> None:
    graph = load_dirs([write({"a.yaml": BASE, "b.yaml": MORE})])
    mig = graph.credentials["mig"]
    assert mig.kind is CredentialKind.MICRO_CREDENTIAL
    assert mig.provider == "gti"
    assert mig.level == LevelRef("IE-NFQ", "5")
    assert mig.prerequisites == ("safety",)
    assert [(o.id, o.language, o.skills) for o in mig.outcomes] == [("mig#o1", "en", ("weld",))]
    assert graph.providers["gti"].name == "Galway Technical Institute"
    assert graph.skills["weld"].label("en") == "weld metal parts"
    assert graph.frameworks["IE-NFQ"].level("6") is not None


def test_credential_details_are_normalised(write: Write) -> None:
    cert = load_dirs([write({"a.yaml": BASE, "b.yaml": MORE})]).credentials["cert"]
    assert cert.level == LevelRef("IE-NFQ", "6")  # `code: 6` read as the string "6"
    assert (cert.ects, cert.hours, cert.workload_ects) == (None, 250.0, 10.0)
    assert cert.participation is Participation.BLENDED
    assert cert.quality_assurance == "QQI validated"
    assert (cert.valid_from, cert.valid_until) == ("2024-01-01", "2027-12-31")
    assert cert.extra == {"isced": "0715", "reviewed": "2025-06-01"}
    assert [(o.id, o.text, o.language) for o in cert.outcomes] == [
        ("cert-o-main", "Weld plate", "ga"),
        ("cert#o2", "Read drawings", "en"),
        ("cert#o3", "Inspect welds", "ga"),
    ]


def test_rules_become_model_rules(write: Write) -> None:
    cert = load_dirs([write({"a.yaml": BASE, "b.yaml": MORE})]).credentials["cert"]
    assert cert.requirements == AllRule(
        (
            CredentialRule("safety"),
            AnyRule((CredentialRule("mig"), CredentialRule("safety")), 2),
            CreditsRule(5.0, ("mig", "safety")),
        )
    )


def test_recognitions_load_with_iso_dates(write: Write) -> None:
    graph = load_dirs([write({"a.yaml": BASE, "b.yaml": MORE})])
    (rec,) = graph.recognitions
    assert (rec.from_id, rec.to_id, rec.decision, rec.ects) == (
        "mig",
        "safety",
        Decision.PARTIAL,
        0.5,
    )
    assert rec.date == "2025-03-01"


def test_builtin_eqf_is_added_when_none_is_declared(write: Write) -> None:
    graph = load_dirs([write({"a.yaml": BASE})])
    eqf = graph.frameworks["EQF"]
    assert next(iter(graph.frameworks)) == "EQF"
    assert eqf.name == "European Qualifications Framework"
    assert [(lvl.code, lvl.eqf) for lvl in eqf.levels] == [(str(n), (n,)) for n in range(1, 9)]
    reference = json.loads((DATA / "eqf_descriptors_2017.json").read_text(encoding="utf-8"))
    for level, ref in zip(eqf.levels, reference["levels"], strict=True):
        assert level.descriptors == {
            "knowledge": ref["knowledge"],
            "skills": ref["skills"],
            "responsibility_autonomy": "; ".join(ref["responsibility_and_autonomy"]),
        }


def test_a_declared_eqf_is_used_and_not_duplicated(write: Write) -> None:
    levels = "\n".join(
        f"      - {{code: '{n}', eqf: [{n}], label: L{n}, descriptors: {{knowledge: k{n}}}}}"
        for n in range(1, 9)
    )
    eqf = (
        f"frameworks:\n  - code: EQF\n    name: Our EQF\n    source: here\n    levels:\n{levels}\n"
    )
    graph = load_dirs([write({"a.yaml": BASE, "eqf.yaml": eqf})])
    assert sum(code == "EQF" for code in graph.frameworks) == 1
    assert graph.frameworks["EQF"].name == "Our EQF"
    assert graph.frameworks["EQF"].levels[2].descriptors == {"knowledge": "k3"}
    assert graph.frameworks["EQF"].levels[2].label == "L3"


def test_credentials_may_use_the_builtin_eqf(write: Write) -> None:
    text = "credentials:\n  - {id: e, kind: UNIT, title: E, country: IE, level: {framework: EQF, code: '4'}}\n"
    graph = load_dirs([write({"a.yaml": text})])
    assert graph.credentials["e"].level == LevelRef("EQF", "4")


def test_two_directories_merge(write: Write) -> None:
    first = write({"a.yaml": BASE}, name="ie")
    second = write({"x/b.yaml": MORE}, name="more")
    graph = load_dirs([first, second])
    assert set(graph.credentials) == {"safety", "mig", "cert"}


def test_duplicate_id_across_directories_names_both_places(write: Write) -> None:
    first = write({"a.yaml": BASE}, name="ie")
    second = write({"x/b.yaml": "providers:\n  - {id: gti, name: Other, country: IE}\n"}, name="ee")
    with pytest.raises(SeedValidationError) as caught:
        load_dirs([first, second])
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.id) == ("ee/x/b.yaml", 2, "gti")
    assert "already declared at ie/a.yaml:9" in problem.problem


def test_json_files_load(write: Write) -> None:
    data = {
        "credentials": [
            {
                "id": "j1",
                "kind": "UNIT",
                "title": "J",
                "country": "EE",
                "prerequisites": ["safety"],
            },
        ],
        "recognitions": [
            {"from": "j1", "to": "safety", "decision": "FULL", "by": "HAKA", "date": "2025-01-31"}
        ],
    }
    graph = load_dirs([write({"a.yaml": BASE, "j.json": json.dumps(data, indent=2)})])
    assert graph.credentials["j1"].prerequisites == ("safety",)
    assert graph.recognitions[0].decision is Decision.FULL


def test_empty_files_and_empty_lists_are_fine(write: Write) -> None:
    root = write(
        {"a.yaml": "", "b.yaml": "# nothing yet\n", "c.yaml": "credentials:\n", "d.json": "{}"}
    )
    graph = load_dirs([root])
    assert graph.credentials == {}
    assert list(graph.frameworks) == ["EQF"]


def test_other_files_are_ignored(write: Write) -> None:
    graph = load_dirs([write({"a.yaml": BASE, "notes.txt": "credentials: [", "b.yml": MORE})])
    assert "cert" in graph.credentials


def test_loading_is_deterministic(write: Write) -> None:
    root = write({"z.yaml": MORE, "a.yaml": BASE})
    assert load_dirs([root]) == load_dirs([root])
    assert validate_dirs([root]) == []
