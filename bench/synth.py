"""A synthetic, self-contained graph for benchmarks: micro-credentials, qualifications, decisions.

`synth_graph()` builds a validated-looking model.Graph (frameworks, providers,
skills, credentials, recognitions) deterministically from a seed;
`write_seed_dir()` (from synth_seeds) writes any Graph as seed JSON in the seeds.md format.
"""

from __future__ import annotations

import gc
import random
import sys
from collections.abc import Mapping
from pathlib import Path

# Importable both as bench.synth and, from bench/ scripts, as plain `synth`.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from pathways.model import (
    AllRule,
    AnyRule,
    Credential,
    CredentialKind,
    CredentialRule,
    CreditsRule,
    Decision,
    Framework,
    Graph,
    Level,
    LevelRef,
    Outcome,
    Participation,
    Provider,
    Recognition,
    Rule,
    Skill,
    rule_credentials,
)
from pathways.seeds.eqf import builtin_eqf
from synth_seeds import write_seed_dir
from synth_vocab import (
    LANGUAGES,
    N_CONTEXTS,
    N_MODIFIERS,
    N_NOUNS,
    N_SKILLS,
    N_VERBS,
    phrase,
    skill_index,
)

# country: (framework, name, language, {national level: EQF level}, recognition body)
COUNTRIES: dict[str, tuple[str, str, str, dict[str, int], str]] = {
    "IE": ("IE-NFQ", "National Framework of Qualifications", "en",
           {"1": 1, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6, "8": 6, "9": 7, "10": 8},
           "QQI"),
    "EE": ("EE-EKR", "Eesti kvalifikatsiooniraamistik", "et",
           {str(n): n for n in range(1, 9)}, "ENIC/NARIC Estonia"),
    "DK": ("DK-NQF", "Kvalifikationsrammen for livslang læring", "da",
           {str(n): n for n in range(1, 9)}, "Uddannelses- og Forskningsstyrelsen"),
    "FR": ("FR-CNCP", "Cadre national des certifications professionnelles", "fr",
           {str(n): n for n in range(1, 9)}, "France compétences"),
    "ES": ("ES-MECU", "Marco Español de Cualificaciones", "es",
           {str(n): n for n in range(1, 9)}, "ANECA"),
}  # fmt: skip
CODES = tuple(COUNTRIES)
__all__ = ["frameworks", "synth_graph", "write_seed_dir"]
PROVIDERS_PER_COUNTRY = 30


def frameworks() -> dict[str, Framework]:
    """The EQF and minimal national frameworks of the five synthetic countries."""
    out = {"EQF": builtin_eqf()}
    for country, (code, name, _lang, levels, _body) in COUNTRIES.items():
        lvls = tuple(Level(code, lvl, (eqf,)) for lvl, eqf in levels.items())
        out[code] = Framework(code, name, lvls, country=country)
    return out


def _national(country: str, eqf: int, rng: random.Random) -> LevelRef:
    code, _, _, levels, _ = COUNTRIES[country]
    return LevelRef(code, rng.choice([lvl for lvl, e in levels.items() if e == eqf]))


def synth_graph(n_micro: int = 20000, n_quals: int = 500, seed: int = 1) -> Graph:
    """A deterministic graph of `n_micro` micro-credentials and `n_quals` qualifications."""
    # Millions of new objects and none garbage: the cyclic collector's full passes over
    # everything built so far made generation grow quadratically.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _synth_graph(n_micro, n_quals, seed)
    finally:
        if enabled:
            gc.enable()


