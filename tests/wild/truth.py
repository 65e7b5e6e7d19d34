"""Independent ground truth for the corpus of real-style documents (tests/data/wild/).

Nothing here imports symsoft. A document ``NAME.md`` (or ``.tex``) has a transcription
``NAME.truth.py`` written by hand from what the *author meant*: each equality step of the
document, identified by the line and column of its relation sign, with both sides as mpmath
functions of a sampled point. ``label.py`` evaluates them at random points for several sizes and
every index assignment, and writes the labels to ``labels.json``.

A transcription module defines

    SIZES = (2, 3, 4)                       # the sizes N to evaluate at (optional)
    def sample(rng, n): return Point(...)   # one random point of the document's variables,
                                            # drawn under the hypotheses the document STATES
    STEPS = [Step(line, col, lhs, rhs, indices=("i", "j"), case=None, kind="step"), ...]

``lhs`` and ``rhs`` take ``(v, n, **indices)`` with 1-based index values and return a number.
``case`` is the index case the document states for the step, written ``"i = j"`` or
``"i != j"`` (None: the step claims every case). ``kind`` is "step" for a claimed equality,
"definition" for a definition (not judged: the label is "definition", unless ``wrong`` says the
definition itself is malformed), "hypothesis" for a stated hypothesis such as Σ_j y_j = 1.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import mpmath as mp

mp.mp.dps = 60
STEP = mp.mpf("1e-18")  # central differences: error ~ STEP² · f''' ≈ 1e-36
TOLERANCE = mp.mpf("1e-20")


@dataclass(frozen=True)
class Step:
    line: int  # 1-based line of the relation sign
    col: int  # 1-based column of the relation sign (the '=' itself)
    lhs: Callable[..., Any] | None = None
    rhs: Callable[..., Any] | None = None
    indices: tuple[str, ...] = ()
    case: str | None = None
    kind: str = "step"  # "step" | "definition" | "hypothesis"
    wrong: str | None = None  # a definition that is itself malformed: why
    note: str = ""


class Point(dict):
    """The sampled variables, also readable as attributes (``v.a``)."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


# ---------------------------------------------------------------- sampling


def reals(rng, n: int, scale: float = 2.0) -> list:
    return [mp.mpf(rng.uniform(-scale, scale)) for _ in range(n)]


def positives(rng, n: int) -> list:
    return [mp.mpf(rng.uniform(0.1, 3.0)) for _ in range(n)]


def one_hot(rng, n: int) -> list:
    hot = rng.randrange(n)
    return [mp.mpf(1 if k == hot else 0) for k in range(n)]


def distribution(rng, n: int) -> list:
    weights = positives(rng, n)
    total = sum(weights)
    return [w / total for w in weights]


# ---------------------------------------------------------------- functions


def softmax(x: Sequence) -> list:
    top = max(x)
    e = [mp.exp(v - top) for v in x]
    z = sum(e)
    return [v / z for v in e]


def logsumexp(x: Sequence):
    return mp.log(sum(mp.exp(v) for v in x))


def sigmoid(x):
    return 1 / (1 + mp.exp(-x))


def delta(i: int, j: int) -> int:
    return 1 if i == j else 0


def d(f: Callable[[list], Any], x: Sequence, k: int):
    """∂f/∂x_k (k 1-based) at x, by a central difference."""
    up, down = list(x), list(x)
    up[k - 1] += STEP
    down[k - 1] -= STEP
    return (f(up) - f(down)) / (2 * STEP)


def d2(f: Callable[[list], Any], x: Sequence, k: int, m: int):
    """∂²f/∂x_k∂x_m at x."""
    return d(lambda y: d(f, y, m), x, k)


def dscalar(f: Callable[[Any], Any], x):
    """f'(x) for a function of one variable."""
    return (f(x + STEP) - f(x - STEP)) / (2 * STEP)


# ---------------------------------------------------------------- labelling


@dataclass
class Label:
    line: int
    col: int
    label: str  # "holds" | "fails" | "holds only when i = j" | "definition" | "hypothesis"
    case: str | None = None
    note: str = ""
    detail: dict = field(default_factory=dict)


def _pattern(names: Sequence[str], values: Sequence[int]) -> str:
    """The index case of an assignment: ``i = j``, ``i != j``, ``i = j != k``…"""
    if len(names) < 2:
        return "every case"
    groups: dict[int, list[str]] = {}
    for name, value in zip(names, values, strict=True):
        groups.setdefault(value, []).append(name)
    blocks = sorted(sorted(b) for b in groups.values())
    return " != ".join(" = ".join(b) for b in blocks)


def _satisfies(case: str | None, env: dict[str, int]) -> bool:
    if case is None:
        return True
    for part in case.split(","):
        if "!=" in part:
            left, right = (s.strip() for s in part.split("!="))
            if env[left] == env[right]:
                return False
        else:
            left, right = (s.strip() for s in part.split("="))
            if env[left] != env[right]:
                return False
    return True


def label_step(step: Step, sample: Callable, sizes: Sequence[int], rng, points: int = 3) -> Label:
    if step.kind in ("definition", "hypothesis"):
        if step.wrong:
            return Label(step.line, step.col, "fails", step.case, step.wrong)
        return Label(step.line, step.col, step.kind, step.case, step.note)
    agree: dict[str, bool] = {}
    worst: dict[str, str] = {}
    for n in sizes:
        for values in itertools.product(range(1, n + 1), repeat=len(step.indices)):
            env = dict(zip(step.indices, values, strict=True))
            if not _satisfies(step.case, env):
                continue
            pattern = _pattern(step.indices, values)
            for _ in range(points):
                v = sample(rng, n)
                left, right = step.lhs(v, n, **env), step.rhs(v, n, **env)
                scale = max(1, abs(left), abs(right))
                ok = abs(left - right) <= TOLERANCE * scale
                agree[pattern] = agree.get(pattern, True) and ok
                if not ok and pattern not in worst:
                    worst[pattern] = f"N={n} {env}: {mp.nstr(left, 8)} vs {mp.nstr(right, 8)}"
    if not agree:
        raise ValueError(f"step at line {step.line} col {step.col}: no index assignment fits")
    good = sorted(p for p, ok in agree.items() if ok)
    if len(good) == len(agree):
        label = "holds"
    elif not good:
        label = "fails"
    else:
        label = "holds only when " + " or ".join(good)
    return Label(step.line, step.col, label, step.case, step.note, {"fails": worst})
