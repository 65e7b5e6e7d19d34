"""Where a command's CPU time goes: a sampling profile of one ``python -m symsoft`` command.

    python benchmarks/profile_command.py check tests/data/documents/blog_post.md
    python benchmarks/profile_command.py --imports verify --n 4      # import sympy included
    python benchmarks/profile_command.py --top 60 --all claim '…'    # SymPy's frames too

The command runs in this process after ``import sympy`` (unless ``--imports``; symsoft's own
imports, made inside the command, are always counted: ``reading/document.py:1:<module>`` is the
import of the document reader), under a
``SIGPROF`` timer that samples the stack every few milliseconds of CPU time (the kernel's tick,
4 ms here): each function is charged the share of samples in which it is on the stack
("inclusive"), so a function's figure includes what it calls.  Unlike ``cProfile``, the
sampling adds almost nothing to SymPy's many small calls, whose cost ``cProfile`` multiplies by
two to four.  Run it a few times: a share below 2 % is noise.  Unix only.

symsoft's bytecode is compiled first, as ``pip install`` compiles it (``bench_commands.py``
does the same): with PYTHONDONTWRITEBYTECODE set, as on the shared machine, a checkout would
otherwise compile each of its ~130 modules from source on every run, and the imports of the
reader (``reading/document.py:1:<module>``) would show 0.3–0.4 s of CPU more than a user pays.

What it cannot see is the end of a real process: the interpreter's finalization after ``main``
returns (0.15–0.2 s of CPU before ``cli.console`` froze the objects left; see
docs/performance.md).  Compare a command's whole-process CPU (``bench_commands.py``) with the
total printed here to find such costs.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import io
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent


def _where(frame: FrameType) -> str:
    code = frame.f_code
    path = code.co_filename
    for marker in ("site-packages/", str(ROOT) + "/", "lib/python3"):
        if marker in path:
            path = path.split(marker, 1)[1]
            break
    return f"{path}:{code.co_firstlineno}:{code.co_name}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--imports", action="store_true", help="count the imports too")
    parser.add_argument("--top", type=int, default=40, help="functions shown (default 40)")
    parser.add_argument("--all", action="store_true", help="also SymPy's and Python's frames")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the symsoft command")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "symsoft")], check=True)

    inclusive: collections.Counter[str] = collections.Counter()
    total = 0

    def sample(signum: int, frame: FrameType | None) -> None:
        nonlocal total
        total += 1
        seen = set()
        while frame is not None:
            where = _where(frame)
            if where not in seen:
                seen.add(where)
                inclusive[where] += 1
            frame = frame.f_back

    if not args.imports:
        import sympy  # noqa: F401

    signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, 0.001, 0.001)
    start = time.process_time()
    from symsoft.cli import main as symsoft_main

    with contextlib.redirect_stdout(io.StringIO()):
        symsoft_main(args.command)
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    seconds = time.process_time() - start
    print(f"{seconds:.3f} s of CPU, {total} samples; share of the samples in each function:")
    shown = 0
    for where, count in inclusive.most_common():
        if "importlib" in where or where.startswith("benchmarks/"):
            continue
        if not args.all and not where.startswith("symsoft/"):
            continue
        print(f"{100 * count / max(total, 1):5.1f} %  {where}")
        shown += 1
        if shown == args.top:
            break


if __name__ == "__main__":
    main()
