"""Pages for people, rendered on the server from the same service layer as the API.

Every script, style and font a page uses is a vendored file under static/vendor
(versions and licences in its README.md), served by this app: nothing is fetched
from another host, which the pages' Content-Security-Policy enforces.
"""

from __future__ import annotations

from pathways.web.render import not_found, server_error
from pathways.web.routes import graphiql_page, routes

__all__ = ["graphiql_page", "not_found", "routes", "server_error"]
