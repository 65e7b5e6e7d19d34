"""The verdict on a data-matrix step: the roles of its free indices, its entries at every size, and
a concrete counterexample (a full-rank data matrix, binary labels, scores) when it fails.
"""

from __future__ import annotations

import functools
import itertools
from typing import TYPE_CHECKING, Any

import sympy

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.data_parse import Term, _NotRead, mentions, parse
from symsoft.reading.notation.data_values import Size
from symsoft.reading.notation.data_words import label_case_before

if TYPE_CHECKING:
    from symsoft.reading.notation.data_model import DataModel

_ROWS = ((1, 2, 0), (3, -1, 1), (2, 5, -2))  # every m × d block used has full row rank
_ONES_ROWS = ((1, 2), (1, -1), (1, 5), (1, 3))  # θ_0 + θ_1 x: a column of ones, then the feature
INTERCEPT_SIZES = ((2, 2), (3, 2), (4, 2))
"""The sizes of a model of one feature and an intercept.  At m = 3 two parameters do not reach
every vector of scores: an identity in free scores still holds on the model, and a
counterexample is sought at a point of the model itself, θ = (0, log 2) (scores x_i log 2)."""
_EXPS = (sympy.Integer(2), sympy.Rational(1, 3), sympy.Integer(5))  # e^{a_i} at a counterexample
_SCORES = (sympy.Rational(1, 2), sympy.Integer(-2), sympy.Integer(3))  # a_i without exponentials
_LABELS = ((0, 1, 1, 0), (1, 0, 0, 1), (1, 1, 0, 0), (0, 0, 1, 1))


def roles(term: Term, model: DataModel, out: dict[str, str], bound: set[str]) -> None:
    """The role ("sample" or "feature") of every index letter the side uses."""

    def give(letter: str, role: str) -> None:
        if not letter.isalpha() or letter in "θβ":
            raise _NotRead
        if out.setdefault(letter, role) != role:
            raise _NotRead  # one letter in two roles

    if term.kind == "sum":
        bound.add(term.name)
    if term.kind == "diff" and term.sub and not term.sub.isdigit():  # ∂/∂w_1: a number
        give(term.sub, "feature")
    if term.kind == "name":
        if term.tag:
            give(term.tag, "sample")
            for letter in term.sub:
                if not letter.isdigit():  # x_1^{(i)}: feature 1, a number
                    give(letter, "feature")
        elif term.name == "X" or (term.name == "x" and len(term.sub) == 2):
            if len(term.sub) == 2:  # X_{ij}; X_{ji} where X has one column per sample
                columns = term.name == "X" and model.columns
                give(term.sub[0], "feature" if columns else "sample")
                give(term.sub[1], "sample" if columns else "feature")
        elif term.name == "x" and out.get(term.sub) == "feature" and not model.sample_subscripts:
            pass  # x_j by θ_j beside h(x): feature j of the one sample x
        elif term.name == "x" and term.sub.isdigit() and not model.sample_subscripts:
            pass  # x_1: feature 1 of the one sample x
        elif term.sub in ("θ", "β", "w", "wb"):
            pass  # h_θ alone, under a derivative: the hypothesis (its parameters, no index)
        elif term.sub and term.name not in "θβw":
            for letter in term.sub:
                give(letter, "sample")
    for part in term.parts:
        roles(part, model, out, bound)


def _has_loss(term: Term, model: DataModel, position: int) -> bool:
    """Whether the side has the loss J or L of all samples (or its derivative): not a letter
    the text defines otherwise (``\\mathcal{L}(a, y)`` of one example beside ``J``, the mean)."""
    if term.kind == "name" and term.name in "JL" and not term.tag and not term.sub:
        found = model.in_force(term.name, position)
        return (
            found is None
            and not model.defined_elsewhere(term.name)
            or (found is not None and found.kind == "loss")
        )
    return any(_has_loss(part, model, position) for part in term.parts)


