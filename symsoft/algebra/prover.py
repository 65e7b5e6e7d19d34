"""Zero-equivalence: ``prove(lhs, rhs, assumptions) -> Verdict``.

The decision procedure (shared/ARCHITECTURE.md): every exponential ``e^{c·m}`` of a monomial
``m`` in the variables becomes a power of a positive generator ``x_m = e^{u·m}`` (``u`` the gcd
of the rational multiples ``c`` of ``m`` that occur), so the softmax family becomes a rational
function of independent generators.  ``lhs − rhs`` is brought to one fraction; its numerator is
the zero polynomial ⇒ **proved**, and that normal form is the certificate.  Otherwise random
exact points are tried until the numerator is non-zero there ⇒ **refuted** with that point.
If no point can be found, or part of the expression lies outside the decided class, the
verdict is **unknown** with the reason — never proved.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import reduce as fold
from math import gcd

import flint
import sympy

from symsoft.algebra import rational
from symsoft.algebra.counterexample import approximate, exact
from symsoft.algebra.powers import with_power_generators
from symsoft.errors import InputError, TooLarge, UnsupportedExpression
from symsoft.results import Counterexample, Verdict, combine

ATTEMPTS = 60
DIGITS = 50
MAX_EXP_NESTING = 4
"""Exponentials nested deeper than this are not evaluated numerically: ``e^{e^{e^{e^{e^x}}}}``
already has a million-digit exponent."""


@dataclass(frozen=True)
class OneHot:
    """The hypothesis "``y`` is one-hot": in case ``c``, ``y_c = 1`` and every other ``y_k = 0``."""

    targets: tuple[sympy.Symbol, ...]

    def cases(self) -> list[dict[sympy.Symbol, sympy.Integer]]:
        return [
            {y: sympy.Integer(int(k == c)) for k, y in enumerate(self.targets)}
            for c in range(len(self.targets))
        ]

    def __str__(self) -> str:
        return f"({', '.join(map(str, self.targets))}) is one-hot"


@dataclass(frozen=True)
class Substitutions:
    """A hypothesis given as explicit cases, each a substitution of exact values."""

    substitutions: tuple[dict[sympy.Basic, sympy.Expr], ...]
    description: str = ""

    def cases(self) -> list[dict[sympy.Basic, sympy.Expr]]:
        return [dict(case) for case in self.substitutions]

    def __str__(self) -> str:
        return self.description


def sum_to_one(targets: Sequence[sympy.Symbol]) -> sympy.Eq:
    """The hypothesis ``Σ_j y_j = 1`` as a SymPy equation.

    >>> sum_to_one(sympy.symbols("y_1 y_2"))
    Eq(y_1 + y_2, 1)
    """
    return sympy.Eq(sympy.Add(*targets), 1)


def one_hot(targets: Sequence[sympy.Symbol]) -> OneHot:
    """The hypothesis "``y`` is one-hot" over the given target symbols."""
    return OneHot(tuple(targets))


Hypothesis = sympy.Eq | OneHot | Substitutions


def _cases(assumptions: Iterable[Hypothesis]) -> list[dict[sympy.Basic, sympy.Expr]]:
    """The hypotheses as a list of exact substitutions, one per case to prove."""
    cases: list[dict[sympy.Basic, sympy.Expr]] = [{}]
    for hypothesis in assumptions:
        if isinstance(hypothesis, (OneHot, Substitutions)):
            cases = [{**case, **extra} for case in cases for extra in hypothesis.cases()]
        elif isinstance(hypothesis, sympy.Eq):
            cases = [{**case, **_solve_linear(hypothesis)} for case in cases]
        else:
            raise InputError(
                f"unsupported assumption {hypothesis!r}: use sympy.Eq(…) or symsoft.one_hot(…)"
            )
    return cases


def _solve_linear(equation: sympy.Eq) -> dict[sympy.Basic, sympy.Expr]:
    """``Σ c_k v_k + c = 0`` solved for its last variable with a constant coefficient."""
    difference = sympy.expand(equation.lhs - equation.rhs)
    variables = sorted(difference.free_symbols, key=sympy.default_sort_key)
    for variable in reversed(variables):
        coefficient = difference.coeff(variable)
        if coefficient.is_Rational and coefficient != 0:
            rest = difference - coefficient * variable
            if variable not in rest.free_symbols and sympy.Poly(difference, *variables).is_linear:
                return {variable: -rest / coefficient}
    raise InputError(f"assumption {equation} is not a linear equation that can be solved")


# ---------------------------------------------------------------------------------------------
# Lowering a SymPy expression to a rational function of independent generators


def _is_variable(expr: sympy.Basic) -> bool:
    if isinstance(expr, sympy.Symbol):
        return True
    if isinstance(expr, sympy.Indexed):
        if not all(index.is_Integer for index in expr.indices):
            raise UnsupportedExpression(
                f"symbolic index in {expr}: fixed-N proofs need numeric indices"
            )
        return True
    return False


def _monomial(term: sympy.Expr) -> bool:
    factors = sympy.Mul.make_args(term)
    return all(
        _is_variable(f) or (f.is_Pow and _is_variable(f.base) and f.exp.is_Integer) for f in factors
    )


def _rational_gcd(values: Iterable[sympy.Rational]) -> sympy.Rational:
    values = list(values)
    numerator = fold(gcd, (int(v.p) for v in values))
    denominator = fold(lambda a, b: a * b // gcd(a, b), (int(v.q) for v in values))
    return sympy.Rational(numerator, denominator)


@dataclass
class _Generators:
    """What each generator of the ring stands for."""

    plain: list[sympy.Basic]  # variables appearing outside exponentials
    exp_units: dict[sympy.Expr, sympy.Rational]  # monomial m -> u with x_m = e^{u m}
    opaque: list[sympy.Basic]  # anything else (log, sigma(…)): independent, not exact

    def names(self) -> list[str]:
        return [f"g{k}" for k in range(len(self.plain) + len(self.exp_units) + len(self.opaque))]

    def shown(self) -> str:
        """The generators as a reader writes them: ``y_1, exp(a_1), log(…)``."""
        return ", ".join(sympy.sstr(s) for s in self.symbols())

    def symbols(self) -> list[sympy.Expr]:
        """What each generator denotes, as a SymPy expression (for certificates)."""
        out: list[sympy.Expr] = list(self.plain)
        out += [sympy.exp(u * m) for m, u in self.exp_units.items()]
        return out + list(self.opaque)


def _scan(exprs: Sequence[sympy.Expr]) -> _Generators:
    plain: dict[sympy.Basic, None] = {}
    multiples: dict[sympy.Expr, set[sympy.Rational]] = {}
    opaque: dict[sympy.Basic, None] = {}

    def visit(node: sympy.Basic) -> None:
        if node.is_Rational:
            return
        if node.is_Float:
            raise UnsupportedExpression(
                f"floating-point number {node} is not exact; write it as a fraction"
            )
        if node.is_Add or node.is_Mul:
            for arg in node.args:
                visit(arg)
        elif node.is_Pow and node.exp.is_Integer:
            visit(node.base)
        elif _is_variable(node):
            plain[node] = None
        elif node is sympy.E:
            multiples.setdefault(sympy.S.One, set()).add(sympy.S.One)
        elif isinstance(node, sympy.exp):
            terms = sympy.expand(node.args[0]).as_coefficients_dict()
            if all(c.is_Rational and (t == 1 or _monomial(t)) for t, c in terms.items()):
                for term, coefficient in terms.items():
                    multiples.setdefault(term, set()).add(coefficient)
            else:
                opaque[node] = None
        elif node.is_number and not node.free_symbols:
            opaque[node] = None
        else:
            if isinstance(node, (sympy.Derivative, sympy.Integral, sympy.Sum, sympy.Product)):
                raise UnsupportedExpression(f"unevaluated {type(node).__name__}: {node}")
            if node.has(sympy.Float):
                raise UnsupportedExpression(f"floating-point number in {node}")
            opaque[node] = None

    for expr in exprs:
        visit(expr)
    units = {m: _rational_gcd(cs) for m, cs in sorted(multiples.items(), key=lambda kv: str(kv[0]))}
    return _Generators(list(plain), units, list(opaque))


def _lower(expr: sympy.Expr, gens: _Generators, ring: rational.Ring) -> rational.Fraction:
    index = {v: k for k, v in enumerate(gens.plain)}
    offset = len(gens.plain)
    exp_index = {m: offset + k for k, m in enumerate(gens.exp_units)}
    opaque_index = {g: offset + len(exp_index) + k for k, g in enumerate(gens.opaque)}

    def leaf(node: sympy.Basic) -> rational.Fraction:
        if node in index:
            return ring.gen(index[node])
        if node in opaque_index:
            return ring.gen(opaque_index[node])
        if node is sympy.E or isinstance(node, sympy.exp):
            value = ring.constant(1)
            argument = sympy.S.One if node is sympy.E else node.args[0]
            for term, coefficient in sympy.expand(argument).as_coefficients_dict().items():
                multiple = coefficient / gens.exp_units[term]
                value = rational.mul(
                    value, rational.power(ring.gen(exp_index[term]), int(multiple))
                )
            return value
        raise UnsupportedExpression(f"cannot lower {node}")  # pragma: no cover - scan is total

    return rational.lower(expr, ring, leaf, rational.add_sharing)


# ---------------------------------------------------------------------------------------------
# Counterexamples


def _sample(variable: sympy.Basic, rng: random.Random, scale: int) -> sympy.Rational:
    """A random exact value in the variable's domain (small first, wider as ``scale`` grows)."""
    if variable.is_integer:
        low = 1 if variable.is_positive else 0 if variable.is_nonnegative else -scale
        return sympy.Integer(rng.randint(low, max(low, 1) + scale))
    numerator = rng.randint(1, 4 * scale)
    value = sympy.Rational(numerator, rng.randint(1, scale))
    if variable.is_positive or variable.is_nonnegative:
        return value
    return value if rng.random() < 0.6 else -value


