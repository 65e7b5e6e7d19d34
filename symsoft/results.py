"""The results model: plain frozen dataclasses that the CLI, JSON, reports and API all read.

Values that are mathematical expressions are stored as text (SymPy's ``str`` form, and LaTeX
where a report shows them), so every object here is JSON-serialisable as it stands
(:func:`plain`; a field only the printers read is left out of the JSON).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, is_dataclass
from importlib import import_module
from typing import Any, Literal

Status = Literal["proved", "refuted", "unknown"]
STATUSES: tuple[Status, ...] = ("proved", "refuted", "unknown")

StepStatus = Literal[
    "holds", "holds only", "fails", "unknown", "not checked", "definition", "hypothesis"
]
"""What a step of a document is judged to be: its verdict in every case (``holds``, ``fails``,
``unknown``), ``holds only`` in a case the document did not state, ``not checked`` (not read,
or a name without a meaning), or not a claim at all (``definition``, ``hypothesis``)."""
STEP_STATUSES: tuple[StepStatus, ...] = (
    "holds",
    "holds only",
    "fails",
    "unknown",
    "not checked",
    "definition",
    "hypothesis",
)

WITNESS_TOLERANCE = 1e-20
"""The numeric witness agrees with a proof when its largest relative error is below this."""

# --------------------------------------------------------------------------- notebook displays
# The data model does not know its printers: a printer registers one function per (class,
# format), and the rich displays of Jupyter (``_repr_html_``, ``_repr_latex_``) call it.
# symsoft's own printers register themselves when their module is imported; the first display
# loads that module by name, as a plug-in is loaded, so that nothing here imports symsoft.
DISPLAY_PRINTERS = ("symsoft.render.fragments",)
_DISPLAYS: dict[tuple[type, str], Callable[[Any], str]] = {}


def register_display(
    cls: type, fmt: Literal["html", "latex"], printer: Callable[[Any], str]
) -> None:
    """Show instances of ``cls`` in notebooks as ``printer(instance)`` in the format ``fmt``."""
    _DISPLAYS[cls, fmt] = printer


def _display(value: Any, fmt: Literal["html", "latex"]) -> str:
    if (type(value), fmt) not in _DISPLAYS:
        for module in DISPLAY_PRINTERS:
            import_module(module)
    return _DISPLAYS[type(value), fmt](value)


def combine(statuses: Any) -> Status:
    """The status of a conjunction: refuted beats unknown beats proved (vacuously proved)."""
    seen = set(statuses)
    if "refuted" in seen:
        return "refuted"
    if "unknown" in seen:
        return "unknown"
    return "proved"


PRINTERS_ONLY = {"json": False}
"""Metadata of a field that only the printers read: :func:`plain` leaves it out of the JSON."""


def plain(value: Any) -> Any:
    """``dataclasses.asdict`` without the fields marked :data:`PRINTERS_ONLY`: the JSON of a
    result.

    >>> sorted(plain(Counterexample((("x", "2"),), "4", "2", 4.0, 2.0)))
    ['exact', 'lhs', 'lhs_float', 'others', 'point', 'rhs', 'rhs_float']
    """
    if is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: plain(getattr(value, f.name))
            for f in fields(value)
            if f.metadata.get("json", True)
        }
    if isinstance(value, tuple) and hasattr(value, "_fields"):  # a named tuple, as asdict
        return type(value)(*(plain(v) for v in value))
    if isinstance(value, (list, tuple)):
        return type(value)(plain(v) for v in value)
    if isinstance(value, dict):
        return type(value)((plain(k), plain(v)) for k, v in value.items())
    return value


def first_counterexample(checks: Iterable[Any]) -> Counterexample | None:
    """The first counterexample among the verdicts of ``checks`` (anything with a
    ``verdict``: entries of a theorem, cases of a claim or of a document's step)."""
    return next(
        (c.verdict.counterexample for c in checks if c.verdict.counterexample is not None), None
    )


@dataclass(frozen=True)
class CounterexampleLatex:
    """The LaTeX of each value of a :class:`Counterexample`, made from the value itself where
    the counterexample was built (``None``: the value is shown as its text)."""

    point: tuple[str | None, ...]
    others: tuple[str | None, ...]
    lhs: str | None
    rhs: str | None


@dataclass(frozen=True)
class Counterexample:
    """A point where the two sides differ, with the value of each side there.

    ``point`` lists the variables set explicitly, e.g. ``(("a_1", "log(2)"), ("a_2", "0"))``;
    ``others`` gives the value shared by every remaining member of a family, e.g.
    ``(("a", "log(3/2)"),)`` for "every other ``a_k``" (empty when ``point`` is complete).
    ``lhs`` and ``rhs`` are exact values; ``lhs_float`` and ``rhs_float`` their decimals.
    ``latex``: the LaTeX of every value, for the reports (not part of the JSON).
    """

    point: tuple[tuple[str, str], ...]
    lhs: str
    rhs: str
    lhs_float: float
    rhs_float: float
    others: tuple[tuple[str, str], ...] = ()
    exact: bool = True
    latex: CounterexampleLatex | None = field(
        default=None, compare=False, repr=False, metadata=PRINTERS_ONLY
    )

    def describe(self) -> str:
        parts = [f"{name} = {value}" for name, value in self.point]
        parts += [f"every other {family}_k = {value}" for family, value in self.others]
        return (
            (", ".join(parts) or "at every point")
            + f": left side = {self.lhs} ≈ {self.lhs_float:.6g},"
            + f" right side = {self.rhs} ≈ {self.rhs_float:.6g}"
        )


@dataclass(frozen=True)
class Verdict:
    """Proved (with a certificate), refuted (with a counterexample) or unknown (with a reason)."""

    status: Status
    reason: str
    certificate: str | None = None
    counterexample: Counterexample | None = None

    @property
    def proved(self) -> bool:
        return self.status == "proved"

    @property
    def refuted(self) -> bool:
        return self.status == "refuted"

    def __bool__(self) -> bool:
        raise TypeError(
            "a Verdict has three values; test verdict.status or verdict.proved, not truthiness"
        )

    def _repr_html_(self) -> str:
        return _display(self, "html")

    def _repr_latex_(self) -> str:
        return _display(self, "latex")

    def _repr_markdown_(self) -> str:
        text = f"**{self.status}**: {self.reason}"
        if self.counterexample is not None:
            text += f"\n\ncounterexample: {self.counterexample.describe()}"
        return text


@dataclass(frozen=True)
class Derivation:
    """The mechanical derivation of one representative entry, step by step (all LaTeX).

    ``function``: what is differentiated; ``variable``: with respect to what;
    ``mechanical``: the derivative exactly as SymPy's ``diff`` produced it;
    ``substituted``: the same after ``x_k = e^{a_k}``; ``closed_form``: the claimed value;
    ``difference``: ``mechanical - closed_form`` as one reduced fraction;
    ``numerator``: its numerator (``0`` is the certificate of a proof).
    """

    entry: tuple[int, ...]
    function: str
    variable: str
    mechanical: str
    substituted: str
    closed_form: str
    difference: str
    numerator: str
    verdict: Verdict


@dataclass(frozen=True)
class EntryCheck:
    """One entry (Jacobian entry ``(i, j)`` or gradient entry ``(i,)``) and its verdict."""

    index: tuple[int, ...]
    verdict: Verdict
    case: str = ""  # for proofs at every N: "i = j", "i ≠ j", "every i"


@dataclass(frozen=True)
class TheoremResult:
    """Every entry of one theorem at one ``n``.

    ``checks`` holds every entry when ``n`` is small (``complete`` is then True); for large ``n``
    it holds the entries that were not proved (up to a cap), and the counts say the rest.
    """

    theorem: str
    title: str
    statement: str
    closed_form: str
    hypotheses: tuple[str, ...]
    n: int  # 0: a proof for every N (see ``domain``)
    status: Status
    entries: int
    proved: int
    refuted: int
    unknown: int
    checks: tuple[EntryCheck, ...]
    complete: bool
    derivations: tuple[Derivation, ...]
    method: str
    seconds: float = field(default=0.0, compare=False)
    text: str = ""  # the claim as plain text, for terminals
    domain: str = ""  # what the verdict covers, e.g. "every N ≥ 1 and 1 ≤ i, j ≤ N"
    witness_error: float | None = None  # largest relative error of the numeric witness
    witness_checks: int = 0  # how many (entry, point) comparisons it made
    witness_n: int = 0  # at which N (at most 16)
    hypothesis_notes: tuple[str, ...] = ()  # "needs Σ_j y_j = 1", "one-hot is not needed"…

    @property
    def witness_agrees(self) -> bool | None:
        """None without a witness; False when a proof and the numbers disagree (a bug)."""
        if self.witness_error is None:
            return None
        return self.witness_error < WITNESS_TOLERANCE

    @property
    def counterexample(self) -> Counterexample | None:
        return first_counterexample(self.checks)


@dataclass(frozen=True)
class Run:
    """The results of one ``verify`` call (``n`` is ``"all"`` for the proofs at every N)."""

    n: int | str
    results: tuple[TheoremResult, ...]
    versions: tuple[tuple[str, str], ...]
    status: Status
    seconds: float = field(default=0.0, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return plain(self)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def _repr_html_(self) -> str:
        return _display(self, "html")

    def _repr_latex_(self) -> str:
        return _display(self, "latex")

    def _repr_markdown_(self) -> str:
        rows = ["| theorem | n | entries | verdict |", "|---|---|---|---|"]
        rows += [f"| {r.title} | {r.n} | {r.entries} | {r.status} |" for r in self.results]
        return "\n".join(rows)
