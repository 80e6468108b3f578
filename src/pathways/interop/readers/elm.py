"""European Learning Model v3 (Europass): issued credentials and specifications.

An issued credential reaches its specifications through
credentialSubject -> hasClaim (LearningAchievement) -> specifiedBy; nothing else of the
credential subject (the learner: names, birth date, identifiers, contact) is read.
A description is a LearningOpportunity (-> learningAchievementSpecification), a
Qualification or a LearningAchievementSpecification, alone or several in @graph.
"""

from __future__ import annotations

from pathways.interop import vocab
from pathways.interop.nodes import Node, NodeIndex
from pathways.interop.readers.common import (
    concept_label,
    description,
    kind_from_iri,
    note_unmapped,
    number,
    participation_from,
    set_duration,
)
from pathways.interop.reading import Draft, DraftOutcome, DraftRule, Notes
from pathways.model import CredentialKind

E = vocab.ELM
DC = vocab.DC
SKOS = vocab.SKOS

SPEC_TYPES = (
    f"{E}Qualification",
    f"{E}LearningAchievementSpecification",
    f"{E}Specification",
)
OPPORTUNITY = f"{E}LearningOpportunity"
ACHIEVEMENT = f"{E}LearningAchievement"
CREDENTIAL_TYPES = (f"{E}EuropeanDigitalCredential", f"{vocab.CRED}VerifiableCredential")
USED = frozenset(
    (
        *(f"{DC}{p}" for p in ("title", "language", "spatial", "type", "description")),
        *(f"{E}{p}" for p in ("EQFLevel", "NQFLevel", "creditPoint", "volumeOfLearning")),
        *(f"{E}{p}" for p in ("provenBy", "mode", "accreditation", "learningOutcome")),
        *(f"{E}{p}" for p in ("hasPart", "entryRequirement", "awardingOpportunity")),
        *(f"{E}{p}" for p in ("isPartialQualification", "awardedBy", "specifiedBy")),
    )
)
"""Properties of a specification (or a claim read as one) that a field of ours holds."""


def read(index: NodeIndex, notes: Notes) -> tuple[list[Draft], dict[str, dict[str, str]]]:
    """Drafts of every specification the document holds (awarded first) and skill labels."""
    reader = _Reader(index, notes)
    for spec, body, claim in _top_specs(index):
        draft = reader.spec(spec, body, part=False)
        if draft is not None and claim is not None and draft.assessment is None:
            # an issued credential says how this learner was assessed, not the learner's result
            reader._assessment(draft, claim)
    return reader.drafts, reader.skill_labels


Found = list[tuple[Node, Node | None, Node | None]]


def _top_specs(index: NodeIndex) -> Found:
    found: Found = []
    for root in index.roots:
        if root.has_type(*CREDENTIAL_TYPES) or root.has(f"{vocab.CRED}credentialSubject"):
            for subject in root.nodes(f"{vocab.CRED}credentialSubject"):
                # only the claims: the subject's own properties describe the learner
                for claim in subject.nodes(f"{E}hasClaim"):
                    found.extend(_claim_specs(claim, root.node(f"{vocab.CRED}issuer")))
        elif root.has_type(OPPORTUNITY):
            body = _awarding_body(root)
            for spec in root.nodes(f"{E}learningAchievementSpecification"):
                found.append((spec, body, None))
        elif root.has_type(*SPEC_TYPES):
            found.append((root, None, None))
        elif root.has_type(ACHIEVEMENT):
            found.extend(_claim_specs(root))
    return found


def _claim_specs(claim: Node, issuer: Node | None = None) -> Found:
    body = _awarding_body(claim) or issuer
    specs = claim.nodes(f"{E}specifiedBy") or [claim]  # a claim may describe itself
    return [(spec, body, claim) for spec in specs]


def _awarding_body(node: Node) -> Node | None:
    for via in (f"{E}awardedBy", f"{E}awardingOpportunity"):
        for process in node.nodes(via):
            body = process.node(f"{E}awardingBody")
            if body is not None:
                return body
    return None