def verdict(
    model: DataModel,
    lhs: Term,
    rhs: Term,
    position: int,
    sizes: tuple[tuple[int, int], ...],
    one: bool = False,
) -> tuple[str, str] | None:
    found: dict[str, str] = {}
    bound: set[str] = set()
    for side in (lhs, rhs):
        roles(side, model, found, bound)
    free = sorted(letter for letter in found if letter not in bound)
    if model.generic(lhs, position) or model.generic(rhs, position):
        found["@x"] = "sample"  # one sample x, its label y: judged at every sample
        free.append("@x")
    if (
        not one
        and any(found[x] == "sample" for x in free)
        and any(_has_loss(side, model, position) for side in (lhs, rhs))
    ):
        return _one_sample(model, lhs, rhs, position)
    held, failure = [], None
    # every size is read before any is judged: a product read only where m = d (X times a
    # vector of the samples) is a coincidence of shapes, a slip only in a text that says X has
    # one row per sample; in another, X may have one column per sample and the step may hold
    read, unread = [], []
    if (count := model.count_value(position)) is not None:
        sizes = tuple((m, d) for m, d in sizes if m == count)
    for m, d in sizes:
        size = Size(model, m, d, position)
        size.roles = found
        try:
            read.append((size, _entries(size, lhs, rhs, free)))
        except _NotRead:
            unread.append((m, d))
    if unread and not model.rows:
        judged = verdict(model, lhs, rhs, position, tuple((s.m, s.d) for s, _ in read), one)
        if judged is not None and judged[0] == "fails":
            return "not checked", (
                "not checked: ambiguous: read only where m = d, with X of one row per sample, "
                f"it {judged[1]}; the text does not say whether X has one row or one column "
                "per sample"
            )
        return None
    for size, entries in read:
        held.append((size.m, size.d))
        for name, left, right in entries:
            if _zero(left - right, size):
                continue
            failure = failure or _counterexample(size, name, left, right)
            if failure is None:
                return "not checked", "not checked: undecided (no exact counterexample found)"
        if failure:
            return "fails", f"fails: {failure}"
    if not held or unread:
        return None  # not read at some size, or the text gives m a number no size has
    return "holds", (
        "holds at sizes (m, d) = "
        + ", ".join(f"({m}, {d})" for m, d in held)
        + " (m samples, d features), entry by entry: "
        + (
            f"the text gives the sample count the value {count} here"
            if count is not None
            else "the entries have one form at every size"
        )
    )


def _entries(size: Size, lhs: Term, rhs: Term, free: list[str]) -> list:
    ranges = [size.m if size.roles[x] == "sample" else size.d for x in free]
    out = []
    for values in itertools.product(*(range(1, n + 1) for n in ranges)):
        size.env = dict(zip(free, values, strict=True))
        left, right = size.value(lhs), size.value(rhs)
        where = ", ".join(
            f"{'sample' if x == '@x' else x} = {v}" for x, v in zip(free, values, strict=True)
        )
        left_matrix, right_matrix = (
            isinstance(left, sympy.MatrixBase),
            isinstance(right, sympy.MatrixBase),
        )
        if left_matrix != right_matrix:
            raise _NotRead
        if not left_matrix:
            out.append((where or "the value", left, right))
            continue
        if left.shape != right.shape:
            if 1 in left.shape and 1 in right.shape and len(left) == len(right):
                left, right = left.reshape(len(left), 1), right.reshape(len(right), 1)
            else:
                raise _NotRead
        for i, j in itertools.product(range(left.rows), range(left.cols)):
            entry = f"({i + 1}, {j + 1})" if left.cols > 1 else f"{i + 1}"
            out.append(
                (f"entry {entry}" + (f" at {where}" if where else ""), left[i, j], right[i, j])
            )
    size.env = {}
    return out


def _zero(value: sympy.Expr, size: Size) -> bool:
    """Whether the difference is 0 for all scores: a score outside e^{…} is log u."""
    scores = {a: sympy.log(u) for a, u in zip(size.a, size.u, strict=True)}
    if value.free_symbols & {*size.u, size.v}:
        value = value.xreplace({**scores, size.b: sympy.log(size.v)})
    # logarithms are split and combined only where every argument is positive (probabilities,
    # 1 + u, u): there log(ab) = log a + log b is an equivalence, and simplify's 0 is a proof; a
    # logarithm of the data or the labels (log x, log y: of any sign) is left as written
    positive = _positive_logs(value)
    value = sympy.expand_log(value, force=positive)
    if sympy.cancel(sympy.together(value)) == 0:
        return True
    if not value.has(sympy.log) or not (positive and _positive_logs(value)):
        return False
    return sympy.simplify(sympy.logcombine(value, force=True)) == 0


