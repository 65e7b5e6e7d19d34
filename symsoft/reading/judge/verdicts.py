"""A step's verdict from the verdicts of its index cases, and the small judgements around it: a
decimal rounded from the exact value, a default the document never states, the size of a parsed
side.
"""

from __future__ import annotations

import re
from dataclasses import replace

import sympy

from symsoft.reading.documents.batch_rows import ROW_NAMES
from symsoft.reading.judge.names import Unreadable
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.products import CONCRETE_ONLY
from symsoft.reading.judge.rounding import NUMBERS
from symsoft.reading.judge.steps import CaseCheck
from symsoft.reading.judge.symbolic import variable_names
from symsoft.reading.judge.unsure import _ambiguous
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import (
    HEADING,
)
from symsoft.reading.meaning.scopes import stated_sizes
from symsoft.reading.meaning.table import BESIDE, PAST, PAST_PROBABILITY

_withheld = _ambiguous  # a flag withheld: "not checked: ambiguous", its summary and why


def _tree_size(expr: sympy.Basic, limit: int) -> int:
    """Nodes of ``expr``, counted up to ``limit + 1``."""
    count = 0
    for _ in sympy.preorder_traversal(expr):
        count += 1
        if count > limit:
            break
    return count


# the latex of a loss read as any function (arbitrary_losses.py)
ARBITRARY = re.compile(r"(\w+) = \1\(\w+_1, \\ldots, \w+_N\)\Z")


def _unstated(result: StepResult, defaults: list[str], values: str | None = None) -> StepResult:
    """A flag that rests on default meanings the document never states is ambiguous; unless
    the step is an identity in the probabilities ``values`` those meanings give (see
    :mod:`symsoft.reading.judge.probability_values`): then it fails whatever they are."""
    if result.summary == "holds" and (anything := [d for d in defaults if ARBITRARY.match(d)]):
        # E = E(a_1, …, a_N) (arbitrary_losses.py): it holds whatever function E is
        said = ", ".join(d.split(" = ")[1] for d in anything)
        return replace(result, summary=f"{result.summary} for any differentiable {said}")
    if result.summary == "holds" and (guessed := [d for d in defaults if d.endswith(BESIDE)]):
        # S read as the sum beside it (table.partition_named): say so
        return replace(result, summary=f"holds, reading {'; '.join(guessed)}")
    if result.status == "holds" and (past := [d for d in defaults if d.endswith(PAST_PROBABILITY)]):
        return replace(  # P(T|X) = \prod_n P(t_n|x_n) = \prod_n …: the last side not checked
            result,
            status="not checked",
            summary=f"not checked: ambiguous: {result.summary} if {'; '.join(past)} (a link "
            "not checked)",
            hypothesis_stated=True,
        )
    if not (result.flagged and defaults):
        return result
    if values and result.status in ("fails", "holds only"):
        return replace(
            result,
            summary=f"{result.summary} (at a probability vector {values}: the step writes no "
            f"logits, so it fails whatever {values} is computed from)",
        )
    stated = all(d.endswith((PAST, PAST_PROBABILITY)) for d in defaults)  # later sides
    return replace(
        result,
        status="not checked",
        summary=f"not checked: ambiguous: {result.summary} if {'; '.join(defaults)}"
        + (" (a link not checked)" if stated else ", which the document does not state"),
        hypothesis_stated=True,
    )


def _section_sizes(before: str) -> set[int]:
    """The sizes stated in the section that ends with ``before`` (since its last heading)."""
    headings = list(HEADING.finditer(before))
    return stated_sizes(before[headings[-1].end() :] if headings else before)


def _total_of(expr: sympy.Expr) -> str | None:
    """``X`` when ``expr`` is ``Σ_k X_k`` over every class, else None."""
    if (
        isinstance(expr, sympy.Sum)
        and len(expr.limits) == 1
        and expr.limits[0][1] == 1
        and isinstance(expr.function, sympy.Indexed)
        and expr.function.indices == (expr.limits[0][0],)
    ):
        return str(expr.function.base.label)
    return None


