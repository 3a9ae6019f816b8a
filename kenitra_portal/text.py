"""The one text normaliser, applied to stored search text and to every query."""

import re
import unicodedata

# Spelling variants that Arabic writers use interchangeably, folded to one letter.
_ARABIC_FOLDS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ـ": "",  # tatweel
    }
)
# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef) and Quranic marks.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
# Bidi controls can reverse the text around them; they never belong in stored text.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
_SPACES = re.compile(r"\s+")


def normalize(text):
    """Fold Arabic spelling variants, French accents and case, and runs of space."""
    if not text:
        return ""
    text = BIDI_CONTROLS.sub("", str(text))
    text = _ARABIC_MARKS.sub("", text)
    text = text.translate(_ARABIC_FOLDS)
    # NFKD splits Latin letters from their accents (é → e + ◌́) so they can be dropped.
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = unicodedata.normalize("NFC", text).casefold()
    return _SPACES.sub(" ", text).strip()


def strip_bidi_controls(text):
    return BIDI_CONTROLS.sub("", text or "")
