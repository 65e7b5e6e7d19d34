"""What the words around σ and the sentences of a document say about names: σ named the softmax in
words, meanings stated in words ("p is the softmax of o").
"""

from __future__ import annotations

import re
from dataclasses import replace

from symsoft.reading.prose import (
    NEGATION,
    sentences,
)
from symsoft.reading.steps import (
    Meanings,
)

_WORDS = {
    "S": (r"softmax", r"(?<![a-zA-Z\\])a_"),
    "p": (r"softmax|probabilit", r"(?<![a-zA-Z\\])o_"),
    "L": (r"cross[- ]?entropy|log[- ]?likelihood|log[- ]loss", r"(?<![a-zA-Z\\])y_"),
    "Z": (r"partition|normali[sz]", r"(?<![a-zA-Z\\])Z(?![a-zA-Z])"),
}


def _stated_in_words(meanings: Meanings, text: str) -> None:
    """A standard meaning the document states in words: ``S`` is a softmax of ``a`` when the text
    says "softmax" and writes ``a_…``; ``p`` when it speaks of a softmax or probabilities of
    ``o``; ``L`` when it names the cross-entropy of ``y`` (and p is stated).  Flags may rest on
    these; on a meaning not stated at all they may not."""
    for name, (words, letters) in _WORDS.items():
        meaning = meanings.table.get(name)
        if meaning is None or meaning.source != "standard":
            continue
        said = any(
            re.search(words, sentence, re.IGNORECASE) and not NEGATION.search(sentence)
            for sentence in sentences(text)
        )  # "instead of cross-entropy, our loss is …" says the opposite
        if said and re.search(letters, text):
            if name != "L" or meanings.table["p"].source != "standard":
                meanings.table[name] = replace(meaning, source="the text")


def _names_sigma_the_softmax(sentence: str) -> bool:
    """Whether a sentence writes σ in its math and calls something the softmax, naming no
    logistic function and denying nothing ("The softmax, written $\\sigma$, …", "$\\sigma$:
    the softmax activation", "$\\sigma(z)$ is the softmax of $z$"): σ may be the softmax."""
    return bool(
        re.search(r"\$[^$]*\\sigma(?![a-zA-Z])[^$]*\$", sentence)
        and re.search(r"\bsoft-?max\b", sentence, re.IGNORECASE)
        and not re.search(r"\b(?:sigmoid|logistic)", sentence, re.IGNORECASE)
        and not NEGATION.search(sentence)
    )