def _summarized(
    base: StepResult, cases: tuple[CaseCheck, ...], stated: bool, n: int | None
) -> StepResult:
    base = replace(base, cases=cases)
    if not cases:
        return replace(base, status="holds", summary="holds (no index case applies)")
    proved = [c.case for c in cases if c.verdict.status == "proved"]
    refuted = [c.case for c in cases if c.verdict.status == "refuted"]
    unknown = [c for c in cases if c.verdict.status == "unknown"]
    hypothesis = next((c.hypothesis for c in cases if c.hypothesis), None)
    given = f" given {hypothesis}" if hypothesis and proved else ""
    at = f" at N = {n}" if n is not None else ""
    concrete = [c for c in cases if CONCRETE_ONLY in (c.verdict.reason or "")]
    if n is None and concrete and len(proved) == len(cases):
        at = f" at {concrete[0].where} ({CONCRETE_ONLY}; not proved for every N)"
    only_case = len(cases) == 1 and cases[0].case.startswith(("every", "always"))
    # (the case a condition gives: one; a condition on no index the step writes free, "the
    # $k = i$ summand", leaves every case to judge, and none of them is its)
    condition = f" when {cases[0].case}" if base.condition and len(cases) == 1 else ""
    condition = "" if only_case else condition
    if refuted and not proved:
        where = "" if only_case or len(refuted) > 1 or condition else f" when {refuted[0]}"
        return replace(base, status="fails", summary=f"fails{condition or where}{at}")
    if refuted:
        holds_when = f"{' or '.join(proved)}{at}"
        summary = f"holds only when {holds_when} (fails when {', '.join(refuted)})"
        return replace(
            base, status="holds only", summary=summary, hypothesis=hypothesis, holds_when=holds_when
        )
    if unknown:
        reason = unknown[0].verdict.reason
        return replace(base, status="unknown", summary=f"undecided ({unknown[0].case}): {reason}")
    if hypothesis and not stated:
        summary = f"uses {hypothesis}, which the document does not state"
        return replace(
            base, status="holds", summary=summary, hypothesis=hypothesis, hypothesis_stated=False
        )
    return replace(
        base, status="holds", summary=f"holds{condition}{at}{given}", hypothesis=hypothesis
    )


def as_block(whole: StepResult, block: StepResult, size: int) -> StepResult:
    """A step whose matrices are all written out at ``size``: ``whole`` judged at N = ``size``
    (the matrices the whole Jacobian), ``block`` at N = size + 1 (a block of a larger one). It
    holds if both hold; a flag needs both readings to give the same one; else it is undecided."""
    if whole.status == block.status == "holds" and not (whole.flagged or block.flagged):
        return replace(whole, summary=f"{whole.summary} and at N = {size + 1} (a block of it)")
    decided = ("holds", "holds only", "fails")
    if whole.status not in decided or block.status not in decided:
        return whole if whole.status not in decided else block
    if whole.flagged and block.flagged and whole.status == block.status:
        return whole
    return replace(
        whole,
        status="unknown",
        summary=f"undecided: at N = {size} (the whole Jacobian) it {whole.summary}; at "
        f"N = {size + 1} (a block of a larger one) it {block.summary}; the step does not say which",
        cases=(),
        hypothesis=None,
        hypothesis_stated=True,
    )


def _unapplied_totals(
    result: StepResult,
    lhs: sympy.Expr,
    rhs: sympy.Expr,
    normalized: set[str],
    hinted: set[str] = frozenset(),  # type: ignore[assignment]
) -> StepResult:
    """A flag on a step that writes a target the text says sums to one with two indices
    (``t_{n,k}``: a sample and a class) is withheld: the stated Σ_k t_k = 1 is applied to
    entries with one index only, so the flag may rest on a target left free.  So is one on a
    step that writes the two-index weights of a logarithm in a text that speaks of classes
    (``-\\sum_k t_{n,k} \\ln y_{n,k}`` in a "k-class classification"): one-hot, most likely."""
    if not result.flagged:
        return result
    entries = lhs.atoms(sympy.Indexed) | rhs.atoms(sympy.Indexed)
    names = {str(a.base.label) for a in entries if len(a.indices) == 2}
    # t_{nk} read as the one row's t_k: a stated Σ_k t_k = 1 is applied to it, a hint is not
    rows = {str(a.base.label) for a in entries} & ROW_NAMES.get()
    if names & normalized:
        why = "the text says its targets sum to one"
    elif (names | (rows - normalized)) & hinted:
        why = "the text speaks of class labels, which may be one-hot and sum to one"
    else:
        return result
    return _withheld(
        result,
        f"{why}, which is not applied here to targets with two indices (a sample and a class)",
    )


