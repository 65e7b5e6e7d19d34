"""Write tests/data/wild/labels.json from the hand transcriptions ``*.truth.py`` (no symsoft).

python tests/wild/label.py           # rewrite labels.json
python tests/wild/label.py --check   # exit 1 when labels.json is not what the script writes
"""

from __future__ import annotations

import importlib.util
import json
import multiprocessing
import os
import random
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import truth  # noqa: E402

WILD = Path(__file__).parents[1] / "data" / "wild"
LABELS = WILD / "labels.json"
DOCUMENT_SUFFIXES = (".md", ".tex", ".markdown")


def load(path: Path):
    spec = importlib.util.spec_from_file_location(path.name.replace(".", "_"), path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def document_of(transcription: Path) -> Path:
    stem = transcription.name.removesuffix(".truth.py")
    for suffix in DOCUMENT_SUFFIXES:
        if (WILD / (stem + suffix)).exists():
            return WILD / (stem + suffix)
    raise FileNotFoundError(f"no document for {transcription.name}")


def check_positions(document: Path, steps) -> None:
    """Each step's (line, col) must point at a relation sign of the document."""
    lines = document.read_text(encoding="utf-8").split("\n")
    for step in steps:
        text = lines[step.line - 1]
        char = text[step.col - 1 : step.col]
        if char not in ("=", ":", "\\", "≡", "≈"):
            raise ValueError(
                f"{document.name}:{step.line}:{step.col} is {char!r}, not a relation sign"
            )


def label_document(transcription: Path) -> tuple[str, list[dict]]:
    """The labels of one document: its own random stream, so the order of work is free."""
    module = load(transcription)
    document = document_of(transcription)
    check_positions(document, module.STEPS)
    rng = random.Random(transcription.name)
    sizes = getattr(module, "SIZES", (2, 3, 4))
    return document.name, [
        asdict(truth.label_step(step, module.sample, sizes, rng)) for step in module.STEPS
    ]


def labels() -> dict:
    transcriptions = sorted(WILD.glob("*.truth.py"))
    # the documents are independent: one fresh process per core, results in the order of names
    workers = max(1, min(len(os.sched_getaffinity(0)), 4))
    if workers == 1:
        return dict(map(label_document, transcriptions))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        return dict(pool.map(label_document, transcriptions, chunksize=4))


def main() -> int:
    text = json.dumps(labels(), indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if "--check" in sys.argv:
        current = LABELS.read_text(encoding="utf-8") if LABELS.exists() else ""
        if current != text:
            print("labels.json is stale: run python tests/wild/label.py", file=sys.stderr)
            return 1
        return 0
    LABELS.write_text(text, encoding="utf-8")
    counts: dict[str, int] = {}
    for steps in json.loads(text).values():
        for step in steps:
            key = step["label"] if not step["label"].startswith("holds only") else "holds only"
            counts[key] = counts.get(key, 0) + 1
    print(f"{len(json.loads(text))} documents: {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