def _sample_unit(variable: sympy.Basic, rng: random.Random, scale: int) -> sympy.Rational:
    """A random exact value in (0, 1) for a real variable (an integer one as :func:`_sample`)."""
    if variable.is_integer:
        return _sample(variable, rng, scale)
    denominator = rng.randint(2, scale + 2)
    return sympy.Rational(rng.randint(1, denominator - 1), denominator)


def _exact_plan(gens: _Generators) -> dict[sympy.Expr, tuple[sympy.Basic, sympy.Expr]] | None:
    """For each exponential generator, the variable it determines (``m = var·rest``), if the
    generators can all be set to rational values independently; else ``None``."""
    if gens.opaque or sympy.S.One in gens.exp_units:
        return None
    plan: dict[sympy.Expr, tuple[sympy.Basic, sympy.Expr]] = {}
    owned: set[sympy.Basic] = set()
    others: set[sympy.Basic] = set(gens.plain)
    for monomial in gens.exp_units:
        factors = sympy.Mul.make_args(monomial)
        linear = [
            f
            for f in factors
            if _is_variable(f) and not f.is_integer and f not in owned and f not in others
        ]
        if not linear:
            return None
        variable = linear[0]
        rest = monomial / variable
        owned.add(variable)
        others |= rest.free_symbols
        plan[monomial] = (variable, rest)
    if owned & others:
        return None
    return plan


