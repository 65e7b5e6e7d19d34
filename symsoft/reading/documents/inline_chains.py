"""A chain of equations said inline, ``$\\sigma(0) = \\frac{1}{1 + e^{0}} = \\frac{1}{2}$``, or
``By the power rule, $\\dfrac{d\\sigma}{du} = -u^{-2} = -\\dfrac{1}{u^2}$.``: three sides or more
are a derivation worked in the sentence, its steps claims, whatever words lead into it; never
where the sentence makes it a case, a supposition, a mention or a slip (if, let, want, wrong …),
nor where other math comes before it in its clause (a case, a definition it depends on)."""

from __future__ import annotations

import re

from symsoft.reading.documents.said import CASE_FIRST
from symsoft.reading.documents.sentences import (
    _INLINE_MATH,
    _SENTENCE_END_MARK,
    _guarded,
    last_clause,
)
from symsoft.reading.lazy_regex import lazy

# an equals sign at the top level of the math: not \leq, :=, !=, ==
_EQUALS = lazy(r"(?<![<>!:=\\])=(?!=)")
# worked mathematics: a fraction, a derivative, a function, a sum or a power of e
_WORKED = lazy(r"\\(?:d?frac|partial|nabla|log|ln|exp|sigma|sum|tanh)(?![a-zA-Z])|'|e\s*\^")
_ASIDE = lazy(r"\\(?:implies|Rightarrow|Longrightarrow|iff|approx|quad|qquad|text)(?![a-zA-Z])")


def _top_level_equals(math: str) -> int:
    depth, count = 0, 0
    for pos, char in enumerate(math):
        if char in "{(":
            depth += 1
        elif char in "})":
            depth -= 1
        elif char == "=" and depth == 0 and _EQUALS.match(math, pos):
            count += 1
    return count


def said_chains(line: str) -> list[re.Match[str]]:
    """The ``$…$`` of ``line`` that are chains of two steps or more of worked mathematics, said
    as claims (see the module's docstring).

    >>> [m["math"] for m in said_chains(r"So $\\sigma(0) = \\frac{1}{1 + e^{0}} = 0.5$. Then")]
    ['\\\\sigma(0) = \\\\frac{1}{1 + e^{0}} = 0.5']
    >>> said_chains(r"A common mistake is $\\sigma'(x) = \\sigma(x) = \\frac{1}{2}$.")
    []
    >>> said_chains(r"If $x = 0$, then $\\sigma(x) = \\frac{1}{1 + e^{0}} = 0.5$.")
    []
    """
    found = []
    for match in _INLINE_MATH.finditer(line):
        math = match.group("math") or match.group("paren")
        if _top_level_equals(math) < 2 or not _WORKED.search(math) or _ASIDE.search(math):
            continue
        if re.search(r"=\s*0\s*[.,]?\s*$", math):
            continue  # set to zero: a condition, not a result
        sentence, whole = last_clause(line[: match.start()])
        if (cased := CASE_FIRST.fullmatch(whole)) is not None:
            whole = cased["rest"]
        if "$" in whole or "\\(" in whole or _guarded(whole):
            continue
        rest = _SENTENCE_END_MARK.split(line[match.end() :], maxsplit=1)[0]
        if _guarded(rest) or "$" in rest:
            continue  # "$…$ is wrong", "$…$ only if $i = j$": the words after it say otherwise
        found.append(match)
    return found
