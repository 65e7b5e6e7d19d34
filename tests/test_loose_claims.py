"""``documents.loose_claims``: a derivative set equal to a value in a line of another script is
a claim whatever its words; a line without a character of those scripts is not searched."""

from __future__ import annotations

import re

from symsoft.reading.documents import loose_claims
from symsoft.reading.lazy_regex import lazy

CLAIM = r"$\frac{\partial s_i}{\partial x_j} = s_i(\delta_{ij} - s_j)$."


def test_a_line_of_another_script_says_its_claim():
    found = loose_claims.said_loosely(f"Объединяя оба случая, {CLAIM}")
    assert [m.group().startswith(r"$\frac{\partial s_i}") for m in found] == [True]


def test_a_line_without_such_a_character_is_not_searched(monkeypatch):
    fresh = lazy(loose_claims._OTHER_SCRIPT.pattern)
    monkeypatch.setattr(loose_claims, "_OTHER_SCRIPT", fresh)
    assert loose_claims.said_loosely(f"Combining both cases (σ, é), {CLAIM}") == []
    assert loose_claims.said_loosely("") == []
    assert "_compiled" not in vars(fresh)  # (its class takes milliseconds to compile)
    assert loose_claims.said_loosely(f"Объединяя оба случая, {CLAIM}")  # the twin
    assert "_compiled" in vars(fresh)


def test_every_character_of_the_scripts_is_at_u0400_or_above():
    scripts = re.compile(loose_claims._OTHER_SCRIPT.pattern)
    assert not any(scripts.search(chr(code)) for code in range(0x400))
    assert scripts.search("\u0400") and scripts.search("\uac00")
