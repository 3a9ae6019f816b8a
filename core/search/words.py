"""Words as search sees them: Arabic words with and without what is written joined
to them, and the stems of a word in the site's languages.

Stems are made here, in Python, by Snowball's stemmers (PyStemmer) of the site's
languages, at index time and at query time, so SQLite and PostgreSQL hold the very
same tokens and return the very same records.
"""

from functools import lru_cache

import Stemmer
from django.conf import settings
from django.utils.translation import get_language_info

from ..text import normalize

# Written joined to the next word; a query word loses its article, then matches the
# word with any of these in front.
_ARTICLES = ("وال", "بال", "فال", "كال", "لل", "ال")
_PREFIXES = ("", "ال", "وال", "بال", "فال", "كال", "لل", "و", "ب", "ل", "ف", "ك")
# A conjunction or preposition of one letter, typed joined to a query word.
JOINED_LETTERS = "وبلفك"


def is_arabic(word):
    return "\u0600" <= word[0] <= "\u06ff"


def without_article(word):
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            return word[len(article) :]
    return word


@lru_cache(maxsize=1)
def _stemmers():
    """Snowball's stemmers for the site's languages: (Arabic script, other scripts).

    A language is stemmed when Snowball has an algorithm of its name; a language
    written right to left here is written in Arabic script.
    """
    algorithms = set(Stemmer.algorithms())
    arabic_script, other_scripts = [], []
    for code, _name in settings.LANGUAGES:
        try:
            info = get_language_info(code)
        except KeyError:
            continue
        algorithm = info["name"].lower()
        if algorithm in algorithms:
            stemmers = arabic_script if info["bidi"] else other_scripts
            stemmers.append(Stemmer.Stemmer(algorithm))
    return tuple(arabic_script), tuple(other_scripts)


@lru_cache(maxsize=65536)
def stems(word):
    """The stems of a normalised word, in the normaliser's letters."""
    arabic_script, other_scripts = _stemmers()
    if is_arabic(word):
        # Snowball's Arabic stemmer treats a word more regularly with its article
        # and reads ة as the feminine ending; the normaliser wrote ه for ة and the
        # article may or may not be there, so both are put back the same way.
        core = without_article(word)
        if core.endswith("ه"):
            core = core[:-1] + "ة"
        found = {normalize(stemmer.stemWord("ال" + core)) for stemmer in arabic_script}
    else:
        found = {normalize(stemmer.stemWord(word)) for stemmer in other_scripts}
    return tuple(sorted(stem for stem in found if stem and " " not in stem))


def unjoined(word):
    """`word` and, for an Arabic word, what is left without each article or
    joined letter it may begin with ("بالمتحف": "متحف", "المتحف"), so that a
    query asks for one prefix where it would ask for a dozen."""
    forms = [word]
    if is_arabic(word):
        forms += [
            word[len(prefix) :]
            for prefix in _PREFIXES[1:]
            if word.startswith(prefix) and len(word) - len(prefix) >= 2
        ]
    return forms
