"""``python -m symsoft ARGS`` answered by ``main(args)`` in the test's own process, for the tests
where only the answer to an input is under test: the same exit code and lines, and an exception
that escapes fails the test where the process would print a traceback.  Starting Python and SymPy
costs a subprocess about half a second of CPU; the tests that are about the process itself
(signals, pipes, the console script, the terminal's encoding) keep a real one."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from pathlib import Path


def run_main(*args: str, cwd: Path | str | None = None) -> subprocess.CompletedProcess[str]:
    """``main(args)`` in this process (in the folder ``cwd``), its output captured as a
    subprocess's would be."""
    from symsoft.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        if cwd is not None:
            stack.enter_context(contextlib.chdir(os.fspath(cwd)))
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        code = main(list(args))
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())
