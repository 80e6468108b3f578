"""Writers: a credential (or recorded decisions) as an ELM, OB3 or CTDL document."""

from __future__ import annotations

from pathways.interop.reading import DocumentFormat
from pathways.interop.writers import ctdl, elm, ob3
from pathways.interop.writers.common import Facts

__all__ = ["Facts", "write_document"]


def write_document(fmt: DocumentFormat, facts: Facts) -> dict[str, object]:
    """The credential in `facts` as a JSON-LD document of `fmt`."""
    if fmt is DocumentFormat.ELM:
        return elm.write(facts)
    if fmt is DocumentFormat.OB3:
        return ob3.write(facts)
    return ctdl.write(facts)
