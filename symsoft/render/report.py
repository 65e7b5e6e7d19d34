"""Proof reports: a :class:`~symsoft.results.Run` rendered as LaTeX, PDF or self-contained HTML.

The report reads as a proof: definitions and hypotheses, each theorem stated, the mechanical
derivation of representative entries, every entry with its verdict, counterexamples for anything
refuted, and a closing line.  Templates live in ``templates/`` (shipped in the wheel as
``symsoft/templates``); they only format the plain data prepared here.

Output is deterministic: the same ``Run`` gives byte-identical files (no dates, no timings).
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from symsoft.errors import InputError, SymsoftError

if TYPE_CHECKING:
    from xml.etree import ElementTree

    import jinja2
    from markupsafe import Markup

    from symsoft.results import Counterexample, Derivation, EntryCheck, Run, TheoremResult, Verdict

__all__ = [
    "FORMATS",
    "ReportError",
    "break_lines",
    "build_pdf",
    "latex_escape",
    "latex_to_mathml",
    "render",
    "run_html_fragment",
    "run_latex_fragment",
    "verdict_html_fragment",
    "verdict_latex_fragment",
    "write_report",
]

logger = logging.getLogger(__name__)

Format = Literal["tex", "pdf", "html"]
FORMATS: tuple[Format, ...] = ("tex", "pdf", "html")

TEX_INSTALL_HINT = "apt-get install latexmk texlive-latex-base texlive-latex-recommended lmodern"
LATEX_TIMEOUT = 300.0


class ReportError(SymsoftError, OSError):
    """A report could not be written: an unusable output path or a failed PDF build."""


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


# --------------------------------------------------------------------------- escaping

_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "^": r"\textasciicircum{}",
    "_": r"\_",
    "%": r"\%",
    "~": r"\textasciitilde{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
    "\n": " ",
}
# Characters pdfLaTeX cannot typeset from UTF-8 without extra packages.
_LATEX_UNICODE = {
    "≈": r"$\approx$",
    "≠": r"$\neq$",
    "≤": r"$\leq$",
    "≥": r"$\geq$",
    "→": r"$\to$",
    "⇒": r"$\Rightarrow$",
    "−": r"$-$",
    "·": r"$\cdot$",
    "×": r"$\times$",
    "∂": r"$\partial$",
    "∑": r"$\sum$",
    "Σ": r"$\Sigma$",
    "δ": r"$\delta$",
    "∈": r"$\in$",
    "∎": r"$\blacksquare$",
    "…": r"\dots{}",
    "–": "--",
    "—": "---",
    "‘": "`",
    "’": "'",
    "“": "``",
    "”": "''",
}


def latex_escape(text: object) -> str:
    """``text`` as LaTeX that typesets it literally (for titles and reasons, not for math).

    >>> latex_escape("p_i - y_i holds 100% & more ≈ {all}")
    'p\\\\_i - y\\\\_i holds 100\\\\% \\\\& more $\\\\approx$ \\\\{all\\\\}'
    """
    out = []
    for char in str(text):
        if char in _LATEX_SPECIALS:
            out.append(_LATEX_SPECIALS[char])
        elif char in _LATEX_UNICODE:
            out.append(_LATEX_UNICODE[char])
        elif ord(char) < 0x80 or 0xA0 <= ord(char) <= 0xFF:
            out.append(char)
        else:
            # Never let an unknown character stop the PDF build; name it instead.
            out.append(rf"\texttt{{[U+{ord(char):04X}]}}")
    return "".join(out)


# --------------------------------------------------------------------------- MathML

_MATHML_XMLNS = ' xmlns="http://www.w3.org/1998/Math/MathML"'
_FUNCTION_NAMES = frozenset({"log", "ln", "exp", "sin", "cos", "tan", "det", "max", "min"})
_TALL = frozenset({"mfrac", "munderover", "munder", "mover", "mtable", "mroot"})


def _opens_with_fence(element: ElementTree.Element) -> bool:
    while element.tag == "mrow" and len(element):
        element = element[0]
    return element.tag == "mo" and (element.get("fence") == "true" or element.text == "(")


def _typeset_like_tex(math: ElementTree.Element) -> None:
    """Spacing that TeX decides and the browser does not.

    ``\\left( … \\right)`` arrives as stretchy fences, which Chromium pads even around short
    content: they stretch only around something tall.  A function name (an ``<mi>``, which MathML
    does not space) becomes an operator with a thin space before it and, unless a parenthesis
    follows, after it.
    """
    for row in math.iter("mrow"):
        first, last = (row[0], row[-1]) if len(row) >= 2 else (None, None)
        if first is None or last is None or first.get("fence") != "true":
            continue
        if not any(element.tag in _TALL for element in row.iter()):
            first.set("stretchy", "false")
            if last.get("fence") == "true":
                last.set("stretchy", "false")
    for parent in list(math.iter()):
        # latex2mathml closes \\displaystyle at once; it governs the rest of its group.
        for position, child in enumerate(list(parent)):
            if child.tag == "mstyle" and not len(child) and not (child.text or "").strip():
                for sibling in list(parent)[position + 1 :]:
                    parent.remove(sibling)
                    child.append(sibling)
                break
    for parent in math.iter():
        children = list(parent)
        for position, child in enumerate(children):
            if child.tag != "mi" or child.text not in _FUNCTION_NAMES:
                continue
            following = children[position + 1] if position + 1 < len(children) else None
            child.tag = "mo"
            child.set("lspace", "0.1667em")
            fenced = following is not None and _opens_with_fence(following)
            child.set("rspace", "0em" if fenced else "0.1667em")


@functools.lru_cache(maxsize=4096)
def latex_to_mathml(latex: str, display: Literal["inline", "block"] = "inline") -> str:
    """Presentation MathML for the LaTeX ``latex`` (HTML5 form, no namespace attribute).

    Raises :class:`ValueError` when latex2mathml rejects the input or leaves a LaTeX command
    unconverted (it passes unknown commands through as text).

    >>> latex_to_mathml("x_k")
    '<math display="inline"><mrow><msub><mi>x</mi><mi>k</mi></msub></mrow></math>'
    """
    from xml.etree import ElementTree

    from latex2mathml.converter import convert

    try:
        mathml = convert(latex, display=display)
    except Exception as exc:  # latex2mathml raises a zoo of its own exception types
        raise ValueError(f"latex2mathml cannot convert {latex!r}: {type(exc).__name__}") from exc
    if "\\" in mathml:
        raise ValueError(f"latex2mathml left a LaTeX command unconverted in {latex!r}")
    try:
        math = ElementTree.fromstring(mathml.replace(_MATHML_XMLNS, "", 1))
    except ElementTree.ParseError as exc:  # e.g. a bare "&" outside an environment
        raise ValueError(f"latex2mathml made malformed MathML of {latex!r}") from exc
    _typeset_like_tex(math)
    return ElementTree.tostring(math, encoding="unicode")


def _math_filter(latex: str, display: Literal["inline", "block"] = "inline") -> Markup:
    from markupsafe import Markup, escape

    try:
        return Markup(latex_to_mathml(latex, display))
    except ValueError as exc:
        logger.warning("showing LaTeX source instead of MathML: %s", exc)
        css = "tex-source block" if display == "block" else "tex-source"
        return Markup('<code class="{}">{}</code>').format(css, escape(latex))


# --------------------------------------------------------------------------- long formulas
# SymPy's derivatives of large sums run far past a line, and neither TeX's display math nor
# MathML in a browser breaks lines.  A long formula is set as a left-aligned array, broken
# before a top-level + or −, so that both formats show the same lines.

LINE_WIDTH = 52.0  # in rough character widths of the displayed formula
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}^_]|\s+|[^\\{}^_\s]")


def _group(tokens: list[str], start: int) -> int:
    """The index just past the group or single token starting at ``start``."""
    if start >= len(tokens) or tokens[start] != "{":
        return start + 1
    depth = 0
    for position in range(start, len(tokens)):
        depth += {"{": 1, "}": -1}.get(tokens[position], 0)
        if depth == 0:
            return position + 1
    return len(tokens)


def _width(tokens: list[str]) -> float:
    """How wide ``tokens`` typeset, roughly: fractions as wide as their wider part."""
    width, position = 0.0, 0
    while position < len(tokens):
        token = tokens[position]
        if token == r"\frac":
            top_end = _group(tokens, position + 1)
            end = _group(tokens, top_end)
            width += max(_width(tokens[position + 1 : top_end]), _width(tokens[top_end:end]))
            position = end
            continue
        if token in ("^", "_"):
            end = _group(tokens, position + 1)
            width += 0.7 * _width(tokens[position + 1 : end])
            position = end
            continue
        if token in (r"\left", r"\right", "{", "}") or token.isspace():
            pass
        elif token.startswith("\\") and len(token) > 2:
            width += 2.0 if token in (r"\log", r"\exp", r"\sin", r"\cos") else 1.0
        else:
            width += 1.0
        position += 1
    return width


def _terms(latex: str) -> list[str]:
    r"""``latex`` cut before each + or − that is not inside braces or ``\left … \right``."""
    tokens = _TOKEN.findall(latex)
    terms, current, depth = [], [], 0
    for token in tokens:
        if token == "{" or token == r"\left":
            depth += 1
        elif token == "}" or token == r"\right":
            depth -= 1
        elif depth == 0 and token in ("+", "-") and "".join(current).strip():
            terms.append("".join(current).strip())
            current = []
        current.append(token)
    terms.append("".join(current).strip())
    return terms


@functools.lru_cache(maxsize=1024)
def break_lines(latex: str, width: float = LINE_WIDTH) -> str:
    r"""``latex`` set on several lines when it is wider than ``width`` (else unchanged).

    >>> break_lines(r"a + b", width=10)
    'a + b'
    >>> break_lines(r"a + b - c", width=3)
    '\\begin{array}{l}\\displaystyle a + b\\\\ \\displaystyle \\qquad - c\\end{array}'
    """
    if _width(_TOKEN.findall(latex)) <= width:
        return latex
    lines: list[str] = []
    for term in _terms(latex):
        term_width = _width(_TOKEN.findall(term))
        if lines and _width(_TOKEN.findall(lines[-1])) + term_width <= width:
            lines[-1] += " " + term
        else:
            lines.append(term)
    if len(lines) == 1:
        return latex
    rows = [r"\displaystyle " + lines[0]]
    rows += [r"\displaystyle \qquad " + line for line in lines[1:]]
    return r"\begin{array}{l}" + r"\\ ".join(rows) + r"\end{array}"


# --------------------------------------------------------------------------- the view model
# Everything the templates show, prepared here so that they only format.

METHODS = {
    "ring": "exact derivation in a ring of the few generators each entry involves "
    "(SymPy's diff where that path cannot express an entry)",
    "sympy": "SymPy's diff per entry, decided as an exact rational function",
    "general": "symbolic N and indices, decided case by case (i = j, i ≠ j)",
}


@dataclass(frozen=True)
class Value:
    """A value stored as SymPy text, with its LaTeX when it could be read safely."""

    text: str
    latex: str | None


@dataclass(frozen=True)
class CounterexampleView:
    point: tuple[tuple[str, Value], ...]
    others: tuple[tuple[str, Value], ...]
    lhs: Value
    rhs: Value
    lhs_decimal: str
    rhs_decimal: str
    exact: bool


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


_VALUE_TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(.))")
_FUNCTIONS = {"log": "log", "exp": "exp"}


def _read_value(text: str):  # type: ignore[no-untyped-def]
    """A SymPy ``str`` value (``4*log(2/3)/3``) read by a small grammar of its own — numbers,
    names, ``+ - * / ( )``, ``log`` and ``exp`` — into a SymPy expression; nothing is executed."""
    import sympy

    tokens = [m.groups() for m in _VALUE_TOKEN.finditer(text) if m.group().strip()]
    position = 0

    def peek() -> str | None:
        return tokens[position][2] if position < len(tokens) else None

    def take(symbol: str) -> None:
        nonlocal position
        if peek() != symbol:
            raise ValueError(f"expected {symbol!r}")
        position += 1

    def expression():  # type: ignore[no-untyped-def]
        value = term()
        while peek() in ("+", "-"):
            sign = peek()
            take(sign)  # type: ignore[arg-type]
            value = value + term() if sign == "+" else value - term()
        return value

    def term():  # type: ignore[no-untyped-def]
        value = factor()
        while peek() in ("*", "/"):
            operator = peek()
            take(operator)  # type: ignore[arg-type]
            value = value * factor() if operator == "*" else value / factor()
        return value

    def factor():  # type: ignore[no-untyped-def]
        nonlocal position
        if peek() == "-":
            take("-")
            return -factor()
        if position >= len(tokens):
            raise ValueError("unexpected end")
        number, name, _ = tokens[position]
        if number is not None:
            position += 1
            return (
                sympy.Float(number, 20)
                if ("." in number or "e" in number)
                else sympy.Integer(number)
            )
        if name is not None:
            position += 1
            if name in _FUNCTIONS and peek() == "(":
                take("(")
                argument = expression()
                take(")")
                return getattr(sympy, _FUNCTIONS[name])(argument)
            return sympy.Symbol(name)
        take("(")
        value = expression()
        take(")")
        return value

    value = expression()
    if position != len(tokens):
        raise ValueError("trailing text")
    return value


@functools.lru_cache(maxsize=1024)
def _value(text: str) -> Value:
    """Read a SymPy ``str`` value (``log(3/2)``) into LaTeX; plain text when it is not simple."""
    import sympy

    if len(text) > 400:
        return Value(text, None)
    try:
        latex = sympy.latex(_read_value(text))
    except (ValueError, TypeError, ZeroDivisionError):
        return Value(text, None)
    return Value(text, latex)


@functools.lru_cache(maxsize=1024)
def _symbol_latex(name: str) -> str:
    import sympy

    return sympy.latex(sympy.Symbol(name))


def _entry(index: tuple[int, ...]) -> str:
    if len(index) == 1:
        return str(index[0])
    return "(" + ", ".join(map(str, index)) + ")"


def _decimal(value: float) -> str:
    return f"{value:.6g}"


def _counterexample(cx: Counterexample) -> CounterexampleView:
    return CounterexampleView(
        point=tuple((_symbol_latex(name), _value(value)) for name, value in cx.point),
        others=tuple((_symbol_latex(f"{family}_k"), _value(value)) for family, value in cx.others),
        lhs=_value(cx.lhs),
        rhs=_value(cx.rhs),
        lhs_decimal=_decimal(cx.lhs_float),
        rhs_decimal=_decimal(cx.rhs_float),
        exact=cx.exact,
    )


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


# --------------------------------------------------------------------------- Jinja


def _template_root() -> Traversable:
    """``templates/``: inside the installed package (wheel) or next to it (checkout)."""
    package = resources.files("symsoft")
    shipped = package / "templates"
    if shipped.is_dir():
        return shipped
    if isinstance(package, Path):
        checkout = package.parent / "templates"
        if (checkout / "report.html.j2").is_file():
            return checkout
    raise ReportError(f"the report templates are missing: looked in '{shipped}' and next to it")


def _loader() -> jinja2.BaseLoader:
    import jinja2

    root = _template_root()
    if isinstance(root, Path):
        return jinja2.FileSystemLoader(root)

    def load(name: str) -> str:  # a zipped install: read through importlib.resources
        return (root / name).read_text(encoding="utf-8")

    return jinja2.FunctionLoader(load)


def _filters() -> dict[str, object]:
    return {"entry": _entry, "decimal": _decimal}


def _typographic_minus(text: str) -> str:
    return text.replace("-", "\u2212")


@functools.cache
def _html_environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=_loader(),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(_filters())
    env.filters["minus"] = _typographic_minus
    env.filters["math"] = _math_filter
    env.filters["displaymath"] = functools.partial(_math_filter, display="block")
    return env


@functools.cache
def _latex_environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=_loader(),
        block_start_string=r"\BLOCK{",
        block_end_string="}",
        variable_start_string=r"\VAR{",
        variable_end_string="}",
        comment_start_string=r"\#{",
        comment_end_string="}",
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(_filters())
    env.filters["latex_escape"] = latex_escape
    return env


# --------------------------------------------------------------------------- rendering


def render(run: Run, fmt: Literal["tex", "html"]) -> str:
    """The report of ``run`` as a LaTeX document (``"tex"``) or one self-contained HTML page.

    >>> from symsoft.results import Run
    >>> run = Run(n=2, results=(), versions=(("symsoft", "0.1.0"),), status="proved")
    >>> render(run, "html").startswith("<!DOCTYPE html>")
    True
    """
    if fmt == "tex":
        return _latex_environment().get_template("report.tex.j2").render(report=_view(run))
    if fmt == "html":
        return _html_environment().get_template("report.html.j2").render(report=_view(run))
    raise InputError(f"unknown report format {fmt!r}: choose 'tex' or 'html'")


def run_html_fragment(run: Run) -> str:
    """The HTML report of ``run`` as one ``<div>`` with scoped styles (for ``_repr_html_``).

    >>> from symsoft.results import Run
    >>> run_html_fragment(Run(n=2, results=(), versions=(), status="proved"))[:27]
    '<div class="symsoft-report"'
    """
    template = _html_environment().get_template("fragment.html.j2")
    return template.render(report=_view(run)).strip()


def verdict_html_fragment(verdict: Verdict) -> str:
    """A verdict as an HTML badge and its reason (for ``Verdict._repr_html_``).

    >>> from symsoft.results import Verdict
    >>> "badge proved" in verdict_html_fragment(Verdict("proved", "numerator is 0"))
    True
    """
    counterexample = (
        None if verdict.counterexample is None else _counterexample(verdict.counterexample)
    )
    template = _html_environment().get_template("verdict.html.j2")
    return template.render(verdict=verdict, counterexample=counterexample).strip()


def _mathjax_text(text: str) -> str:
    """Text safe inside MathJax's ``\\text{…}``, which reads its argument literally."""
    return re.sub(r"[\\{}$%#&^_~]", " ", text)


