"""Fuzzed mutation variables: never a 5xx or an internal error, never a partial write."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from pathways.api.auth import ApiKeys
from pathways.app import create_app
from pathways.model import Graph
from pathways.service import Service
from pathways.store.memory import MemoryStore
from tests.support.writes import EDITOR_KEY, KEYS, OFFICER_KEY, RECORD, UPSERT, bearer

EXPECTED = {"BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST"}
IDS = ["ie-mig", "ie-tig", "ie-safety", "ie-drawing", "ee-keevitus", "ie-welding-cert", "new-1"]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**40), 2**40)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(IDS)
)
anything = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=12,
)
rules = st.recursive(
    st.builds(lambda c: {"credential": c}, st.sampled_from(IDS) | st.text(max_size=6)),
    lambda inner: (
        st.builds(lambda xs: {"all": xs}, st.lists(inner, max_size=3))
        | st.builds(
            lambda xs, n: {"any": xs, "count": n}, st.lists(inner, max_size=3), st.integers(-1, 4)
        )
        | st.builds(
            lambda xs, c: {"credits": c, "from": xs},
            st.lists(st.sampled_from(IDS), max_size=3),
            st.floats(-5, 50),
        )
    ),
    max_leaves=8,
)


def field(
    valid: st.SearchStrategy[Any], wrong: st.SearchStrategy[Any], *, optional: bool = True
) -> st.SearchStrategy[Any]:
    """Mostly a valid value (or nothing, when optional); now and then a wrong or random one."""

    def pick(n: int) -> st.SearchStrategy[Any]:
        if n == 0:
            return anything
        if n == 1:
            return wrong
        if n == 2 or (optional and n < 25):
            return st.just(Ellipsis)
        return valid

    return st.integers(0, 59).flatmap(pick)


def _present(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not Ellipsis}


KNOWN = st.sampled_from(IDS[:-1])
CREDENTIAL = st.fixed_dictionaries(
    {
        "id": field(
            KNOWN | st.from_regex(r"new-[a-z0-9]{1,6}", fullmatch=True),
            st.text(max_size=3),
            optional=False,
        ),
        "kind": field(
            st.sampled_from(["UNIT", "MICRO_CREDENTIAL", "QUALIFICATION"]),
            st.just("DIPLOMA"),
            optional=False,
        ),
        "title": field(
            st.text(min_size=1, max_size=20).filter(str.strip), st.just(" "), optional=False
        ),
        "country": field(st.sampled_from(["IE", "EE"]), st.just(""), optional=False),
        "language": field(st.sampled_from(["en", "et"]), st.just("")),
        "provider": field(st.sampled_from(["gti", "voco"]), st.just("nobody")),
        "level": field(
            st.sampled_from(
                [{"framework": "IE-NFQ", "code": "5"}, {"framework": "EQF", "code": "4"}]
            ),
            st.sampled_from([{"framework": "XX", "code": "4"}, {"framework": "EQF", "code": "9"}]),
        ),
        "ects": field(st.floats(0, 60), st.floats(-3, -0.01)),
        "hours": field(st.floats(0, 600), st.floats(-3, -0.01)),
        "participation": field(st.sampled_from(["ONLINE", "ONSITE"]), st.just("ELSEWHERE")),
        "validFrom": field(st.just("2025-01-01"), st.sampled_from(["2025-13-40", "soon"])),
        "validUntil": field(st.just("2030-01-01"), st.just("2024-01-01")),
        "outcomes": field(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "text": st.text(min_size=1, max_size=10).filter(str.strip),
                        "skills": st.lists(st.sampled_from(["s:weld", "s:care"]), max_size=2),
                    }
                ),
                max_size=3,
            ),
            st.just([{"text": "x", "skills": ["s:nope"]}]),
        ),
        "prerequisites": field(st.lists(KNOWN, max_size=3), st.just(["nothing-here"])),
        "requirements": field(rules, st.just({"all": []})),
    }
).map(_present)

RECOGNITION = st.fixed_dictionaries(
    {
        "from": field(KNOWN, st.just("nobody"), optional=False),
        "to": field(KNOWN, st.just("nobody"), optional=False),
        "decision": field(
            st.sampled_from(["FULL", "PARTIAL", "NONE"]), st.just("MAYBE"), optional=False
        ),
        "ects": field(st.floats(0, 30), st.floats(-2, -0.01)),
        "by": field(st.sampled_from(["QQI", "Harno"]), st.just(""), optional=False),
        "date": field(st.just("2025-03-01"), st.just("yesterday"), optional=False),
    }
).map(_present)


def _state(client: TestClient, store: MemoryStore) -> tuple[dict[str, Any], frozenset[Any]]:
    graph = client.portal.call(store.snapshot)  # type: ignore[union-attr]
    return dict(graph.credentials), frozenset(graph.recognitions)


def _exercise(graph: Graph, document: str, key: str, variables: Any) -> Any:
    """Send one write; check it was refused cleanly with nothing changed, or return the graph."""
    store = MemoryStore(graph)
    with TestClient(create_app(Service(store), ApiKeys.parse(KEYS))) as client:
        before = _state(client, store)
        r = client.post(
            "/graphql",
            json={"query": document, "variables": {"input": variables}},
            headers=bearer(key),
        )
        assert r.status_code < 500, r.text
        body = r.json()
        after = _state(client, store)
    codes = {e["extensions"]["code"] for e in body.get("errors", [])}
    assert codes <= EXPECTED, body
    if codes:
        assert after == before, "a rejected write changed the graph"
        return None
    event("accepted")
    return after


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CREDENTIAL)
def test_fuzzed_credentials_are_stored_whole_or_refused_cleanly(
    small_graph: Graph, variables: dict[str, Any]
) -> None:
    after = _exercise(small_graph, UPSERT, EDITOR_KEY, variables)
    if after is not None:
        stored = after[0][variables["id"]]
        assert stored.title == variables["title"] and stored.kind.value == variables["kind"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(RECOGNITION)
def test_fuzzed_recognitions_are_stored_whole_or_refused_cleanly(
    small_graph: Graph, variables: dict[str, Any]
) -> None:
    after = _exercise(small_graph, RECORD, OFFICER_KEY, variables)
    if after is not None:
        v = variables
        assert any(
            (r.from_id, r.to_id, r.decision.value) == (v["from"], v["to"], v["decision"])
            for r in after[1]
        )


@settings(max_examples=60, deadline=None)
@given(anything)
def test_any_json_as_input_never_breaks_the_server(small_graph: Graph, variables: Any) -> None:
    _exercise(small_graph, UPSERT, EDITOR_KEY, variables)
