"""What validating one write reads from Neo4j: the part of the graph it names, by index seeks.

Never the whole graph, so a write costs the same at any size and an API replica keeps no
copy of the graph: not on the first write after a start, nor after another replica wrote.
"""

from __future__ import annotations

from pathways.model import Graph
from pathways.seeds.inputs import References
from pathways.store.base import Neighbourhood, outcome_owner_guesses
from pathways.store.neo4j import codec, reads
from pathways.store.neo4j.catalog import Q

Tx = reads.Tx

NEAR_PREFIX = 2
"""Suggestions for an unknown id come from ids sharing its first characters (an index seek)."""

NEAR_MOST = 2_000
"""At most this many ids per prefix to suggest from."""


async def neighbourhood(
    tx: Tx, refs: References, loaded: reads.LoadCache | None = None
) -> Neighbourhood:
    """Every framework (kept in `loaded` for the load), what `refs` names that exists, and
    ids near those that do not."""
    fws = await (reads.frameworks(tx) if loaded is None else loaded.framework_list(tx))
    named = sorted(refs.credentials | outcome_owner_guesses(refs.outcomes))
    rows = await reads.records(
        tx,
        Q.WRITE_NEIGHBOURHOOD,
        credentials=named,
        outcomes=sorted(refs.outcomes),
        depends_on=list(refs.depends_on),
        providers=sorted(refs.providers),
        skills=sorted(refs.skills),
    )
    row = rows[0]
    creds = {}
    for props in (*row["named"], *row["owners"], *row["reached"]):
        cred = codec.credential_from(props)
        creds[cred.id] = cred
    providers = {p.id: p for p in map(codec.provider_from, row["providers"])}
    skills = {s.id: s for s in map(codec.skill_from, row["skills"])}
    graph = Graph({f.code: f for f in fws}, providers, skills, creds, ())
    missing = {
        "credentials": sorted(refs.credentials - creds.keys()),
        "providers": sorted(refs.providers - providers.keys()),
        "skills": sorted(refs.skills - skills.keys()),
    }
    if not any(missing.values()):
        return Neighbourhood(graph)
    prefixes = {sort: sorted({i[:NEAR_PREFIX] for i in ids}) for sort, ids in missing.items()}
    found = (await reads.records(tx, Q.IDS_NEAR, most=NEAR_MOST, **prefixes))[0]
    near = {sort[:-1]: list(found[sort]) for sort, ids in missing.items() if ids}
    return Neighbourhood(graph, near)