def _mathjax_value(value: Value) -> str:
    return value.latex if value.latex is not None else rf"\text{{{_mathjax_text(value.text)}}}"


def verdict_latex_fragment(verdict: Verdict) -> str:
    """A verdict as display LaTeX for MathJax (for ``Verdict._repr_latex_``).

    >>> from symsoft.results import Verdict
    >>> verdict_latex_fragment(Verdict("proved", "numerator is 0"))
    '$$\\\\textbf{proved}\\\\quad\\\\text{numerator is 0}$$'
    """
    parts = [rf"\textbf{{{verdict.status}}}\quad\text{{{_mathjax_text(verdict.reason)}}}"]
    cx = verdict.counterexample
    if cx is not None:
        view = _counterexample(cx)
        point = [f"{name} = {_mathjax_value(value)}" for name, value in (*view.point, *view.others)]
        sides = [
            rf"\text{{{label} side}} = {_mathjax_value(value)} \approx {decimal}"
            for label, value, decimal in (
                ("left", view.lhs, view.lhs_decimal),
                ("right", view.rhs, view.rhs_decimal),
            )
        ]
        parts.append(r"\\ \text{at } " + r",\ ".join(point) + r":\quad " + r",\quad ".join(sides))
    if len(parts) == 1:
        return f"$${parts[0]}$$"
    return r"$$\begin{gathered}" + "".join(parts) + r"\end{gathered}$$"


