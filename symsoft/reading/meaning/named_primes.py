"""A primed letter the text gives a value as a name: "Let $y = \\frac{1}{1+e^{-x}}$ and $y' =
1 - y$" (the other class's probability), "Ký hiệu $y' = 1 - y$", "Define the flipped label
$$y' = 1 - y$$", "$y' = 2y - 1$ (not a derivative)". Such a y' is no derivative anywhere in the
text, even where the words speak of derivatives elsewhere: a step that writes it is not read as
one (a false "holds" of ``y' = y(1 - y)`` otherwise, a false "fails" of ``y + y' = 1``)."""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy

# y' = … whose value writes no derivative (no d, ∂, prime): a value, as a definition gives one
_PRIMED_VALUE = (
    r"[a-zA-Z]\s*(?:'|\^\s*\{?\s*\\prime\s*\}?)\s*=\s*"
    r"(?![^$]*(?:\\partial|\\frac\s*\{\s*d|'|\\prime|d/d))"
)
# a definition's word earlier in the sentence, in the languages of the posts read
_DEFINING = (
    r"(?i)(?:\b(?:let|define[ds]?|denote[ds]?|call|set|write|where|cho|ký\s+hiệu|đặt|gọi|misalkan"
    r"|stel|niech|sei|seien|soit|soient|sea|sean|seja|sejam|dato|data)\b|令|设|定义|とする|라고)"
)
_NAMED = lazy(_DEFINING + r"[^.!?\n]{0,160}?\$\s*" + _PRIMED_VALUE)
# "$y = …$ modelin çıktısı, $y' = 1 - y$ ise …": a value right after the letter's definition, in
# the same sentence, with no word that derives it (then, so, gives …)
_BESIDE = lazy(
    r"\$\s*([a-zA-Z])\s*=[^$]*\$(?![^.!?\n$]{0,60}?(?i:\b(?:then|so|thus|hence|therefore|gives?"
    r"|we\s+get|yields?|becomes?|do\s+đó|nên|maka|dus|więc|also|donc|entonces|então|因此|所以)\b))"
    r"[^.!?\n$]{0,60}\$\s*(?=\1\s*')" + _PRIMED_VALUE
)
_DEFINED_DISPLAY = lazy(
    r"(?i)\b(?:define|denote|let|call)\b[^.!?$]{0,80}\s*\$\$\s*" + _PRIMED_VALUE
)
_NOT_A_DERIVATIVE = lazy(
    r"(?i)\bnot\s+(?:a|the)\s+derivative|không\s+phải\s+(?:là\s+)?đạo\s+hàm|bukan\s+turunan"
    r"|geen\s+afgeleide|nie\s+jest\s+pochodn|keine\s+ableitung|pas\s+une\s+dérivée"
    r"|no\s+es\s+(?:una\s+|la\s+)?derivada|não\s+é\s+(?:uma\s+|a\s+)?derivada|türev\s+değil|不是导数"
)


def named_prime(text: str) -> bool:
    """Whether the text gives a primed letter a value as a name (see the module)."""
    return bool(
        _NAMED.search(text)
        or _BESIDE.search(text)
        or _DEFINED_DISPLAY.search(text)
        or _NOT_A_DERIVATIVE.search(text)
    )
