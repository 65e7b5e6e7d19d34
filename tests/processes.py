"""Waiting on a child process by what it has done, not by the wall clock: on a shared machine a
child may take a minute of wall time to start Python and SymPy, so a test that signals it after a
fixed sleep signals it at a different stage from run to run.  The ceilings here are only there
so that a test cannot hang; no test asserts a time."""

from __future__ import annotations

import os
import time
from collections.abc import Callable

CEILING = 600.0  # seconds of wall clock before a test gives up waiting


def cpu_seconds(pid: int) -> float:
    """The CPU seconds (user + system) the live process ``pid`` has used, 0 once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stream:
            fields = stream.read().rsplit(") ", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> set[int]:
    """The process ids of the children of ``pid`` (Linux)."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as stream:
            return {int(child) for child in stream.read().split()}
    except OSError:
        return set()


def wait_until(condition: Callable[[], object], ceiling: float = CEILING) -> None:
    """Poll ``condition`` every 0.1 s until it holds or ``ceiling`` seconds have passed."""
    deadline = time.monotonic() + ceiling
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
