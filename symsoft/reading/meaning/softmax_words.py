"""A softmax stated in words: "Let $p$ be the softmax of the logits $z$" gives p the value
``p_j = e^{z_j} / Σ_k e^{z_k}``, as if the text had written it (a definition read from the
sentence, with its line)."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import NEGATION, defined_name

# a letter in math, bold or hatted or plain: $p$, $\mathbf{p}$, $\hat{y}$
_LETTER = (
    r"\$\s*+((?:\\(?:mathbf|boldsymbol|bm|vec|hat|tilde)\s*+\{\s*+[a-zA-Z]\s*+\})|[a-zA-Z])\s*+\$"
)
_SAID = lazy(
    rf"{_LETTER}\s*+(?:,\s*+)?(?:be|is|are|denotes?|gives|stands\s+for|for)\s+(?:the\s+|a\s+)?"
    r"soft-?max(?:\s+(?:probabilities|probability\s+vector|output|outputs|distribution))?"
    r"\s+of\s+(?:the\s+)?(?:(?:logits?|scores?|inputs?|vector|activations?|pre-activations?)"
    rf"\s+)?{_LETTER}(?!\s*+[_^(\[])",
    re.IGNORECASE,
)
# "logits $z$ and softmax probabilities $p$": p named the softmax beside the one logits letter
_NAMED = lazy(
    rf"soft-?max\s+(?:probabilities|outputs?|distribution)\s+{_LETTER}(?!\s*+[_^(\[=])",
    re.IGNORECASE,
)
_LOGITS = lazy(rf"\blogits?\s+{_LETTER}(?!\s*+[_^(\[=])", re.IGNORECASE)
# the sentence goes on about something else than the value: "if", "would", "as if"
_HEDGED = lazy(r"\b(?:if|would|could|suppose|not|instead\s+of)\b", re.IGNORECASE)
# or changes the logits first, anywhere in its paragraph: "at temperature $T$", "at $T = 2$",
# "scaled by $\beta$", "plus Gumbel noise", "each logit halved", "with the sign flipped",
# "over the negative classes only", "after normalization"
_CHANGED = lazy(
    r"temperat|scal(?:e|ed|ing)|divid|multipl|nois|perturb|gumbel|shift|mask|plus|minus|times"
    r"|weight|bias|sharpen|soften|anneal|offset|margin|halv|doubl|gain|amplif|normali[sz]"
    r"|\bsign|negat|flip|invert|only|except|exclud|subset|restrict|among|clip|clamp|round"
    r"|\bat\s+\$|\\propto|\\tau|\\beta|/|\$\s*T\s*\$"
    # … in other languages: temperature, scaled, divided, noise, offset
    r"|温度|온도|температур|缩放|縮放|スケール|除以|割っ|噪声|ノイズ|偏移|偏置|Temperatur|températur"
    r"|temperatura|skalier|geteilt|dividid|divisé|масштаб|делён|делен",
    re.IGNORECASE,
)


def softmax_in_words(
    text: Text, prose: str, written: set[str]
) -> list[tuple[str, str, str, None, int]]:
    """The definitions a sentence states in words ("Let $p$ be the softmax of the logits $z$",
    "$\\hat{y}$ is the softmax of $z$"), as candidates ``(lhs, rhs, where, None, position)``,
    for names the math does not define (``written``: the names it does).

    >>> from symsoft.reading.documents.spans import Text
    >>> prose = "Let $p$ be the softmax of the logits $z$. Then"
    >>> softmax_in_words(Text.of(prose), prose, set())
    [('p_{j}', '\\\\frac{e^{z_{j}}}{\\\\sum_{k} e^{z_{k}}}', 'line 1', None, 4)]
    >>> softmax_in_words(Text.of(prose), prose.replace("Let", "If we let"), set())
    []
    """
    found = []
    for match, logits, changed in _said(prose):
        written_name = match.group(1)
        index, bound = ("j", "k") if logits.rstrip("} ")[-1] not in "jk" else ("m", "n")
        lhs = f"{written_name}_{{{index}}}"
        name = (defined_name(lhs) or ("",))[0]
        if not name or name == (defined_name(logits) or ("",))[0] or name in written:
            continue
        if name in ("e", "i", "j", "k"):
            continue
        rhs = rf"\frac{{e^{{{logits}_{{{index}}}}}}}{{\sum_{{{bound}}} e^{{{logits}_{{{bound}}}}}}}"
        if changed:  # the softmax of logits changed first: a meaning not read (no default)
            rhs = r"\text{the softmax of logits changed first, said in words}"
        line, _ = text.place(match.start())
        found.append((lhs, rhs, f"line {line}", None, match.start()))
    return found


def _paragraph(prose: str, match: re.Match[str]) -> str:
    start = prose.rfind("\n\n", 0, match.start())
    end = prose.find("\n\n", match.end())
    return prose[max(start, 0) : len(prose) if end < 0 else end]


def _sentence(prose: str, match: re.Match[str]) -> str:
    start = max(prose.rfind(". ", 0, match.start()), prose.rfind("\n\n", 0, match.start()))
    end = prose.find(". ", match.end())
    return prose[start + 1 : len(prose) if end < 0 else end]


def _said(prose: str) -> list[tuple[re.Match[str], str, bool]]:
    """Each softmax said in words, with the letter of its logits and whether the sentence
    changes the logits first (a temperature, a scale, noise)."""
    said = []
    for match in [*_SAID.finditer(prose), *_NAMED.finditer(prose)]:
        in_words = match.re.pattern == _SAID.pattern
        sentence = _sentence(prose, match)
        if _HEDGED.search(sentence) or NEGATION.search(sentence):
            continue
        changed = bool(_CHANGED.search(_paragraph(prose, match)))
        if in_words:
            said.append((match, match.group(2), changed))
        elif len(logits := {m.group(1) for m in _LOGITS.finditer(sentence)}) == 1:
            said.append((match, logits.pop(), changed))
    return sorted(said, key=lambda found: found[0].start())
