"""A name defined a second time in the same variables: whether the new value restates the
first (a step to judge), may as well restate it (a new meaning or a restatement that fails:
neither read), or brings names of its own (a new meaning)."""

from __future__ import annotations

import re

import sympy

from symsoft.reading.judge.symbolic import variable_names
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.lead import REWRITING_WORDS, lead_words
from symsoft.reading.meaning.table import Meaning, Meanings


def brings_new_names(first: Meaning, later: Meaning) -> bool:
    """Whether the later value is built from a variable the first one does not use: the
    softmax written again with a temperature (``p_i = \\frac{e^{z_i / T}}{\\sum_k e^{z_k /
    T}}`` after ``p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}``, "distillation divides the logits
    by $T$") is a new definition, not a restatement that fails.

    >>> import sympy
    >>> z, T, i = sympy.IndexedBase("z"), sympy.Symbol("T", positive=True), sympy.Dummy("i")
    >>> plain = Meaning("p", i, sympy.exp(z[i]), "line 1", "")
    >>> brings_new_names(plain, Meaning("p", i, sympy.exp(z[i] / T), "line 5", ""))
    True
    >>> brings_new_names(plain, Meaning("p", i, 2 * sympy.exp(z[i]), "line 5", ""))
    False
    >>> brings_new_names(plain, Meaning("p", i, sympy.exp(z[2]), "line 5", ""))  # an entry
    False
    """
    if variable_names(later.value) - variable_names(first.value):
        return True
    # or an entry at the name's own index written with another number of indices: weights
    # w_{k0} of each class after w_0 of one output (not t_{nc} summed over the samples of a
    # batch loss beside t_c: a sum over them restates the same loss)
    free = later.value.free_symbols
    shapes = {
        (str(e.base.label), len(e.indices))
        for e in later.value.atoms(sympy.Indexed)
        if any(index.free_symbols & free for index in e.indices)
    }
    return bool(shapes - _shapes(first.value))


def _shapes(value: sympy.Expr) -> set[tuple[str, int]]:
    return {(str(e.base.label), len(e.indices)) for e in value.atoms(sympy.Indexed)}


# one display closes and the next opens, nothing but white space between them
_BACK_TO_BACK = lazy(
    r"(?:\$\$|\\\]|\\end\s*\{[a-zA-Z*]{1,20}\})\s*(?:\$\$|\\\[|\\begin\s*\{[a-zA-Z*]{1,20}\})"
)


def right_after(prose: str, first: int, position: int) -> bool:
    """Whether a second definition stands in the display right after the first one's, or right
    after the first's value in the same display (``f(x) &= … \\\\ f(x) &= …``)."""
    between = prose[first:position]
    if _DISPLAY_EDGE.search(between):
        return len(_BACK_TO_BACK.findall(prose, first, position)) == 1
    if "$" in between or "\n\n" in between or "\\(" in between or "\\)" in between:
        return False  # inline math: not one display
    return between.count("=") == 1  # (the row breaks are blanked: only the first's value)


_DISPLAY_EDGE = lazy(r"\$\$|\\[\[\]]|\\(?:begin|end)\s*\{")


def reached(first: Meaning, later: Meaning, meanings: Meanings) -> bool:
    """Whether every name the later value writes is one the first writes or reaches through
    the text's definitions (``ℓ`` of ``p`` with ``p = σ(z)``, then ``ℓ`` of ``z``)."""
    try:
        reach = variable_names(meanings.expand(first.value))
    except Exception:  # noqa: BLE001 - a value that does not expand reaches only what it writes
        reach = set()
    return variable_names(later.value) <= variable_names(first.value) | reach


def guessed(
    prose: str,
    first_at: int,
    position: int,
    first: Meaning,
    later: Meaning,
    meanings: Meanings,
) -> bool:
    """Whether a second definition, in the display right after the first one's, may as well
    restate it: every name it writes is one the first writes or reaches through the text's
    definitions (``L`` of ``a`` with ``a = σ(z)``, then ``L`` of ``z``), so a value that differs
    is a new meaning or a restatement that fails, and which is not read (``λ`` of a penalty is
    a new name: a new meaning)."""
    return right_after(prose, first_at, position) and reached(first, later, meanings)