def _substituted(result: StepResult, lhs: sympy.Expr, rhs: sympy.Expr, meanings) -> StepResult:  # type: ignore[no-untyped-def]
    """A flag on a step with no derivative is withheld when one side, every meaning put in,
    writes one free name the other side does not (``-y \\log p - (1-y)\\log(1-p)``) and putting
    for it a compound part of the other side makes the step hold (p = σ(x): the right side
    ``-y \\log \\sigma(x) - …``): the author substituted a value the text never writes down."""
    if not result.flagged or lhs.has(sympy.Derivative) or rhs.has(sympy.Derivative):
        return result
    try:
        sides = [meanings.expand(side) for side in (lhs, rhs)]
    except Unreadable:
        return result
    sizes = meanings.size_names()
    for one, other in (sides, sides[::-1]):
        lone = variable_names(one) - variable_names(other) - sizes
        if len(lone) != 1 or isinstance(one, (sympy.Symbol, sympy.Indexed)):
            continue  # several, or the name alone (z = wx + b: a definition not read)
        (name,) = lone
        symbols = [s for s in one.free_symbols if type(s) is sympy.Symbol and s.name == name]
        if len(symbols) != 1:
            continue  # an entry p_k: not put for by one value here
        # each part once (the first time the walk meets it): a part met again would be put
        # in again to the same answer
        parts = dict.fromkeys(
            part
            for part in list(sympy.preorder_traversal(other))[:200]
            if isinstance(part, sympy.Expr)
            and not part.is_Atom
            and not isinstance(part, sympy.Indexed)
            and part.free_symbols
        )
        for part in parts:
            try:
                put = one.xreplace({symbols[0]: part})
                if put == other or sympy.expand(put - other) == 0:
                    return _withheld(
                        result,
                        f"it holds if {name} "
                        f"stands for {sympy.sstr(part)}, which the text does not write",
                    )
            except (TypeError, ValueError):
                continue
    return result


_NUMBERS_ONLY = lazy(r"[\s\d.,+\-*/()=]*\d\.\d[\s\d.,+\-*/()=]*")  # 7.389 + 2.718 + 0.368


def _of_numbers(written: str) -> str:
    """What a side is written with when it is numbers alone with a decimal among them:
    "decimals" (``7.389 + 2.718``), or "numbers" under a logarithm, a fraction or a power of e
    (``-\\log(0.7)``, ``\\frac{1}{1 + e^{-0.5}}``): the value of a worked example; "" otherwise
    (an exact side, ``\\log 2``, may be claimed for every value: judged)."""
    if _NUMBERS_ONLY.fullmatch(written):
        return "decimals"
    plain = _NUMBER_FUNCTIONS.sub(" ", written)  # \sigma(1.0): a number too (round 106)
    if NUMBERS.fullmatch(plain) and re.search(r"\d\.\d", written):
        return "numbers"
    return ""


_NUMBER_FUNCTIONS = lazy(r"\\(?:sigma|tanh|sinh|cosh|sqrt)(?![a-zA-Z])")


def _evaluated(  # type: ignore[no-untyped-def]
    result: StepResult, lhs: sympy.Expr, rhs: sympy.Expr, meanings, prose: str = ""
) -> StepResult:
    """A flag on a step that sets an expression in free names equal to numbers alone
    (``\\sum e^{z_j} = 7.389 + 2.718 + 0.368``, ``L = -\\log(0.7)``: the values given in a
    table or in words, "the first output is 0.7") is withheld: a worked example's values that
    this reader did not find."""
    if not result.flagged:
        return result
    for side, other in ((result.rhs, lhs), (result.lhs, rhs)):
        if not (numbers := _of_numbers(side or "")):
            continue
        try:
            names = variable_names(meanings.expand(other)) - meanings.size_names()
        except Unreadable:
            return result
        if names:
            return _withheld(
                result,
                f"one side is {numbers} alone, "
                "the other's names have no values read here: a worked example whose values "
                "the text gives in a way not read",
            )
    for side, other, number in ((result.rhs, lhs, rhs), (result.lhs, rhs, lhs)):
        if (
            NUMBERS.fullmatch(side or "")
            and re.search(r"\d", side)
            and _varies(other, meanings, number, bool(_AT_A_POINT.search(prose)))
        ):
            return _withheld(  # \log \frac{1 - ε + ε/K}{ε/K} = \log 37 "for the weather example"
                result,
                "one side is a number and the other varies with its names: a value at values "
                "the text gives them elsewhere, or an equation to solve, not an identity",
            )
        numbers = NUMBERS.fullmatch(side or "") and re.search(r"\d", side)
        if numbers and _valued_entries(other, meanings, prose):  # \sum_j e^{z_j} = e^1 + e^2
            return _withheld(result, "one side is a number, the other's entries have values")
    return result


