"""GraphQL over HTTP (the GraphQL-over-HTTP draft), on top of strawberry's ASGI view.

Strawberry executes; this view adds what the specification asks and strawberry
does not do by itself:
- `Accept` negotiation: `application/graphql-response+json` when the client
  prefers it (or ranks it equal to application/json), `application/json`
  otherwise, including for a missing Accept or `*/*` (the legacy default the
  specification allows, so existing clients keep their 200s); 406 when neither
  is acceptable.  Both are sent with `charset=utf-8`.
- Status codes for `application/graphql-response+json`: 200 once execution has
  started (even with errors, even with `data: null`); for a request error (parse,
  validation, limits, variables, unknown operation) the body has no `data` entry
  and the status is 400, or 401 / 403 when a mutation lacks a valid key / role.
  For `application/json` every well-formed request gets 200.
- 415 for a POST that is not `application/json` in UTF-8; 400 (with a GraphQL
  error body) for a body that is not a JSON object, a missing or non-string
  `query`, a non-object `variables`, a non-string `operationName`; 405 with
  `Allow: POST` for a mutation sent with GET; 413 for a body over the limit.
"""

from __future__ import annotations

import json
import logging
import math
import time
from typing import Any

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Message, Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData, process_result
from strawberry.types import ExecutionResult

from pathways.api.compat import RequestAdapter, is_wrong_operation_type
from pathways.api.context import Context
from pathways.api.errors import UNEXPECTED
from pathways.api.limits import MAX_BODY_BYTES, MAX_NUMBER_DIGITS
from pathways.api.observability import RequestRecord, record_request

log = logging.getLogger("pathways.api")

GRAPHQL_RESPONSE = "application/graphql-response+json"
JSON = "application/json"


class _Refused(Exception):
    """An HTTP-level refusal with a status, a message and optional headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def negotiate(accept: str | None) -> str | None:
    """The response media type for an Accept header, or None when neither is acceptable."""
    if accept is None or not accept.strip():
        return JSON
    best: dict[str, tuple[float, int]] = {GRAPHQL_RESPONSE: (0.0, -1), JSON: (0.0, -1)}
    for item in accept.split(","):
        media, *params = (p.strip() for p in item.split(";"))
        media = media.lower()
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        for candidate in best:
            specificity = _specificity(media, candidate)
            if specificity > best[candidate][1]:
                best[candidate] = (q, specificity)
    (q_gql, s_gql), (q_json, _) = best[GRAPHQL_RESPONSE], best[JSON]
    if q_gql <= 0 and q_json <= 0:
        return None
    if q_gql > q_json or (q_gql == q_json and s_gql == 2):
        return GRAPHQL_RESPONSE
    return JSON


def _specificity(pattern: str, media: str) -> int:
    if pattern == media:
        return 2
    if pattern == "application/*":
        return 1
    return 0 if pattern == "*/*" else -1


def is_request_error(data: GraphQLHTTPResponse) -> bool:
    """True when the response has no `data` entry: the request failed before execution."""
    return "data" not in data


class GraphQLHTTP(GraphQL[Context, None]):
    """Strawberry's ASGI view made to follow the GraphQL-over-HTTP specification."""

    request_adapter_class = RequestAdapter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        started = time.perf_counter()
        request = Request(scope, receive)
        request.state.pathways = RequestRecord(method=request.method)
        media = negotiate(request.headers.get("accept"))
        try:
            response = await self._handle(request, media)
        except HTTPException as exc:
            allow = {"Allow": "GET, POST"} if exc.status_code == 405 else None
            response = self._error(exc.status_code, exc.reason, media, allow)
        except _Refused as exc:
            response = self._error(exc.status, exc.message, media, exc.headers)
        except Exception:
            # a bug outside execution: logged with its trace here, masked for the client
            log.exception("unexpected error serving %s /graphql", request.method)
            response = self._error(500, UNEXPECTED, media)
        record: RequestRecord = request.state.pathways
        if response.status_code >= 400 and not record.codes:
            record.codes = [_http_code(response.status_code)]
        record_request(record, response.status_code, started)
        await response(scope, receive, send)

    async def _handle(self, request: Request, media: str | None) -> Response:
        adapter = self.request_adapter_class(request)
        if self.should_render_graphql_ide(adapter) and self.graphql_ide:
            return await self.render_graphql_ide(request)
        if media is None:
            raise _Refused(406, f"Accept must allow {GRAPHQL_RESPONSE} or {JSON}.")
        if request.method == "POST":
            _check_content_type(request.headers.get("content-type"))
            request = with_body(request, await _read_body(request))
        elif len(request.url.query) > MAX_BODY_BYTES:
            raise _Refused(413, f"The query string is larger than {MAX_BODY_BYTES} bytes.")
        request.state.media = media
        return await self.run(request)

    async def get_sub_response(self, request: Request | Any) -> Response:
        """The response strawberry fills in, remembering the negotiated media type."""
        sub = await super().get_sub_response(request)
        sub.media_type = getattr(request.state, "media", JSON)
        return sub

    def _error(
        self, status: int, message: str, media: str | None, headers: dict[str, str] | None = None
    ) -> Response:
        body = {"errors": [{"message": message, "extensions": {"code": _http_code(status)}}]}
        return Response(
            self.encode_json(body),
            status_code=status,
            headers=headers,
            media_type=f"{media or JSON}; charset=utf-8",
        )

    def decode_json(self, data: str | bytes) -> object:
        """JSON in UTF-8, its numbers bounded; anything else is a bad request (400).

        json.loads would guess UTF-16 and UTF-32 from bytes, and hand a 5,000-digit
        integer to int(), which refuses it with a ValueError (a 500): both are refused here.
        """
        try:
            text = data.decode("utf-8") if isinstance(data, bytes) else data
            return json.loads(
                text, parse_int=_bounded_int, parse_float=_finite_float, parse_constant=_no_constant
            )
        except RecursionError as exc:
            raise HTTPException(400, "The JSON is nested too deeply.") from exc
        except UnicodeDecodeError as exc:
            raise HTTPException(400, "The request body is not UTF-8.") from exc

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        """The GraphQL parameters of a GET query string or a JSON body, each checked."""
        if request.method == "GET":
            data: object = self.parse_query_params(request.query_params)
        else:
            data = self.parse_json(await request.get_body())
        if not isinstance(data, dict):
            raise HTTPException(400, "The request body must be a JSON object.")
        query, variables = data.get("query"), data.get("variables")
        name, extensions = data.get("operationName"), data.get("extensions")
        if not isinstance(query, str):
            raise HTTPException(400, "The request needs `query`, a string.")
        if not isinstance(variables, dict | None):
            raise HTTPException(400, "`variables` must be an object or null.")
        if not isinstance(name, str | None):
            raise HTTPException(400, "`operationName` must be a string or null.")
        if not isinstance(extensions, dict | None):
            raise HTTPException(400, "`extensions` must be an object or null.")
        assert isinstance(request, RequestAdapter)
        record: RequestRecord = request.request.state.pathways
        record.operation_name = name
        return GraphQLRequestData(
            query=query, variables=variables, operation_name=name, extensions=extensions
        )

    async def execute_single(self, *args: Any, **kwargs: Any) -> ExecutionResult:
        """Strawberry's execution; a mutation over GET is 405 with `Allow: POST`."""
        try:
            return await super().execute_single(*args, **kwargs)
        except HTTPException as exc:
            if is_wrong_operation_type(exc):
                raise _Refused(
                    405, "Mutations need POST; GET is for queries only.", {"Allow": "POST"}
                ) from exc
            raise

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        """The response body; a request error (nothing executed) has no `data` entry."""
        out = process_result(result)
        errors = result.errors or []
        if errors and result.data is None and all(_before_execution(e) for e in errors):
            out.pop("data", None)
        record: RequestRecord = request.state.pathways
        record.codes = [str((e.extensions or {}).get("code", "")) for e in errors]
        return out

    def create_response(
        self, response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse], sub_response: Response
    ) -> Response:
        """The JSON response with the status and media type the specification prescribes."""
        response = super().create_response(response_data, sub_response)
        media = sub_response.media_type or JSON
        response.headers["content-type"] = f"{media}; charset=utf-8"
        if (
            media == GRAPHQL_RESPONSE
            and isinstance(response_data, dict)
            and is_request_error(response_data)
        ):
            response.status_code = _request_error_status(response_data)
            if response.status_code == 401:
                response.headers["www-authenticate"] = 'Bearer realm="pathways"'
        return response