def _positive_logs(value: sympy.Expr) -> bool:
    return all(log.args[0].is_positive for log in value.atoms(sympy.log))


def same(left: Any, right: Any, size: Size) -> bool:
    """Whether two values (numbers or vectors of one shape) are equal for all scores."""
    if isinstance(left, sympy.MatrixBase) or isinstance(right, sympy.MatrixBase):
        if not (isinstance(left, sympy.MatrixBase) and isinstance(right, sympy.MatrixBase)):
            return False
        if left.shape != right.shape:
            return False
        return all(_zero(a - b, size) for a, b in zip(left, right, strict=True))
    return _zero(left - right, size)


def _point(size: Size, exponential: bool) -> dict:
    point: dict[Any, Any] = {}
    rows = _rows(size)
    for i in range(size.m):
        for j in range(size.d):
            if isinstance(size.x[i, j], sympy.Symbol):
                point[size.x[i, j]] = sympy.Integer(rows[i][j])
        if size.model.intercept:  # θ = (0, log 2): the score of sample i is x_i log 2
            point[size.u[i]] = sympy.Integer(2) ** rows[i][1]
            point[size.a[i]] = rows[i][1] * sympy.log(2)
            continue
        point[size.u[i]] = _EXPS[i]
        point[size.a[i]] = sympy.log(_EXPS[i]) if exponential else _SCORES[i]
    point[size.v] = sympy.Integer(2)
    point[size.b] = sympy.log(2) if exponential else sympy.Integer(1)
    return point


def _counterexample(size: Size, name: str, left: sympy.Expr, right: sympy.Expr) -> str | None:
    symbols = (left - right).free_symbols
    exponential = bool(symbols & {*size.u, size.v})
    point = _point(size, exponential)
    for labels in _LABELS:
        for i in range(size.m):
            point[size.y[i, 0]] = sympy.Integer(labels[i])
        at_left, at_right = left.xreplace(point), right.xreplace(point)
        gap = sympy.N(at_left - at_right, 40)
        if gap.free_symbols or not gap.is_real or abs(gap) < sympy.Rational(1, 10**20):
            continue
        return (
            f"{name} at m = {size.m}, d = {size.d}: left side {_shown(at_left)}, right side "
            f"{_shown(at_right)} at {_described(size, labels, exponential)}"
        )
    return None


def _rows(size: Size) -> tuple[tuple[int, ...], ...]:
    return _ONES_ROWS if size.model.intercept else _ROWS


def _shown(value: sympy.Expr) -> str:
    value = sympy.nsimplify(value) if value.is_Rational else sympy.simplify(value)
    return str(value) if len(str(value)) <= 40 else str(sympy.N(value, 6))


def _described(size: Size, labels: tuple[int, ...], exponential: bool) -> str:
    columns = size.model.columns  # X as the text writes it: one column per sample
    shape = (size.d, size.m) if columns else (size.m, size.d)
    values = _rows(size)
    rows = "; ".join(
        ", ".join(str(values[j][i] if columns else values[i][j]) for j in range(shape[1]))
        for i in range(shape[0])
    )
    labels_shown = ", ".join(str(labels[i]) for i in range(size.m))
    parameter = size.parameter or "θ"
    if size.model.intercept:
        return f"X = [{rows}], y = ({labels_shown}), {parameter} = (0, log 2)"
    product = f"{parameter}^T X" if columns else f"X{parameter}"
    if exponential:
        scores = f"e^{{{product}}} = (" + ", ".join(str(_EXPS[i]) for i in range(size.m)) + ")"
    else:
        scores = f"{product} = (" + ", ".join(str(_SCORES[i]) for i in range(size.m)) + ")"
    bias = ", b = log 2" if size.bias and exponential else (", b = 1" if size.bias else "")
    return f"X = [{rows}], y = ({labels_shown}), {scores}{bias}"


