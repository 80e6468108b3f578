"""The Cypher catalog: every statement the Neo4j store runs, read by name from queries/."""

from __future__ import annotations

import enum
from functools import cache
from typing import LiteralString

from pathways.errors import PathwaysError
from pathways.paths import queries_dir


class Q(enum.StrEnum):
    """Names of the catalog's statements; each is queries/<name>.cypher."""

    SCHEMA = "schema"
    COUNT_CREDENTIALS = "count_credentials"
    MERGE_FRAMEWORKS = "merge_frameworks"
    MERGE_PROVIDERS = "merge_providers"
    MERGE_SKILLS = "merge_skills"
    MERGE_CREDENTIALS = "merge_credentials"
    LINK_REQUIRES = "link_requires"
    LINK_PREREQUISITES = "link_prerequisites"
    LINK_SKILLS = "link_skills"
    LINK_PROVIDERS = "link_providers"
    LINK_LEVELS = "link_levels"
    LINK_TOKENS = "link_tokens"
    LINK_OUTCOME_KEYS = "link_outcome_keys"
    MERGE_RECOGNITIONS = "merge_recognitions"
    FRAMEWORKS = "frameworks"
    FRAMEWORK_BY_CODE = "framework_by_code"
    LEVELS = "levels"
    CREDENTIALS_BY_ID = "credentials_by_id"
    PROVIDERS_BY_ID = "providers_by_id"
    PROVIDERS_IN = "providers_in"
    SKILLS_BY_ID = "skills_by_id"
    ALL_CREDENTIALS = "all_credentials"
    ALL_PROVIDERS = "all_providers"
    ALL_SKILLS = "all_skills"
    ALL_RECOGNITIONS = "all_recognitions"
    STACKS_INTO = "stacks_into"
    RECOGNITIONS_FROM = "recognitions_from"
    PLANNING_CLOSURE = "planning_closure"
    SKILL_GAP_CLOSURE = "skill_gap_closure"
    QUALIFICATIONS_TOUCHING = "qualifications_touching"
    SEARCH_SHORTLIST = "search_shortlist"
    SEARCH_SKILLS = "search_skills"
    SEARCH_TITLES = "search_titles"
    CREDENTIAL_ORDER = "credential_order"
    HEAT_TEXTS = "heat_texts"
    SEARCH_PAGE = "search_page"
    SEARCH_PAGE_FILTERED = "search_page_filtered"
    LIST_ALL = "list_all"
    OUT_OF_DATE = "out_of_date"
    LIST_BY_COUNTRY = "list_by_country"
    LIST_BY_KIND = "list_by_kind"
    LISTING_COUNTS = "listing_counts"
    LISTING_BACKFILL_LOCK = "listing_backfill_lock"
    LISTING_BACKFILL = "listing_backfill"
    LISTING_MARK = "listing_mark"
    SHORTLIST_DRAFT = "shortlist_draft"
    PROVIDER_CREDENTIALS = "provider_credentials"
    BUMP_VERSION = "bump_version"
    GRAPH_VERSION = "graph_version"
    WRITE_NEIGHBOURHOOD = "write_neighbourhood"
    EQUIVALENCE_CONTEXT = "equivalence_context"
    CLEAR_STAGED = "clear_staged"
    SWITCH_BEGIN = "switch_begin"
    SWITCH_MARK = "switch_mark"
    SWITCH_PHASE = "switch_phase"
    SWITCH_END = "switch_end"
    RETIRE_BATCH = "retire_batch"
    PROMOTE_BATCH = "promote_batch"
    DROP_RETIRED = "drop_retired"
    IDS_NEAR = "ids_near"
    SHAPE_COUNTS = "shape_counts"
    CREDENTIALS_BY_SHAPE = "credentials_by_shape"
    SKILL_HOLDERS = "skill_holders"
    SKILL_HELD_PUT = "skill_held_put"
    RESAMPLE_INDEXES = "resample_indexes"
    WARM_COMMIT_CREATE = "warm_commit_create"
    WARM_COMMIT_CHANGE = "warm_commit_change"
    WARM_COMMIT_DROP = "warm_commit_drop"
    WRITE_CREDENTIAL = "write_credential"


def _strip_comments(text: str) -> str:
    kept = [line for line in text.splitlines() if not line.lstrip().startswith("//")]
    return "\n".join(kept).strip()


@cache
def statements(name: Q) -> tuple[LiteralString, ...]:
    """The statements of one catalog file, split on ';' (most files hold exactly one)."""
    path = queries_dir() / f"{name.value}.cypher"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PathwaysError(f"Cypher catalog file missing: {path}") from exc
    # The catalog ships with the package and is never built from input: literal by contract.
    parts: list[LiteralString] = [p.strip() for p in _strip_comments(text).split(";")]
    return tuple(p for p in parts if p)


def query(name: Q) -> LiteralString:
    """The single statement of a catalog file."""
    found = statements(name)
    if len(found) != 1:
        raise PathwaysError(f"{name.value}.cypher must hold one statement, not {len(found)}")
    return found[0]