def run_latex_fragment(run: Run) -> str:
    """The theorems of ``run`` and their verdicts as display LaTeX (for ``Run._repr_latex_``).

    >>> from symsoft.results import Run
    >>> run_latex_fragment(Run(n=2, results=(), versions=(), status="proved"))
    '$$\\\\begin{array}{rll}N = 2 & & \\\\textbf{proved}\\\\end{array}$$'
    """
    size = _size(run.n) or r"\text{every } N"
    rows = [f"{size} & & \\textbf{{{run.status}}}"]
    for number, result in enumerate(run.results, start=1):
        rows.append(
            rf"\text{{{number}.}} & {result.statement} & \text{{{result.status}}}"
            rf" \ ({result.proved}/{result.entries})"
        )
    return r"$$\begin{array}{rll}" + r"\\ ".join(rows) + r"\end{array}$$"


# --------------------------------------------------------------------------- files


def _target_directory(directory: Path) -> Path:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise ReportError(f"cannot write the report to '{directory}': not a directory") from exc
    except NotADirectoryError as exc:
        raise ReportError(
            f"cannot write the report to '{directory}': a file stands where a folder should be"
        ) from exc
    except OSError as exc:
        raise ReportError(f"cannot write the report to '{directory}': {exc.strerror}") from exc
    if not directory.is_dir():
        raise ReportError(f"cannot write the report to '{directory}': not a directory")
    return directory


