"""An equation a sentence asserts after naming what it differentiates (``Differentiating $L$
with respect to $z_i$ gives $\\frac{\\partial L}{\\partial z_i} = p_i - y_i$.``): the other math
of its clause is names only, so the sentence gives nothing a meaning of its own; claims whose
flags are withheld (the words around the names are not read)."""

from __future__ import annotations

import re

from symsoft.reading.documents.sentences import (
    _IMPLIES,
    _INLINE_MATH,
    _REASON_TAIL,
    _SENTENCE_END_MARK,
    _goes_on_plainly,
    _guarded,
    claims_derivative,
)
from symsoft.reading.lazy_regex import lazy

# one name, as a sentence mentions it: a letter or a Greek letter, decorated or bold, with an
# index (``z_i``, ``w_{jk}``, ``\hat{y}_k``, ``a^{[2]}_j``, ``\mathbf{p}``); never an equation,
# a bound, an operator or a formula
_LETTER = r"(?:[a-zA-Z]|\\(?:alpha|beta|gamma|delta|epsilon|theta|lambda|mu|sigma|tau|phi|ell))"
_DECORATED = (
    rf"(?:\\(?:hat|bar|tilde|vec|mathbf|boldsymbol|bm|mathcal|mathrm|mathit)[ \t]*+"
    rf"(?:\{{[ \t]*+{_LETTER}[ \t]*+\}}|[ \t]{_LETTER})|{_LETTER})"
)
_INDEX = r"(?:[a-zA-Z0-9]|\{[ \t]*+[a-zA-Z0-9,\[\]() \t]{1,12}\})"
_MENTION = lazy(rf"[ \t]*+{_DECORATED}(?:[ \t]*+[_^][ \t]*+{_INDEX}){{0,2}}[ \t]*+")
# the whole clause, its math written §: differentiating one name by another, then the words
# that assert the claim ("Differentiating $L$ with respect to $z_i$ gives", "The derivative of
# $p_i$ w.r.t. $z_j$ is", "Taking the gradient of the loss $L$ by $z_i$, we get"); any other
# word may give a name a meaning of the sentence's own ("the Brier score $L$", "doubling the
# logits", "with soft targets": review 61a) and keeps the claim unread
_CLAUSE = lazy(
    r"(?i)[ \t]*+(?:(?:then|now|next|so|thus|hence|finally|first)[ \t]*+,?[ \t]*+)?"
    r"(?:differentiating|taking[ \t]++the[ \t]++(?:partial[ \t]++)?(?:derivative|gradient)"
    r"[ \t]++of|the[ \t]++(?:partial[ \t]++)?(?:derivative|gradient)[ \t]++of)[ \t]++"
    r"(?:the[ \t]++(?:loss|cost|output|probability|logit|activation)[ \t]++)?§[ \t]*+"
    r"(?:with[ \t]++respect[ \t]++to|wrt|by)[ \t]++(?:the[ \t]++logit[ \t]++)?§[ \t]*+,?"
    r"[ \t]*+(?:gives|yields|is|equals|we[ \t]++(?:get|obtain|find|have))(?:[ \t]++us)?"
    r"[ \t]*+,?[ \t]*+"
)
_WRT = lazy(r"\bw\.r\.t\.")


def said_after_mentions(line: str, above: list[str], below: str) -> list[re.Match[str]]:
    """The ``$…$`` a sentence asserts after mentioning names in its clause ("Differentiating
    $L$ with respect to $z_i$ gives $…$", "The derivative of $p_i$ with respect to $z_j$ is
    $…$"): the clause's other math is one name each, its words speak of differentiating and
    assert the claim right before it, and nothing in the sentence makes it a case, a
    supposition, a slip or a meaning of its own.  ``above`` are the lines before (a sentence
    may start on one of them: a paragraph wrapped by hand); one that starts before them is not
    read."""
    found: list[re.Match[str]] = []
    lead: list[str] = []
    for text in reversed(above):
        if not text.strip() or text.lstrip().startswith(("#", "$$", "\\[", "\\begin", "|")):
            break
        lead.insert(0, text)
    opened_above = bool(lead) and len(lead) == len(above)  # (the paragraph may go on up)
    lead_text = " ".join(lead) + " " if lead else ""
    for match in _INLINE_MATH.finditer(line):
        math = match.group("math")
        if math is None or not claims_derivative(math):
            continue
        if re.search(r"=\s*0\s*[.,]?\s*$", math) or _IMPLIES.search(math):
            continue
        before = _WRT.sub("wrt   ", lead_text + line[: match.start()])  # (stops end nothing)
        sentences = _SENTENCE_END_MARK.split(before)
        sentence = sentences[-1]
        if len(sentences) == 1 and opened_above:
            continue  # the sentence starts above the lines seen
        mentions = list(_INLINE_MATH.finditer(sentence))
        if not mentions or any(
            m.group("math") is None or not _MENTION.fullmatch(m.group("math")) for m in mentions
        ):
            continue
        after = line[match.end() :]
        rest = _SENTENCE_END_MARK.split(after)[0]
        if _guarded(rest) or not _CLAUSE.fullmatch(_INLINE_MATH.sub("§", sentence)):
            continue
        ends = _REASON_TAIL.match(after)
        if not ((ends and (ends["end"] or not below.strip())) or _goes_on_plainly(after, below)):
            continue
        found.append(match)
    return found
