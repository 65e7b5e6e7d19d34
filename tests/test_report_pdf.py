"""The PDF report, built by TeX (slow)."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
import sympy
from report_runs import needs_tex, real_run

import symsoft
from symsoft.render import report
from symsoft.render.report import ReportError, render, write_report
from symsoft.results import (
    Run,
)


def _pdftotext(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext not on PATH: apt-get install poppler-utils")
    out = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return out.stdout


@needs_tex
def test_slow_pdf_of_the_proved_run(tmp_path: Path, report_proved_run: Run) -> None:
    (pdf,) = write_report(report_proved_run, tmp_path, formats=("pdf",))
    assert pdf == tmp_path / "softmax-n4.pdf" and pdf.read_bytes().startswith(b"%PDF-")
    text = _pdftotext(pdf)
    for result in report_proved_run.results:
        assert result.title in text
    assert "Theorem 4. For N = 4, assuming" in text
    assert text.count("PROVED") >= 4 + 4 + 12 + 4 + 4
    assert "REFUTED" not in text and "Counterexample" not in text
    assert "All 4 theorems hold for N = 4, every entry proved." in text
    assert f"Produced by symsoft {symsoft.__version__}, sympy {sympy.__version__}." in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["softmax-n4.pdf"]


@needs_tex
def test_slow_pdf_of_the_refuted_run(tmp_path: Path, report_refuted_run: Run) -> None:
    (pdf,) = write_report(report_refuted_run, tmp_path, formats=("pdf",), stem="refuted")
    text = _pdftotext(pdf)
    assert "Counterexample at entry 1." in text
    assert "Theorem 5 is false: at entry 1 the left side is" in text
    assert "left side, the mechanical derivative:" in text and "≈ −0.2" in text
    assert "right side, the claimed closed form:" in text and "≈ −0.6" in text
    assert "REFUTED" in text
    assert "4 of 4 entries refuted, so Theorem 5 is false for N = 4." in text
    assert "Not proved: of 5 theorems for N = 4, 4 proved, 1 refuted." in text


@needs_tex
@pytest.mark.parametrize("n", [4, "all"])
def test_slow_pdf_of_the_real_catalogue(n: int | str, tmp_path: Path) -> None:
    run = real_run(n)
    (pdf,) = write_report(run, tmp_path, formats=("pdf",))
    text = " ".join(_pdftotext(pdf).split())
    for result in run.results:
        assert " ".join(result.title.split()) in text
    assert (
        "Counterexample at entry" in text
        or "Counterexample in case" in text
        and "Theorem 16 is false" in text
    )
    assert f"Not proved: of 16 theorems for {'N = 4' if n == 4 else 'every N'}, 15 proved" in text


@needs_tex
def test_slow_pdf_of_the_large_run_has_an_appendix(tmp_path: Path, report_large_run: Run) -> None:
    (pdf,) = write_report(report_large_run, tmp_path, formats=("pdf",))
    text = _pdftotext(pdf)
    assert "Entries not proved: Softmax Jacobian, off-diagonal entries" in text
    assert "UNKNOWN" in text and "(17, 42)" in text


@needs_tex
def test_slow_pdf_is_reproducible_and_survives_hostile_text(
    tmp_path: Path, report_refuted_run: Run
) -> None:
    hostile = dataclasses.replace(
        report_refuted_run.results[0],
        title=r"100% of {all} \entries & $money$ #1 _x ^y ~z <a> |b| Σ ≈ ☃",
        method="reason with \\ backslash and % percent",
    )
    run = dataclasses.replace(report_refuted_run, results=(hostile, *report_refuted_run.results))
    (first,) = write_report(run, tmp_path / "a", formats=("pdf",))
    (second,) = write_report(run, tmp_path / "b", formats=("pdf",))
    assert first.read_bytes() == second.read_bytes()
    assert r"100% of {all} \entries & $money$ #1 _x ^y ~z <a> |b|" in _pdftotext(first)


@needs_tex
def test_slow_latex_failure_is_one_line_and_writes_nothing(
    tmp_path: Path, report_proved_run: Run
) -> None:
    broken = dataclasses.replace(report_proved_run.results[0], statement=r"\undefinedmacro x")
    run = dataclasses.replace(report_proved_run, results=(broken,))
    with pytest.raises(ReportError, match=r"^LaTeX failed: .*Undefined control sequence\.$"):
        write_report(run, tmp_path, formats=("tex", "pdf", "html"))
    assert not list(tmp_path.iterdir())


@needs_tex
def test_slow_tex_cannot_read_outside_its_folder(tmp_path: Path, report_proved_run: Run) -> None:
    secret = tmp_path / "secret.tex"
    secret.write_text("TOPSECRET", encoding="utf-8")
    sneaky = dataclasses.replace(report_proved_run.results[0], statement=rf"\input{{{secret}}}")
    with pytest.raises(ReportError, match="not found"):
        report.build_pdf(render(dataclasses.replace(report_proved_run, results=(sneaky,)), "tex"))
