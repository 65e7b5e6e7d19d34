"""An index case said right after a display, in the sentence that goes on from it: ``$$
\\frac{\\partial s_i}{\\partial x_j} = -s_i s_j $$ for $i \\neq j$, and the diagonal …``.

A step that holds only in the case the words after it name holds as the text says (a case said
before the display is read as the step's condition: prose.py).  Nothing else is read from
these words: a step that fails in that case stays as it is (ambiguous where the text speaks of
cases), so no flag rests on them.
"""

from __future__ import annotations

import re
from dataclasses import replace

from symsoft.reading.documents.chains import Step
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.lazy_regex import lazy

# the display's end, then "for $i \neq j$", ", where $i = j$", "when $k \ne i$"
_CASE_AFTER = lazy(
    r"\s*(?:\$\$|\\\]|\\end\s*\{[^{}]*\})\s*[,;]?\s*(?:for|when|if|whenever|where)\s+"
    r"(?:all\s+)?\$\s*([i-n])\s*(=|\\neq?(?![a-zA-Z])|≠|\\not\s*=)\s*([i-n])\s*\$"
    # the clause ends there: "for $i \neq j$." or "…, and the diagonal"; never "for $i \neq j$
    # we get $$…$$" (the words may lead the next display) nor "and $j = k$" (two cases)
    r"(?=\s*(?:[.;]|,?\s+(?:and|while|whereas|but)\s+(?!\$)|\s*$))"
)
_HOLDS_ONLY = lazy(r"holds only when ([i-n]) ([=≠]) ([i-n])")


def held_in_the_case_after(result: StepResult, step: Step, after: str) -> StepResult | None:
    """``result`` as "holds when …" where it holds only in the case the words right after its
    display name (``after``: the text from the step's right side on), else None."""
    if result.status != "holds only" or step.condition is not None:
        return None
    said, found = _CASE_AFTER.match(after), _HOLDS_ONLY.match(result.summary)
    if said is None or found is None:
        return None
    equal = said.group(2) == "="
    written = (*sorted((said.group(1), said.group(3))), "=" if equal else "≠")
    held = (*sorted((found.group(1), found.group(3))), found.group(2))
    if written != held or written[0] == written[1]:
        return None
    case = f"{written[0]} {written[2]} {written[1]}"
    summary = re.sub(r"^holds only when [^(;]*(?:\([^)]*\))?", f"holds when {case}", result.summary)
    return replace(result, status="holds", summary=summary.strip(), cases=(), holds_when="")
