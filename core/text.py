"""The one text normaliser, applied to stored search text and to every query.

Normalising works one character at a time, so that a word found in the normalised
text can be traced back to the characters of the original (see `word_spans`), which
is how search results highlight what matched.
"""

import re
import unicodedata
from functools import lru_cache

# The hamza, decided once: every hamza, on whatever seat (أ إ ؤ ئ) or on the line
# (ء), at the start of a word or inside it, folds to bare alef, as madda alef (آ)
# and wasla (ٱ) do. Its seat depends on the vowels around it and on the school
# (Moroccan writing has هيأة where the Mashreq has هيئة; writers put المسئولين,
# المسؤولين or المسءولين for one word), and the commonest way of typing it is to
# leave it out on alef (احداث, تاهيل, هياة). One letter for all of them makes those
# one word; the cost is that a hamza-less waw or ya (مسوول) is not found, and that
# سأل and سال are one word, as they already were when only alef was folded.
_HAMZAS = dict.fromkeys("أإؤئء", "ا")
# Spelling variants that writers use interchangeably, folded to one letter.
_FOLDS = str.maketrans(
    {
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ـ": "",  # tatweel
        # Persian-keyboard forms that phones offer for Arabic letters.
        "ی": "ي",
        "ک": "ك",
        "ە": "ه",
        # The Moroccan gaf is written with either of two code points.
        "ݣ": "ڭ",
        # Arabic-Indic and Persian digits: the portal writes Western digits.
        **{chr(0x0660 + n): str(n) for n in range(10)},
        **{chr(0x06F0 + n): str(n) for n in range(10)},
        "œ": "oe",
        "æ": "ae",
    }
)
# Bidi controls can reverse the text around them; they never belong in stored text.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_NOT_WORD = re.compile(r"[\W_]")
# A letter and the combining hamza typed after it (ا + ◌ٔ) are one letter (أ).
_UNITS = re.compile("(?s).[\u0654\u0655]?")
# Tifinagh (Tamazight) has no case and no accents: its letters are kept as typed,
# but for the consonant joiner, which ties two letters of one word.
_TIFINAGH = ("\u2d30", "\u2d7f")
_TIFINAGH_JOINER = "\u2d7f"
# No word is this long; a longer run of letters is a pasted link or code, and
# PostgreSQL refuses to index a word of more than 2 KB (see core/search.py).
MAX_WORD_LENGTH = 100


def _fold_once(ch):
    if _TIFINAGH[0] <= ch[0] <= _TIFINAGH[1]:
        return "" if ch == _TIFINAGH_JOINER else ch
    # NFKC turns presentation forms into letters (ﺃ → أ) so that hamzas are found
    # before NFKD splits them off their seats (أ → ا + ◌ٔ).
    text = unicodedata.normalize("NFKC", ch)
    if len(text) > 1:
        return "".join(map(_fold_once, text))
    if text in _HAMZAS:
        return _HAMZAS[text]
    # NFKD splits letters from their accents (é → e + ◌́) and turns ligatures into
    # plain letters.
    text = unicodedata.normalize("NFKD", text).casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(
        c
        for c in text
        # Combining marks are accents and Arabic diacritics; format characters
        # (bidi controls, soft hyphens, joiners) are invisible and must not split
        # a word in two.
        if not unicodedata.combining(c) and unicodedata.category(c) != "Cf"
    )
    # Punctuation and symbols separate words, as they do for PostgreSQL's parser.
    return _NOT_WORD.sub(" ", text.translate(_FOLDS))


@lru_cache(maxsize=8192)
def _fold_char(ch):
    folded = _fold_once(ch)
    # A few characters fold in more than one step (e.g. a ligature of accented
    # letters); repeating until nothing changes makes normalising idempotent.
    while True:
        again = "".join(_fold_once(c) for c in folded)
        if again == folded:
            return folded
        folded = again


def _units(text):
    return _UNITS.finditer(str(text or ""))


def normalize(text):
    """Fold Arabic spelling variants, French accents and case; keep only words.

    The result is the text's words separated by single spaces: letters and digits
    only, so both databases split it into the same words. Words are cut at
    MAX_WORD_LENGTH characters.
    """
    if not text:
        return ""
    words = "".join(_fold_char(unit.group()) for unit in _units(text)).split()
    return " ".join(word[:MAX_WORD_LENGTH] for word in words)


# Whitespace folds to a space: text between two runs of it holds whole words only.
_CHUNKS = re.compile(r"\S+")


def word_spans(text):
    """Each word of `normalize(text)` with the slice of `text` it came from, in
    order, read as they are asked for."""
    for chunk in _CHUNKS.finditer(str(text or "")):
        base = chunk.start()
        for word, start, end in _chunk_spans(chunk.group()):
            yield word, base + start, base + end


@lru_cache(maxsize=65536)
def _chunk_spans(text):
    # Folded one character at a time, once per distinct chunk: the words of a page's
    # texts repeat, and highlighting reads hundreds of them.
    spans = []
    word, start, end = [], None, None
    for unit in _units(text):
        folded = _fold_char(unit.group())
        if not folded and start is not None:
            # A diacritic or a tatweel folds to nothing: it belongs to its word.
            end = unit.end()
        for folded_ch in folded:
            if folded_ch == " ":
                if word:
                    spans.append(("".join(word), start, end))
                word, start, end = [], None, None
            else:
                if start is None:
                    start = unit.start()
                word.append(folded_ch)
                end = unit.end()
    if word:
        spans.append(("".join(word), start, end))
    return tuple(spans)


def strip_bidi_controls(text):
    return BIDI_CONTROLS.sub("", text or "")
