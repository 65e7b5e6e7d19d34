"""A defined name given another value in a sentence that no cue word marks as a definition
("Later we switch to $u = x^3$:"): the steps after it may mean that value, which is not read.
A flag on such a step would rest on the first definition alone, so the step is left ambiguous,
unless it also fails with the new value read as the definition.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from sympy import Indexed

from symsoft.reading.documents.chains import Step
from symsoft.reading.judge.outcome import StepResult
from symsoft.reading.judge.prose_cases import _squeezed
from symsoft.reading.meaning.candidates import _top_level_parts
from symsoft.reading.meaning.definitions import _definition as read_definition
from symsoft.reading.meaning.scopes import names_used
from symsoft.reading.meaning.table import Meaning, Meanings

if TYPE_CHECKING:
    from symsoft.reading.judge.readings import _OtherReadings


def restatements(
    original: str, meanings: Meanings, written: str, at: int, read: Collection[str] = ()
) -> list[tuple[str, str, str, int]]:
    """Each name the step at ``at`` (its sides ``written``) uses, defined before it and written
    ``$name = …$`` again between its definition and the step, with another value: ``(name,
    left side, value, line)``. A name of ``read`` (defined twice, both read: the step is judged
    under each) or a number given (a worked example's value, read as such) is no such name."""
    differentiated = {  # \frac{du}{dx}: u written after its differential
        name
        for name in meanings.table
        if re.search(r"(?<![A-Za-z\\])d\s*" + re.escape(name) + r"(?![A-Za-z])", written)
    }
    found_values = []
    for name in sorted(names_used(meanings, written) | differentiated):
        start = meanings.defined_at.get(name)
        if start is None or start >= at or name in read:
            continue
        written_before = _squeezed(meanings.table[name].latex)
        # written as its definition was, with an index or without (p = softmax(z), then p_i = …
        # in a table: the same vector by its entries)
        indexed = written_before.lstrip("\\").startswith(name + "_")
        spelled = re.escape(name)  # \mathcal{L} read as L (review 71c: Ng's case losses)
        spelled = rf"(?:\\(?:mathcal|mathscr)\s*\{{\s*{spelled}\s*\}}|{spelled})"
        if name == "L":
            spelled = rf"(?:{spelled}|\\ell(?![a-zA-Z]))"  # \ell, read as L (review 78c S)
        if accent := re.fullmatch(r"([A-Za-z])(hat|tilde|bar)", name):  # \hat{y} read as yhat
            letter, mark = accent.groups()
            marks = {"hat": "hat|widehat", "tilde": "tilde|widetilde", "bar": "bar|overline"}
            spelled = rf"(?:{spelled}|\\(?:{marks[mark]})\s*(?:\{{\s*{letter}\s*\}}|\s{letter}))"
        again = re.compile(
            r"(?<![\\$])\$\s*("
            + (r"\\?" if len(name) > 1 else "")  # \pi_i = \pi_{i1}: a Greek name
            + spelled
            + (r"\s*_\s*\{?\s*[a-z]\s*\}?" if indexed else "")
            + r")\s*=(?![=>])([^$]*)\$"
        )
        for found in again.finditer(original, start + 1, at):
            value = _squeezed(found.group(2))
            if value and (written_before.endswith("=" + value) or written_before == value):
                continue  # the same value said again (a table's row restating the loss)
            if _NUMBER.fullmatch(value):
                continue  # y = 1, y_k = 0: a value given, read as an example's or a label's
            alias = meanings.table[name].value  # Y = [y_1, y_2, y_3]: Y's values are y's
            if (
                _LISTED.fullmatch(value)
                and isinstance(alias, Indexed)
                and alias.indices == (meanings.table[name].index,)
            ):
                continue  # Y = [0.5, 1.5, -1]: a worked example's values of y
            line = original.count("\n", 0, found.start()) + 1
            found_values.append((name, found.group(1), found.group(2), line))
    return found_values


def restated(
    original: str, meanings: Meanings, written: str, at: int, read: Collection[str] = ()
) -> str:
    """Why a flag on the step at ``at`` may not be the author's (:func:`restatements`), or ""."""
    found = restatements(original, meanings, written, at, read)
    return "" if not found else _reason(found[0])


def _reason(found: tuple[str, str, str, int]) -> str:
    return f"{found[0]} is given another value at line {found[3]}, not read as its definition"


def flag_restated(
    judging: _OtherReadings,
    step: Step,
    base: StepResult,
    counted: int,
    read: Collection[str],
    held: bool = False,
) -> str:
    """Why a flag on ``step`` (a "holds" with ``held``) may not be the author's when a name it
    uses is given another value before it; "" when there is none, or when the step also fails
    (holds) with each such value read as the name's definition (``$p_t = 1 - \\hat{y}$`` for a
    negative example after ``$p_t = \\hat{y}$``): whichever the author meant, the verdict stands."""
    written, at = f"{base.lhs} {base.rhs}", (step.lhs or step.relation).start
    found = restatements(judging.text.original, judging.meanings, written, at, read)
    labels = {"y", "t", judging.meanings.labels}
    if held:  # given in the words that lead into this display ("For the log loss, $\ell = …$, so")
        before = judging.bodies.get(step.display - 1)
        since = judging.text.original.count("\n", 0, before.end) + 1 if before else 0
        found = [f for f in found if f[0] not in labels and f[3] > since]
    elif found and any(
        re.search(rf"(?<![\\A-Za-z_{{^]){x}(?![A-Za-z}}])", written) for x in labels
    ):
        return _reason(found[0])  # (2y - 1) ŷ(1 - ŷ): each value in its label's case, maybe
    for name, lhs, value, line in found:
        lhs = "L" if name == "L" else lhs  # (\ell, read as L)
        readings = (
            read_definition(lhs, v, judging.meanings, f"line {line}")
            for v in _top_level_parts(value)
        )
        meaning = next((m for m in readings if isinstance(m, Meaning)), None)  # $p = \hat y = σ(z)$
        if meaning is None or meaning.name != name:
            if held:
                continue  # (a "holds" is withheld only where the other value reads and refutes)
            return _reason((name, lhs, value, line))
        other = judging._judged_with(step, base, counted, meaning, variant=-(10**9) - line)
        refuted = isinstance(other, StepResult) and other.flagged
        if refuted == held:  # a "holds" refuted, or a flag not refuted, under the other value
            return _reason((name, lhs, value, line))
    return ""


def restated_reason(
    judging: _OtherReadings,
    step: Step,
    base: StepResult,
    counted: int,
    read: Collection[str],
    result: StepResult,
) -> str:
    """Why ``result`` may not be the author's verdict: a name the step uses is given another
    value before it (:func:`flag_restated`; review 78c: ``\\ell`` given another value, then a
    "holds" under the first), or a flag rests on a label's entry said in words; "" if not."""
    if result.status == "holds":
        return flag_restated(judging, step, base, counted, read, held=True)
    if not result.flagged:
        return ""
    written = f"{base.lhs} {base.rhs}"
    return flag_restated(judging, step, base, counted, read) or judging.label_entry_said(
        step, base, counted, written
    )


_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")


_LISTED = re.compile(r"(?:\\left)?[(\[]-?[\d.]+(?:,-?[\d.]+)+(?:\\right)?[)\]]")  # squeezed
