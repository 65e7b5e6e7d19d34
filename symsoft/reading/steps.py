"""Judge one step ``A = B`` of a written derivation for every N, case by case.

Names take their meaning from a :class:`Meanings` table (``S = softmax(a)``, ``p = softmax(o)``,
``L = -Σ_j y_j log p_j`` unless the document defines them otherwise). Both sides (read by
:mod:`symsoft.reading.sides`) are brought to the symbolic-N form of
:mod:`symsoft.verification.general`: sums over ``1..N`` with symbolic indices, piecewise results
resolved for ``1 ≤ i, j ≤ N``, one case per way the free indices can coincide, every ``Σ_k
g(k)`` one opaque symbol; then :func:`symsoft.algebra.prover.prove` decides.

A proof with opaque sums is sound: an identity that holds whatever values the sums take holds
for their true values. A refutation is only reported with a concrete N, concrete indices and an
exact point where the two sides differ; otherwise the verdict is unknown.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import sympy
from sympy.core.relational import Relational

from symsoft.algebra.prover import prove, sum_to_one
from symsoft.algebra.sums import Kept, evaluate_sums
from symsoft.errors import SymsoftError, UnsupportedExpression
from symsoft.reading.latex import index_symbol
from symsoft.results import Counterexample, Verdict

N = index_symbol("N")
INDEX_LETTERS = "ijklmn"
SIZES = range(1, 7)  # sizes tried for a concrete counterexample
MAX_FREE_INDICES = 3
SUM_TO_ONE = "Σ_j y_j = 1"


class Unreadable(SymsoftError, ValueError):
    """A side that cannot be read without guessing; ``pos`` is its offset in the side's text."""

    def __init__(self, reason: str, pos: int = 0) -> None:
        super().__init__(reason)
        self.reason, self.pos = reason, pos


# ---------------------------------------------------------------- meanings


@dataclass(frozen=True)
class Meaning:
    """``name_index = value`` (``index`` None for a scalar such as ``L``)."""

    name: str
    index: sympy.Symbol | None
    value: sympy.Expr
    source: str  # "standard", "line 12", "--define"
    latex: str
    slip: bool = False  # the written definition has an index slip; this is what it meant
    unread: str = ""  # a new definition this reader cannot read: why (steps under it: unread)


def _bound() -> sympy.Dummy:
    return sympy.Dummy("k", integer=True, positive=True)


def softmax_meaning(name: str, logits: str) -> Meaning:
    """``name_m = e^{logits_m} / Σ_k e^{logits_k}``.

    >>> softmax_meaning("S", "a").value
    exp(a[_m])/Sum(exp(a[_k]), (_k, 1, N))
    """
    m, k, x = sympy.Dummy("m", integer=True, positive=True), _bound(), sympy.IndexedBase(logits)
    value = sympy.exp(x[m]) / sympy.Sum(sympy.exp(x[k]), (k, 1, N))
    latex = rf"{name}_m = \frac{{e^{{{logits}_m}}}}{{\sum_k e^{{{logits}_k}}}}"
    return Meaning(name, m, value, "standard", latex)


def loss_meaning(probabilities: str = "p") -> Meaning:
    """``L = -Σ_k y_k log p_k``."""
    k = _bound()
    y, p = sympy.IndexedBase("y"), sympy.IndexedBase(probabilities)
    value = -sympy.Sum(y[k] * sympy.log(p[k]), (k, 1, N))
    return Meaning("L", None, value, "standard", rf"L = -\sum_k y_k \log {probabilities}_k")


def partition_meaning(logits: str) -> Meaning:
    """``Z = Σ_k e^{logits_k}``."""
    k = _bound()
    value = sympy.Sum(sympy.exp(sympy.IndexedBase(logits)[k]), (k, 1, N))
    return Meaning("Z", None, value, "standard", rf"Z = \sum_k e^{{{logits}_k}}")


