"""Conventions a whole document states that this reader does not apply: logarithms to another
base, Einstein's summation over repeated indices.  A flag might rest on reading the text
otherwise, so none is raised, and a step that holds only as read is not said to hold."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy

LOG_CAVEAT = "the document's logarithms are not natural ones, as they are read here"
_CONVENTIONS = (
    (
        lazy(
            r"\b(?:log(?:arithm)?s?\b[^.]{0,60}\bbase[- ]?(?:2|two|10|ten|b)\b|in\s+bits\b)"
            r"|\\log_\s*\{?\s*(?:2|10|b)\b|\\lg\b"
            # … in other languages: to base 2 (以 2 为底, по основанию 2, Basis 2, base 2, 底を
            # 2), in bits (比特, 位元, ビット, бит, Bit, bits)
            r"|以\s*+\$?\s*+(?:2|10)\s*+\$?\s*+为底|底(?:为|是|を)\s*+\$?\s*+(?:2|10)|比特|ビット|비트"
            r"|по\s+основанию\s++\$?\s*+(?:2|10)|\bбит\w*|\bBasis\s++\$?\s*+(?:2|10)\b"
            r"|\bbase\s++\$?\s*+(?:2|10)\b|\b(?:in|en)\s+bits?\b"
            r"|밑이?\s*+\$?\s*+(?:2|10)|상용\s*로그|이진\s*로그|常用对数|常用対数|二進対数|二进制对数",
            re.IGNORECASE,
        ),
        LOG_CAVEAT,
    ),
    (
        lazy(r"\bEinstein\b|\bsummation\s+convention\b|\brepeated\s+ind", re.I),
        "the document sums over repeated indices (a convention not applied here)",
    ),
)


# "We use $\log$ to denote the natural logarithm": a base b written in a rule (\log_b a) then
# names no base of the text's own logarithms
_NATURAL = lazy(
    r"\$\s*\\log\s*\$\s*(?:to\s+)?(?:denotes?|means?|is)\s+(?:the\s+)?natural\s+log"
    r"|\b(?:all|our|every)\s+log(?:arithm)?s\s+are\s+natural\b",
    re.IGNORECASE,
)
_GENERIC_BASE = lazy(r"\\log_\s*\{?\s*b\b")
# a logarithm to base 2 or 10 applied where it is written (\log_2 P(x), \log_{10}(x)), not
# "$\log$ means $\log_2$" nor \log_2 8 = 3 (session 84: a Turkish article's entropy in bits)
_WITH_BASE = lazy(r"\\log_\s*(?:\{\s*(?:2|10)\s*\}|2|10)\s*(?:\\left\s*)?[A-Za-z(\[{]")


def caveat_of(text: str) -> str:
    """A convention the whole document states that this reader does not apply: a flag might
    rest on reading it otherwise, so no step is flagged."""
    for pattern, why in _CONVENTIONS:
        matches = list(pattern.finditer(text))
        found = [m.group() for m in matches]
        if why == LOG_CAVEAT and found and all(_WITH_BASE.match(text, m.start()) for m in matches):
            continue  # \log_2 P(x) with its base written: the text's plain \log is natural
        if found and why == LOG_CAVEAT and _NATURAL.search(text):
            # "$\log$ denotes the natural logarithm", and a rule a·b^x = b^{x + \log_b a}
            if all(_GENERIC_BASE.fullmatch(written) for written in found):
                continue
        if found:
            return why
    return ""
