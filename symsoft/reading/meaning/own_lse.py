"""A text that defines log-sum-exp its own way: ``lse`` is then its name, not the convention.

``lse(z)``, ``\\mathrm{LSE}(\\mathbf{x})`` and ``logsumexp(a)`` are read as ``\\log \\sum_k
e^{z_k}``.  A post that writes ``$lse(z) = \\frac{1}{2} \\log \\sum_k e^{2 z_k}$`` (a sharpened
version) or ``\\mathrm{lse}(\\mathbf{x}) := \\log \\frac{1}{n} \\sum_i e^{x_i}`` means something
else; its correct steps were refuted under the convention.  A definition is one written with
``:=`` (``\\coloneqq``, ``\\triangleq``, ``\\equiv``), alone in inline math in the prose, or at the
start of a display row where the text first writes the name; its value is compared with the
convention at N = 3.

>>> defines_lse_otherwise(r"We use $lse(z) = \\frac{1}{2} \\log \\sum_k e^{2 z_k}$ here.")
True
>>> defines_lse_otherwise(r"$\\mathrm{lse}(\\mathbf{x}) := \\log \\sum_k e^{x_k}$")
False
>>> defines_lse_otherwise(r"$$ lse(z + c) = lse(z) + c $$")
False
>>> defines_lse_otherwise(r"$$ lse(z) = \\log \\sum_k e^{2 z_k} $$")
True
>>> defines_lse_otherwise(r"$$ lse(z) = -b + \\log \\sum_k e^{z_k + b} $$")
False
"""

from __future__ import annotations

import random

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.grammar.latex import parse_expression
from symsoft.reading.lazy_regex import lazy

_NAME = (
    r"(?:\\(?:mathrm|operatorname|text|textrm|mathsf|textsf)\s*\{\s*"
    r"(?:LSE|lse|logsumexp|LogSumExp)\s*\}|(?<![a-zA-Z\\])(?:logsumexp|LogSumExp|lse|LSE))"
)
_ARGUMENT = r"\s*(?:\\left\s*)?\((?:[^()$]|\([^()$]*\)){1,60}?(?:\\right\s*)?\)"
_SET = r"\s*(?::=|\\coloneqq|\\triangleq|\\equiv|\\stackrel\s*\{[^{}]*\}\s*\{\s*=\s*\})"
_DEFINED = lazy(
    r"(" + _NAME + _ARGUMENT + r")" + _SET + r"\s*([^$]{1,300}?)\s*(?:\$|\\\]|\\\\|\n\s*\n|$)"
    r"|(?<![$\\])\$\s*(" + _NAME + _ARGUMENT + r")\s*=\s*([^$]{1,300}?)\s*[.,;]?\s*\$(?!\$)"
)

# a display row that starts with the name, the first time the text writes it: its definition
_ROW = lazy(
    r"(?:\$\$|\\\[|\\\\|\\begin\s*\{[a-z*]+\})\s*(" + _NAME + _ARGUMENT + r")\s*&?\s*=\s*"
    r"((?:(?!\$\$|\\\]|\\\\|\\end\s*\{).){1,300})"
)
_ANY_NAME = lazy(_NAME)


def _definitions(text: str) -> list[tuple[str, str, bool]]:
    """The (name, value, by its place only) triples ``text`` writes as definitions of lse."""
    found = [
        (*((m.group(1), m.group(2)) if m.group(1) else m.group(3, 4)), False)
        for m in _DEFINED.finditer(text)
    ]
    first = _ANY_NAME.search(text)
    row = _ROW.search(text)
    if first and row and row.start(1) == first.start():
        found.append((row.group(1), _first_member(row.group(2)), True))
    return found


def _first_member(value: str) -> str:
    """``value`` up to its first ``=`` outside braces and parentheses (a chain goes on)."""
    depth = 0
    for at, char in enumerate(value):
        if char in "{(":
            depth += 1
        elif char in "})":
            depth -= 1
        elif char == "=" and depth == 0:
            return value[:at]
    return value


def defines_lse_otherwise(text: str) -> bool:
    """Whether ``text`` defines ``lse(…)`` (or ``logsumexp``, ``LSE``) as anything but
    ``\\log \\sum_k e^{…_k}`` of its argument, or in a way not read."""
    for name, value, by_place in _definitions(text):
        value = value.strip().rstrip(".,;").strip()
        try:
            standard = parse_expression(name, open_names=True)
        except SymsoftError:
            continue  # lse(**a**) = $…$: a name in plain text, not a formula read here
        if not value or (by_place and _ANY_NAME.search(value)):
            continue  # lse(x) = lse(x - c) + c: an identity about lse, not its definition
        try:
            own = parse_expression(value, open_names=True)
        except SymsoftError:
            return True  # a value not read: the text's own lse, perhaps
        if by_place and _letters(own) - _letters(standard):
            continue  # lse(x) = -b + \\log \\sum_i e^{x_i + b}: a claim with a b of its own
        if not _agree(standard, own):
            return True
    return False


def _letters(expr: sympy.Expr) -> set[str]:
    """The names of the values ``expr`` is written in (not its indices nor the size N)."""
    names = {str(e.base) for e in expr.atoms(sympy.Indexed)}
    indices = {i for e in expr.atoms(sympy.Indexed) for i in e.indices}
    return names | {
        s.name
        for s in expr.free_symbols - indices
        if isinstance(s, sympy.Symbol) and not s.is_integer and s.name != "N"
    }


def _agree(a: sympy.Expr, b: sympy.Expr) -> bool:
    """``a`` and ``b`` take one value at N = 3 at a few points (entries drawn per name)."""
    sums = a.atoms(sympy.Sum) | b.atoms(sympy.Sum)
    size = {s: 3 for s in (a.free_symbols | b.free_symbols) if s.name == "N"}
    size |= {top: 3 for total in sums for *_, top in total.limits if isinstance(top, sympy.Symbol)}
    try:
        a, b = (e.xreplace(size).doit() for e in (a, b))
    except (TypeError, ValueError, NotImplementedError):
        return False
    atoms = sorted(a.atoms(sympy.Indexed) | b.atoms(sympy.Indexed), key=str)
    atoms += sorted((a.free_symbols | b.free_symbols) - set(atoms), key=str)
    rng = random.Random(0)  # deterministic
    for _ in range(3):
        point = {x: sympy.Rational(rng.randint(-20, 20), 7) for x in atoms}
        try:
            difference = complex(sympy.N((a - b).xreplace(point), 30))
        except (TypeError, ValueError):
            return False
        if abs(difference) > 1e-12:
            return False
    return True