@dataclass(frozen=True)
class FunctionMeaning:
    """``name(variable) = value`` in function notation; ``value`` None: an unknown function
    (``g`` and ``h`` of the quotient rule), whose value and derivatives at a point are
    independent real numbers."""

    name: str
    variable: sympy.Symbol
    value: sympy.Expr | None
    source: str

    def at(self, argument: sympy.Expr, primes: int = 0) -> sympy.Expr:
        """``name^{(primes)}(argument)``."""
        if self.value is None:
            applied = sympy.Function(self.name, real=True)(self.variable)
        else:
            applied = self.value
        if primes:
            applied = sympy.diff(applied, self.variable, primes)
        if argument == self.variable:
            return applied
        if primes and not isinstance(argument, sympy.Symbol):
            raise Unreadable(f"{self.name}' at {argument}: write the derivative at a variable")
        return applied.xreplace({self.variable: argument})


@dataclass
class Meanings:
    """What each name means, and which names are free variables (``leaves``)."""

    table: dict[str, Meaning] = field(default_factory=dict)
    leaves: set[str] = field(default_factory=lambda: {"a", "o", "y"})
    size: sympy.Symbol = N  # the document's name for the number of classes (N, or K)
    functions: dict[str, FunctionMeaning] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)  # defined where symsoft cannot read
    # where the section of such a definition starts: a step in an earlier section is not in it
    unreadable_from: dict[str, int] = field(default_factory=dict)
    defined_at: dict[str, int] = field(default_factory=dict)  # where each definition read is
    unread_inputs: dict[str, str] = field(default_factory=dict)  # x in z = w^T x, not read
    sigma_arguments: set[str] = field(default_factory=set)  # the v of every \sigma(v) written
    used: set[str] = field(default_factory=set)  # the names expanded since the last clear()
    normalized: set[str] = field(default_factory=set)  # Σ_k X_k = 1 stated (X other than y)
    macros: dict[str, str] = field(default_factory=dict)  # \newcommand{\dd}{\partial}
    stated_sizes: set[int] = field(default_factory=set)  # "with $N = 3$ inputs"
    examples: dict[str, int] = field(default_factory=dict)  # o_1 = 0: where values are given
    example_texts: list[tuple[int, str, str, str]] = field(default_factory=list)  # (at, name, l, r)
    parameters: set[str] = field(default_factory=set)  # indices a scalar may depend on (a label)
    free_names: bool = False  # a claim: names with no meaning are free variables, also to refute
    # free only by symsoft's default (y, the labels of the standard loss): the text never says so
    unstated_leaves: set[str] = field(default_factory=set)

    @classmethod
    def standard(cls, s_logits: str = "a", p_logits: str = "o") -> Meanings:
        """The standard meanings: ``S = softmax(a)``, ``p = softmax(o)``, ``L``, ``Z``."""
        table = {
            "S": softmax_meaning("S", s_logits),
            "p": softmax_meaning("p", p_logits),
            "L": loss_meaning(),
        }
        meanings = cls(table, {"y", s_logits, p_logits})
        return meanings

    def expand(self, expr: sympy.Expr, keep: frozenset[str] = frozenset()) -> sympy.Expr:
        """``expr`` with every name (but those in ``keep``) replaced by its meaning."""
        if self.unreadable:
            names = {str(e.base.label) for e in expr.atoms(sympy.Indexed)}
            names |= {s.name for s in expr.free_symbols}
            for name in sorted(names & self.unreadable.keys()):
                raise Unreadable(
                    f"{name} is defined at {self.unreadable[name]} in a way not read here"
                )
        for _ in range(12):
            new = expr.replace(lambda e: self._defined(e, keep), self._meaning_of)
            if new == expr:
                return new
            expr = new
        raise Unreadable("circular definitions")

    def sizes(self) -> dict[sympy.Symbol, sympy.Symbol]:
        """The document's name for the number of classes, as a size or a value, read as N."""
        return {self.size: N, sympy.Symbol(self.size.name, real=True): N}

    def defaults(self) -> list[Meaning]:
        """The meanings used since the last ``used.clear()`` that the document never stated."""
        return [
            self.table[name] for name in sorted(self.used) if self.table[name].source == "standard"
        ]

    def arguments(self) -> set[str]:
        """The names the meanings are functions of (``a``, ``o``, ``y`` by default)."""
        names = {
            str(e.base.label) for m in self.table.values() for e in m.value.atoms(sympy.Indexed)
        }
        # a scalar such as Z or S in p_i = e^{z_i} / Z is a shorthand the text explains in words,
        # not a free variable: only lower-case scalars and parameters count
        return names | {
            s.name
            for m in self.table.values()
            for s in m.value.free_symbols
            if not (s.name[:1].isupper() or s.name.startswith("Sigma"))
        }

    def _defined(self, e: sympy.Basic, keep: frozenset[str]) -> bool:
        name = name_of(e)
        if name not in self.table or name in keep:
            return False
        return isinstance(e, sympy.Indexed) or self.table[name].index is None  # not a label

    def _meaning_of(self, e: sympy.Expr) -> sympy.Expr:
        meaning = self.table[name_of(e)]  # type: ignore[index]
        self.used.add(meaning.name)
        if isinstance(e, sympy.Indexed):
            if meaning.index is None or len(e.indices) != 1:
                raise Unreadable(f"{e} has the wrong number of indices for {meaning.latex}")
            return meaning.value.xreplace({meaning.index: e.indices[0]})
        if meaning.index is not None:
            raise Unreadable(f"{e} needs an index: {meaning.latex}")
        return meaning.value


