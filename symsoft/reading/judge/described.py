"""A name the step's reading gives its default meaning (Z the partition sum of the logits) while
the text says in words what that name is: a step that holds by the default proves nothing."""

from __future__ import annotations

import re

from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.unsure import _ambiguous
from symsoft.reading.meaning.otherwise_words import said_otherwise
from symsoft.reading.meaning.table import Meaning

_DESCRIBED = (  # "$Z$ is the sum of …", not "$s$ is the softmax activation" (the default itself)
    r"\$\s*{}\s*\$\s*(?:is|denotes|stands\s+for|means|represents)\s+(?:the|a)\b"
    r"(?![^.$]*(?:softmax|partition|normali[sz]))"
)


def described_otherwise(
    result: StepResult, defaults: tuple[Meaning, ...], prose: str
) -> StepResult | None:
    """ "where $Z$ is the sum of $e^{2 a_k}$": the text says what Z is in words this reader does
    not read, so a step that holds by the default Z is ambiguous; None when no such name.  So
    too a sentence that writes the name and words of another meaning ("each $p_i$ is the
    sigmoid of its own logit", "$L$ the focal loss")."""
    described = [
        m.latex
        for m in defaults
        if m.name
        and (
            re.search(_DESCRIBED.format(re.escape(m.name)), prose) or said_otherwise(m.name, prose)
        )
    ]
    if described and result.status in ("holds", "holds only") and not result.flagged:
        return _ambiguous(
            result, f"only if {'; '.join(described)}, which the text describes otherwise"
        )
    return None
