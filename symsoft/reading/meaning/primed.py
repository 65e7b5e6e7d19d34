"""Letters a document writes primed and gives no meaning: the unknown functions of a rule.

``\\left(\\frac{u}{v}\\right)' = \\frac{u'v - uv'}{v^2}`` and ``(uv)' = u'v + uv'`` state the
quotient and product rules for every pair of functions; ``u`` and ``u'`` are then an unknown
function of one variable and its derivative, whose values at a point are independent numbers
(as ``g`` and ``h`` of ``f(x) = \\frac{g(x)}{h(x)}``, definitions.py).  A letter is read so when

- the text writes it primed, ``u'`` (also ``u'(x)``, ``u^{\\prime}``), and gives it no meaning
  (not defined, not a free variable of the defaults, never written with an index);
- its derivative is not stated, ``u' = 0``, ``g'(x) = e^x``, nor its value, ``u = 1``, and it
  is no part of a function the text defines, ``g(x) = \\frac{u}{v}`` (particular functions);
- it is not said alone in a sentence, ``let $g$ be the numerator`` (a meaning in words, which
  this reader does not read), unless the sentence calls it a function;
- it stands in a primed group, ``(uv)'``, or beside another such letter in one display: one
  letter alone, ``f' = f(1 - f)``, is a claim about a function named elsewhere, not a rule.

The variable is the one the text applies those letters to (``u'(t)``), else the one its ``d/dx``
names, else x.

>>> from symsoft.reading.meaning.table import Meanings
>>> meanings = Meanings()
>>> primed_functions([r"\\left(\\frac{u}{v}\\right)' = \\frac{u'v - uv'}{v^2}"], "", meanings)
>>> sorted(meanings.functions)
['u', 'v']
>>> meanings = Meanings()
>>> primed_functions([r"f' = f(1 - f)"], "", meanings)
>>> sorted(meanings.functions)
[]
"""

from __future__ import annotations

import re

import sympy

from symsoft.reading.documents.chains import Step
from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.named_primes import named_prime
from symsoft.reading.meaning.table import FunctionMeaning, Meanings
from symsoft.reading.notation.derivatives import primed_called

PRIMED_SOURCE = "unknown function (written primed)"
_PRIME = r"(?:'|\^\s*\{?\s*\\prime\s*\}?)"
# the primed letter ends its run: uv' is u v'
_PRIMED = lazy(
    r"(?<![\\a-zA-Z_])(?<!_\{)(?<!_ \{)(?:[a-zA-Z]{1,2}(?=[a-zA-Z]))?([a-zA-Z])\s*" + _PRIME + r"+"
)
# u' = 0, g'(x) = e^x, … = v': a derivative the text states is of a particular function
_CALL = r"(?:\s*(?:\\left\s*)?\(\s*[a-zA-Z]\s*(?:\\right\s*)?\))?"
_STATED = lazy(
    r"(?<![\\a-zA-Z])([a-zA-Z])\s*" + _PRIME + "+" + _CALL + r"\s*&?\s*="
    r"|=\s*([a-zA-Z])\s*" + _PRIME + "+" + _CALL + r"\s*(?:$|[,.;]|\\\\|\\quad)"
)
# the factor written beside a primed letter: v u', g(x) f'(x), u' \cdot v, f'(x)g(x)
_FACTOR_BEFORE = lazy(r"(?<![\\a-zA-Z])([a-zA-Z])" + _CALL + r"\s*(?:\\cdot\s*)?$")
_FACTOR_AFTER = lazy(_CALL + r"\s*(?:\\cdot\s*)?([a-zA-Z])(?![a-zA-Z])")
_RUN = lazy(r"(?<![\\a-zA-Z])[a-zA-Z]{1,3}(?![a-zA-Z])")
_CALLED = lazy(
    r"(?<![\\a-zA-Z])([a-zA-Z])\s*" + _PRIME + r"*\s*(?:\\left\s*)?\(\s*([a-zA-Z])\s*"
    r"(?:\\right\s*)?\)"
)
_BY = lazy(r"\\frac\s*\{\s*d\s*\}\s*\{\s*d\s*([a-zA-Z])\s*\}")
_PRIMED_GROUP = lazy(r"\)\s*" + _PRIME)
_LONE = lazy(r"\$\s*([a-zA-Z])\s*\$")
_DERIVATIVE_SPOKEN = lazy(
    r"deriv|differen|quotient\s+rule|product\s+rule|chain\s+rule|dériv|Ableitung|производн"
    r"|导数|導数|微分|導関数|미분|도함수|đạo\s+hàm|türev|turunan|pochodn|afgeleide|\\partial|\\frac\s*\{\s*(?:d|\\mathrm\s*\{\s*d\s*\})\s*[a-zA-Z}]"
    r"|\\prime|\b[a-zA-Z]\s*'\s*\(",
    re.IGNORECASE,
)