class _Reader:
    def __init__(self, index: NodeIndex, notes: Notes) -> None:
        self.index = index
        self.notes = notes
        self.drafts: list[Draft] = []
        self.skill_labels: dict[str, dict[str, str]] = {}
        self._seen: dict[str, Draft] = {}

    def spec(self, spec: Node, body: Node | None, part: bool) -> Draft | None:
        key = spec.id if spec.id and not spec.id.startswith("_:") else None
        if key is not None and key in self._seen:
            return self._seen[key]
        titles = spec.texts(f"{DC}title")
        if not titles:
            return None
        draft = Draft(key=key or f"_:{vocab.short_hash(str(titles))}", kind=self._kind(spec, part))
        if key is not None:
            self._seen[key] = draft
        self.drafts.append(draft)
        draft.titles = titles
        draft.language = next(
            (c for lang in spec.ids(f"{DC}language") if (c := vocab.language_code(lang))), None
        )
        description(spec, f"{DC}description", draft)
        title = titles.get(draft.language or "en") or next(iter(titles.values()))
        note_unmapped(spec, USED, self.notes, title)
        for place in spec.ids(f"{DC}spatial"):
            draft.country = draft.country or vocab.country_code(place)
        body = body or _awarding_body(spec)
        if body is not None:
            self._body(draft, body)
        self._level(draft, spec)
        self._workload(draft, spec)
        self._assessment(draft, spec)
        self._mode(draft, spec)
        self._quality(draft, spec, body)
        for outcome in spec.nodes(f"{E}learningOutcome"):
            self._outcome(draft, outcome)
        parts = []
        for sub in spec.nodes(f"{E}hasPart"):
            described = self.spec(sub, body, True)
            key = described.key if described is not None else sub.id
            if key:
                parts.append(DraftRule("credential", key=key))
        if parts:
            draft.requirements = DraftRule("all", parts)
        for note in spec.nodes(f"{E}entryRequirement"):
            text = note.texts(f"{E}noteLiteral")
            if text:
                draft.extra["entry_requirements"] = next(iter(text.values()))
                self.notes.add(
                    f"'{next(iter(titles.values()))}': the entry requirement is free text; "
                    "kept as entry_requirements, not as prerequisite credentials"
                )
        return draft

    def _kind(self, spec: Node, part: bool) -> CredentialKind:
        for concept in spec.nodes(f"{DC}type"):
            if concept.id and (kind := kind_from_iri(concept.id)) is not None:
                return kind
        if spec.has_type(f"{E}Qualification"):
            if spec.literal(f"{E}isPartialQualification") is True:
                return CredentialKind.PARTIAL_QUALIFICATION
            labels = " ".join(concept_label(c) or "" for c in spec.nodes(f"{DC}type")).lower()
            if "micro" in labels or "short" in labels:
                return CredentialKind.MICRO_CREDENTIAL
            return CredentialKind.QUALIFICATION
        return CredentialKind.UNIT if part else CredentialKind.MICRO_CREDENTIAL

    def _body(self, draft: Draft, body: Node) -> None:
        names = body.texts(f"{vocab.ROV}legalName") or body.texts(f"{SKOS}prefLabel")
        country = None
        for location in body.nodes(f"{E}location"):
            for address in location.nodes(f"{E}address"):
                for code in address.ids(f"{E}countryCode"):
                    country = country or vocab.country_code(code)
        for registration in body.nodes(f"{vocab.ROV}registration"):
            for place in registration.ids(f"{DC}spatial"):
                country = country or vocab.country_code(place)
        if names:
            name = names.get("en") or next(iter(names.values()))
            draft.provider = (name, country)
        draft.country = draft.country or country

    def _level(self, draft: Draft, spec: Node) -> None:
        for iri in spec.ids(f"{E}EQFLevel"):
            draft.eqf = vocab.eqf_level(iri)
            if draft.eqf is None:
                self.notes.add(f"EQF level '{iri}' is not an EQF level IRI (1-8)")
        nqf = spec.node(f"{E}NQFLevel")
        if nqf is not None:
            framework = None
            scheme = nqf.node(f"{SKOS}inScheme")
            if nqf.id and nqf.id.startswith(vocab.OUR_LEVEL):
                ours, _, our_code = nqf.id[len(vocab.OUR_LEVEL) :].rpartition(":")
                draft.nqf = (ours, our_code, concept_label(nqf))
                return
            if scheme is not None and scheme.id and scheme.id.startswith(vocab.OUR_FRAMEWORK):
                framework = scheme.id[len(vocab.OUR_FRAMEWORK) :]
            notation = nqf.text(f"{SKOS}notation")
            label = concept_label(nqf)
            code = notation or (label.rsplit(" ", 1)[-1] if label else None)
            draft.nqf = (framework, code, label)

    def _workload(self, draft: Draft, spec: Node) -> None:
        title = next(iter(draft.titles.values()))
        for credit in spec.nodes(f"{E}creditPoint"):
            frameworks = credit.nodes(f"{E}framework")
            label = " ".join(concept_label(f) or "" for f in frameworks)
            is_ects = any(f.id == vocab.ECTS_IRI for f in frameworks) or (
                "ects" in label.lower() or "european credit transfer" in label.lower()
            )
            points = number(credit.literal(f"{E}point"))
            if points is None:
                self.notes.add(f"'{title}': a credit point without a number was left out")
            elif is_ects:
                draft.ects = points
            else:
                self.notes.add(
                    f"'{title}': {points:g} credits in '{label or 'an unnamed system'}' are not "
                    "ECTS and were not converted"
                )
        volume = spec.literal(f"{E}volumeOfLearning")
        if isinstance(volume, str):
            set_duration(draft, volume, self.notes, title)

    def _assessment(self, draft: Draft, spec: Node) -> None:
        for assessment in spec.nodes(f"{E}provenBy"):
            titles = assessment.texts(f"{DC}title")
            for inner in assessment.nodes(f"{E}specifiedBy"):
                titles = titles or inner.texts(f"{DC}title")
            if titles:
                draft.assessment = titles.get(draft.language or "en") or next(iter(titles.values()))
                return

    def _mode(self, draft: Draft, spec: Node) -> None:
        for mode in spec.nodes(f"{E}mode"):
            found = participation_from(mode.id or "", concept_label(mode) or "")
            if found is None:
                self.notes.add(
                    f"mode '{concept_label(mode) or mode.id}' is not online, on-site or blended"
                )
            draft.participation = draft.participation or found

    def _quality(self, draft: Draft, spec: Node, body: Node | None) -> None:
        holders = [spec] + ([body] if body is not None else [])
        for holder in holders:
            for acc in holder.nodes(f"{E}accreditation"):
                texts = acc.texts(f"{DC}title") or acc.texts(f"{DC}description")
                label = next(iter(texts.values()), None) or next(
                    (concept_label(c) for c in acc.nodes(f"{DC}type")), None
                )
                if label:
                    draft.quality_assurance = label
                    return

    def _outcome(self, draft: Draft, outcome: Node) -> None:
        texts = outcome.texts(f"{DC}title") or outcome.texts(f"{DC}description")
        if not texts:
            self.notes.add("a learning outcome without a title was left out")
            return
        skills = []
        for prop in (f"{E}relatedESCOSkill", f"{E}relatedSkill"):
            for skill in outcome.nodes(prop):
                if skill.id and not skill.id.startswith("_:"):
                    skills.append(skill.id)
                    labels = skill.texts(f"{SKOS}prefLabel")
                    if labels:
                        self.skill_labels.setdefault(
                            skill.id, {k or "en": v for k, v in labels.items()}
                        )
        draft.outcomes.append(DraftOutcome(texts, skills, outcome.id))
