"""The words around a hypothesis said in a sentence that name what it is said of ("the targets
$t$ are one-hot", "y is one-hot", "a probability vector $q$"): see prose.stated_normalized."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

_TARGET_NOUNS = lazy(
    r"\b(?:targets?|labels?|ground[- ]truth|responses?|softened\s+probabilities)\b"
    r"|레이블|라벨|标签|ラベル",
    re.IGNORECASE,
)


# "y is one-hot", "t is a one-hot vector", "y 是 one-hot 向量": one letter, no "a" or "I"
_BARE_SUBJECT = lazy(
    r"(?<![\w$\\'])([b-zB-HJ-Z])\s*(?:(?:\s(?:is|are)\s+(?:(?:a|an|always|also)\s+)?)"
    r"|(?:是|为|為|는|은|は|が)\s*(?:一个|一個)?\s*|\s)$"
)
# up to two words between a phrase and the name it qualifies, none a conjunction or a verb
_QUALIFIED = lazy(
    r"\s+(?:(?!(?:and|or|but|let|be|is|are|was|where|with|then|so|while|which|that)\b)"
    r"[a-z-]+\s+){0,2}"
)
_PLAIN_WORDS = lazy(r"(?:[a-zA-Z ,()—–-]|是|为|為|都|均|一个|一個|는|은|이|가|は|が|も)*")