def name_of(e: sympy.Basic) -> str | None:
    if isinstance(e, sympy.Indexed):
        return str(e.base.label)
    if isinstance(e, sympy.Symbol) and not isinstance(e, sympy.Dummy):
        return e.name
    return None


def is_index(symbol: sympy.Basic) -> bool:
    """An index of the document: ``i j k l m n`` (not the size ``N``)."""
    return isinstance(symbol, sympy.Symbol) and (
        (len(symbol.name) == 1 and symbol.name.islower() and symbol == index_symbol(symbol.name))
        or (isinstance(symbol, sympy.Dummy) and bool(symbol.is_integer))
    )


# ---------------------------------------------------------------- normal form


def fresh_bounds(expr: sympy.Expr) -> sympy.Expr:
    """Every summation index renamed to a fresh dummy, so substitutions never capture."""

    def rename(body: sympy.Expr, *limits: tuple) -> sympy.Expr:
        for variable, low, high in limits:
            dummy = _bound()
            body = body.xreplace({variable: dummy})
            body = sympy.Sum(body, (dummy, low, high))
        return body

    return expr.replace(lambda e: isinstance(e, sympy.Sum), lambda e: rename(*e.args))


def _positive(expr: sympy.Expr) -> bool:
    """Positive by construction: ``e^x`` (the logits are real), sums and products of such."""
    if isinstance(expr, sympy.exp) or (expr.is_Number and expr > 0):
        return True
    if isinstance(expr, sympy.Sum):
        return _positive(expr.function)
    if isinstance(expr, sympy.Mul | sympy.Add):
        return all(_positive(arg) for arg in expr.args)
    if isinstance(expr, sympy.Pow):
        return _positive(expr.base) and bool(expr.exp.is_real)
    return False


def expand_logs(expr: sympy.Expr) -> sympy.Expr:
    """``log(e^x / Z) = x - log Z`` and the like, only where every factor is positive.

    >>> a = sympy.IndexedBase("a")
    >>> expand_logs(sympy.log(sympy.exp(a[1]) / (sympy.exp(a[1]) + sympy.exp(a[2]))))
    -log(exp(a[1]) + exp(a[2])) + a[1]
    """

    def split(argument: sympy.Expr) -> sympy.Expr:
        if isinstance(argument, sympy.exp):
            return argument.args[0]
        if isinstance(argument, sympy.Pow) and _positive(argument.base) and argument.exp.is_real:
            return argument.exp * split(argument.base)
        if isinstance(argument, sympy.Mul) and all(_positive(f) for f in argument.args):
            return sympy.Add(*(split(f) for f in argument.args))
        if argument.has(sympy.exp) and not argument.has(sympy.Sum):
            # 1 - σ(u) = e^{-u}/(1 + e^{-u}) = 1/(e^u + 1): one fraction of positive parts
            flipped = argument.replace(
                lambda e: isinstance(e, sympy.exp) and e.args[0].could_extract_minus_sign(),
                lambda e: 1 / sympy.exp(-e.args[0]),
            )
            top, bottom = sympy.fraction(sympy.cancel(sympy.together(flipped)))
            if bottom != 1 and _positive(top) and _positive(bottom):
                return split(top) - split(bottom)
        return sympy.log(argument)

    return expr.replace(lambda e: isinstance(e, sympy.log), lambda e: split(e.args[0]))


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

    return expr.replace(sympy.Piecewise, branch)


