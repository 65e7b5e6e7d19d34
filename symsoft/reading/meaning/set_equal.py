"""Names the math sets equal to a value in a form no definition reads: an entry given at a
concrete index (``a_1 = \\frac{e^{z_1}}{e^{z_1} + e^{z_2}}``), an entry named on the right of a
display's one equation (``\\frac{e^{z_1}}{\\sum_k e^{z_k}} = a_1``), or a column of names beside
a column of values (``\\begin{pmatrix} a_1 \\\\ a_2 \\end{pmatrix} = \\begin{pmatrix} …``).

The text gives such a name its meaning; read as a free variable, a later step that uses it
(``= -a_1 a_2``) would be flagged for what the author never wrote. Their names are returned so
that the steps resting on them are not judged, with the line that sets them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.spans import Text
from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.judge.symbolic import variable_names
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import ENTRY, INLINE_MATH

_COLUMN = lazy(
    r"\s*(?:\\left\s*[(\[]\s*)?\\begin\s*\{\s*([pbvBV]?matrix)\s*\}(?P<body>.*?)"
    r"\\end\s*\{\s*\1\s*\}\s*(?:\\right\s*[)\]]\s*)?",
    re.DOTALL,
)
_ROWS = lazy(r"\\\\|&")
_VARIABLE_IN = lazy(r"[a-zA-Z]")
_DERIVATIVE = lazy(r"\\partial|\\nabla|\\frac\s*\{\s*d|'")  # ∂a_2/∂a_1 = w_5: a step


@dataclass
class SetEqual:
    """A name set equal to values at concrete indices: where first, and each entry's value."""

    where: str
    position: int
    values: dict[int, str] = field(default_factory=dict)  # entry -> the value as written
    steps: list[tuple[int, int]] = field(default_factory=list)  # the steps that set them
    first: dict[tuple[int, int], str] = field(default_factory=dict)  # step -> entry it sets first


def _entry(written: str) -> tuple[str, int] | None:
    """``a_1`` -> ("a", 1), ``\\hat{y}_2`` -> ("yhat", 2): a name at one concrete index."""
    if not ENTRY.fullmatch(written):
        return None
    try:
        value = parse_expression(written, open_names=True)
    except SymsoftError:
        return None
    if isinstance(value, sympy.Indexed) and len(value.indices) == 1 and value.indices[0].is_Integer:
        return str(value.base.label), int(value.indices[0])
    return None


def _column(side: str) -> list[str] | None:
    """The entries of a written column or row, ``\\begin{pmatrix} a_1 \\\\ a_2 \\end{pmatrix}``."""
    found = _COLUMN.fullmatch(side)
    if found is None:
        return None
    entries = [entry for entry in _ROWS.split(found.group("body")) if entry.strip()]
    return entries if len(entries) > 1 else None


def _has_letters(text: str) -> bool:
    return bool(_VARIABLE_IN.search(re.sub(r"\\[a-zA-Z]+", "", text)))


