"""What checking a claim returns: a CaseVerdict for each index case and the ClaimResult that
collects them with how the claim was read.
"""

from __future__ import annotations

from dataclasses import dataclass

from symsoft.results import Counterexample, Status, Verdict, first_counterexample


@dataclass(frozen=True)
class CaseVerdict:
    """The verdict on one index case (``"i = j"``, ``"i ≠ j"`` or ``"every i"``)."""

    case: str
    verdict: Verdict
    stated: bool  # the claim states this case itself (a condition or a cases row)
    checked: str = ""  # where: "every N ≥ 1 and 1 ≤ i, j ≤ N…", "N = 5"


@dataclass(frozen=True)
class ClaimResult:
    """What a claim says, where it was checked, and the verdict per index case."""

    text: str
    reading: str  # what the claim was read as, in SymPy's notation
    checked: str  # "every N ≥ 1", "N = 5", "N = 1, …, 6"
    cases: tuple[CaseVerdict, ...]
    summary: str  # "holds for all i, j", "holds only when i = j", "fails", …
    status: Status
    line: int = 0  # the line in the file, for claims read from a file

    @property
    def counterexample(self) -> Counterexample | None:
        return first_counterexample(self.cases)

    def _repr_html_(self) -> str:  # Jupyter shows the verdict per case as HTML
        from symsoft.render.notebook import claim_html

        return claim_html(self)
