"""Runs of displays with no words between them: the words before the first lead into each."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from symsoft.reading.documents.chains import Step

if TYPE_CHECKING:
    from symsoft.reading.judge.judging import _Judging


class _Runs:
    """Part of :class:`_Judging`."""

    def _run_lead(self: _Judging, step: Step) -> str:
        """The words that lead into the run of displays ``step``'s is in (displays with no
        words between them), "" when a display of the run before it defines a name (the
        definition answers the words: "We now switch to …: $$C = …$$ $$∂C/∂z = …$$")."""
        display, body = step.display, self.bodies.get(step.display)
        while (before := self.bodies.get(display - 1)) is not None and body is not None:
            if re.search(r"[^\W\d_$]", self.text.original[before.end : body.start]):
                break  # words between: the run starts here
            display, body = display - 1, before
        if body is None or display == step.display:
            return self.leads.get(step.display, "")
        defined = {at for found in self.scopes.values() for at, _ in found}
        defined |= set(self.meanings.defined_at.values())
        reached = step.lhs.start if step.lhs else step.relation.start
        return (
            "" if any(body.start <= at < reached for at in defined) else self.leads.get(display, "")
        )
