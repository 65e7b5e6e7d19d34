r"""A prediction the words call the softmax's output: "$\hat{y}$ is the output of the
softmax", "the softmax outputs $p$", "The activation function for the output layer is the
softmax function $$\sigma(z_i) = \frac{e^{z_i}}{\sum_k e^{z_k}}$$" beside a loss
``L(y, \hat{y}) = -\sum_i y_i \log \hat{y}_i`` that never says what ŷ is.

Where the text defines exactly one softmax (a name or a function of an entry, of one vector of
logits) and never defines the prediction otherwise, the prediction is that softmax, as the words
say; the reading is the text's (a flag may rest on it).
"""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.defined_names import defined_name
from symsoft.reading.meaning.prose import sentences
from symsoft.reading.meaning.renamed_logits import softmax_logits
from symsoft.reading.meaning.table import Meaning, Meanings, softmax_meaning

# the plain softmax: not "the softmax at temperature $T$", "… of the teacher" (review 72d)
_PLAIN = r"(?!\s*(?:function\s+)?(?:at|with|over|of|on|applied|for|scaled|divided)\b)"
# a sentence that denies or supposes it: "A common misconception is that …"
_NOT_SAID = lazy(
    r"(?i)\b(?:not|never|misconception|myth|wrong|instead|rather|mistake|incorrect|unlike|if"
    r"|would|could|suppose|assume|sometimes)\b|n't"
)
# "$\hat{y}$ is the output of the softmax", "$p$ denotes the softmax probabilities"
_CALLED = lazy(
    r"(?i)\$(?P<math>[^$]{1,30})\$\s*,?\s*(?:is|are|denotes?|represents?|be)\s+(?:the\s+)?"
    r"(?:outputs?|results?|predictions?|(?:predicted\s+)?probabilit(?:y|ies))\s+(?:of|from)\s+"
    r"(?:the\s+)?(?:soft-?max|\\(?:text|mathrm|operatorname)\s*\{\s*soft-?max\s*\})"
    + _PLAIN
    + r"|(?i:\bthe\s+soft-?max\s+(?:outputs?|probabilit(?:y|ies)|predictions?)\s*,?\s*)"
    r"\$(?P<after>[^$]{1,30})\$"
)
# "the activation function for the output layer is the softmax": the prediction of the loss
_OUTPUT_LAYER = lazy(
    r"(?i)\bactivation(?:\s+function)?\s+(?:for|of|in|at)\s+the\s+(?:output|last|final)\s+layer"
    r"\s+is\s+(?:the\s+|a\s+)?(?:_|\*)*soft-?max(?:_|\*)*" + _PLAIN
)
_PREDICTION = lazy(r"\\hat\s*\{?\s*y\s*\}?")


def outputs_said(meanings: Meanings, text: str) -> None:
    """Enter the prediction the words call the softmax's output (see the module)."""
    said = set()
    for sentence in sentences(text):
        if _NOT_SAID.search(sentence):
            continue  # "A common misconception is that …", "if … would"
        for found in _CALLED.finditer(sentence):
            named = defined_name((found["math"] or found["after"]).strip())
            if named is not None:
                said.add(named[0])
        if _OUTPUT_LAYER.search(sentence) and _PREDICTION.search(text):
            said.add("yhat")
    if not said:
        return
    softmaxes = [m for m in meanings.table.values() if _logits_of(m) and m.source != "standard"]
    if len(softmaxes) != 1:
        return
    (softmax,) = softmaxes
    letter = _logits_of(softmax)
    for name in sorted(said - {softmax.name}):
        known = meanings.table.get(name)
        if (known is not None and known.source != "standard") or letter is None:
            continue
        meanings.table[name] = softmax_meaning(name, letter, source=softmax.source)


def _logits_of(meaning: Meaning) -> str | None:
    """The letter of the logits when ``meaning`` is the softmax of one vector named by one
    letter, else None."""
    letter = softmax_logits(meaning)
    return letter if letter is not None and re.fullmatch(r"[A-Za-z]", letter) else None
