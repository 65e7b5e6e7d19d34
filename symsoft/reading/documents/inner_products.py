"""An inner product of two vectors the text writes by their entries, ``\\langle g, s
\\rangle``: the sum of their entries' products, ``\\sum_r g_r s_r`` (the same length: columns
stay the file's). The summing letter is one the text never writes."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_VECTOR = r"\s*(d?[a-zA-Z])\s*"
_INNER = lazy(rf"\\langle(?![a-zA-Z]){_VECTOR},{_VECTOR}\\rangle(?![a-zA-Z])")


def spell_inner_products(document: Text) -> None:
    """Each ``\\langle u, v \\rangle`` of two letters written elsewhere with an index (``u_i``,
    ``v_j``; a gradient ``dy_i`` too) spelled ``\\sum_r u_r v_r``."""
    whole = "".join(document.chars)
    if "\\langle" not in whole:
        return
    free = next((r for r in "rqvw" if not re.search(rf"(?<![\\A-Za-z]){r}(?![A-Za-z])", whole)), "")
    for found in _INNER.finditer(whole) if free else ():
        first, second = found.group(1), found.group(2)
        if not all(re.search(rf"(?<![\\A-Za-z]){v}\s*_", whole) for v in (first, second)):
            continue  # ⟨x, y⟩ of two vectors never written by entries: not read here
        spelled = f"\\sum_{free} {first}_{free} {second}_{free}"
        if len(spelled) <= len(found.group()):
            document.chars[found.start() : found.end()] = list(spelled.ljust(len(found.group())))


__all__ = ["spell_inner_products"]
