"""The view model of a proof report: everything the templates show, prepared here so that they
only format (definitions, each theorem with its derivations, entries, verdicts and sentences)."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from symsoft.render.latex import break_lines
from symsoft.render.values import CounterexampleView, _counterexample, _entry

if TYPE_CHECKING:
    from symsoft.results import Derivation, EntryCheck, Run, TheoremResult, Verdict

__all__ = ["DEFINITIONS", "METHODS", "SYMBOLS", "Definition", "ReportView"]

# --------------------------------------------------------------------------- definitions
# The notation every report opens with, as LaTeX shared by both formats.


@dataclass(frozen=True)
class Definition:
    """A named piece of notation: ``latex`` is mathematics, ``text`` plain prose."""

    name: str
    latex: str
    text: str


DEFINITIONS: tuple[Definition, ...] = (
    Definition(
        "softmax",
        r"S_i(a) = \frac{e^{a_i}}{\sum_{k=1}^{N} e^{a_k}}, \qquad i = 1, \dots, N",
        "the softmax of the logits a",
    ),
    Definition(
        "cross-entropy",
        r"L(o, y) = -\sum_{j=1}^{N} y_j \log p_j, \qquad p = \operatorname{softmax}(o)",
        "the cross-entropy of the targets y against the probabilities p",
    ),
    Definition(
        "sigmoid",
        r"\sigma(z) = \frac{1}{1 + e^{-z}}",
        "the logistic function, softmax of two classes",
    ),
)

SYMBOLS: tuple[Definition, ...] = (
    Definition("logits", r"a, o \in \mathbb{R}^N", "logits (real, unconstrained)"),
    Definition(
        "targets", r"y \in \mathbb{R}^N", "targets, free reals unless a hypothesis constrains them"
    ),
    Definition(
        "kronecker",
        r"\delta_{ij} = 1 \text{ if } i = j, \text{ else } 0",
        "the Kronecker delta",
    ),
    Definition(
        "exponentials",
        r"x_k = e^{a_k} > 0",
        "the substitution that turns every entry into a rational function",
    ),
    Definition(
        "partition",
        r"z = \sum_{k=1}^{N} x_k",
        "the partition sum, one atom in the derivations",
    ),
)


# --------------------------------------------------------------------------- the view model
# Everything the templates show, prepared here so that they only format.

METHODS = {
    "ring": "exact derivation in a ring of the few generators each entry involves "
    "(SymPy's diff where that path cannot express an entry)",
    "sympy": "SymPy's diff per entry, decided as an exact rational function",
    "general": "symbolic N and indices, decided case by case (i = j, i ≠ j)",
}


@dataclass(frozen=True)
class CheckView:
    """One row of the entry table: ``entry`` is LaTeX when ``entry_math``, else plain text."""

    entry: str
    entry_math: bool
    where: str
    verdict: Verdict
    counterexample: CounterexampleView | None


@dataclass(frozen=True)
class DerivationView:
    """A derivation with each formula broken into lines where it is long."""

    heading: str
    derivation: Derivation
    substitution: str | None
    function: str
    mechanical: str
    substituted: str
    closed_form: str
    difference: str
    numerator: str


@dataclass(frozen=True)
class Hypothesis:
    """A hypothesis as LaTeX (``latex``) or, for an unknown name, as plain ``text``."""

    latex: str | None
    text: str
    theorems: tuple[int, ...] = ()


@dataclass(frozen=True)
class TheoremView:
    number: int
    anchor: str
    result: TheoremResult
    size: str | None
    domain: str
    entry_header: str
    index_header: str | None
    derivations: tuple[DerivationView, ...]
    checks: tuple[CheckView, ...]
    refutation: CheckView | None
    more_refuted: int
    hypotheses: tuple[Hypothesis, ...]
    method: str
    notes: tuple[str, ...]
    witness: str | None
    witness_agrees: bool | None
    counts: str
    conclusion: str


@dataclass(frozen=True)
class ReportView:
    run: Run
    title: str
    size: str | None
    general: bool
    definitions: tuple[Definition, ...]
    symbols: tuple[Definition, ...]
    hypotheses: tuple[Hypothesis, ...]
    theorems: tuple[TheoremView, ...]
    appendix: tuple[TheoremView, ...]
    closing: str
    versions: str


def _check(check: EntryCheck) -> CheckView:
    cx = check.verdict.counterexample
    case = getattr(check, "case", "")
    entry, math = (_entry(check.index), True) if check.index else (case or "the identity", False)
    if check.index and case:
        entry = f"{entry}, {case}"
    where = f"at entry {entry}" if check.index else (f"in case {case}" if case else "")
    return CheckView(entry, math, where, check.verdict, None if cx is None else _counterexample(cx))


_LOGIT = re.compile(r"\s*\{?\s*([ao])\s*_")


def _substitution(d: Derivation) -> str | None:
    """The substitution between SymPy's ``diff`` and the rational normal form, as LaTeX.

    ``None`` when the derivation substitutes nothing.  A ``substitution`` field on the
    derivation, when the results model has one, wins over this reading of its LaTeX.
    """
    given = getattr(d, "substitution", None)
    if given is not None:
        return given or None
    if d.substituted == d.mechanical:
        return None
    match = _LOGIT.match(d.variable)
    family = match.group(1) if match else "a"
    parts = []
    if "x_{" in d.substituted:
        parts.append(rf"x_k = e^{{{family}_k}}")
    if re.search(r"(?<![A-Za-z\\])z(?![A-Za-z])", d.substituted):
        parts.append(r"z = \sum_{k=1}^{N} x_k" if parts else r"z = \text{the partition sum}")
    return r",\ ".join(parts) or None


@functools.cache
def _hypothesis_latex() -> dict[str, str]:
    from symsoft.catalogue.theorems import HYPOTHESES

    return dict(HYPOTHESES)


def _hypothesis(name: str) -> Hypothesis:
    latex = _hypothesis_latex().get(name)
    return Hypothesis(latex, name)


def _size(n: int | str) -> str | None:
    """``N = 4`` as LaTeX; ``None`` for a run at every N."""
    return f"N = {n}" if isinstance(n, int) and n > 0 else None


def _size_text(n: int | str, domain: str = "") -> str:
    return f"N = {n}" if isinstance(n, int) and n > 0 else (domain or "every N")


def _derivation(d: Derivation) -> DerivationView:
    return DerivationView(
        heading=f"Entry {_entry(d.entry)}" if d.entry else "The identity",
        derivation=d,
        substitution=_substitution(d),
        function=break_lines(d.function),
        mechanical=break_lines(d.mechanical),
        substituted=break_lines(d.substituted),
        closed_form=break_lines(d.closed_form),
        difference=break_lines(d.difference),
        numerator=break_lines(d.numerator),
    )


def _theorem(number: int, result: TheoremResult) -> TheoremView:
    checks = tuple(_check(c) for c in result.checks)
    refuted = [c for c in checks if c.counterexample is not None]
    arity = max((len(c.index) for c in result.checks), default=0) or max(
        (len(d.entry) for d in result.derivations), default=0
    )
    cases = any(getattr(c, "case", "") for c in result.checks)
    return TheoremView(
        number=number,
        anchor=f"theorem-{number}",
        result=result,
        size=_size(result.n),
        domain=getattr(result, "domain", "") or "",
        entry_header="Case" if cases and not arity else "Entry",
        index_header={2: "(i, j)", 1: "i"}.get(arity),
        derivations=tuple(_derivation(d) for d in result.derivations),
        checks=checks,
        refutation=refuted[0] if refuted else None,
        more_refuted=max(len(refuted) - 1, 0),
        hypotheses=tuple(_hypothesis(h) for h in result.hypotheses),
        method=METHODS.get(result.method, result.method),
        notes=tuple(getattr(result, "hypothesis_notes", ())),
        witness=_witness(result),
        witness_agrees=getattr(result, "witness_agrees", None),
        counts=(
            f"{_plural(result.entries, _unit(result))}: {result.proved} proved, "
            f"{result.refuted} refuted, {result.unknown} unknown."
        ),
        conclusion=_conclusion(number, result),
    )


def _witness(result: TheoremResult) -> str | None:
    """The independent numeric check beside the proof, in one sentence."""
    error = getattr(result, "witness_error", None)
    if error is None:
        return None
    checks, n = getattr(result, "witness_checks", 0), getattr(result, "witness_n", 0)
    agrees = getattr(result, "witness_agrees", None)
    verdict = "agrees" if agrees else "DISAGREES with the proof: a bug in symsoft"
    return (
        f"50-digit finite differences, {_plural(checks, 'comparison')} at N = {n}; "
        f"largest relative error {error:.1e}: the numeric witness {verdict}."
    )


def _unit(result: TheoremResult) -> str:
    """What a theorem counts: entries, or cases for a proof at every N."""
    cases = result.checks and all(not c.index and getattr(c, "case", "") for c in result.checks)
    return "case" if cases else "entry"


def _conclusion(number: int, result: TheoremResult) -> str:
    claim, unit = f"Theorem {number}", _unit(result)
    where = _size_text(result.n, getattr(result, "domain", ""))
    if result.status == "proved":
        if result.entries == 1:
            every = f"The {unit} is"
        elif result.entries == 2 and unit == "case":
            every = "Both cases are"
        else:
            every = f"All {_plural(result.entries, unit)} are"
        return f"{every} proved, so {claim} holds for {where}."
    if result.status == "refuted":
        return (
            f"{result.refuted} of {_plural(result.entries, unit)} refuted, "
            f"so {claim} is false for {where}."
        )
    return (
        f"{result.unknown} of {_plural(result.entries, unit)} undecided, "
        f"so {claim} is not proved for {where}."
    )


def _plural(count: int, word: str) -> str:
    if count == 1:
        return f"{count} {word}"
    return f"{count} {word[:-1]}ies" if word.endswith("y") else f"{count} {word}s"


def _closing(run: Run) -> str:
    statuses = [r.status for r in run.results]
    proved, refuted, unknown = (statuses.count(s) for s in ("proved", "refuted", "unknown"))
    total, where = len(statuses), _size_text(run.n)
    if run.status == "proved":
        if total == 1:
            return f"The theorem holds for {where}, every entry proved."
        return f"All {total} theorems hold for {where}, every entry proved."
    parts = [f"{proved} proved"]
    if refuted:
        parts.append(f"{refuted} refuted")
    if unknown:
        parts.append(f"{unknown} undecided")
    return f"Not proved: of {_plural(total, 'theorem')} for {where}, {', '.join(parts)}."


def _hypotheses(theorems: Sequence[TheoremView]) -> tuple[Hypothesis, ...]:
    users: dict[Hypothesis, list[int]] = {}
    for theorem in theorems:
        for hypothesis in theorem.hypotheses:
            users.setdefault(hypothesis, []).append(theorem.number)
    return tuple(dataclasses.replace(h, theorems=tuple(n)) for h, n in users.items())


def _view(run: Run) -> ReportView:
    theorems = tuple(_theorem(k, r) for k, r in enumerate(run.results, start=1))
    return ReportView(
        run=run,
        title=f"Softmax and cross-entropy derivatives, {_size_text(run.n)}",
        size=_size(run.n),
        general=_size(run.n) is None,
        definitions=DEFINITIONS,
        symbols=SYMBOLS,
        hypotheses=_hypotheses(theorems),
        theorems=theorems,
        appendix=tuple(t for t in theorems if not t.result.complete and t.checks),
        closing=_closing(run),
        versions=", ".join(f"{name} {version}" for name, version in run.versions),
    )
