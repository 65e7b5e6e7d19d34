"""What checking a document returns: a StepResult for each step, with its place, its sides and its
verdict, and the DocumentResult that collects them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from symsoft.reading.judge.concrete import SUM_TO_ONE, describe
from symsoft.reading.judge.number_sides import numbers_alone
from symsoft.reading.judge.steps import CaseCheck
from symsoft.results import (
    PRINTERS_ONLY,
    Counterexample,
    StepStatus,
    first_counterexample,
    plain,
)


@dataclass(frozen=True)
class StepResult:
    """One step ``lhs = rhs`` of a display: where it is, what it says, and the verdict.

    ``summary`` is "holds", "holds when i = j", "holds only when i = j", "fails",
    "not checked: <reason> (column c)", …; ``cases`` has one verdict per index case.
    """

    line: int
    column: int
    display: int
    step: int
    lhs: str  # LaTeX, as written (decorations removed)
    rhs: str
    status: StepStatus
    summary: str
    cases: tuple[CaseCheck, ...] = ()
    hypothesis: str | None = None  # SUM_TO_ONE when the step needs it
    hypothesis_stated: bool = True
    condition: str | None = None  # the index case the document states for this step
    note: str = ""
    holds_when: str = ""  # for "holds only": the cases it holds in, "i = j at N = 4"
    relation: str = field(default="=", metadata=PRINTERS_ONLY)  # "≈" for an approximation

    @property
    def numbers_only(self) -> bool:
        """Both sides are numbers alone (``e^{0} + 1 = 3``): a counterexample has no point
        and no size to show, only the two values."""
        sides = [re.sub(r"\\? ?,|\\ ", " ", side) for side in (self.lhs, self.rhs)]  # (1, 2)
        return bool(self.lhs) and numbers_alone(sides)

    @property
    def flagged(self) -> bool:
        """Wrong as written: fails, holds only in a case, or needs an unstated hypothesis."""
        return self.status in ("fails", "holds only") or not self.hypothesis_stated

    @property
    def fails_in_a_case(self) -> bool:
        """Fails in some index case and is not refuted in another ("fails when c = j", the
        other case proved or undecided): a step perhaps meant for that other case."""
        refuted = [case.verdict.status == "refuted" for case in self.cases]
        return self.status == "fails" and any(refuted) and not all(refuted)

    @property
    def counterexample(self) -> Counterexample | None:
        return first_counterexample(self.cases)

    def message(self, source: str = "") -> str:
        """The compiler-style line: ``file:line: step s of display d <summary>: …``."""
        where = f"{source}:{self.line}: " if source else f"{self.line}: "
        text = f"{where}step {self.step} of display {self.display} {self.summary}"
        if self.status in ("fails", "holds only", "unknown") or not self.hypothesis_stated:
            text += f": {self.lhs} {self.relation} {self.rhs}"
        for case in self.cases:
            if case.verdict.status == "refuted" and case.verdict.counterexample is not None:
                point = describe(case.verdict.counterexample)
                sides = case.verdict.counterexample
                if not point and self.numbers_only:
                    left, right = sides.lhs, sides.rhs
                    if self.relation == "≈":  # decimals of 20 digits: the 6 that matter
                        left, right = f"{sides.lhs_float:.6g}", f"{sides.rhs_float:.6g}"
                    text += f"; the left side is {left}, the right side {right}"
                    break
                shown = ", ".join(part for part in (point, case.where) if part)
                text += f"; counterexample {shown} (left side {sides.lhs}, right side {sides.rhs})"
                break
        return text


@dataclass(frozen=True)
class DocumentResult:
    """Every step of a document, in order, and the meanings they were judged under."""

    source: str
    steps: tuple[StepResult, ...]
    meanings: tuple[tuple[str, str], ...]  # (LaTeX of the meaning, where it comes from)
    hypothesis_stated: bool
    n: int | None = None
    seconds: float = 0.0
    displays: int | None = None  # display math blocks found (0: nothing to check)

    @property
    def flagged(self) -> tuple[StepResult, ...]:
        return tuple(step for step in self.steps if step.flagged)

    @property
    def exit_code(self) -> int:
        """1 when a step fails or holds only in a case the document did not state, else 0."""
        return 1 if self.flagged else 0

    @property
    def summary(self) -> str:
        """``23 steps: 18 hold, 2 hold only when i = j, 1 fails, 2 not checked``."""
        count: dict[str, int] = {}
        for step in self.steps:
            key = step.status
            if step.status == "holds only":
                key = f"hold only when {step.holds_when}"
            elif step.status == "holds" and not step.hypothesis_stated:
                key = f"need an unstated {step.hypothesis or SUM_TO_ONE}"
            count[key] = count.get(key, 0) + 1
        parts = [f"{count.pop('holds', 0)} hold"]
        parts += [f"{v} {k}" for k, v in count.items() if k.startswith("hold only")]
        fails = count.pop("fails", 0)
        parts.append(f"{fails} fail" + ("s" if fails == 1 else ""))
        unstated = sorted(key for key in count if key.startswith("need an unstated"))
        for key in (*unstated, "unknown", "not checked"):
            if count.get(key):
                parts.append(f"{count[key]} {'undecided' if key == 'unknown' else key}")
        for key, noun in (("definition", "definition"), ("hypothesis", "hypothesis")):
            if count.get(key):
                parts.append(f"{count[key]} {noun}{'s' if count[key] > 1 else ''}")
        total = len(self.steps)
        return f"{total} step{'s' if total != 1 else ''}: " + ", ".join(parts)

    def lines(self) -> list[str]:
        """One line per step, then the summary: what ``symsoft check`` prints."""
        return [step.message(self.source) for step in self.steps] + [self.summary]

    def to_json(self) -> str:
        data = plain(self)
        data["summary"] = self.summary
        data["exit_code"] = self.exit_code
        for step, raw in zip(self.steps, data["steps"], strict=True):
            raw["flagged"] = step.flagged
        return json.dumps(data, ensure_ascii=False, indent=2)

    def _repr_html_(self) -> str:  # Jupyter shows the annotated report
        from symsoft.render.notebook import document_html

        return document_html(self)
