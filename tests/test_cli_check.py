"""`symsoft check`: the real CLI in a subprocess once, reading a test document; what it answers
to other documents and options asked of ``main()`` in this process (tests/in_process.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.in_process import run_main

DOCUMENTS = Path(__file__).parent / "data" / "documents"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "symsoft", "check", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def check(*args: str) -> subprocess.CompletedProcess[str]:
    return run_main("check", *args)


def test_a_correct_document_exits_0():
    done = run(str(DOCUMENTS / "softmax_jacobian.md"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "15 steps: 14 hold, 0 fail, 1 definition"


def test_a_wrong_step_exits_1_with_a_compiler_style_line():
    path = DOCUMENTS / "mistakes.md"
    done = check(str(path))
    assert done.returncode == 1
    # ("The quotient rule, with the wrong sign:" leads it: the line says the text agrees)
    assert f"{path}:11: step 2 of display 1 fails, as the text says (" in done.stdout


def test_json_and_n():
    done = check(str(DOCUMENTS / "cross_entropy.md"), "--n", "3", "--json")
    data = json.loads(done.stdout)
    assert data["exit_code"] == done.returncode == 0
    summaries = {step["summary"] for step in data["steps"]}
    assert summaries <= {
        "holds at N = 3",
        "holds at N = 3 given Σ_j y_j = 1",
        "definition of p_i",
        "definition of L",
    }


def test_bad_input_exits_2_without_a_traceback():
    for args in (["nowhere.md"], [str(DOCUMENTS / "mistakes.md"), "--n", "0"]):
        done = check(*args)
        assert done.returncode == 2 and done.stderr.startswith("error: ")
        assert "Traceback" not in done.stderr
    done = check(str(DOCUMENTS / "mistakes.md"), "--define", "S_i")
    assert done.returncode == 2 and "--define" in done.stderr


def test_a_bad_n_or_define_over_a_folder_is_one_error_before_any_document(tmp_path):
    step = "$$\\frac{\\partial S_i}{\\partial a_j} = S_i S_j$$\n"  # a sign slip
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(step, "utf-8")
    for option in (["--n", "100"], ["--define", "S_i = \\frac{"]):
        done = check(str(tmp_path), *option)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.count("error: ") == 1, done.stderr
    # the twin: good options check every document of the folder
    done = check(str(tmp_path), "--n", "3", "--define", "S_i = \\frac{e^{a_i}}{\\sum_k e^{a_k}}")
    assert done.returncode == 1 and done.stderr == ""
    assert done.stdout.count("step 1 of display 1 fails at N = 3") == 2, done.stdout
