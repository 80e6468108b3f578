"""Strawberry types of the public schema, each built from a model value by `from_model()`."""

from __future__ import annotations

import enum
from typing import cast

import strawberry
from strawberry.scalars import JSON

from pathways import model
from pathways.api.context import Context
from pathways.api.types import formats as _formats  # noqa: F401  (registers DocumentFormat)
from pathways.domain.crosswalk import CrosswalkResult
from pathways.interop import service as documents
from pathways.interop.reading import DocumentFormat
from pathways.interop.writers import write_document

CredentialKind = strawberry.enum(model.CredentialKind, name="CredentialKind")
Participation = strawberry.enum(model.Participation, name="Participation")
RecognitionDecision = strawberry.enum(model.Decision, name="RecognitionDecision")
Objective = strawberry.enum(model.Objective, name="Objective")

Info = strawberry.Info[Context, None]


@strawberry.type(description="EQF level descriptors (2017): what a level means.")
class LevelDescriptors:
    knowledge: str | None
    skills: str | None
    responsibility_autonomy: str | None


@strawberry.type(name="Level")
class LevelType:
    framework: str
    code: str
    label: str | None
    eqf: list[int]
    descriptors: LevelDescriptors | None

    @classmethod
    def from_model(cls, lvl: model.Level) -> LevelType:
        """The API view of a framework level."""
        d = lvl.descriptors
        return cls(
            framework=lvl.framework,
            code=lvl.code,
            label=lvl.label,
            eqf=list(lvl.eqf),
            descriptors=LevelDescriptors(
                knowledge=d.get("knowledge"),
                skills=d.get("skills"),
                responsibility_autonomy=d.get("responsibility_autonomy"),
            )
            if d
            else None,
        )


@strawberry.type(name="Framework")
class FrameworkType:
    code: str
    name: str
    country: str | None
    source: str | None
    levels: list[LevelType]

    @classmethod
    def from_model(cls, fw: model.Framework) -> FrameworkType:
        """The API view of a framework."""
        return cls(
            code=fw.code,
            name=fw.name,
            country=fw.country,
            source=fw.source,
            levels=[LevelType.from_model(lvl) for lvl in fw.levels],
        )


@strawberry.type(name="Crosswalk")
class CrosswalkType:
    from_: LevelType = strawberry.field(name="from")
    to: list[LevelType]
    via_eqf: list[int]
    note: str | None

    @classmethod
    def from_model(cls, cw: CrosswalkResult) -> CrosswalkType:
        """The API view of a crosswalk."""
        return cls(
            from_=LevelType.from_model(cw.from_level),
            to=[LevelType.from_model(t) for t in cw.to],
            via_eqf=list(cw.via_eqf),
            note=cw.note,
        )


@strawberry.type(name="Skill")
class SkillType:
    id: strawberry.ID
    _model: strawberry.Private[model.Skill]

    @strawberry.field
    def label(self, language: str | None = None) -> str | None:
        """Label in this language, else English, else any."""
        return self._model.label(language)

    @strawberry.field
    def labels(self) -> list[SkillLabel]:
        """Every label, as language and text."""
        return [SkillLabel(language=k, text=v) for k, v in sorted(self._model.labels.items())]

    @classmethod
    def from_model(cls, skill: model.Skill) -> SkillType:
        """The API view of a skill."""
        return cls(id=strawberry.ID(skill.id), _model=skill)


@strawberry.type
class SkillLabel:
    language: str
    text: str


@strawberry.type(name="LearningOutcome")
class LearningOutcomeType:
    id: strawberry.ID
    text: str
    language: str | None
    _skills: strawberry.Private[tuple[str, ...]]

    @strawberry.field
    async def skills(self, info: Info) -> list[SkillType]:
        found = await info.context.skills.load_many(list(self._skills))
        return [SkillType.from_model(s) for s in found if s is not None]

    @classmethod
    def from_model(cls, outcome: model.Outcome) -> LearningOutcomeType:
        """The API view of a learning outcome."""
        return cls(
            id=strawberry.ID(outcome.id),
            text=outcome.text,
            language=outcome.language,
            _skills=outcome.skills,
        )


@strawberry.type(name="Provider")
class ProviderType:
    id: strawberry.ID
    name: str
    country: str

    @classmethod
    def from_model(cls, prov: model.Provider) -> ProviderType:
        """The API view of a provider."""
        return cls(id=strawberry.ID(prov.id), name=prov.name, country=prov.country)


