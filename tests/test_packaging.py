"""The wheel ships the templates and renders reports from a fresh virtualenv (slow)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from report_runs import REPO

from symsoft.render.report import render
from symsoft.results import (
    Run,
)


@pytest.fixture(scope="module")
def report_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built by hatchling from a copy of this checkout."""
    import importlib.util

    base = tmp_path_factory.mktemp("wheel")
    source = base / "src"
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(
            ".git", "test-artifacts", "__pycache__", "*.egg-info", ".*_cache", "build", "dist"
        ),
    )
    if not (source / "README.md").exists():  # pyproject names it; a bare checkout may lack it
        (source / "README.md").write_text("# symsoft\n", encoding="utf-8")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(base / "dist")]
    if importlib.util.find_spec("hatchling") is not None:
        command.append("--no-build-isolation")
    built = subprocess.run([*command, str(source)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    (wheel,) = (base / "dist").glob("symsoft-*.whl")
    return wheel


@pytest.mark.slow  # pip builds the wheel
def test_slow_wheel_ships_the_templates(report_wheel: Path) -> None:
    names = set(zipfile.ZipFile(report_wheel).namelist())
    templates = sorted(p.name for p in (REPO / "templates").iterdir() if p.is_file())
    assert {"report.tex.j2", "report.html.j2", "_style.css.j2"} <= set(templates)
    assert {f"symsoft/templates/{name}" for name in templates} <= names
    assert "symsoft/render/report.py" in names and "symsoft/py.typed" in names


@pytest.mark.slow  # pip builds the wheel
def test_slow_wheel_renders_from_a_fresh_venv(
    tmp_path: Path, report_wheel: Path, report_refuted_run: Run
) -> None:
    import pickle
    import venv

    home = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(home)
    python = home / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps"]
        + ["--no-index", str(report_wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (tmp_path / "run.pickle").write_bytes(pickle.dumps(report_refuted_run))
    script = (
        "import pickle, sys\n"
        "import symsoft.render.report as r\n"
        "from symsoft.render.environment import template_root\n"
        "run = pickle.load(open('run.pickle', 'rb'))\n"
        "paths = r.write_report(run, 'out', formats=('tex', 'html'))\n"
        "print(r.__file__)\n"
        "print(template_root())\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    out = subprocess.run(
        [str(python), "-I", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    module, templates = out.stdout.split()
    assert Path(module).is_relative_to(home) and Path(templates).is_relative_to(home)
    assert Path(templates).parts[-2:] == ("symsoft", "templates")
    # Byte for byte what the checkout renders: the installed templates are the same templates.
    for fmt in ("tex", "html"):
        written = (tmp_path / "out" / f"softmax-n4.{fmt}").read_text(encoding="utf-8")
        assert written == render(report_refuted_run, fmt)  # type: ignore[arg-type]