def _exp_nesting(expr: sympy.Basic) -> int:
    """How deep exponentials (and powers with a variable exponent) nest in ``expr``."""
    depths: dict[sympy.Basic, int] = {}
    for node in sympy.postorder_traversal(expr):
        inner = max((depths.get(arg, 0) for arg in node.args), default=0)
        grows = (
            isinstance(node, sympy.exp)
            or node is sympy.E  # exp(1), which SymPy keeps as a constant
            or (node.is_Pow and not node.exp.is_number)
        )
        depths[node] = inner + 1 if grows else inner
    return depths.get(expr, 0)


def _counterexample(
    lhs: sympy.Expr,
    rhs: sympy.Expr,
    gens: _Generators,
    ring: rational.Ring,
    difference: rational.Fraction,
    seed: int,
    substitution: dict[sympy.Basic, sympy.Expr],
) -> Counterexample | None:
    """A point where ``lhs ≠ rhs``; the variables a hypothesis eliminated (``substitution``)
    are reported too, with the values the hypothesis gives them."""
    rng = random.Random(seed)

    def described(assignment: dict[sympy.Basic, sympy.Expr]) -> list[tuple[str, sympy.Expr]]:
        for variable, expr in substitution.items():
            assignment[variable] = _expand_log(expr.xreplace(assignment), force=True)
        order = sorted(assignment, key=sympy.default_sort_key)
        return [(str(v), assignment[v]) for v in order]

    plan = _exact_plan(gens)
    variables = sorted(lhs.free_symbols | rhs.free_symbols, key=sympy.default_sort_key)
    if plan is not None:
        f_lhs, f_rhs = _lower(lhs, gens, ring), _lower(rhs, gens, ring)
        determined = {variable for variable, _ in plan.values()}
        free = [v for v in variables if v not in determined]
        for attempt in range(ATTEMPTS):
            scale = 3 + attempt * attempt
            values = {v: _sample(v, rng, scale) for v in free}
            if any(rest.xreplace(values) == 0 for _, rest in plan.values()):
                continue  # x = e^{u·0} would be pinned to 1, not free
            xs = {m: sympy.Rational(rng.randint(1, 2 * scale), rng.randint(1, scale)) for m in plan}
            point = [flint.fmpq(int(values[v].p), int(values[v].q)) for v in gens.plain]
            point += [flint.fmpq(int(xs[m].p), int(xs[m].q)) for m in gens.exp_units]
            sides = rational.apart(difference, f_lhs, f_rhs, point)
            if sides is None:
                continue
            left, right = sides
            assignment: dict[sympy.Basic, sympy.Expr] = dict(values)
            for monomial, (variable, rest) in plan.items():
                unit = gens.exp_units[monomial]
                assignment[variable] = sympy.log(xs[monomial]) / (unit * rest.xreplace(values))
            return exact(described(assignment), left, right)
        return None
    nesting = max(_exp_nesting(lhs), _exp_nesting(rhs))
    if nesting > MAX_EXP_NESTING:
        raise TooLarge(
            f"too large: exponentials nested {nesting} deep cannot be evaluated "
            f"(at most {MAX_EXP_NESTING})"
        )
    # the second half of the attempts draws every real variable from (0, 1): a probability p
    # in log p and log(1 - p) is real nowhere else, and the first half rarely lands there
    for attempt in range(2 * (ATTEMPTS // 3)):
        scale = 2 + attempt % (ATTEMPTS // 3)
        sample = _sample if attempt < ATTEMPTS // 3 else _sample_unit
        values = {v: sample(v, rng, scale) for v in variables}
        try:
            left = sympy.N(lhs.xreplace(values), DIGITS)
            right = sympy.N(rhs.xreplace(values), DIGITS)
        except (TypeError, ValueError, ZeroDivisionError):  # pragma: no cover - defensive
            continue
        if not all(v.is_number and v.is_real and v.is_finite for v in (left, right)):
            continue
        if _apart(left, right) and _stable(lhs, rhs, values, left, right):
            return approximate(described(dict(values)), left, right)
    return None


def _apart(left: sympy.Float, right: sympy.Float) -> bool:
    return bool(
        abs(left - right) > sympy.Float(10) ** (-DIGITS // 2) * (1 + abs(left) + abs(right))
    )


def _stable(
    lhs: sympy.Expr,
    rhs: sympy.Expr,
    values: dict[sympy.Symbol, sympy.Expr],
    left: sympy.Float,
    right: sympy.Float,
) -> bool:
    """The two sides, evaluated again with four times the digits, are still apart and agree
    with the first evaluation: ``\\log \\frac{y}{1 - y}`` at ``y = σ(389)`` cancels 169 digits, and
    a difference in the 17th digit of the first evaluation is rounding, not a counterexample."""
    try:
        again = [sympy.N(side.xreplace(values), 4 * DIGITS) for side in (lhs, rhs)]
    except (TypeError, ValueError, ZeroDivisionError):  # pragma: no cover - defensive
        return False
    if not all(v.is_number and v.is_real and v.is_finite for v in again):
        return False
    close = sympy.Float(10) ** (-DIGITS // 2)
    agree = all(
        abs(first - second) <= close * (1 + abs(second))
        for first, second in zip((left, right), again, strict=True)
    )
    return agree and _apart(*again)


# ---------------------------------------------------------------------------------------------


def _as_expr(value: object, side: str) -> sympy.Expr:
    if isinstance(value, str):
        raise InputError(
            f"the {side} is the string {value!r}: pass a SymPy expression "
            "(for LaTeX text use symsoft.check_claim)"
        )
    if isinstance(value, bool) or not isinstance(value, (int, sympy.Basic)):
        raise InputError(f"the {side} must be a SymPy expression, got {type(value).__name__}")
    return sympy.sympify(value) if isinstance(value, int) else value  # int only: no parsing


def _expand_log(expr: sympy.Expr, force: bool = False) -> sympy.Expr:
    """``sympy.expand_log(expr, force=force)``: the same object when ``expr`` has no logarithm,
    without SymPy's walk, which asks every product for its numerator and denominator."""
    return sympy.expand_log(expr, force=force) if expr.has(sympy.log) else expr


def _decide(
    lhs: sympy.Expr, rhs: sympy.Expr, seed: int, substitution: dict[sympy.Basic, sympy.Expr]
) -> Verdict:
    lhs, rhs = _expand_log(lhs.doit()), _expand_log(rhs.doit())
    try:
        gens = _scan([lhs, rhs])
        ring = rational.Ring(gens.names())
        left, right = _lower(lhs, gens, ring), _lower(rhs, gens, ring)
        difference = rational.add_sharing(left, (-right[0], right[1]))
    except UnsupportedExpression as exc:
        return Verdict("unknown", reason=str(exc))
    if rational.is_zero(difference):
        field = f"Q({gens.shown()})" if gens.names() else "Q"
        return Verdict(
            "proved",
            reason=f"lhs − rhs reduces to 0 as a rational function in {field}",
            certificate=f"the numerator of lhs − rhs is the zero polynomial over {field}",
        )
    try:
        counterexample = _counterexample(lhs, rhs, gens, ring, difference, seed, substitution)
    except TooLarge as exc:  # no point could be evaluated: nothing is decided
        return Verdict("unknown", reason=f"undecided: {exc}")
    if counterexample is not None:
        return Verdict(
            "refuted",
            reason="lhs − rhs is not identically 0: " + counterexample.describe(),
            counterexample=counterexample,
        )
    if gens.opaque and (split := with_power_generators(lhs, rhs)) is not None:
        if (again := _decide(split[0], split[1], seed, {})).status == "proved":
            return again  # (1 - p)^γ beside (1 - p)^{γ-1}: one generator (powers.py)
    if gens.opaque:
        atoms = ", ".join(sympy.sstr(g) for g in gens.opaque[:3])
        return Verdict(
            "unknown",
            reason=f"the difference is not a rational function of independent generators "
            f"(it involves {atoms}) and no point was found where it is non-zero",
        )
    return Verdict(  # pragma: no cover - a non-zero polynomial has non-roots
        "unknown", reason="the numerator is not 0 but no non-zero point was found"
    )


def prove(
    lhs: sympy.Expr,
    rhs: sympy.Expr,
    assumptions: Iterable[Hypothesis] = (),
    *,
    seed: int = 0,
) -> Verdict:
    """Decide ``lhs = rhs`` for all real values of the variables (under ``assumptions``).

    Returns a :class:`~symsoft.results.Verdict`: ``proved`` with a certificate, ``refuted``
    with an exact counterexample, or ``unknown`` with the reason.

    >>> s = __import__("symsoft").softmax(3)
    >>> prove(s.derivative(1, 2), -s[1] * s[2]).status
    'proved'
    >>> prove(s.derivative(1, 2), s[1] * s[2]).status
    'refuted'
    """
    lhs, rhs = _as_expr(lhs, "left side"), _as_expr(rhs, "right side")
    cases = _cases(assumptions)
    verdicts = []
    for number, substitution in enumerate(cases):
        verdict = _decide(
            lhs.xreplace(substitution), rhs.xreplace(substitution), seed + number, substitution
        )
        if verdict.status == "refuted":
            return verdict
        verdicts.append(verdict)
    status = combine(v.status for v in verdicts)
    if status == "unknown":
        return next(v for v in verdicts if v.status == "unknown")
    if len(verdicts) == 1:
        return verdicts[0]
    return Verdict(
        "proved",
        reason=f"proved in each of the {len(verdicts)} cases of the hypotheses",
        certificate="; ".join(v.certificate or "" for v in verdicts[:3])
        + ("; …" if len(verdicts) > 3 else ""),
    )


__all__ = ["OneHot", "Substitutions", "one_hot", "prove", "sum_to_one"]
