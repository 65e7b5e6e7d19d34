"""The command line: ``python -m symsoft verify --n 4`` and friends.

``main(argv)`` is the one place that turns a :class:`~symsoft.errors.SymsoftError` into
``error: …`` on stderr.  Exit codes: 0 everything proved, 1 something refuted or unknown,
2 bad usage, input or output (a full disk), 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import codecs
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

from symsoft.errors import SymsoftError

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143


class _UsageError(Exception):
    pass


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that it cleans up exactly as Ctrl-C does."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


# What an ASCII or Latin-1 terminal shows for the characters symsoft prints.
_SPELLINGS = {
    "≠": "!=",
    "≤": "<=",
    "≥": ">=",
    "−": "-",
    "–": "-",
    "→": "->",
    "⇒": "=>",
    "≈": "~",
    "…": "...",
    "·": "*",
    "×": "x",
    "Σ": "sum",
    "∂": "d",
    "δ": "delta",
    "σ": "sigma",
    "∞": "inf",
    "²": "^2",
}


def _spell(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text = exc.object[exc.start : exc.end]
    spelled = (_SPELLINGS.get(c) or c.encode("ascii", "backslashreplace").decode() for c in text)
    return "".join(spelled), exc.end


def _degrade_gracefully() -> None:
    """Whatever the terminal's encoding, print: ASCII spellings (``!=``, ``sum``) or escapes
    for what it cannot show, never a ``UnicodeEncodeError``."""
    try:
        codecs.lookup_error("symsoft-spell")
    except LookupError:
        codecs.register_error("symsoft-spell", _spell)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="symsoft-spell")
            except (ValueError, OSError):  # pragma: no cover - a stream already in use
                pass


def _say(message: str) -> None:
    """One line on stderr, even when stderr itself is full or closed."""
    try:
        print(message, file=sys.stderr)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _after_progress() -> str:
    """A line break if a progress line may be showing on the terminal."""
    try:
        return "\n" if sys.stderr.isatty() else ""
    except (OSError, ValueError):
        return ""


def _silence_stdout() -> None:
    """Point the file descriptor of stdout at /dev/null, so that the interpreter's last flush
    of what is still buffered cannot fail again (and print a traceback) at exit."""
    import os

    try:
        fd = sys.stdout.fileno()
        os.dup2(os.open(os.devnull, os.O_WRONLY), fd)
    except (OSError, ValueError, AttributeError):  # no file descriptor (tests capture stdout)
        pass


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (no usage dump) and never exits by itself."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


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


def _parser() -> _Parser:
    """The whole command line: one subparser per command, each knowing the function it runs."""
    parser = _Parser(
        prog="symsoft",
        description="Mechanical proofs of the softmax Jacobian, the cross-entropy gradient "
        "and their family.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for add in (_add_verify, _add_report, _add_claim, _add_check, _add_list):
        add(commands)
    return parser


def _add_verify(commands: argparse._SubParsersAction) -> None:
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
    verify.set_defaults(run=_verify)


def _add_report(commands: argparse._SubParsersAction) -> None:
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
    report.set_defaults(run=_report)


def _add_claim(commands: argparse._SubParsersAction) -> None:
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
    claim.add_argument("--json", action="store_true", help="print the results as JSON")
    claim.add_argument(
        "--timeout",
        type=_seconds,
        default=60.0,
        metavar="SECONDS",
        help="with --file: time for judging the file (default 60); later claims 'not checked'",
    )
    claim.set_defaults(run=_claim)


def _add_check(commands: argparse._SubParsersAction) -> None:
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
    check.add_argument(
        "--define",
        action="append",
        default=[],
        metavar="DEFINITION",
        help="the meaning of a name, e.g. 'S_i = \\frac{e^{z_i}}{\\sum_k e^{z_k}}' (repeatable; "
        "overrides the standard meanings and the document's own definitions)",
    )
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
        help="time for judging one document (default 60); later steps are 'not checked'",
    )
    check.add_argument(
        "--report",
        metavar="PATH",
        help="write the annotated report: a file (out/check.html, .tex or .pdf) or a folder "
        "(html and tex there, one pair per document)",
    )
    check.set_defaults(run=_check)


def _add_list(commands: argparse._SubParsersAction) -> None:
    """``symsoft list``: the theorems of the catalogue."""
    listing = commands.add_parser(
        "list",
        help="list the theorems",
        description="List every theorem with its statement and hypotheses.",
        epilog="example: python -m symsoft list",
    )
    listing.set_defaults(run=_list)


def _progress(stream):  # type: ignore[no-untyped-def]
    def show(name: str, done: int, total: int) -> None:
        stream.write(f"\r{name}: {done}/{total} entries")
        stream.flush()

    return show


def _table(run) -> str:  # type: ignore[no-untyped-def]
    general = run.n == "all"
    witness = any(r.witness_error is not None for r in run.results)
    header = ("theorem", "closed form", "cases" if general else "entries", "verdict", "seconds")
    rows = [header + (("proved for",) if general else ()) + (("witness",) if witness else ())]
    for r in run.results:
        row = (r.theorem, r.text, str(r.entries), r.status, f"{r.seconds:.2f}")
        row += (r.domain,) if general else ()
        if witness:
            wrong = r.witness_agrees is False and r.status == "proved"
            agreement = " DISAGREES" if wrong else ""
            error = "-" if r.witness_error is None else f"{r.witness_error:.0e}"
            row += (error + agreement,)
        rows.append(row)
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        cells = [
            cell.rjust(w) if c in (2, 4) else cell.ljust(w)
            for c, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    for r in run.results:
        for note in r.hypothesis_notes:
            lines.append(f"{r.theorem}: {note}")
        for check in r.checks:
            if check.verdict.status != "proved":
                where = f"case {check.case}" if check.case else f"entry {_index(check.index)}"
                lines.append(f"{r.theorem} {where}: {check.verdict.status}: {check.verdict.reason}")
    entries = sum(r.entries for r in run.results)
    counts = {s: sum(getattr(r, s) for r in run.results) for s in ("proved", "refuted", "unknown")}
    noun = "cases" if general else "entries"
    if run.status == "proved":
        summary = f"all {entries} {noun} proved"
    else:
        summary = ", ".join(f"{c} {s}" for s, c in counts.items() if c) + f" of {entries} {noun}"
    size = "every N" if general else f"N = {run.n}"
    lines.append(f"{size}: {len(run.results)} theorems, {summary} ({run.seconds:.2f} s)")
    return "\n".join(lines)


def _index(index: tuple[int, ...]) -> str:
    return "(" + ",".join(map(str, index)) + ")"


def _verify(args: argparse.Namespace) -> int:
    from symsoft.catalogue.theorems import find

    for name in args.theorem or ():
        find(name)  # an unknown name is an input error before SymPy loads
    from symsoft.verification.api import verify

    big = isinstance(args.n, int) and args.n >= 128
    progress = _progress(sys.stderr) if sys.stderr.isatty() and big else None
    run = verify(
        args.n,
        args.theorem,
        method=args.method,
        progress=progress,
        derivations=args.json or bool(args.report),
        witness=not args.no_witness and args.n != "all",
        samples=args.samples,
        features=args.features,
        classes=args.classes,
    )
    if progress is not None:
        sys.stderr.write("\r\033[K")
    print(run.to_json() if args.json else _table(run))
    if args.report:
        from symsoft.render.report import write_report

        formats = tuple(dict.fromkeys(args.report_format or ("tex", "html")))
        for path in write_report(run, args.report, formats):
            print(f"wrote {path}", file=sys.stderr)
    disagreements = [
        r.theorem for r in run.results if r.status == "proved" and r.witness_agrees is False
    ]
    for name in disagreements:
        print(
            f"error: BUG: the numeric witness disagrees with the proof of {name}", file=sys.stderr
        )
    return EXIT_OK if run.status == "proved" and not disagreements else EXIT_FAILED


def _report(args: argparse.Namespace) -> int:
    from symsoft.catalogue.theorems import find

    for name in args.theorem or ():
        find(name)
    from symsoft.render.report import write_report
    from symsoft.verification.api import verify

    formats = tuple(dict.fromkeys(args.format or ("tex", "pdf", "html")))
    if args.format is None:  # what this machine can make; an explicit pdf stays an error
        from symsoft.render.report import TEX_INSTALL_HINT, tex_engine

        missing = tex_engine()
        if missing is not None:
            formats = ("tex", "html")
            print(
                f"note: no PDF: {missing} is not on PATH; the PDF needs a TeX engine: "
                f"{TEX_INSTALL_HINT}",
                file=sys.stderr,
            )
    run = verify(args.n, args.theorem, derivations=True, witness=args.n != "all")
    for path in write_report(run, args.output, formats):
        print(path)
    return EXIT_OK if run.status == "proved" else EXIT_FAILED


def _claim(args: argparse.Namespace) -> int:
    import json
    from dataclasses import asdict

    from symsoft.errors import InputError
    from symsoft.reading.claims import check_claim, iter_claims_file
    from symsoft.reading.document import MAX_DOCUMENT_CHARS
    from symsoft.reading.files import read_text

    if (args.text is None) == (args.file is None):
        raise InputError("give one claim, or --file PATH, not both")
    n = None if args.n in (None, "all") else args.n
    if args.file is not None:
        text = read_text(args.file, MAX_DOCUMENT_CHARS)
        results = iter_claims_file(
            text, n=n, assume=args.assume, name=args.file, timeout=args.timeout
        )
    else:
        results = iter([check_claim(args.text, n=n, assume=args.assume)])
    if args.json:
        listed = list(results)
        print(json.dumps([asdict(r) for r in listed], indent=2, ensure_ascii=False))
        return EXIT_OK if all(r.status == "proved" for r in listed) else EXIT_FAILED
    count = held = skipped = 0
    for result in results:  # each as it comes: a long file shows progress
        count += 1
        held += result.status == "proved"
        skipped += result.summary.startswith("not checked")
        where = f"{args.file}:{result.line}: " if args.file else ""
        print(f"{where}{result.summary}: {result.text}")
        if result.reading:
            print(f"    read as  {result.reading}")
        for case in result.cases:
            print(f"    {case.case}: {case.verdict.status} ({case.checked}): {case.verdict.reason}")
        sys.stdout.flush()
    if count > 1:
        unchecked = f", {skipped} not checked" if skipped else ""
        print(f"{count} claims: {held} hold, {count - held - skipped} do not{unchecked}")
    return EXIT_OK if held == count else EXIT_FAILED


def _is_folder(path: str) -> bool:
    import os

    try:
        return os.path.isdir(path)
    except (OSError, ValueError):
        return False


def _check(args: argparse.Namespace) -> int:
    from pathlib import Path

    from symsoft.errors import InputError
    from symsoft.reading.document import check_document
    from symsoft.reading.files import shown
    from symsoft.reading.sources import SUFFIXES, FileCheck, check_file, find_documents
    from symsoft.render import formats

    if args.json and args.format not in (None, "json"):
        raise _UsageError(f"--json and --format {args.format} contradict each other")
    fmt = "json" if args.json else args.format or "text"
    n = None if args.n in (None, "all") else args.n
    check_document("\n", n=n, define=args.define)  # a bad --define is one error, not one a file
    found = find_documents(args.path)
    single = len(args.path) == 1 and not _is_folder(args.path[0])
    if single and found.problems:
        problem = found.problems[0]
        raise InputError(f"cannot read {shown(problem.source)}: {problem.message}")
    checks = [
        FileCheck(p.source, None, error=f"cannot read {shown(p.source)}: {p.message}")
        for p in found.problems
    ]
    checks += [
        check_file(path, n=n, define=args.define, timeout=args.timeout) for path in found.documents
    ]
    if single and checks[0].result is None:
        raise InputError(checks[0].error or "cannot read it")
    reported = [check.result for check in checks if check.result is not None]
    if args.report and len(reported) > 1 and Path(args.report).suffix in (".html", ".tex", ".pdf"):
        raise InputError(f"--report {args.report!r}: several documents need a folder")
    for check in checks:
        if check.result is None:
            print(f"error: {check.error}", file=sys.stderr)
    if not checks:
        kinds = ", ".join(SUFFIXES)
        print(f"warning: no documents ({kinds}) in {' '.join(args.path)}", file=sys.stderr)
    if fmt == "github":
        print("\n".join(formats.github_lines(checks)))
    elif single:
        check = checks[0]
        if fmt == "json":
            print(formats.document_json(check))
        else:
            print("\n".join(check.lines()))
            if check.result is not None and check.result.displays == 0:
                print(
                    f"{check.source}: no display math found "
                    "($$ … $$, \\[ … \\], equation, align, …)"
                )
    elif fmt == "json":
        print(formats.json_text(checks))
    else:
        print("\n".join(formats.text_lines(checks)))
    if args.report:
        from symsoft.render.annotation import write_document_report

        for result in reported:
            for written in write_document_report(result, args.report):
                print(f"wrote {written}", file=sys.stderr)
    return formats.exit_code(checks)


def _list(args: argparse.Namespace) -> int:
    from symsoft.catalogue.theorems import CATALOGUE, HYPOTHESES_TEXT

    for theorem in CATALOGUE:
        given = ", ".join(HYPOTHESES_TEXT[h] for h in theorem.hypotheses) or "none"
        print(f"{theorem.name}\n    {theorem.text}\n    hypotheses: {given}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    _degrade_gracefully()
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread: leave SIGTERM alone
        previous = None
    try:
        code = _main(argv)
        sys.stdout.flush()  # a full disk shows here, not in the interpreter's last flush
        return code
    except BrokenPipeError:  # `symsoft list | head`: the reader left; say nothing more
        _silence_stdout()
        return EXIT_OK
    except _Terminated:
        _silence_stdout()
        _say(_after_progress() + "terminated")
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        _say(_after_progress() + "interrupted")
        return EXIT_INTERRUPTED
    except OSError as exc:  # writing the output failed: /dev/full, a closed stdout, a quota
        _silence_stdout()
        where = f"cannot write {exc.filename!r}" if exc.filename else "cannot write the output"
        _say(f"error: {where}: {exc.strerror or exc}")
        return EXIT_USAGE
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _main(argv: Sequence[str] | None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
        if args.version:
            from symsoft import __version__

            print(f"symsoft {__version__}")
            return EXIT_OK
        run = getattr(args, "run", None)
        if run is not None:
            return run(args)
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    except _UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SymsoftError as exc:
        print(f"error: {exc}", file=sys.stderr)
        context = getattr(exc, "context", None)
        if context:
            print(context, file=sys.stderr)
        return exc.exit_code
