"""`symsoft check PATH...` on folders, notebooks and bad files (the real CLI in a subprocess
once, then ``main()`` in this process, tests/in_process.py); `--format github` lines parsed
back as the Actions runner parses them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from symsoft.render.formats import workflow_command
from tests.in_process import run_main
from tests.test_sources import BAD, GOOD, notebook

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "symsoft", "check", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=cwd, env=env)


def check(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_main("check", *args, cwd=cwd)


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("derivations")
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    (root / ".gitignore").write_text("out/\n")
    (root / "notes").mkdir()
    (root / "out").mkdir()
    (root / ".cache").mkdir()
    (root / "notes" / "good.md").write_text(GOOD)
    (root / "notes" / "bad.tex").write_text(BAD.replace("$$\n", "\\[\n", 1).replace("$$", "\\]"))
    (root / "notes" / "lesson.ipynb").write_text(notebook(("md", "# Lesson"), ("md", BAD)))
    (root / "notes" / "broken.ipynb").write_text("not json at all")
    (root / "notes" / "image.md").write_bytes(b"\0\1\2\3")
    (root / "out" / "copy.md").write_text(BAD)
    (root / ".cache" / "copy.md").write_text(BAD)
    os.symlink("..", root / "notes" / "parent")
    return root


def parse_workflow_command(line: str) -> tuple[str, dict[str, str], str]:
    """The runner's reading of ``::level key=value,…::message`` (unescaping included)."""
    match = re.fullmatch(r"::(\w+)(?: ([^:]*))?::(.*)", line)
    assert match, line

    def unescape(text: str) -> str:
        for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
            text = text.replace(code, char)
        return text

    properties = {}
    for item in filter(None, (match.group(2) or "").split(",")):
        key, _, value = item.partition("=")
        properties[key] = unescape(value)
    return match.group(1), properties, unescape(match.group(3))


def test_a_folder_gives_a_line_per_step_a_summary_per_file_and_a_total(folder):
    done = run("notes", "out/copy.md", cwd=folder)
    assert done.returncode == 2, done.stderr  # a file could not be read
    assert "Traceback" not in done.stderr
    errors = sorted(line for line in done.stderr.splitlines())
    assert errors == [
        "error: cannot read 'notes/image.md': a binary file, not text",
        "error: cannot read 'notes/parent': symlink loop: it leads back to a folder above it; "
        "not followed",
        "error: cannot read notebook 'notes/broken.ipynb': not valid JSON",
    ]
    out = done.stdout.splitlines()
    assert "notes/good.md: 1 step: 1 hold, 0 fail" in out
    assert "notes/bad.tex: 1 step: 0 hold, 1 hold only when i = j, 0 fail" in out
    assert any(line.startswith("notes/lesson.ipynb:cell 2:line 4: step 1 ") for line in out)
    assert any(line.startswith("out/copy.md:4: step 1 of display 1 holds only") for line in out)
    assert out[-1] == (
        "total: 4 files: 4 steps: 1 hold, 3 hold only when i = j, 0 fail; 3 could not be read"
    )
    assert ".cache" not in done.stdout


def test_exit_1_when_a_step_is_flagged_and_every_file_could_be_read(folder):
    done = check("notes/good.md", "notes/lesson.ipynb", cwd=folder)
    assert done.returncode == 1 and not done.stderr
    done = check("notes/good.md", "notes/good.md", cwd=folder)
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1] == "total: 1 file: 1 step: 1 hold, 0 fail"


def test_one_file_prints_as_before(folder):
    done = check("notes/good.md", cwd=folder)
    assert done.stdout.splitlines() == [
        "notes/good.md:4: step 1 of display 1 holds",
        "1 step: 1 hold, 0 fail",
    ]
    done = check("notes/lesson.ipynb", "--json", cwd=folder)
    data = json.loads(done.stdout)
    assert data["source"] == "notes/lesson.ipynb" and data["exit_code"] == 1
    assert (data["steps"][0]["cell"], data["steps"][0]["cell_line"]) == (2, 4)
    done = check("notes/broken.ipynb", cwd=folder)
    assert done.returncode == 2 and done.stderr.startswith("error: cannot read notebook")


def test_format_json_for_several_files(folder):
    done = check(
        "notes/good.md", "notes/lesson.ipynb", "notes/image.md", "--format", "json", cwd=folder
    )
    data = json.loads(done.stdout)
    assert data["exit_code"] == done.returncode == 2
    sources = [d["source"] for d in data["documents"]]
    assert sources == ["notes/good.md", "notes/lesson.ipynb", "notes/image.md"]
    assert data["documents"][2]["error"].endswith("a binary file, not text")
    assert data["documents"][1]["steps"][0]["flagged"] is True
    assert check("notes/good.md", "--json", "--format", "github", cwd=folder).returncode == 2


def test_format_github_lines_parse_back_to_the_flagged_steps(folder):
    done = check("notes", "--format", "github", cwd=folder)
    commands = [
        parse_workflow_command(line) for line in done.stdout.splitlines() if line[:2] == "::"
    ]
    errors = {props["file"]: (props, message) for level, props, message in commands}
    assert all(level == "error" for level, _, _ in commands)
    props, message = errors["notes/bad.tex"]
    raw = (folder / "notes" / "bad.tex").read_text().splitlines()
    assert raw[int(props["line"]) - 1][int(props["col"]) - 1] == "="
    assert message.startswith("step 1 of display 1 holds only when i = j")
    assert props["title"] == "symsoft: step 1 of display 1"
    props, message = errors["notes/lesson.ipynb"]
    raw = (folder / "notes" / "lesson.ipynb").read_text().splitlines()
    assert "S_i(1 - S_j)" in raw[int(props["line"]) - 1] and "col" not in props
    assert message.startswith("cell 2:line 4: step 1 of display 1 holds only")
    assert (
        errors["notes/broken.ipynb"][1]
        == "cannot read notebook 'notes/broken.ipynb': not valid JSON"
    )
    assert "notes/good.md" not in errors
    assert done.stdout.splitlines()[-1].startswith("total: 3 files:")


@pytest.mark.parametrize(
    ("message", "file"),
    [("50% of a, b: c\nnext", "dir,x/a:b.md"), ("plain", "a.md"), ("", "%0A.md")],
)
def test_workflow_commands_escape_what_the_runner_unescapes(message, file):
    level, props, text = parse_workflow_command(workflow_command("error", message, file, 3, 4))
    assert (level, props, text) == ("error", {"file": file, "line": "3", "col": "4"}, message)
    assert "\n" not in workflow_command("warning", message)


def test_an_empty_folder_is_a_warning(tmp_path):
    done = check(str(tmp_path))
    assert done.returncode == 0 and done.stderr.startswith("warning: no documents")
