r"""A quantity written as a function of its input, ``h(x) = \sigma(z)``, ``L(y, h(x)) =
-[y \log h(x) + …]``, that the text then differentiates by (``\frac{\partial L}{\partial h}``,
``d/dh``): ``h(x)`` is the quantity h, its value at the one input the text writes, and the chain
rule ``\frac{\partial L}{\partial h} \frac{\partial h}{\partial z}`` reads as it does for
``\hat{y} = \sigma(z)``.  Only where every call of the letter has the same argument, one plain
letter, and the text writes no prime of it (``h'(x)`` is the derivative of a function of x).
The argument is blanked (same length: columns stay the file's)."""

from __future__ import annotations

import re

from symsoft.reading.documents.spans import Text

_BEFORE = r"(?<![\\a-zA-Z_^0-9])"  # the letter alone: not W_h, e^h


def blank_called_quantities(text: Text) -> None:
    """Read ``h(x)`` as ``h`` where the text differentiates by h (see the module)."""
    everything = text.slice(0, len(text.chars))
    by = set(
        re.findall(r"(?:\}\s*\{|/)\s*(?:\\partial|∂|d)\s*([a-zA-Z])(?![a-zA-Z(_^])", everything)
    )
    by |= set(re.findall(r"\\frac\s*\{\s*d\s*\}\s*\{\s*d\s*([a-zA-Z])\s*\}", everything))
    for letter in sorted(by):
        calls = list(re.finditer(rf"{_BEFORE}{letter}\s*\(\s*([a-zA-Z])\s*\)", everything))
        if not calls or len({call.group(1) for call in calls}) != 1:
            continue
        if calls[0].group(1) == letter or re.search(
            rf"{_BEFORE}{letter}\s*(?:'|’|\^\s*\{{?\s*\\prime)", everything
        ):
            continue  # h'(x): a function of x
        opened = len(
            re.findall(rf"{_BEFORE}{letter}\s*(?:\\left\s*|\\[bB]igg?l?\s*)?[(\[]", everything)
        )
        if opened != len(calls):
            continue  # h(x + 1), h(2): a function applied elsewhere
        for call in calls:
            text.blank(call.start() + call.group().index("("), call.end())