def _synth_graph(n_micro: int, n_quals: int, seed: int) -> Graph:
    rng = random.Random(seed)
    skills = {f"synth-skill-{s:04d}": Skill(f"synth-skill-{s:04d}", {}) for s in range(N_SKILLS)}
    labels: dict[str, dict[str, str]] = {sid: {} for sid in skills}
    for v in range(N_VERBS):
        for n in range(N_NOUNS):
            for m in range(N_MODIFIERS):
                sid = f"synth-skill-{skill_index(v, n, m):04d}"
                labels[sid] = {lang: phrase(lang, v, n, m, None).lower() for lang in LANGUAGES}
    skills = {sid: Skill(sid, labels[sid]) for sid in skills}
    providers = {
        f"{c.lower()}-p{k:02d}": Provider(f"{c.lower()}-p{k:02d}", f"{c} provider {k}", c)
        for c in CODES
        for k in range(PROVIDERS_PER_COUNTRY)
    }
    creds: dict[str, Credential] = {}
    nouns: dict[str, int] = {}
    by_country: dict[str, list[str]] = {c: [] for c in CODES}
    # (noun, country) -> ids: peers on the same theme abroad are found without a scan
    by_theme: dict[tuple[int, str], list[str]] = {}
    for i in range(n_micro):
        cred, nouns[cred_id(i)] = _micro(i, rng, by_country)
        creds[cred.id] = cred
        by_country[cred.country].append(cred.id)
        by_theme.setdefault((nouns[cred.id], cred.country), []).append(cred.id)
    micro_ids = list(creds)
    quals = [_qualification(q, rng, by_country, creds, micro_ids, nouns) for q in range(n_quals)]
    creds.update((q.id, q) for q in quals)
    recs = _recognitions(rng, creds, quals, by_theme, nouns)
    return Graph(frameworks(), providers, skills, creds, tuple(recs))


def cred_id(i: int) -> str:
    """The id of the i-th synthetic micro-credential (its country is drawn, not in the id)."""
    return f"m{i:05d}"


def _micro(
    i: int, rng: random.Random, by_country: Mapping[str, list[str]]
) -> tuple[Credential, int]:
    country = rng.choice(CODES)
    _, _, lang, _, _ = COUNTRIES[country]
    provider = f"{country.lower()}-p{rng.randrange(PROVIDERS_PER_COUNTRY):02d}"
    verb, noun, modifier = (
        rng.randrange(N_VERBS),
        rng.randrange(N_NOUNS),
        rng.randrange(N_MODIFIERS),
    )
    cid = cred_id(i)
    outcomes = []
    for k in range(rng.randint(3, 7)):
        v = verb if k == 0 else rng.randrange(N_VERBS)
        m = modifier if rng.random() < 0.6 else rng.randrange(N_MODIFIERS)
        sk = [f"synth-skill-{skill_index(v, noun, m):04d}"]
        if rng.random() < 0.3:
            sk.append(f"synth-skill-{rng.randrange(N_SKILLS):04d}")
        text = phrase(lang, v, noun, m, rng.randrange(N_CONTEXTS))
        outcomes.append(Outcome(f"{cid}#o{k + 1}", text, lang, tuple(dict.fromkeys(sk))))
    given = float(rng.choice([1, 2, 2, 3, 3, 4, 5, 5, 6, 10]))
    ects: float | None = given
    hours: float | None = given * rng.choice([25, 25, 26, 30])
    roll = rng.random()
    if roll < 0.1:
        ects = None
    elif roll < 0.4:
        hours = None
    earlier = by_country[country]
    prereqs: tuple[str, ...] = ()
    if earlier and rng.random() < 0.12:
        window = earlier[-400:]
        prereqs = tuple(sorted(set(rng.sample(window, min(len(window), rng.randint(1, 2))))))
    cred = Credential(
        id=cid,
        kind=rng.choice([CredentialKind.MICRO_CREDENTIAL] * 4 + [CredentialKind.UNIT]),
        title=phrase(lang, verb, noun, modifier, None),
        country=country,
        language=lang,
        provider=provider,
        level=_national(country, rng.randint(3, 6), rng),
        ects=ects,
        hours=hours,
        assessment=rng.choice([None, "practical test", "portfolio", "written exam", "project"]),
        participation=rng.choice([None, *Participation]),
        quality_assurance=rng.choice([None, "accredited programme", "ISO 9001 provider"]),
        outcomes=tuple(outcomes),
        prerequisites=prereqs,
    )
    return cred, noun


