"""Each kind of seed error is reported: file, id, field and a problem a person can act on."""

from __future__ import annotations

import pytest

from pathways.errors import SeedProblem, SeedValidationError
from pathways.seeds import load_dirs, validate_dirs
from tests.support.seed_dirs import BASE, Write


def cred(ident: str, extra: str = "") -> str:
    """A valid credential record with `extra` lines appended (indented as record keys)."""
    lines = [
        f"  - id: {ident}",
        "    kind: UNIT",
        f"    title: {ident} title",
        "    country: IE",
    ]
    lines += [f"    {line}" for line in extra.strip("\n").splitlines()]
    return "credentials:\n" + "\n".join(lines) + "\n"


def recog(extra: str) -> str:
    """One recognition mig -> safety overridden by `extra` keys (a flow mapping body)."""
    return f"recognitions:\n  - {{{extra}}}\n"


# (case, bad.yaml text, expected id, expected field, words the problem contains)
CASES: list[tuple[str, str, str | None, str | None, str]] = [
    ("unparseable", "credentials: [\n  - id: x\n", None, None, "not valid YAML"),
    ("unknown top-level key", "credental: []\n", None, "credental", "did you mean 'credentials'"),
    ("top level not a mapping", "- a\n- b\n", None, None, "must hold a mapping"),
    ("list not a list", "credentials: {id: x}\n", None, "credentials", "must be a list"),
    ("entry not a mapping", "credentials: [just-an-id]\n", None, "credentials[0]", "mapping"),
    (
        "missing required credential field",
        "credentials:\n  - {id: x, kind: UNIT, country: IE}\n",
        "x",
        "title",
        "required field 'title' is missing",
    ),
    (
        "missing provider country",
        "providers:\n  - {id: p2, name: P}\n",
        "p2",
        "country",
        "required field 'country'",
    ),
    ("missing skill labels", "skills:\n  - {id: s2}\n", "s2", "labels", "required field 'labels'"),
    ("empty skill labels", "skills:\n  - {id: s2, labels: {}}\n", "s2", "labels", "at least one"),
    (
        "missing framework levels",
        "frameworks:\n  - {code: XX, name: X}\n",
        "XX",
        "levels",
        "required field 'levels'",
    ),
    (
        "missing level eqf",
        "frameworks:\n  - {code: XX, name: X, levels: [{code: '1'}]}\n",
        "XX",
        "levels[0].eqf",
        "required field 'eqf'",
    ),
    (
        "missing recognition by",
        recog("from: mig, to: safety, decision: FULL, date: 2025-03-01"),
        "mig -> safety",
        "by",
        "required field 'by'",
    ),
    ("duplicate credential id", cred("mig"), "mig", "id", "duplicate credential id 'mig'"),
    (
        "duplicate provider id",
        "providers:\n  - {id: gti, name: G, country: IE}\n",
        "gti",
        "id",
        "duplicate provider id",
    ),
    ("duplicate skill id", "skills:\n  - {id: weld, labels: {en: w}}\n", "weld", "id", "duplicate"),
    (
        "duplicate framework code",
        "frameworks:\n  - {code: IE-NFQ, name: N, levels: []}\n",
        "IE-NFQ",
        "code",
        "duplicate framework code",
    ),
    (
        "duplicate recognition pair",
        recog("from: mig, to: safety, decision: FULL, by: QQI, date: 2025-03-01")
        + "  - {from: mig, to: safety, decision: NONE, by: QQI, date: 2025-04-01}\n",
        "mig -> safety",
        "to",
        "duplicate recognition mig -> safety",
    ),
    ("unknown provider", cred("x", "provider: gty"), "x", "provider", "did you mean 'gti'"),
    (
        "unknown level framework",
        cred("x", "level: {framework: IE-NQF, code: '5'}"),
        "x",
        "level.framework",
        "'IE-NQF' is not a framework",
    ),
    (
        "level not in framework",
        cred("x", "level: {framework: IE-NFQ, code: '9'}"),
        "x",
        "level.code",
        "level '9' is not in framework IE-NFQ",
    ),
    (
        "unknown outcome skill",
        cred("x", "outcomes: [{text: t, skills: [wled]}]"),
        "x",
        "outcomes[0].skills[0]",
        "did you mean 'weld'",
    ),
    (
        "unknown prerequisite",
        cred("x", "prerequisites: [safty]"),
        "x",
        "prerequisites[0]",
        "prerequisite 'safty' is not a credential in any file; did you mean 'safety'?",
    ),
    (
        "unknown rule credential",
        cred("x", "requirements: {credential: nope}"),
        "x",
        "requirements.credential",
        "'nope' is not a credential",
    ),
    (
        "unknown recognition from",
        recog("from: ghost, to: safety, decision: FULL, by: QQI, date: 2025-03-01"),
        "ghost -> safety",
        "from",
        "'ghost' is not a credential",
    ),
    (
        "unknown recognition to",
        recog("from: mig, to: ghost, decision: FULL, by: QQI, date: 2025-03-01"),
        "mig -> ghost",
        "to",
        "'ghost' is not a credential",
    ),
    (
        "self prerequisite",
        cred("x", "prerequisites: [x]"),
        "x",
        "prerequisites[0]",
        "prerequisite cycle: x -> x",
    ),
    ("negative ects", cred("x", "ects: -5"), "x", "ects", "must not be negative"),
    ("non-numeric hours", cred("x", "hours: ten"), "x", "hours", "must be a number"),
    ("boolean ects", cred("x", "ects: true"), "x", "ects", "must be a number"),
    ("infinite ects", cred("x", "ects: .inf"), "x", "ects", "finite"),
    (
        "rule with two kinds",
        cred("x", "requirements: {credential: safety, all: [{credential: mig}]}"),
        "x",
        "requirements",
        "exactly one of",
    ),
    ("rule with no kind", cred("x", "requirements: {count: 1}"), "x", "requirements", "none"),
    (
        "rule with unknown key",
        cred("x", "requirements: {credential: safety, weight: 2}"),
        "x",
        "requirements",
        "cannot also have weight",
    ),
    (
        "count zero",
        cred("x", "requirements: {any: [{credential: safety}], count: 0}"),
        "x",
        "requirements.count",
        "positive whole number",
    ),
    (
        "count not an int",
        cred("x", "requirements: {any: [{credential: safety}], count: 1.5}"),
        "x",
        "requirements.count",
        "positive whole number",
    ),
    (
        "count above children",
        cred("x", "requirements: {any: [{credential: safety}, {credential: mig}], count: 3}"),
        "x",
        "requirements.count",
        "count 3 is more than the 2",
    ),
    (
        "count on all",
        cred("x", "requirements: {all: [{credential: safety}], count: 1}"),
        "x",
        "requirements",
        "cannot also have count",
    ),
    ("empty all", cred("x", "requirements: {all: []}"), "x", "requirements.all", "non-empty"),
    (
        "negative credits",
        cred("x", "requirements: {credits: -1, from: [safety]}"),
        "x",
        "requirements.credits",
        "non-negative number",
    ),
    (
        "non-numeric credits",
        cred("x", "requirements: {credits: lots, from: [safety]}"),
        "x",
        "requirements.credits",
        "non-negative number",
    ),
    (
        "credits without from",
        cred("x", "requirements: {credits: 5}"),
        "x",
        "requirements.from",
        "needs 'from'",
    ),
    (
        "credits with empty from",
        cred("x", "requirements: {credits: 5, from: []}"),
        "x",
        "requirements.from",
        "non-empty list",
    ),
    (
        "credits with from not a list",
        cred("x", "requirements: {credits: 5, from: safety}"),
        "x",
        "requirements.from",
        "non-empty list",
    ),
    (
        "credits from listed twice",
        cred("x", "requirements: {credits: 5, from: [safety, safety]}"),
        "x",
        "requirements.from[1]",
        "listed twice",
    ),
    (
        "deeply nested malformed rule",
        cred(
            "x",
            "requirements: {all: [{any: [{all: [{credential: safety}, {credits: 1}]}]}]}",
        ),
        "x",
        "requirements.all[0].any[0].all[1].from",
        "needs 'from'",
    ),
    (
        "rule naming its own credential",
        cred("x", "requirements: {any: [{credential: safety}, {credits: 2, from: [x]}]}"),
        "x",
        "requirements.any[1].from[0]",
        "names 'x' itself",
    ),
    (
        "rule not a mapping",
        cred("x", "requirements: [safety]"),
        "x",
        "requirements",
        "must be a mapping",
    ),
    ("unknown kind", cred("x", "kind: BADGE"), "x", "kind", "'BADGE' is not one of"),
    (
        "lower-case participation",
        cred("x", "participation: online"),
        "x",
        "participation",
        "write it in capitals: ONLINE",
    ),
    (
        "unknown decision",
        recog("from: mig, to: safety, decision: MAYBE, by: QQI, date: 2025-03-01"),
        "mig -> safety",
        "decision",
        "'MAYBE' is not one of FULL, PARTIAL, NONE",
    ),
    ("bad valid_from", cred("x", "valid_from: next year"), "x", "valid_from", "ISO 8601"),
    ("impossible date", cred("x", "valid_until: 2025-02-30"), "x", "valid_until", "2025-02-30"),
    (
        "valid_until before valid_from",
        cred("x", "valid_from: 2025-01-01\nvalid_until: 2024-01-01"),
        "x",
        "valid_until",
        "before valid_from",
    ),
    (
        "bad recognition date",
        recog("from: mig, to: safety, decision: FULL, by: QQI, date: 1 March 2025"),
        "mig -> safety",
        "date",
        "ISO 8601",
    ),
    (
        "partial without ects",
        recog("from: mig, to: safety, decision: PARTIAL, by: QQI, date: 2025-03-01"),
        "mig -> safety",
        "ects",
        "PARTIAL decision needs 'ects'",
    ),
    (
        "negative partial ects",
        recog("from: mig, to: safety, decision: PARTIAL, ects: -2, by: QQI, date: 2025-03-01"),
        "mig -> safety",
        "ects",
        "must not be negative",
    ),
    (
        "recognised as itself",
        recog("from: mig, to: mig, decision: FULL, by: QQI, date: 2025-03-01"),
        "mig -> mig",
        "to",
        "itself",
    ),
    (
        "three eqf levels",
        "frameworks:\n  - {code: XX, name: X, levels: [{code: '1', eqf: [1, 2, 3]}]}\n",
        "XX",
        "levels[0].eqf",
        "at most two EQF levels",
    ),
    (
        "eqf level out of range",
        "frameworks:\n  - {code: XX, name: X, levels: [{code: '1', eqf: [9]}]}\n",
        "XX",
        "levels[0].eqf",
        "1 to 8",
    ),
    (
        "duplicate level code",
        "frameworks:\n  - {code: XX, name: X, levels: [{code: '1', eqf: [1]}, {code: 1, eqf: [2]}]}\n",
        "XX",
        "levels[1].code",
        "level code '1' appears twice",
    ),
    (
        "float level code",
        "frameworks:\n  - {code: XX, name: X, levels: [{code: 5.10, eqf: [5]}]}\n",
        "XX",
        "levels[0].code",
        "quotes",
    ),
    (
        "Norway problem",
        cred("x", "country: NO").replace("    country: IE\n", ""),
        "x",
        "country",
        "quotes",
    ),
    (
        "repeated key",
        "credentials:\n  - {id: x, kind: UNIT, title: T, title: U, country: IE}\n",
        None,
        None,
        "appears twice",
    ),
    (
        "declared EQF of the wrong shape",
        "frameworks:\n  - {code: EQF, name: E, levels: [{code: '1', eqf: [1]}]}\n",
        "EQF",
        "levels",
        '"1".."8"',
    ),
    (
        "outcome id twice in a credential",
        cred("x", "outcomes: [{id: o, text: a}, {id: o, text: b}]"),
        "x",
        "outcomes[1].id",
        "outcome id 'o' appears twice in this credential",
    ),
    (
        "outcome id used by another credential",
        cred("x", "outcomes: [{id: 'mig#o1', text: a}]"),
        "x",
        "outcomes[0].id",
        "outcome id 'mig#o1' is also used by 'mig'",
    ),
    (
        "level of a framework without levels",
        "frameworks:\n  - {code: XX, name: X, levels: []}\n"
        + cred("x", "level: {framework: XX, code: '1'}"),
        "x",
        "level.code",
        "level '1' is not in framework XX (it has no levels)",
    ),
]


