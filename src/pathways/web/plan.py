"""The learner's page (`/plan`): pick a target and what you hold, see the plan as a picture."""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import Response

from pathways.errors import BadUserInput
from pathways.model import Objective
from pathways.service import Service
from pathways.web.picture import EDGE_LABELS, picture
from pathways.web.render import page

MAX_HELD = 50
"""Most held credentials one plan page takes (each is a node of the picture)."""

MAX_ID = 200
"""Longest credential id accepted before it is looked up."""


def _ids(request: Request, name: str) -> tuple[str, ...]:
    values = [v.strip() for v in request.query_params.getlist(name) if v.strip()]
    for value in values:
        if len(value) > MAX_ID:
            raise BadUserInput(f"'{name}' ids may be at most {MAX_ID} characters.", argument=name)
    return tuple(dict.fromkeys(values))


def _objective(request: Request) -> Objective:
    text = request.query_params.get("objective", "").strip().upper() or Objective.CREDITS.value
    try:
        return Objective(text)
    except ValueError as exc:
        known = ", ".join(o.value for o in Objective)
        raise BadUserInput(
            f"'{text[:40]}' is not an objective; the objectives are {known}.", argument="objective"
        ) from exc


async def plan_page(request: Request, service: Service) -> Response:
    """The picker, and once a target is chosen the plan drawn and explained."""
    targets = _ids(request, "target")
    if len(targets) > 1:
        raise BadUserInput("Choose one target.", argument="target")
    held = _ids(request, "held")
    if len(held) > MAX_HELD:
        raise BadUserInput(f"At most {MAX_HELD} held credentials per plan.", argument="held")
    objective = _objective(request)
    known = await service.store.credentials([*targets, *held])
    context: dict[str, object] = {
        "target_id": targets[0] if targets else "",
        "held": [(h, known.get(h)) for h in held],
        "objective": objective.value,
        "objectives": [o.value for o in Objective],
        "result": None,
        "picture_json": "",
        "edge_labels": EDGE_LABELS,
    }
    if targets:
        result = await service.stacking_plan(targets[0], held, objective, None, 0)
        drawn = picture(result.plan, held, result.credentials)
        context.update(
            result=result,
            target=result.credentials[result.plan.target],
            steps=[(s, result.credentials[s.credential]) for s in result.plan.steps],
            picture=drawn,
            # embedded as data in a script element: no "<" may close it early
            picture_json=json.dumps(drawn.as_json()).replace("<", "\\u003c"),
        )
    return page(request, "plan.html", context)
