"""`check DOC` on two trees as whole processes, alternating, beside `import sympy`.

    git archive BASE | tar -x -C /tmp/base-tree
    python benchmarks/paired_check.py /tmp/base-tree . tests/data/documents/blog_post.md --pairs 21

On a shared machine the CPU time of one process moves by ±20 % with the load, more than most
changes of speed; alternating the two trees (each pair between two runs of ``import sympy``)
lets both see the same load.  Printed: the median CPU seconds (user + system) of each command,
its ratio to ``import sympy``'s median, and in how many pairs the second tree was the faster,
with the median of the pairs' differences.  Each tree runs in its own folder (``python -m``
imports the working directory's package before PYTHONPATH's), its bytecode compiled first as
``pip install`` compiles it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path


def cpu(argv: list[str], tree: Path) -> float:
    """The CPU seconds (user + system) of one process running ``argv`` in ``tree``."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    process = subprocess.Popen(
        argv, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed in {tree}")
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="the tree measured first in each pair")
    parser.add_argument("tree", type=Path, help="the tree measured second")
    parser.add_argument("document", type=Path, help="relative to each tree, or absolute")
    parser.add_argument("--pairs", type=int, default=11)
    args = parser.parse_args()
    trees = [args.base.resolve(), args.tree.resolve()]
    for tree in trees:
        compiled = [sys.executable, "-m", "compileall", "-q", str(tree / "symsoft")]
        subprocess.run(compiled, check=True)
    check = [sys.executable, "-m", "symsoft", "check", str(args.document)]
    sympy_cpu, base_cpu, tree_cpu = [], [], []
    for _ in range(args.pairs):
        sympy_cpu.append(cpu([sys.executable, "-c", "import sympy"], trees[1]))
        base_cpu.append(cpu(check, trees[0]))
        tree_cpu.append(cpu(check, trees[1]))
    sympy_cpu.append(cpu([sys.executable, "-c", "import sympy"], trees[1]))
    unit = statistics.median(sympy_cpu)
    for label, values in (("import sympy", sympy_cpu), ("base", base_cpu), ("tree", tree_cpu)):
        median = statistics.median(values)
        print(f"{label:<14} {median:6.3f} s CPU  {median / unit:5.2f} × import sympy")
    differences = [b - t for b, t in zip(base_cpu, tree_cpu, strict=True)]
    faster = sum(d > 0 for d in differences)
    print(
        f"the tree was faster in {faster} of {args.pairs} pairs, by "
        f"{statistics.median(differences):+.3f} s (median of the differences)"
    )


if __name__ == "__main__":
    main()
