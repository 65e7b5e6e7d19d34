"""A step without derivatives that writes dot products ``w^\\top x``, ``w^T x_i``, ``\\beta^\\top
x`` it cannot read (the letters never said to be vectors, or written beside other names): read
again with each dot product as one number (``y_i w^\\top x_i`` as ``y_i t_i``; ``x^\\top w`` is
the same number as ``w^\\top x``).

A step that holds for every value of those numbers holds for the author's vectors, whatever
they are.  A step that fails so may still hold for them (x defined from w, ``x = 2w``, makes
``w^\\top x`` a number that is never negative), so only "holds" is taken from this reading;
anything else keeps the reason the step was not read.  The letters of
a dot product must appear in the step only inside dot products (a vector left outside, as the
x_i of ``(1 - \\sigma(w^\\top x_i)) x_i``, would be read as a number where it is an entry),
and with ``^T`` the text must write no other T (a temperature: ``w^T`` may be a power).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from symsoft.reading.judge.calculus_rules import calculus_rule
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.matrix_words import said_matrices, written_letter

if TYPE_CHECKING:
    from symsoft.reading.documents.chains import Step
    from symsoft.reading.judge.outcome import StepResult

_NAME = (  # lower case: W^\top x is a vector (W a matrix), and W^\top x = x^\top W is false
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([a-z])\s*\}|\\(theta|beta)(?![a-zA-Z])"
    r"|([a-z]))"
)
_INDEX = r"(?:\s*+_\s*+(?:\{\s*+([a-z])\s*+\}|([a-z])(?![a-zA-Z])))?"
_T = r"\s*+\^\s*+(?:\{\s*+(T|\\top|\\intercal)\s*+\}|(T|\\top|\\intercal)(?![a-zA-Z]))\s*+"
# w^\top x_i, \theta^T x, x_i^T w: a transposed letter (one index at most) times a letter
_DOT = lazy(_NAME + _INDEX + _T + _NAME + _INDEX + r"(?![a-zA-Z_^'(\[{])")
# X\theta^T, x w_k^T where a number stands (an exponent, σ's or exp's argument): rows, so a
# dot product (elsewhere y x^T is a number times a row, p p^T an outer product)
_ROW_DOT = lazy(
    r"(?<=[{(+\-\s])(?:([A-Za-z])|\\(theta|beta)(?![a-zA-Z]))"
    + _INDEX
    + r"\s*+(?:\\cdot\s*+)?"
    + _NAME
    + _INDEX.replace("[a-z]", "[a-z0-9]")
    + _T
    + r"(?=[})+-])"
)
# \cdotw, \tilde w, \hat{w}: not a letter of its own (a product sign before it is no command)
_COMMAND_BEFORE = lazy(r"\\(?!(?:cdot|times|quad|qquad|left|,|;)\s*+$)[a-zA-Z,;]*+\s*+\{?\s*+$")
_DERIVATIVE = lazy(r"\\partial|\\nabla|\\frac\s*\{\s*d|\\mathrm\s*\{\s*d\s*\}|'|\\prime|\\delta")
_SPARE = "tuvqrsgh"
_SUM_TO_T = lazy(r"\\(?:sum|prod)\s*+_\s*+(?:\{[^{}$]*+\}|\w)\s*+\^\s*+\{?\s*+T(?![a-zA-Z])")
# a variable with an index, then the bracket the dot product fills: y_i (w^\top x_i)
_AFTER_A_VARIABLE = lazy(r"(?<![\\a-zA-Z])([a-z])\s*_\s*(?:\{\s*[a-z0-9]\s*\}|[a-z0-9])\s*\(\s*$")
_CLOSE = lazy(r"\s*\)")


Factor = tuple[str, bool, str]  # a letter, bold or not, its index ("" without one)


def dot_products(
    sides: list[str], everything: str
) -> list[tuple[int, int, int, tuple[Factor, Factor], str]]:
    """The dot products of ``sides`` as (side, start, end, the pair of factors, its index):
    empty when a product is not one to read as a number (two indices, a command before it, ``^T``
    in a text that writes another T, a letter the text calls a matrix).  ``w_i^\\top x`` and
    ``w^\\top x_i``, or bold and plain letters, are different pairs; ``w_k^\\top x`` and
    ``w_i^\\top x`` the same pair at two indices."""
    found, rows, columns = [], set(), set()
    plain_t = bool(re.search(r"(?<![\\a-zA-Z])T(?![a-zA-Z])", re.sub(_T, " ", everything)))
    other_t = plain_t or bool(_SUM_TO_T.search(everything))  # \sum_{t=1}^{T}: T a count
    for number, side in enumerate(sides):
        for dot in _DOT.finditer(side):
            if _COMMAND_BEFORE.search(side, 0, dot.start()):
                return []  # \cdotw^T x: not a letter
            groups = dot.groups()
            first = next(g for g in groups[0:3] if g)
            second = next(g for g in groups[7:10] if g)
            indices = {g for g in groups[3:5] + groups[10:12] if g}
            if _refused(
                first, second, indices, (groups[5] or groups[6]) == "T" and other_t, everything
            ):
                return []
            factors = (
                (first, bool(groups[0]), "_" if groups[3] or groups[4] else ""),
                (second, bool(groups[7]), "_" if groups[10] or groups[11] else ""),
            )
            pair = (min(factors), max(factors))  # x^T w is w^T x
            found.append((number, dot.start(), dot.end(), pair, indices.pop() if indices else ""))
            columns.add(pair)
        for dot in _ROW_DOT.finditer(side):
            if not _in_a_number(side, dot.start()):
                continue
            if (row := _row_dot(dot, everything, plain_t)) is None or _COLUMNS.search(everything):
                return []  # "x and θ are column vectors": x θ^T is no number
            found.append((number, dot.start(), dot.end(), *row))
            rows.add(row[0])
    if rows & columns:
        return []  # w^T x beside x w^T: one of them is a matrix, whatever the orientation
    return found


_COLUMNS = lazy(r"(?i)\bcolumns?[- ]vectors?\b|\bcolumns?\b")
_NUMBER_OPENER = lazy(r"(?:e\s*\^\s*\{|\\(?:exp|sigma)\s*(?:\\left\s*)?\()\s*$")


def _in_a_number(side: str, start: int) -> bool:
    """Whether ``side[start:]`` begins a term of an exponent ``e^{…}`` or of the argument of exp
    or σ: a place where only a number stands."""
    if not re.search(r"[{(+\-\u2212]\s*$", side[:start]):
        return False  # y x^T: a number times a row
    depth = 0
    for pos in range(start - 1, -1, -1):
        if side[pos] in "})":
            depth += 1
        elif side[pos] in "{(" and depth:
            depth -= 1
        elif side[pos] in "{(":
            return bool(_NUMBER_OPENER.search(side, 0, pos + 1))
    return False


def _refused(first: str, second: str, indices: set[str], powered: bool, everything: str) -> bool:
    """Whether a product of ``first`` and ``second`` is no number to read: two indices (u_w^T
    v_c), a norm (x^T x), e^T, ``^T`` beside a temperature T (``powered``: a power?), a letter
    the text calls a matrix ("q and k are n × d matrices")."""
    return (
        len(indices) > 1
        or first == second
        or "e" in (first, second)
        or powered
        or bool({first, second} & said_matrices(everything))
    )


def _row_dot(
    dot: re.Match[str], everything: str, plain_t: bool
) -> tuple[tuple[Factor, Factor], str] | None:
    """The pair of factors of a row product ``X\\theta_1^T`` and its index, or None when it is
    not one to read as a number (as for ``w^T x``; ``plain_t``: the text writes another T)."""
    groups = dot.groups()
    first, second = groups[0] or groups[1], next(g for g in groups[4:7] if g)
    indices = {g for g in groups[2:4] + groups[7:9] if g}
    if _refused(first, second, indices, (groups[9] or groups[10]) == "T" and plain_t, everything):
        return None
    factors = (
        (first, False, "_" if groups[2] or groups[3] else ""),
        (second, bool(groups[4]), "_" if groups[7] or groups[8] else ""),
    )
    return (min(factors), max(factors)), indices.pop() if indices else ""


def _only_before_dots(text: str, letter: str) -> bool:
    """Whether every ``y_i(`` the text writes opens a bracket that holds one dot product: y a
    variable times it, never a function applied to another argument (``y_i(2 w^\\top x_i)``)."""
    for call in re.finditer(rf"(?<![\\a-zA-Z]){letter}\s*_\s*(?:\{{\s*\w\s*\}}|\w)\s*\(\s*", text):
        dot = _DOT.match(text, call.end())
        if dot is None or not _CLOSE.match(text, dot.end()):
            return False
    return True


class _DotNumbers:
    """Part of :class:`~symsoft.reading.judge.judging._Judging`."""

    def _write_numbers(self, sides, spans, dots, named, everything) -> None:  # noqa: ANN001
        """Write each dot product of the sides as its number's letter, in place (same length)."""
        variables = self.meanings.leaves - set(self.meanings.functions)
        for number, start, end, pair, index in reversed(dots):
            side = sides[number]
            grouped = _AFTER_A_VARIABLE.search(side, 0, start)
            if (
                grouped
                and grouped.group(1) in variables
                and _CLOSE.match(side, end)
                and _only_before_dots(everything, grouped.group(1))
            ):
                # y_i (w^\top x_i): y_i times the number, not a function y_i (the labels)
                start, end = side.rindex("(", 0, start), _CLOSE.match(side, end).end()  # type: ignore[union-attr]
            at = spans[number].start + start
            before = self.text.chars[at - 1] if at else " "
            written = (
                (" " if before.isalpha() else "") + named[pair] + (f"_{index}" if index else "")
            )
            self.text.chars[at : at + end - start] = list(written.ljust(end - start))

    def _read_another_way(self, step: Step, base: StepResult, counted: int) -> StepResult | None:
        """A step not read as written, judged with its dot products as numbers, or as a rule of
        calculus on functions it names by one letter (:mod:`.calculus_rules`); None if neither."""
        dots = self._with_dots_as_numbers(step, base, counted)
        return dots or calculus_rule(self.meanings, base, self.text.original)

    def _with_dots_as_numbers(
        self, step: Step, base: StepResult, counted: int
    ) -> StepResult | None:
        """``step`` judged with each dot product a number of its own: the verdict when it holds
        for every value, else None (see the module's notes)."""
        if step.lhs is None:
            return None
        spans = (step.lhs, step.rhs)
        sides = [self.text.slice(s.start, s.end) for s in spans]
        if _DERIVATIVE.search(" ".join(sides)):
            return None
        everything = self._source  # (cached now, before the text is changed below)
        dots = dot_products(sides, everything)
        if not dots:
            return None
        taken = set(re.findall(r"(?<![\\a-zA-Z])([a-zA-Z])(?![a-zA-Z])", " ".join(self._math)))
        taken |= set(self.meanings.table) | set(self.meanings.leaves)
        spare = [letter for letter in _SPARE if letter not in taken]
        pairs = sorted({pair for *_, pair, _ in dots})
        if len(pairs) > len(spare):
            return None
        named = dict(zip(pairs, spare, strict=False))
        chars = list(self.text.chars)
        self._math, self._indexed_letters, self._by  # noqa: B018 (cached before the change)
        try:
            self._write_numbers(sides, spans, dots, named, everything)
            rest = " ".join(self.text.slice(s.start, s.end) for s in spans)
            letters = {factor[0] for pair in pairs for factor in pair}
            if any(
                re.search(rf"(?<![a-zA-Z]){written_letter(letter)}(?![a-zA-Z])", rest)
                for letter in letters
            ):
                return None  # a letter of a dot product also outside one: a vector left over
            result = self._before_definitions(step, base, counted)
        except Exception:  # noqa: BLE001 (not read so, whatever the reason: the step keeps its own)
            return None
        finally:
            self.text.chars[:] = chars
        if result.status != "holds" or result.summary != "holds":
            return None
        shown = ", ".join(
            sorted({re.sub(r"\s+", " ", sides[n][s:e].strip()) for n, s, e, *_ in dots})
        )
        return replace(
            result,
            lhs=base.lhs,
            rhs=base.rhs,
            summary=f"holds for every value of {shown}, each read as one number",
        )


__all__ = ["dot_products"]
