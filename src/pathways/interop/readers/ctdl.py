"""Credential Engine CTDL: credential types, Course and LearningProgram, alone or in @graph.

Organisations, condition profiles and alignment objects are followed from the
record; other records of the same @graph that are credentials or learning
opportunities are read too, after the first.  `requires` condition profiles become
requirement rules: one profile needs all its targets, several profiles are
alternatives (any one of them).
"""

from __future__ import annotations

from pathways.interop import vocab
from pathways.interop.nodes import Node, NodeIndex
from pathways.interop.readers.common import (
    description,
    kind_from_iri,
    note_unmapped,
    number,
    participation_from,
    set_duration,
)
from pathways.interop.reading import Draft, DraftOutcome, DraftRule, Notes
from pathways.model import CredentialKind

C = vocab.CETERMS
S = vocab.SCHEMA

LEARNING = {
    f"{C}Course": CredentialKind.UNIT,
    f"{C}LearningProgram": CredentialKind.MICRO_CREDENTIAL,
}
MICRO = {"MicroCredential", "Badge", "DigitalBadge", "OpenBadge", "CertificateOfCompletion"}
PARTIAL = {"Certificate", "ProfessionalCertificate", "CertificateOfParticipation"}
NOT_CREDENTIALS = {
    "ConditionProfile",
    "CredentialAlignmentObject",
    "CostProfile",
    "DurationProfile",
    "ValueProfile",
    "QuantitativeValue",
    "Place",
    "ContactPoint",
    "TransferValueProfile",
    "AggregateDataProfile",
    "JurisdictionProfile",
    "FinancialAssistanceProfile",
    "IdentifierValue",
    "CredentialOrganization",
    "QACredentialOrganization",
    "Organization",
    "ProcessProfile",
    "VerificationServiceProfile",
    "RevocationProfile",
    "AssessmentProfile",
    "Competency",
    "CompetencyFramework",
    "Job",
    "Occupation",
    "Task",
    "WorkRole",
    "Pathway",
    "PathwayComponent",
}


USED = frozenset(
    f"{C}{p}"
    for p in (
        *("name", "description", "ctid", "inLanguage", "availableAt", "ownedBy", "offeredBy"),
        *("audienceLevelType", "alignedTo", "creditValue", "estimatedDuration", "teaches"),
        *("assessmentMethodDescription", "assessmentMethodType", "deliveryType", "requires"),
        *("accreditedBy", "approvedBy", "recognizedBy", "regulatedBy", "hasPart", "isPartOf"),
        *("prerequisite", "entryCondition", "corequisite"),
    )
)
"""Properties of a record that a field of ours holds."""


def is_record(node: Node) -> bool:
    """True for a CTDL credential or learning opportunity record."""
    for t in node.types:
        if t in LEARNING:
            return True
        if t.startswith(C) and t[len(C) :] not in NOT_CREDENTIALS:
            return True
    return False


def read(index: NodeIndex, notes: Notes) -> tuple[list[Draft], dict[str, dict[str, str]]]:
    """Drafts of every record the document holds (the first first) and skill labels."""
    labels: dict[str, dict[str, str]] = {}
    drafts: list[Draft] = []
    for root in index.roots:
        if is_record(root):
            draft = _record(root, notes, labels)
            if draft is not None:
                drafts.append(draft)
    return drafts, labels


def _kind(node: Node) -> CredentialKind:
    for t in node.types:
        if t in LEARNING:
            return LEARNING[t]
        local = t[len(C) :] if t.startswith(C) else t
        if local in MICRO:
            return CredentialKind.MICRO_CREDENTIAL
        if local in PARTIAL:
            is_part = node.has(f"{C}isPartOf")
            return (
                CredentialKind.PARTIAL_QUALIFICATION if is_part else CredentialKind.MICRO_CREDENTIAL
            )
    return CredentialKind.QUALIFICATION


