"""A step that writes a name whose definition reaches a name the document defines more than
once (``J = L + \\frac{\\lambda}{2} a^2`` with L the squared error in one section and the
cross-entropy in the next): which meaning of L was J built from is not read, so the step holds
only if it holds under every meaning, is flagged only if it fails under every one, and is
otherwise not checked."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.unsure import _ambiguous, _NotChecked
from symsoft.reading.meaning.scopes import in_force

if TYPE_CHECKING:
    from symsoft.reading.documents.chains import Step
    from symsoft.reading.judge.judging import _Judging


def built_elsewhere(judging: _Judging, written: str, reached: list[str], at: int) -> bool:
    """Whether a name ``reached`` may mean something else than its first definition (the one
    a step is read under) where the names ``written`` were defined or at the step (``at``): a
    later meaning is in force at one of those places."""
    defined = [
        position
        for name, position in judging.meanings.defined_at.items()
        if re.search(rf"(?<![a-zA-Z\\]){re.escape(name)}(?![a-zA-Z])", written)
    ]
    return any(
        in_force(judging.scopes[name], position)[0] != judging.scopes[name][0][0]
        for name in reached
        for position in [*defined, at]
    )


def under_every_meaning(
    judging: _Judging, step: Step, base: StepResult, counted: int, reached: list[str]
) -> StepResult:
    """The verdict on ``step`` that every meaning of the names ``reached`` (each defined more
    than once, reached only through the definitions of the names the step writes) agrees on."""
    if len(reached) > 1:
        raise _NotChecked(
            f"{', '.join(reached)} are each defined more than once, and reached through the "
            "definitions of the names the step writes: which meanings those use is not read",
            step.relation.start,
        )
    (name,) = reached
    verdicts = []
    for position, meaning in judging.scopes[name]:
        verdict = judging._judged_with(step, base, counted, meaning, variant=position)
        if isinstance(verdict, _NotChecked):
            raise verdict
        verdicts.append(verdict)
    if len({(v.status, v.flagged) for v in verdicts}) == 1 or all(v.flagged for v in verdicts):
        return verdicts[0]  # (a definition is one under every meaning)
    unsure = next((v for v in verdicts if v.status == "not checked"), None)
    if unsure is not None and not any(v.flagged for v in verdicts):
        return unsure  # withheld under one meaning (read free), and flagged under none
    return _ambiguous(
        next((v for v in verdicts if v.flagged), verdicts[0]),
        f"{name} is defined more than once and the step reaches it through a definition; "
        "under one meaning it holds, under another not",
    )
