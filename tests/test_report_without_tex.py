"""`symsoft report` on a machine without TeX: the default writes tex and html and says how to
get the PDF; an explicit `--format pdf` stays an error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def report(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    empty = tmp_path / "bin"
    empty.mkdir(exist_ok=True)  # a PATH with no latexmk and no pdflatex
    env = {**os.environ, "PATH": str(empty), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "symsoft", "report", "--n", "2", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, env=env)


def test_the_default_writes_what_the_machine_can_make(tmp_path):
    out = tmp_path / "out"
    done = report(tmp_path, "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["softmax-n2.html", "softmax-n2.tex"]
    assert done.stdout.split() == [str(out / "softmax-n2.tex"), str(out / "softmax-n2.html")]
    assert "the PDF needs a TeX engine" in done.stderr and "apt-get install latexmk" in done.stderr


def test_asking_for_a_pdf_without_tex_is_an_error(tmp_path):
    out = tmp_path / "out"
    done = report(tmp_path, "--output", str(out), "--format", "pdf")
    assert done.returncode == 2 and done.stderr.startswith("error: cannot build the PDF")
    assert "Traceback" not in done.stderr and not out.exists()
