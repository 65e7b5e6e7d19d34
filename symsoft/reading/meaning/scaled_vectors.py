"""A vector named as another one scaled by a temperature: ``u = z / T``, ``u =
\\frac{z}{\\tau}`` in a text that writes both letters with an index (``u_k``, ``z_i``) defines
every entry, ``u_k = z_k / T``. Only a division by a parameter's usual letter (T, τ, β, …) is
read so: a shift ``u = z - \\mu`` may be by a mean of z, ``g = p - y`` by a vector of labels.
"""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import defined_name

# a temperature or a scale: never a letter that may depend on z (a mean, a maximum, labels)
_NUMBER_NAME = r"(?:T|\\tau|\\beta|\\alpha|\\lambda|\\gamma|\\kappa)(?![a-zA-Z])"
_LETTER = r"([a-zA-Z])(?![a-zA-Z_^])"
_FORMS = (
    lazy(rf"\s*{_LETTER}\s*/\s*({_NUMBER_NAME})\s*"),  # z / T
    lazy(
        rf"\s*\\[dt]?frac\s*\{{\s*{_LETTER}\s*\}}\s*\{{\s*({_NUMBER_NAME})\s*\}}\s*"
    ),  # \frac{z}{T}
)


def scaled_entry(lhs: str, rhs: str, indexed: frozenset[str]) -> tuple[str, str] | None:
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
