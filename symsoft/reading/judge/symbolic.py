"""Operations on read expressions: the name of an indexed symbol, fresh bound indices, logs
expanded on the positive domain, names resolved through their meanings, sums over 1..N evaluated
or flattened.
"""

from __future__ import annotations

import sympy
from sympy.core.relational import Relational

from symsoft.algebra.evaluation import doit
from symsoft.algebra.sums import Kept, OpaqueSums, evaluate_sums
from symsoft.errors import UnsupportedExpression
from symsoft.reading.grammar.symbols import index_symbol

N = index_symbol("N")


def _bound() -> sympy.Dummy:
    return sympy.Dummy("k", integer=True, positive=True)


def name_of(e: sympy.Basic) -> str | None:
    if isinstance(e, sympy.Indexed):
        return str(e.base.label)
    if isinstance(e, sympy.Symbol) and not isinstance(e, sympy.Dummy):
        return e.name
    return None


def log_weights(value: sympy.Basic) -> set[str]:
    """The names whose entries weigh a logarithm in ``value`` (``t`` in ``-\\sum_j t_j \\log
    p_j``): the labels of a cross-entropy, whatever the letter."""
    return {
        str(factor.base.label)
        for term in value.atoms(sympy.Mul)
        if term.has(sympy.log)
        for factor in term.args
        if isinstance(factor, sympy.Indexed)
    }


def is_index(symbol: sympy.Basic) -> bool:
    """An index of the document: ``i j k l m n`` (not the size ``N``)."""
    return isinstance(symbol, sympy.Symbol) and (
        (len(symbol.name) == 1 and symbol.name.islower() and symbol == index_symbol(symbol.name))
        or (isinstance(symbol, sympy.Dummy) and bool(symbol.is_integer))
    )


def variable_names(expr: sympy.Expr) -> set[str]:
    """The variables ``expr`` is built from, by name: an entry by its vector's name (``p_2`` is
    ``p``); never an index, a size or a dummy."""
    names = {str(entry.base.label) for entry in expr.atoms(sympy.Indexed)}
    return names | {
        symbol.name
        for symbol in expr.free_symbols
        if type(symbol) is sympy.Symbol and not symbol.is_integer
    }


def fresh_bounds(expr: sympy.Expr) -> sympy.Expr:
    """Every summation (and product) index renamed to a fresh dummy, so substitutions never
    capture."""

    def rename(kind: type, body: sympy.Expr, *limits: tuple) -> sympy.Expr:
        for variable, low, high in limits:
            dummy = _bound()
            body = body.xreplace({variable: dummy})
            body = kind(body, (dummy, low, high))
        return body

    if not expr.has(sympy.Sum, sympy.Product):
        return expr  # what the replacement returns, without its walk
    return expr.replace(
        lambda e: isinstance(e, sympy.Sum | sympy.Product), lambda e: rename(type(e), *e.args)
    )


def _positive(expr: sympy.Expr) -> bool:
    """Positive by construction: ``e^x`` (the logits are real), sums and products of such."""
    if isinstance(expr, sympy.exp) or (expr.is_Number and expr > 0):
        return True
    if isinstance(expr, sympy.Sum):
        return _positive(expr.function)
    if isinstance(expr, sympy.Mul | sympy.Add):
        return all(_positive(arg) for arg in expr.args)
    if isinstance(expr, sympy.Pow):
        return _positive(expr.base) and _real(expr.exp)
    return False


def expand_logs(expr: sympy.Expr, products: bool = False) -> sympy.Expr:
    """``log(e^x / Z) = x - log Z`` and the like, only where every factor is positive; with
    ``products``, only the logarithms of products (``log \\prod_n f_n = Σ_n log f_n``), which a
    derivative by a weight cannot go through (SymPy differentiates the product factor by factor).

    >>> a = sympy.IndexedBase("a")
    >>> expand_logs(sympy.log(sympy.exp(a[1]) / (sympy.exp(a[1]) + sympy.exp(a[2]))))
    -log(exp(a[1]) + exp(a[2])) + a[1]
    """

    def split(argument: sympy.Expr) -> sympy.Expr:
        if isinstance(argument, sympy.exp):
            return argument.args[0]
        if isinstance(argument, sympy.Pow) and _splits(argument.base) and _real(argument.exp):
            # σ^y (1 - σ)^{1-y}, a Bernoulli probability: y log σ + (1 - y) log(1 - σ)
            return argument.exp * split(argument.base)
        if isinstance(argument, sympy.Mul) and all(_splits(f) for f in argument.args):
            return sympy.Add(*(split(f) for f in argument.args))
        if (fraction := _positive_fraction(argument)) is not None:
            return split(fraction[0]) - split(fraction[1])
        if isinstance(argument, sympy.Product) and all(
            _splits(f) for f in sympy.Mul.make_args(argument.function)
        ):
            # a likelihood \prod_n y_n^{t_n} (1 - y_n)^{1 - t_n}: a sum of its logarithms
            return sympy.Sum(split(argument.function), *argument.limits)
        return sympy.log(argument)

    def _splits(factor: sympy.Expr) -> bool:
        if isinstance(factor, sympy.Pow) and _real(factor.exp):
            return _splits(factor.base)
        return _positive(factor) or _positive_fraction(factor) is not None

    if not expr.has(sympy.log):
        return expr  # what the replacement returns, without its walk
    if products:
        return expr.replace(
            lambda e: isinstance(e, sympy.log) and isinstance(e.args[0], sympy.Product),
            lambda e: split(e.args[0]),
        )
    return expr.replace(lambda e: isinstance(e, sympy.log), lambda e: split(e.args[0]))


