"""A worked example said to run through the text ("We follow a single running example through
the whole post: $x = 2$, $w = 1$"): the values it gives hold in every later section.  Only the
paragraph that announces it gives them, and the one after it when it ends with a colon ("Its
values are:" and a list); "we assume throughout that …" announces no value said pages later
("the same code path as $T = 1$")."""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy

RUNNING = lazy(
    r"(?i:running\s+example|throughout|whole\s+(?:post|article|note)|same\s+example)"
    r"|ずっと|同じ例|始终|贯穿|durchgehend|tout\s+au\s+long|a\s+lo\s+largo"
)


def announced(source: str, at: int) -> str:
    """The paragraphs of ``source`` before ``at`` that announce a running example, from the
    announcement to the paragraph's end.

    >>> announced("A running example: $x = 2$.\\n\\nLater $T = 1$.\\n\\nStep", 40)
    'A running example: $x = 2$.'
    """
    parts = []
    for found in RUNNING.finditer(source, 0, at):
        start, end = source.rfind("\n\n", 0, found.start()) + 1, _end(source, found.end())
        if source[start:end].rstrip().endswith(":"):  # "Its values are:" and a list after it
            end = _end(source, end + 2)
        parts.append(source[start : min(end, at)])
    return " ".join(parts)


def _end(source: str, at: int) -> int:
    """Where the paragraph that goes on at ``at`` ends."""
    end = source.find("\n\n", at)
    return len(source) if end < 0 else end