def _bounded_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise HTTPException(
            400, f"The JSON holds an integer of more than {MAX_NUMBER_DIGITS} digits."
        )
    return int(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if len(text) > MAX_NUMBER_DIGITS * 2 or not math.isfinite(value):
        raise HTTPException(400, f"The JSON holds a number too large to use: {text[:40]}.")
    return value


def _no_constant(name: str) -> object:
    raise HTTPException(400, f"The JSON holds {name}, which is not a JSON number.")


def _before_execution(error: GraphQLError) -> bool:
    # errors raised while resolving carry a path; request errors never do
    return not error.path


def _request_error_status(data: GraphQLHTTPResponse) -> int:
    codes = {
        (e.get("extensions") or {}).get("code")
        for e in (data.get("errors") or [])
        if isinstance(e, dict)
    }
    if codes == {"UNAUTHENTICATED"}:
        return 401
    if codes == {"FORBIDDEN"}:
        return 403
    return 400


def _http_code(status: int) -> str:
    return {
        400: "BAD_REQUEST",
        405: "METHOD_NOT_ALLOWED",
        406: "NOT_ACCEPTABLE",
        413: "PAYLOAD_TOO_LARGE",
        415: "UNSUPPORTED_MEDIA_TYPE",
    }.get(status, "BAD_REQUEST" if status < 500 else "INTERNAL_SERVER_ERROR")


def _check_content_type(value: str | None) -> None:
    media, *params = (p.strip() for p in (value or "").split(";"))
    if media.lower() != JSON:
        raise _Refused(415, f"POST bodies must be {JSON}; got '{media or 'nothing'}'.")
    for param in params:
        key, _, charset = param.partition("=")
        if key.strip().lower() == "charset" and charset.strip().strip('"').lower() not in (
            "utf-8",
            "utf8",
        ):
            raise _Refused(415, f"Only UTF-8 is accepted, not '{charset.strip()}'.")


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _Refused(413, f"The request body is larger than {MAX_BODY_BYTES} bytes.")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise _Refused(413, f"The request body is larger than {MAX_BODY_BYTES} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def with_body(request: Request, body: bytes) -> Request:
    """The same request reading `body`, which was already read (and bounded) from the client."""
    given = False
    receive_rest = request.receive

    async def receive() -> Message:
        nonlocal given
        if given:
            return await receive_rest()  # only a disconnect can follow the whole body
        given = True
        return {"type": "http.request", "body": body, "more_body": False}

    return Request(request.scope, receive)
