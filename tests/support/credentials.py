"""Hand-made credentials that unit tests of several domain modules start from."""

from __future__ import annotations

from pathways.model import Credential, CredentialKind, LevelRef, Outcome, Participation

WELD = "http://data.europa.eu/esco/skill/weld-metal"
SETUP = "http://data.europa.eu/esco/skill/set-up-welding-equipment"
INSPECT = "http://data.europa.eu/esco/skill/inspect-welds"

# An Irish welding micro-credential carrying all nine EU standard elements.
IRISH_MIG = Credential(
    id="ie-gti-mig",
    kind=CredentialKind.MICRO_CREDENTIAL,
    title="MIG welding of steel plate",
    country="IE",
    language="en",
    provider="gti",
    level=LevelRef("IE-NFQ", "5"),
    ects=5,
    hours=125,
    assessment="practical test",
    participation=Participation.ONSITE,
    quality_assurance="QQI validated programme",
    outcomes=(
        Outcome("ie-1", "Set up a MIG welding station safely", "en", (SETUP,)),
        Outcome("ie-2", "Weld steel plate with the MIG process", "en", (WELD,)),
        Outcome("ie-3", "Inspect welds for visible defects", "en", (INSPECT,)),
    ),
)
