"""Small graphs on which `equivalents` can be checked against a brute force with `compare`.

Titles are words no other credential holds and outcome texts share no word across
phrases, so two credentials are linked exactly when an outcome phrase (or skill) is
shared; the rest of the variety is in kind, country, level, workload and quality
assurance, what equivalence reaches by shape.
"""

from __future__ import annotations

from hypothesis import strategies as st

from pathways.model import Credential, CredentialKind, Graph, LevelRef, Outcome

# Outcome texts with no word in common, so a pair that shares no token cannot pair by
# wording either: the brute force and the shortlist then judge outcomes alike.
PHRASES = {
    "Weld steel pipes": "s:weld",
    "Bake sourdough bread": "s:care",
    "Audit financial statements": "s:blueprint",
    "Program robotic arms": "s:safety",
}
LEVELS = [None, ("EQF", "4"), ("EQF", "6"), ("EE-EKR", "4"), ("IE-NFQ", "5"), ("XX-TWO", "A")]
LEVELS += [("XX-TWO", "B")]
WORKLOADS = [(None, None), (5.0, None), (6.0, None), (None, 125.0), (30.0, None), (0.0, None)]
WORKLOADS += [(None, 150.0), (60.0, 1500.0)]


def credential(cid: str, data: st.DataObject) -> Credential:
    """One drawn credential with this id."""
    draw = data.draw
    level = draw(st.sampled_from(LEVELS))
    ects, hours = draw(st.sampled_from(WORKLOADS))
    texts = draw(st.lists(st.sampled_from(sorted(PHRASES)), max_size=2, unique=True))
    return Credential(
        id=cid,
        kind=draw(st.sampled_from(list(CredentialKind))),
        title=cid,  # a word no other credential holds
        country=draw(st.sampled_from(["EE", "IE"])),
        language="en",
        level=LevelRef(*level) if level else None,
        ects=ects,
        hours=hours,
        quality_assurance=draw(st.sampled_from([None, "agency", "  "])),
        outcomes=tuple(
            Outcome(f"{cid}#o{k}", text, "en", (PHRASES[text],) if draw(st.booleans()) else ())
            for k, text in enumerate(texts)
        ),
    )


def graph(base: Graph, data: st.DataObject, most: int = 14) -> Graph:
    """A graph of 2..`most` drawn credentials on the frameworks and skills of `base`."""
    n = data.draw(st.integers(2, most))
    creds = {f"c{k:02d}": credential(f"c{k:02d}", data) for k in range(n)}
    return Graph(base.frameworks, {}, base.skills, creds, ())
