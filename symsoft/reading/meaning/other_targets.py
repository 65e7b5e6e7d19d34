"""A one-hot y said in words, and a loss weighed by another letter the text names itself
(``-\\sum_k q_k \\log p_k`` beside "a multi-hot target $q$"): what is said of y is not said of
the loss's targets."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import INLINE_MATH, NEGATION

_LOG_WEIGHT = lazy(  # \sum_{k=1}^K q_k \log p_k: q weighs the logarithms of a sum
    r"\\sum\s*(?:_\s*(?:\{[^{}]*\}|\w)\s*)?(?:\^\s*(?:\{[^{}]*\}|\w)\s*)?"
    r"([a-zA-Z])_\s*(?:\{[^{}]*\}|[a-zA-Z0-9])\s*\\(?:log|ln)\b"
)


def other_targets(text: str) -> bool:
    """Whether the text's logarithms are weighed by the entries of a letter other than y that
    its sentences name (``-\\sum_k q_k \\log p_k`` beside "a multi-hot target $q$"): what it
    says of y (one-hot) is then not said of the loss's targets."""
    weights = set(_LOG_WEIGHT.findall(text)) - {"y"}
    weights -= {n for n in weights if re.search(_FROM_Y.replace("LETTER", n), text)}
    named = [  # the letters each sentence names in its math, with whether it says one-hot
        (
            {
                c
                for m in INLINE_MATH.findall(sentence)
                for c in re.findall(r"[A-Za-z]", m[0] or m[1])
            },
            _ONE_HOT_WORDS.search(sentence) is not None and not NEGATION.search(sentence),
        )
        for sentence in re.split(r"[.\n]\s", text)
    ]
    return any(
        any(n in letters for letters, _ in named)
        and not any(n in letters and hot for letters, hot in named)
        for n in weights
    )


def own_targets(text: str) -> bool:
    """Whether what the text says of "the targets" or of y is said of its loss's targets: no
    other letter weighs its logarithms (see :func:`other_targets`), or the text never writes
    the letter y at all, in math or as a word (its targets are t: red team 74)."""
    return not other_targets(text) or not re.search(r"(?<![a-zA-Z\\])y(?![a-zA-Z])", text)


# q_k = (1 - \varepsilon) y_k + \frac{\varepsilon}{K}: targets made from y (what is said of y holds)
_FROM_Y = r"(?<![\\a-zA-Z])LETTER_\s*(?:\{[^{}]*\}|\w)\s*=[^$=\n]*?(?<![\\a-zA-Z])y_"


# (a sum said equal to one, not any sum: the loss's own \sum_k t_k \log p_k says nothing of t)
_ONE_HOT_WORDS = lazy(r"one[- ]hot|sums?\s+to\s+(?:one|1)|\\sum[^$=]*=\s*1(?![\d.])", re.IGNORECASE)


# p_i \log(q_i), p_i \mathop{log}(q_i), p_k \ln \hat{q}_k: p weighs the logarithm of another letter
_WEIGHS_ANOTHER = lazy(
    r"(?:(?<![\\a-zA-Z])|(?<=\^[A-Za-z0-9]))([a-zA-Z])_\s*+(?:\{[^{}]{0,20}\}|[a-zA-Z0-9])\s*+"
    r"(?:\\cdot\s*+)?"
    r"(?:\\(?:log|ln)(?![a-zA-Z])|\\(?:mathop|operatorname|mathrm|text)\s*+\{\s*+(?:log|ln)\s*+\}"
    r"|(?<![a-zA-Z\\])(?:log|ln)(?![a-zA-Z]))\s*+(?:\\left\s*+)?[({]?\s*+"
    r"(?:\\(?:hat|tilde|bar)\s*+\{?\s*+)?([a-zA-Z])(?![a-zA-Z])"
)


def weights_of_other_logs(text: str) -> set[str]:
    """The letters that weigh the logarithm of another letter's entries (``E = -\\sum_i p_i
    \\log(q_i)``): a target, never the default softmax p, whatever else the text says.

    >>> sorted(weights_of_other_logs(r"E = - \\sum_{i=1}^N p_i \\mathop{log}(q_i)"))
    ['p']
    >>> sorted(weights_of_other_logs(r"H = -\\sum_i p_i \\log p_i"))
    []
    """
    return {w for w, logged in _WEIGHS_ANOTHER.findall(text) if w != logged}