_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)-[0-9a-f]{12}\.tmp$")
"""symsoft's own temporary report files: ``.{name}.{pid}-{random}.tmp``."""


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: alive
        return True
    return True


def _remove_stale(directory: Path, names: Iterable[str]) -> None:
    """Remove temporaries of ``names`` left by a symsoft process that no longer runs (killed
    while writing); a live writer's temporaries are left alone."""
    wanted = set(names)
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        match = _TEMPORARY.match(entry.name)
        if match and match["name"] in wanted and not _alive(int(match["pid"])):
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def _write_temporary(path: Path, data: bytes) -> Path:
    """``data`` in a new temporary file beside ``path``, flushed to the disk."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}-{uuid.uuid4().hex[:12]}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise ReportError(f"cannot write '{path}': {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException as exc:
        temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, ReportError):
            raise ReportError(f"cannot write '{path}': {exc.strerror or exc}") from exc
        raise
    return temporary


def _write_all(files: dict[Path, bytes]) -> None:
    """Write every file or none: all are written to temporaries first, and renamed over their
    targets only once all of them are on the disk."""
    written: dict[Path, Path] = {}
    try:
        for path, data in files.items():
            written[path] = _write_temporary(path, data)
        for path, temporary in written.items():
            os.replace(temporary, path)
    except BaseException as exc:
        for temporary in written.values():
            temporary.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, ReportError):
            raise ReportError(f"cannot write the report: {exc.strerror or exc}") from exc
        raise


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    _write_all({path: data})


def _latex_error(log: str) -> str:
    """The first TeX error of a log, on one line."""
    for line in log.splitlines():
        if line.startswith("!") or re.match(r"^[^:\s]+:\d+: ", line):
            return line.strip()
    return "see the LaTeX log"


def tex_engine() -> str | None:
    """What is missing to build a PDF (``"latexmk"`` or ``"pdflatex"``), or None when both are
    on PATH."""
    for program in ("latexmk", "pdflatex"):
        if shutil.which(program) is None:
            return program
    return None


def _remove_stale_tex_folders() -> None:
    """Remove ``symsoft-tex-{pid}-…`` folders of symsoft processes that no longer run, once
    older than a LaTeX run may take (the temp folder may be shared beyond this PID space)."""
    import time

    root = Path(tempfile.gettempdir())
    try:
        entries = list(os.scandir(root))
    except OSError:
        return
    for entry in entries:
        match = re.match(r"^symsoft-tex-(\d+)-", entry.name)
        if not match or _alive(int(match[1])) or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            old = entry.stat(follow_symlinks=False).st_mtime < time.time() - LATEX_TIMEOUT
        except OSError:
            continue
        if old:
            shutil.rmtree(entry.path, ignore_errors=True)


def build_pdf(tex: str) -> bytes:
    """Compile the LaTeX document ``tex`` with ``latexmk -pdf`` in a temporary folder.

    TeX may read and write only inside that folder (``openin_any=p``, ``openout_any=p``),
    never runs shell commands, never waits for input, and dates the PDF 1970-01-01 so that
    the bytes depend on ``tex`` alone.

    >>> build_pdf(r"\\documentclass{article}\\begin{document}x\\end{document}")[:5]
    b'%PDF-'
    """
    missing = tex_engine()
    latexmk = shutil.which("latexmk")
    if missing is not None or latexmk is None:
        raise ReportError(f"cannot build the PDF: {missing} is not on PATH; {TEX_INSTALL_HINT}")
    env = {
        **os.environ,
        "openin_any": "p",
        "openout_any": "p",
        "shell_escape": "f",
        "SOURCE_DATE_EPOCH": "0",
        "FORCE_SOURCE_DATE": "1",
        "max_print_line": "1000",
    }
    _remove_stale_tex_folders()
    with tempfile.TemporaryDirectory(prefix=f"symsoft-tex-{os.getpid()}-") as workdir:
        source = Path(workdir, "report.tex")
        source.write_text(tex, encoding="utf-8")
        command = [
            latexmk,
            "-norc",
            "-pdf",
            "-interaction=nonstopmode",
            "-halt-on-error",
            "-file-line-error",
            "-no-shell-escape",
            "report.tex",
        ]
        try:
            completed = subprocess.run(
                command,
                cwd=workdir,
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=LATEX_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise ReportError(f"LaTeX did not finish within {LATEX_TIMEOUT:.0f} s") from exc
        pdf = Path(workdir, "report.pdf")
        log = Path(workdir, "report.log")
        if completed.returncode != 0 or not pdf.is_file():
            text = log.read_text(errors="replace") if log.is_file() else completed.stdout
            raise ReportError(f"LaTeX failed: {_latex_error(text)}")
        data = pdf.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise ReportError("LaTeX produced a file that is not a PDF")
    return data


def _formats(formats: Iterable[str]) -> tuple[Format, ...]:
    if isinstance(formats, str):
        formats = (formats,)
    chosen: list[Format] = []
    for fmt in formats:
        if fmt not in FORMATS:
            raise InputError(f"unknown report format {fmt!r}: choose from {', '.join(FORMATS)}")
        if fmt not in chosen:
            chosen.append(fmt)  # type: ignore[arg-type]
    if not chosen:
        raise InputError("no report format chosen")
    return tuple(chosen)


def _stem(stem: str | None, run: Run) -> str:
    if stem is None:
        return f"softmax-n{run.n}" if isinstance(run.n, int) else f"softmax-{run.n}"
    if not stem or stem in {".", ".."} or "/" in stem or os.sep in stem or "\0" in stem:
        raise InputError(f"invalid report name {stem!r}: give a file name without a folder")
    return stem


def write_report(
    run: Run,
    directory: Path | str,
    formats: Iterable[str] = ("tex", "pdf", "html"),
    stem: str | None = None,
) -> list[Path]:
    """Write the report of ``run`` to ``directory/stem.{tex,pdf,html}``; return the paths.

    Every format is produced in memory first; only then is each file written to a temporary
    file beside its target and renamed over it, so a failure leaves earlier reports intact and
    no half-written file behind.  ``stem`` defaults to ``softmax-n{N}``.

    >>> import tempfile
    >>> from symsoft.results import Run
    >>> run = Run(n=3, results=(), versions=(), status="proved")
    >>> [p.name for p in write_report(run, tempfile.mkdtemp(), formats=("html", "tex"))]
    ['softmax-n3.html', 'softmax-n3.tex']
    """
    chosen = _formats(formats)
    name = _stem(stem, run)
    contents: dict[Format, bytes] = {}
    tex = render(run, "tex") if {"tex", "pdf"} & set(chosen) else ""
    for fmt in chosen:
        if fmt == "tex":
            contents[fmt] = tex.encode("utf-8")
        elif fmt == "pdf":
            contents[fmt] = build_pdf(tex)
        else:
            contents[fmt] = render(run, "html").encode("utf-8")
    return write_files(Path(directory), name, contents)


def write_files(directory: Path, stem: str, contents: dict[str, bytes]) -> list[Path]:
    """Write ``directory/stem.{format}`` for each ready-made content: all of them or none
    (each to a temporary first, renamed only when all are written)."""
    target = _target_directory(directory)
    files = {target / f"{stem}.{fmt}": data for fmt, data in contents.items()}
    _remove_stale(target, (path.name for path in files))
    _write_all(files)
    return list(files)