def names_set_equal(text: Text, steps: list[Step], prose: str = "") -> dict[str, SetEqual]:
    """Each name the math sets equal to values at concrete indices: in displays, and in the
    prose's ``$y_1 = \\frac{e^{z_1}}{e^{z_1} + e^{z_2}}$`` (one ``=``, an entry on its left)."""
    found: dict[str, SetEqual] = {}
    inline: dict[str, SetEqual] = {}
    twice: set[str] = set()  # y_1 given two values in sentences (a new heading's sigmoids)
    for match in INLINE_MATH.finditer(prose):
        lhs, *rest = next(g for g in match.groups() if g).split("=")
        named = _entry(lhs.strip()) if len(rest) == 1 and _has_letters(rest[0]) else None
        if named is not None:
            line, _ = text.place(match.start())
            entry = inline.setdefault(named[0], SetEqual(f"line {line}", match.start()))
            if entry.values.setdefault(named[1], rest[0].strip()) != rest[0].strip():
                twice.add(named[0])
    alone = Counter(step.display for step in steps)  # the steps of each display
    for step in steps:
        if step.lhs is None or step.kind not in ("eq", "definition"):
            continue
        lhs = text.slice(step.lhs.start, step.lhs.end)
        rhs = text.slice(step.rhs.start, step.rhs.end)
        pairs: list[tuple[tuple[str, int], str]] = []
        for one, other in ((lhs, rhs), (rhs, lhs)):
            names, values = _column(one), _column(other)
            entries = [_entry(name) for name in names or ()]
            if names and all(entries) and _has_letters(other):
                # a column of names beside a column of values, entry by entry when they pair
                paired = values if values and len(values) == len(names) else [""] * len(names)
                pairs += [(entry, value) for entry, value in zip(entries, paired, strict=True)]  # type: ignore[misc]
        named = _entry(lhs)
        if named and _has_letters(rhs):
            pairs.append((named, rhs))  # a_1 = \frac{e^{z_1}}{…}: an entry written out
        elif alone[step.display] == 1 and not _DERIVATIVE.search(lhs) and (named := _entry(rhs)):
            pairs.append((named, lhs))  # \frac{e^{z_1}}{…} = a_1: named on the right
        line, _ = text.place(step.lhs.start)
        for (name, index), value in pairs:
            entry = found.setdefault(name, SetEqual(f"line {line}", step.lhs.start))
            if not entry.values.get(index):
                entry.values[index] = value  # the first value written (not a vector's name)
                entry.first[(step.lhs.start, step.rhs.start)] = f"{name}_{index}"
            if (step.lhs.start, step.rhs.start) not in entry.steps:
                entry.steps.append((step.lhs.start, step.rhs.start))
    # entries written out in sentences alone: a display that sets them too may give them
    # another meaning (the text's sigmoids under a new heading), so neither is read
    return found | {name: entry for name, entry in inline.items() if name not in {*found, *twice}}


def written_through(entries: SetEqual, names: set[str]) -> bool:
    """Whether a value of the entries writes one of ``names`` (``a_2 = w_4 a_0 + b_2`` with w,
    b the text differentiates by), read from the variables of the parsed value (from its
    letters when it does not parse)."""
    letters = {re.sub(r"[^A-Za-z]", "", name) for name in names} - {""}
    for written in entries.values.values():
        try:
            value = parse_expression(written, open_names=True) if written else None
        except SymsoftError:
            value = None
        if value is not None:
            found = {re.sub(r"[^A-Za-z]", "", n) for n in variable_names(value)}
        else:
            found = set(re.findall(r"(?<![\\A-Za-z])[A-Za-z]+", written))
        if found & letters:
            return True
    return False


def written_out_softmax(values: dict[int, str]) -> tuple[str, int] | None:
    """``(z, n)`` when the values are entries of the softmax of z at size n, each written out
    (``\\frac{e^{z_2}}{e^{z_1} + e^{z_2} + e^{z_3}}``), n the largest index of z; else None."""
    found: set[tuple[str, int]] = set()
    if len(values) < 2:
        return None  # one entry shows no pattern: what a_2 is, the text has not shown
    for index, written in values.items():
        try:
            value = parse_expression(written, open_names=True) if written else None
        except SymsoftError:
            return None
        if value is None:
            return None
        atoms = value.atoms(sympy.Indexed)
        bases = {atom.base for atom in atoms}
        if len(bases) != 1 or not all(atom.indices[0].is_Integer for atom in atoms):
            return None
        base = next(iter(bases))
        size = max(int(atom.indices[0]) for atom in atoms)
        if size < 2 or not 1 <= index <= size:
            return None
        total = sympy.Add(*(sympy.exp(base[k]) for k in range(1, size + 1)))
        if sympy.simplify(value - sympy.exp(base[index]) / total) != 0:
            return None
        found.add((str(base.label), size))
    return found.pop() if len(found) == 1 else None


__all__ = ["SetEqual", "names_set_equal", "written_out_softmax", "written_through"]
