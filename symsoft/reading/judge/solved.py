"""An equation the text solves: after a display that sets an expression to zero ("equate it to
$0$", ``\\frac{d}{dp} H(p) = -\\log p + \\log(1 - p) = 0``), the next rows rearrange that
equation (``\\log p = \\log(1 - p)``, then ``p = 0.5``); they hold where it holds, not for every
value.  A flag on such a row, with no derivative in it and a name of that display in it, is
withheld; so is a flag on the row that sets the expression to zero where the words before it
say so ("equate it to $0$", "at the minimum").

>>> text = "$$f(p) = a - b = 0$$\\n\\nso\\n\\n$$a = b$$"
>>> _zero_display_before(text, text.rindex("a = b")) is not None
True
>>> text = "$$f(p) = a - b$$\\n\\nso\\n\\n$$a = b$$"
>>> _zero_display_before(text, text.rindex("a = b")) is None
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from symsoft.reading.judge.unsure import _ambiguous
from symsoft.reading.lazy_regex import lazy
from symsoft.reading.notation.data_words import HEADING

if TYPE_CHECKING:
    from symsoft.reading.judge.outcome import StepResult
    from symsoft.reading.meaning.table import Meanings

_ZERO = r"(?:0|\\(?:mathbf|boldsymbol|vec|bm)\s*\{\s*0\s*\})"
# the display just before: its last relation "= 0", then its closing and words up to this one's
_ZERO_DISPLAY = lazy(
    rf"=\s*{_ZERO}\s*[.,]?\s*(?:\\\\)?\s*(?:\\tag\s*\{{[^{{}}]*\}}\s*|\\label\s*\{{[^{{}}]*\}}\s*)*"
    r"(?:\\end\s*\{[a-z*]+\}\s*|\$\$|\\\])+"
    r"(?P<between>(?:(?!\$\$|\\\[|\\\]|\\begin)[\s\S]){0,300}?)"
    r"(?:\$\$|\\\[|\\begin\s*\{[a-z*]+\}(?:\s*\\label\s*\{[^{}]*\})?)\s*$"
)
_DERIVATIVE = lazy(r"\\partial|\\frac\s*\{\s*d|\\nabla|'")
_ZERO_SIDE = lazy(rf"\s*{_ZERO}\s*[.,]?\s*")
# "equate it to $0$", "set … to zero", "at the minimum", "vanishes", "stationary point"
_ZERO_WORDS = lazy(
    r"(?i)\b(?:equat\w*|set\w*|put)\b[^.]{0,60}\b(?:zero|0)\b|\$\s*0\s*\$|\bvanish\w*"
    r"|\bat\s+(?:the|its|a)\s+(?:minimum|maximum|optimum|stationary)|\bstationary\b"
    r"|\b(?:minimi|maximi)[sz]\w*\b[^.]{0,60}\b(?:zero|0)\b"
)
_NAME = lazy(r"\\(?!frac|left|right|log|ln|exp|sum|partial|cdot|times|quad)[a-zA-Z]+|[a-zA-Z]")


def _zero_display_before(source: str, position: int) -> re.Match[str] | None:
    """The display right before the one at ``position`` when it ends by setting its expression
    to zero, with only words (no heading) between them; None otherwise."""
    before = source[max(0, position - 2000) : position]
    found = _ZERO_DISPLAY.search(before)
    if found is None or HEADING.search(found.group("between")):
        return None
    return found


def _words_before(source: str, position: int) -> str:
    """The words that lead into the display at ``position``, back to the display or heading
    before it (at most 300 characters; the display's own opening is passed over)."""
    before = source[max(0, position - 300) : position]
    own = max(before.rfind("$$"), before.rfind("\\["), before.rfind("\\begin"))
    before = before[: own if own >= 0 else len(before)]
    cuts = [m.end() for m in re.finditer(r"\$\$|\\\]|\\end\s*\{[a-z*]+\}", before)]
    cuts += [m.end() for m in HEADING.finditer(before)]
    return before[max(cuts, default=0) :]


# an optimum, an ideal or a stationary point, in the words of the section before a row
_OPTIMUM = lazy(
    r"(?i)optim|\bideal|minimi[sz]|minimum|maximi[sz]|maximum|stationary|equilibri"
    r"|最优|最佳|理想|最小|最大|極小|最適|최적|최소"
)


def _optimum(section: str) -> bool:
    """Whether the words of ``section`` speak of an optimum (an ideal, a minimum)."""
    return bool(_OPTIMUM.search(section))


def _section(source: str, position: int) -> str:
    """The words before ``position`` back to the heading before it (1500 characters at most)."""
    before = source[max(0, position - 1500) : position]
    return before[max((m.end() for m in HEADING.finditer(before)), default=0) :]


def _names(text: str) -> set[str]:
    return set(_NAME.findall(re.sub(r"\\(?:mathbf|boldsymbol|bm|hat|text|mathrm)\s*", "", text)))


def solving(
    result: StepResult,
    sides: list[str],
    source: str,
    position: int,
    exprs: tuple = (),
    meanings: Meanings | None = None,
) -> StepResult:
    """A flagged row after a display set to zero, with no derivative and a name of that
    display; or a flagged row set to zero itself after words that set it so: withheld."""
    if not result.flagged:
        return result
    if _ZERO_SIDE.fullmatch(sides[1]) and _ZERO_WORDS.search(_words_before(source, position)):
        return _ambiguous(
            result,
            "the words before set it to 0: a condition (a minimum, a stationary point), not an "
            "identity",
        )
    if any(_DERIVATIVE.search(side) for side in sides):
        return result
    # values at an optimum: sides of other variables once read (not e^0 = 2, f(3) = 1, nor
    # \log\frac{t_c}{t_j} beside ε and K, which t's definition writes: review 79b)
    if exprs and meanings is not None and _optimum(_section(source, position)):
        free = [{s.name for s in meanings.expand(e).free_symbols} for e in exprs]
    else:
        free = [set(), set()]
    if all(free) and not free[0] & free[1]:
        return _ambiguous(  # "the ideal logit gap": z_c - z_o = \log\frac{(1-ε)(K-1)}{ε}
            result,
            "the words before speak of an optimum and its sides share no name: the values "
            "there, perhaps, not an identity",
        )
    found = _zero_display_before(source, position)
    if found is None:
        return result
    display = source[max(0, position - 2000) : position][: found.start()]
    display = display[display.rfind("$$") + 2 :] if "$$" in display else display[-400:]
    if not _names(display) & _names(" ".join(sides)):
        return result  # a row of other names: no rearrangement of that equation
    return _ambiguous(
        result,
        "the display before sets an expression to 0: this row may rearrange that equation, "
        "which holds where it holds, not for every value",
    )


__all__ = ["solving"]
