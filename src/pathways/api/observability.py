"""Request logs (one JSON line per GraphQL request) and Prometheus metrics at /metrics.

Logged: method, the client's operationName, the operation's root fields,
duration in ms, HTTP status, outcome and error codes.  Never logged: headers
(so never the Authorization key), variables, or the document.  Metric labels
use the first root field, which the schema bounds, never a client-chosen name.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from graphql.language import FieldNode, OperationDefinitionNode
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from strawberry.extensions import SchemaExtension

access_log = logging.getLogger("pathways.access")

REQUESTS = Counter(
    "pathways_graphql_requests_total",
    "GraphQL requests by first root field and outcome.",
    ["operation", "outcome"],
)
LATENCY = Histogram(
    "pathways_graphql_request_duration_seconds",
    "Time from request to response, by first root field.",
    ["operation"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)


@dataclass
class RequestRecord:
    """What one request did, filled in as it goes through the view and the schema."""

    method: str = ""
    operation_name: str | None = None
    operation_type: str | None = None
    fields: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


def outcome(status: int, codes: list[str]) -> str:
    """ok, error (executed with errors), rejected (refused before executing) or failed."""
    if status >= 500 or "INTERNAL_SERVER_ERROR" in codes:
        return "failed"
    if status >= 400:
        return "rejected"
    return "error" if codes else "ok"


def record_request(record: RequestRecord, status: int, started: float) -> None:
    """Count, time and log one finished request."""
    elapsed = time.perf_counter() - started
    operation = record.fields[0] if record.fields else "-"
    result = outcome(status, record.codes)
    REQUESTS.labels(operation, result).inc()
    LATENCY.labels(operation).observe(elapsed)
    access_log.info(
        json.dumps(
            {
                "event": "graphql",
                "method": record.method,
                "operationName": record.operation_name,
                "operationType": record.operation_type,
                "fields": record.fields,
                "durationMs": round(elapsed * 1000, 2),
                "status": status,
                "outcome": result,
                "codes": sorted(set(record.codes)),
            },
            ensure_ascii=False,
        )
    )


class Observe(SchemaExtension):
    """Note the executed operation's type and root fields on the request's record."""

    def on_validate(self) -> Iterator[None]:
        ec = self.execution_context
        request = getattr(ec.context, "request", None)
        record = getattr(getattr(request, "state", None), "pathways", None)
        # refused this early only when it did not parse: the document is a stand-in
        refused = ec.pre_execution_errors is not None
        if isinstance(record, RequestRecord) and ec.graphql_document is not None and not refused:
            ops = [
                d for d in ec.graphql_document.definitions if isinstance(d, OperationDefinitionNode)
            ]
            op = next(
                (
                    o
                    for o in ops
                    if ec.operation_name is None
                    or (o.name is not None and o.name.value == ec.operation_name)
                ),
                None,
            )
            if op is not None:
                record.operation_type = op.operation.value
                record.fields = [
                    s.name.value for s in op.selection_set.selections if isinstance(s, FieldNode)
                ][:5]
                if record.operation_name is None and op.name is not None:
                    record.operation_name = op.name.value
        yield


async def metrics(_request: Request) -> Response:
    """The Prometheus text exposition of this process's metrics."""
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


def configure_logging(level: str = "info") -> None:
    """Send pathways' logs (the JSON access lines included) to stderr, one line each."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger("pathways")
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    root.propagate = False
    # strawberry logs every GraphQL error with a traceback, expected ones included;
    # pathways.api logs the unexpected ones, so strawberry's copy is only noise
    logging.getLogger("strawberry.execution").setLevel(logging.CRITICAL)
