"""The annotated report of a checked document: every step with ✓ / ✗ and its counterexample,
as one self-contained HTML page or a LaTeX document, through the templates of the reports."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from symsoft import __version__
from symsoft.errors import InputError
from symsoft.render.environment import html_environment, latex_environment
from symsoft.render.files import build_pdf, write_files
from symsoft.render.report import _formats
from symsoft.results import Status, StepStatus

if TYPE_CHECKING:  # a printer receives the results; it does not import the reader
    from symsoft.reading.judge.outcome import DocumentResult, StepResult

MARKS: dict[StepStatus, Status] = {
    "holds": "proved",
    "definition": "proved",
    "hypothesis": "proved",
}
"""The badge of a step that is not flagged (any other status: unknown; flagged: refuted)."""


@dataclass(frozen=True)
class StepView:
    where: str  # "line 12, display 3, step 2"
    formula: str  # "lhs = rhs" in LaTeX, when both sides were read
    source: str  # the same as written, for a step that was not read
    verdict: str  # proved / refuted / unknown: the badge
    summary: str
    counterexample: str | None
    cases: tuple[tuple[str, str, str], ...]  # (case, status, reason)


@dataclass(frozen=True)
class DocumentView:
    title: str
    summary: str
    status: str
    steps: tuple[StepView, ...]
    meanings: tuple[tuple[str, str], ...]
    versions: str


def _verdict(step: StepResult) -> str:
    if step.flagged:
        return "refuted"
    return MARKS.get(step.status, "unknown")


def _step(step: StepResult) -> StepView:
    read = step.status not in ("not checked",)
    counterexample = None
    for case in step.cases:
        if case.verdict.counterexample is not None:
            described = case.verdict.counterexample.describe()
            if step.numbers_only and not case.verdict.counterexample.point:
                counterexample = described.removeprefix("at every point: ")
            else:
                counterexample = f"{case.where}: {described}"
            break
    return StepView(
        where=f"line {step.line}, display {step.display}, step {step.step}",
        formula=f"{step.lhs} {step.relation} {step.rhs}" if read else "",
        source=f"{step.lhs} {step.relation} {step.rhs}",
        verdict=_verdict(step),
        summary=step.summary,
        counterexample=counterexample,
        cases=tuple((c.case, c.verdict.status, c.verdict.reason) for c in step.cases),
    )


def _view(result: DocumentResult) -> DocumentView:
    return DocumentView(
        title=f"Derivation check: {Path(result.source).name or 'text'}",
        summary=result.summary,
        status="refuted" if result.flagged else "proved",
        steps=tuple(_step(step) for step in result.steps),
        meanings=result.meanings,
        versions=f"symsoft {__version__}",
    )


def render_document(result: DocumentResult, fmt: Literal["tex", "html"]) -> str:
    """The annotated report of a checked document, as LaTeX (``"tex"``) or HTML."""
    if fmt == "html":
        template = html_environment().get_template("document.html.j2")
    elif fmt == "tex":
        template = latex_environment().get_template("document.tex.j2")
    else:
        raise InputError(f"unknown report format {fmt!r}: choose 'tex' or 'html'")
    return template.render(document=_view(result))


def report_stems(sources: list[str]) -> list[str]:
    """The name of each document's report in one folder, ``NAME-check``, distinct for every
    document: two documents of one name (``a.md`` and ``a.ipynb``, ``x/a.md`` and ``y/a.md``)
    are named by their suffix, then by their path, so that no report overwrites another.

    >>> report_stems(["notes/a.md", "notes/a.ipynb", "b.md"])
    ['a.md-check', 'a.ipynb-check', 'b-check']
    """
    paths = [Path(source) for source in sources]
    stems = [path.stem or "document" for path in paths]
    clashing = {stem for stem in stems if stems.count(stem) > 1}
    stems = [p.name if s in clashing else s for p, s in zip(paths, stems, strict=True)]
    for stem in {stem for stem in stems if stems.count(stem) > 1}:
        group = [k for k, s in enumerate(stems) if s == stem]
        try:
            common = Path(os.path.commonpath([paths[k].parent for k in group]))
            parts = [paths[k].relative_to(common).parts for k in group]
        except ValueError:  # an absolute path beside a relative one
            parts = [paths[k].parts for k in group]
        for k, spelled in zip(group, parts, strict=True):
            stems[k] = "-".join(part for part in spelled if part not in (os.sep, "..", "."))
    seen: dict[str, int] = {}
    named = []
    for stem in stems:
        seen[stem] = seen.get(stem, 0) + 1
        named.append(f"{stem}-check" if seen[stem] == 1 else f"{stem}-{seen[stem]}-check")
    return named


def write_document_report(
    result: DocumentResult,
    target: Path | str,
    formats: Iterable[str] | None = None,
    stem: str | None = None,
) -> list[Path]:
    """Write the annotated report.  ``target`` is a file (its suffix gives the format:
    ``out/check.html``) or a folder (``formats`` there, default html and tex, named ``stem``,
    by default after the document: ``NAME-check``).  Atomic like every report: nothing
    half-written, nothing clobbered on failure."""
    target = Path(target)
    if target.suffix in (".html", ".tex", ".pdf") and formats is None:
        chosen, folder, stem = (target.suffix[1:],), target.parent, target.stem
    else:
        chosen = _formats(formats or ("html", "tex"))
        folder = target
        stem = stem or f"{Path(result.source).stem or 'document'}-check"
    contents = {}
    for fmt in chosen:
        if fmt == "pdf":
            contents[fmt] = build_pdf(render_document(result, "tex"))
        else:
            contents[fmt] = render_document(result, fmt).encode("utf-8")  # type: ignore[arg-type]
    return write_files(Path(folder), stem, contents)