@functools.lru_cache(maxsize=256)
def judged_step(
    model: DataModel, lhs: str, rhs: str, position: int, sizes: tuple[tuple[int, int], ...]
) -> tuple[str, str] | None:
    """(status, summary) of the step ``lhs = rhs`` (normalized) at ``position``, or None."""
    sides = parse(lhs), parse(rhs)
    if sides[0] is None or sides[1] is None:
        return None
    both = f"{lhs} {rhs}"
    if model.labels_named and _BARE_Y.search(both) and _BARE_LOWER_Y.search(both):
        return None  # X^T (Y - y): Y and y are two things here, one of them the labels
    if Term("number", name="0") in sides:
        return None  # ∂J/∂θ_0 = 0, θ_0 + θ_1 x = 0: a condition (a minimum, a boundary)
    if any(model.has_bare_call(side, position) for side in sides) and any(
        _indexed(side) for side in sides
    ):
        return None  # ∂h_θ/∂θ_1 beside x^{(i)} or in a sum: h_θ may be h_θ(x^{(i)})
    try:
        found = verdict(model, sides[0], sides[1], position, sizes)
    except (_NotRead, RecursionError, ArithmeticError, TypeError, ValueError, KeyError):
        return None
    labels = [mentions(side, "y") or mentions(side, "Y") for side in sides]
    if found is not None and found[0] == "fails" and all(map(_aggregate, sides)) and any(labels):
        if not all(labels):
            # X^T σ = X^T y, Σ_i h(x^{(i)}) = Σ_i y^{(i)}: predictions on one side, labels on
            # the other, no derivative, no loss: the condition an estimate solves
            return "not checked", (
                f"not checked: ambiguous: {found[1]}; both sides gather the samples, the labels "
                "on one side only, with no derivative or loss: an equation an estimate solves?"
            )
    if found is not None and found[0] != "holds" and label_case_before(model.document, position):
        # "## Case $y^{(i)} = 1$": a step that fails for some labels may hold in that case
        return "not checked", (
            f"not checked: ambiguous: {found[1]}; the text takes one label's case before this "
            "step (y = 1 or y = 0), where it may hold"
        )
    return found


def _aggregate(term: Term) -> bool:
    """Whether a side gathers the samples (a sum, X, a vector of them) with no derivative and
    no loss in it."""

    def walk(node: Term) -> tuple[bool, bool]:  # (gathers, has a derivative or a loss)
        if node.kind == "diff" or (node.kind == "name" and node.name in "JLℓℭ"):
            return False, True
        gathers = node.kind == "sum" or (node.kind == "name" and node.name == "X")
        for part in node.parts:
            more, stop = walk(part)
            if stop:
                return False, True
            gathers = gathers or more
        return gathers, False

    gathers, stop = walk(term)
    return gathers and not stop


def _indexed(term: Term) -> bool:
    """Whether a side writes a sample's index or a sum (x^{(i)}, y_i, \\sum_i)."""
    if term.kind == "sum" or (term.kind == "name" and term.tag):
        return True
    if term.kind == "name" and term.sub.isalpha() and term.sub not in ("θ", "β", "w", "wb"):
        return True
    return any(_indexed(part) for part in term.parts)


_BARE_Y = lazy(r"(?<![\\A-Za-z])Y(?![A-Za-z_^])")
_BARE_LOWER_Y = lazy(r"(?<![\\A-Za-z])y(?![A-Za-z_^])")


__all__ = ["INTERCEPT_SIZES", "judged_step", "roles", "same", "verdict"]


def _one_sample(model: DataModel, lhs: Term, rhs: Term, position: int) -> tuple[str, str]:
    """The verdict on a step that writes the loss of all samples beside one sample's x and y,
    where the words before it say it is about one example ("for one training example $(x,
    y)$: ∂ℓ/∂θ_j = (y - h(x)) x_j"): judged with one sample (m = 1), where the loss of all
    samples is that example's; anywhere else, or not read at m = 1, ambiguous."""
    ambiguous = (
        "not checked",
        "not checked: ambiguous: the loss over all samples beside a free sample index; "
        "a single sample's loss may be meant",
    )
    if not model.one_example_at(position):
        return ambiguous
    sizes = ((1, 2),) if model.intercept else ((1, 2), (1, 3))
    try:
        judged = verdict(model, lhs, rhs, position, sizes, one=True)
    except (_NotRead, RecursionError, ArithmeticError, TypeError, ValueError, KeyError):
        return ambiguous
    if judged is not None and judged[0] == "fails":
        return "fails", f"{judged[1]} (one sample, the example the text says it takes)"
    if judged is not None and judged[0] == "holds":
        widths = ", ".join(str(d) for _, d in sizes)
        return (
            "holds",
            f"holds for one sample (m = 1), the example the text says it takes, at d = {widths}",
        )
    return ambiguous
