"""What the words around σ and the sentences of a document say about names: σ named the softmax in
words, meanings stated in words ("p is the softmax of o").
"""

from __future__ import annotations

import re
from dataclasses import replace

import sympy

from symsoft.errors import SymsoftError
from symsoft.reading.latex import parse_expression
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


_SIGMA_DEFINED = re.compile(r"\\sigma\s*(?:\\left)?\(\s*([a-zA-Z]_[^()$]*)\)\s*(?::=|=|\\coloneqq)")
_OPERATOR_BEFORE = re.compile(r"\\[dt]?frac\s*\{\s*(?:d|\\partial)\s*\}\s*\{[^{}]*\}\s*$")
_ROW_END = re.compile(r"\\\\|\$|\n|\\quad|\\qquad|\\because|\\tag|\\text|,|;")


def sigma_defined_otherwise(text: str) -> bool:
    """Whether the text defines σ at an entry (``σ(z_i) = e^{z_i} / Σ …``) as anything but the
    logistic function: σ is then the text's own.  ``σ(z_i) = P_i = \\frac{1}{1 + e^{-z_i}}``
    defines the logistic function, the convention, and keeps it.  A row ends at its line."""
    return any(
        not _logistic_row(match.group(1), text[match.end() :])
        for match in _SIGMA_DEFINED.finditer(text)
        if not _OPERATOR_BEFORE.search(text, 0, match.start())  # d/dz_i σ(z_i) = …: no definition
    )


def _logistic_row(argument: str, rest: str) -> bool:
    """Whether the row after ``σ(argument) =`` gives σ the logistic value at ``argument``: each
    side of it a plain name (``P_i``) or exactly ``1 / (1 + e^{-argument})``, at least one the
    value (decided exactly: with ``e^{argument} = t > 0`` the difference is a rational
    function of t whose normal form must be 0)."""
    row = _ROW_END.split(rest, maxsplit=1)[0]
    try:
        at = parse_expression(argument.replace("\\right", " "), open_names=True)
        values = [
            parse_expression(side.replace("&", " "), open_names=True)
            for side in re.split(r"(?<![<>!\\])=", row)
        ]
    except (SymsoftError, ValueError, TypeError):
        return False
    if not isinstance(at, (sympy.Symbol, sympy.Indexed)):
        return False
    t = sympy.Symbol("t", positive=True)
    logistic = False
    for value in values:
        if isinstance(value, (sympy.Symbol, sympy.Indexed)) and value != at:
            continue  # σ(z_i) = P_i = …: a name for it
        difference = (value - 1 / (1 + sympy.exp(-at))).xreplace({at: sympy.log(t)})
        if difference.free_symbols - {t} or sympy.cancel(sympy.together(difference)) != 0:
            return False
        logistic = True
    return logistic
