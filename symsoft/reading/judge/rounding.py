"""A step between numbers that fails only because one side is written with rounded decimals:
``s_3 = 0.665`` where s_3 = 0.66524…, or a worked example's ``\\sigma'(2) = 0.8808 \\times
0.1192`` where σ(2) = 0.88079… was rounded before it was multiplied. The author means ≈.

Each decimal written with d digits stands for any number within half a unit of its last digit;
the side is evaluated in interval arithmetic over those ranges, and the step holds to the digits
written (≈) when the other side, written without decimals (an exact value), lies in the
interval; arithmetic between decimals (``0.5 \\times 0.3 = 0.16``) is judged as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

import sympy
from mpmath import iv

from symsoft.reading.documents.punctuation import GOING_ON_DOTS
from symsoft.reading.documents.spans import Span
from symsoft.reading.judge.number_sides import NUMBERS
from symsoft.reading.judge.number_sides import numbers_alone as numbers_alone  # judging's
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.rounded_terms import each_rounded, each_term_rounded
from symsoft.reading.lazy_regex import lazy

_WHOLE = lazy(r"\s*+-?\s*+([1-9]\d{2,})\s*+")  # 22026: a whole number of three digits or more
DECIMAL = lazy(r"\s*-?\s*\d*\.(\d+)\s*")  # 0.665: a value written to three digits
_DECIMALS = lazy(r"(?<![\d.])\d*\.(\d+)(?![\d.])")
# 22026 (the empty group: no decimals), never an exponent or a subscript
_WHOLES = lazy(r"(?<![\d.^_])(?<!\^\{)(?<!_\{)[1-9]\d{2,}()(?![\d.])")
_TRANSCENDENTAL = lazy(r"(?<![a-zA-Z\\])e\s*\^|\\exp|\\log|\\ln")
# \sigma(0.56), e^{-0.5}, \log 0.7: decimals given to a function are inputs, exact as written;
# its value is what the other side rounds (review 71b)
_FUNCTION_OF_DECIMALS = lazy(
    r"(?:(?<![a-zA-Z\\])e\s*\^|\\(?:exp|log|ln|sigma|tanh|sinh|cosh|sqrt)(?![a-zA-Z]))"
)
_SYMBOLIC = lazy(r"[a-zA-Z]_\{?\d")  # a value that names an entry: t_1
_LETTERS = (
    "abcfghmpqrstuvwz"  # names for the decimals while the side is read (no d: a differential)
)


def _with_names(
    written: str, wholes: bool = False, kept: frozenset[str] = frozenset()
) -> tuple[str, dict[str, iv.mpf]] | None:
    """``written`` with each decimal put as a letter, and each letter's range: the decimal
    give or take half a unit of its last digit; None with more decimals than letters.  A
    decimal whose digits after the point are all zero (``1.0``, ``0.0``: a one-hot target's
    entries) is the whole number it writes, and stays as written.  With ``wholes``, a whole
    number of three digits or more (``22026`` for e^{10}) is one rounded to the unit."""
    ranges: dict[str, iv.mpf] = {}
    pieces, last = [], 0
    found_all = _rounded_decimals(written) + (list(_WHOLES.finditer(written)) if wholes else [])
    for found in sorted(found_all, key=lambda m: m.start()):
        if found.group() in kept:
            continue  # an exact number of the other side (0.7 of 0.7 \log 0.8): as written
        if len(ranges) == len(_LETTERS):
            return None
        letter = _LETTERS[len(ranges)]
        value = sympy.Rational(found.group())
        half = sympy.Rational(1, 2 * 10 ** len(found.group(1) or ""))
        low, high = _exact(value - half), _exact(value + half)
        ranges[letter] = iv.mpf([low.a, high.b])
        pieces += [written[last : found.start()], f" {{{letter}}} "]
        last = found.end()
    pieces.append(written[last:])
    return "".join(pieces), ranges


def _digits_alone(written: str) -> int | None:
    """The digits after the point of a side that is one decimal alone, else None."""
    decimal = DECIMAL.fullmatch(written)
    return len(decimal.group(1)) if decimal else None


def _rounded_decimals(written: str) -> list[re.Match[str]]:
    """The decimals of ``written`` that may be rounded: not ``1.0``, a whole number."""
    return [found for found in _DECIMALS.finditer(written) if found.group(1).strip("0")]


def _fewest_digits(written: str) -> int:
    """The fewest digits after the point among the decimals ``written`` holds that may be
    rounded (0 if none)."""
    return min((len(found.group(1)) for found in _rounded_decimals(written)), default=0)


def _exact(value: sympy.Rational) -> iv.mpf:
    return iv.mpf(int(value.p)) / iv.mpf(int(value.q))


def _interval(expr: sympy.Expr, ranges: dict[str, iv.mpf]) -> iv.mpf:
    """``expr`` with each of its letters anywhere in its range; ValueError when ``expr`` is not
    arithmetic of numbers and those letters."""
    if isinstance(expr, sympy.Symbol) and expr.name in ranges:
        return ranges[expr.name]
    if expr.is_Rational:
        return _exact(expr)
    if expr == sympy.E:
        return iv.e
    parts = [_interval(arg, ranges) for arg in expr.args]
    if isinstance(expr, sympy.Add):
        return sum(parts[1:], parts[0])
    if isinstance(expr, sympy.Mul):
        product = parts[0]
        for part in parts[1:]:
            product = product * part
        return product
    if isinstance(expr, sympy.Pow) and expr.exp.is_Integer:
        return parts[0] ** int(expr.exp)
    if isinstance(expr, sympy.exp):
        return iv.exp(parts[0])
    if isinstance(expr, sympy.log) and len(parts) == 1:
        return iv.log(parts[0])
    raise ValueError(f"not arithmetic of numbers: {type(expr).__name__}")


_DOTTED = lazy(rf"\s*-?\s*\d*\.\d+\s*(?:{GOING_ON_DOTS})\s*(?:[$}}]|\\\]|$)")


def dotted(original: str, sides: tuple[Span | None, Span]) -> tuple[bool, bool]:
    """Whether each side is a decimal the text follows with dots, ``10.107...``: its digits go on
    (cut off or rounded, the last digit written may be one below the value's)."""
    return tuple(
        side is not None and bool(_DOTTED.match(original[side.start : side.end + 8]))
        for side in sides
    )


def rounded(
    result: StepResult, parse: Callable[[str], sympy.Expr], dots: tuple[bool, bool] = (False, False)
) -> StepResult:
    """``result``, or "holds to the digits written" when the step fails only because one side is
    written with rounded decimals (a decimal alone, or arithmetic of decimals) whose ranges
    hold the other side's value."""
    sides = result.counterexample
    if result.status != "fails" or sides is None:
        return result
    # a point whose every value stays symbolic (t = (1 - t_1), beside a worked example's fixed
    # x): both sides were numbers without it, so it is no point at all
    free = all(_SYMBOLIC.search(value) for _, value in sides.point)
    # … or both sides numbers alone (T = 1 of a text's temperature beside e^{2.0})
    free = free or all(NUMBERS.fullmatch(side) for side in (result.lhs, result.rhs))
    for written, value, other, exact, cut in (
        (result.lhs, sides.lhs_float, sides.rhs_float, result.rhs, dots[0]),
        (result.rhs, sides.rhs_float, sides.lhs_float, result.lhs, dots[1]),
    ):
        whole = _WHOLE.fullmatch(written)
        if whole and not sides.point and NUMBERS.fullmatch(exact) and other != round(other):
            # e^{10} = 22026: a whole number of three digits or more for a value that is none,
            # rounded or cut off to the unit (2^{10} = 1025 is judged as written)
            away = (other - value) * (1 if value >= 0 else -1)
            if abs(value - other) <= 0.5 * (1 + 1e-9) or 0 <= away < 1 + 1e-9:
                how = "rounded" if abs(value - other) <= 0.5 * (1 + 1e-9) else "cut off"
                shown = f"{other:.{len(whole.group(1)) + 3}g}"
                summary = f"holds to the digits written: {written.strip()} is {shown} {how} (≈)"
                return replace(result, status="holds", summary=summary, cases=())
            continue
        if not free and not (DECIMAL.fullmatch(written) and NUMBERS.fullmatch(exact)):
            continue  # a value at a point: the other side may be far at another one
        decimal = DECIMAL.fullmatch(written)
        if decimal:
            digits = len(decimal.group(1))
            unit = 10.0**-digits * (1 + 1e-9)
            away = (other - value) * (1 if value >= 0 else -1)  # how far past it, from 0
            # cut off as well as rounded, when dots say the digits go on (10.107...) or when
            # three significant digits or more are written (0.7213 for 0.72139…: the first
            # digits of the value, less than 1 % off; 0.6 for 0.665 is not)
            significant = decimal.group().strip().lstrip("-").strip().lstrip("0.").replace(".", "")
            cut = cut or len(significant) >= 3
            if abs(value - other) <= 0.5 * unit or (cut and 0 <= away < unit):
                how = "rounded" if abs(value - other) <= 0.5 * unit else "cut off"
                return replace(
                    result,
                    status="holds",
                    summary=f"holds to the digits written: {written.strip()} is "
                    f"{other:.{digits + 3}g} {how} (≈)",
                    cases=(),
                )
            continue
        kept: frozenset[str] | None = frozenset()
        if _DECIMALS.search(exact) and _FUNCTION_OF_DECIMALS.search(exact):
            kept = each_rounded(exact, written, parse)  # σ(0.56) ≈ 0.636, 1 - σ(0.56) ≈ 0.364
            # None: a decimal that rounds no value written there (two slips may cancel, or a
            # value halved: 2 \times 1.128 for e^{-0.5} + e^{0.5}): close is no verdict then
        if (
            _DECIMALS.search(exact)
            and not _FUNCTION_OF_DECIMALS.search(exact)
            and _digits_alone(exact) is None
        ):
            # 0.6 \times 0.6457 + 0.2 = 0.3874 + 0.2: each decimal a term's value rounded
            # (or the other side's own number), as a worked example shows its products
            kept = each_term_rounded(exact, written, parse)
            if kept is None:
                continue
        elif _DECIMALS.search(exact) and not _FUNCTION_OF_DECIMALS.search(exact):
            # 0.5 \times 0.3 = 0.16, 1 - 0.8 = 0.3: arithmetic between decimals is judged as
            # written, unless each of its decimals has at least two digits, and as many as the
            # result (7.389 + 2.718 + 1.105 = 11.213: e^2 + e + e^{0.1} = 11.2125…, every
            # value rounded alike), or five at least (losses shown to six digits, their mean
            # to eight: 0.91612888), and the result lies within the rounding of the decimals
            result_digits = _digits_alone(exact)
            fewest = _fewest_digits(written)
            if result_digits is None or fewest < min(max(result_digits, 2), 5):
                continue
        # \frac{1}{1 + e^{10}} = \frac{1}{1 + 22026}: whole numbers rounded from powers of e
        wholes = bool(
            _TRANSCENDENTAL.search(exact)
            and not _TRANSCENDENTAL.search(written)
            and _WHOLES.search(written)
        )
        named = (
            _with_names(written, wholes, kept or frozenset())
            if NUMBERS.fullmatch(written)
            else None
        )
        if not named or not named[1]:
            continue
        try:
            interval = _interval(parse(named[0]), named[1])
        except Exception:  # noqa: BLE001 - not read as arithmetic: the flag stands
            continue
        slack = 1e-9 * max(abs(other), 1.0)
        width = float(interval.b) - float(interval.a)
        if (_DECIMALS.search(exact) and width > 0.01 * abs(other)) or (
            wholes and width > 0.02 * abs(other)
        ):
            continue  # \frac{0.50}{0.01} = 66.67: a range this wide excuses any result
        if float(interval.a) - slack <= other <= float(interval.b) + slack:
            if kept is None:
                why = "its decimals are not each a value of the other side rounded"
                return replace(
                    result,
                    status="not checked",
                    summary=f"not checked: ambiguous: close to the digits written, yet {why}",
                    hypothesis_stated=True,
                )
            return replace(
                result,
                status="holds",
                summary=f"holds to the digits written: {written.strip()} is {other:.6g} up to "
                "the rounding of its decimals (≈)",
                cases=(),
            )
    return result


def within_rounding(
    written: str, exact: str, other: float, parse: Callable[[str], sympy.Expr]
) -> bool:
    """Whether ``written``, arithmetic of decimals (``0.6457 \\times 0.3543``), holds
    ``other``, the value of ``exact`` (``\\sigma(0.6)(1 - \\sigma(0.6))``), within the
    rounding of its decimals, each a value of ``exact`` rounded or one of its own numbers: an
    entry of a worked example's matrix written with its rounded factors."""
    if not NUMBERS.fullmatch(written) or DECIMAL.fullmatch(written):
        return False
    if _DECIMALS.search(exact) and not _FUNCTION_OF_DECIMALS.search(exact):
        kept = each_term_rounded(exact, written, parse)
    else:
        kept = each_rounded(exact, written, parse)
    named = _with_names(written, False, kept) if kept is not None else None
    if not named or not named[1]:
        return False
    try:
        interval = _interval(parse(named[0]), named[1])
    except Exception:  # noqa: BLE001 - not read as arithmetic: no rounding
        return False
    slack = 1e-9 * max(abs(other), 1.0)
    if float(interval.b) - float(interval.a) > 0.01 * abs(other):
        return False  # a range this wide excuses any result
    return float(interval.a) - slack <= other <= float(interval.b) + slack


def approximately(result: StepResult, example: bool = False) -> StepResult:
    """The verdict of ``A \\approx B`` between numbers, from the verdict of ``A = B`` (rounded
    already): it holds when a side written as a decimal is the other's value rounded or cut off
    to its digits; it fails only when that decimal claims three significant digits or more and
    is more than 1 % off (``0.5374 \\cdot 0.4626 \\approx 0.2846``); anything else is a rough
    estimate (``1024 \\approx 1000``, ``e^{-0.15} \\approx 1 - 0.15``, ``\\approx 0.89``), not
    decided."""
    if result.status == "holds":
        summary = result.summary if "(≈)" in result.summary else f"{result.summary} (≈)"
        return replace(result, summary=summary, relation="≈")
    sides = result.counterexample
    if result.status != "fails" or sides is None or (sides.point and not example):
        return result  # (a point: names took values; ``example``: a worked example's)
    left, right = float(sides.lhs_float), float(sides.rhs_float)
    precise = False
    for written, value, other in ((result.lhs, left, right), (result.rhs, right, left)):
        decimal = DECIMAL.fullmatch(written)
        if decimal is None:
            continue
        unit = 10.0 ** -len(decimal.group(1))
        if abs(value - other) <= 0.5 * unit * (1 + 1e-9) or (
            value * other > 0 and 0 <= abs(other) - abs(value) < unit * (1 + 1e-9)
        ):
            how = "rounded" if abs(value - other) <= 0.5 * unit * (1 + 1e-9) else "cut off"
            return replace(
                result,
                relation="≈",
                status="holds",
                summary=f"holds to the digits written: {written.strip()} is {other:.6g} {how} (≈)",
                cases=(),
            )
        digits = decimal.group().strip().lstrip("-").strip().lstrip("0.").replace(".", "")
        precise = precise or len(digits) >= 3
    if precise and abs(left - right) > 0.01 * max(abs(left), abs(right)):
        return replace(
            result, summary=f"{result.summary} (not even approximately: ≈)", relation="≈"
        )
    return replace(
        result,
        relation="≈",
        status="not checked",
        summary=f"not checked: an approximation ({left:.6g} ≈ {right:.6g}) coarser than the digits "
        "written, or a rough estimate: not decided",
        cases=(),
    )


def at_the_example(result: StepResult) -> StepResult:
    """The verdict of ``A \\approx 0.417`` where A is an expression in names (``-\\log S_1``),
    from the verdict of ``A = 0.417``: only at a worked example, whose values give A a number,
    is it judged to the digits written (as :func:`approximately`); for every value it is an
    approximation that no reading decides."""
    if result.status in ("holds", "fails") and "at the worked example" in result.summary:
        return approximately(result, example=True)
    sides = result.counterexample
    if result.status == "holds" or (result.status == "fails" and sides and not sides.point):
        return approximately(result)  # for every value, or no names to give values (σ(0.5))
    if result.status == "fails" or result.flagged:
        return replace(
            result,
            relation="≈",
            status="not checked",
            summary="not checked: an approximation of an expression in names, at no worked example",
            cases=(),
        )
    return result


def each_at_the_example(result: StepResult) -> StepResult:
    """The verdict of ``S \\approx (0.659, 0.242, 0.099)``: each entry was judged as by
    :func:`at_the_example` (tuples.py), the list's verdict theirs."""
    return replace(result, relation="≈")


# a list of decimals: (0.659, 0.242, 0.099), [0.254, -0.310, 0.057]
_DECIMAL_LIST = lazy(
    r"\s*(?:\\left\s*)?[(\[]\s*-?\d*\.\d+(?:\s*,\s*-?\d*\.\d+)+\s*(?:\\right\s*)?[)\]]\s*"
)


def approximated(lhs: str, rhs: str) -> Callable[[StepResult], StepResult] | None:
    """How ``lhs \\approx rhs`` is judged from the verdict of ``lhs = rhs``: between numbers
    (:func:`approximately`), an expression and a decimal (:func:`at_the_example`), an expression
    and a list of decimals (:func:`each_at_the_example`); None: not judged."""
    if numbers_alone([lhs, rhs]):
        return approximately
    if DECIMAL.fullmatch(rhs) or (NUMBERS.fullmatch(rhs) and DECIMAL.search(rhs)):
        return at_the_example  # (0.665 \\times 0.335: decimals multiplied out)
    return each_at_the_example if _DECIMAL_LIST.fullmatch(rhs) else None


# the text says its numbers are rounded ("Values are rounded to two decimals", "(rounded to 3
# d.p.)", "arrondi à"): digits cut off are then no rounding of the value
_ROUNDING_SAID = lazy(
    r"(?i)\bround(?:ed|s)?\s+(?:off\s+)?to\b|\barrondi\w*|\bgerundet\b|\bredondead\w*"
)


def rounding_said(result: StepResult, before: str) -> StepResult:
    """``result``, or not checked where it holds only with the last digit cut off and the text
    before the step says its numbers are rounded (review 78c R: "rounded to two decimals", then
    ``e^2 = 7.38`` held as cut off)."""
    if result.status != "holds" or "cut off (≈)" not in result.summary:
        return result
    if not _ROUNDING_SAID.search(before):
        return result
    return replace(
        result,
        status="not checked",
        summary=f"not checked: ambiguous: {result.summary}, but the text says its numbers are "
        "rounded, not cut off",
    )
