"""Facts of the formats: namespaces, EU authority codes, EQF and credit IRIs, durations."""

from __future__ import annotations

import re
import unicodedata
import zlib

ELM = "http://data.europa.eu/snb/model/elm/"
DC = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ROV = "http://www.w3.org/ns/regorg#"
CRED = "https://www.w3.org/2018/credentials#"
OB = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#"
SCHEMA = "https://schema.org/"
CETERMS = "https://purl.org/ctdl/terms/"
CEASN = "https://purl.org/ctdlasn/terms/"
ISSUER_DEPENDENT = "https://www.w3.org/ns/credentials/issuer-dependent#"
"""Where the VC 2.0 context's @vocab puts terms no other context defines."""

EQF_BASE = "http://data.europa.eu/snb/eqf/"
ECTS_IRI = "http://data.europa.eu/snb/education-credit/6fcec5c5af"
"""The ECTS concept of the EU credit-framework vocabulary (ELM creditPoint framework)."""
COUNTRY_BASE = "http://publications.europa.eu/resource/authority/country/"
LANGUAGE_BASE = "http://publications.europa.eu/resource/authority/language/"
ESCO_BASE = "http://data.europa.eu/esco/"

OUR_CREDENTIAL = "urn:pathways:credential:"
OUR_PROVIDER = "urn:pathways:provider:"
OUR_OUTCOME = "urn:pathways:outcome:"
OUR_LEVEL = "urn:pathways:level:"
OUR_FRAMEWORK = "urn:pathways:framework:"
OUR_COUNTRY = "urn:pathways:country:"
OUR_QA = "urn:pathways:quality-assurance:"


def country_iri(code: str) -> str:
    """The EU authority IRI of an alpha-2 country code, or ours for codes it lacks."""
    alpha3 = ALPHA2_TO_3.get(code.upper())
    return f"{COUNTRY_BASE}{alpha3}" if alpha3 else f"{OUR_COUNTRY}{code}"


def language_iri(code: str) -> str | None:
    """The EU authority IRI of an ISO 639-1 language code, or None."""
    lang3 = LANG1_TO_3.get(code.lower())
    return f"{LANGUAGE_BASE}{lang3}" if lang3 else None


def _code_table(text: str) -> tuple[dict[str, str], dict[str, str]]:
    """A code table written as pairs `LONG short`, both ways: long to short and back."""
    words = text.split()
    forward = dict(zip(words[::2], words[1::2], strict=True))
    return forward, {short: long for long, short in forward.items()}


# EU authority table "country" (ISO 3166 alpha-3 codes) to alpha-2, for the EU, EEA,
# candidate countries and neighbours whose credentials reach EU registers
ALPHA3_TO_2, ALPHA2_TO_3 = _code_table(
    """
    AUT AT  BEL BE  BGR BG  HRV HR  CYP CY  CZE CZ  DNK DK  EST EE
    FIN FI  FRA FR  DEU DE  GRC GR  HUN HU  IRL IE  ITA IT  LVA LV
    LTU LT  LUX LU  MLT MT  NLD NL  POL PL  PRT PT  ROU RO  SVK SK
    SVN SI  ESP ES  SWE SE  ISL IS  LIE LI  NOR NO  CHE CH  GBR GB
    ALB AL  BIH BA  MNE ME  MKD MK  SRB RS  TUR TR  UKR UA  MDA MD
    GEO GE  XKX XK  USA US  CAN CA  AUS AU  NZL NZ
    """
)

# EU authority table "language" (ISO 639-2/B-like codes) to ISO 639-1
LANG3_TO_1, LANG1_TO_3 = _code_table(
    """
    BUL bg  CES cs  DAN da  DEU de  ELL el  ENG en  EST et  FIN fi
    FRA fr  GLE ga  HRV hr  HUN hu  ITA it  LAV lv  LIT lt  MLT mt
    NLD nl  POL pl  POR pt  RON ro  SLK sk  SLV sl  SPA es  SWE sv
    ISL is  NOR no  NNO nn  NOB nb  CAT ca  EUS eu  GLG gl  TUR tr
    UKR uk  SRP sr  MKD mk  SQI sq
    """
)

