"""A logarithm whose base the text never names: ``since $\\log 1000 = 3$`` is true to base 10,
``a choice among eight carries $\\log 8 = 3$ bits`` to base 2, and false only with the natural
logarithm this reader takes ``\\log`` for. A failing step is not flagged when it holds with its
``\\log`` to base 2 or 10; the reading is named.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import sympy

from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.rounding import DECIMAL, NUMBERS
from symsoft.reading.lazy_regex import lazy

_LOG = lazy(r"\\log(?![a-zA-Z_])|(?<![a-zA-Z\\])log(?![a-zA-Z_])")
_LN = lazy(r"\\ln(?![a-zA-Z])|(?<![a-zA-Z\\])ln(?![a-zA-Z])")
# \ln 10 or \ln(2) beside \log: the text's \log is not the natural logarithm
_LN_OF_BASE = lazy(r"\\ln\s*(?:\\left\s*)?\(?\s*\{?\s*(?:2|10)\b")
BASES = (2, 10)


def _holds_to_base(lhs: sympy.Expr, rhs: sympy.Expr, base: int, tolerance: float) -> bool:
    """Whether ``lhs = rhs`` holds, to ``tolerance``, with every logarithm to ``base``."""
    left, right = (
        sympy.N(side.replace(sympy.log, lambda u: sympy.log(u) / sympy.log(base)), 40)
        for side in (lhs, rhs)
    )
    if not (left.is_number and right.is_number and left.is_real and right.is_real):
        return False
    return abs(float(left - right)) <= tolerance


def other_base(result: StepResult, parse: Callable[[str], sympy.Expr]) -> StepResult:
    """``result``, or "not checked: ambiguous" when a failing step that writes ``\\log`` holds
    with it to base 2 or 10: between numbers alone (``\\log 1000 = 3``, ``\\log 2 = 0.301`` to
    the digits written), or beside ``\\ln 10`` (``\\frac{d}{dx} \\log x = \\frac{1}{x \\ln
    10}``: the text tells its two logarithms apart)."""
    if result.status != "fails":
        return result
    written = f"{result.lhs} {result.rhs}"
    if not _LOG.search(written):
        return result
    if _LN_OF_BASE.search(written):
        return replace(
            result,
            status="not checked",
            summary=f"not checked: ambiguous: {result.summary}; the step writes \\log beside "
            "\\ln of a base, so its \\log may be to that base",
            hypothesis_stated=True,
        )
    if _LN.search(written) or not all(NUMBERS.fullmatch(side) for side in (result.lhs, result.rhs)):
        return result
    try:
        lhs, rhs = parse(result.lhs), parse(result.rhs)
    except Exception:  # noqa: BLE001 - not read alone: the flag stands
        return result
    tolerance = 1e-25
    for side in (result.lhs, result.rhs):
        if decimal := DECIMAL.fullmatch(side):
            tolerance = max(tolerance, 0.5 * 10 ** -len(decimal.group(1)) * (1 + 1e-9))
    for base in BASES:
        if _holds_to_base(lhs, rhs, base, tolerance):
            return replace(
                result,
                status="not checked",
                summary=f"not checked: ambiguous: {result.summary}; it holds with \\log to base "
                f"{base}, which the text's logarithm may be",
                hypothesis_stated=True,
            )
    return result
