"""A definition read from a later side of its chain.

``\\hat{\\pi}_k = \\sigma(\\mathbf{z})_k = \\frac{e^{z_k}}{\\sum_j e^{z_j}}`` and ``P(T|X) =
\\prod_n P(t_n|x_n) = \\prod_n y_n^{t_n} (1 - y_n)^{1 - t_n}``: when the side right of the name
does not read (or writes a conditional probability not read), the first later side that reads is
the value.  The link from the side not read to it is not checked, so the meaning is marked
(``Meaning.past``): a flag that rests on it is ambiguous (review 68: a typo in that side would
otherwise be blamed on the next, correct, step); past a conditional probability, "holds" too
(review 68b: a step that agrees with a typo there would hold), unless the text defines that
probability without an index and the side is its product over the samples (the link checked).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import sympy

from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.conditionals import is_conditional_name, unread_conditional
from symsoft.reading.documents.spans import Span
from symsoft.reading.meaning.table import PAST, PAST_PROBABILITY, Meaning


def through_chain(
    lhs: str,
    rhs: str,
    meaning: Meaning | str,
    later: list[str],
    define: Callable[[str], Meaning | str],
    table: dict[str, Meaning],
) -> tuple[Meaning | str, str]:
    """The meaning of ``lhs`` and the side it is read from: ``meaning`` (read from ``rhs``)
    unless that does not read, else the first of the ``later`` sides that reads. ``table``:
    the meanings read so far (a conditional probability defined without an index, ``P(t|x) =
    y^t (1 - y)^{1 - t}``, among them)."""
    generic = [m.value for n, m in table.items() if is_conditional_name(n) and m.index is None]
    unread = unread_conditional(rhs)
    probability = isinstance(meaning, Meaning) and bool(unread)
    if probability:
        meaning = unread  # P(T|X) = \prod_n P(t_n|x_n) = …: the next side
    if isinstance(meaning, Meaning):
        return meaning, rhs
    for value in later:
        found = define(value)
        if isinstance(found, Meaning) and not unread_conditional(value):
            if probability and _instance(found.value, generic):
                return found, value  # \prod_n of P(t|x) at each n: the link is checked
            past = f"{' '.join(lhs.split())} = {' '.join(value.split())}"
            return replace(found, past=past + (PAST_PROBABILITY if probability else PAST)), value
    return meaning, rhs


def _instance(value: sympy.Expr, generic: list[sympy.Expr]) -> bool:
    r"""Whether ``value`` is ``\prod_n g`` for a ``g`` of ``generic`` with each of its names
    written with the product's index (``y^t`` as ``y_n^{t_n}``)."""
    if not isinstance(value, sympy.Product) or len(value.limits) != 1:
        return False
    index = value.limits[0][0]
    for written in generic:
        names = [s for s in written.free_symbols if isinstance(s, sympy.Symbol)]
        at = written.xreplace({s: sympy.IndexedBase(s.name)[index] for s in names})
        if names and sympy.expand(at - value.function) == 0:
            return True
    return False


def continuations(steps: list[Step]) -> dict[int, list[Span]]:
    r"""For each first step of a chain (``\hat{\pi}_k = \sigma(\mathbf{z})_k = \frac{…}{…}``),
    by the start of its left side: the later right sides of the same chain, in order."""
    out: dict[int, list[Span]] = {}
    for number, step in enumerate(steps):
        if step.lhs is None or not (step.definition_candidate or step.kind == "definition"):
            continue
        right = step.rhs
        for later in steps[number + 1 :]:
            if later.display != step.display or later.lhs != right or later.kind != "eq":
                break
            out.setdefault(step.lhs.start, []).append(later.rhs)
            right = later.rhs
    return out
