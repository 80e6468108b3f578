"""Writes a model.Graph as seed JSON files in the seeds.md format (JSON loads fastest)."""

from __future__ import annotations

import json
from pathlib import Path

from pathways.model import AllRule, Credential, CredentialRule, CreditsRule, Graph, Outcome, Rule


def rule_to_seed(rule: Rule) -> dict[str, object]:
    """A rule in the seeds.md shape."""
    if isinstance(rule, CredentialRule):
        return {"credential": rule.credential}
    if isinstance(rule, CreditsRule):
        return {"credits": rule.credits, "from": list(rule.sources)}
    kids = [rule_to_seed(c) for c in rule.children]
    if isinstance(rule, AllRule):
        return {"all": kids}
    return {"any": kids, "count": rule.count}


def credential_to_seed(cred: Credential) -> dict[str, object]:
    """A credential in the seeds.md shape, absent elements left out."""
    out: dict[str, object] = {"id": cred.id, "kind": cred.kind.value, "title": cred.title}
    for key in ("language", "country", "provider", "ects", "hours", "assessment"):
        value = getattr(cred, key)
        if value is not None:
            out[key] = value
    if cred.level is not None:
        out["level"] = {"framework": cred.level.framework, "code": cred.level.code}
    if cred.participation is not None:
        out["participation"] = cred.participation.value
    for key in ("quality_assurance", "valid_from", "valid_until"):
        value = getattr(cred, key)
        if value is not None:
            out[key] = value
    if cred.outcomes:
        out["outcomes"] = [_outcome_to_seed(cred, o, n) for n, o in enumerate(cred.outcomes, 1)]
    if cred.prerequisites:
        out["prerequisites"] = list(cred.prerequisites)
    if cred.requirements is not None:
        out["requirements"] = rule_to_seed(cred.requirements)
    return out


def _outcome_to_seed(cred: Credential, outcome: Outcome, n: int) -> dict[str, object]:
    out: dict[str, object] = {"text": outcome.text, "skills": list(outcome.skills)}
    if outcome.id != f"{cred.id}#o{n}":
        out["id"] = outcome.id
    if outcome.language is not None and outcome.language != cred.language:
        out["language"] = outcome.language
    return out


def write_seed_dir(graph: Graph, path: Path | str, chunk: int = 5000) -> list[Path]:
    """Write a graph as seed JSON files under `path` (created); the files written."""
    root = Path(path)
    root.mkdir(parents=True, exist_ok=True)
    frameworks_out = [
        {
            "code": fw.code,
            "name": fw.name,
            **({"country": fw.country} if fw.country else {}),
            "levels": [
                {
                    "code": lvl.code,
                    "eqf": list(lvl.eqf),
                    **({"label": lvl.label} if lvl.label else {}),
                }
                for lvl in fw.levels
            ],
        }
        for fw in graph.frameworks.values()
        if fw.code != "EQF"
    ]
    files: dict[str, dict[str, object]] = {
        "frameworks.json": {"frameworks": frameworks_out},
        "providers.json": {
            "providers": [
                {"id": p.id, "name": p.name, "country": p.country} for p in graph.providers.values()
            ]
        },
        "skills.json": {
            "skills": [{"id": s.id, "labels": dict(s.labels)} for s in graph.skills.values()]
        },
        "recognitions.json": {
            "recognitions": [
                {
                    "from": r.from_id,
                    "to": r.to_id,
                    "decision": r.decision.value,
                    **({"ects": r.ects} if r.ects is not None else {}),
                    "by": r.by,
                    "date": r.date,
                }
                for r in graph.recognitions
            ]
        },
    }
    creds = [credential_to_seed(c) for c in graph.credentials.values()]
    for k in range(0, len(creds), chunk):
        files[f"credentials-{k // chunk:03d}.json"] = {"credentials": creds[k : k + chunk]}
    written = []
    for name, data in files.items():
        target = root / name
        target.write_text(json.dumps(data, ensure_ascii=False, indent=None), encoding="utf-8")
        written.append(target)
    return written