def primed_functions(displays: list[str], prose: str, meanings: Meanings) -> None:
    """Make the letters the displays write primed, as in a differentiation rule, unknown
    functions of one variable (see the module's rules)."""
    math = " ".join(displays)
    # y' = 2(x + 1) + 1, "the new output": a prime is a derivative where the text speaks of them
    meanings.primes_differentiate = bool(_DERIVATIVE_SPOKEN.search(math + " " + prose))
    if named_prime(prose):  # "Let $y = σ(x)$ and $y' = 1 - y$": y' a name, no derivative
        meanings.primes_differentiate = False
    if not _PRIMED.search(math):
        return
    indexed = set(re.findall(r"(?<![\\a-zA-Z])([a-zA-Z])\s*_", math))
    taken = set(meanings.table) | set(meanings.functions) | meanings.leaves | indexed
    primed = {name for name in _PRIMED.findall(math) if name not in taken | {"e", "d"}}
    everything = math + " " + prose
    primed -= _said_alone(prose) | {a or b for a, b in _STATED.findall(everything)}
    primed -= _given_values(everything)
    applied = {variable for name, variable in _CALLED.findall(math) if name in primed}
    by = set(_BY.findall(math))
    if not primed or len(applied) > 1 or (not applied and len(by) > 1):
        return  # functions of several variables: which one is meant?
    variable = (applied or by or {"x"}).pop()
    ruled = set()
    for display in displays:
        for found in _PRIMED.finditer(display):  # u'v, uv', f' g: a product of two of them
            before = set(found.group()[: found.start(1) - found.start()])
            if not before and (factor := _FACTOR_BEFORE.search(display[: found.start()])):
                before = {factor.group(1)}
            after = _FACTOR_AFTER.match(display[found.end() :])
            beside = before | ({after.group(1)} if after else set())
            if found.group(1) in primed and beside & primed:
                ruled |= {found.group(1)} | (beside & primed)
        called = set(primed_called(display)) & primed  # f'(g(x)) g'(x): the chain rule's
        ruled |= called if len(called) > 1 else set()
        for group in _PRIMED_GROUP.finditer(display):  # (u/v)': every letter in it primed
            inside = display[_opening(display, group.start()) + 1 : group.start()]
            letters = {letter for run in _RUN.findall(inside) for letter in run}
            letters -= {variable, "e", "d"}
            if letters and letters <= primed:
                ruled |= letters
    x = sympy.Symbol(variable, real=True)
    for name in sorted(ruled - {variable}):
        meanings.functions[name] = FunctionMeaning(name, x, None, PRIMED_SOURCE)


# u = 1, v = 1 + e^{-x}: a letter given a value; g(x) = \frac{u}{v}: the parts of a function
_SET = lazy(r"(?<![\\a-zA-Z'])([a-zA-Z])\s*(?:\(\s*[a-zA-Z]\s*\)\s*)?(?::=|=)([^=$]{0,120})")


def _given_values(text: str) -> set[str]:
    """The letters the text sets equal to something (``u = 1``), and the letters in the value of
    a letter it defines (``g(x) = \\frac{u}{v}``: u and v are g's parts, particular functions)."""
    given = set()
    for found in _SET.finditer(text):
        given.add(found.group(1))
        value = re.split(r"\\\\|\\quad|,\s|\$", found.group(2))[0]
        given |= {letter for run in _RUN.findall(value) for letter in run}
    return given


def _said_alone(prose: str) -> set[str]:
    """Letters a sentence names alone, ``let $g$ be the numerator``, unless it calls them
    functions."""
    said = set()
    for lone in _LONE.finditer(prose):
        start = max(prose.rfind(".", 0, lone.start()), prose.rfind("\n\n", 0, lone.start()))
        end = prose.find(".", lone.end())
        sentence = prose[start + 1 : end if end >= 0 else len(prose)]
        if not re.search(r"\bfunctions?\b", sentence, re.IGNORECASE):
            said.add(lone.group(1))
    return said


