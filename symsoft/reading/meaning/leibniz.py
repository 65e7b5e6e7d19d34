"""Letters a rule differentiates in Leibniz notation and the document gives no meaning: the
unknown functions of the rule, as :mod:`primed` reads them when written with primes.

``\\frac{\\partial \\frac{f(x)}{g(x)}}{\\partial x} = \\frac{\\frac{\\partial f(x)}{\\partial x}
g(x) - f(x) \\frac{\\partial g(x)}{\\partial x}}{g(x)^2}`` states the quotient rule for every
pair of functions: ``f`` and ``g`` are unknown functions of x, whose values and derivatives at a
point are independent numbers. A letter is read so when

- a display writes it applied to one letter and differentiates it by that letter,
  ``\\frac{\\partial f(x)}{\\partial x}``, ``\\frac{d g(x)}{dx}``, ``\\frac{d}{dx} f(x)``, and
  another such letter by the same one (one letter alone is a claim about a function named
  elsewhere, not a rule);
- the text gives it no meaning: not defined, no value (``f(x) = e^x``), never written with an
  index, and its derivative is not stated (``\\frac{d f(x)}{dx} = e^x`` names a particular f).

>>> from symsoft.reading.meaning.table import Meanings
>>> meanings = Meanings()
>>> rule = r"\\frac{d}{dx} (f(x) g(x)) = \\frac{d f(x)}{dx} g(x) + f(x) \\frac{d g(x)}{dx}"
>>> leibniz_functions([rule], "", meanings)
>>> sorted(meanings.functions)
['f', 'g']
>>> meanings = Meanings()
>>> leibniz_functions([r"\\frac{d f(x)}{dx} = e^x, \\quad \\frac{d g(x)}{dx} = 1"], "", meanings)
>>> sorted(meanings.functions)
[]
"""

from __future__ import annotations

import re

import sympy

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.table import FunctionMeaning, Meanings

LEIBNIZ_SOURCE = "unknown function (differentiated in a rule)"
_D = r"(?:\\partial|d)"
_CALLED = r"([a-zA-Z])\s*(?:\\left\s*)?\(\s*([a-zA-Z])\s*(?:\\right\s*)?\)"
# \frac{\partial f(x)}{\partial x}: the letter (1), its argument (2), the variable (3)
_ABOVE = lazy(rf"\\[dt]?frac\s*\{{\s*{_D}\s*{_CALLED}\s*\}}\s*\{{\s*{_D}\s*([a-zA-Z])\s*\}}")
# \frac{d}{dx} f(x): the variable (1), the letter (2), its argument (3)
_BEFORE = lazy(rf"\\[dt]?frac\s*\{{\s*{_D}\s*\}}\s*\{{\s*{_D}\s*([a-zA-Z])\s*\}}\s*{_CALLED}")
_RELATION = lazy(r"\s*&?\s*=")


def leibniz_functions(displays: list[str], prose: str, meanings: Meanings) -> None:
    """Make the letters a display differentiates as a rule does unknown functions of its
    variable (see the module's rules)."""
    everything = " ".join(displays) + " " + prose
    taken = set(meanings.table) | set(meanings.functions) | meanings.leaves
    taken |= set(re.findall(r"(?<![\\a-zA-Z])([a-zA-Z])\s*_", everything))
    taken |= _given(everything)
    for display in displays:
        found: dict[str, str] = {}
        for match in _ABOVE.finditer(display):
            letter, argument, variable = match.groups()
            if argument == variable and not _RELATION.match(display, match.end()):
                found[letter] = variable
        for match in _BEFORE.finditer(display):
            variable, letter, argument = match.groups()
            if argument == variable and not _RELATION.match(display, match.end()):
                found[letter] = variable
        found = {k: v for k, v in found.items() if k not in taken and k not in ("d", "e", v)}
        if len(found) < 2 or len(set(found.values())) != 1:
            continue
        for letter, variable in sorted(found.items()):
            x = sympy.Symbol(variable, real=True)
            meanings.functions[letter] = FunctionMeaning(letter, x, None, LEIBNIZ_SOURCE)
        taken |= set(found)


# f(x) = e^x, g = 1: a letter given a value (a particular function)
# (possessive: a letter before a long run of spaces was quadratic, 43 s for 70,000 spaces)
_SET = lazy(r"(?<![\\a-zA-Z'])([a-zA-Z])\s*+(?:\(\s*+[a-zA-Z]\s*+\)\s*+)?&?\s*+(?::=|=(?!=))")


def _given(text: str) -> set[str]:
    return set(_SET.findall(text))
