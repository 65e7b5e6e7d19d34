"""What ``symsoft check`` prints for several files: compiler-style text, JSON, or GitHub
Actions workflow commands (``::error file=…,line=…,col=…::…``) that put each flagged step on
the pull request's diff.  Plain data in, lines out; the command line prints them."""

from __future__ import annotations

import json
from collections.abc import Sequence

from symsoft.reading.documents.sources import FileCheck
from symsoft.reading.judge.outcome import DocumentResult, StepResult

EXIT_OK, EXIT_FLAGGED, EXIT_INPUT = 0, 1, 2


def exit_code(checks: Sequence[FileCheck]) -> int:
    """2 when a file could not be read, else 1 when a step is flagged, else 0."""
    if any(check.result is None for check in checks):
        return EXIT_INPUT
    return EXIT_FLAGGED if any(check.flagged for check in checks) else EXIT_OK


def total(checks: Sequence[FileCheck]) -> str:
    """``3 files: 40 steps: 30 hold, 2 fail, …; 1 could not be read``."""
    steps = tuple(step for check in checks if check.result for step in check.result.steps)
    counted = DocumentResult(source="", steps=steps, meanings=(), hypothesis_stated=True).summary
    files = sum(check.result is not None for check in checks)
    text = f"{files} file{'s' if files != 1 else ''}: {counted}"
    unread = len(checks) - files
    if unread:
        text += f"; {unread} could not be read"
    return text


def text_lines(checks: Sequence[FileCheck]) -> list[str]:
    """One line per step, a summary per file (``notes.md: 14 steps: …``), then the total.
    Files that could not be read are left to the caller (they go to stderr)."""
    lines: list[str] = []
    for check in checks:
        if check.result is None:
            continue
        lines += [check.message(step) for step in check.result.steps]
        lines.append(f"{check.source}: {check.result.summary}")
    lines.append(f"total: {total(checks)}")
    return lines


def json_text(checks: Sequence[FileCheck]) -> str:
    """``{"documents": [...], "summary": …, "exit_code": …}``; each document as
    :meth:`DocumentResult.to_json` (an unreadable one as ``source`` and ``error``)."""
    data = {
        "documents": [check.to_dict() for check in checks],
        "summary": total(checks),
        "exit_code": exit_code(checks),
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def output(checks: Sequence[FileCheck], fmt: str, single: bool) -> str:
    """What ``symsoft check`` prints in the format ``fmt`` (text, json or github): a single
    file as its own lines (or its own JSON), several with a summary per file and a total."""
    if fmt == "github":
        return "\n".join(github_lines(checks))
    if single:
        check = checks[0]
        if fmt == "json":
            return document_json(check)
        lines = check.lines()
        if check.result is not None and check.result.displays == 0:
            lines.append(
                f"{check.source}: no display math found ($$ … $$, \\[ … \\], equation, align, …)"
            )
        return "\n".join(lines)
    if fmt == "json":
        return json_text(checks)
    return "\n".join(text_lines(checks))


def document_json(check: FileCheck) -> str:
    """One document as JSON: :meth:`DocumentResult.to_json` (with the cells of a notebook)."""
    if check.result is not None and not check.cells:
        return check.result.to_json()
    return json.dumps(check.to_dict(), ensure_ascii=False, indent=2)


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(
    level: str,
    message: str,
    file: str | None = None,
    line: int | None = None,
    col: int | None = None,
    title: str | None = None,
) -> str:
    """One GitHub Actions workflow command, escaped as the runner expects.

    >>> workflow_command("error", "fails: 50% off", "a.md", 3, 7, "symsoft")
    '::error file=a.md,line=3,col=7,title=symsoft::fails: 50%25 off'
    """
    properties = []
    if file is not None:
        properties.append(f"file={_property(file)}")
    if line is not None:
        properties.append(f"line={line}")
    if col is not None:
        properties.append(f"col={col}")
    if title is not None:
        properties.append(f"title={_property(title)}")
    return f"::{level} {','.join(properties)}::{_data(message)}".replace(" ::", "::", 1)


def _annotation(check: FileCheck, step: StepResult) -> str | None:
    if step.flagged:
        level = "error"
    elif step.status == "unknown":
        level = "warning"
    else:
        return None
    line = check.file_line(step)
    where = "" if not check.cells else f"{check.where(step).removeprefix(check.source + ':')}: "
    message = where + check.message(step).removeprefix(check.where(step) + ": ")
    return workflow_command(
        level,
        message,
        file=check.source,
        line=line,
        col=step.column if line is not None and not check.cells else None,
        title=f"symsoft: step {step.step} of display {step.display}",
    )


def github_lines(checks: Sequence[FileCheck]) -> list[str]:
    """An ``::error`` for every flagged step and every file that could not be read, a
    ``::warning`` for every undecided step, then the summaries as plain log lines."""
    lines: list[str] = []
    for check in checks:
        if check.result is None:
            lines.append(workflow_command("error", check.error or "", file=check.source))
            continue
        lines += [a for step in check.result.steps if (a := _annotation(check, step))]
    for check in checks:
        if check.result is not None:
            lines.append(f"{check.source}: {check.result.summary}")
    lines.append(f"total: {total(checks)}")
    return lines
