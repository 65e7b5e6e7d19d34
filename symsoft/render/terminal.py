"""What the command line writes on a terminal: the verify table, the claim verdicts, the
catalogue, a progress line, and ASCII spellings for a terminal that cannot show ``≠`` or ``Σ``.
Plain data in, text out; :mod:`symsoft.cli` prints it."""

from __future__ import annotations

import codecs
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from symsoft.reading.claim.claim_results import ClaimResult
    from symsoft.results import Run

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


def degrade_gracefully() -> None:
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


def progress(stream: TextIO) -> Callable[[str, int, int], None]:
    """A progress line on ``stream``, rewritten in place: ``theorem: 4096/65536 entries``."""

    def show(name: str, done: int, total: int) -> None:
        stream.write(f"\r{name}: {done}/{total} entries")
        stream.flush()

    return show


def verify_table(run: Run) -> str:
    """What ``symsoft verify`` prints: a row per theorem, then every entry or case that is not
    proved, the hypothesis notes, and a total line."""
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


def claim_lines(result: ClaimResult, where: str = "") -> list[str]:
    """A claim's verdict (``holds for all i, j: …``), what it was read as, and each case."""
    lines = [f"{where}{result.summary}: {result.text}"]
    if result.reading:
        lines.append(f"    read as  {result.reading}")
    for case in result.cases:
        lines.append(
            f"    {case.case}: {case.verdict.status} ({case.checked}): {case.verdict.reason}"
        )
    return lines


def claims_total(count: int, held: int, skipped: int) -> str:
    """``5 claims: 3 hold, 1 do not, 1 not checked``."""
    unchecked = f", {skipped} not checked" if skipped else ""
    return f"{count} claims: {held} hold, {count - held - skipped} do not{unchecked}"


def catalogue_lines() -> list[str]:
    """Every theorem of the catalogue: its name, its statement and its hypotheses."""
    from symsoft.catalogue.theorems import CATALOGUE, HYPOTHESES_TEXT

    lines = []
    for theorem in CATALOGUE:
        given = ", ".join(HYPOTHESES_TEXT[h] for h in theorem.hypotheses) or "none"
        lines.append(f"{theorem.name}\n    {theorem.text}\n    hypotheses: {given}")
    return lines
