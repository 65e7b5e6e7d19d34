"""A defined name given another value in a sentence that no cue word marks as a definition
("Later we switch to $u = x^3$:"): the steps after it may mean that value, which is not read.
A flag on such a step would rest on the first definition alone, so the step is left ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from symsoft.reading.judge.prose_cases import _squeezed
from symsoft.reading.meaning.scopes import names_used
from symsoft.reading.meaning.table import Meanings


def restated(
    original: str, meanings: Meanings, written: str, at: int, read: Collection[str] = ()
) -> str:
    """Why a flag on the step at ``at`` (its sides ``written``) may not be the author's: a name
    it uses, defined before it, is written ``$name = …$`` again between its definition and the
    step; "" when none is. A name of ``read`` (defined twice, both read: the step is judged
    under each) or a number given (a worked example's value, read as such) is no such name."""
    differentiated = {  # \frac{du}{dx}: u written after its differential
        name
        for name in meanings.table
        if re.search(r"(?<![A-Za-z\\])d\s*" + re.escape(name) + r"(?![A-Za-z])", written)
    }
    for name in sorted(names_used(meanings, written) | differentiated):
        start = meanings.defined_at.get(name)
        if start is None or start >= at or name in read:
            continue
        written_before = _squeezed(meanings.table[name].latex)
        # written as its definition was, with an index or without (p = softmax(z), then p_i = …
        # in a table: the same vector by its entries)
        indexed = written_before.startswith(name + "_")
        again = re.compile(
            r"(?<![\\$])\$\s*"
            + re.escape(name)
            + (r"\s*_\s*\{?\s*[a-z]\s*\}?" if indexed else "")
            + r"\s*=(?![=>])([^$]*)\$"
        )
        for found in again.finditer(original, start + 1, at):
            value = _squeezed(found.group(1))
            if value and (written_before.endswith("=" + value) or written_before == value):
                continue  # the same value said again (a table's row restating the loss)
            if _NUMBER.fullmatch(value):
                continue  # y = 1, y_k = 0: a value given, read as an example's or a label's
            line = original.count("\n", 0, found.start()) + 1
            return f"{name} is given another value at line {line}, not read as its definition"
    return ""


_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")
