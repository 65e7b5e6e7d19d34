"""Words that give a name another meaning than symsoft's default for it (p and S a softmax, L the
cross-entropy): "each $p_i$ is the sigmoid of its own logit", "$L$ the focal loss", "the loss $L$
is half the squared distance", "the softmax of $z$ at temperature $T$".  A sentence that writes
the name alone in its math beside such words leaves the default unstated: a step that holds by
it is ambiguous, and the words never state it (see sigma_words._stated_in_words)."""

from __future__ import annotations

import functools
import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import sentences

# words that give a name another meaning than its default (a softmax, the cross-entropy): another
# function, a changed input, another loss ("each $p_i$ is the sigmoid of its own logit", "$L$
# the focal loss", "the loss $L$ is half the squared distance", "at temperature $T$")
_OTHERWISE = lazy(
    r"sigmoid|logistic|tanh|hyperbolic|\brelu|multi-?label|instead|rather\s+than"
    r"|\bnot\s+(?:a|the)\s+soft-?max|squar|spheric|sparse|focal|hinge|huber|\bmse\b|euclid"
    r"|temperat|\$\s*T\s*\$|\\tau|\bscal(?:e|ed|ing)\b|gumbel|nois|margin|(?:down|re)-?weight"
    r"|weighted\s+by|regulari|penal|kullback|\bKL\b|whatever|generic|total\s+activation"
    r"|log-?odds|probit|\bCDF\b|cumulative|\\Phi|entmax|boltzmann|gibbs|energ|softmin|\bhalf\b"
    r"|un-?normali[sz]ed|base[- ]?(?:2|two)|\b2\^"
    r"|温度|온도|температур|Temperatur|températur|temperatura|平方|二乗|quadrat|cuadr|квадрат",
    re.IGNORECASE,
)
# dividing by a sum is how a softmax is said too, unless the words name no exponential
_DIVIDED = lazy(r"divid|normali[sz]ed\s+by|\bover\s+the\s+sum")
_EXPONENTIAL = lazy(r"exp|e\s*\^|指数|指數|экспон", re.IGNORECASE)
# "The scores are $S_i$": the name of the inputs of a softmax, unless the sentence speaks of
# what the softmax makes of them ("the softmax turns the scores into probabilities $S_i$")
_RAW = r"(?:raw\s+|unnormali[sz]ed\s+)?(?:scores?|logits?|pre-?activations?|similarit(?:y|ies))"
# next to the name: "The scores are $S_i$", "the logits $z$", "$S_i$ are the raw scores"
_RAW_BEFORE = lazy(rf"\b{_RAW}\s*(?:(?:are|is|denoted|called|written)\s+)?(?:by\s+)?$", re.I)
_RAW_AFTER = lazy(rf"\s*(?:(?:are|is|denotes?)\s+)?(?:the\s+|its\s+|their\s+)?{_RAW}\b", re.I)
_PROBABILITIES = lazy(
    r"soft-?max|probabilit|distribution|normali[sz]|exponent|\bexp\b|\\exp|e\s*\^|概率|確率|확률",
    re.IGNORECASE,
)
_NAMED = (
    r"\$\s*(?:\\hat\s*\{{?\s*)?{}\s*\}}?(?:\s*_\s*(?:\{{[^{{}}$]*\}}|\w))?(?:\s*\([^()$]*\))?\s*\$"
)


@functools.lru_cache(maxsize=64)
def said_otherwise(name: str, prose: str) -> bool:
    """Whether a sentence of ``prose`` writes ``name`` (alone in its math, with an index or
    arguments) beside words of another meaning."""
    named = re.compile(_NAMED.format(re.escape(name)))
    return any(
        named.search(s)
        and (
            _OTHERWISE.search(s)
            or _DIVIDED.search(s)
            and not _EXPONENTIAL.search(s)
            or _called_raw(named, s)
        )
        for s in sentences(prose)
    )


def _called_raw(named: re.Pattern[str], sentence: str) -> bool:
    """Whether the clause of the name calls it the scores, the logits (the words between it and
    the math or clause boundary next to it), and the sentence names no probability."""
    if _PROBABILITIES.search(sentence):
        return False
    for match in named.finditer(sentence):
        before = re.split(r"[$,;:，；：]", sentence[: match.start()])[-1]
        after = re.split(r"[$,;:，；：]", sentence[match.end() :])[0]
        if _RAW_BEFORE.search(before) or _RAW_AFTER.match(after):
            return True
    return False


__all__ = ["said_otherwise"]
