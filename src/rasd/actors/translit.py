"""A readable Latin transliteration of Arabic personal names not in the dictionaries.

Not a scholarly romanization: a simple, deterministic letter map (``LETTERS``) with long vowels read
from ا و ي between consonants and the article written ``al-``, so an unknown name in the output
(دانيال كوتس → "Danyal Kuts") can be read and searched. Names listed in the ``people`` dictionary
always use their curated English form instead.
"""

from __future__ import annotations

LETTERS = {
    "ا": "a",
    "أ": "a",
    "إ": "i",
    "آ": "a",
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ة": "a",
    "ء": "",
    "ؤ": "",
    "ئ": "",
    "ى": "a",
    "پ": "p",
    "چ": "ch",
    "گ": "g",
    "ڤ": "v",
}
_VOWELS = "aeiou"


def transliterate_word(word: str) -> str:
    out: list[str] = []
    n = len(word)
    for i, ch in enumerate(word):
        prev = out[-1][-1] if out and out[-1] else ""
        if ch == "و":
            out.append("w" if i == 0 or (i + 1 < n and word[i + 1] in "اى") else "u")
        elif ch == "ي":
            out.append("y" if i == 0 or (i + 1 < n and word[i + 1] in "او") else "i")
        elif ch in LETTERS:
            piece = LETTERS[ch]
            if ch == "ا" and prev == "a":
                piece = ""
            out.append(piece)
        elif ch.isascii():
            out.append(ch)
    latin = "".join(out).replace("uu", "u").replace("ii", "i")
    return latin[:1].upper() + latin[1:]


def transliterate_name(name: str) -> str:
    """``عبد الله بن زايد`` → ``Abd Allah bin Zayd``-like, ``ال`` as ``al-``."""
    words: list[str] = []
    for word in name.split():
        if word == "بن":
            words.append("bin")
        elif word.startswith("ال") and len(word) > 3:
            words.append("al-" + transliterate_word(word[2:]))
        else:
            words.append(transliterate_word(word))
    return " ".join(w for w in words if w)