@pytest.mark.parametrize(
    ("text", "ident", "field", "words"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_error_is_reported(
    write: Write, text: str, ident: str | None, field: str | None, words: str
) -> None:
    root = write({"00-base.yaml": BASE, "bad.yaml": text})
    problems = validate_dirs([root])
    assert problems, "the directory should be rejected"
    matching = [p for p in problems if words in p.problem]
    assert matching, f"no problem mentions {words!r}: {[str(p) for p in problems]}"
    found = matching[0]
    assert found.file == "bad.yaml"
    assert found.id == ident
    assert found.field == field
    with pytest.raises(SeedValidationError) as caught:
        load_dirs([root])
    assert found in caught.value.problems


def test_prerequisite_cycle_is_named(write: Write) -> None:
    text = (
        cred("a", "prerequisites: [b]")
        + cred("b", "prerequisites: [c]")[len("credentials:\n") :]
        + cred("c", "prerequisites: [a, safety]")[len("credentials:\n") :]
    )
    problems = validate_dirs([write({"00-base.yaml": BASE, "bad.yaml": text})])
    assert [(p.id, p.field, p.problem) for p in problems] == [
        ("a", "prerequisites", "prerequisite cycle: a -> b -> c -> a")
    ]


def test_a_long_cycle_is_named_in_short(write: Write) -> None:
    ids = [f"c{n:02}" for n in range(30)]
    text = "credentials:\n" + "".join(
        f"  - {{id: {me}, kind: UNIT, title: T, country: IE, prerequisites: [{nxt}]}}\n"
        for me, nxt in zip(ids, ids[1:] + ids[:1], strict=True)
    )
    (problem,) = validate_dirs([write({"bad.yaml": text})])
    assert problem.problem == (
        "prerequisite cycle: c00 -> c01 -> c02 -> c03 -> c04 -> c05 -> c06 -> c07 -> c08"
        " -> ... (19 more) -> c28 -> c29 -> c00"
    )


def test_cycle_through_a_record_with_other_errors_is_still_found(write: Write) -> None:
    text = cred("a", "prerequisites: [b]\nects: -1") + cred("b", "prerequisites: [a]")[13:]
    problems = validate_dirs([write({"00-base.yaml": BASE, "bad.yaml": text})])
    assert any(p.problem == "prerequisite cycle: a -> b -> a" for p in problems)


def test_every_problem_of_every_file_is_reported_at_once(write: Write) -> None:
    root = write(
        {
            "base.yaml": BASE,
            "one.yaml": cred("x", "ects: -1\nparticipation: BADGE\nprovider: nobody"),
            "sub/two.yml": "credentals: []\n",
            "three.json": '{"credentials": [{"id": "y", "kind": "UNIT"}]}',
        }
    )
    with pytest.raises(SeedValidationError) as caught:
        load_dirs([root])
    where = sorted((p.file, str(p.field)) for p in caught.value.problems)
    assert where == [
        ("one.yaml", "ects"),
        ("one.yaml", "participation"),
        ("one.yaml", "provider"),
        ("sub/two.yml", "credentals"),
        ("three.json", "country"),
        ("three.json", "title"),
    ]
    assert "(and 5 more)" in str(caught.value)


def test_a_reference_to_a_broken_record_is_not_reported_as_unknown(write: Write) -> None:
    text = cred("x", "ects: -1") + cred("y", "prerequisites: [x]")[13:]
    problems = validate_dirs([write({"00-base.yaml": BASE, "bad.yaml": text})])
    assert [(p.id, p.field) for p in problems] == [("x", "ects")]


def test_missing_directory_is_a_problem(tmp_path: object) -> None:
    from pathlib import Path

    missing = Path(str(tmp_path)) / "nope"
    assert validate_dirs([missing]) == [SeedProblem(str(missing), "is not a directory")]
