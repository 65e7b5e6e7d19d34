"""The command line: ``python -m symsoft verify --n 4`` and friends.

``main(argv)`` is the one place that turns a :class:`~symsoft.errors.SymsoftError` into
``error: …`` on stderr.  Exit codes: 0 everything proved, 1 something refuted or unknown,
2 bad usage, input or output (a full disk), 130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import gc
import signal
import sys
from collections.abc import Sequence

from symsoft import arguments
from symsoft.errors import SymsoftError, UsageError
from symsoft.render import terminal

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that it cleans up exactly as Ctrl-C does."""


def _terminate(signum: int, frame: object) -> None:
    raise _Terminated


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


def _verify(args: argparse.Namespace) -> int:
    from symsoft.catalogue.theorems import find

    for name in args.theorem or ():
        find(name)  # an unknown name is an input error before SymPy loads
    from symsoft.verification.api import verify

    big = isinstance(args.n, int) and args.n >= 128
    progress = terminal.progress(sys.stderr) if sys.stderr.isatty() and big else None
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
    print(run.to_json() if args.json else terminal.verify_table(run))
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
    from symsoft.reading.claim.claims import check_claim, iter_claims_file
    from symsoft.reading.documents.files import read_text

    if (args.text is None) == (args.file is None):
        raise InputError("give one claim, or --file PATH, not both")
    n = None if args.n in (None, "all") else args.n
    if args.file is not None:
        from symsoft.reading.document import MAX_DOCUMENT_CHARS  # a single claim needs none of it

        text = read_text(args.file, MAX_DOCUMENT_CHARS)
        results = iter_claims_file(
            text,
            n=n,
            assume=args.assume,
            name=args.file,
            timeout=args.timeout,
            define=args.define,
        )
    else:
        results = iter([check_claim(args.text, n=n, assume=args.assume, define=args.define)])
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
        print("\n".join(terminal.claim_lines(result, where)))
        sys.stdout.flush()
    if count > 1:
        print(terminal.claims_total(count, held, skipped))
    return EXIT_OK if held == count else EXIT_FAILED


def _is_folder(path: str) -> bool:
    import os

    try:
        return os.path.isdir(path)
    except (OSError, ValueError):
        return False


def _check(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    from symsoft.errors import InputError
    from symsoft.reading.documents.files import shown

    if args.json and args.format not in (None, "json"):
        raise UsageError(f"--json and --format {args.format} contradict each other")
    try:  # a missing file is said before SymPy loads
        os.lstat(args.path[0]) if len(args.path) == 1 else None
    except FileNotFoundError:
        raise InputError(f"cannot read {shown(args.path[0])}: no such file") from None
    except (OSError, ValueError):
        pass  # a name too long, a NUL byte: said below, as before
    from symsoft.reading.document import check_document
    from symsoft.reading.documents.sources import SUFFIXES, FileCheck, check_file, find_documents
    from symsoft.render import formats

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
    print(formats.output(checks, fmt, single))
    if args.report:
        from symsoft.render.annotation import report_stems, write_document_report

        stems = report_stems([result.source for result in reported])
        for result, stem in zip(reported, stems, strict=True):
            for written in write_document_report(result, args.report, stem=stem):
                print(f"wrote {written}", file=sys.stderr)
    return formats.exit_code(checks)


def _list(args: argparse.Namespace) -> int:
    for theorem in terminal.catalogue_lines():
        print(theorem)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    terminal.degrade_gracefully()
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


_YOUNG_GENERATION = 10_000  # objects allocated between two collections of the youngest


def console() -> int:
    """:func:`main` as a process runs it (``python -m symsoft``, the ``symsoft`` script).

    The objects left are then frozen (``gc.freeze``), so that the interpreter's exit no longer
    searches everything SymPy made for reference cycles: 0.15–0.2 s of CPU after a command that
    computes, about what ``import sympy`` itself costs. The output is written and flushed by
    then, and files, temporary folders and ``atexit`` hooks close as before (by reference
    counts and ``atexit``, which do not depend on the collector); the memory of any cycle left
    goes back to the system with the process. In-process callers (the tests, the notebook
    magic) call :func:`main`, whose collector stays as it was.
    """
    # SymPy makes objects by the hundred thousand and few cycles among them: with the young
    # generation's threshold at 700 objects (the default) the collector runs some 400 times in
    # `check` of a short post, most of them finding nothing to free
    gc.set_threshold(_YOUNG_GENERATION, *gc.get_threshold()[1:])
    code = main()
    gc.freeze()
    return code


def _main(argv: Sequence[str] | None) -> int:
    parser = arguments.parser(
        {"verify": _verify, "report": _report, "claim": _claim, "check": _check, "list": _list}
    )
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
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SymsoftError as exc:
        print(f"error: {exc}", file=sys.stderr)
        context = getattr(exc, "context", None)
        if context:
            print(context, file=sys.stderr)
        return exc.exit_code
