"""Open Badges 3.0: an OpenBadgeCredential (its credentialSubject.achievement) or an Achievement.

Of the credential subject only `achievement` is read: the rest (identifiers, names,
results, dates) is about the learner.  OB3 has no property for hours, participation
or quality assurance; levels and ECTS travel as alignments to the EU IRIs.
"""

from __future__ import annotations

from pathways.interop import vocab
from pathways.interop.nodes import Node, NodeIndex
from pathways.interop.readers.common import description, kind_from_iri, note_unmapped, number
from pathways.interop.reading import Draft, DraftOutcome, Notes
from pathways.model import CredentialKind

OB = vocab.OB
S = vocab.SCHEMA
ACHIEVEMENT = f"{OB}Achievement"
CREDENTIAL_TYPES = (
    f"{OB}OpenBadgeCredential",
    f"{OB}AchievementCredential",
    f"{vocab.CRED}VerifiableCredential",
)
OUTCOME_TYPE = "ext:LearningOutcome"
NQF_TYPE = "ext:NQFLevel"
USED = frozenset(
    (
        *(f"{S}{p}" for p in ("name", "description", "inLanguage")),
        *(f"{OB}{p}" for p in ("achievementType", "creator", "Criteria", "creditsAvailable")),
        *(f"{OB}{p}" for p in ("alignment", "endorsement")),
    )
)
"""Properties of an Achievement that a field of ours holds."""

_KINDS = {
    "microcredential": CredentialKind.MICRO_CREDENTIAL,
    "badge": CredentialKind.MICRO_CREDENTIAL,
    "course": CredentialKind.UNIT,
    "module": CredentialKind.UNIT,
    "competency": CredentialKind.UNIT,
    "ext:partialqualification": CredentialKind.PARTIAL_QUALIFICATION,
    "ext:unit": CredentialKind.UNIT,
    "degree": CredentialKind.QUALIFICATION,
    "diploma": CredentialKind.QUALIFICATION,
    "certification": CredentialKind.QUALIFICATION,
    "associatedegree": CredentialKind.QUALIFICATION,
    "bachelordegree": CredentialKind.QUALIFICATION,
    "masterdegree": CredentialKind.QUALIFICATION,
    "doctoraldegree": CredentialKind.QUALIFICATION,
    "professionaldoctorate": CredentialKind.QUALIFICATION,
    "journeymancertificate": CredentialKind.QUALIFICATION,
    "mastercertificate": CredentialKind.QUALIFICATION,
    "apprenticeshipcertificate": CredentialKind.QUALIFICATION,
}


def read(index: NodeIndex, notes: Notes) -> tuple[list[Draft], dict[str, dict[str, str]]]:
    """Drafts of the achievement(s) the document holds, awarded first, and skill labels."""
    labels: dict[str, dict[str, str]] = {}
    drafts: list[Draft] = []
    seen: set[str] = set()
    for root in index.roots:
        achievements: list[tuple[Node, Node | None]] = []
        if root.has_type(*CREDENTIAL_TYPES) or root.has(f"{vocab.CRED}credentialSubject"):
            issuer = root.node(f"{vocab.CRED}issuer")
            for subject in root.nodes(f"{vocab.CRED}credentialSubject"):
                achievements += [(a, issuer) for a in subject.nodes(f"{OB}achievement")]
        elif root.has_type(ACHIEVEMENT):
            achievements.append((root, None))
        for achievement, issuer in achievements:
            key = achievement.id or f"_:{len(drafts)}"
            if key in seen:
                continue
            seen.add(key)
            draft = _achievement(achievement, issuer, notes, labels)
            if draft is not None:
                drafts.append(draft)
    return drafts, labels


def _achievement(
    node: Node, issuer: Node | None, notes: Notes, labels: dict[str, dict[str, str]]
) -> Draft | None:
    titles = node.texts(f"{S}name")
    if not titles:
        return None
    title = titles.get("en") or next(iter(titles.values()))
    kind_text = (node.text(f"{OB}achievementType") or "").replace(" ", "").lower()
    kind = _KINDS.get(kind_text, CredentialKind.MICRO_CREDENTIAL)
    draft = Draft(key=node.id or f"_:{vocab.short_hash(title)}", kind=kind, titles=titles)
    lang = node.text(f"{S}inLanguage")
    draft.language = vocab.language_code(lang) if lang else None
    description(node, f"{S}description", draft)
    note_unmapped(node, USED, notes, title)
    creator = node.node(f"{OB}creator") or issuer
    if creator is not None:
        name = creator.text(f"{S}name")
        country = None
        for address in creator.nodes(f"{OB}address"):
            code = address.text(f"{OB}CountryCode") or address.text(f"{S}addressCountry")
            country = country or (vocab.country_code(code) if code else None)
        if name:
            draft.provider = (name, country)
        draft.country = country
    criteria = node.node(f"{OB}Criteria")
    if criteria is not None:
        draft.assessment = criteria.text(f"{OB}narrative")
    credits_ = number(node.literal(f"{OB}creditsAvailable"))
    ects_aligned = False
    aligns = node.nodes(f"{OB}alignment")
    outcomes: dict[str, DraftOutcome] = {}
    for align in aligns:
        target_name = align.texts(f"{S}targetName")
        if align.text(f"{OB}targetType") == OUTCOME_TYPE and target_name:
            code = align.text(f"{OB}targetCode") or f"_{len(outcomes)}"
            outcomes[code] = DraftOutcome(target_name, [])
    loose: list[DraftOutcome] = []
    for align in aligns:
        url = next(iter(align.ids(f"{S}targetUrl")), None) or ""
        target_type = align.text(f"{OB}targetType") or ""
        code = align.text(f"{OB}targetCode") or ""
        target_name = align.texts(f"{S}targetName")
        found_kind = kind_from_iri(url)
        if target_type == OUTCOME_TYPE:
            continue
        if (level := vocab.eqf_level(url)) is not None:
            draft.eqf = level
        elif url == vocab.ECTS_IRI:
            ects_aligned = True
        elif target_type == NQF_TYPE:
            draft.nqf = (align.text(f"{S}targetFramework"), code or None, None)
        elif found_kind is not None:
            draft.kind = found_kind
        elif code in outcomes and url:
            outcomes[code].skills.append(url)
        elif target_name or url:
            loose.append(DraftOutcome(target_name or {"": url}, [url] if url else []))
        if url and target_name:
            labels.setdefault(url, {k or "en": v for k, v in target_name.items()})
    draft.outcomes = [*outcomes.values(), *loose]
    if credits_ is not None:
        if ects_aligned:
            draft.ects = credits_
        else:
            notes.add(
                f"'{title}': creditsAvailable {credits_:g} names no credit system (OB3 means "
                "credit hours of the issuer's own system); not read as ECTS"
            )
    if node.has(f"{OB}endorsement"):
        notes.add(f"'{title}': endorsements are not read as quality assurance")
    return draft