def _qualification(
    q: int,
    rng: random.Random,
    by_country: Mapping[str, list[str]],
    creds: Mapping[str, Credential],
    micro_ids: list[str],
    nouns: dict[str, int],
) -> Credential:
    country = rng.choice(CODES)
    _, _, lang, _, _ = COUNTRIES[country]
    size = rng.randint(6, 40)
    pool = by_country[country]
    home = rng.sample(pool, min(len(pool), size))
    # sampling a list costs the sample's size, not the list's: linear in the graph overall
    others = [c for c in rng.sample(micro_ids, min(len(micro_ids), size)) if c not in home]
    components = [others.pop() if others and rng.random() < 0.1 else c for c in home]
    rule = _rule_for(components, rng, creds)
    ects = sum(creds[c].workload_ects for c in components)
    noun = nouns[components[0]]
    qid = f"q{q:04d}"
    nouns[qid] = noun
    return Credential(
        id=qid,
        kind=rng.choice([CredentialKind.QUALIFICATION, CredentialKind.PARTIAL_QUALIFICATION]),
        title=phrase(lang, rng.randrange(N_VERBS), noun, rng.randrange(N_MODIFIERS), None)
        + f" ({size})",
        country=country,
        language=lang,
        provider=f"{country.lower()}-p{rng.randrange(PROVIDERS_PER_COUNTRY):02d}",
        level=_national(country, rng.randint(4, 6), rng),
        ects=round(ects, 2),
        assessment="final assessment",
        participation=Participation.BLENDED,
        quality_assurance="national accreditation",
        requirements=rule,
    )


def _rule_for(ids: list[str], rng: random.Random, creds: Mapping[str, Credential]) -> Rule:
    """Nested rules over exactly these components: a core, `any` choices, credit pools."""
    rest = list(ids)
    rng.shuffle(rest)
    children: list[Rule] = []
    core = max(1, int(len(rest) * rng.uniform(0.2, 0.5)))
    children.extend(CredentialRule(c) for c in rest[:core])
    rest = rest[core:]
    while rest:
        take = min(len(rest), rng.randint(3, 8))
        block, rest = rest[:take], rest[take:]
        if rng.random() < 0.5:
            kids: list[Rule] = [CredentialRule(c) for c in block]
            if len(kids) >= 4 and rng.random() < 0.4:
                kids = [AllRule((kids[0], kids[1])), *kids[2:]]
            children.append(AnyRule(tuple(kids), rng.randint(1, max(1, len(kids) - 1))))
        else:
            total = sum(creds[c].workload_ects for c in block)
            children.append(
                CreditsRule(max(1.0, round(total * rng.uniform(0.4, 0.7))), tuple(block))
            )
    return AllRule(tuple(children))


def _recognitions(
    rng: random.Random,
    creds: Mapping[str, Credential],
    quals: list[Credential],
    by_theme: Mapping[tuple[int, str], list[str]],
    nouns: Mapping[str, int],
) -> list[Recognition]:
    """Decisions from foreign credentials on the same theme into components, and a few quals.

    Each decision costs a constant number of draws, so the whole graph is linear in size.
    """
    named = sorted({c for q in quals if q.requirements for c in rule_credentials(q.requirements)})
    seen: set[tuple[str, str]] = set()
    out: list[Recognition] = []
    for dst in rng.sample(named, len(named) // 2):
        target = creds[dst]
        abroad = [c for c in CODES if c != target.country]
        pools = [by_theme.get((nouns[dst], c), []) for c in abroad]
        for _ in range(rng.randint(1, 3)):
            pool = rng.choice(pools)
            if not pool:
                continue
            src = rng.choice(pool)
            if (src, dst) in seen:
                continue
            seen.add((src, dst))
            decision = rng.choices(list(Decision), weights=[5, 3, 2])[0]
            granted = None
            if decision is Decision.PARTIAL:
                granted = max(0.5, round(target.workload_ects * rng.uniform(0.3, 0.8) * 2) / 2)
            out.append(_decision(rng, src, dst, decision, granted, target.country))
    for qual in rng.sample(quals, len(quals) // 50):
        other = rng.choice(quals)
        if other.country != qual.country:
            src = other.id
            if (src, qual.id) not in seen:
                seen.add((src, qual.id))
                out.append(_decision(rng, src, qual.id, Decision.FULL, None, qual.country))
    return out


def _decision(
    rng: random.Random, src: str, dst: str, decision: Decision, granted: float | None, country: str
) -> Recognition:
    date = f"{rng.randint(2022, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return Recognition(src, dst, decision, COUNTRIES[country][4], date, granted)