def particular(everything: str, prose: str) -> set[str]:
    """The letters the text gives a meaning of their own (said alone in a sentence, a stated
    derivative, a value, a part of a function it defines): not the unknown functions of a rule."""
    stated = {a or b for a, b in _STATED.findall(everything)}
    return _said_alone(prose) | stated | _given_values(everything)


def _display_spans(steps: list[Step]) -> list[tuple[int, int]]:
    """Where the math of each display the steps are in runs, from its first side to its last."""
    spans: dict[int, list[int]] = {}
    for step in steps:
        for side in (step.lhs, step.rhs):
            if side is not None:
                spans.setdefault(step.display, []).extend((side.start, side.end))
    return [(min(ends), max(ends)) for _, ends in sorted(spans.items())]


def display_texts(text: Text, steps: list[Step]) -> list[str]:
    """The math of each display the steps are in, from its first side to its last."""
    return [text.slice(start, end) for start, end in _display_spans(steps)]


def shown(text: Text, steps: list[Step]) -> str:
    """The math of the displays the steps are in, but those said in a sentence (``… by
    $\\partial L / \\partial s_k = -y_k / s_k$, one entry …``: a claim read in the prose)."""
    kept = []
    for start, end in _display_spans(steps):
        line = text.original[text.original.rfind("\n", 0, start) + 1 : start]
        opening = line.rfind("$")
        if opening > 0 and line[opening - 1] != "$" and re.search(r"[A-Za-z]{2}", line[:opening]):
            continue  # words before its $ on its line: math said in a sentence
        kept.append(text.slice(start, end))
    return " ".join(kept)


def written_as_calls(text: str, functions: dict[str, FunctionMeaning]) -> str:
    """``text`` with the functions of a rule written as calls: ``u`` as ``u(x)``, ``u'`` as
    ``u'(x)``, and a primed group ``\\left(\\frac{u}{v}\\right)'`` as ``\\frac{d}{dx}\\left(
    \\frac{u(x)}{v(x)}\\right)``.

    >>> u = FunctionMeaning("u", sympy.Symbol("x"), None, PRIMED_SOURCE)
    >>> written_as_calls(r"(u^2)' = 2uu'", {"u": u})
    "\\\\frac{d}{dx}(u(x)^2) = 2u(x)u'(x)"
    """
    names = {name: f for name, f in functions.items() if f.source == PRIMED_SOURCE}
    if not names or not re.search(rf"(?<![\\a-zA-Z])[{''.join(names)}]+(?![a-zA-Z])", text):
        return text
    variable = next(iter(names.values())).variable.name
    for group in reversed(list(_PRIMED_GROUP.finditer(text))):
        opening = _opening(text, group.start())
        inside = {
            letter for run in _RUN.findall(text[opening + 1 : group.start()]) for letter in run
        }
        if opening < 0 or inside - set(names) - {variable, "e", "d"}:
            return text  # (cu)': c a constant, or a function? not read
        left = re.search(r"\\left\s*$", text[:opening])
        start = left.start() if left else opening
        rest = text[group.end() :]
        if point := re.match(rf"\s*(?:\\left\s*)?\(\s*{variable}\s*(?:\\right\s*)?\)", rest):
            rest = rest[point.end() :]  # (uv)'(x): at the variable, as it is read
        elif re.match(r"\s*(?:\\left\s*)?\(", rest):
            return text  # (uv)'(0): at a point, not read
        text = text[:start] + rf"\frac{{d}}{{d{variable}}}" + text[start : group.start() + 1] + rest
    letters = "".join(sorted(names))

    def called(run: re.Match[str]) -> str:  # uv': u(x)v'(x), letters written together
        *first, last = run.group(1)
        calls = "".join(f"{letter}({variable})" for letter in first)
        if run.group(3):
            return calls + last + run.group(2) + run.group(3)  # u'(x), u(t): a call as written
        return calls + f"{last}{run.group(2).strip()}({variable})"

    return re.sub(
        rf"(?<![\\a-zA-Z])([{letters}]+)(?![a-zA-Z_])(\s*{_PRIME}*+)(\s*(?:\\left\s*)?\()?",
        called,
        text,
    )


def _opening(text: str, closing: int) -> int:
    """Where the ``(`` that the ``)`` at ``closing`` closes is, or -1."""
    depth = 0
    for at in range(closing, -1, -1):
        if text[at] == ")":
            depth += 1
        elif text[at] == "(":
            depth -= 1
            if depth == 0:
                return at
    return -1
