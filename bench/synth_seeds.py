"""Writes a model.Graph as seed JSON files in the seeds.md format (JSON loads fastest)."""

from __future__ import annotations

import json
from pathlib import Path

from pathways.model import Graph
from pathways.seeds.dump import credential_record, recognition_record


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
        "recognitions.json": {"recognitions": [recognition_record(r) for r in graph.recognitions]},
    }
    creds = [credential_record(c) for c in graph.credentials.values()]
    for k in range(0, len(creds), chunk):
        files[f"credentials-{k // chunk:03d}.json"] = {"credentials": creds[k : k + chunk]}
    written = []
    for name, data in files.items():
        target = root / name
        target.write_text(json.dumps(data, ensure_ascii=False, indent=None), encoding="utf-8")
        written.append(target)
    return written