@strawberry.type(name="Credential")
class CredentialType:
    id: strawberry.ID
    kind: CredentialKind  # type: ignore[valid-type]
    title: str
    language: str | None
    country: str
    ects: float | None = strawberry.field(
        description="ECTS as published, or derived from hours at 25 h per ECTS (see ectsDerived)."
    )
    hours: float | None = strawberry.field(
        description="Notional hours as published, or derived from ECTS at 25 h (see hoursDerived)."
    )
    ects_derived: bool
    hours_derived: bool
    assessment: str | None
    participation: Participation | None  # type: ignore[valid-type]
    quality_assurance: str | None
    valid_from: str | None
    valid_until: str | None
    has_requirements: bool
    _model: strawberry.Private[model.Credential]

    @strawberry.field
    async def provider(self, info: Info) -> ProviderType | None:
        if self._model.provider is None:
            return None
        prov = await info.context.providers.load(self._model.provider)
        return ProviderType.from_model(prov) if prov else None

    @strawberry.field
    async def level(self, info: Info) -> LevelType | None:
        ref = self._model.level
        if ref is None:
            return None
        lvl = await info.context.level(ref.framework, ref.code)
        return LevelType.from_model(lvl) if lvl else None

    @strawberry.field
    def outcomes(self) -> list[LearningOutcomeType]:
        return [LearningOutcomeType.from_model(o) for o in self._model.outcomes]

    @strawberry.field
    async def prerequisites(self, info: Info) -> list[CredentialType]:
        found = await info.context.credentials.load_many(list(self._model.prerequisites))
        return [CredentialType.from_model(c) for c in found if c is not None]

    @strawberry.field
    async def document(self, info: Info, format: DocumentFormat) -> JSON:
        """This credential written as an ELM, OB3 or CTDL JSON-LD document."""
        facts = await documents.facts_for(info.context.service.store, self._model)
        return cast(JSON, write_document(format, facts))

    @strawberry.field
    async def stacks_into(self, info: Info) -> list[CredentialType]:
        """Credentials whose requirements name this one."""
        found = await info.context.stacks_into.load(self._model.id)
        return [CredentialType.from_model(c) for c in found]

    @strawberry.field
    async def recognitions(self, info: Info) -> list[RecognitionType]:
        """Recognition decisions recorded from this credential."""
        recs = await info.context.recognitions_from.load(self._model.id)
        return [await RecognitionType.load(info, r) for r in recs]

    @classmethod
    def from_model(cls, cred: model.Credential) -> CredentialType:
        """The API view of a credential; workload shown derived when only one was given."""
        given = cred.ects is not None or cred.hours is not None
        return cls(
            id=strawberry.ID(cred.id),
            kind=cred.kind,
            title=cred.title,
            language=cred.language,
            country=cred.country,
            ects=cred.workload_ects if given else None,
            hours=cred.workload_hours if given else None,
            ects_derived=cred.ects_derived,
            hours_derived=cred.hours_derived,
            assessment=cred.assessment,
            participation=cred.participation,
            quality_assurance=cred.quality_assurance,
            valid_from=cred.valid_from,
            valid_until=cred.valid_until,
            has_requirements=cred.requirements is not None,
            _model=cred,
        )


@strawberry.type(name="Recognition")
class RecognitionType:
    from_: CredentialType = strawberry.field(name="from")
    to: CredentialType
    decision: RecognitionDecision  # type: ignore[valid-type]
    ects: float | None
    by: str
    date: str

    @classmethod
    def from_model(
        cls, rec: model.Recognition, src: model.Credential, dst: model.Credential
    ) -> RecognitionType:
        """The API view of a recorded decision, with both credentials."""
        return cls(
            from_=CredentialType.from_model(src),
            to=CredentialType.from_model(dst),
            decision=rec.decision,
            ects=rec.ects,
            by=rec.by,
            date=rec.date,
        )

    @classmethod
    async def load(cls, info: Info, rec: model.Recognition) -> RecognitionType:
        """Build the view, fetching both credentials through the request's loader."""
        src, dst = await info.context.credentials.load_many([rec.from_id, rec.to_id])
        assert src is not None and dst is not None, "recognitions reference known credentials"
        return cls.from_model(rec, src, dst)


@strawberry.enum(name="SearchField", description="Which kind of text a search matched.")
class SearchField(enum.Enum):
    TITLE = "TITLE"
    SKILL = "SKILL"


@strawberry.type(name="CredentialEdge")
class CredentialEdgeType:
    cursor: str
    node: CredentialType
    score: float | None
    matched_text: str | None = strawberry.field(
        default=None,
        description="The text the search matched: a title or a skill label, as written.",
    )
    matched_field: SearchField | None = strawberry.field(
        default=None, description="TITLE: one of the credential's titles; SKILL: a skill label."
    )
    matched_language: str | None = strawberry.field(
        default=None, description="Language of the matched text."
    )


@strawberry.type(name="PageInfo")
class PageInfoType:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type(name="CredentialConnection")
class CredentialConnectionType:
    edges: list[CredentialEdgeType]
    page_info: PageInfoType
    total_count: int
