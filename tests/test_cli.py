"""The real command line: the README's command, the help, the console script and the process's
own exit run in a subprocess as a user runs them; what ``verify`` answers to its options is asked
of main() in-process (tests/in_process.py: the same exit code and lines, without starting Python
and SymPy again)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from symsoft.cli import main
from tests.in_process import run_main
from tests.processes import CEILING, children, wait_until


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "symsoft", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_verify_prints_a_table_and_a_summary():
    result = run("verify", "--n", "4")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[:2] == ["theorem", "closed"]
    for name in (
        "softmax-jacobian-diagonal",
        "softmax-jacobian-offdiagonal",
        "cross-entropy-gradient",
        "cross-entropy-gradient-normalized",
    ):
        assert any(line.startswith(name + " ") and "proved" in line for line in lines)
    from symsoft.catalogue.theorems import CATALOGUE

    entries = sum(t.count(4) for t in CATALOGUE)
    assert lines[-1].startswith(f"N = 4: {len(CATALOGUE)} theorems, all {entries} entries proved")
    assert result.stderr == ""


def test_verify_json_has_the_documented_schema():
    result = run_main("verify", "--n", "3", "--json")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data["n"] == 3 and data["status"] == "proved"
    for theorem in data["results"]:
        assert {
            "theorem",
            "n",
            "status",
            "entries",
            "proved",
            "refuted",
            "unknown",
            "checks",
        } <= set(theorem)
        assert theorem["proved"] == theorem["entries"]
    versions = dict(data["versions"])
    assert "sympy" in versions and "symsoft" in versions


def test_theorem_selection():
    result = run_main("verify", "--n", "2", "--theorem", "cross-entropy-gradient", "--json")
    data = json.loads(result.stdout)
    assert [r["theorem"] for r in data["results"]] == ["cross-entropy-gradient"]


@pytest.mark.slow  # the reference path of the whole catalogue; test_verifier runs it in-process
def test_sympy_method_gives_the_same_verdicts():
    ring = json.loads(run_main("verify", "--n", "3", "--json").stdout)
    reference = json.loads(run_main("verify", "--n", "3", "--json", "--method", "sympy").stdout)
    assert [r["status"] for r in ring["results"]] == [r["status"] for r in reference["results"]]


def test_refuted_run_exits_1(capsys, monkeypatch):
    """A wrong catalogue entry makes the CLI report it and exit 1 (twin of the proved run)."""
    from symsoft.catalogue import notation as nt
    from symsoft.catalogue import theorems

    wrong = theorems.find("softmax-jacobian-offdiagonal").with_closed_form(
        nt.S[nt.i] * nt.S[nt.j], name="softmax-jacobian-offdiagonal"
    )
    monkeypatch.setattr(theorems, "CATALOGUE", (wrong,))
    assert main(["verify", "--n", "3"]) == 1
    out = capsys.readouterr().out
    assert "refuted" in out and "entry (1,2)" in out and "left side" in out
    assert main(["verify", "--n", "3", "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    check = data["results"][0]["checks"][0]
    assert check["verdict"]["status"] == "refuted"
    assert check["verdict"]["counterexample"]["point"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["verify", "--n", "0"], "N must be a positive integer, got '0'"),
        (["verify", "--n", "-3"], "N must be a positive integer, got '-3'"),
        (["verify", "--n", "abc"], "N must be a positive integer, got 'abc'"),
        (["verify", "--n", "2.5"], "N must be a positive integer, got '2.5'"),
        (["verify"], "the following arguments are required: --n"),
        (["verify", "--n", "4", "--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["verify", "--n", "100000"], "above the supported maximum"),
        (["verify", "--n", "3", "--theorem", "nope"], "unknown theorem 'nope'"),
        (["verify", "--n", "3", "--method", "magic"], "invalid choice: 'magic'"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, message):
    result = run_main(*args)  # the answer to an input, so in-process (tests/in_process.py)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and message in lines[0]
    assert "Traceback" not in result.stderr


def test_hypotheses_are_said_needed_or_not():
    result = run_main("verify", "--n", "3", "--theorem", "cross-entropy-gradient-normalized")
    assert "needs sum_j y_j = 1 (without it the claim fails at N = 3)" in result.stdout
    assert "y is one-hot is not needed: sum_j y_j = 1 suffices" in result.stdout


def test_numeric_witness_column():
    result = run_main("verify", "--n", "3", "--theorem", "softmax-vjp")
    header, _, row = result.stdout.splitlines()[:3]
    assert header.split()[-1] == "witness"
    assert float(row.split()[-1]) < 1e-20
    quiet = run_main("verify", "--n", "3", "--theorem", "softmax-vjp", "--no-witness")
    assert "witness" not in quiet.stdout


def test_n_1_is_legal():
    result = run_main("verify", "--n", "1")
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1].startswith("N = 1: ")
    assert "entries proved" in result.stdout.splitlines()[-1]


def test_list_names_every_theorem():
    result = run("list")
    assert result.returncode == 0
    assert "cross-entropy-gradient-normalized" in result.stdout
    assert "sum_j y_j = 1" in result.stdout


def test_help_shows_an_example():
    result = run("verify", "--help")
    assert result.returncode == 0
    assert "python -m symsoft verify --n 4" in result.stdout and "example" in result.stdout


@pytest.mark.parametrize("command", ["verify", "report", "claim", "check", "list"])
def test_every_command_has_help_with_an_example(command):
    result = run(command, "--help")
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith(f"usage: symsoft {command} ")
    assert "example" in result.stdout and f"python -m symsoft {command}" in result.stdout


def test_no_command_is_a_usage_error_that_shows_the_commands(capsys):
    assert main([]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("usage: symsoft ")
    assert all(command in err for command in ("verify", "report", "claim", "check", "list"))


def test_each_command_runs_its_own_function(capsys):
    assert main(["list"]) == 0
    listed = capsys.readouterr().out
    assert listed.startswith("softmax-jacobian-diagonal\n    D_i S_i = S_i(1 - S_i)\n")
    assert main(["check", "--json", "--format", "github", "x.md"]) == 2
    assert capsys.readouterr().err == "error: --json and --format github contradict each other\n"


def test_console_script_matches_module():
    script = shutil.which("symsoft")
    if script is None:
        pytest.skip("the console script is installed by 'pip install .'")
    result = subprocess.run([script, "verify", "--n", "2"], capture_output=True, text=True)
    assert result.returncode == 0 and "entries proved" in result.stdout


@pytest.mark.skipif(os.name != "posix", reason="SIGINT semantics")
def test_ctrl_c_exits_130_without_traceback():
    process = subprocess.Popen(
        [sys.executable, "-m", "symsoft", "verify", "--n", "4096"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # its workers started, however long starting Python and SymPy takes on a busy machine
    wait_until(lambda: children(process.pid) or process.poll() is not None)
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=CEILING)
    assert process.returncode == 130
    assert "Traceback" not in err and "interrupted" in err


def test_verify_all_sizes_at_once():
    result = run_main("verify", "--n", "all", "--theorem", "softmax-jacobian-offdiagonal")
    assert result.returncode == 0, result.stderr
    assert "every N ≥ 2 and 1 ≤ i, j ≤ N with i ≠ j" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("every N: 1 theorems, all 1 cases proved")


def test_regression_sizes_flags():
    result = run_main(
        "verify",
        "--n",
        "2",
        "--theorem",
        "softmax-regression-gradient",
        "--samples",
        "1",
        "--features",
        "3",
        "--classes",
        "4",
        "--json",
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["results"][0]["entries"] == 12
    bad = run_main("verify", "--n", "2", "--classes", "99")
    assert bad.returncode == 2 and "expected an integer from 1 to 16, got '99'" in bad.stderr


# ------------------------------------------------------------------ the process's own exit


def test_a_process_freezes_what_is_left_and_keeps_its_output_and_exit_code():
    # python -m symsoft runs console(): the output and the exit code are main()'s, and the
    # objects left are frozen so that the interpreter's exit does not search them for cycles
    probe = (
        "import gc, runpy, sys\n"
        "sys.argv = ['symsoft', 'claim', r'\\frac{\\partial S_i}{\\partial a_j} = S_i S_j']\n"
        "try:\n"
        "    runpy.run_module('symsoft', run_name='__main__')\n"
        "except SystemExit as exc:\n"
        "    print('exit', exc.code, 'frozen', gc.get_freeze_count() > 0, gc.get_threshold()[0])\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    last = result.stdout.splitlines()[-1]
    # and its collector looks at the young objects every 10,000 allocations, not every 700
    assert last == "exit 1 frozen True 10000", result.stdout + result.stderr
    assert "fails" in result.stdout


def test_main_in_process_leaves_the_collector_as_it_was():
    # the twin: a caller in this process (the tests, the notebook) keeps collecting cycles
    import gc

    from symsoft.cli import main

    before, threshold = gc.get_freeze_count(), gc.get_threshold()
    assert main(["claim", r"\frac{\partial S_i}{\partial a_j} = S_i(\delta_{ij} - S_j)"]) == 0
    assert (gc.get_freeze_count(), gc.get_threshold()) == (before, threshold)


def test_the_console_script_is_the_freezing_entry_point():
    import tomllib
    from pathlib import Path

    from symsoft import cli

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    scripts = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"symsoft": "symsoft.cli:console"}
    assert callable(cli.console)
