"""The one error tree of pathways.

    PathwaysError                      code: INTERNAL_SERVER_ERROR (masked from clients)
    ├── NotFound                       NOT_FOUND
    ├── BadUserInput                   BAD_USER_INPUT
    │   └── SeedValidationError        BAD_USER_INPUT, carries every SeedProblem found
    ├── Unauthenticated                UNAUTHENTICATED
    ├── Forbidden                      FORBIDDEN
    ├── LimitExceeded                  BAD_USER_INPUT (query depth, aliases, page size ...)
    ├── StoreUnavailable               SERVICE_UNAVAILABLE (the database is down)
    ├── HeavyWorkerLost                SERVICE_UNAVAILABLE (a heavy worker process died)
    └── StoreOutOfMemory               STORE_OUT_OF_MEMORY (a transaction outgrew the heap)

Expected failures are subclasses with a `code`; the API turns them into GraphQL
errors with `extensions.code`.  Anything else is a bug and is masked.  Foreign
errors are translated at the boundary with `raise ... from exc`.
"""

from __future__ import annotations

from dataclasses import dataclass

from pathways.wording import quoted_id


class PathwaysError(Exception):
    """Root of every error pathways raises on purpose."""

    code = "INTERNAL_SERVER_ERROR"

    def __init__(self, message: str, **extensions: object) -> None:
        super().__init__(message)
        self.message = message
        self.extensions = extensions

    def __reduce__(self) -> tuple[object, ...]:
        # rebuilt as it was, not through __init__: heavy work raises these in worker
        # processes (workers.py), and a subclass may take other arguments
        return (_restored, (type(self), self.args, self.__dict__))


def _restored(
    kind: type[PathwaysError], args: tuple[object, ...], state: dict[str, object]
) -> PathwaysError:
    error = kind.__new__(kind, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class NotFound(PathwaysError):
    """An id, framework or level that the graph does not hold."""

    code = "NOT_FOUND"

    @classmethod
    def no_such(cls, what: str, ident: str) -> NotFound:
        """The error for an id the graph lacks, worded alike by every store: No <what> with id."""
        return cls(f"No {what} with id {quoted_id(ident)}.", id=ident)


class BadUserInput(PathwaysError):
    """Input that is well-formed GraphQL but not acceptable."""

    code = "BAD_USER_INPUT"


class LimitExceeded(BadUserInput):
    """A query or page beyond the service's limits."""


class Unauthenticated(PathwaysError):
    """A write without a valid API key."""

    code = "UNAUTHENTICATED"


class Forbidden(PathwaysError):
    """A write with a key whose role may not do it."""

    code = "FORBIDDEN"


class StoreUnavailable(PathwaysError):
    """The backing store cannot be reached right now."""

    code = "SERVICE_UNAVAILABLE"


class HeavyWorkerLost(PathwaysError):
    """The worker process computing an answer died; the request may be sent again."""

    code = "SERVICE_UNAVAILABLE"


class StoreOutOfMemory(PathwaysError):
    """The database ran out of memory for one transaction: no outage, and no retry helps."""

    code = "STORE_OUT_OF_MEMORY"


@dataclass(frozen=True, slots=True)
class SeedProblem:
    """One thing wrong in a seed directory or write: where, which id, what."""

    file: str
    problem: str
    line: int | None = None
    id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        who = f" [{self.id}]" if self.id else ""
        fld = f" {self.field}:" if self.field else ""
        return f"{where}{who}{fld} {self.problem}"


class SeedValidationError(BadUserInput):
    """A seed directory or write that was rejected, with every problem found."""

    def __init__(self, problems: list[SeedProblem]) -> None:
        self.problems = tuple(problems)
        first = str(problems[0]) if problems else "invalid seed data"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(
            first + more,
            problems=[
                {"file": p.file, "line": p.line, "id": p.id, "field": p.field, "problem": p.problem}
                for p in problems
            ],
        )
