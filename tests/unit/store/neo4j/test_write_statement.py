"""A credential write is one statement (queries/write_credential) that leaves the graph a
load of the same credentials leaves (loads run merge_credentials and each link_* apart),
and the warm-up plans it with the parameters a real write sends."""

from __future__ import annotations

import dataclasses
from typing import Any

import anyio.from_thread
import pytest
from neo4j import AsyncGraphDatabase

from pathways.model import AllRule, CredentialRule, Framework, Graph, LevelRef, Outcome
from pathways.seeds.inputs import References
from pathways.store.neo4j import Neo4jStore, codec, reads, warmup
from pathways.store.neo4j.catalog import Q, query
from pathways.store.neo4j.holders import unpack as holders_of

# Everything but the version marker, each node by its key.  Tokens, outcome keys and
# counters a write left unused are not what a load would make, nor what any read sees:
# only those in use are compared.
DUMP = """
MATCH (n) WHERE NOT n:PathwaysMeta
  AND NOT ((n:Token OR n:OutcomeKey) AND NOT EXISTS { (n)<--() })
  AND NOT (n:ListingCount AND n.n = 0)
RETURN id(n) AS node, labels(n) AS labels, properties(n) AS props,
       [(n)-[r]->(m) | [type(r), properties(r),
                        coalesce(m.id, m.key, m.code, m.value)]] AS out
"""

PACKED = ("held", "held_plus", "held_minus")


async def _dump(uri: str) -> list[Any]:
    """Every node with its links; a skill's holders as the set of credential ids search
    reads (however they are packed)."""
    async with AsyncGraphDatabase.driver(uri) as driver:
        records, _summary, _keys = await driver.execute_query(DUMP, database_="neo4j")
    ids = {r["node"]: r["props"].get("id") for r in records if "Credential" in r["labels"]}
    found = []
    for r in records:
        props = dict(r["props"])
        held, plus, minus = (props.pop(k, None) for k in PACKED)
        holders = None
        if held is not None:
            holders = sorted(ids[n] for n in holders_of(held, plus, minus).tolist())
        found.append((r["labels"], props, holders, sorted(map(repr, r["out"]))))
    return sorted(found, key=repr)


def _changed(graph: Graph) -> Graph:
    """The small graph with credentials moved in every way a write can move one."""
    creds = dict(graph.credentials)
    mig = creds["ie-mig"]
    creds["ie-mig"] = dataclasses.replace(
        mig,
        title=mig.title + " (revised)",
        level=LevelRef("IE-NFQ", "6"),
        prerequisites=("ie-drawing",),
        outcomes=(
            Outcome("ie-mig#o1", "Read a weld drawing", "en", ("s:blueprint",)),
            Outcome("ie-mig-care", "Care for a colleague", "en", ("s:care", "s:blueprint")),
        ),
    )
    tig = creds["ie-tig"]
    creds["ie-tig"] = dataclasses.replace(
        tig, country="EE", provider="voco", level=LevelRef("EE-EKR", "5"), prerequisites=()
    )
    cert = creds["ie-welding-cert"]
    creds["ie-welding-cert"] = dataclasses.replace(
        cert, requirements=AllRule((CredentialRule("ie-tig"), CredentialRule("ie-care")))
    )
    weld = creds["ee-keevitus"]
    creds["ee-uus"] = dataclasses.replace(weld, id="ee-uus", prerequisites=("ee-joonised",))
    creds["ee-uus"] = dataclasses.replace(
        creds["ee-uus"],
        outcomes=tuple(
            dataclasses.replace(o, id=o.id.replace("ee-keevitus", "ee-uus")) for o in weld.outcomes
        ),
    )
    return dataclasses.replace(graph, credentials=creds)


