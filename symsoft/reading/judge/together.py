"""A step under several names each defined more than once, judged with the definitions in force
together (a Q&A whose answer defines L and p again)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from symsoft.reading.documents.chains import Step
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.unsure import _ambiguous, _NotChecked

if TYPE_CHECKING:
    from symsoft.reading.judge.judging import _Judging


class _Together:
    """Part of :class:`_Judging`."""

    def _in_force_together(
        self: _Judging, step: Step, base: StepResult, counted: int, names: list[str]
    ) -> StepResult:
        """A step that uses several names each defined more than once (a Q&A whose answer
        defines L and p again): judged under the definitions in force together; it holds if it
        holds there, and is never flagged (another combination may be meant)."""
        assert step.lhs is not None
        chosen = {
            name: max(
                (d for d in self.scopes[name] if d[0] <= step.lhs.start),
                key=lambda d: d[0],
                default=self.scopes[name][0],
            )
            for name in names
        }
        first, *others = names
        with self._read_anew():
            table = self.meanings.table
            self.meanings.table = table | {name: chosen[name][1] for name in others}
            # the variant names the combination: the judgements are kept by variant
            variant = tuple(chosen[name][0] for name in names)
            judged = self._judged_with(step, base, counted, chosen[first][1], variant=variant)  # type: ignore[arg-type]
        if isinstance(judged, _NotChecked):
            raise judged
        if not judged.flagged:
            return judged
        lines = ", ".join(f"{name} of line {self.text.place(chosen[name][0])[0]}" for name in names)
        return _ambiguous(
            judged,
            f"{', '.join(names)} are each defined more than once; under the definitions in force "
            f"({lines})",
        )