def _real(expr: sympy.Expr) -> bool:
    """Real by construction: every name the text writes is a real number (``t_n`` of
    ``y_n^{t_n}``, which SymPy's entries do not assume)."""
    names = expr.atoms(sympy.Indexed, sympy.Symbol) - expr.atoms(sympy.Dummy)
    names = {name for name in names if not isinstance(name, sympy.Symbol) or name.is_real is None}
    return bool(expr.xreplace({name: sympy.Dummy(real=True) for name in names}).is_real)


_FRACTIONS: dict[sympy.Expr, tuple[sympy.Expr, sympy.Expr] | None] = {}


def _positive_fraction(argument: sympy.Expr) -> tuple[sympy.Expr, sympy.Expr] | None:
    """``1 - σ(u) = e^{-u}/(1 + e^{-u}) = 1/(e^u + 1)``: ``argument`` as one fraction of
    positive parts (top, bottom), or None."""
    if not argument.has(sympy.exp) or isinstance(argument, sympy.Pow):
        return None
    if not argument.has(sympy.Sum):
        # a function of the argument alone (no sum, so no fresh dummy inside): asked of each
        # factor of a logarithm's argument twice (whether it splits, then its split) and of
        # the same sides in each reading, and cancel() is the step's largest cost there
        if argument not in _FRACTIONS:
            if len(_FRACTIONS) >= 4096:
                _FRACTIONS.clear()
            _FRACTIONS[argument] = _fraction_of(argument)
        return _FRACTIONS[argument]
    return _fraction_of(argument)


def _fraction_of(argument: sympy.Expr) -> tuple[sympy.Expr, sympy.Expr] | None:
    if argument.has(sympy.Sum) and sympy.count_ops(argument) > 24:
        return None  # a long one: cancel() would take the step's time, for a rare gain
    # a sum inside an exponent (w^T x = Σ_i w_i x_i) is one real number here, as every name
    sums = {s: sympy.Dummy(real=True) for s in argument.atoms(sympy.Sum)}
    if argument.xreplace(sums).has(sympy.Sum):
        return None
    flipped = argument.xreplace(sums).replace(
        lambda e: isinstance(e, sympy.exp) and e.args[0].could_extract_minus_sign(),
        lambda e: 1 / sympy.exp(-e.args[0]),
    )
    top, bottom = sympy.fraction(sympy.cancel(sympy.together(flipped)))
    if bottom == 1 or not (_positive(top) and _positive(bottom)):
        return None
    back = {dummy: s for s, dummy in sums.items()}
    return top.xreplace(back), bottom.xreplace(back)


def _true_in_domain(relation: Relational) -> bool:
    """``1 ≤ index``, ``index ≤ N`` (an index, or a number written as one): the domain."""
    if isinstance(relation, sympy.GreaterThan | sympy.StrictGreaterThan):
        big, small = relation.args
    elif isinstance(relation, sympy.LessThan | sympy.StrictLessThan):
        small, big = relation.args
    else:
        return False
    strict = isinstance(relation, sympy.StrictGreaterThan | sympy.StrictLessThan)

    def index_like(x: sympy.Expr) -> bool:
        return is_index(x) or bool(x.is_Integer and x > 0)

    if big == N and index_like(small):
        return not strict
    return bool(index_like(big) and (small == 1 and not strict or small == 0))


def resolve(expr: sympy.Expr) -> sympy.Expr:
    """Piecewise results resolved for indices in ``1..N`` (``N`` at least every index
    written), or :class:`~symsoft.errors.UnsupportedExpression`."""

    def branch(*pairs: tuple[sympy.Expr, sympy.Basic]) -> sympy.Expr:
        for value, condition in pairs:
            facts = {r: sympy.true for r in condition.atoms(Relational) if _true_in_domain(r)}
            decided = condition.xreplace(facts) if facts else condition
            if decided is sympy.true:
                return value
            if decided is not sympy.false:
                raise UnsupportedExpression(f"cannot decide {condition} for indices in 1..N")
        raise UnsupportedExpression("no branch of a piecewise result applies")

    if not expr.has(sympy.Piecewise):
        return expr  # what the replacement returns, without its walk
    return expr.replace(sympy.Piecewise, branch)


_SUMMAND_NODES = (sympy.Add, sympy.Mul, sympy.Pow, sympy.exp, sympy.log, sympy.Symbol, sympy.Number)


