"""A batched matrix step judged at concrete sizes: the matrices of inputs, exponentials and one-hot
labels it is evaluated on, whether it holds there, and the counterexample when it fails.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import sympy

from symsoft.reading.notation.batch_parse import IN_LOGITS, _Node, has_kind

if TYPE_CHECKING:
    from symsoft.reading.notation.batches import Batch, _Size


_INPUTS = ((1, 2), (3, -1), (2, 5))  # [X 1] has full row rank for M ≤ 3 (and X for M ≤ 2)


_EXPS = ((2, 1, 3), (1, 4, 2), (5, 2, 1))  # u_{mk} = e^{z_{mk}} at a counterexample


class _Shapes(Exception):
    pass


def _is_m(value) -> bool:
    return isinstance(value, sympy.MatrixBase)


def _fit(value: sympy.Matrix) -> tuple[int, int]:
    return (value.rows, value.cols)


def _vectors_alike(x, y):
    """A row and a column of one length are one vector (the convention is the document's)."""
    if _is_m(x) and _is_m(y) and 1 in _fit(x) and 1 in _fit(y) and len(x) == len(y):
        return x.reshape(len(x), 1), y.reshape(len(y), 1)
    raise _Shapes("sizes do not match")


def _differences(size: _Size, lhs: _Node, rhs: _Node, transposed: bool) -> list | None:
    """(entry, left, right) of every entry, or None when the shapes do not fit at this size."""
    read = _index_ranges(size.batch, lhs, rhs)
    if read is None:
        return None
    size.logit = has_kind(lhs, IN_LOGITS) or has_kind(rhs, IN_LOGITS)
    size.ranges, free = read
    if free:
        out = []
        letters = sorted(free)
        for values in _combinations([size.count(size.ranges[x]) for x in letters]):
            size.env = dict(zip(letters, values, strict=True))
            try:
                left, right = size.value(lhs, transposed), size.value(rhs, transposed)
            except _Shapes:
                return None
            if _is_m(left) or _is_m(right):
                return None
            name = ", ".join(f"{x} = {v}" for x, v in zip(letters, values, strict=True))
            out.append((name, left, right))
        size.env = {}
        return out
    try:
        left, right = size.value(lhs, transposed), size.value(rhs, transposed)
        if size.logit and not (_is_m(left) or _is_m(right)):
            return [("", left, right)]  # L = -\frac{1}{M}\sum_m …: one number
        if not (_is_m(left) and _is_m(right)):
            return None
        if _fit(left) != _fit(right):
            left, right = _vectors_alike(left, right)
    except _Shapes:
        return None
    out = []
    for i in range(left.rows):
        for j in range(left.cols):
            name = f"({i + 1}, {j + 1})" if left.cols > 1 else f"{i + 1}"
            out.append((name, left[i, j], right[i, j]))
    return out


def _combinations(counts: list[int]) -> list[tuple[int, ...]]:
    out: list[tuple[int, ...]] = [()]
    for count in counts:
        out = [c + (v,) for c in out for v in range(1, count + 1)]
    return out


def _dimensions(batch: Batch, name: str) -> tuple[str, ...]:
    return {
        batch.inputs: ("M", "D"),
        batch.weights: ("D", "K"),
        batch.logits: ("M", "K"),
        batch.probabilities: ("M", "K"),
        batch.targets: ("M", "K"),
        batch.bias: ("K",),
    }.get(name, ())


def _index_ranges(batch: Batch, *sides: _Node) -> tuple[dict[str, str], set[str]] | None:
    """The size each index letter runs to, read from where it indexes (and from a sum's upper
    bound), and the free letters; None when a letter runs to two sizes or is both free and
    summed."""
    ranges: dict[str, set[str]] = {}
    free: set[str] = set()
    summed: set[str] = set()

    def visit(node: _Node, bound: frozenset[str]) -> None:
        if node.kind in ("name", "gradient") and node.indices:
            dims = _dimensions(batch, node.name)
            if len(dims) != len(node.indices):
                raise _Shapes("an entry with the wrong number of indices")
            for letter, dim in zip(node.indices, dims, strict=True):
                ranges.setdefault(letter, set()).add(dim)
                if letter not in bound:
                    free.add(letter)
        if node.kind == "total":
            summed.add(node.name)
            if node.indices:
                ranges.setdefault(node.name, set()).add(node.indices[0])
            visit(node.parts[0], bound | {node.name})
            return
        for part in node.parts:
            visit(part, bound)

    try:
        for side in sides:
            visit(side, frozenset())
    except _Shapes:
        return None
    if free & summed or any(len(dims) != 1 for dims in ranges.values()):
        return None
    if summed - set(ranges):
        return None  # a sum whose range nothing says
    return {letter: dims.pop() for letter, dims in ranges.items()}, free


def _rows_sum_to_one(size: _Size) -> dict:
    return {
        size.y[i, size.k - 1]: 1 - sum(size.y[i, j] for j in range(size.k - 1))
        for i in range(size.m)
    }


def _holds(size: _Size, entries: list, substitution: dict) -> bool:
    """Every entry's difference is 0 as a rational function (its numerator expands to 0)."""
    for _, a, b in entries:
        difference = (a - b).xreplace(substitution)
        if _nonzero_somewhere(size, difference):
            return False
        if difference.has(sympy.log) and (difference := _logs_as_atoms(difference)) is None:
            return False  # a logarithm of something not positive, or of a size not factored
        numerator, _ = sympy.fraction(sympy.together(difference))
        if sympy.expand(numerator) != 0:
            return False
    return True


def _logs_as_atoms(difference: sympy.Expr) -> sympy.Expr | None:
    """The difference with every logarithm split over the factors of its argument (positive
    irreducible polynomials in u, and primes) and each such logarithm a new symbol; None when an
    argument or factor is not known positive.  A rational function of those symbols that cancels
    to 0 is 0 whatever they stand for, so a step that cancels so holds."""
    atoms: dict[sympy.Expr, sympy.Symbol] = {}

    def split(argument: sympy.Expr) -> sympy.Expr | None:
        if argument.is_positive is not True:
            return None
        total = sympy.Integer(0)
        for part, sign in zip(sympy.fraction(sympy.together(argument)), (1, -1), strict=True):
            coefficient, factors = sympy.factor_list(part)
            if not (coefficient.is_Rational and coefficient > 0):
                return None
            for number, power in sympy.factorrat(coefficient).items():  # primes
                total += sign * power * atoms.setdefault(sympy.Integer(number), sympy.Dummy())
            for factor, power in factors:
                if factor.is_positive is not True:
                    return None
                total += sign * power * atoms.setdefault(factor, sympy.Dummy())
        return total

    replaced = {}
    for found in difference.atoms(sympy.log):
        split_log = split(found.args[0])
        if split_log is None:
            return None
        replaced[found] = split_log
    return difference.xreplace(replaced)


def _nonzero_somewhere(size: _Size, difference: sympy.Expr) -> bool:
    """A cheap exact look at one point, before the normal form (a non-zero value settles it)."""
    point = {
        symbol: sympy.Rational(7 + 3 * n, 5 + n)
        for n, symbol in enumerate(sorted(difference.free_symbols, key=str))
    }
    try:
        value = difference.xreplace(point)
        if value.has(sympy.log):  # logarithms of rationals: far from 0 at 30 digits, or unsure
            return bool(abs(value.evalf(50)) > sympy.Float("1e-30"))
        return value != 0
    except (ZeroDivisionError, TypeError):
        return False


def _counterexample(size: _Size, entries: list) -> str | None:
    """An exact point where an entry differs: rational X and u = e^z, one-hot rows of Y."""
    reached = size.m <= size.d + (1 if size.batch.bias else 0)
    if not reached:
        return None
    point = {}
    for i in range(size.m):
        for j in range(size.d):
            point[size.x[i, j]] = sympy.Integer(_INPUTS[i][j])
        for j in range(size.k):
            point[size.u[i, j]] = sympy.Integer(_EXPS[i][j])
    for hot in ([0] * size.m, [size.k - 1] * size.m, [i % size.k for i in range(size.m)]):
        at = dict(point)
        for i in range(size.m):
            for j in range(size.k):
                at[size.y[i, j]] = sympy.Integer(1 if j == hot[i] else 0)
        for name, a, b in entries:
            left, right = sympy.nsimplify(a.xreplace(at)), sympy.nsimplify(b.xreplace(at))
            if left.free_symbols or right.free_symbols:
                return None  # a weight left over: not a point of this reading
            if _differs(left, right):
                rows = "; ".join(
                    "[" + ", ".join(str(_INPUTS[i][j]) for j in range(size.d)) + "]"
                    for i in range(size.m)
                )
                logits = "; ".join(
                    "[" + ", ".join(f"log {_EXPS[i][j]}" for j in range(size.k)) + "]"
                    for i in range(size.m)
                )
                labels = ", ".join(str(h + 1) for h in hot)
                sizes = f"{size.batch.count} = {size.m}, D = {size.d}, K = {size.k}"
                return (
                    f"{f'entry {name} ' if name else ''}at {sizes}: left side "
                    f"{left}, right side {right}; at X = [{rows}], logits Z = [{logits}], "
                    f"classes {labels}"
                )
    return None


def _differs(left: sympy.Expr, right: sympy.Expr) -> bool:
    """Whether two exact real numbers differ; with logarithms, by more than 1e-30 at 50 digits
    (a side that is not a finite real number there, log of a negative, 1/0, is no witness)."""
    if any(side.has(sympy.zoo, sympy.nan, sympy.I, sympy.oo) for side in (left, right)):
        return False
    if left.has(sympy.log) or right.has(sympy.log):
        return bool(abs((left - right).evalf(50)) > sympy.Float("1e-30"))
    return sympy.simplify(left - right) != 0
