"""Character classes by script, defined once: the ranges of East Asian text that the compare stage splits into
characters, the localise stage closes spaces around, and the rules count and check (for regular expressions:
each a string of ``\\uXXXX-\\uXXXX`` ranges to put inside ``[...]``)."""

from __future__ import annotations

#: CJK ideographs: Extension A, the unified block, the compatibility ideographs.
IDEOGRAPHS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: The radicals that dictionaries list ideographs by.
RADICALS = "\u2e80-\u2fdf"
#: Japanese kana (hiragana, katakana).
KANA = "\u3040-\u30ff"
#: Korean syllables.
HANGUL = "\uac00-\ud7af"
#: CJK punctuation and symbols (the ideographic space, 、 。 「 」), and the full-width and half-width forms (，；：).
CJK_PUNCTUATION = "\u3000-\u303f\uff00-\uffef"

#: Letters of the East Asian scripts: a word of one character each (counted as a word, compared one by one).
CJK_LETTERS = IDEOGRAPHS + KANA + HANGUL
#: Every character of East Asian text: its letters, radicals and punctuation.
CJK = RADICALS + CJK_PUNCTUATION + CJK_LETTERS
#: Chinese text: ideographs and CJK punctuation (no kana, no hangul).
CHINESE = IDEOGRAPHS + CJK_PUNCTUATION


def char_class(ranges: str) -> str:
    """``ranges`` as a regular-expression character class."""
    return f"[{ranges}]"
