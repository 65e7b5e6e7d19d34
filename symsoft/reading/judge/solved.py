"""An equation the text solves: after a display that sets an expression to zero ("equate it to
$0$", ``\\frac{d}{dp} H(p) = -\\log p + \\log(1 - p) = 0``), the next rows rearrange that
equation (``\\log p = \\log(1 - p)``, then ``p = 0.5``); they hold where it holds, not for every
value.  A flag on such a row, with no derivative in it, is withheld.

>>> text = "$$f(p) = a - b = 0$$\\n\\nso\\n\\n$$a = b$$"
>>> _set_to_zero_before(text, text.rindex("a = b"))
True
>>> text = "$$f(p) = a - b$$\\n\\nso\\n\\n$$a = b$$"
>>> _set_to_zero_before(text, text.rindex("a = b"))
False
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from symsoft.reading.judge.unsure import _ambiguous
from symsoft.reading.lazy_regex import lazy

if TYPE_CHECKING:
    from symsoft.reading.judge.outcome import StepResult

# the display just before: its last relation "= 0", then its closing and words up to this one's
_ZERO_DISPLAY = lazy(
    r"=\s*0\s*[.,]?\s*(?:\\\\)?\s*(?:\\end\s*\{[a-z*]+\}\s*)*(?:\$\$|\\\])"
    r"(?P<between>(?:(?!\$\$|\\\[|\\\]|\\begin)[\s\S]){0,300}?)"
    r"(?:\$\$|\\\[|\\begin\s*\{[a-z*]+\})\s*$"
)
_DERIVATIVE = lazy(r"\\partial|\\frac\s*\{\s*d|\\nabla|'")
_HEADING = lazy(r"(?m)^[ \t]*#{1,6}[ \t]|\\(?:sub)*section\*?\s*\{")


def _set_to_zero_before(source: str, position: int) -> bool:
    """Whether the display right before the one at ``position`` ends by setting its expression
    to zero, with only words (no heading) between them."""
    before = source[max(0, position - 2000) : position]
    found = _ZERO_DISPLAY.search(before)
    return found is not None and not _HEADING.search(found.group("between"))


def solving(result: StepResult, sides: list[str], source: str, position: int) -> StepResult:
    """A flagged row after a display set to zero, with no derivative: withheld."""
    if not result.flagged or any(_DERIVATIVE.search(side) for side in sides):
        return result
    if not _set_to_zero_before(source, position):
        return result
    return _ambiguous(
        result,
        "the display before sets an expression to 0: this row may rearrange that equation, "
        "which holds where it holds, not for every value",
    )


__all__ = ["solving"]
