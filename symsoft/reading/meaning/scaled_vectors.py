"""A vector named as another one scaled by a temperature: ``u = z / T``, ``u =
\\frac{z}{\\tau}`` in a text that writes both letters with an index (``u_k``, ``z_i``) defines
every entry, ``u_k = z_k / T``. Only a division by a parameter's usual letter (T, τ, β, …) is
read so: a shift ``u = z - \\mu`` may be by a mean of z, ``g = p - y`` by a vector of labels.
"""

from __future__ import annotations

import re

from symsoft.reading.grammar.builder import SIGMA_SOFTMAX
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.affine import affine_entry
from symsoft.reading.meaning.prose import defined_name
from symsoft.reading.meaning.table import Meanings
from symsoft.reading.notation.written_out import SOFTMAX_SIGMA

# a temperature or a scale: never a letter that may depend on z (a mean, a maximum, labels)
_NUMBER_NAME = r"(?:T|\\tau|\\beta|\\alpha|\\lambda|\\gamma|\\kappa)(?![a-zA-Z])"
_LETTER = r"([a-zA-Z])(?![a-zA-Z_^])"
_FORMS = (
    lazy(rf"\s*{_LETTER}\s*/\s*({_NUMBER_NAME})\s*"),  # z / T
    lazy(
        rf"\s*\\[dt]?frac\s*\{{\s*{_LETTER}\s*\}}\s*\{{\s*({_NUMBER_NAME})\s*\}}\s*"
    ),  # \frac{z}{T}
)


def scaled_entry(
    lhs: str, rhs: str, indexed: frozenset[str], meanings: Meanings | None = None
) -> tuple[str, str] | None:
    """The entry-wise definition ``(name_k, value at k)`` of ``lhs = rhs``, or None.

    >>> scaled_entry("u", r"z / T", frozenset("uz"))
    ('u_{k}', 'z_{k} / T')
    >>> scaled_entry("u", r"\\frac{z}{\\tau}", frozenset("uz"))
    ('u_{k}', '\\\\frac{z_{k}}{\\\\tau}')
    >>> scaled_entry("u", r"z / T", frozenset("u")) is None  # z a number: u is one too
    True
    >>> scaled_entry("u", r"z / w", frozenset("uzw")) is None  # w: no temperature's letter
    True
    >>> scaled_entry("g", r"p - y", frozenset("gp")) is None  # y a vector of labels, or a mean?
    True
    """
    named = defined_name(lhs)
    if named is None or named[1] is not None or named[0] not in indexed:
        return None
    name = named[0]
    if (found := _ELEMENTWISE.fullmatch(rhs)) is not None:
        return _elementwise(name, found, indexed, meanings)
    if (found := _OF_AFFINE.fullmatch(rhs)) is not None and meanings is not None:
        # a = \sigma(W x + b): the layer's entries, a_r = \sigma(\sum_g W_{rg} x_g + b_r) (not
        # \tanh: its exponentials under sums of sums take longer than a step may)
        if SOFTMAX_SIGMA.get() or SIGMA_SOFTMAX.get():
            return None
        entry = affine_entry(name, found.group(2), meanings)
        return None if entry is None else (entry[0], rf"{found.group(1)}\left({entry[1]}\right)")
    for number, form in enumerate(_FORMS):
        found = form.fullmatch(rhs)
        if found is None:
            continue
        letter, other = found.group(1), found.group(2)
        if letter not in indexed or letter == name or other.lstrip("\\") in indexed:
            return None
        index = next(k for k in "kjilmn" if k not in (letter, name, other))
        entry = f"{letter}_{{{index}}}"
        if number == 0:
            return f"{name}_{{{index}}}", f"{entry} / {other}"
        return f"{name}_{{{index}}}", rf"\frac{{{entry}}}{{{other}}}"
    return None


__all__ = ["scaled_entry"]


# a = \sigma(z), h = \tanh(\mathbf{z}): the logistic function or tanh of a vector, entry by entry
_ELEMENTWISE = lazy(
    r"\s*(\\sigma|\\tanh)(?![a-zA-Z])\s*(?:\\left\s*)?\(\s*"
    r"(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([a-z])\s*\}|([a-z])(?![a-zA-Z_^]))"
    r"\s*(?:\\right\s*)?\)\s*[.,]?\s*"
)


_OF_AFFINE = lazy(
    r"\s*(\\sigma)(?![a-zA-Z])\s*(?:\\left\s*)?\(((?:[^()]|\([^()]*\))*)(?:\\right\s*)?\)\s*[.,]?\s*"
)


def _elementwise(
    name: str, found: re.Match[str], indexed: frozenset[str], meanings: Meanings | None
) -> tuple[str, str] | None:
    """``a = \\sigma(z)`` of two letters the text writes with an index: ``a_k = \\sigma(z_k)``
    (review 71b: one dense layer, ``z = Wx + b``, ``a = \\sigma(z)`` elementwise), z a vector
    the text defines entry by entry (not "p = σ(z) for a single logit z").  Not where
    σ is the text's softmax (``\\sigma(\\mathbf{z})_j = …``): a vector, no entry's function."""
    letter = found.group(2) or found.group(3)
    if letter not in indexed or letter == name or SOFTMAX_SIGMA.get() or SIGMA_SOFTMAX.get():
        return None
    vector = meanings.table.get(letter) if meanings is not None else None
    if vector is None or vector.index is None or vector.source == "standard":
        return None  # z no vector the text defines (z = W x + b): "p = σ(z) of one logit z"
    index = next(k for k in "kjilmn" if k not in (letter, name))
    return f"{name}_{{{index}}}", rf"{found.group(1)}({letter}_{{{index}}})"
