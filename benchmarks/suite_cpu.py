"""Where the test suite's CPU goes: each test's CPU, and each file's, from one run of pytest.

    python benchmarks/suite_cpu.py                     # the README's `pytest`, then the tables
    python benchmarks/suite_cpu.py -m "not slow"       # any pytest arguments
    python benchmarks/suite_cpu.py --top 40 -- tests/test_claims.py

The wall clock of a test says little on a shared machine (a test that waits for a subprocess
takes longer as the load rises); its CPU does not move with the load. Each test is charged the
CPU of the process that runs it (an xdist worker or pytest itself) from the start of its setup
to the end of its teardown, plus that of the subprocesses it waited for (``RUSAGE_CHILDREN``:
the documents the corpus test checks in its own pool, every ``python -m symsoft`` it starts).
A module-scoped fixture is charged to the first test that asks for it.

Run as a script, it runs pytest with itself as a plugin (``-p suite_cpu``, which every xdist
worker loads too), each process appending one line a test to a file of its own, and prints the
slowest tests, the files by CPU, and the CPU of the whole command beside the sum of its tests
(the difference is collection, the workers' start and their imports).
"""

from __future__ import annotations

import argparse
import collections
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_FOLDER = "SUITE_CPU_FOLDER"


def _cpu() -> tuple[float, float]:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time(), children.ru_utime + children.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):  # noqa: ANN001, ANN201 - pytest's hook
    """Charge the test its process's CPU and its waited subprocesses', setup to teardown."""
    before = _cpu()
    yield
    after = _cpu()
    folder = os.environ.get(_FOLDER)
    if folder:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        with open(Path(folder) / f"{worker}.txt", "a", encoding="utf-8") as lines:
            lines.write(f"{after[0] - before[0]:.3f} {after[1] - before[1]:.3f} {item.nodeid}\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=25, help="slowest tests shown (default 25)")
    options, arguments = parser.parse_known_args()
    arguments = [a for a in arguments if a != "--"]
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            _FOLDER: folder,
            "PYTHONPATH": os.pathsep.join([str(ROOT / "benchmarks"), str(ROOT)]),
        }
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "suite_cpu", "-p", "no:cacheprovider"]
            + arguments,
            cwd=ROOT,
            env=env,
        )
        wall = time.perf_counter() - start
        whole = sum(_cpu()[1:])
        tests = collections.Counter()
        for path in Path(folder).glob("*.txt"):
            for line in path.read_text(encoding="utf-8").splitlines():
                own, children, nodeid = line.split(" ", 2)
                tests[nodeid] += float(own) + float(children)
    files = collections.Counter()
    for nodeid, cpu in tests.items():
        files[nodeid.split("::")[0]] += cpu
    print(f"\n{len(tests)} tests: {sum(tests.values()):.0f} s of CPU in the tests; the whole")
    print(f"command: {whole:.0f} s of CPU, {wall:.0f} s of wall clock; exit {done.returncode}")
    print(f"os.getloadavg() at the end: {', '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    print("| test | CPU s |\n|---|---:|")
    for nodeid, cpu in tests.most_common(options.top):
        print(f"| {nodeid[:110]} | {cpu:.1f} |")
    print("\n| file | tests | CPU s |\n|---|---:|---:|")
    counts = collections.Counter(nodeid.split("::")[0] for nodeid in tests)
    for name, cpu in files.most_common(options.top):
        print(f"| {name} | {counts[name]} | {cpu:.1f} |")
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
