"""The Jinja environment finds the templates; importing the report stays cheap; the doctests
of the render modules pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from report_runs import REPO

from symsoft.render import environment, report


def test_templates_load_from_the_checkout() -> None:
    root = environment.template_root()
    assert Path(str(root)) == REPO / "templates"
    assert {"report.tex.j2", "report.html.j2"} <= {p.name for p in root.iterdir()}


def test_import_is_cheap() -> None:
    code = (
        "import sys, symsoft.render.report\n"
        "heavy = [m for m in ('jinja2', 'sympy', 'latex2mathml', 'xml.etree.ElementTree')"
        " if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_doctests() -> None:
    import doctest

    from symsoft.render import files, fragments, latex, mathml

    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    modules = (report, latex, mathml, fragments, files)
    tests = [t for module in modules for t in finder.find(module) if t.examples]
    # build_pdf's example starts TeX: pytest's own doctest item runs it, marked slow (conftest)
    tests = [t for t in tests if not t.name.endswith("build_pdf")]
    assert len(tests) >= 8
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
