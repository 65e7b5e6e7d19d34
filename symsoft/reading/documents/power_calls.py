"""``f^2(x)``: the square of ``f(x)``, as calculus writes it (``\\sin^2 x``), where the document
applies f to that same argument elsewhere (``(\\frac{1}{f(x)})' = -\\frac{f'(x)}{f^2(x)}``).

Read as written the power would be ``f^2 \\cdot x``, a reading no such document means; spelled
``f(x)^2`` instead (the same length: columns stay the file's).  A letter the document never
applies to that argument is left as written.
"""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text
from symsoft.reading.lazy_regex import lazy

_POWER_CALL = lazy(
    r"(?<![\\A-Za-z_^])([A-Za-z])\s*\^\s*(\{\s*\d\s*\}|\d)\s*(\(\s*[A-Za-z](?:_\{?[a-z0-9]\}?)?\s*\))"
)


def spell_power_calls(text: Text) -> None:
    """Each ``f^2(x)`` of a letter the document also writes as ``f(x)`` (or ``f'(x)``) is
    spelled ``f(x)^2``."""
    everything = text.slice(0, len(text.chars))
    if "^" not in everything:
        return
    for match in list(_POWER_CALL.finditer(everything)):
        letter, power, call = match.group(1), match.group(2), match.group(3)
        argument = re.escape(re.sub(r"\s+", "", call[1:-1]))
        primes = r"(?:'+|\^\s*\{?\s*\\prime\s*\}?)?"
        applied = rf"(?<![\\A-Za-z_^]){letter}\s*{primes}\s*\(\s*{argument}\s*\)"
        if not re.search(applied, everything):
            continue
        spelled = f"{letter}{call}^{power.strip('{} ')}"
        text.chars[match.start() : match.end()] = list(spelled.ljust(len(match.group())))
