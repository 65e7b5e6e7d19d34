"""Worked examples: the values a document gives its variables, and the size they fix.

"Take $K = 3$ and $\\mathbf{z} = (1, 2, 3)$" gives z_1 = 1, z_2 = 2, z_3 = 3 at N = 3; "$o_2 = \\log
3$" one entry; "$T = 2$" a parameter. A step with concrete indices after such values (in the same
section) is judged at them: every name is expanded and differentiated as usual, at that N, and
then the values are put in, so the verdict is exact (``\\frac{e^1}{e^1 + e^2 + e^3}`` is an element
of Q(e)). Only values of free variables are put in; values given to a defined name (``p = (0.7,
0.2, 0.1)`` where p is a softmax) would contradict its definition, and are not used.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import sympy

from symsoft.reading.lazy_regex import lazy

_TRANSPOSE = lazy(r"\s*\^\s*(?:T|\\top|\{\s*(?:T|\\top)\s*\})\s*$")
_OPEN = lazy(r"^\s*(?:\\left\s*)?[(\[]|^\s*\\begin\s*\{[bp]?matrix\}")
_CLOSE = lazy(r"(?:\\right\s*)?[)\]]\s*$")
_ENTRY = lazy(r"\s*([a-zA-Z])\s*_\s*\{?\s*(\d+)\s*\}?\s*")


@dataclass(frozen=True)
class Example:
    """The values given at ``position``: ``values`` maps flattened names (``z_1``, ``T``) to
    exact numbers; ``size`` is the length of a vector given whole, else None."""

    position: int
    name: str
    values: dict[str, sympy.Expr]
    size: int | None


# a column or row of numbers: \begin{bmatrix} 2 \\ 1 \\ 0.1 \end{bmatrix} (review 84a: a worked
# example written so was dropped once the text differentiated by its vector)
NUMBER_COLUMN = (  # (not one of zeros and ones alone: a one-hot target, read as such)
    r"\\begin\s*\{[bp]?matrix\}(?=[^}]*(?:[2-9]|\.\d*[1-9]))(?:[-+\d./\s{}&]|\\\\|\\(?:log|ln|[dt]?frac)(?![a-zA-Z])"
    r"|e\s*\^)+\\end\s*\{[bp]?matrix\}"
)
_MATRIX_EDGES = lazy(r"\\(?:begin|end)\s*\{[bp]?matrix\}")


def list_entries(rhs: str) -> list[str]:
    """``(1, 2, 3)^T`` → ["1", "2", "3"]: the top-level comma-separated parts (or the rows of a
    column of numbers, the entries of a row)."""
    if _MATRIX_EDGES.search(rhs):
        inner = _MATRIX_EDGES.sub("", _TRANSPOSE.sub("", rhs.strip().rstrip(".,").strip()))
        return [part.strip() for part in re.split(r"\\\\|&", inner)]
    inner = _TRANSPOSE.sub("", rhs.strip().rstrip(".,").strip())
    inner = _CLOSE.sub("", _OPEN.sub("", inner, count=1), count=1)
    parts, depth, current = [], 0, []
    for char in inner:
        depth += char in "({["
        depth -= char in ")}]"
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts]


def read_example(
    position: int, name: str, lhs: str, rhs: str, parse: Callable[[str], sympy.Expr]
) -> Example | None:
    """The values written in ``lhs = rhs`` as an :class:`Example`, or None when one of them is
    not a number that ``parse`` (the document's own grammar) reads exactly."""
    entry = _ENTRY.fullmatch(lhs)
    written = [rhs.strip().rstrip(".,")] if entry or not _OPEN.match(rhs) else list_entries(rhs)
    values = []
    for part in written:
        try:
            value = parse(part)
        except Exception:  # noqa: BLE001 - any reading problem: the example is not used
            return None
        if not isinstance(value, sympy.Expr) or value.free_symbols or not value.is_real:
            return None
        values.append(sympy.nsimplify(value, rational=True) if value.is_Float else value)
    if entry:
        return Example(position, name, {f"{name}_{entry.group(2)}": values[0]}, None)
    if len(values) == 1:
        return Example(position, name, {name: values[0]}, None)
    return Example(position, name, {f"{name}_{k}": v for k, v in enumerate(values, 1)}, len(values))


class Values(dict):
    """An example's values by flattened name, and ``remarks``: the parameters given in a remark
    ("for $T = 1$ it is the ordinary softmax"), at which a step must hold and also for every
    value."""

    remarks: frozenset[str] = frozenset()


def combined(examples: Iterable[Example]) -> tuple[dict[str, sympy.Expr], int | None] | None:
    """All the values of ``examples`` together and the size they fix, or None when two of them
    disagree (a value given twice differently, vectors of two lengths)."""
    values: dict[str, sympy.Expr] = {}
    sizes = set()
    for example in examples:
        for key, value in example.values.items():
            if key in values and values[key] != value:
                return None
            values[key] = value
        if example.size is not None:
            sizes.add(example.size)
    if len(sizes) > 1:
        return None
    return values, (sizes.pop() if sizes else None)


def shown(examples: Iterable[Example]) -> str:
    """``z = (1, 2, 3), T = 2`` as the document gave them."""
    parts = []
    for example in examples:
        if example.size is not None:
            parts.append(f"{example.name} = ({', '.join(map(str, example.values.values()))})")
        else:
            parts += [f"{key} = {value}" for key, value in example.values.items()]
    return ", ".join(parts)
