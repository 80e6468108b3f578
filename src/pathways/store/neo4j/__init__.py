"""The Neo4j store: the graph in a Neo4j 5 database, read and written through the Cypher catalog.

`store` holds the Store implementation, `reads` the question-shaped reads, `codec`
the conversion between model values and compact rows, `catalog` the named statements
of queries/.
"""

from __future__ import annotations

from pathways.store.neo4j.store import Neo4jStore

__all__ = ["Neo4jStore"]
