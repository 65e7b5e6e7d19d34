"""The words around an equation said in a sentence, in the languages derivations are written
in besides English: those that assert it (Russian "Итак, $…$", Chinese "所以 $…$", Japanese
"$…$ となる", Spanish "tenemos $…$") and those that make it a case, a supposition, a wish or a
slip ("если", "若", "場合", "supongamos", "faux") — such an equation stays unread.

>>> bool(ASSERTING_LEAD.search("Итак, ")), bool(ASSERTING_LEAD.search("所以"))
(True, True)
>>> bool(ASSERTING_TAIL.match(" となる。")), bool(NOT_ASSERTED_ABROAD.search("если "))
(True, True)
"""

from __future__ import annotations

from symsoft.reading.lazy_regex import lazy

# the words that call a formula a slip, in every list of them (a slip, a wish, a case…)
SLIP_STEMS = r"wrong\w*|mistake\w*|mistaken\w*|incorrect\w*|erroneous\w*|slip|slips|slipped"

# kana and the CJK ideographs: the characters of a Chinese or Japanese sentence
KANA_AND_IDEOGRAPHS = r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]"


def writes_cjk(text: str) -> bool:
    """Whether ``text`` has a character at U+3040 or above, where kana, the CJK ideographs and
    Hangul begin: a text without one needs no pattern of theirs (a class of tens of thousands
    of characters takes some 10 ms to compile).

    >>> writes_cjk("所以 $x$"), writes_cjk("so $x$ — σ(z)")
    (True, False)
    """
    return bool(text) and max(text) >= "\u3040"


# the words right before the math that state it: "so", "we get", "then", "that is" …
_LATIN_LEADS = (
    # Spanish, Portuguese
    r"tenemos|obtenemos|queda|nos\s+queda|resulta|entonces|por\s+lo\s+tanto|por\s+tanto|as[ií]"
    r"|es(?:\s+igual\s+a)?|vale|é(?:\s+igual\s+a)?"  # "is", "is equal to", "is worth"
    r"|luego|es\s+decir|o\s+sea|temos|obtemos|ent[aã]o|portanto|logo|ou\s+seja"
    # French
    r"|on\s+a|on\s+obtient|nous\s+obtenons|nous\s+avons|donc|ainsi|d'o[uù]|c'est-[aà]-dire"
    r"|est(?:\s+[ée]gale?\s+[àa])?|vaut|[ée]gale?\s+[àa]|on\s+trouve"
    # German
    r"|wir\s+erhalten|erhalten\s+wir|also|somit|daher|folglich|ergibt\s+sich|gilt"
    r"|ist"
    # Russian
    r"|итак|получим|получаем|имеем|тогда|значит|следовательно|откуда|то\s+есть|т\.\s?е\."
    r"|равн[аоы]|равен"
)
_CJK_LEADS = (
    # Chinese
    r"所以|因此|于是|因而|从而|故|则|即|得|得到|可得|可以得到|求得|推出|化简得|化简为|整理得|有"
    # Japanese
    r"|すると|したがって|従って|よって|つまり|ゆえに|故に|これより|以上より|まとめると|整理すると"
    # Korean
    r"|따라서|그러므로|즉|그러면|정리하면"
)
ASSERTING_LEAD = lazy(
    rf"(?i)(?:(?:^|[\s,(])(?:{_LATIN_LEADS})|(?:{_CJK_LEADS}))[ \t]*+[,，、:：]?[ \t]*+$"
)
# the words right after the math that state it (Japanese and Korean put the verb last):
# "$…$ となる。", "$…$ が得られる", "$…$ より、" (from it: stated as known), "$…$ 이다.",
# "$…$이므로:", "$…$なので、" (since it holds: stated as known)
ASSERTING_TAIL = lazy(
    r"[ \t]*(?:となる|となります|になる|になります|である|です|が得られる|を得る|が成り立つ"
    r"|が成立する|より|이다|입니다|이\s?된다|가\s?된다|됩니다|를\s?얻는다|을\s?얻는다|를\s?얻습니다"
    r"|을\s?얻습니다|이므로|므로|이니까|이기\s?때문에|なので|だから|であるから)"
    r"[ \t]*(?:(?P<end>[。．.；;])|[，,、:：]|$)"
)
# a case, a supposition, a wish, a question or a slip
_LATIN_GUARDS = (
    r"si|cuando|supongamos|suponga|sea|sean|error\w*|incorrect\w*|no|mal|queremos|deber\w*"
    r"|quando|suponha|seja|erro|errad\w*|n[aã]o|queremos"
    r"|quand|lorsque|soit|supposons|erreur|faux|fausse|ne|pas|voulons"
    r"|wenn|falls|sei|angenommen|falsch\w*|fehler\w*|nicht|kein\w*|wollen"
    r"|если|когда|пусть|предположим|допустим|положим|неверн\w*|ошиб\w*|не|нельзя|хотим"
    r"|нужно|надо|должн\w*|при"
)
_CJK_GUARDS = (
    r"如果|若|假设|假定|设|令|当|时候|错|誤|误|反例|不|需要|应该|是否|吗"
    r"|もし|場合|とき|時|仮定|とする|とおく|と置く|置くと|誤|間違|反例|ミス|ない|ならば|なら|べき|たい"
    r"|만약|경우|때|가정|틀린|틀렸|잘못|오류|실수|반례|착각|아니|않"
)
NOT_ASSERTED_ABROAD = lazy(rf"(?i)(?<![\w\\])(?:{_LATIN_GUARDS})(?!\w)|{_CJK_GUARDS}|？")
