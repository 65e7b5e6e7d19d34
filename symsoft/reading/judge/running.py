"""A worked example said to run through the text ("We follow a single running example through
the whole post: $x = 2$, $w = 1$"): the values it gives hold in every later section.  Only the
paragraph that announces it gives them ("we assume throughout that …" announces no value said
pages later, "the same code path as $T = 1$")."""

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
    'running example: $x = 2$.'
    """
    parts = []
    for found in RUNNING.finditer(source, 0, at):
        end = source.find("\n\n", found.end())
        parts.append(source[found.start() : at if end < 0 else min(end, at)])
    return " ".join(parts)