@pytest.mark.neo4j
def test_writes_leave_the_graph_a_load_of_the_same_credentials_leaves(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    changed = _changed(small_graph)
    loop.call(neo.replace_graph, changed)
    loaded = loop.call(_dump, neo.uri)

    loop.call(neo.replace_graph, small_graph)
    for cid, cred in changed.credentials.items():
        if small_graph.credentials.get(cid) != cred:
            loop.call(neo.upsert_credential, cred)
    assert loop.call(_dump, neo.uri) == loaded


@pytest.mark.neo4j
def test_writing_a_credential_again_as_it_is_changes_nothing(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    before = loop.call(_dump, neo.uri)
    for cred in small_graph.credentials.values():
        loop.call(neo.upsert_credential, cred)
    assert loop.call(_dump, neo.uri) == before


def test_the_warm_up_writes_with_the_parameters_a_real_write_sends() -> None:
    """Neo4j keys a cached plan by each parameter's type (and a list's or string's size
    bucket): the warm-up's write and a real one send the same two, a map and a flag."""
    steps = [step for steps in warmup.transactions() for step in steps]
    warmed = [params for name, params in steps if name == Q.WRITE_CREDENTIAL]
    assert warmed, "the credential write is warmed"
    real = {"write": codec.write_row(warmup.SAMPLE), "warm": False}
    for params in warmed:
        assert {k: type(v) for k, v in params.items()} == {k: type(v) for k, v in real.items()}
        write = params["write"]
        assert write.keys() == real["write"].keys()
        for kind in codec.LINKS:
            # every kind is drawn, only to ids that cannot exist: no real node is locked
            assert write[kind] and all(warmup.NUL in target for target in write[kind])
        assert warmup.NUL in write["id"] and params["warm"] is True
    # the statement names its map's fields, each link kind among them
    for kind in codec.LINKS:
        assert f"w.{kind}" in query(Q.WRITE_CREDENTIAL)


def test_a_new_credential_and_a_new_version_are_both_warmed() -> None:
    """The warm-up's credential transaction writes the record and then writes it again."""
    first = warmup.transactions()[0]
    assert [name for name, _params in first] == [Q.WRITE_CREDENTIAL, Q.WRITE_CREDENTIAL]


LINKS = """
MATCH (c:Credential {id: $id})-[r]->(x)
RETURN type(r) AS type, coalesce(x.id, x.key, x.value) AS target, elementId(r) AS rel
"""


async def _links(uri: str, cid: str) -> dict[tuple[str, str], str]:
    async with AsyncGraphDatabase.driver(uri) as driver:
        records, _summary, _keys = await driver.execute_query(LINKS, id=cid, database_="neo4j")
    return {(r["type"], r["target"]): r["rel"] for r in records}


@pytest.mark.neo4j
def test_a_new_version_redraws_only_the_links_that_changed(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    loop.call(neo.replace_graph, small_graph)
    mig = small_graph.credentials["ie-mig"]
    before = loop.call(_links, neo.uri, mig.id)
    assert ("HAS_SKILL", "s:safety") in before and ("PREREQUISITE", "ie-safety") in before
    # the same title words (tokens) and level; one skill fewer, one prerequisite more
    moved = dataclasses.replace(
        mig,
        prerequisites=("ie-safety", "ie-drawing"),
        outcomes=tuple(
            dataclasses.replace(o, skills=tuple(s for s in o.skills if s != "s:safety"))
            for o in mig.outcomes
        ),
    )
    loop.call(neo.upsert_credential, moved)
    after = loop.call(_links, neo.uri, mig.id)
    assert ("HAS_SKILL", "s:safety") not in after
    assert ("PREREQUISITE", "ie-drawing") in after
    kept = before.keys() - {("HAS_SKILL", "s:safety")}
    # a link the new version keeps is the same relationship, not deleted and drawn again
    assert {k: after[k] for k in kept} == {k: before[k] for k in kept}
    assert set(after) == kept | {("PREREQUISITE", "ie-drawing")}
    nodes = loop.call(_dump, neo.uri)
    holders = {n[1]["id"]: n[2] for n in nodes if "Skill" in n[0]}
    assert mig.id not in holders["s:safety"] and mig.id in holders["s:weld"]


@pytest.mark.neo4j
def test_validation_keeps_the_frameworks_only_until_the_next_load(
    loop: anyio.from_thread.BlockingPortal, neo: Neo4jStore, small_graph: Graph
) -> None:
    """Validation reads the frameworks once a load (write_neighbourhood then reads what the
    write names); a load with other frameworks is seen by the next write's validation."""
    refs = References(own="x", credentials=frozenset({"ie-mig"}))
    loop.call(neo.replace_graph, small_graph)
    assert set(loop.call(neo.neighbourhood, refs).graph.frameworks) == set(small_graph.frameworks)
    asked: list[str] = []
    real = reads.frameworks

    async def counted(tx: reads.Tx) -> list[Framework]:
        asked.append("frameworks")
        return await real(tx)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(reads, "frameworks", counted)
        loop.call(neo.neighbourhood, refs)
        assert asked == []  # kept from the first write's validation
        fewer = {k: v for k, v in small_graph.frameworks.items() if k != "EE-EKR"}
        smaller = dataclasses.replace(
            small_graph,
            frameworks=fewer,
            credentials={
                k: c
                for k, c in small_graph.credentials.items()
                if c.level is None or c.level.framework != "EE-EKR"
            },
        )
        loop.call(neo.replace_graph, smaller)
        seen = loop.call(neo.neighbourhood, refs).graph.frameworks
    assert asked == ["frameworks"] and set(seen) == set(fewer)
    loop.call(neo.replace_graph, small_graph)
