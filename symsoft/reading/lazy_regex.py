"""Regular expressions compiled the first time they are used.

The reader's modules hold some 380 patterns at module level; compiling all of them took about
half of importing the document reader, and a document uses fewer than two thirds of them.
``lazy(pattern, flags)`` stands where ``re.compile(pattern, flags)`` stood: the same pattern,
compiled by ``re.compile`` on the first method call, its methods then found directly.

>>> word = lazy(r"\\b(?:hot|cold)\\b")
>>> word.pattern
'\\\\b(?:hot|cold)\\\\b'
>>> word.search("one-hot vector").group()
'hot'
>>> word.sub("warm", "hot or cold")
'warm or warm'
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """``re.compile(pattern, flags)`` on first use; ``pattern`` is there without compiling
    (the patterns built from other patterns read it at import)."""

    def __init__(self, pattern: str, flags: int | re.RegexFlag = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # only reached for a name not yet set on the instance: the first time, compile; then
        # keep what was asked (a bound method) so that later look-ups never come here
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern[str]:
    """The pattern ``re.compile(pattern, flags)`` would give, compiled when first used."""
    return LazyPattern(pattern, flags)  # type: ignore[return-value]
