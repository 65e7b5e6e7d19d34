"""The pre-commit hook, for real: the `pre-commit` package installs symsoft from a copy of
this repository (its `.pre-commit-hooks.yaml`) and runs it on a commit of a temporary
repository; the good document commits, the bad one is stopped with the failing step."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_sources import BAD, GOOD

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "symsoft", "templates")


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=900, env=ENV
    )


ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.invalid",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.invalid",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


@pytest.mark.slow
def test_pre_commit_runs_the_hook_on_the_changed_documents(tmp_path):
    pre_commit = shutil.which("pre-commit") or shutil.which(
        "pre-commit", path=str(Path(sys.executable).parent)
    )
    assert pre_commit, "pre-commit is in the test extra"
    hooks = tmp_path / "symsoft"
    hooks.mkdir()
    for name in SHIPPED:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(source, hooks / name, ignore=ignore)
        else:
            shutil.copy2(source, hooks / name)
    assert git(hooks, "init", "-q").returncode == 0
    git(hooks, "add", ".")
    assert git(hooks, "commit", "-qm", "symsoft").returncode == 0
    rev = git(hooks, "rev-parse", "HEAD").stdout.strip()

    project = tmp_path / "course"
    project.mkdir()
    git(project, "init", "-q")
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hooks}\n    rev: {rev}\n    hooks:\n      - id: symsoft\n"
    )
    env = {**ENV, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [pre_commit, "install"], cwd=project, capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stdout + done.stderr

    (project / "good.md").write_text(GOOD)
    (project / "script.py").write_text("x = '$$ S_i = 2 $$'\n")  # not a document: not checked
    git(project, "add", ".pre-commit-config.yaml", "good.md", "script.py")
    done = subprocess.run(
        ["git", "commit", "-m", "good"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "symsoft check" in done.stdout + done.stderr and "Passed" in done.stdout + done.stderr

    (project / "bad.md").write_text(BAD)
    git(project, "add", "bad.md")
    done = subprocess.run(
        ["git", "commit", "-m", "bad"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    output = done.stdout + done.stderr
    assert done.returncode != 0, output
    assert "Failed" in output
    assert "bad.md:4: step 1 of display 1 holds only when i = j (fails when i ≠ j)" in output
    assert "good.md" not in output.split("Failed", 1)[1]  # only the changed file is checked
    assert "bad" not in git(project, "log", "--format=%s").stdout.split()
