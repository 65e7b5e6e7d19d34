"""The reader's regular expressions are compiled on first use, and each is the pattern
``re.compile`` makes of the same text and flags."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest

import symsoft.reading
from symsoft.reading.lazy_regex import LazyPattern, lazy


def _reading_patterns() -> list[tuple[str, str, LazyPattern]]:
    found = []
    for info in pkgutil.walk_packages(symsoft.reading.__path__, "symsoft.reading."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, LazyPattern):
                found.append((info.name, name, value))
    return found


def test_every_pattern_of_the_reader_compiles_to_what_re_compile_makes():
    patterns = _reading_patterns()
    assert len(patterns) > 200  # the module-level patterns of the reader
    for module, name, pattern in patterns:
        # a syntax error would otherwise wait for the first document that reaches it
        compiled = re.compile(pattern.pattern, pattern._flags)
        assert (pattern.flags, pattern.groupindex) == (compiled.flags, compiled.groupindex), (
            f"{module}.{name}"
        )


def test_a_lazy_pattern_is_compiled_on_first_use_only():
    word = lazy(r"(?P<word>hot|cold)\b", re.IGNORECASE)
    assert "_compiled" not in vars(word) and word.pattern == r"(?P<word>hot|cold)\b"
    assert word.search("One-HOT labels").group("word") == "HOT"
    assert "_compiled" in vars(word)
    assert [m.group() for m in word.finditer("hot, cold, warm")] == ["hot", "cold"]
    assert word.sub("x", "Cold or hot") == "x or x"


@pytest.mark.parametrize(
    ("pattern", "flags", "text", "found"),
    [
        (r"one[- ]?hot", re.IGNORECASE, "ONE-HOT", True),
        (r"one[- ]?hot", 0, "ONE-HOT", False),  # the twin: the flags are kept, not dropped
        (r"^\s*\$\$", re.MULTILINE, "text\n  $$", True),
        (r"^\s*\$\$", 0, "text\n  $$", False),
    ],
)
def test_a_lazy_pattern_keeps_its_flags(pattern, flags, text, found):
    assert bool(lazy(pattern, flags).search(text)) is found
    assert bool(re.compile(pattern, flags).search(text)) is found


def test_a_bad_pattern_fails_when_first_used():
    bad = lazy(r"(unclosed")
    with pytest.raises(re.error):
        bad.search("unclosed")
