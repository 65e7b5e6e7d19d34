"""A chain of equations worked inside a sentence, ``By the power rule, $\\dfrac{d\\sigma}{du} =
-u^{-2} = -\\dfrac{1}{u^2}$.`` or ``note $1 - \\sigma(x) = 1 - \\frac{1}{1+e^{-x}} = … $ —
exactly the second factor``: two steps or more of worked mathematics are a derivation, its
steps claims, whatever plain words lead into them.

Never where the words around it say otherwise: the sentence makes it a case, a supposition, a
wish, a question or a slip (if, let, want, wrong, ?); the sentence before it on its line, or the
sentence after it (on its line or the next), disowns it ("My first attempt read $…$. That sign
is off"; "A student wrote $…$. Find the error."); an exercise or a check asks for it (show,
prove, is … ?); other math comes before it in its clause (a case or a definition it depends on);
it ends in ``= 0`` (set to zero) or mixes in ≈, →, inequalities or implications."""

from __future__ import annotations

import re

from symsoft.reading.documents.languages import SLIP_STEMS
from symsoft.reading.documents.said import CASE_FIRST
from symsoft.reading.documents.sentences import (
    _INLINE_MATH,
    _SENTENCE_END_MARK,
    _guarded,
    last_clause,
)
from symsoft.reading.lazy_regex import lazy

# worked mathematics: a fraction, a derivative, a function, a sum or a power of e
_WORKED = lazy(r"\\(?:d?frac|partial|nabla|log|ln|exp|sigma|sum|tanh)(?![a-zA-Z])|'|e\s*\^")
# a relation other than equality, or an aside: the chain is no plain derivation
_ASIDE = lazy(
    r"\\(?:implies|Rightarrow|Longrightarrow|rightarrow|to|iff|approx|quad|qquad|text|mbox|neq?"
    r"|leq?|geq?|lim|sim|propto|in|mapsto|equiv|coloneqq)(?![a-zA-Z])|[<>≈≠≤≥→:]|&"
)
# words near the chain that disown it, ask for it or make it somebody's attempt
_DISOWNED = lazy(
    r"(?i)\b(?:" + SLIP_STEMS + r"|errors?|typos?|slips?|false|not|off|fix\w*|correct\w*|"
    r"instead|actually|should|oops|but|however|wait|careful\w*|caution|beware|bug\w*|sign|"
    r"attempt\w*|student\w*|wrote|writes|written|draft|tried|tries|try|puzzle|exercises?|quiz|"
    r"homework|spot|find|true|check\w*|verify|show|prove|claim\w*|naive\w*)\b|\?|n't"
)


def _top_level_equals(math: str) -> int:
    depth, count = 0, 0
    for pos, char in enumerate(math):
        if char in "{([":
            depth += 1
        elif char in "})]":
            depth -= 1
        elif char == "=" and depth == 0:
            if math[pos - 1 : pos] not in ("<", ">", "!", ":", "=", "\\") and (
                math[pos + 1 : pos + 2] != "="
            ):
                count += 1
    return count


def _disowned(words: str) -> bool:
    return _DISOWNED.search(_INLINE_MATH.sub(" ", words)) is not None


def said_chains(line: str, following: list[str]) -> list[re.Match[str]]:
    """The ``$…$`` of ``line`` that are chains of two steps or more of worked mathematics said
    as claims (see the module's docstring); ``following`` are the lines after it.

    >>> [m["math"] for m in said_chains(r"So $\\sigma(0) = \\frac{1}{1 + e^{0}} = 0.5$.", [])]
    ['\\\\sigma(0) = \\\\frac{1}{1 + e^{0}} = 0.5']
    >>> said_chains(r"A common mistake is $\\sigma'(x) = \\sigma(x) = \\frac{1}{2}$.", [])
    []
    >>> said_chains(r"So $\\sigma'(x) = \\sigma(x) = \\frac{1}{2}$.", ["That sign is off."])
    []
    """
    found = []
    for match in _INLINE_MATH.finditer(line):
        math = match.group("math") or match.group("paren")
        if _top_level_equals(math) < 2 or not _WORKED.search(math) or _ASIDE.search(math):
            continue
        if re.search(r"=\s*0\s*[.,]?\s*$", math):
            continue  # set to zero: a condition, not a result
        before = line[: match.start()]
        clause, whole = last_clause(before)
        if (cased := CASE_FIRST.fullmatch(clause)) is not None:
            clause = cased["rest"]
        if (cased := CASE_FIRST.fullmatch(whole)) is not None:
            whole = cased["rest"]
        if "$" in clause or "\\(" in clause or _guarded(whole) or _disowned(whole):
            continue
        sentences = _SENTENCE_END_MARK.split(before)
        if len(sentences) > 1 and _disowned(sentences[-2]):
            continue  # "Here is a slip. So $…$": the sentence before it on its line
        rest, *after = _SENTENCE_END_MARK.split(line[match.end() :], maxsplit=1)
        if _guarded(rest) or _disowned(rest) or "$" in rest:
            continue  # "$…$ is wrong", "$…$ only if $i = j$": the words after it say otherwise
        if _disowned(_next_sentence(after[0] if after else "", following)):
            continue  # "$…$. That sign is off.", "$…$. Find the error."
        found.append(match)
    return found


def _next_sentence(rest_of_line: str, following: list[str]) -> str:
    """The sentence after the chain's: on its line, else on the next line that holds words
    (a heading or a display between them ends the search)."""
    if rest_of_line.strip():
        return _SENTENCE_END_MARK.split(rest_of_line, maxsplit=1)[0]
    for text in following:
        if not text.strip():
            continue
        if text.lstrip().startswith(("#", "$$", "\\[", "\\begin")):
            return ""
        return _SENTENCE_END_MARK.split(text, maxsplit=1)[0]
    return ""
