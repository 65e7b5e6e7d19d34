"""``f^2(x)``: the square of ``f(x)``, as calculus writes it (``\\sin^2 x``), where the document
applies f to that same argument elsewhere (``(\\frac{1}{f(x)})' = -\\frac{f'(x)}{f^2(x)}``).

Read as written the power would be ``f^2 \\cdot x``, a reading no such document means; spelled
``f(x)^2`` instead (the same length: columns stay the file's).  A letter the document never
applies to that argument is left as written, and so is every power in a text that composes
functions (``\\circ``, ``f(f(x))``, "iterate", "composition": f^2 may be f∘f there).
"""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_POWER_CALL = lazy(
    r"(?<![\\A-Za-z_^])([A-Za-z])\s*\^\s*(\{\s*\d\s*\}|\d)\s*(\(\s*[A-Za-z](?:_\{?[a-z0-9]\}?)?\s*\))"
)


# a text that composes functions: f^2 may be f(f(x)) there
_COMPOSED = lazy(
    r"\\circ(?![a-zA-Z])|∘|(?<![\\A-Za-z])([A-Za-z])\s*\(\s*\1\s*\(|\bcompos|\biterat|\bnested\b",
    re.IGNORECASE,
)


def spell_power_calls(text: Text) -> None:
    """Each ``f^2(x)`` of a letter the document also writes as ``f(x)`` (or ``f'(x)``) is
    spelled ``f(x)^2``."""
    everything = text.slice(0, len(text.chars))
    if "^" not in everything or _COMPOSED.search(everything):
        return  # f^2 = f \circ f, "the second iterate": a power of the function (review 71)
    for match in list(_POWER_CALL.finditer(everything)):
        letter, power, call = match.group(1), match.group(2), match.group(3)
        argument = re.escape(re.sub(r"\s+", "", call[1:-1]))
        primes = r"(?:'+|\^\s*\{?\s*\\prime\s*\}?)?"
        applied = rf"(?<![\\A-Za-z_^]){letter}\s*{primes}\s*\(\s*{argument}\s*\)"
        if not re.search(applied, everything):
            continue
        spelled = f"{letter}{call}^{power.strip('{} ')}"
        text.chars[match.start() : match.end()] = list(spelled.ljust(len(match.group())))
