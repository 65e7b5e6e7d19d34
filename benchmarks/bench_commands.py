"""What a user waits for: each command of issue 12 as a whole process, beside `import sympy`.

    python benchmarks/bench_commands.py                  # the quick rows, 3 runs each
    python benchmarks/bench_commands.py --large          # also verify --n 1024 (minutes)
    python benchmarks/bench_commands.py --pytest         # also the test suite (minutes)

Every row is the median wall time of `--repeat` fresh processes, printed as seconds and as a
ratio to `python -c 'import sympy'` measured in the same run (the machine is shared: ratios
travel better than seconds), with the largest peak resident memory of those processes.
Run it from the checkout: the commands use this checkout's symsoft.

What is timed is what a user waits for once symsoft is installed: its bytecode compiled (as
`pip install` does, and as SymPy's is; with PYTHONDONTWRITEBYTECODE set, a checkout would
otherwise compile every module on every run) and the grammar's parser in the user's cache
(built by the first claim after an install or a grammar change). Both are prepared first.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POST = ROOT / "tests" / "data" / "documents" / "blog_post.md"
LIKELIHOOD = ROOT / "tests" / "data" / "documents" / "likelihood.md"  # sums over the samples
CLAIM = r"\frac{\partial S_i}{\partial a_j} = S_i(\delta_{ij} - S_j)"


def measure(argv: list[str], repeat: int) -> tuple[float, float, float]:
    """Median wall seconds, median CPU seconds (user + system: what a busy shared machine
    disturbs least) and largest peak memory (MiB) of ``repeat`` runs of ``argv``."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    times, cpus, peaks = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        _, status, usage = os.wait4(process.pid, 0)
        times.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss / 1024)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(argv)} exited with {process.returncode}")
    return statistics.median(times), statistics.median(cpus), max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--large", action="store_true", help="also verify --n 1024")
    parser.add_argument("--pytest", action="store_true", help="also the test suite")
    args = parser.parse_args()

    python = sys.executable
    symsoft = [python, "-m", "symsoft"]
    rows: list[tuple[str, list[str], int]] = [
        ("python -m symsoft --help", [*symsoft, "--help"], args.repeat),
        ("python -m symsoft list", [*symsoft, "list"], args.repeat),
        ("python -m symsoft verify --n 4", [*symsoft, "verify", "--n", "4"], args.repeat),
        (
            "python -m symsoft claim '…' (one Jacobian claim)",
            [*symsoft, "claim", CLAIM],
            args.repeat,
        ),
        (
            f"python -m symsoft check {POST.name}",
            [*symsoft, "check", str(POST)],
            args.repeat,
        ),
        (
            f"python -m symsoft check {LIKELIHOOD.name}",
            [*symsoft, "check", str(LIKELIHOOD)],
            args.repeat,
        ),
        ("python -m symsoft verify --n all", [*symsoft, "verify", "--n", "all"], args.repeat),
        ("python -m symsoft verify --n 256", [*symsoft, "verify", "--n", "256"], 1),
    ]
    if args.large:
        rows.append(("python -m symsoft verify --n 1024", [*symsoft, "verify", "--n", "1024"], 1))
    if args.pytest:
        rows.append(('pytest -m "not slow"', [python, "-m", "pytest", "-q", "-m", "not slow"], 1))
        rows.append(("pytest", [python, "-m", "pytest", "-q"], 1))

    compiled = subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "symsoft")])
    if compiled.returncode != 0:
        raise SystemExit("could not compile symsoft's bytecode")
    measure([*symsoft, "claim", CLAIM], 1)  # the parser's cache, as after the first claim
    print(
        f"machine: {platform.machine()}, python {platform.python_version()}, "
        f"{os.cpu_count()} cores; median of {args.repeat} runs (1 for the long rows)"
    )
    baseline, baseline_cpu, baseline_peak = measure([python, "-c", "import sympy"], args.repeat)
    line = "{:<52} {:>8.2f} {:>15.2f} {:>8.2f} {:>7.2f} {:>9.0f}"
    print(
        f"{'command':<52} {'seconds':>8} {'× import sympy':>15} {'CPU s':>8} {'× CPU':>7} "
        f"{'peak MiB':>9}"
    )
    print(line.format("python -c 'import sympy'", baseline, 1, baseline_cpu, 1, baseline_peak))
    for label, argv, repeat in rows:
        seconds, cpu, peak = measure(argv, repeat)
        print(
            line.format(label, seconds, seconds / baseline, cpu, cpu / baseline_cpu, peak),
            flush=True,
        )


if __name__ == "__main__":
    main()
