"""The grammar of the command line: one argparse subparser per command, and the types of its
values (a size N, a number of seconds, a small size), each rejected with a one-line message.

:mod:`symsoft.cli` runs what is parsed here.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from typing import NoReturn

from symsoft.errors import UsageError

Run = Callable[[argparse.Namespace], int]  # a command: the parsed arguments in, the exit code out


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (no usage dump) and never exits by itself."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _digits(text: str) -> int:
    """The integer written in ASCII digits: ``int()`` alone would also take ``１２``, ``1_0``,
    `` 7`` and ``+3``."""
    if not (text.isascii() and text.isdigit()) or len(text) > 30:
        raise ValueError(text)
    return int(text)


def _size(text: str) -> int | str:
    from symsoft.catalogue.theorems import MAX_N

    if text == "all":
        return "all"
    try:
        n = _digits(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"N must be a positive integer, got {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"N must be a positive integer, got {text!r}")
    if n > MAX_N:
        raise argparse.ArgumentTypeError(f"N = {n} is above the supported maximum {MAX_N}")
    return n


MAX_TIMEOUT = 86_400.0


def _seconds(text: str) -> float:
    """A positive number of seconds in ASCII digits (``60``, ``2.5``), at most a day."""
    import re

    if not re.fullmatch(r"[0-9]{1,6}(?:\.[0-9]{1,6})?", text) or not float(text) > 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    if float(text) > MAX_TIMEOUT:
        raise argparse.ArgumentTypeError(f"at most {MAX_TIMEOUT:g} seconds, got {text!r}")
    return float(text)


def _small(text: str) -> int:
    try:
        value = _digits(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected an integer from 1 to 16, got {text!r}"
        ) from None
    if not 1 <= value <= 16:
        raise argparse.ArgumentTypeError(f"expected an integer from 1 to 16, got {text!r}")
    return value


def parser(runs: Mapping[str, Run]) -> argparse.ArgumentParser:
    """The whole command line: one subparser per command, each knowing the function it runs
    (``runs[command]``, set as ``args.run``)."""
    parser = _Parser(
        prog="symsoft",
        description="Mechanical proofs of the softmax Jacobian, the cross-entropy gradient "
        "and their family.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for add in (_add_verify, _add_report, _add_claim, _add_check, _add_list):
        add(commands, runs)
    return parser


def _add_verify(commands: argparse._SubParsersAction, runs: Mapping[str, Run]) -> None:
    """``symsoft verify``: prove the catalogue at one N or every N."""
    verify = commands.add_parser(
        "verify",
        help="prove every entry of every theorem at size N",
        description="Differentiate every entry mechanically and prove it equal to its closed "
        "form, or refute it with a counterexample.",
        epilog="examples:\n  python -m symsoft verify --n 4\n  python -m symsoft verify --n all\n"
        "  python -m symsoft verify --n 64 --theorem softmax-jacobian-offdiagonal --json",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verify.add_argument(
        "--n",
        type=_size,
        required=True,
        metavar="N",
        help="the size N ≥ 1, or 'all' for one proof that covers every N",
    )
    verify.add_argument(
        "--theorem",
        action="append",
        metavar="NAME",
        help="check only this theorem (repeatable; see 'symsoft list')",
    )
    verify.add_argument("--json", action="store_true", help="print the results as JSON")
    verify.add_argument(
        "--report",
        metavar="DIR",
        help="also write the proof report into DIR (see 'symsoft report')",
    )
    verify.add_argument(
        "--report-format",
        action="append",
        choices=("tex", "pdf", "html"),
        metavar="FORMAT",
        help="format of --report: tex, pdf or html (repeatable; default tex and html)",
    )
    verify.add_argument(
        "--no-witness",
        action="store_true",
        help="skip the numeric witness (50-digit finite differences next to each proof)",
    )
    for flag, default, what in (
        ("--samples", 2, "M, samples of the batched softmax regression"),
        ("--features", 2, "D, features of the batched softmax regression"),
        ("--classes", 3, "K, classes of the batched softmax regression"),
    ):
        verify.add_argument(
            flag,
            type=_small,
            default=default,
            metavar="K",
            help=f"{what} (1-16, default {default})",
        )
    verify.add_argument(
        "--method",
        choices=("ring", "sympy"),
        default="ring",
        help="ring: derivation in a local ring, O(1) per entry (default); "
        "sympy: sympy.diff per entry, the slow reference",
    )
    verify.set_defaults(run=runs["verify"])


def _add_report(commands: argparse._SubParsersAction, runs: Mapping[str, Run]) -> None:
    """``symsoft report``: verify, then write the proof report."""
    report = commands.add_parser(
        "report",
        help="write the proof report (LaTeX, PDF, HTML)",
        description="Verify, then write a report that reads as a proof: definitions, theorems, "
        "the mechanical derivation of representative entries, every entry's verdict, "
        "counterexamples, QED.",
        epilog="examples:\n"
        "  python -m symsoft report --n 4     # reports/softmax-n4.{tex,pdf,html}\n"
        "  python -m symsoft report --n 4 --format html --output out/\n"
        "  python -m symsoft report --n all --format tex",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    report.add_argument(
        "--n", type=_size, default=4, metavar="N", help="the size N ≥ 1, or 'all' (default 4)"
    )
    report.add_argument(
        "--format",
        action="append",
        choices=("tex", "pdf", "html"),
        metavar="FORMAT",
        help="tex, pdf or html (repeatable; default all three, without pdf when latexmk "
        "is missing)",
    )
    report.add_argument(
        "--output",
        default="reports",
        metavar="DIR",
        help="the folder to write into (default: reports)",
    )
    report.add_argument(
        "--theorem", action="append", metavar="NAME", help="report only this theorem (repeatable)"
    )
    report.set_defaults(run=runs["report"])


def _add_claim(commands: argparse._SubParsersAction, runs: Mapping[str, Run]) -> None:
    """``symsoft claim``: one LaTeX formula, or a file of them."""
    claim = commands.add_parser(
        "claim",
        help="prove or refute a formula written in LaTeX",
        description="Parse a LaTeX claim about a derivative (strict grammar, nothing executed), "
        "differentiate the quantity mechanically and give the verdict per index case.",
        epilog="examples:\n"
        "  python -m symsoft claim '\\frac{\\partial S_i}{\\partial a_j} = "
        "S_i(\\delta_{ij} - S_j)'\n"
        "  python -m symsoft claim 'D_j S_i = -S_i S_j \\quad (i \\neq j)' --n 5\n"
        "  python -m symsoft claim '\\frac{\\partial L}{\\partial o_i} = p_i - y_i' "
        "--assume '\\sum_j y_j = 1'\n"
        "  python -m symsoft claim '\\frac{\\partial \\hat{y}_i}{\\partial z_j} = "
        "\\hat{y}_i(\\delta_{ij} - \\hat{y}_j)' \\\n"
        "      --define '\\hat{y}_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}'\n"
        "  python -m symsoft claim --file claims.tex",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    claim.add_argument("text", nargs="?", metavar="CLAIM", help="the claim, in LaTeX")
    claim.add_argument(
        "--file", metavar="PATH", help="read claims from a file (one per line or per display block)"
    )
    claim.add_argument(
        "--n",
        type=_size,
        metavar="N",
        help="check at this N (default: every N where possible, else N = 1…6)",
    )
    claim.add_argument(
        "--assume",
        action="append",
        default=[],
        metavar="HYPOTHESIS",
        help="a hypothesis: '\\sum_j y_j = 1' or 'one-hot' (repeatable)",
    )
    _add_define(claim, "\\hat{y}_i", "as in check")
    claim.add_argument("--json", action="store_true", help="print the results as JSON")
    claim.add_argument(
        "--timeout",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="with --file: CPU seconds for the file (default 60); later claims 'not checked'",
    )
    claim.set_defaults(run=runs["claim"])


def _add_check(commands: argparse._SubParsersAction, runs: Mapping[str, Run]) -> None:
    """``symsoft check``: every step of the derivations in documents."""
    check = commands.add_parser(
        "check",
        help="check every step of the derivations in documents and folders",
        description="Find the display math of documents ($$…$$, \\[…\\], equation, align, …), "
        "cut it into steps A = B = C, and prove or refute each step for every N (or at --n), "
        "per index case (i = j, i ≠ j). A step that cannot be read is reported 'not checked' "
        "with the reason and the column. A folder is searched for .md, .markdown, .tex, "
        ".ipynb (Markdown cells), .qmd, .Rmd and .rst (.. math::), skipping hidden entries "
        "and what git ignores. Exit code 1 when a step is wrong as written, 2 when a file "
        "cannot be read.",
        epilog="examples:\n"
        "  python -m symsoft check notes/softmax.md\n"
        "  python -m symsoft check docs/ lecture.ipynb\n"
        "  python -m symsoft check paper/derivation.tex --n 5\n"
        "  python -m symsoft check notes/softmax.md --format json\n"
        "  python -m symsoft check docs/ --format github     # annotations in GitHub Actions\n"
        "  python -m symsoft check notes.md --define 'p_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}'\n"
        "  python -m symsoft check thesis.tex --timeout 600   # a long document",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument(
        "path",
        nargs="+",
        metavar="PATH",
        help="documents (.md, .tex, .ipynb, .qmd, .Rmd, .rst) and folders",
    )
    check.add_argument(
        "--n", type=_size, metavar="N", help="check at this N (default: every N at once)"
    )
    _add_define(check, "S_i", "overrides the standard meanings and the document's own definitions")
    check.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default=None,
        help="text: one compiler-style line per step (default); json: the results model; "
        "github: GitHub Actions workflow commands (::error file=…,line=…::…)",
    )
    check.add_argument("--json", action="store_true", help="the same as --format json")
    check.add_argument(
        "--timeout",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="CPU seconds for judging one document (default 60); later steps are 'not checked'",
    )
    check.add_argument(
        "--report",
        metavar="PATH",
        help="write the annotated report: a file (out/check.html, .tex or .pdf) or a folder "
        "(html and tex there, one pair per document)",
    )
    check.set_defaults(run=runs["check"])


def _add_define(parser: argparse.ArgumentParser, name: str, note: str) -> None:
    """``--define``, the meaning of a name, for ``claim`` and ``check`` alike."""
    parser.add_argument(
        "--define",
        action="append",
        default=[],
        metavar="DEFINITION",
        help=f"the meaning of a name, e.g. '{name} = \\frac{{e^{{z_i}}}}{{\\sum_k e^{{z_k}}}}' "
        f"(repeatable; {note})",
    )


def _add_list(commands: argparse._SubParsersAction, runs: Mapping[str, Run]) -> None:
    """``symsoft list``: the theorems of the catalogue."""
    listing = commands.add_parser(
        "list",
        help="list the theorems",
        description="List every theorem with its statement and hypotheses.",
        epilog="example: python -m symsoft list",
    )
    listing.set_defaults(run=runs["list"])
