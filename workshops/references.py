"""A proposal's public reference (KNT-2026-0042) and the fingerprint that finds the
same proposal typed twice. Plain functions of text: models.py, the forms and the
demo generator all use them (and models.py re-exports them)."""

import hashlib
import re

from core.text import normalize, strip_bidi_controls

REFERENCE_PREFIX = "KNT"
_REFERENCE_DIGITS = str.maketrans(
    {
        **{chr(0x0660 + n): str(n) for n in range(10)},
        **{chr(0x06F0 + n): str(n) for n in range(10)},
    }
)
_REFERENCE_DASHES = re.compile("[\u2010-\u2015\u2212\u0640_/ ]")


def parse_reference(raw):
    """The reference that `raw` spells, or None.

    "knt 2026 42", "KNT-٢٠٢٦-٠٠٤٢" and "KNT–2026–0042" all mean KNT-2026-0042.
    """
    raw = strip_bidi_controls(str(raw or "").strip()).translate(_REFERENCE_DIGITS)
    raw = _REFERENCE_DASHES.sub("-", raw.upper())
    match = re.fullmatch(rf"{REFERENCE_PREFIX}-*(\d{{4}})-+(\d{{1,6}})", raw)
    if not match:
        return None
    year, number = match.groups()
    return f"{REFERENCE_PREFIX}-{year}-{int(number):04d}"


def fingerprint_text(text):
    """The same proposal typed twice, whatever its spelling, spacing or punctuation."""
    folded = normalize(text)
    return hashlib.sha256(folded.encode()).hexdigest() if folded else ""
