"""Decoding legacy files: UTF-8 (with or without BOM), UTF-16, Windows-1250 or ISO-8859-2.

The two single-byte Polish encodings differ in a few letters (ą ś ź) and in Windows-1250's
typographic characters (C1 range); the bytes decide, an HTML meta charset helps.
"""

from __future__ import annotations

import codecs

import charset_normalizer

ENCODING_LABELS = {
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
    "windows-1250": "Windows-1250",
    "iso-8859-2": "ISO-8859-2",
}

# Polish letters whose byte differs between the two legacy encodings (ą Ą ś Ś ź Ź).
_ISO_ONLY_LETTERS = {0xB1, 0xA1, 0xB6, 0xA6, 0xBC, 0xAC}
_CP1250_ONLY_LETTERS = {0xB9, 0xA5, 0x9C, 0x8C, 0x9F, 0x8F}


def canonical_encoding(name: str) -> str:
    """ "cp1250", "Windows-1250", "latin2" … → "windows-1250", "iso-8859-2", "utf-8"."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return name.lower()
    return {
        "cp1250": "windows-1250",
        "iso8859-2": "iso-8859-2",
        "utf-8": "utf-8",
        "utf-8-sig": "utf-8",
    }.get(codec, codec)


def conversion_warning(encoding: str) -> str:
    label = ENCODING_LABELS.get(encoding, encoding)
    return f"Plik w kodowaniu {label} — przekonwertowano"


def guess_single_byte(raw: bytes) -> str:
    """Windows-1250 or ISO-8859-2 (or, failing both, charset-normalizer's guess)."""
    if any(0x80 <= b <= 0x9F for b in raw):
        # C1 controls never occur in ISO-8859-2 text; in Windows-1250 they are „”–ś ź ….
        try:
            raw.decode("cp1250")
            return "windows-1250"
        except UnicodeDecodeError:
            pass
        best = charset_normalizer.from_bytes(raw).best()
        return canonical_encoding(best.encoding) if best is not None else "windows-1250"
    iso = sum(1 for b in raw if b in _ISO_ONLY_LETTERS)
    cp = sum(1 for b in raw if b in _CP1250_ONLY_LETTERS)
    return "iso-8859-2" if iso > cp else "windows-1250"


def _mostly_utf8(raw: bytes) -> bool:
    """UTF-8 with a few broken bytes (rather than a legacy encoding)."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    return good >= 5 and bad * 10 <= good


def decode_bytes(raw: bytes, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode a legacy file: (text, canonical encoding name, warnings).

    UTF-8 with or without BOM (and UTF-16 with BOM) are taken as such; anything else is a
    single-byte Polish encoding: Windows-1250 unless the bytes only fit ISO-8859-2.
    ``declared`` (an HTML meta charset) is trusted when the bytes agree with it.
    """
    warnings: list[str] = []
    if raw.startswith(codecs.BOM_UTF8):
        text = raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
        if "\ufffd" in text:
            warnings.append("Plik zawiera nieprawidłowe znaki UTF-8 — zastąpiono je znakiem �")
        return text, "utf-8", warnings
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", errors="replace"), "utf-16", [conversion_warning("utf-16")]

    declared_enc = canonical_encoding(declared) if declared else None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if declared_enc not in (None, "utf-8") and not text.isascii():
            warnings.append(
                f"Strona deklaruje kodowanie {declared}, ale plik jest w UTF-8 — przyjęto UTF-8"
            )
        return text, "utf-8", warnings

    if _mostly_utf8(raw):
        warnings.append("Plik zawiera nieprawidłowe znaki UTF-8 — zastąpiono je znakiem �")
        return raw.decode("utf-8", errors="replace"), "utf-8", warnings

    encoding = guess_single_byte(raw)
    if declared_enc and declared_enc != "utf-8" and declared_enc != encoding:
        # Trust the declaration unless it is the classic mistake: ISO-8859-2 declared,
        # Windows-1250 bytes (typographic quotes, ś, ź) written.
        mislabelled = declared_enc == "iso-8859-2" and any(0x80 <= b <= 0x9F for b in raw)
        try:
            codecs.lookup(declared_enc)
            known = True
        except LookupError:
            known = False
        if known and not mislabelled:
            encoding = declared_enc
        else:
            warnings.append(
                f"Strona deklaruje kodowanie {declared}, ale bajty wskazują na "
                f"{ENCODING_LABELS.get(encoding, encoding)}"
            )
    text = raw.decode(encoding, errors="replace")
    warnings.insert(0, conversion_warning(encoding))
    return text, encoding, warnings
