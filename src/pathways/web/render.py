"""Rendering pages: the Jinja2 environment, the security headers, and error pages."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from pathways.errors import NotFound, PathwaysError, StoreUnavailable

log = logging.getLogger("pathways.web")

CSP = (
    "default-src 'self'; img-src 'self' data:; font-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'"
)
"""Every page may load only from this server: a stray CDN reference fails loudly in tests.

Inline styles are allowed because GraphiQL's editor sets them; scripts never run inline.
"""

HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("pathways.web", "templates"),
    autoescape=jinja2.select_autoescape(default=True),
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def number(value: float | None, digits: int = 1) -> str:
    """A workload for people: 5 not 5.0, 1.1 not 1.1000000000000001, a dash for nothing."""
    if value is None:
        return "–"
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def percent(value: float) -> str:
    """A 0..1 score as a whole percentage."""
    return f"{round(value * 100)} %"


@jinja2.pass_context
def url_for(context: jinja2.runtime.Context, name: str, /, **params: str) -> str:
    """The path of a named route: relative to the host, so it works behind a proxy."""
    request: Request = context["request"]
    return str(request.app.url_path_for(name, **params))


_ENV.filters["number"] = number
_ENV.filters["percent"] = percent
_ENV.globals["url_for"] = url_for


def page(
    request: Request, template: str, context: Mapping[str, object], status: int = 200
) -> HTMLResponse:
    """The rendered template with the security headers."""
    body = _ENV.get_template(template).render(request=request, **context)
    return HTMLResponse(body, status_code=status, headers=HEADERS)


def error_page(request: Request, status: int, title: str, message: str) -> HTMLResponse:
    """A page saying what went wrong, in words a person can act on; never a traceback."""
    return page(request, "error.html", {"title": title, "message": message}, status)


Handler = Callable[[Request], Awaitable[Response]]


def guarded(handler: Handler) -> Handler:
    """The handler with expected failures as error pages and bugs logged and masked."""

    async def run(request: Request) -> Response:
        try:
            return await handler(request)
        except NotFound as exc:
            return error_page(request, 404, "Not found", exc.message)
        except StoreUnavailable as exc:
            return error_page(request, 503, "Unavailable", exc.message)
        except PathwaysError as exc:
            if exc.code == "BAD_USER_INPUT":
                return error_page(request, 400, "Cannot answer that", exc.message)
            log.exception("error serving %s", request.url.path)
        except Exception:
            log.exception("unexpected error serving %s", request.url.path)
        return error_page(
            request,
            500,
            "Something went wrong",
            "Unexpected error. It has been logged; please try again or report it.",
        )

    return run


async def not_found(request: Request, _exc: Exception) -> Response:
    """The 404 page for a path nothing serves."""
    return error_page(request, 404, "Not found", f"Nothing is served at '{request.url.path}'.")


async def server_error(request: Request, _exc: Exception) -> Response:
    """The 500 page for an error outside every page's guard."""
    return error_page(request, 500, "Something went wrong", "Unexpected error. It has been logged.")
