"""Random small credential graphs (hypothesis draws) that the brute-force references of
stacking and skill-gap plans enumerate: micro-credentials c0..cN with prerequisites on
earlier ones, dated validity, and recognition decisions between them."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from pathways.model import Credential, CredentialKind, Decision, Outcome, Recognition

COUNTRIES = ("IE", "EE", "FR")
ECTS = (None, 1.0, 2.0, 2.0, 3.0, 5.0)
"""A credential's ECTS (None: workload in hours only); 2.0 twice, so ties are common."""


@dataclass(frozen=True)
class Draws:
    """What one family of tests draws from: each a choice among the values given."""

    hours: tuple[float | None, ...]
    valid_from: tuple[str | None, ...]
    valid_until: tuple[str | None, ...]
    partial_ects: tuple[float, ...]
    decided: tuple[str, ...]
    skills: tuple[str, ...] = ()
    """Skills an outcome may teach (up to three per credential); none: no outcomes."""


def draw_credentials(draw: st.DrawFn, ids: list[str], d: Draws) -> dict[str, Credential]:
    """A micro-credential per id, each with up to two prerequisites among the earlier ids."""
    creds: dict[str, Credential] = {}
    for i, cid in enumerate(ids):
        taught = (
            draw(st.lists(st.sampled_from(d.skills), max_size=3, unique=True)) if d.skills else []
        )
        ects = draw(st.sampled_from(ECTS))
        hours = draw(st.sampled_from(d.hours)) if ects is None else None
        pre = draw(st.lists(st.sampled_from(ids[:i]), max_size=2, unique=True)) if i else []
        creds[cid] = Credential(
            cid,
            CredentialKind.MICRO_CREDENTIAL,
            f"Title {cid}",
            draw(st.sampled_from(COUNTRIES)),
            ects=ects,
            hours=hours,
            outcomes=(Outcome(f"{cid}#o1", f"Outcome of {cid}", "en", tuple(taught)),)
            if d.skills
            else (),
            prerequisites=tuple(pre),
            valid_from=draw(st.sampled_from(d.valid_from)),
            valid_until=draw(st.sampled_from(d.valid_until)),
        )
    return creds


def draw_recognitions(draw: st.DrawFn, ids: list[str], d: Draws) -> list[Recognition]:
    """Up to five decisions between distinct ids, any decision, dated among d.decided."""
    recs: list[Recognition] = []
    pairs = draw(
        st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=5, unique=True)
    )
    for src, dst in pairs:
        if src == dst:
            continue
        decision = draw(st.sampled_from(list(Decision)))
        granted = draw(st.sampled_from(d.partial_ects)) if decision is Decision.PARTIAL else None
        dated = draw(st.sampled_from(d.decided))
        recs.append(Recognition(src, dst, decision, "QQI", dated, granted))
    return recs
