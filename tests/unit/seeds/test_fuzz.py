"""Whatever the files hold, the loader returns a Graph or raises SeedValidationError."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathways.errors import SeedProblem, SeedValidationError
from pathways.model import Graph
from pathways.seeds import credential_from_input, load_dirs
from pathways.seeds.eqf import builtin_eqf
from pathways.seeds.yamlfast import read_events

KEYS = [
    *("frameworks", "providers", "skills", "credentials", "recognitions", "id", "code", "name"),
    *("levels", "eqf", "labels", "kind", "title", "country", "provider", "level", "framework"),
    *("ects", "hours", "participation", "valid_from", "outcomes", "text", "skills"),
    *("prerequisites", "requirements", "all", "any", "count", "credits", "from", "to"),
    *("credential", "decision", "by", "date", "language", "descriptors", "en"),
]
WORDS = [
    "a",
    "b",
    "c",
    "EQF",
    "UNIT",
    "FULL",
    "PARTIAL",
    "ONLINE",
    "IE",
    "1",
    "5",
    "",
    "2025-03-01",
]


def _values(*, allow_nan: bool) -> st.SearchStrategy[object]:
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-3, 10),
        st.floats(allow_nan=allow_nan, allow_infinity=True),
        st.sampled_from(WORDS),
        st.text(max_size=6),
        st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    )
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4),
            st.dictionaries(st.sampled_from(KEYS), inner, max_size=5),
        ),
        max_leaves=30,
    )


values = _values(allow_nan=True)
files = st.dictionaries(st.sampled_from(KEYS[:6]), values, max_size=5)
SLOW = [HealthCheck.too_slow]


def _outcome(files_: list[object], as_json: bool) -> object:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for n, data in enumerate(files_):
            if as_json:
                text = json.dumps(data, default=str)
                (root / f"f{n}.json").write_text(text, encoding="utf-8")
            else:
                (root / f"f{n}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
        try:
            return load_dirs([root])
        except SeedValidationError as exc:
            assert exc.problems
            return exc


@settings(max_examples=300, suppress_health_check=SLOW, deadline=None)
@given(st.lists(st.one_of(files, values), min_size=1, max_size=3), st.booleans())
def test_random_structures_load_or_are_rejected(files_: list[object], as_json: bool) -> None:
    assert isinstance(_outcome(files_, as_json), Graph | SeedValidationError)


@settings(max_examples=200, suppress_health_check=SLOW, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200))
def test_random_bytes_load_or_are_rejected(raw: bytes | str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".yaml", ".json"):
            path = Path(tmp) / f"x{suffix}"
            if isinstance(raw, bytes):
                path.write_bytes(raw)
            else:
                path.write_text(raw, encoding="utf-8")
        with contextlib.suppress(SeedValidationError):
            load_dirs([Path(tmp)])


VALID: dict[str, object] = {
    "id": "c",
    "kind": "UNIT",
    "title": "C",
    "country": "IE",
    "level": {"framework": "EQF", "code": "5"},
    "ects": 5,
    "outcomes": [{"text": "t"}],
    "prerequisites": ["a"],
    "requirements": {"all": [{"credential": "a"}, {"credits": 1, "from": ["a", "b"]}]},
}
OTHERS = [{"id": x, "kind": "UNIT", "title": x, "country": "IE"} for x in "ab"]
rules = st.recursive(
    st.builds(
        lambda c: {"credential": c}, st.sampled_from(["a", "b", "a", "b", "c", "z"]) | values
    ),
    lambda inner: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(inner, max_size=3) | values),
        st.builds(lambda xs, n: {"any": xs, "count": n}, st.lists(inner, max_size=3), values),
        st.builds(lambda c, f: {"credits": c, "from": f}, values, st.lists(st.sampled_from("abz"))),
        st.dictionaries(st.sampled_from(KEYS), inner, max_size=3),
    ),
    max_leaves=12,
)


@settings(max_examples=300, suppress_health_check=SLOW, deadline=None)
@given(
    st.just({}) | st.dictionaries(st.sampled_from(sorted(VALID)), values, max_size=2),
    rules,
)
def test_near_valid_credentials_load_or_are_rejected(
    changes: dict[str, object], rule: object
) -> None:
    record = {**VALID, "requirements": rule, **changes}
    text = yaml.safe_dump({"credentials": [*OTHERS, record]})
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "a.yaml").write_text(text, encoding="utf-8")
        try:
            graph = load_dirs([Path(tmp)])
        except SeedValidationError as exc:
            assert all(p.file == "a.yaml" for p in exc.problems)
        else:
            built = graph.credentials[str(record["id"])]
            assert (built.requirements is None) == (record["requirements"] is None)


EMPTY = Graph({"EQF": builtin_eqf()}, {}, {}, {}, ())


@settings(max_examples=300, suppress_health_check=SLOW, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), values, max_size=8))
def test_random_credential_input_is_built_or_rejected(data: dict[str, object]) -> None:
    try:
        credential_from_input(data, EMPTY)
    except SeedValidationError as exc:
        assert exc.problems


@settings(max_examples=300, suppress_health_check=SLOW, deadline=None)
@given(_values(allow_nan=False))
def test_yaml_reader_agrees_with_safe_load(data: object) -> None:
    text = yaml.safe_dump(data)
    assert read_events(text)[0] == yaml.safe_load(text)


def test_yaml_reader_handles_anchors_merges_and_self_reference() -> None:
    text = "base: &b {x: 1, y: 2}\nm: {<<: *b, y: 3}\nloop: &l [1, *l]\n"
    data, repeated = read_events(text)
    assert isinstance(data, dict)
    assert data["m"] == {"x": 1, "y": 3}
    assert data["loop"][1] is data["loop"]
    assert repeated == []


def test_self_referencing_rule_is_rejected_not_crashing(tmp_path: Path) -> None:
    text = (
        "credentials:\n"
        "  - {id: a, kind: UNIT, title: A, country: IE}\n"
        "  - {id: b, kind: UNIT, title: B, country: IE, requirements: &r {all: [*r]}}\n"
    )
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    try:
        load_dirs([tmp_path])
    except SeedValidationError as exc:
        assert any("alias loop" in p.problem for p in exc.problems)
    else:
        raise AssertionError("a rule that contains itself must be rejected")


def _laughs(levels: int, where: str) -> str:
    """A YAML text whose aliases make a value of 2**levels parts from a few lines."""
    lines = ["x0: &a0 {credential: a}"]
    lines += [f"x{n}: &a{n} {{all: [*a{n - 1}, *a{n - 1}]}}" for n in range(1, levels + 1)]
    return (
        "credentials:\n"
        "  - id: a\n    kind: UNIT\n    title: A\n    country: IE\n"
        "  - id: b\n    kind: UNIT\n    title: B\n    country: IE\n    notes:\n"
        + "\n".join(f"      {line}" for line in lines)
        + f"\n    {where}: *a{levels}\n"
    )


def test_alias_bomb_in_a_rule_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_laughs(40, "requirements"), encoding="utf-8")
    problems = [p.problem for p in _problems(tmp_path)]
    assert any("too large" in p for p in problems), problems


def test_alias_bomb_in_an_extra_key_is_cut_off(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(_laughs(40, "huge"), encoding="utf-8")
    graph = load_dirs([tmp_path])
    assert "huge" in graph.credentials["b"].extra


def _problems(root: Path) -> tuple[SeedProblem, ...]:
    try:
        load_dirs([root])
    except SeedValidationError as exc:
        return exc.problems
    return ()