def _record(node: Node, notes: Notes, labels: dict[str, dict[str, str]]) -> Draft | None:
    titles = node.texts(f"{C}name")
    if not titles:
        return None
    title = titles.get("en") or next(iter(titles.values()))
    draft = Draft(key=node.id or f"_:{vocab.short_hash(title)}", kind=_kind(node), titles=titles)
    for lang in node.literals(f"{C}inLanguage"):
        if isinstance(lang[0], str):
            draft.language = draft.language or vocab.language_code(lang[0])
    description(node, f"{C}description", draft)
    note_unmapped(node, USED, notes, title)
    for place in node.nodes(f"{C}availableAt"):
        code = place.text(f"{C}addressCountry")
        draft.country = draft.country or (vocab.country_code(code) if code else None)
    for via in (f"{C}ownedBy", f"{C}offeredBy"):
        for org in node.nodes(via):
            if draft.provider is None:
                _organisation(draft, org, notes, title)
    _alignments(draft, node, notes, title)
    _workload(draft, node, notes, title)
    assess = node.texts(f"{C}assessmentMethodDescription")
    if assess:
        draft.assessment = assess.get(draft.language or "en") or next(iter(assess.values()))
    else:
        methods = [_align_name(a) for a in node.nodes(f"{C}assessmentMethodType")]
        draft.assessment = ", ".join(m for m in methods if m) or None
    for delivery in node.nodes(f"{C}deliveryType"):
        mode = participation_from(_target(delivery), _align_name(delivery) or "")
        draft.participation = draft.participation or mode
    qa = []
    for via in ("accreditedBy", "approvedBy", "recognizedBy", "regulatedBy"):
        for org in node.nodes(f"{C}{via}"):
            name = org.texts(f"{C}name")
            if name and org.id and org.id.startswith(vocab.OUR_QA):
                qa.append(name.get(draft.language or "en") or next(iter(name.values())))
            elif name:
                qa.append(f"{via.replace('By', '')} by {next(iter(name.values()))}")
    draft.quality_assurance = "; ".join(qa) or None
    for align in node.nodes(f"{C}teaches"):
        _outcome(draft, align, labels)
    profiles = node.nodes(f"{C}requires")
    rules = []
    for profile in profiles:
        for align in profile.nodes(f"{C}targetCompetency"):
            _outcome(draft, align, labels)
        targets = [
            *profile.ids(f"{C}targetCredential"),
            *profile.ids(f"{C}targetLearningOpportunity"),
        ]
        if targets:
            rules.append(DraftRule("all", [DraftRule("credential", key=t) for t in targets]))
        elif profile.texts(f"{C}description"):
            notes.add(f"'{title}': a condition described only in words was not read as a rule")
    parts = node.ids(f"{C}hasPart")
    if parts and not rules:
        rules.append(DraftRule("all", [DraftRule("credential", key=p) for p in parts]))
    if rules:
        draft.requirements = rules[0] if len(rules) == 1 else DraftRule("any", rules)
    for via in ("prerequisite", "entryCondition", "corequisite"):
        for profile in node.nodes(f"{C}{via}"):
            draft.prerequisites += profile.ids(f"{C}targetCredential")
            draft.prerequisites += profile.ids(f"{C}targetLearningOpportunity")
    return draft


def _organisation(draft: Draft, org: Node, notes: Notes, title: str) -> None:
    names = org.texts(f"{C}name")
    if not names:
        notes.add(f"'{title}': the owning organisation '{org.id}' is not described in the document")
        return
    country = None
    for address in org.nodes(f"{C}address"):
        code = address.text(f"{C}addressCountry")
        country = country or (vocab.country_code(code) if code else None)
    draft.provider = (names.get("en") or next(iter(names.values())), country)
    draft.country = draft.country or country


def _target(align: Node) -> str:
    return next(iter(align.ids(f"{C}targetNode")), "")


def _align_name(align: Node) -> str | None:
    names = align.texts(f"{C}targetNodeName")
    return names.get("en") or next(iter(names.values()), None)


def _alignments(draft: Draft, node: Node, notes: Notes, title: str) -> None:
    for via in ("audienceLevelType", "alignedTo"):
        for align in node.nodes(f"{C}{via}"):
            target = _target(align)
            frameworks = align.ids(f"{C}framework")
            if (level := vocab.eqf_level(target)) is not None:
                draft.eqf = level
            elif (kind := kind_from_iri(target)) is not None:
                draft.kind = kind
            elif frameworks and frameworks[0].startswith(vocab.OUR_FRAMEWORK):
                code = align.text(f"{C}codedNotation") or _align_name(align)
                draft.nqf = (frameworks[0][len(vocab.OUR_FRAMEWORK) :], code, None)
            elif via == "audienceLevelType":
                notes.add(
                    f"'{title}': audience level '{_align_name(align) or target}' is not an EQF "
                    "or national framework level we hold"
                )


def _workload(draft: Draft, node: Node, notes: Notes, title: str) -> None:
    for value in node.nodes(f"{C}creditValue"):
        units = value.nodes(f"{C}creditUnitType")
        unit = " ".join(f"{_target(u)} {_align_name(u) or ''}" for u in units).lower()
        unit += " " + (value.text(f"{S}unitText") or "").lower()
        amount = number(value.literal(f"{S}value"))
        if amount is None:
            notes.add(f"'{title}': a credit value without a single number was not read")
        elif "ects" in unit or "european" in unit:
            draft.ects = amount
        elif "clockhour" in unit or "clock hour" in unit:
            draft.hours = amount
        else:
            notes.add(
                f"'{title}': {amount:g} credits of '{unit.strip() or 'no unit'}' are not ECTS"
            )
    for duration in node.nodes(f"{C}estimatedDuration"):
        exact = duration.literal(f"{C}exactDuration")
        if isinstance(exact, str):
            set_duration(draft, exact, notes, title)
        elif duration.has(f"{C}minimumDuration") or duration.has(f"{C}maximumDuration"):
            notes.add(f"'{title}': a duration range is not one workload; not read")


def _outcome(draft: Draft, align: Node, labels: dict[str, dict[str, str]]) -> None:
    texts = align.texts(f"{C}targetNodeName") or align.texts(f"{C}targetNodeDescription")
    skills: list[str] = []
    for target in align.nodes(f"{C}targetNode"):
        aligned = target.ids(f"{vocab.CEASN}exactAlignment")
        texts = texts or target.texts(f"{vocab.CEASN}competencyText")
        if target.has_type(f"{vocab.CEASN}Competency"):
            skills += aligned
        elif target.id and ("://" in target.id or target.id.startswith("urn:")):
            skills.append(target.id)
            name = align.texts(f"{C}targetNodeName")
            if name and target.id.startswith(vocab.ESCO_BASE):
                labels.setdefault(target.id, {k or "en": v for k, v in name.items()})
    if texts:
        draft.outcomes.append(DraftOutcome(texts, skills, align.id))
