"""What a text says of its targets without stating a hypothesis: that they are the true class
or labels of a classification (:func:`targets_called_true`), and which letters weigh a logarithm
(:func:`written_log_weights`), that it names the correct class by a letter
(:func:`correct_class_named`) or a teacher's outputs (:func:`teacher_names`); a flag that rests
on such targets left free is withheld."""

from __future__ import annotations

import re

from symsoft.reading.lazy_regex import lazy
from symsoft.reading.meaning.prose import negated, sentences, stated_normalized

_TRUE_TARGETS = lazy(  # "$y_i$ is the true class", "其中$y_i$表示真实的分类结果"
    r"\b(?:true|correct|actual|ground[- ]truth|target)\s+(?:class(?:es)?|labels?|categor(?:y|ies)"
    r"|classification)\b|\bground[- ]truth\b|\bindicator\s+vector|\bhard\s+(?:labels?|targets?)\b"
    r"|真实的?(?:分类结果|标签|類別|类别|分类|值)|正确的?(?:类别|标签)|训练的?目标"
    r"|正解(?:ラベル|クラス)|정답\s*(?:레이블|라벨|클래스)",
    re.IGNORECASE,
)
# the targets named in math: y, \hat{y_k} (a text whose truth wears the hat), t_i
_APART = lazy(r"\$\$.*?\$\$|\n[ \t]*\n", re.DOTALL)
_TARGET_NAME = lazy(r"\$[^$]{0,30}(?<![a-zA-Z\\])[a-z](?![a-zA-Z])[^$]{0,30}\$")


_CLASSIFICATION = lazy(  # "k-class classification", "クラス分類", "多分类", "one-hot encoding"
    r"\bclassification\b|\bmulti-?class\b|\b[a-zA-Z]-class\b|分類|分类|분류|clasificaci[oó]n"
    r"|classifica[çc][ãa]o|классификаци|Klassifikation"
    r"|(?P<hot>\bone[- ]?hot\b|独热|ワンホット|원[- ]?핫)",  # one-hot targets: class labels
    re.IGNORECASE,
)


_LOG_WEIGHT = lazy(  # t_k \log, t_{n,k} \ln y_{n,k}, y_{ik}\log p_{ik}: a weight of a logarithm
    r"(?<![\\A-Za-z])([A-Za-z])\s*(?:\^\s*\{?\*\}?\s*)?_\s*(?:[a-z]|\{\s*[a-z]\s*,?\s*[a-z]?\s*\})"
    r"\s*(?:\\cdot\s*)?\\(?:log|ln)(?![a-zA-Z])"
)
# \hat{y_k}logy_k, \hat{y}_k \log: a weight that wears the hat (a text whose truth is ŷ)
_HAT_LOG_WEIGHT = lazy(
    r"\\hat\s*\{\s*([A-Za-z])\s*(?:_\s*(?:[a-z]|\{\s*[a-z]\s*\}))?\s*\}\s*(?:_\s*(?:[a-z]|\{\s*[a-z]\s*\}))?"
    r"\s*(?:\\cdot\s*)?\\?(?:log|ln)(?![a-zA-Z]{2})"
)


def written_log_weights(text: str) -> set[str]:
    """The letters written with an index or two right before a logarithm (``t_{n,k} \\ln``),
    and ``yhat`` for ``\\hat{y_k} \\log``."""
    return set(_LOG_WEIGHT.findall(text)) | {f"{m}hat" for m in _HAT_LOG_WEIGHT.findall(text)}


def targets_called_true(text: str) -> str:
    """Why the targets may be one-hot though no sentence says so: a sentence that calls ``y``
    the true class or label ("where $y_i$ is the true class"), else one that speaks of a
    classification (its targets are class labels); "" when none does."""
    found = sentences(text)
    for sentence in found:
        for piece in _APART.split(sentence):  # not across a display or a paragraph's end
            # (not "The hard label $y$ is one-hot.": said of a name, the hypothesis of that name)
            named = _TARGET_NAME.search(piece) and _TRUE_TARGETS.search(piece)
            if named and not stated_normalized(piece):
                return f"the sentence '{piece.strip()[:80]}' calls the targets the true class"
    for sentence in found:
        said = _CLASSIFICATION.search(sentence)
        if said and said.group("hot") and _no_labels(sentence):
            continue  # "here $y$ is not one-hot", "the labels $t$ are one-hot": said of a name
        if said:
            words = sentence[max(0, said.start() - 40) : said.end() + 20].split()[1:-1]
            return f"the text speaks of a classification ('… {' '.join(words)} …')"
    return ""


def _no_labels(sentence: str) -> bool:
    """A sentence saying one-hot that says no more of the targets: one that denies it, or one
    that says it of a name (which the hypothesis itself then applies to)."""
    return negated(sentence) or bool(stated_normalized(sentence))


_CORRECT_CLASS = lazy(  # "assume the index of correct class is k", "the true class is $c$"
    r"\b(?:correct|true|target|right)\s+(?:class|label)\b[^.$]{0,20}?\bis\s+\$?\s*([a-z])\s*\$?"
    r"(?![a-zA-Z])",
    re.IGNORECASE,
)


def correct_class_named(text: str) -> bool:
    """The text names the correct class by a letter: its labels are one-hot at that index,
    a hypothesis the reader does not encode, so y is not a free variable there."""
    return any(_CORRECT_CLASS.search(sentence) for sentence in sentences(text))


_TEACHER = lazy(  # "the teacher scores $p$", "the teacher's outputs $\mathbf{p}$"
    r"\bteacher(?:'s)?(?:\s+(?:soft(?:ened)?\s+)?(?:scores?|outputs?|predictions?|targets?))?\s+"
    r"\$\s*(?:\\(?:mathbf|boldsymbol|bm|vec|hat|tilde)\s*\{?\s*)?([a-zA-Z])\s*\}?\s*\$",
    re.IGNORECASE,
)


def teacher_names(text: str) -> set[str]:
    """The names a text gives a teacher's outputs without saying what they are ("the teacher
    scores $p$"): in distillation a teacher's softened probabilities, which sum to one, though
    the word may also mean logits."""
    return set(_TEACHER.findall(text))


_ONE_HOT_WORD = lazy(r"\bone[- ]?hot\b", re.IGNORECASE)


def one_hot_said(text: str, name: str = "y") -> bool:
    """Whether a sentence of the text says ``name`` is one-hot ("against a one-hot label $y$"),
    and none denies it: the one-hot reading is then the text's own (y_k = δ_kc)."""
    said = [s for s in sentences(text) if _ONE_HOT_WORD.search(s)]
    return any(name in stated_normalized(s) for s in said) and not any(negated(s) for s in said)
