"""A vector defined by listing its entries, each the same formula at its own index:
``P = \\left[\\frac{e^{y_1}}{S}, \\frac{e^{y_2}}{S}, \\frac{e^{y_3}}{S}\\right]`` defines every
entry ``P_k = \\frac{e^{y_k}}{S}``. Read only when the formula of the first entry, with its index
1 made a letter, gives every other entry written at its own index (``[\\frac{e^{y_1}}{e^{y_1} +
e^{y_2}}, …]``, which writes index 2 in the first entry, is not read this way).

>>> listed_entries("P", r"\\left[\\frac{e^{y_1}}{S}, \\frac{e^{y_2}}{S}\\right]")
('P_{k}', '\\\\frac{e^{y_{k}}}{S}')
>>> listed_entries("p", r"[0.2, 0.7, 0.1]") is None
True
>>> listed_entries("s", r"(\\frac{e^{z_1}}{e^{z_1} + e^{z_2}}, \\frac{e^{z_2}}{e^{z_1} + e^{z_2}})")
"""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.examples import list_entries
from symsoft.reading.meaning.prose import defined_name

_LISTED = lazy(r"\s*(?:\\left\s*)?[(\[].*(?:\\right\s*)?[)\]]\s*(?:\^\s*\{?\s*(?:T|\\top)\s*\}?)?")
_SUBSCRIPT = lazy(r"_\s*(?:\{\s*(\d+)\s*\}|(\d))")
_LETTERS = ("k", "m", "r", "q")


def _braced(entry: str) -> str:
    """``entry`` with every numeric subscript braced: ``y_1`` is ``y_{1}``."""
    return _SUBSCRIPT.sub(lambda m: f"_{{{m.group(1) or m.group(2)}}}", entry.strip())


def listed_entries(lhs: str, rhs: str) -> tuple[str, str] | None:
    """``(entry, formula)``: the definition of every entry that ``lhs = rhs`` lists, or None."""
    named = defined_name(lhs)
    if named is None or named[1] is not None or not _LISTED.fullmatch(rhs):
        return None
    entries = [_braced(entry) for entry in list_entries(rhs)]
    if len(entries) < 2 or {m.group(1) for m in _SUBSCRIPT.finditer(entries[0])} != {"1"}:
        return None  # no index, or other indices beside 1: not one formula at its own index
    letter = next(k for k in _LETTERS if not re.search(rf"(?<![\\a-zA-Z]){k}(?![a-zA-Z])", rhs))
    formula = entries[0].replace("_{1}", f"_{{{letter}}}")
    for at, entry in enumerate(entries, 1):
        if re.sub(r"\s+", "", formula.replace(f"_{{{letter}}}", f"_{{{at}}}")) != re.sub(
            r"\s+", "", entry
        ):
            return None
    return f"{named[0]}_{{{letter}}}", formula
