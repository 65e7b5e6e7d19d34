"""Judge one step ``A = B`` of a written derivation for every N, case by case.

Names take their meaning from a :class:`Meanings` table (``S = softmax(a)``, ``p = softmax(o)``,
``L = -Σ_j y_j log p_j`` unless the document defines them otherwise). Both sides (read by
:mod:`symsoft.reading.notation.sides`) are brought to the symbolic-N form of
:mod:`symsoft.verification.general`: sums over ``1..N`` with symbolic indices, piecewise results
resolved for ``1 ≤ i, j ≤ N``, one case per way the free indices can coincide, every ``Σ_k
g(k)`` one opaque symbol; then :func:`symsoft.algebra.prover.prove` decides.

A proof with opaque sums is sound: an identity that holds whatever values the sums take holds
for their true values. A refutation is only reported with a concrete N, concrete indices and an
exact point where the two sides differ; otherwise the verdict is unknown.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import sympy

from symsoft.algebra.prover import prove
from symsoft.errors import UnsupportedExpression
from symsoft.reading.documents.counts import SAMPLES
from symsoft.reading.documents.spans import Relation
from symsoft.reading.judge.concrete import _concrete, hypothesis_text
from symsoft.reading.judge.derivative_points import points_as_reals
from symsoft.reading.judge.names import (
    PARAMETERS,
    Unreadable,
    check_bounds,
    check_names,
    check_one_meaning,
    check_shaped,
)
from symsoft.reading.judge.products import CONCRETE_ONLY, has_product, logs_of_products
from symsoft.reading.judge.signs import by_derivatives, by_sign, piecewise_variable
from symsoft.reading.judge.symbolic import (
    N,
    Sums,
    evaluate,
    expand_logs,
    flatten,
    fresh_bounds,
    is_index,
    resolve,
)
from symsoft.reading.judge.unstated_values import refuse_aliased, refuse_unstated_value
from symsoft.reading.meaning.existential import refuse_existential
from symsoft.reading.meaning.table import (
    Meaning,
    Meanings,
)
from symsoft.results import Verdict

INDEX_LETTERS = "ijklmn"
SIZES = range(1, 7)  # sizes tried for a concrete counterexample
MAX_FREE_INDICES = 3


# ---------------------------------------------------------------- normal form


# ---------------------------------------------------------------- judging


@dataclass(frozen=True)
class CaseCheck:
    """The verdict on one index case: ``"i = j"``, ``"i ≠ j"``, ``"every i"``."""

    case: str
    verdict: Verdict
    where: str  # "every N ≥ 1, 1 ≤ i, j ≤ N" or "N = 3, i = 1, j = 2"
    hypothesis: str | None = None  # SUM_TO_ONE when the proof needed it


def partitions(items: list[sympy.Symbol]) -> Iterator[list[list[sympy.Symbol]]]:
    """Every way the indices ``items`` can coincide, coarsest last.

    >>> i, j = sympy.symbols("i j")
    >>> [len(p) for p in partitions([i, j])]
    [2, 1]
    """
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for smaller in partitions(rest):
        yield [[first], *smaller]
        for n, block in enumerate(smaller):
            yield [*smaller[:n], [first, *block], *smaller[n + 1 :]]


def case_name(blocks: list[list[sympy.Symbol]]) -> str:
    """``i = j``, ``i ≠ j``, ``i = j ≠ k``…; ``every i`` for a single index."""
    if sum(len(b) for b in blocks) <= 1:
        return f"every {blocks[0][0]}" if blocks else "always"
    ordered = sorted((sorted(b, key=str) for b in blocks), key=lambda b: str(b[0]))
    return " ≠ ".join(" = ".join(map(str, b)) for b in ordered)


def _consistent(blocks: list[list[sympy.Symbol]], condition: Relation | None) -> bool:
    if condition is None:
        return True
    where = {str(s): n for n, b in enumerate(blocks) for s in b}
    if condition.left not in where or condition.right not in where:
        return True
    return (where[condition.left] == where[condition.right]) == condition.equal


def _in_case(expr: sympy.Expr, blocks: list[list[sympy.Symbol]]) -> sympy.Expr:
    renaming = {s: b[0] for b in blocks for s in b[1:]}
    expr = expr.xreplace(renaming)
    representatives = [b[0] for b in blocks]
    apart = {
        sympy.KroneckerDelta(x, y): sympy.S.Zero
        for x, y in itertools.permutations(representatives, 2)
    }
    return resolve(evaluate(expr.xreplace(apart)))


def judge(
    lhs: sympy.Expr,
    rhs: sympy.Expr,
    meanings: Meanings,
    condition: Relation | None = None,
    hypothesis_stated: bool = False,
    n: int | None = None,
    example: Mapping[str, sympy.Expr] | None = None,
    decided: Decided | None = None,
) -> tuple[CaseCheck, ...]:
    """The verdict on ``lhs = rhs`` per index case, proved for every N (or at ``n``); with
    ``example`` (a worked example's values, by flattened name: ``z_1``, ``T``) at ``n`` and
    those values.  ``decided`` keeps what is found (the sides' normal form and each case's
    verdict) and gives it to the next call with it: the same sides under a wider ``condition``.

    >>> from symsoft.reading.notation.sides import Reader
    >>> reader = Reader(Meanings.standard())
    >>> cases = judge(reader.expression(r"\\frac{\\partial S_i}{\\partial a_j}"),
    ...               reader.expression("-S_i S_j"), reader.meanings)
    >>> [(c.case, c.verdict.status) for c in cases]
    [('i ≠ j', 'proved'), ('i = j', 'refuted')]
    """
    if decided is None or decided.prepared is None:
        prepared = _prepared(lhs, rhs, meanings, example)
        decided = decided or Decided()
        decided.prepared = prepared
    sides, undefined, products = decided.prepared
    free = sorted(
        {s for side in sides for s in side.free_symbols if is_index(s)}, key=lambda s: s.name
    )
    if len(free) > MAX_FREE_INDICES:
        raise Unreadable(f"{len(free)} free indices; at most {MAX_FREE_INDICES} are split")
    checks = []
    written = set(_terms_by_letter(*sides))  # e^{z_a} + e^{z_b} + e^{z_c}: a, b, c apart
    for blocks in partitions(free):
        if not _consistent(blocks, condition):
            continue
        if any(len(written.intersection(s.name for s in block)) > 1 for block in blocks):
            continue  # two of the classes the text writes one by one taken as one
        name = case_name(blocks)
        if name not in decided.cases:
            left, right = (_in_case(side, blocks) for side in sides)
            decided.cases[name] = _decide(
                left,
                right,
                blocks,
                hypothesis_stated,
                n,
                meanings.normalized,
                meanings.stated_sizes,
                example,
                meanings.labels,
                products,
            )
        checks.append(decided.cases[name])
    refuse_existential(sides, meanings, checks)  # "there exists $\\xi$": one value
    if (
        undefined
        and not meanings.free_names
        and not all(check.verdict.status == "proved" for check in checks)
    ):
        names = ", ".join(sorted(undefined))
        if maxima := sorted(undefined & set(meanings.maxima)):  # x_{max} = \max(x), free
            at = ", ".join(f"{name} = {meanings.maxima[name]}" for name in maxima)
            raise Unreadable(f"it does not hold for every value of {names}; at {at} not decided")
        if unread := sorted(undefined & meanings.unreadable.keys()):  # \eta_i = x_i^T \beta
            defined = (f"{name} is defined at {meanings.unreadable[name]}" for name in unread)
            where = ", ".join(defined)
            raise Unreadable(
                f"{where} in a way not read here; read as free variables ({names}) the step "
                "does not hold for every value"
            )
        raise Unreadable(
            f"{names} {'is' if len(undefined) == 1 else 'are'} not defined in the document: "
            "read as free variables the step does not hold for every value (define them to "
            "decide)"
        )
    if not meanings.free_names and any(c.verdict.status == "refuted" for c in checks):
        refuse_unstated_value(sides, meanings)  # a e^{ax} = 2 e^{2x}: "a is two", in words?
        refuse_aliased(sides, meanings)  # y_1 = \frac{e^u}{e^u + e^v} after "a_1 = u"
    return tuple(checks)


@dataclass
class Decided:
    """What :func:`judge` found for one pair of sides under one table of meanings (at one
    ``n``, without an example), kept to judge the same sides again under a wider condition:
    the sides in normal form (with the names left undefined, and whether a side writes a
    product) and the verdict of each index case by its name."""

    prepared: tuple[list[sympy.Expr], set[str], bool] | None = None
    cases: dict[str, CaseCheck] = field(default_factory=dict)


def _prepared(
    lhs: sympy.Expr,
    rhs: sympy.Expr,
    meanings: Meanings,
    example: Mapping[str, sympy.Expr] | None,
) -> tuple[list[sympy.Expr], set[str], bool]:
    """Both sides with the meanings put in, sums renamed and evaluated, function values as
    real symbols; the names left undefined; whether a side writes a product."""
    if (update := _update_rule(lhs, rhs)) is not None:
        raise Unreadable(
            f"an update rule ({update} on both sides, moved by a step): an assignment, "
            "not an equation"
        )
    size = meanings.sizes()
    products = has_product(lhs, rhs)  # read at concrete sizes when no proof is found
    renamed = [fresh_bounds(logs_of_products(side.xreplace(size))) for side in (lhs, rhs)]
    check_bounds(renamed)
    check_one_meaning(renamed)
    check_shaped(renamed, meanings)
    sides = []
    derivatives = any(side.has(sympy.Derivative) for side in (lhs, rhs))
    loose: set[str] | None = None if derivatives or example is not None else set()
    for side in renamed:  # (loose: entries of names defined in a way not read, left free)
        expanded = logs_of_products(meanings.expand(side, free=loose).xreplace(size))
        sides.append(_exp_products(expand_logs(resolve(evaluate(fresh_bounds(expanded))))))
    undefined = check_names(sides, meanings, open_names=loose is not None) | (loose or set())
    if any(side.has(SAMPLES) for side in sides):  # (a batch of N beside C classes)
        raise Unreadable("the text's N counts something else than its classes: not read here")
    return _function_values_as_reals(sides), undefined, products


_STEP_SIZES = frozenset({"alpha", "eta", "lambda", "gamma", "epsilon", "varepsilon", "lr"})


def _update_rule(lhs: sympy.Expr, rhs: sympy.Expr) -> str | None:
    """The name a step updates (``b := b - \\alpha \\frac{dJ}{db}``, ``\\theta_j = \\theta_j +
    \\alpha (y - h) x_j``): the left side is a name that is a term of the right side, whose
    other terms take a derivative or a step size; None when the step is no such update."""
    if not isinstance(lhs, (sympy.Symbol, sympy.Indexed)) or not isinstance(rhs, sympy.Add):
        return None
    others = [term for term in rhs.args if term != lhs]
    if len(others) == len(rhs.args):
        return None
    moved = any(
        term.has(sympy.Derivative) or {str(s) for s in term.free_symbols} & _STEP_SIZES
        for term in others
    )
    if not moved:
        return None
    if isinstance(lhs, sympy.Indexed):  # theta[j]: θ_j as the text writes it
        return f"{lhs.base.label}_{''.join(str(i) for i in lhs.indices)}"
    return str(lhs)


def _function_values_as_reals(sides: list[sympy.Expr]) -> list[sympy.Expr]:
    """``g(x)``, ``g'(x)``, ``h''(x)`` of unknown functions become independent real symbols: an
    identity of calculus holds for every g and h exactly when it holds for every value of those
    (a point's values and derivatives can be chosen freely)."""
    sides = points_as_reals(sides)  # f'(g(x)): the derivative of an unknown f at a point
    atoms: set[sympy.Expr] = set()
    for side in sides:
        atoms |= side.atoms(sympy.Derivative) | side.atoms(sympy.core.function.AppliedUndef)
    others = set()
    for side in sides:
        others |= {e.base.label for e in side.atoms(sympy.Indexed)}
        others |= {s for s in side.free_symbols if not is_index(s) and s != N and not s.is_integer}
    variables = {v for atom in atoms for v in atom.free_symbols}
    if atoms and others - variables:
        functions = ", ".join(sorted({_function_name(atom) for atom in atoms}))
        raise Unreadable(
            f"the unknown function(s) {functions} stand beside the document's variables: "
            "not checked (a function defined without its variable has no meaning here)"
        )
    names = {}
    for atom in atoms:
        if isinstance(atom, sympy.Derivative):
            order = sum(count for _, count in atom.variable_count)
            written = f"{atom.expr.func.__name__}{chr(39) * order}"
            names[atom] = sympy.Symbol(
                f"{written}({', '.join(map(str, atom.expr.args))})", real=True
            )
        else:
            names[atom] = sympy.Symbol(str(atom), real=True)
    return [side.xreplace(names) for side in sides]


def _termwise(sums: Sums, difference: sympy.Expr, facts: list) -> Verdict | None:
    """Proved when the sums of N terms on both sides, brought under one sum, have zero terms
    (and what stands outside them cancels): the sides wrote the same terms, expanded apart."""
    try:
        outside, body = (flatten(part) for part in sums.merged(difference))
    except UnsupportedExpression:
        return None
    verdicts = [prove(outside, sympy.S.Zero, facts), prove(body, sympy.S.Zero, facts)]
    return verdicts[1] if all(v.status == "proved" for v in verdicts) else None


def _function_name(atom: sympy.Expr) -> str:
    return (atom.expr if isinstance(atom, sympy.Derivative) else atom).func.__name__


def _decide(
    left: sympy.Expr,
    right: sympy.Expr,
    blocks: list[list[sympy.Symbol]],
    hypothesis_stated: bool,
    n: int | None,
    normalized: set[str] | frozenset[str] = frozenset(),
    stated_sizes: set[int] | frozenset[int] = frozenset(),
    example: Mapping[str, sympy.Expr] | None = None,
    labels: str = "y",
    products: bool = False,
) -> CaseCheck:
    name = case_name(blocks)
    if (variable := piecewise_variable(left, right)) is not None:  # |a|, max(a, 0)

        def decided(low: sympy.Expr, high: sympy.Expr) -> Verdict:
            again = (blocks, hypothesis_stated, n, normalized, stated_sizes, example, labels)
            return _decide(low, high, *again, products).verdict

        return CaseCheck(name, by_sign(left, right, variable, decided), _domain(blocks))
    if n is not None:
        verdict, where, used = _concrete(
            left, right, blocks, hypothesis_stated, [n], normalized, example, labels
        )
        return CaseCheck(name, verdict, where, used)
    sums = Sums()
    try:
        flat_left, flat_right = flatten(sums.atomize(left)), flatten(sums.atomize(right))
    except UnsupportedExpression as exc:
        general = Verdict("unknown", reason=str(exc))
    else:
        facts = [
            sympy.Eq(sums.symbols[sympy.IndexedBase(name)[sums.dummy]], 1)
            for name in sorted(normalized)
            if sympy.IndexedBase(name)[sums.dummy] in sums.symbols
        ]
        general = prove(flat_left, flat_right, facts)
        if general.status == "unknown" and not facts:  # log(1 + e^a) = a + log(1 + e^{-a})
            derived = by_derivatives(left, right)
            general = general if derived is None else derived
        if general.status != "proved" and left.has(sympy.Sum) and right.has(sympy.Sum):
            merged = _termwise(sums, left - right, facts)
            general = general if merged is None else merged
        total = sums.target_total(labels)
        if general.status != "proved" and total is not None:
            given = prove(flat_left, flat_right, [sympy.Eq(total, 1), *facts])
            if given.status == "proved":
                return CaseCheck(name, given, _domain(blocks), hypothesis_text(labels))
    if general.status == "proved":
        return CaseCheck(name, general, _domain(blocks))
    verdict, where, used = _concrete(
        left, right, blocks, hypothesis_stated, list(SIZES), normalized, labels=labels
    )
    if verdict.status == "refuted":
        largest = _largest_written_index(left, right)
        if largest > 1 and not where.startswith(f"N = {largest},") and where != f"N = {largest}":
            at_largest, _, _ = _concrete(
                left, right, blocks, hypothesis_stated, [largest], normalized, labels=labels
            )
            if at_largest.status != "refuted":  # holds there, or is not decided there
                holds = "holds" if at_largest.status == "proved" else "is not refuted"
                reason = (
                    f"{holds} at N = {largest}, the largest index written, and fails at "
                    f"{where}: the document does not say which N it means"
                )
                return CaseCheck(name, Verdict("unknown", reason=reason), where)
        terms = _terms_by_letter(left, right)
        if terms and len(blocks) <= len(terms) and f"N = {len(terms)}," not in f"{where},":
            # e^{z_a} + e^{z_b} + e^{z_c}: the classes a, b, c, all of them if N = 3
            at_count, _, _ = _concrete(
                left, right, blocks, hypothesis_stated, [len(terms)], normalized, labels=labels
            )
            if at_count.status != "refuted":
                letters = ", ".join(terms)
                holds = "holds" if at_count.status == "proved" else "is not refuted"
                reason = (
                    f"{holds} at N = {len(terms)}, when {letters} are all the classes, and fails "
                    f"at {where}: the document does not say the classes are only {letters}"
                )
                return CaseCheck(name, Verdict("unknown", reason=reason), where)
        if len(stated := set(stated_sizes)) == 1:
            (size,) = stated  # "with $K = 2$ classes": a failure at another size is no flag
            if not f"{where},".startswith(f"N = {size},"):
                at_size, _, _ = _concrete(
                    left, right, blocks, hypothesis_stated, [size], normalized, labels=labels
                )
                if at_size.status != "refuted":  # (not decided there: no flag rests on it)
                    holds = "holds" if at_size.status == "proved" else "is not refuted"
                    reason = (
                        f"{holds} at N = {size}, the size the text states, and fails at {where}"
                    )
                    return CaseCheck(name, Verdict("unknown", reason=reason), where)
        return CaseCheck(name, verdict, where, used)
    if (products or has_product(left, right)) and verdict.status == "proved":
        # a product over N factors has no opaque form: it holds if it holds at each size
        each = [
            _concrete(left, right, blocks, hypothesis_stated, [size], normalized, labels=labels)
            for size in SIZES
        ]
        if all(found.status == "proved" and used is None for found, _, used in each):
            sizes = f"N = {SIZES.start} to {SIZES.stop - 1}"
            return CaseCheck(name, Verdict("proved", reason=f"{CONCRETE_ONLY} ({sizes})"), sizes)
    return CaseCheck(
        name,
        Verdict(
            "unknown",
            reason=f"not proved for every N ({general.reason}), and no counterexample "
            f"was found for N ≤ {SIZES.stop - 1}",
        ),
        _domain(blocks),
    )


def _largest_written_index(left: sympy.Expr, right: sympy.Expr) -> int:
    """The largest concrete index written (``o_3`` in ``e^{o_1} + e^{o_2} + e^{o_3}``), or 0."""
    return max(
        (
            int(x)
            for side in (left, right)
            for e in side.atoms(sympy.Indexed)
            for x in e.indices
            if x.is_Integer
        ),
        default=0,
    )


def _domain(blocks: list[list[sympy.Symbol]]) -> str:
    indices = ", ".join(" = ".join(map(str, b)) for b in blocks)
    return f"every N ≥ {max(len(blocks), 1)}" + (f", 1 ≤ {indices} ≤ N" if indices else "")


__all__ = [
    "PARAMETERS",
    "CaseCheck",
    "Decided",
    "Meaning",
    "Meanings",
    "Relation",
    "Unreadable",
    "judge",
]


def _terms_by_letter(left: sympy.Expr, right: sympy.Expr) -> list[str]:
    """The index letters of a sum written out term by term with a letter for each class
    (``e^{z_a} + e^{z_b} + e^{z_c}``: a, b, c; not i to n), or [] when the sides write none."""
    for side in (left, right):
        for add in side.atoms(sympy.Add):
            letters: dict[str, list[str]] = {}
            for term in add.args:
                if not isinstance(term, sympy.exp):
                    continue
                # e^{z_a}, or z's value at a (e^{\beta_a + \sum_k w_{ka} h_k}): one letter
                found = [s for s in term.free_symbols if is_index(s)]
                # letters that name classes (a, b, c), never the general indices i to n, r, s:
                # e^{z_i} + e^{z_j} may be one term twice when i = j (review 61a: "for any two
                # indices $r$ and $s$, not necessarily different")
                if len(found) == 1 and found[0].name in "abcdfgh":
                    # the same term at each class (its sums' dummies printed alike)
                    shape = str(term.xreplace({found[0]: _PLACE}))
                    letters.setdefault(shape, []).append(found[0].name)
            for found in letters.values():
                if len(found) >= 2 and len(set(found)) == len(found):
                    return sorted(found)
    return []


_PLACE = sympy.Symbol("_class", integer=True, positive=True)


def _exp_products(expr: sympy.Expr) -> sympy.Expr:
    """``\\prod_g e^{f_g}`` as ``e^{\\sum_g f_g}``: SymPy writes the exponential of a sum (a
    layer's ``e^{b_k + \\sum_g W_{kg} x_g}``) as a product in one place and not in another, and
    the two forms of one partition sum would be two unknowns to the prover."""
    found = expr.replace(
        lambda e: isinstance(e, sympy.Product) and isinstance(e.function, sympy.exp),
        lambda e: sympy.exp(sympy.Sum(e.function.args[0], *e.limits)),
    )
    return fresh_bounds(found) if found != expr else expr
