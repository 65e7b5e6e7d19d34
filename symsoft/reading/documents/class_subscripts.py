r"""The true class written as a word in a subscript (``p_{\text{true class}}``, ``\hat{y}_{
\mathrm{correct}}``, ``z_{\rm target}``): the index of the class a hard label names, spelled as a
fresh letter so that ``-\log p_{\text{true}}`` is read as ``-\log p_c``."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_WORD = (
    r"(?:true|correct|target|right|gt|ground[- ]truth|label)(?:[ \t~]*(?:class|label|category))?"
    r"|(?:class|label)"
)
_CLASS_SUBSCRIPT = lazy(
    r"_\s*\{\s*(?:\\(?:text|mathrm|textrm|textit|mathit|operatorname)\s*\{\s*(?P<a>"
    + _WORD
    + r")\s*\}|\\rm\s+(?P<b>"
    + _WORD
    + r")|(?P<c>true|correct|target))\s*\}",
    re.IGNORECASE,
)
_FRESH = "cr"
_BASE = lazy(
    r"(\\(?:hat|tilde|bar|widehat)\s*(?:\{\s*[A-Za-z]\s*\}|[A-Za-z])|(?<![\\A-Za-z])[A-Za-z])\s*$"
)


def _entry(everything: str, at: int) -> bool:
    r"""Whether the name whose subscript starts at ``at`` is a vector the text also writes with
    an index letter (``p_i`` beside ``p_{\text{true}}``): never ``y_{\text{true}}`` for the
    targets as a whole (``y_{\text{true}} \log y_{\text{pred}}``)."""
    base = _BASE.search(everything, max(0, at - 20), at)
    if base is None:
        return False
    spelled = re.sub(r"\\\s+", r"\\s*", re.escape(base.group(1)))
    indexed = rf"(?<![A-Za-z]){spelled}\s*_\s*(?:\{{\s*[a-z]\s*\}}|[a-z](?![A-Za-z]))"
    return re.search(indexed, everything) is not None


def spell_class_subscripts(text: Text) -> str | None:
    r"""Every subscript that names the true class in words, on a vector the text also writes
    with an index letter, spelled as one fresh letter (``c``, or ``r`` where ``c`` is taken);
    returns that letter, or None where there is none (or no letter is free).

    >>> text = Text.of(r"L = -\log p_{\text{true class}} + \hat{y}_{\mathrm{true}}, p_i, \hat{y}_j")
    >>> spell_class_subscripts(text)
    'c'
    >>> text.slice(0, len(text.chars)).split()
    ['L', '=', '-\\log', 'p_{c}', '+', '\\hat{y}_{c}', ',', 'p_i,', '\\hat{y}_j']
    >>> spell_class_subscripts(Text.of(r"z_{\text{new}} = z_i - m"))
    >>> spell_class_subscripts(Text.of(r"L = -y_{\text{true}} \log y_{\text{pred}}"))
    """
    everything = text.slice(0, len(text.chars))
    found = [m for m in _CLASS_SUBSCRIPT.finditer(everything) if _entry(everything, m.start())]
    if not found:
        return None
    letter = next(
        (x for x in _FRESH if not re.search(rf"(?<![a-zA-Z\\]){x}(?![a-zA-Z])", everything)),
        None,
    )
    if letter is None:
        return None
    for match in found:
        written = f"_{{{letter}}}"
        text.blank(match.start(), match.end())
        text.chars[match.start() : match.start() + len(written)] = list(written)
    return letter
