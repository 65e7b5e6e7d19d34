"""check_claim and `symsoft claim`: LaTeX claims proved or refuted per index case."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import symsoft
from symsoft.errors import InputError
from symsoft.reading.claim.claims import check_claim, check_claims_file
from symsoft.reading.grammar.forms import ClaimSyntaxError
from tests.in_process import run_main

TRUE = [
    (r"\frac{\partial S_i}{\partial a_j} = S_i(\delta_{ij} - S_j)", "holds for all i, j"),
    (r"D_j S_i = -S_i S_j \quad (i \neq j)", "holds when i ≠ j"),
    (
        r"D_jS_i = \begin{cases} S_i(1-S_j) & \text{if } i = j \\ -S_jS_i & \text{if } i \neq j"
        r" \end{cases}",
        "holds when i = j; holds when i ≠ j",
    ),
    (r"\frac{\partial p_k}{\partial o_m} = p_k(\delta_{km} - p_m)", "holds for all k, m"),
    (r"\dfrac{\partial \log S_i}{\partial a_j} = \delta_{ij} - S_j", "holds for all i, j"),
    (r"\frac{\partial}{\partial a_i} \log \sum_{k=1}^N e^{a_k} = S_i", "holds"),
    (r"\frac{\partial L}{\partial o_i} = p_{i}\left(\sum_{j}y_{j} \right) - y_{i}", "holds"),
    (r"\sigma'(z) = \sigma(z)(1-\sigma(z))", "holds"),
    (
        r"\frac{\partial S_i}{\partial a_j} = "
        r"\frac{x_i}{z}\left(\delta_{ij} - \frac{x_j}{z}\right)",
        "holds for all i, j",
    ),
]

WRONG = [
    (r"\frac{\partial S_i}{\partial a_j} = -S_i S_j", "holds only when i ≠ j"),
    (r"\frac{\partial S_i}{\partial a_j} = S_i(1 - S_j)", "holds only when i = j"),
    (r"\frac{\partial S_i}{\partial a_j} = S_j(1 - S_i)", "holds only when i = j"),
    (r"\frac{\partial S_i}{\partial a_j} = S_i(S_j - \delta_{ij})", "fails"),
    (
        r"D_jS_i = \begin{cases} S_i(1-S_j) & \text{if } i = j \\ S_jS_i & \text{if } i \neq j"
        r" \end{cases}",
        "holds when i = j; fails when i ≠ j",
    ),
    (
        r"\frac{\partial L}{\partial o_i} = p_i - y_i",
        "uses Σ_j y_j = 1, which the claim does not assume (--assume)",
    ),
    (r"\frac{\partial L}{\partial o_i} = y_i - p_i \sum_j y_j", "fails"),
    (r"\sigma'(z) = \sigma(z)(1+\sigma(z))", "fails"),
]


@pytest.mark.parametrize(("text", "summary"), TRUE)
def test_true_claims_hold(text, summary):
    result = check_claim(text)
    assert result.summary == summary
    assert result.status == "proved"


@pytest.mark.parametrize(("text", "summary"), WRONG)
def test_wrong_claims_fail_with_a_counterexample(text, summary):
    result = check_claim(text)
    assert result.summary == summary
    assert result.status == "refuted"
    assert result.counterexample is not None


@pytest.mark.parametrize("n", [2, 3, 5])
def test_fixed_n(n):
    assert check_claim(r"D_j S_i = -S_i S_j \quad (i \neq j)", n=n).checked == f"N = {n}"
    assert check_claim(r"D_j S_i = S_i S_j \quad (i \neq j)", n=n).status == "refuted"


def test_hypotheses_are_explicit():
    text = r"\frac{\partial L}{\partial o_i} = p_i - y_i"
    assert check_claim(text, assume=[r"\sum_j y_j = 1"]).summary == "holds"
    assert check_claim(text, assume=[r"\sum_{k=1}^{N} y_k = 1"]).summary == "holds"
    assert check_claim(text, n=3, assume=["one-hot"]).summary == "holds"
    wrong = r"\frac{\partial L}{\partial o_i} = y_i - p_i"
    assert check_claim(wrong, assume=[r"\sum_j y_j = 1"]).status == "refuted"
    assert check_claim(wrong, n=3, assume=["one-hot"]).status == "refuted"
    with pytest.raises(symsoft.SymsoftError, match="unsupported assumption"):
        check_claim(text, assume=[r"y_1 = 1"])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (r"\frac{\partial S_i}{\partial o_j} = S_i", "no theorem differentiates 'S' by 'o'"),
    ],
)
def test_claims_outside_the_catalogue_are_errors(text, message):
    with pytest.raises(symsoft.SymsoftError, match=message):
        check_claim(text)


def test_syntax_errors_point_at_the_column():
    with pytest.raises(ClaimSyntaxError) as info:
        check_claim(r"\frac{\partial S_i}{\partial a_j} = S_i(\delta_{ij} - S_j")
    assert info.value.column == 40 and "^" in info.value.context


def test_a_file_of_claims():
    text = "\n".join(
        [
            r"\frac{\partial S_i}{\partial a_j} = -S_i S_j",
            "",
            r"D_j S_i = S_i(\delta_{ij} - S_j)",
        ]
    )
    results = check_claims_file(text)
    assert [(r.line, r.status) for r in results] == [(1, "refuted"), (3, "proved")]


def run(*args):
    """The real command line in a subprocess (the end-to-end test below, once: its other
    answers are asked in-process)."""
    return subprocess.run(
        [sys.executable, "-m", "symsoft", "claim", *args], capture_output=True, text=True
    )


def claim_main(*args):
    """``symsoft claim ARGS`` answered in this process (tests/in_process.py)."""
    return run_main("claim", *args)


def test_cli_claim_exit_codes_and_output():
    ok = run(r"\frac{\partial S_i}{\partial a_j} = S_i(\delta_{ij} - S_j)")
    assert ok.returncode == 0 and ok.stdout.startswith("holds for all i, j")
    bad = claim_main(r"\frac{\partial S_i}{\partial a_j} = -S_i S_j", "--n", "4")
    assert bad.returncode == 1 and "holds only when i ≠ j" in bad.stdout
    assert "left side" in bad.stdout
    data = json.loads(claim_main(r"D_j S_i = -S_i S_j \quad (i \neq j)", "--json").stdout)
    assert data[0]["status"] == "proved" and data[0]["cases"][0]["case"] == "i ≠ j"


@pytest.mark.parametrize(
    "text",
    ["__import__('os').system('true')", "\\frac{" * 500, "x" * 100_000, "S_i\x07 = 1", "\\foo"],
)
def test_cli_hostile_input_is_a_clean_error(text):
    result = claim_main(text)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and "Traceback" not in result.stderr


def test_cli_claim_file(tmp_path):
    path = tmp_path / "claims.tex"
    path.write_text("D_j S_i = S_i(\\delta_{ij} - S_j)\n", encoding="utf-8")
    result = claim_main("--file", str(path))
    assert result.returncode == 0 and f"{path}:1: holds for all i, j" in result.stdout
    missing = claim_main("--file", str(tmp_path / "nope.tex"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr


# ---------------------------------------------------------------- what documents read, claims read

READ_AS_A_STEP = [  # (claim, holds): each true claim has a wrong twin
    (r"\sigma'(x) = \sigma(x)\sigma(-x)", True),
    (r"\sigma'(x) = \sigma(x)(1 + \sigma(x))", False),
    (r"\frac{\partial S_1}{\partial a_2} = -S_1 S_2", True),
    (r"\frac{\partial S_1}{\partial a_2} = S_1 S_2", False),
    (r"{\partial S_i \over \partial a_j} = S_i(\delta_{ij} - S_j)", True),
    (r"{\partial S_i \over \partial a_j} = S_i(\delta_{ij} - S_i)", False),
    (r"\frac{\partial S_i}{\partial a_j} = S_i * (\delta_{ij} − S_j)", True),
    (r"\frac{\partial S_i}{\partial a_j} = S_i * (1 − S_j)", False),
    (r"\tanh(x) = 2\sigma(2x) - 1", True),
    (r"\tanh(x) = 2\sigma(x) - 1", False),
    (r"\tanh(z) = \frac{2}{1 + e^{-2z}} - 1", True),
    (r"\tanh(z) = \frac{2}{1 + e^{-z}} - 1", False),
    (r"\sigma'(z) = \sigma(z)(1 - \sigma(z))", True),
    (r"\sigma'(z) = \sigma(z)(1 - \sigma(-z))", False),
]


@pytest.mark.parametrize(("text", "holds"), READ_AS_A_STEP)
def test_a_claim_reads_what_a_document_reads(text, holds):
    result = check_claim(text)
    assert result.status == ("proved" if holds else "refuted"), result.summary
    if not holds:
        assert result.counterexample is not None


def test_a_claim_the_document_reader_needs_a_hypothesis_for():
    text = r"\frac{\delta L}{\delta o_i} = p_i - y_i"
    assert check_claim(text).status == "refuted"
    assert "does not assume" in check_claim(text).summary
    assert check_claim(text, assume=["one-hot"]).status == "proved"


GRADIENT_IN_THREE_NOTATIONS = [
    r"\frac{\partial L}{\partial o_i} = RHS",  # the claim language
    r"{\partial L \over \partial o_i} = RHS",  # the document reader
    r"\nabla_{\mathbf{o}} L = RHS",  # vector notation, read at an entry
]


@pytest.mark.parametrize("form", GRADIENT_IN_THREE_NOTATIONS)
def test_the_loss_gradient_gets_one_verdict_in_every_notation(form):
    """Without --assume, p - y is right only once the targets sum to one: every notation says
    so (the claim language used to say a bare "fails"); a sign slip still fails outright."""
    vector = "nabla" in form
    good = form.replace("RHS", r"\mathbf{p} - \mathbf{y}" if vector else "p_i - y_i")
    right = check_claim(good)
    assert right.status == "refuted"
    assert right.summary == "uses Σ_j y_j = 1, which the claim does not assume (--assume)"
    assert check_claim(good, assume=["one-hot"]).summary.startswith("holds")
    wrong = check_claim(form.replace("RHS", r"\mathbf{y} - \mathbf{p}" if vector else "y_i - p_i"))
    assert wrong.status == "refuted" and wrong.summary == "fails"


def test_what_neither_reader_reads_keeps_the_claim_error():
    with pytest.raises(ClaimSyntaxError, match="unknown macro"):
        check_claim(r"\frac{\partial S_i}{\partial a_j} = \foo{S_i}")


# ---------------------------------------------------------------- names given meanings: --define

SOFTMAX_OF_Z = r"\hat{y}_i = \frac{e^{z_i}}{\sum_k e^{z_k}}"


def test_a_claim_about_the_documents_own_names_with_define():
    claim = r"\frac{\partial \hat{y}_i}{\partial z_j} = \hat{y}_i(\delta_{ij} - \hat{y}_j)"
    right = check_claim(claim, define=[SOFTMAX_OF_Z])
    assert right.status == "proved" and right.summary == "holds"
    assert SOFTMAX_OF_Z in right.reading
    wrong = check_claim(claim.replace(r"\hat{y}_j)", r"\hat{y}_i)"), define=[SOFTMAX_OF_Z])
    assert wrong.status == "refuted" and wrong.summary.startswith("holds only when i = j")
    # without a meaning for \hat{y}, a clear error that says how to give one
    with pytest.raises(InputError, match="with --define"):
        check_claim(claim)


def test_a_name_given_two_meanings_with_define_is_an_input_error():
    """The last of two meanings won: a softmax Jacobian was refuted under q_i = σ(z_i)."""
    claim = r"\frac{\partial \hat{y}_i}{\partial z_j} = \hat{y}_i(\delta_{ij} - \hat{y}_j)"
    with pytest.raises(InputError, match="already defined otherwise"):
        check_claim(claim, define=[SOFTMAX_OF_Z, r"\hat{y}_i = \sigma(z_i)"])
    twice = check_claim(claim, define=[SOFTMAX_OF_Z, SOFTMAX_OF_Z])  # the same meaning twice
    assert twice.status == "proved"


def test_cli_claim_define_and_a_file_read_as_check_reads(tmp_path):
    claim = r"\frac{\partial \hat{y}_i}{\partial z_j} = -\hat{y}_i \hat{y}_j \quad (i \neq j)"
    ok = claim_main(claim, "--define", SOFTMAX_OF_Z)
    assert ok.returncode == 0 and ok.stdout.startswith("holds when i ≠ j"), ok.stdout
    bad = claim_main(claim.replace("-", "", 1), "--define", SOFTMAX_OF_Z)
    assert bad.returncode == 1 and "left side" in bad.stdout
    broken = claim_main(claim, "--define", "q = ")
    assert broken.returncode == 2 and broken.stderr.startswith("error: --define")
    path = tmp_path / "claims.tex"
    path.write_text(
        "D_j S_i = S_i(\\delta_{ij} - S_j)\n"
        "\\sigma'(x) = \\sigma(x)(1 - \\sigma(x))\n"
        "\\sigma'(x) = \\sigma(x)(1 + \\sigma(x))\n",
        encoding="utf-8",
    )
    result = claim_main("--file", str(path))
    assert result.returncode == 1
    assert f"{path}:2: holds: " in result.stdout and f"{path}:3: fails: " in result.stdout
    path.write_text("\n\nD_j S_i = S_i(\\delta_{ij} - S_j\n", encoding="utf-8")
    unbalanced = claim_main("--file", str(path))
    assert unbalanced.returncode == 2 and "line 3, column 14" in unbalanced.stderr


def test_names_a_claim_never_defines_are_free_variables_in_an_identity():
    shift = r"\log \sum_k e^{z_k} = c + \log \sum_k e^{z_k - c}"
    assert check_claim(shift).status == "proved"
    wrong = check_claim(shift.replace("c +", "c -"))
    assert wrong.status == "refuted" and wrong.counterexample is not None
    # a derivative of a name with no meaning is not read as 0
    with pytest.raises(InputError, match="with --define"):
        check_claim(r"\frac{\partial f_i}{\partial z_j} = 0")