def _valued_entries(side: sympy.Expr, meanings, prose: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``side`` is written with entries of a vector the text gives values
    (``$z = (1, 2, 3)$``, before or after the step) or in a text that works an example: a
    worked example's sum or product."""
    bases = {str(e.base.label) for e in side.atoms(sympy.Indexed)}
    given = {name.lstrip("\\") for _, name, _, right in meanings.example_texts if "," in right}
    return bool(bases) and (bool(bases & given) or _EXAMPLE.search(prose) is not None)


_EXAMPLE = lazy(r"(?i)\b(?:worked\s+)?examples?\b|\be\.\s*g\.")


def _varies(side: sympy.Expr, meanings, number: sympy.Expr, said: bool = False) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``side``, a scalar expression of free names (no entries, sums or derivatives), one
    of which the text gives a value somewhere, takes two values at two points: then no number
    equals it for every value, and the text may mean its own values."""
    try:
        expanded = meanings.expand(side)
    except Unreadable:
        return False
    symbols = sorted(expanded.free_symbols, key=str)
    if not symbols or expanded.has(sympy.Indexed, sympy.Sum, sympy.Derivative):
        return False
    valued = {  # the last number the text gives each name ("we take $\epsilon = 0.1$")
        name.lstrip("\\"): sympy.Rational(right.strip())
        for _, name, _, right in sorted(meanings.example_texts)
        if re.fullmatch(r"\s*-?\d+(?:\.\d+)?\s*", right)
    }
    if not valued.keys() & {s.name for s in symbols} and not said:
        return False  # \cosh^2(x) + \sinh^2(x) = 1 with x given no value: claimed for every x
    if all(s.name in valued for s in symbols):  # wx + b = 2 + 1 at x = 2, w = 1, b = -1: wrong
        at = sympy.N(expanded.xreplace({s: valued[s.name] for s in symbols}) - number, 30)
        if at.is_real and abs(at) > 1e-12:
            return False
    values = []
    for shift in (0, 1):
        point = {s: sympy.Rational(3 + 2 * shift + k, 7 + k) for k, s in enumerate(symbols)}
        value = sympy.N(expanded.xreplace(point), 30)
        if not value.is_real:
            return False
        values.append(value)
    return abs(values[0] - values[1]) > 1e-12 * max(1, abs(values[0]))


# a point the words give ("at the origin", "evaluated at zero"): a value of the variable there
_AT_A_POINT = lazy(r"(?i)\b(?:at|evaluated\s+at)\s+(?:the\s+origin|zero)\b")
_NAME_ALONE = lazy(
    r"\s*(?:\\(?:hat|tilde|bar|mathbf|boldsymbol|vec|mathrm|mathcal)\s*)?"
    r"(?:\{\s*[A-Za-z]\s*\}|[A-Za-z])(?:\s*_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?\s*"
)

_LETTER = lazy(r"(?<![A-Za-z\\])[A-Za-z](?![A-Za-z])")
_DERIVATIVE_MARK = lazy(r"\\partial|\\nabla|'|\\frac\s*\{\s*(?:d|\\delta|\\mathrm)|\bd\s*/\s*d")


def _named(result: StepResult, lhs: sympy.Expr, rhs: sympy.Expr, meanings) -> StepResult:  # type: ignore[no-untyped-def]
    """A flag on a step with no derivative whose one side is a name alone (``\\hat{Y}_{m1}``,
    ``z``) that has no meaning read here (an input of another definition, or not defined at all)
    and that the other side does not write is withheld: the step says what the name stands
    for (a definition not read as one), so no value of it can show the author wrong."""
    if not result.flagged or lhs.has(sympy.Derivative) or rhs.has(sympy.Derivative):
        return result
    if _DERIVATIVE_MARK.search(f"{result.lhs} {result.rhs}"):
        return result  # a derivative worked out (∂ŷ/∂w = x) says nothing of what a name is
    for one, other, written, other_written in (
        (lhs, rhs, result.lhs, result.rhs),
        (rhs, lhs, result.rhs, result.lhs),
    ):
        if one == sympy.E and (written or "").strip() == "e":
            # o = Wx + b, e = \exp(o): a vector e, not Euler's number
            return _withheld(
                result, "e alone on one side may be a name the step defines, not Euler's number"
            )
        if not isinstance(one, (sympy.Symbol, sympy.Indexed)):
            continue
        if not _NAME_ALONE.fullmatch(written or ""):
            continue  # read as a name, written otherwise
        name = str(one.base.label) if isinstance(one, sympy.Indexed) else one.name
        letter = _LETTER.search(written.split("_")[0])
        if letter is None or re.search(
            rf"(?<![A-Za-z\\]){letter.group()}(?![A-Za-z])", other_written
        ):
            continue  # the other side writes the letter (x ⊙ y / y = y: cancelled once read)
        defined = meanings.table.get(name)
        if isinstance(one, sympy.Symbol) and defined is not None and defined.index is not None:
            return _withheld(  # z = Wx + b read with numbers, z_g = Σ_h W_gh x_h + b_g defined
                result, f"{name} is defined with an index ({defined.source}), written without one"
            )
        if name in meanings.table or name in meanings.size_names():
            continue  # a defined quantity restated wrongly is a mistake
        try:
            others = variable_names(meanings.expand(other))
        except Unreadable:
            return result
        if name in others:
            continue
        return _withheld(
            result, f"{name} has no meaning read here: the step may say what it stands for"
        )
    return result