_SUMMAND_NODES = (sympy.Add, sympy.Mul, sympy.Pow, sympy.exp, sympy.log, sympy.Symbol, sympy.Number)


def unsummable(total: sympy.Sum) -> bool:
    """``Σ_{k=1}^{N} g`` with a symbolic ``N`` and ``k`` only ever the whole subscript of a name
    (``e^{a_k}``, ``y_k log p_k``), built from sums, products, powers, ``exp`` and ``log``: SymPy
    has no closed form for it (``Sum.doit`` returns it after its heuristics, Gosper's
    algorithm among them, have failed), and neither has a Kronecker delta to sum by rule.

    >>> a, k = sympy.IndexedBase("a"), sympy.Symbol("k", integer=True)
    >>> unsummable(sympy.Sum(sympy.exp(a[k]), (k, 1, N))), unsummable(sympy.Sum(k, (k, 1, N)))
    (True, False)
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
            return node.indices == (k,)
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
    kept = ruled.replace(lambda e: type(e) is sympy.Sum and unsummable(e), lambda e: Kept(*e.args))
    done = kept.doit()
    return done.replace(lambda e: isinstance(e, Kept), lambda e: sympy.Sum(*e.args))


def _in_range(index: sympy.Expr) -> bool:
    """An index that :func:`resolve` knows to lie in ``1..N`` (an index, a number written as
    one)."""
    return is_index(index) or bool(index.is_Integer and index > 0)


class Sums:
    """Each distinct ``Σ_k g(k)`` over ``1..N`` as one opaque symbol."""

    def __init__(self) -> None:
        self.symbols: dict[sympy.Expr, sympy.Symbol] = {}
        self.dummy = sympy.Dummy("k", integer=True, positive=True)

    def atomize(self, expr: sympy.Expr) -> sympy.Expr:
        return expr.replace(lambda e: isinstance(e, sympy.Sum), self._split)

    def _split(self, total: sympy.Sum) -> sympy.Expr:
        (variable, low, high), *more = total.limits
        if more or low != 1 or high != N:
            raise UnsupportedExpression(f"a sum over another range: {total}")
        body = sympy.expand(total.function.xreplace({variable: self.dummy}))
        out = sympy.S.Zero
        for term in sympy.Add.make_args(body):
            free, bound = [], []
            for factor in sympy.Mul.make_args(term):
                (bound if self.dummy in factor.free_symbols else free).append(factor)
            out += sympy.Mul(*free) * self.symbol(sympy.Mul(*bound))
        return out

    def symbol(self, body: sympy.Expr) -> sympy.Expr:
        if body == 1:
            return N
        if body not in self.symbols:
            plain = flatten(body)
            name = f"Sigma{len(self.symbols) + 1}"
            positive = bool(plain.is_positive)
            self.symbols[body] = (
                sympy.Symbol(name, positive=True) if positive else sympy.Symbol(name, real=True)
            )
        return self.symbols[body]

    def target_total(self) -> sympy.Symbol | None:
        return self.symbols.get(sympy.IndexedBase("y")[self.dummy])


def flatten(expr: sympy.Expr) -> sympy.Expr:
    """``a[i] ↦ a_i`` (real symbols): the prover works with plain variables."""
    return expr.replace(
        lambda e: isinstance(e, sympy.Indexed),
        lambda e: sympy.Symbol(f"{e.base.label}_{'_'.join(map(str, e.indices))}", real=True),
    )


# ---------------------------------------------------------------- judging


@dataclass(frozen=True)
class CaseCheck:
    """The verdict on one index case: ``"i = j"``, ``"i ≠ j"``, ``"every i"``."""

    case: str
    verdict: Verdict
    where: str  # "every N ≥ 1, 1 ≤ i, j ≤ N" or "N = 3, i = 1, j = 2"
    hypothesis: str | None = None  # SUM_TO_ONE when the proof needed it


@dataclass(frozen=True)
class Relation:
    """An index condition ``left = right`` or ``left ≠ right`` the document states."""

    left: str
    equal: bool
    right: str

    def __str__(self) -> str:
        return f"{self.left} {'=' if self.equal else '≠'} {self.right}"


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
) -> tuple[CaseCheck, ...]:
    """The verdict on ``lhs = rhs`` per index case, proved for every N (or at ``n``); with
    ``example`` (a worked example's values, by flattened name: ``z_1``, ``T``) at ``n`` and
    those values.

    >>> from symsoft.reading.sides import Reader
    >>> reader = Reader(Meanings.standard())
    >>> cases = judge(reader.expression(r"\\frac{\\partial S_i}{\\partial a_j}"),
    ...               reader.expression("-S_i S_j"), reader.meanings)
    >>> [(c.case, c.verdict.status) for c in cases]
    [('i ≠ j', 'proved'), ('i = j', 'refuted')]
    """
    sides = []
    for side in (lhs, rhs):
        size = meanings.sizes()
        expanded = meanings.expand(fresh_bounds(side.xreplace(size))).xreplace(size)
        sides.append(expand_logs(resolve(evaluate(fresh_bounds(expanded)))))
    derivatives = any(side.has(sympy.Derivative) for side in (lhs, rhs))
    undefined = check_names(sides, meanings, open_names=not derivatives and example is None)
    sides = _function_values_as_reals(sides)
    free = sorted(
        {s for side in sides for s in side.free_symbols if is_index(s)}, key=lambda s: s.name
    )
    if len(free) > MAX_FREE_INDICES:
        raise Unreadable(f"{len(free)} free indices; at most {MAX_FREE_INDICES} are split")
    checks = []
    for blocks in partitions(free):
        if not _consistent(blocks, condition):
            continue
        left, right = (_in_case(side, blocks) for side in sides)
        checks.append(
            _decide(
                left,
                right,
                blocks,
                hypothesis_stated,
                n,
                meanings.normalized,
                meanings.stated_sizes,
                example,
            )
        )
    if (
        undefined
        and not meanings.free_names
        and not all(check.verdict.status == "proved" for check in checks)
    ):
        names = ", ".join(sorted(undefined))
        raise Unreadable(
            f"{names} {'is' if len(undefined) == 1 else 'are'} not defined in the document: "
            "read as free variables the step does not hold for every value (define them to "
            "decide)"
        )
    return tuple(checks)


def _function_values_as_reals(sides: list[sympy.Expr]) -> list[sympy.Expr]:
    """``g(x)``, ``g'(x)``, ``h''(x)`` of unknown functions become independent real symbols: an
    identity of calculus holds for every g and h exactly when it holds for every value of those
    (a point's values and derivatives can be chosen freely)."""
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


def _function_name(atom: sympy.Expr) -> str:
    return (atom.expr if isinstance(atom, sympy.Derivative) else atom).func.__name__


PARAMETERS = frozenset({"T", "epsilon", "tau", "alpha", "beta", "gamma", "eta", "lambda"})


def check_names(sides: list[sympy.Expr], meanings: Meanings, open_names: bool = False) -> set[str]:
    """Every name left after expansion is a free variable; never guess what ``x_k`` means.

    With ``open_names`` (a step without derivatives) a name the document never gives a meaning
    is read as a free variable and returned: the step holds for the author's meaning if it holds
    for every value, and is not judged otherwise."""
    free = meanings.leaves | meanings.arguments() | PARAMETERS
    free |= {f.variable.name for f in meanings.functions.values()}
    for side in sides:
        names = {str(e.base.label) for e in side.atoms(sympy.Indexed)}
        names |= {s.name for s in side.free_symbols}
        for name in sorted(names & meanings.unreadable.keys()):
            raise Unreadable(
                f"{name} is defined at {meanings.unreadable[name]} in a way not read here"
            )
    with_index = {str(e.base.label) for side in sides for e in side.atoms(sympy.Indexed)}
    with_index |= {
        m.name for m in meanings.table.values() if m.index is not None and m.source != "standard"
    }
    for side in sides:
        bare = side.free_symbols - {e.base.label for e in side.atoms(sympy.Indexed)}
        bare -= side.atoms(sympy.Indexed)
        for symbol in sorted(bare, key=str):
            if str(symbol) in with_index and not is_index(symbol):
                raise Unreadable(
                    f"{symbol} is written here without an index and with one elsewhere: "
                    "a vector in plain letters? not read"
                )
    undefined: set[str] = set()
    for side in sides:
        indexed = side.atoms(sympy.Indexed)
        labels = {e.base.label for e in indexed}
        for e in indexed:
            if str(e.base.label) not in free:
                if open_names:
                    undefined.add(str(e.base.label))
                    continue
                raise Unreadable(
                    f"'{e}' has no meaning here: define {e.base.label} in the document"
                )
        for symbol in side.free_symbols - labels - indexed:
            if not (is_index(symbol) or symbol == N or str(symbol) in free):
                if open_names:
                    undefined.add(str(symbol))
                    continue
                raise Unreadable(f"'{symbol}' has no meaning here: define it in the document")
    return undefined


def _decide(
    left: sympy.Expr,
    right: sympy.Expr,
    blocks: list[list[sympy.Symbol]],
    hypothesis_stated: bool,
    n: int | None,
    normalized: set[str] | frozenset[str] = frozenset(),
    stated_sizes: set[int] | frozenset[int] = frozenset(),
    example: Mapping[str, sympy.Expr] | None = None,
) -> CaseCheck:
    name = case_name(blocks)
    if n is not None:
        verdict, where, used = _concrete(
            left, right, blocks, hypothesis_stated, [n], normalized, example
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
        total = sums.target_total()
        if general.status != "proved" and total is not None:
            given = prove(flat_left, flat_right, [sympy.Eq(total, 1), *facts])
            if given.status == "proved":
                return CaseCheck(name, given, _domain(blocks), SUM_TO_ONE)
    if general.status == "proved":
        return CaseCheck(name, general, _domain(blocks))
    verdict, where, used = _concrete(
        left, right, blocks, hypothesis_stated, list(SIZES), normalized
    )
    if verdict.status == "refuted":
        largest = _largest_written_index(left, right)
        if largest > 1 and not where.startswith(f"N = {largest},") and where != f"N = {largest}":
            at_largest, _, _ = _concrete(
                left, right, blocks, hypothesis_stated, [largest], normalized
            )
            if at_largest.status == "proved" and set(stated_sizes) == {largest}:
                return CaseCheck(name, at_largest, f"N = {largest}, the size the text states")
            if at_largest.status == "proved":
                reason = (
                    f"holds at N = {largest}, the largest index written, and fails at {where}: "
                    "the document does not say which N it means"
                )
                return CaseCheck(name, Verdict("unknown", reason=reason), where)
        return CaseCheck(name, verdict, where, used)
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


def _concrete(
    left: sympy.Expr,
    right: sympy.Expr,
    blocks: list[list[sympy.Symbol]],
    hypothesis_stated: bool,
    sizes: list[int],
    normalized: set[str] | frozenset[str] = frozenset(),
    example: Mapping[str, sympy.Expr] | None = None,
) -> tuple[Verdict, str, str | None]:
    """Both sides at concrete sizes and indices: the first size where they differ, or, at one
    given size, the verdict there (with ``Σ_j y_j = 1`` when only that makes it hold); with
    ``example``, at those values of the variables."""
    written = [
        int(x)
        for side in (left, right)
        for e in side.atoms(sympy.Indexed)
        for x in e.indices
        if x.is_Integer
    ]
    values = {b[0]: sympy.Integer(n + 1) for n, b in enumerate(blocks)}
    fixed = len(sizes) == 1
    last, where = Verdict("unknown", reason="no size to check"), ""
    for size in sizes:
        where = ", ".join([f"N = {size}"] + [f"{b[0]} = {values[b[0]]}" for b in blocks])
        if size < len(blocks):
            if fixed:
                return (
                    Verdict("proved", reason=f"vacuous: no such indices at N = {size}"),
                    where,
                    None,
                )
            continue
        if size < max(written, default=1):
            last = Verdict("unknown", reason=f"an index above N = {size} is written")
            continue
        point = {**values, N: sympy.Integer(size)}
        try:
            at_left, at_right = (
                flatten(resolve(side.xreplace(point).doit())) for side in (left, right)
            )
        except UnsupportedExpression as exc:
            return Verdict("unknown", reason=str(exc)), where, None
        if example:
            general = (at_left, at_right)
            at_left, at_right = (
                side.xreplace({s: example[s.name] for s in side.free_symbols if s.name in example})
                for side in (at_left, at_right)
            )
            left_free = sorted(map(str, at_left.free_symbols | at_right.free_symbols))
            if left_free:
                # values the example does not give: a remark ("for T = 1 …") as much as an
                # example, so the step must hold both at the values and for every value
                verdict = prove(at_left, at_right)
                if verdict.status != "proved":
                    reason = f"the worked example gives no value of {', '.join(left_free)}"
                    verdict = Verdict("unknown", reason=reason)
                elif prove(*general, _example_facts(example, size)).status != "proved":
                    given = ", ".join(sorted(example))
                    reason = (
                        f"holds at the worked example's {given} but not for every value: "
                        "which one the step means is not said"
                    )
                    verdict = Verdict("unknown", reason=reason)
                return verdict, where, None
            remarks = getattr(example, "remarks", frozenset())
            if remarks:
                # "for $T = 1$ it is …" says a value in passing: the step must agree there and
                # for every value of it (with the example's other values in)
                kept = {s: v for s, v in example.items() if s not in remarks}
                opened = prove(
                    *(
                        side.xreplace(
                            {s: kept[s.name] for s in side.free_symbols if s.name in kept}
                        )
                        for side in general
                    )
                )
                verdict = prove(at_left, at_right)
                if verdict.status != opened.status:
                    said = ", ".join(f"{name} = {example[name]}" for name in sorted(remarks))
                    words = {"proved": "holds", "refuted": "fails", "unknown": "is undecided"}
                    every = {
                        "proved": "holds for every value",
                        "refuted": "does not hold for every value",
                        "unknown": "is undecided for every value",
                    }
                    reason = (
                        f"the step {words[verdict.status]} at {said}, said in a remark, and "
                        f"{every[opened.status]}: which one it means is not said"
                    )
                    verdict = Verdict("unknown", reason=reason)
                return verdict, where, None
        targets = [sympy.Symbol(f"y_{m}", real=True) for m in range(1, size + 1)]
        uses_targets = bool((at_left.free_symbols | at_right.free_symbols) & set(targets))
        facts = [
            sum_to_one([sympy.Symbol(f"{name}_{m}", real=True) for m in range(1, size + 1)])
            for name in sorted(normalized)
        ]
        plain = prove(at_left, at_right, facts)
        if plain.status == "proved" and fixed:
            return plain, where, None
        if uses_targets and (hypothesis_stated or fixed):
            given = prove(at_left, at_right, [sum_to_one(targets), *facts])
            if given.status == "proved" and fixed:
                return given, where, SUM_TO_ONE
            if given.status == "refuted" and hypothesis_stated:
                return given, where, SUM_TO_ONE
            if hypothesis_stated:  # the stated hypothesis decides: a plain failure is no flag
                last = given
                continue
        if plain.status == "refuted" and not hypothesis_stated:
            return plain, where, None
        last = plain
    return last, where, None


def _example_facts(example: Mapping[str, sympy.Expr], size: int) -> list[sympy.Eq]:
    """Σ_j y_j = 1 when the worked example's targets sum to one (``y = (1, 0, 0)``): the step
    is then meant for targets of that kind."""
    targets = [f"y_{m}" for m in range(1, size + 1)]
    if all(name in example for name in targets) and sum(example[t] for t in targets) == 1:
        return [sum_to_one([sympy.Symbol(name, real=True) for name in targets])]
    return []


def describe(counterexample: Counterexample) -> str:
    """A counterexample as ``a = (log(2), 0, log(3)), y = (1, 0, 0)``."""
    families: dict[str, list[tuple[int, str]]] = {}
    plain: list[str] = []
    for name, value in counterexample.point:
        match = re.fullmatch(r"([A-Za-z]+)_(\d+)", name)
        if match:
            families.setdefault(match.group(1), []).append((int(match.group(2)), value))
        else:
            plain.append(f"{name} = {value}")
    others = dict(counterexample.others)
    parts = []
    for family, entries in families.items():
        entries.sort()
        shown = ", ".join(value for _, value in entries)
        if family in others:
            shown += f", others {others[family]}"
        parts.append(f"{family} = ({shown})")
    return ", ".join(parts + plain)


__all__ = [
    "PARAMETERS",
    "CaseCheck",
    "Meaning",
    "Meanings",
    "Relation",
    "Unreadable",
    "judge",
]
