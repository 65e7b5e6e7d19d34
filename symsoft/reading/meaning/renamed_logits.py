"""Logits renamed between sections: a post defines ``p_j = \\frac{e^{a_j}}{\\sum_k e^{a_k}}``,
then, in a later section that never writes ``a`` again, differentiates its loss by ``o_i``
(``\\frac{\\partial L}{\\partial o_i} = -\\sum_k y_k \\frac{\\partial \\log p_k}{\\partial o_i}``,
the deepnotes post on softmax and cross-entropy).  Nothing the text defines is a function of o;
the only reading is that o are p's logits under a new letter.  From the first ``o_`` on, p is
read as the softmax of o, a meaning the text does not state: a flag that rests on it is
ambiguous (see :mod:`symsoft.reading.judge.verdicts`), and the steps before keep p of a."""

from __future__ import annotations

import re

import sympy

from symsoft.reading.documents.spans import KRAMDOWN_INLINE
from symsoft.reading.meaning.table import Meaning, Meanings, softmax_meaning
from symsoft.reading.meaning.variables import derivative_pairs

Redefined = dict[str, list[tuple[int, Meaning, tuple[int, int] | None]]]


def renamed_logits(
    meanings: Meanings,
    everything: str,
    prose: str,
    considered: dict[str, tuple[int, Meaning]],
    redefined: Redefined,
) -> None:
    """Add to ``redefined`` the softmax of the new letter for each softmax whose logits the
    text renames (see the module): only a letter the text writes in its displays alone (a
    sentence may say what it is: "the logits are a linear function of $o_i$")."""
    by = {variable for _, variable in derivative_pairs(everything)}
    arguments = meanings.arguments()
    free = {
        letter
        for letter in by
        if letter not in meanings.table
        and letter not in arguments
        and letter not in meanings.unreadable
        and letter not in meanings.size_names()
    }
    if len(free) != 1:
        return
    (letter,) = free
    inline = _KRAMDOWN.sub(lambda m: f" ${m.group(1) or m.group(2)}$ ", prose)
    words = _DISPLAY.sub(" ", inline)  # the sentences, with their inline math
    if re.search(rf"\$[^$]*(?<![a-zA-Z\\]){letter}(?![a-zA-Z])[^$]*\$", words):
        return  # a letter the prose speaks of: it may say o is something else
    first = _first_entry(letter, everything)
    if first is not None:  # from the paragraph (the display) where o is first written
        first = max(everything.rfind("\n\n", 0, first), everything.rfind("$$", 0, first - 1), 0)
    for name, (position, meaning) in sorted(considered.items()):
        logits = softmax_logits(meaning)
        if logits is None or name in redefined or meanings.table.get(name) is not meaning:
            continue
        if first is None or first < position or _first_entry(logits, everything, first):
            continue  # o written before p's definition, or a still written after o
        if _first_entry(name, everything, first) is None:
            continue  # p is not written in the section of o
        renamed = softmax_meaning(name, letter)
        redefined[name] = [(position, meaning, None), (first, renamed, None)]
        return


# a display, $$ … $$ (kramdown's inline $$x$$ made $x$ first)
_DISPLAY = re.compile(r"\$\$[^$]*\$\$")
_KRAMDOWN = re.compile(KRAMDOWN_INLINE)


def _first_entry(letter: str, text: str, start: int = 0) -> int | None:
    """Where ``text`` first writes an entry of ``letter`` (``o_i``, ``o_{k}``) from ``start``."""
    found = re.compile(rf"(?<![a-zA-Z\\]){letter}\s*_").search(text, start)
    return None if found is None else found.start()


def softmax_logits(meaning: Meaning) -> str | None:
    """The letter of the logits when ``meaning`` is ``e^{x_m} / Σ_k e^{x_k}`` over every
    class, else None."""
    value = meaning.value
    if meaning.index is None or not isinstance(value, sympy.Mul) or len(value.args) != 2:
        return None
    powers = [a for a in value.args if isinstance(a, sympy.exp)]
    sums = [a for a in value.args if isinstance(a, sympy.Pow) and a.exp == -1]
    if len(powers) != 1 or len(sums) != 1 or not isinstance(sums[0].base, sympy.Sum):
        return None
    top, total = powers[0].args[0], sums[0].base
    if not isinstance(top, sympy.Indexed) or top.indices != (meaning.index,):
        return None
    (k, low, _), body = total.limits[0], total.function
    if len(total.limits) != 1 or low != 1 or body != sympy.exp(top.base[k]):
        return None
    return str(top.base.label)


__all__ = ["renamed_logits", "softmax_logits"]