def unsummable(total: sympy.Sum) -> bool:
    """``Σ_{k=1}^{N} g`` with a symbolic ``N`` and ``k`` only ever a whole subscript of a name
    (``e^{a_k}``, ``y_k log p_k``, ``w_{jk}``), built from sums, products, powers, ``exp``,
    ``log`` and sums already known to have no closed form (:class:`Kept`: a layer's
    ``e^{b + Σ_m w_{km} x_m}``): SymPy has no closed form for it (``Sum.doit`` returns it after
    its heuristics, Gosper's algorithm among them, have failed: ``g(k + 1) / g(k)`` is no
    rational function of ``k`` when ``k`` is only ever a subscript), and neither has a
    Kronecker delta to sum by rule.

    >>> a, k = sympy.IndexedBase("a"), sympy.Symbol("k", integer=True)
    >>> unsummable(sympy.Sum(sympy.exp(a[k]), (k, 1, N))), unsummable(sympy.Sum(k, (k, 1, N)))
    (True, False)
    >>> w, m = sympy.IndexedBase("w"), sympy.Symbol("m", integer=True)
    >>> layer = Kept(w[k, m] * a[m], (m, 1, N))
    >>> unsummable(sympy.Sum(sympy.exp(layer), (k, 1, N)))
    True
    >>> unsummable(sympy.Sum(sympy.exp(layer) * w[k + 1, k], (k, 1, N)))
    False
    """
    if len(total.limits) != 1:
        return False
    k, low, high = total.limits[0]
    if low != 1 or not high.is_Symbol:
        return False
    subscripted = False

    def plain(node: sympy.Basic) -> bool:
        nonlocal subscripted
        if isinstance(node, sympy.Indexed):
            if k not in node.free_symbols:
                return True
            subscripted = True
            return all(index == k or k not in index.free_symbols for index in node.indices)
        if isinstance(node, Kept):  # ``doit`` returns it as it is, in SymPy's own summation too
            if k not in node.free_symbols:
                return True
            (inner, low, high), *more = node.limits
            bounds = low.free_symbols | high.free_symbols
            return not more and inner != k and k not in bounds and plain(node.function)
        if node == k or not isinstance(node, _SUMMAND_NODES):
            return False
        return all(plain(arg) for arg in node.args)

    return plain(total.function) and subscripted


def evaluate(expr: sympy.Expr) -> sympy.Expr:
    """``expr.doit()`` as :func:`resolve` reads it, without asking SymPy for closed forms of the
    sums it has none for (:func:`unsummable`): those are kept as they are, as SymPy would
    return them, and the Kronecker-delta sums over ``1..N`` are summed by rule
    (:mod:`symsoft.algebra.sums`), so ``resolve(evaluate(e)) == resolve(e.doit())``."""
    ruled = evaluate_sums(expr, N, _in_range)
    # each replacement only where it can replace something: it returns the same object
    # otherwise, and its walk over a large side costs more than asking first
    kept = ruled
    if ruled.has(sympy.Sum):
        kept = ruled.replace(
            lambda e: type(e) is sympy.Sum and unsummable(e), lambda e: Kept(*e.args)
        )
    done = doit(kept)
    if not done.has(Kept):
        return done
    return done.replace(lambda e: isinstance(e, Kept), lambda e: sympy.Sum(*e.args))


def _in_range(index: sympy.Expr) -> bool:
    """An index that :func:`resolve` knows to lie in ``1..N`` (an index, a number written as
    one)."""
    return is_index(index) or bool(index.is_Integer and index > 0)


class Sums(OpaqueSums):
    """Each distinct ``Σ_k g(k)`` over ``1..N`` as one opaque symbol, positive when its terms,
    written out, are."""

    def __init__(self) -> None:
        super().__init__(N)

    def positive(self, body: sympy.Expr) -> bool:
        return bool(flatten(body).is_positive)

    def target_total(self, labels: str = "y") -> sympy.Symbol | None:
        return self.symbols.get(sympy.IndexedBase(labels)[self.dummy])


def flatten(expr: sympy.Expr) -> sympy.Expr:
    """``a[i] ↦ a_i`` (real symbols): the prover works with plain variables."""
    return expr.replace(
        lambda e: isinstance(e, sympy.Indexed),
        lambda e: sympy.Symbol(f"{e.base.label}_{'_'.join(map(str, e.indices))}", real=True),
    )


def absent_entries(expr: sympy.Expr, variables: list[sympy.Expr]) -> list[str]:
    """The entries at numbers (``w_2``) among ``variables`` that ``expr`` cannot contain: its
    entries of the same name are all at other numbers (``a_n = w_0 x_n + w_1`` read where a later
    section writes ``a = w_0 x_0 + w_1 x_1 + w_2``)."""
    absent = []
    for variable in variables:
        if not isinstance(variable, sympy.Indexed) or not all(
            i.is_Integer for i in variable.indices
        ):
            continue
        same = [e for e in expr.atoms(sympy.Indexed) if e.base.label == variable.base.label]
        if (
            same
            and all(all(i.is_Integer for i in e.indices) for e in same)
            and variable not in same
        ):
            numbers = ",".join(str(i) for i in variable.indices)
            absent.append(
                f"{variable.base.label}_{numbers if len(numbers) == 1 else '{' + numbers + '}'}"
            )
    return absent
