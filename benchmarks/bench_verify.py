"""Seconds and peak memory of `verify` for growing N, beside the plain-SymPy baseline.

    python benchmarks/bench_verify.py                 # N = 4 … 1024, baseline up to N = 64
    python benchmarks/bench_verify.py --sizes 4 16 --baseline-max 16

Each measurement runs in a fresh process, so peak memory (ru_maxrss) is that run's own.
The baseline is what a careful SymPy user writes: `diff` every entry, then
`simplify(derivative - closed_form) == 0` (and, faster, `cancel` after x_k = e^{a_k}).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import time

FOUNDATION = [
    "softmax-jacobian-diagonal",
    "softmax-jacobian-offdiagonal",
    "cross-entropy-gradient",
    "cross-entropy-gradient-normalized",
]

CHILD_VERIFY = """
import json, resource, sys, time
import sympy  # imported before the clock starts, as in the baseline
start = time.perf_counter()
import symsoft
run = symsoft.verify({n}, {theorems}, derivations=False, hypotheses=False, jobs={jobs})
seconds = time.perf_counter() - start
assert run.status == "proved", run.status
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mib": peak}}))
"""

CHILD_BASELINE = """
import json, resource, time
import sympy
start = time.perf_counter()
n = {n}
a = sympy.symbols(f"a_1:{{n + 1}}", real=True)
Z = sum(sympy.exp(x) for x in a)
S = [sympy.exp(x) / Z for x in a]
x = sympy.symbols(f"x_1:{{n + 1}}", positive=True)
back = {{sympy.exp(ak): xk for ak, xk in zip(a, x)}}
for i in range(n):
    for j in range(n):
        d = sympy.diff(S[i], a[j])
        closed = S[i] * ((1 if i == j else 0) - S[j])
        if "{how}" == "simplify":
            assert sympy.simplify(d - closed) == 0
        else:
            e = sympy.expand_power_exp(sympy.powsimp(d - closed, combine="exp", deep=True))
            e = e.subs(back)
            assert sympy.cancel(e) == 0
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mib": peak}}))
"""


def child(code: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def wall(argv: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 16, 64, 256, 1024])
    parser.add_argument("--baseline-max", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--catalogue-max",
        type=int,
        default=256,
        help="largest N for the whole catalogue (15 theorems)",
    )
    parser.add_argument("--jobs", type=int, default=1, help="processes per run (default 1)")
    args = parser.parse_args()

    print(
        f"machine: {platform.machine()}, {platform.processor() or '?'}, "
        f"python {platform.python_version()}, {__import__('os').cpu_count()} cores"
    )
    sympy_import = wall([sys.executable, "-c", "import sympy"], args.repeat)
    print(f"python -c 'import sympy': {sympy_import:.3f} s (median of {args.repeat})")
    only = [a for name in FOUNDATION for a in ("--theorem", name)]
    for label, extra in (
        ("verify --n 4 (four foundation theorems, --no-witness)", [*only, "--no-witness"]),
        ("verify --n 4 (15 theorems, numeric witness, hypotheses)", []),
    ):
        cli = wall([sys.executable, "-m", "symsoft", "verify", "--n", "4", *extra], args.repeat)
        print(f"python -m symsoft {label}: {cli:.3f} s = {cli / sympy_import:.2f} x import sympy")
    print()
    print("the four foundation theorems (softmax Jacobian, cross-entropy gradient):")
    header = f"{'N':>5} {'entries':>9} {'symsoft s':>10} {'peak MiB':>9}"
    header += f" {'sympy simplify s':>17} {'sympy cancel s':>15} {'speed-up':>9}"
    print(header)
    for n in args.sizes:
        ours = child(CHILD_VERIFY.format(n=n, theorems=FOUNDATION, jobs=args.jobs))
        row = f"{n:>5} {n * n + 2 * n:>9} {ours['seconds']:>10.3f} {ours['peak_mib']:>9.1f}"
        if n <= args.baseline_max:
            slow = child(CHILD_BASELINE.format(n=n, how="simplify"))
            fast = child(CHILD_BASELINE.format(n=n, how="cancel"))
            row += f" {slow['seconds']:>17.2f} {fast['seconds']:>15.2f}"
            row += f" {slow['seconds'] / ours['seconds']:>8.0f}x"
        print(row, flush=True)
    print()
    print("the whole catalogue (15 theorems):")
    print(f"{'N':>5} {'symsoft s':>10} {'peak MiB':>9}")
    for n in [n for n in args.sizes if n <= args.catalogue_max]:
        ours = child(CHILD_VERIFY.format(n=n, theorems=None, jobs=args.jobs))
        print(f"{n:>5} {ours['seconds']:>10.3f} {ours['peak_mib']:>9.1f}", flush=True)
    every = child(CHILD_VERIFY.format(n='"all"', theorems=None, jobs=1))
    print(
        f"every N at once (--n all), all 15 theorems: {every['seconds']:.2f} s, "
        f"{every['peak_mib']:.1f} MiB peak"
    )


if __name__ == "__main__":
    main()
