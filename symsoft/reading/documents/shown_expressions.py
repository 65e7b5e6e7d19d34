"""An expression or an equation shown in a sentence right before a display that opens with
``=``: "Since $\\sigma'(z) = \\sigma(z)(1-\\sigma(z))$, we get $-\\frac{\\sigma'(z)}{\\sigma(z)}$
$$= \\sigma(z) - 1$$".  The display goes on from that expression (which is no chain this
reader keeps), not from the equation before it: it continues nothing read here, and is not
judged (review 75b: false fails and false holds)."""

from __future__ import annotations

import re

from symsoft.reading.documents.brackets import split_top_level

# the last $…$ before the display (single dollars), right before it: punctuation only after it
_LAST_INLINE = re.compile(r"(?<!\$)\$(?!\$)([^$]+)\$(?!\$)[\s,.:;]*$")
# a name alone (a mention: "$y$ is one-hot"), no expression a display may go on from
_NAME_ALONE = re.compile(r"\s*\\?[A-Za-z]+(?:\s*_\s*(?:\{[^{}]*\}|\w))?\s*")
# a case or a value beside the chain ("For $i = j$:", "when $y = 1$"), no equation of it
_CASE = re.compile(r"\s*[A-Za-z](?:_\w)?\s*=\s*(?:[A-Za-z]|\d+)(?:_\w)?\s*")
_INLINE = re.compile(r"(?<!\$)\$(?!\$)([^$]+)\$(?!\$)")
_SENTENCE_END = re.compile(r"(?<!\b[a-zA-Z])[.!?]\s|[。！？]|\n[ \t]*\n")  # (not "w.r.t. ")
_RELATION = re.compile(r"=|\\approx|\\leq?|\\geq?|<|>|\\neq?|\\in(?![a-zA-Z])|\\to(?![a-zA-Z])")


def _shown(math: str) -> bool:
    """Whether ``math`` is an expression or an equation a display may go on from: not a name
    alone, not a case (``i = j``), not a condition (``x > 0``, ``y \\in \\{0, 1\\}``)."""
    if _NAME_ALONE.fullmatch(math) or _CASE.fullmatch(math):
        return False
    related = _RELATION.search(math)
    return related is None or related.group() == "="


def _terms(side: str) -> set[str]:
    """The terms of a side, cut at its top-level signs, without spaces."""
    plain = "".join(side.split())
    return {t.lstrip("+-") for t in split_top_level(plain.replace("-", "+-"), "+") if t.strip("+-")}


def shown_before(text: str, start: int, end: int, last_side: str = "") -> bool:
    """Whether the sentence that leads into a display opening with ``=`` (in ``text[start:end]``,
    between a chain's end and the display) shows an expression or an equation this reader did
    not take into the chain (``we get $-\\frac{σ'}{σ}$``, "The derivative of $\\log\\cosh(x)$ with
    respect to $x$ is"): the display may go on from it."""
    lead = text[start:end].rstrip()
    boundaries = list(_SENTENCE_END.finditer(lead))
    sentence = lead[boundaries[-1].end() :] if boundaries else lead
    terms = _terms(last_side) if last_side else set()

    def new(math: str) -> bool:  # (a term of the chain's last side: "Move $t_i y_i$ into the sum")
        return _shown(math) and "".join(math.split()).lstrip("+-") not in terms

    if (last := _LAST_INLINE.search(lead)) is not None and new(last.group(1)):
        return True  # (the math right before the display, in a sentence that began earlier)
    return any(new(m.group(1)) for m in _INLINE.finditer(sentence))


__all__ = ["shown_before"]
