"""Credential search: the scoring both stores share and the embedded store's indexes.

`scoring` says how a text finds and ranks credentials (read its module docstring);
`index` and `listing` are the embedded store's inverted word index and filter lists,
`slots` the integer slots they hold credentials as, `ranking` the result order over
those slots; `embedded.EmbeddedSearch` puts them together.  The Neo4j store runs the
same scoring over a shortlist from a Lucene full-text index.
"""

from __future__ import annotations

from pathways.store.search.embedded import EmbeddedSearch
from pathways.store.search.scoring import normalise

__all__ = ["EmbeddedSearch", "normalise"]
