"""A prime written after a function's argument, ``f(x)'`` (also the typographic ``f(x)’`` of
posts typed in a word processor, and ``\\tanh(x)^{\\prime}``): the derivative ``f'(x)``, as
``(f(x))'`` would be.  Only a call of one letter, or of ``\\sigma`` and ``\\tanh``, at one
letter: ``p(1 - p)'`` and ``(wx)'`` are left as written.  Same length: the primes move before
the argument."""

from __future__ import annotations

from symsoft.reading.documents.spans import Span, Text
from symsoft.reading.lazy_regex import lazy

_PRIMED_CALL = lazy(
    r"(?<![\\A-Za-z_^])(?:[A-Za-z]|\\sigma|\\tanh|\\(?:mathop|operatorname)\s*\{\s*tanh\s*\})(?![A-Za-z])"
    r"(\s*\(\s*[A-Za-z]\s*\))(\s*)((?:'|\u2019|\^\s*\{\s*\\prime\s*\}|\^\s*\\prime(?![a-zA-Z]))+)(?!\s*\()"
)


def move_call_primes(text: Text, span: Span) -> None:
    """``f(x)'`` as ``f'(x)`` in the display ``span`` (see the module)."""
    body = text.slice(span.start, span.end)
    for match in _PRIMED_CALL.finditer(body):
        start = span.start + match.start(1)
        moved = match.group(3) + match.group(1) + match.group(2)
        text.chars[start : span.start + match.end()] = list(moved)