def second_reading(
    prose: str, prior_at: int, position: int, prior: Meaning, later: Meaning, meanings: Meanings
) -> str:
    """What a second value of a name that brings names of its own is: "new" (a new meaning:
    names the first does not reach, or words that set it apart: "a different loss", "for the
    second model"), "guessed" (a new meaning or a restatement that fails: neither read), "step"
    (said as a consequence: "Hence", "Plugging in the softmax:", "Equivalently,") or "" (it
    brings no names of its own). Review 83b: ``ℓ = \\log(1 + e^{-z}) + yz`` after "Hence" and
    ``ℓ = -y \\log p - …`` with ``p = σ(z)`` was a new meaning, and a derivative wrong for the
    first held."""
    if not brings_new_names(prior, later):
        return ""
    if not reached(prior, later, meanings):
        return "new"
    if right_after(prose, prior_at, position):
        return "guessed"
    lead = lead_words(prose, prior_at, position)
    if _SET_APART.search(lead):
        return "new"
    if _RESTATING.search(lead):  # "Let us plug in", "Another way to write the same loss is"
        return "step"
    return "new" if _APART.search(lead) else "guessed"


NEW = ("new", "guessed")  # the kinds of a second value that are definitions
_RESTATING = lazy(
    r"(?i)\b(?:hence|thus|so|therefore|i\.e|that\s+is|note\s+that|we\s+(?:get|have|obtain|find)"
    r"|becomes?|gives?|reduces?|another\s+way|in\s+other\s+words|put\s+differently|to\s+say|"
    + REWRITING_WORDS
    + r")\b"
)
# words that set a value apart whatever else the sentence says; then words that do so unless
# the sentence says the value follows (review 83c: "Let us plug in the softmax:")
_SET_APART = lazy(
    r"(?i)\b(?:different|alternative|instead|variant|suppose|define\w*|denote\w*|call\w*"
    r"|(?:another|new|other|second|third)\s+(?:loss|function|model|example|objective|cost)"
    # or for many at once: "For a whole layer", "for a batch", "in vector form" (session 84)
    r"|whole\s+(?:layer|vector|batch)|(?:for|over)\s+(?:a|the|each|every)\s+(?:mini-?)?batch"
    r"|in\s+(?:vector|matrix|vectori[sz]ed)\s+(?:form|notation)|vectori[sz]ed|element-?wise"
    r"|for\s+(?:all|every|each)\s+(?:units?|neurons?|entries|samples|examples))\b"
)
_APART = lazy(r"(?i)\b(?:another|other|new|second|third|now|next|consider|if|when|case|let)\b")


# a display right after the display of the first definition (nothing but space between them)
_TIGHT = lazy(
    r"(?s)[^$]*?(?:\$\$|\\\]|\\end\s*\{[^{}]*\})\s*(?:\$\$|\\\[|\\begin\s*\{[^{}]*\})[^$]*"
)
_ENTRY_WRITTEN = lazy(r"(?<![\\A-Za-z])[A-Za-z]\s*_\s*(?:\{\s*\w+\s*\}|\w)")


def restated(
    later: Meaning | str, apart: str, prior: Meaning, at: tuple[str, int, int], meanings: Meanings
) -> bool:
    """Whether a definition that neither the text announces nor brings new names (a step, else)
    stands right after the one in force and may as well restate it (:func:`guessed`): a value
    that differs is then a correction of the first as likely as a step that fails (review
    real68: ``a_k = w_{k0} x_0 + w_{k1} x_1 + w_{k2}``, then ``… + w_{k2} x_2``)."""
    if not isinstance(later, Meaning) or later.slip or apart:
        return False
    prose, prior_at, position = at
    # (only a value that writes an entry the first does not, x_2 beside w_{k2} x_2: a restatement
    # with the same entries stays a step, sessions 23-38)
    if not _TIGHT.fullmatch(prose, prior_at, position):
        return False  # (the first in a sentence, or other displays between)
    written = [_ENTRY_WRITTEN.findall(m.latex.partition("=")[2]) for m in (prior, later)]
    bases = {re.sub(r"[\s_{}].*", "", entry) for entry in written[0]}
    squeezed = [{re.sub(r"[\s{}]", "", e) for e in found} for found in written]
    new = {
        e
        for e in squeezed[1] - squeezed[0]
        if e.split("_")[1].isdigit() or e.split("_")[0] not in bases
    }
    if not new:
        return False  # (p_c after p_k: the same vector's entries, a step as before)
    return guessed(prose, prior_at, position, prior, later, meanings)