_DURATION = re.compile(
    r"^P(?:(?P<y>\d+(?:[.,]\d+)?)Y)?(?:(?P<mo>\d+(?:[.,]\d+)?)M)?(?:(?P<w>\d+(?:[.,]\d+)?)W)?"
    r"(?:(?P<d>\d+(?:[.,]\d+)?)D)?(?:T(?:(?P<h>\d+(?:[.,]\d+)?)H)?(?:(?P<mi>\d+(?:[.,]\d+)?)M)?"
    r"(?:(?P<s>\d+(?:[.,]\d+)?)S)?)?$"
)


def duration_hours(value: str) -> tuple[float | None, str | None]:
    """Hours of an ISO 8601 duration, or None with the reason it is not a number of hours.

    Only the time part (hours, minutes, seconds) is hours of learning: a duration in
    years, months, weeks or days is calendar time, not workload, so it is not converted.
    """
    match = _DURATION.match(value.strip().upper())
    if match is None or value.strip().upper() in ("P", "PT"):
        return None, f"'{value}' is not an ISO 8601 duration"
    part = {k: float(v.replace(",", ".")) for k, v in match.groupdict().items() if v is not None}
    calendar = [name for key, name in _CALENDAR if part.get(key)]
    if calendar:
        return None, (
            f"the duration '{value}' is given in {' and '.join(calendar)}, which is calendar "
            "time, not hours of learning; it was not converted"
        )
    hours = part.get("h", 0.0) + part.get("mi", 0.0) / 60 + part.get("s", 0.0) / 3600
    return round(hours, 4), None


_CALENDAR = (("y", "years"), ("mo", "months"), ("w", "weeks"), ("d", "days"))


def hours_duration(hours: float) -> str:
    """An ISO 8601 duration of whole or fractional hours: 75 -> 'PT75H'."""
    return f"PT{hours:g}H"


def eqf_level(iri: str) -> int | None:
    """The EQF level an EU EQF concept IRI names (`.../snb/eqf/6` -> 6), or None."""
    if iri.startswith(EQF_BASE):
        tail = iri[len(EQF_BASE) :]
        if tail.isdigit() and 1 <= int(tail) <= 8:
            return int(tail)
    return None


def country_code(value: str) -> str | None:
    """ISO alpha-2 from an EU authority IRI, an alpha-3 or an alpha-2 code."""
    if value.startswith(OUR_COUNTRY):
        return value[len(OUR_COUNTRY) :] or None
    code = value.rsplit("/", 1)[-1].strip().upper()
    if len(code) == 3:
        return ALPHA3_TO_2.get(code)
    if len(code) == 2 and code.isalpha():
        return code
    return None


def language_code(value: str) -> str | None:
    """ISO 639-1 from an EU authority language IRI, a three-letter or a two-letter code."""
    code = value.rsplit("/", 1)[-1].strip()
    if len(code) == 3:
        return LANG3_TO_1.get(code.upper())
    if 2 <= len(code) <= 8 and code.replace("-", "").isalpha():
        return code.split("-", 1)[0].lower()
    return None


def slug(text: str, limit: int = 40) -> str:
    """Lower-case ASCII words joined by '-', cut at a word boundary near `limit`."""
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_.lower())
    out = ""
    for word in words:
        if len(out) + len(word) + 1 > limit and out:
            break
        out = f"{out}-{word}" if out else word
    return out[:limit] or "x"


def short_hash(text: str) -> str:
    """Six hex digits that stay the same for the same text, run after run."""
    return f"{zlib.crc32(text.encode()) & 0xFFFFFF:06x}"
