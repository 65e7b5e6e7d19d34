"""Proof reports: a :class:`~symsoft.results.Run` rendered as LaTeX, PDF or self-contained HTML.

The report reads as a proof: definitions and hypotheses, each theorem stated, the mechanical
derivation of representative entries, every entry with its verdict, counterexamples for anything
refuted, and a closing line.  Templates live in ``templates/`` (shipped in the wheel as
``symsoft/templates``); they only format the plain data prepared in :mod:`symsoft.render.view`.

Output is deterministic: the same ``Run`` gives byte-identical files (no dates, no timings).

This module renders and writes; the pieces live beside it: :mod:`~symsoft.render.latex`
(escaping, line breaking), :mod:`~symsoft.render.mathml`, :mod:`~symsoft.render.view`,
:mod:`~symsoft.render.environment` (the one Jinja environment), :mod:`~symsoft.render.fragments`
(notebook reprs) and :mod:`~symsoft.render.files` (atomic writes, PDF).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from symsoft.errors import InputError, ReportError
from symsoft.render.environment import html_environment, latex_environment
from symsoft.render.files import TEX_INSTALL_HINT, build_pdf, tex_engine, write_files
from symsoft.render.fragments import (
    run_html_fragment,
    run_latex_fragment,
    verdict_html_fragment,
    verdict_latex_fragment,
)
from symsoft.render.latex import break_lines, latex_escape
from symsoft.render.mathml import latex_to_mathml
from symsoft.render.view import DEFINITIONS, SYMBOLS, _view

if TYPE_CHECKING:
    from symsoft.results import Run

__all__ = [
    "DEFINITIONS",
    "FORMATS",
    "SYMBOLS",
    "TEX_INSTALL_HINT",
    "ReportError",
    "break_lines",
    "build_pdf",
    "latex_escape",
    "latex_to_mathml",
    "render",
    "run_html_fragment",
    "run_latex_fragment",
    "tex_engine",
    "verdict_html_fragment",
    "verdict_latex_fragment",
    "write_files",
    "write_report",
]

Format = Literal["tex", "pdf", "html"]
FORMATS: tuple[Format, ...] = ("tex", "pdf", "html")


def render(run: Run, fmt: Literal["tex", "html"]) -> str:
    """The report of ``run`` as a LaTeX document (``"tex"``) or one self-contained HTML page.

    >>> from symsoft.results import Run
    >>> run = Run(n=2, results=(), versions=(("symsoft", "0.1.0"),), status="proved")
    >>> render(run, "html").startswith("<!DOCTYPE html>")
    True
    """
    if fmt == "tex":
        return latex_environment().get_template("report.tex.j2").render(report=_view(run))
    if fmt == "html":
        return html_environment().get_template("report.html.j2").render(report=_view(run))
    raise InputError(f"unknown report format {fmt!r}: choose 'tex' or 'html'")


def _formats(formats: Iterable[str]) -> tuple[Format, ...]:
    if isinstance(formats, str):
        formats = (formats,)
    chosen: list[Format] = []
    for fmt in formats:
        if fmt not in FORMATS:
            raise InputError(f"unknown report format {fmt!r}: choose from {', '.join(FORMATS)}")
        if fmt not in chosen:
            chosen.append(fmt)  # type: ignore[arg-type]
    if not chosen:
        raise InputError("no report format chosen")
    return tuple(chosen)


def _stem(stem: str | None, run: Run) -> str:
    if stem is None:
        return f"softmax-n{run.n}" if isinstance(run.n, int) else f"softmax-{run.n}"
    if not stem or stem in {".", ".."} or "/" in stem or os.sep in stem or "\0" in stem:
        raise InputError(f"invalid report name {stem!r}: give a file name without a folder")
    return stem


def write_report(
    run: Run,
    directory: Path | str,
    formats: Iterable[str] = ("tex", "pdf", "html"),
    stem: str | None = None,
) -> list[Path]:
    """Write the report of ``run`` to ``directory/stem.{tex,pdf,html}``; return the paths.

    Every format is produced in memory first; only then is each file written to a temporary
    file beside its target and renamed over it, so a failure leaves earlier reports intact and
    no half-written file behind.  ``stem`` defaults to ``softmax-n{N}``.

    >>> import tempfile
    >>> from symsoft.results import Run
    >>> run = Run(n=3, results=(), versions=(), status="proved")
    >>> [p.name for p in write_report(run, tempfile.mkdtemp(), formats=("html", "tex"))]
    ['softmax-n3.html', 'softmax-n3.tex']
    """
    chosen = _formats(formats)
    name = _stem(stem, run)
    contents: dict[Format, bytes] = {}
    tex = render(run, "tex") if {"tex", "pdf"} & set(chosen) else ""
    for fmt in chosen:
        if fmt == "tex":
            contents[fmt] = tex.encode("utf-8")
        elif fmt == "pdf":
            contents[fmt] = build_pdf(tex)
        else:
            contents[fmt] = render(run, "html").encode("utf-8")
    return write_files(Path(directory), name, contents)
