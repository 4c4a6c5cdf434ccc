"""Detection and redaction of personal data: e-mail, phone, isikukood, IBAN and street addresses.

Checksums decide for identifiers: an 11-digit number whose isikukood checksum or birth date is
invalid is not a personal code, and an IBAN-shaped string failing mod-97 is not an IBAN.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

PLACEHOLDERS: dict[str, str] = {
    "email": "[EMAIL]",
    "phone": "[PHONE]",
    "isikukood": "[ISIKUKOOD]",
    "iban": "[IBAN]",
    "address": "[ADDRESS]",
}


@dataclass(frozen=True)
class PiiMatch:
    """One personal-data span found in a text."""

    kind: str  # one of PLACEHOLDERS' keys
    start: int
    end: int
    text: str

    @property
    def placeholder(self) -> str:
        """The redaction placeholder for this kind, e.g. ``[EMAIL]``."""
        return PLACEHOLDERS[self.kind]


_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}\b", re.IGNORECASE)
_ISIKUKOOD = re.compile(r"(?<!\d)[1-8]\d{10}(?!\d)")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")
_IBAN_LENGTHS = {"EE": 20, "LV": 21, "LT": 20, "FI": 18, "DE": 22, "GB": 22, "FR": 27, "SE": 24, "RU": 33, "NL": 18}
# International numbers (+372 5123 4567, +7 (912) 345-67-89, +44 20 7946 0958), and
# national formats when they look like phone numbers (Estonian mobiles start with 5, landlines 6/7).
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00)\d{1,3}[ \-.]?(?:\(\d{1,4}\)[ \-.]?)?\d{1,4}(?:[ \-.]?\d{2,4}){1,4}"
    r"|8[ \-]?\(\d{3}\)[ \-]?\d{3}[ \-]?\d{2}[ \-]?\d{2}"
    r"|\(\d{3}\)[ \-]?\d{3}[ \-]\d{4}"
    r"|\d{3}[ \-.]\d{3}[ \-.]\d{4}"
    r"|5\d{2,3}[ \-]?\d{4}"
    r"|[67]\d{2}[ \-]?\d{4}"
    r")(?![\w])"
)
_PHONE_CONTEXT = re.compile(r"(tel|phone|mob|number|numbr|helista|телефон|номер|звони|call)", re.IGNORECASE)

_STREET_ET = r"(?i:tänav|tn\.?|maantee|mnt\.?|puiestee|pst\.?|tee|põik|allee|väljak)"
_STREET_EN = r"(?i:street|st\.?|road|rd\.?|avenue|ave\.?|lane|ln\.?|drive|dr\.?|boulevard|blvd\.?|court|ct\.?|way|place|pl\.?)"
_ADDRESS = re.compile(
    # Estonian: "Pärnu mnt 12-5", "Tartu tänav 3", optional city and 5-digit postcode.
    rf"\b[A-ZÄÖÜÕŠŽ][\wäöüõšž\-]+(?: [A-ZÄÖÜÕŠŽ][\wäöüõšž\-]+)? {_STREET_ET} \d{{1,4}}[a-zA-Z]?(?:[-/]\d{{1,4}})?"
    rf"(?:,? ?\d{{5}})?(?:,? [A-ZÄÖÜÕ][\wäöüõ]+(?: \d{{5}})?)?"
    # Russian: "ул. Ленина, д. 5, кв. 12", "улица Мира 7".
    r"|(?:ул\.|улица|пр\.|проспект|пер\.|переулок|ш\.|шоссе|бульвар|б-р)\s?[А-ЯЁA-Z][\wа-яё\-]+(?: [А-ЯЁ][\wа-яё\-]+)?,?\s?(?:д\.|дом)?\s?\d{1,4}[а-яa-z]?(?:,?\s?(?:кв\.|квартира)\s?\d{1,4})?"
    # English: "221B Baker Street", "12 Elm St., Apt 4".
    rf"|\b\d{{1,5}}[A-Za-z]? (?:[A-Z][\w\-]+ ){{1,3}}{_STREET_EN}(?=\W|$)(?:,? (?:apt|apartment|unit|flat)\.? ?\w+)?",
)


def isikukood_is_valid(code: str) -> bool:
    """True for an Estonian personal identification code with a real birth date and a valid checksum."""
    if not re.fullmatch(r"[1-8]\d{10}", code):
        return False
    digits = [int(c) for c in code]
    century = {1: 1800, 2: 1800, 3: 1900, 4: 1900, 5: 2000, 6: 2000, 7: 2100, 8: 2100}[digits[0]]
    try:
        date(century + int(code[1:3]), int(code[3:5]), int(code[5:7]))
    except ValueError:
        return False
    w1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 1)
    w2 = (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)
    check = sum(d * w for d, w in zip(digits, w1, strict=False)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits, w2, strict=False)) % 11
        check = 0 if check == 10 else check
    return check == digits[10]


def iban_is_valid(candidate: str) -> bool:
    """True when ``candidate`` (spaces allowed) passes the ISO 13616 mod-97 check and known length."""
    iban = candidate.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    expected = _IBAN_LENGTHS.get(iban[:2])
    if expected is not None and len(iban) != expected:
        return False
    rearranged = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _phone_ok(text: str, m: re.Match[str]) -> bool:
    digits = re.sub(r"\D", "", m.group(0))
    if not 7 <= len(digits) <= 15:
        return False
    if m.group(0).startswith(("+", "00", "8 (", "8(", "(")) or re.search(r"\d[ \-.]\d{3}[ \-.]\d{4}$", m.group(0)):
        return True
    # Bare national numbers need a phone word nearby, to leave years, prices and counts alone.
    return bool(_PHONE_CONTEXT.search(text[max(0, m.start() - 40) : m.start()]))


def find_pii(text: str) -> list[PiiMatch]:
    """Find personal data in ``text``; overlapping matches keep the earliest, longest one."""
    found: list[PiiMatch] = []
    found += [PiiMatch("email", m.start(), m.end(), m.group(0)) for m in _EMAIL.finditer(text)]
    found += [
        PiiMatch("isikukood", m.start(), m.end(), m.group(0))
        for m in _ISIKUKOOD.finditer(text)
        if isikukood_is_valid(m.group(0))
    ]
    for m in _IBAN.finditer(text):
        span = m.group(0).rstrip()
        # The greedy pattern may swallow a following word; shrink until the checksum holds.
        while len(span.replace(" ", "")) >= 15 and not iban_is_valid(span):
            span = span[:-1].rstrip()
        if iban_is_valid(span):
            found.append(PiiMatch("iban", m.start(), m.start() + len(span), span))
    found += [PiiMatch("address", m.start(), m.end(), m.group(0)) for m in _ADDRESS.finditer(text)]
    found += [
        PiiMatch("phone", m.start(), m.end(), m.group(0)) for m in _PHONE.finditer(text) if _phone_ok(text, m)
    ]
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[PiiMatch] = []
    for match in found:
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


def redact(text: str) -> str:
    """Replace every personal-data span with its placeholder (``[EMAIL]``, ``[PHONE]``, ...)."""
    out: list[str] = []
    pos = 0
    for match in find_pii(text):
        out.append(text[pos : match.start])
        out.append(match.placeholder)
        pos = match.end
    out.append(text[pos:])
    return "".join(out)
