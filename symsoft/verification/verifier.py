"""``verify_theorem(theorem, n)``: every entry of a theorem, proved or refuted, at one size N
(:func:`symsoft.verification.api.verify` runs the catalogue through it).

Two ways to differentiate, one procedure to decide:

* ``method="ring"`` (the default): each entry is differentiated by the derivation of
  :mod:`symsoft.verification.derivation` in the local ring of the few generators the entry
  involves (:mod:`symsoft.verification.entries`), and
  compared with the closed form lowered into the same ring.  O(1) work per Jacobian entry.
* ``method="sympy"``: each entry is ``sympy.diff`` of the built expression, decided by
  :func:`symsoft.algebra.prover.prove`.  O(N) per entry; the reference the fast path is tested
  against.

An entry the fast path cannot express falls back to the SymPy path, never to a guess.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable

import sympy

from symsoft.algebra.prover import prove
from symsoft.catalogue.family import Family
from symsoft.catalogue.theorems import MAX_N, Sizes, Theorem
from symsoft.errors import InputError, UnsupportedExpression
from symsoft.results import Derivation, EntryCheck, TheoremResult, Verdict, combine
from symsoft.verification.derivation import leaf_rules
from symsoft.verification.patterns import decider

DETAIL_LIMIT = 12  # up to this N every entry is listed in the results
FAILURE_LIMIT = 50  # at most this many failing entries are listed
PARALLEL_FROM = 20_000  # entries; below this, forking costs more than it saves
ATTEMPTS = 40

Progress = Callable[[str, int, int], None]


# ---------------------------------------------------------------------------------------------
# The reference path and the representative derivations


def _sympy_entry(theorem: Theorem, family: Family, index: tuple[int, ...], seed: int) -> Verdict:
    mechanical = family.mechanical(theorem, index)
    closed = family.closed(theorem, index)
    return prove(mechanical, closed, family.assumptions(theorem, index), seed=seed)


def _x_form(expr: sympy.Expr, family: Family, keep_sum: bool) -> sympy.Expr:
    """``expr`` with ``e^{c·a_k} ↦ x_k^c`` and, unless ``keep_sum``, ``Σ_k e^{a_k} ↦ z``."""
    families = [family.softmax, family.cross_entropy.probabilities]
    if "tempered" in family.__dict__:
        families.append(family.tempered)
    xs: dict[sympy.Basic, sympy.Symbol] = {}
    for softmax in families:
        for m, logit in enumerate(softmax.logits, 1):
            xs[logit] = sympy.Symbol(f"x_{m}", positive=True)
        if not keep_sum:
            expr = expr.xreplace({softmax.partition_sum: sympy.Symbol("z", positive=True)})

    def as_power(e: sympy.exp) -> sympy.Expr:
        terms = sympy.expand(e.args[0]).as_coefficients_dict()
        if all(t in xs for t in terms):
            return sympy.Mul(*(xs[t] ** c for t, c in terms.items()))
        return e

    return expr.replace(lambda e: isinstance(e, sympy.exp), as_power)


def _hypothesis_substitution(family: Family, theorem: Theorem, index: tuple[int, ...]) -> dict:
    from symsoft.algebra.prover import _cases

    cases = _cases(family.assumptions(theorem, index))
    return cases[0] if cases else {}


def _derivation(
    theorem: Theorem, family: Family, index: tuple[int, ...], verdict: Verdict
) -> Derivation:
    function, variables = family.function(theorem, index)
    mechanical = family.mechanical(theorem, index)
    closed = family.closed(theorem, index)
    keep_sum = family.n <= 2 or len(set(index)) >= family.n or theorem.entries == "scalar"
    subs = _hypothesis_substitution(family, theorem, index)
    substituted = _x_form(mechanical, family, keep_sum)
    closed_x = _x_form(closed, family, keep_sum)
    difference = sympy.cancel(sympy.expand((substituted - closed_x).subs(subs)))
    numerator, _ = sympy.fraction(difference)
    shown = theorem.shape.shown  # a sum over all N terms: named, not written out, above N = 3
    shown_function = sympy.Symbol(shown) if shown and family.n > 3 else function
    return Derivation(
        entry=index,
        function=sympy.latex(shown_function),
        variable=", ".join(sympy.latex(v) for v in variables),
        mechanical=sympy.latex(mechanical),
        substituted=sympy.latex(substituted),
        closed_form=sympy.latex(closed_x),
        difference=sympy.latex(difference),
        numerator=sympy.latex(sympy.expand(numerator)),
        verdict=verdict,
    )


# ---------------------------------------------------------------------------------------------


def check_n(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise InputError(f"N must be a positive integer, got {n!r}")
    if n > MAX_N:
        raise InputError(f"N = {n} is above the supported maximum {MAX_N}")
    return n


def _entry_seed(seed: int, index: tuple[int, ...]) -> int:
    return seed + sum(value * 7919**position for position, value in enumerate(index))


def _decider(
    theorem: Theorem, family: Family, method: str, seed: int
) -> Callable[[tuple[int, ...]], Verdict]:
    """How each entry is decided: the fast path when it applies, else the reference path."""

    def seed_of(index: tuple[int, ...]) -> int:
        return _entry_seed(seed, index)

    def reference(index: tuple[int, ...]) -> Verdict:
        return _sympy_entry(theorem, family, index, seed_of(index))

    if method != "ring":
        return reference
    fast = decider(theorem, family, seed_of)

    def decide(index: tuple[int, ...]) -> Verdict:
        try:
            return fast(index)
        except UnsupportedExpression:
            return reference(index)

    return decide


Chunk = tuple[dict[str, int], list[EntryCheck], tuple[tuple[int, ...], Verdict] | None]


def _entries(
    theorem: Theorem,
    family: Family,
    rows: range,
    method: str,
    seed: int,
    keep_all: bool,
    progress: Progress | None = None,
) -> Chunk:
    """Decide the entries whose first index lies in ``rows``."""
    checks: list[EntryCheck] = []
    counts = {"proved": 0, "refuted": 0, "unknown": 0}
    first = None
    total = theorem.count(family.sizes)
    decide = _decider(theorem, family, method, seed)
    for number, index in enumerate(theorem.indices(family.sizes, rows)):
        verdict = decide(index)
        counts[verdict.status] += 1
        if first is None:
            first = (index, verdict)
        if keep_all or (verdict.status != "proved" and len(checks) < FAILURE_LIMIT):
            checks.append(EntryCheck(index, verdict))
        if progress is not None and number % 4096 == 0:
            progress(theorem.name, number, total)
    return counts, checks, first


def _in_parallel(theorem, family, method, seed, keep_all, jobs, progress) -> Chunk:  # type: ignore[no-untyped-def]
    """The same entries on ``jobs`` forked processes, in chunks of rows, merged in row order."""
    from symsoft.verification.forks import in_order

    rows = theorem.rows(family.sizes)
    step = max(1, rows // (8 * jobs))
    tasks = [range(low, min(low + step, rows + 1)) for low in range(1, rows + 1, step)]
    counts = {"proved": 0, "refuted": 0, "unknown": 0}
    checks: list[EntryCheck] = []
    first = None
    total, done = theorem.count(family.sizes), 0

    def work(chunk: range) -> Chunk:
        return _entries(theorem, family, chunk, method, seed, keep_all)

    for chunk_counts, chunk_checks, chunk_first in in_order(work, tasks, jobs):
        for status, count in chunk_counts.items():
            counts[status] += count
        room = len(checks) if keep_all else FAILURE_LIMIT - len(checks)
        checks.extend(chunk_checks if keep_all else chunk_checks[: max(0, room)])
        first = first or chunk_first
        done += sum(chunk_counts.values())
        if progress is not None:
            progress(theorem.name, done, total)
    return counts, checks, first


def verify_theorem(
    theorem: Theorem,
    n: int | Sizes,
    *,
    method: str = "ring",
    seed: int = 0,
    progress: Progress | None = None,
    family: Family | None = None,
    derivations: bool = True,
    witness: bool = False,
    hypotheses: bool = False,
    jobs: int | None = None,
) -> TheoremResult:
    """Every entry of ``theorem`` at size ``n``.

    ``derivations``: also record the step-by-step derivation of one representative entry
    (SymPy's own ``diff``, for ``n`` ≤ DETAIL_LIMIT), as the reports show it.
    ``witness``: also run the numeric witness (:mod:`symsoft.verification.numeric`).
    ``hypotheses``: also try the theorem without each hypothesis, to say which are needed.
    ``jobs``: processes for large theorems (default: every core); results do not depend on it.
    """
    sizes = Sizes.of(n)
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    n = check_n(sizes.n)
    if method not in ("ring", "sympy"):
        raise InputError(f"unknown method {method!r}; use 'ring' or 'sympy'")
    if method == "ring" and not leaf_rules():  # pragma: no cover - depends on SymPy's spelling
        method = "sympy"
    family = family if family is not None and family.sizes == sizes else Family(sizes)
    start = time.perf_counter()
    total = theorem.count(sizes)
    complete = total <= DETAIL_LIMIT**2
    keep_all = complete
    if method == "ring" and total >= PARALLEL_FROM and jobs > 1:
        counts, checks, first = _in_parallel(
            theorem, family, method, seed, keep_all, jobs, progress
        )
    else:
        counts, checks, first = _entries(
            theorem, family, range(1, theorem.rows(sizes) + 1), method, seed, keep_all, progress
        )
    representatives = {first[0]: first[1]} if first is not None else {}
    shown = (
        tuple(
            _derivation(theorem, family, index, verdict)
            for index, verdict in representatives.items()
        )
        if derivations and n <= DETAIL_LIMIT
        else ()
    )
    status = combine(s for s, c in counts.items() if c)
    numeric = None
    if witness:
        from symsoft.verification.numeric import witness as numeric_witness

        numeric = numeric_witness(theorem, sizes, seed=seed, family=family)
    return TheoremResult(
        theorem=theorem.name,
        title=theorem.title,
        statement=theorem.statement,
        closed_form=theorem.closed_form_latex,
        hypotheses=tuple(theorem.hypotheses),
        n=n,
        status=status,
        entries=total,
        proved=counts["proved"],
        refuted=counts["refuted"],
        unknown=counts["unknown"],
        checks=tuple(checks),
        complete=complete,
        derivations=shown,
        method=method,
        seconds=time.perf_counter() - start,
        text=theorem.text,
        witness_error=numeric[0] if numeric else None,
        witness_checks=numeric[1] if numeric else 0,
        witness_n=numeric[2] if numeric else 0,
        hypothesis_notes=hypothesis_notes(theorem, sizes, seed=seed) if hypotheses else (),
    )


def hypothesis_notes(
    theorem: Theorem, sizes: Sizes, *, seed: int = 0, family: Family | None = None
) -> tuple[str, ...]:
    """For each hypothesis: is it needed (the theorem fails without it)?  And which stronger
    hypotheses are therefore not needed ("needs Σ_j y_j = 1; one-hot is not needed").

    Entries are decided until the first that is not proved: one refutation settles "needed".
    """
    from symsoft.catalogue.theorems import HYPOTHESES_TEXT, STRONGER

    notes = []
    small = Sizes(
        min(sizes.n, 3) if sizes.n > 1 else 2, sizes.samples, sizes.features, sizes.classes
    )
    family = family if family is not None and family.sizes == small else _family(small)
    for name in theorem.hypotheses:
        weaker = theorem.without(name)
        status = "proved"
        decide = _decider(weaker, family, "ring", seed)
        for index in weaker.indices(small):
            status = decide(index).status
            if status != "proved":
                break
        text = HYPOTHESES_TEXT[name]
        if status == "refuted":
            notes.append(f"needs {text} (without it the claim fails at N = {small.n})")
        elif status == "proved":
            notes.append(f"{text} is not needed (proved without it at N = {small.n})")
        else:
            notes.append(f"{text}: whether it is needed is unknown")
        for stronger in STRONGER.get(name, ()):
            notes.append(f"{HYPOTHESES_TEXT[stronger]} is not needed: {text} suffices")
    return tuple(notes)


_FAMILIES: dict[Sizes, Family] = {}  # the small families of the hypothesis notes, per run


def _family(sizes: Sizes) -> Family:
    family = _FAMILIES.get(sizes)
    if family is None:
        family = _FAMILIES[sizes] = Family(sizes)
    return family


def verify_theorems(
    theorems: Iterable[Theorem], sizes: Sizes, **options: object
) -> tuple[TheoremResult, ...]:
    """:func:`verify_theorem` for each theorem at the same sizes, sharing one family."""
    family = Family(sizes)
    try:
        return tuple(
            verify_theorem(t, sizes, family=family, **options)  # type: ignore[arg-type]
            for t in theorems
        )
    finally:
        _FAMILIES.clear()
