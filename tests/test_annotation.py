"""The annotated report of `symsoft check --report`: every step, ✓ / ✗, counterexamples."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from symsoft.reading.document import check_document
from symsoft.render.annotation import render_document, write_document_report

DATA = Path(__file__).parent / "data" / "documents"


@pytest.fixture(scope="module")
def mistakes():
    return check_document(DATA / "mistakes.md")


def test_html_marks_every_step_and_shows_counterexamples(mistakes):
    page = render_document(mistakes, "html")
    assert page.startswith("<!DOCTYPE html>") and "<script" not in page
    assert page.count('<li class="refuted">') == len(mistakes.flagged)
    held = [s for s in mistakes.steps if s.status == "holds" and not s.flagged]
    assert page.count('<li class="proved">') >= len(held) > 0
    assert "Counterexample:" in page and "N = 2, i = 1, j = 2" in page
    assert "<math" in page


def test_correct_document_has_nothing_flagged():
    result = check_document(DATA / "softmax_jacobian.md")
    page = render_document(result, "html")
    assert 'class="refuted"' not in page.replace('class="badge refuted"', "")
    assert "no step flagged" in page


def test_reports_are_deterministic(mistakes):
    assert render_document(mistakes, "html") == render_document(mistakes, "html")
    assert render_document(mistakes, "tex") == render_document(mistakes, "tex")


def test_unread_user_text_is_escaped_in_latex():
    result = check_document("$$\n\\input{/etc/passwd} = S_i\n$$\n")
    tex = render_document(result, "tex")
    assert "\\input{/etc/passwd}" not in tex


def test_write_to_a_file_or_a_folder(tmp_path, mistakes):
    assert write_document_report(mistakes, tmp_path / "out" / "check.html") == [
        tmp_path / "out" / "check.html"
    ]
    written = write_document_report(mistakes, tmp_path / "folder")
    assert [p.name for p in written] == ["mistakes-check.html", "mistakes-check.tex"]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("latexmk") is None, reason="needs latexmk (CI installs it)")
def test_slow_pdf_compiles(tmp_path, mistakes):
    (path,) = write_document_report(mistakes, tmp_path / "check.pdf")
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "fails" in text and "Counterexample" in text


def test_cli_check_report(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "symsoft",
            "check",
            str(DATA / "mistakes.md"),
            "--report",
            str(tmp_path / "check.html"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert (tmp_path / "check.html").is_file() and "wrote" in result.stderr


def test_documents_of_one_name_get_reports_of_their_own(tmp_path):
    # a.md and a.ipynb (and x/a.md beside y/a.md) in one folder: each report was
    # 'a-check.html', the later overwrote the earlier and the first document's report was lost
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    right = "Let $S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}$.\n\n"
    right += "$$\\frac{\\partial S_i}{\\partial a_j} = S_i(\\delta_{ij} - S_j)$$\n"
    (tmp_path / "x" / "a.md").write_text(right)
    (tmp_path / "y" / "a.md").write_text(right.replace("- S_j", "+ S_j"))
    (tmp_path / "y" / "b.md").write_text(right)
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "symsoft", "check", str(tmp_path / "x"), str(tmp_path / "y")]
        + ["--report", str(out)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "b-check.html",
        "b-check.tex",
        "x-a.md-check.html",
        "x-a.md-check.tex",
        "y-a.md-check.html",
        "y-a.md-check.tex",
    ]
    assert "no step flagged" in (out / "x-a.md-check.html").read_text()
    assert 'badge refuted">flagged' in (out / "y-a.md-check.html").read_text()


def test_report_stems_are_distinct():
    from symsoft.render.annotation import report_stems

    assert report_stems(["a.md", "a.ipynb", "b/c.md"]) == ["a.md-check", "a.ipynb-check", "c-check"]
    assert report_stems(["a.md", "b/a.md"]) == ["a.md-check", "b-a.md-check"]
    assert report_stems(["a.md", "a.md"]) == ["a.md-check", "a.md-2-check"]
