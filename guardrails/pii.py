"""Detection and redaction of personal data: e-mail, phone, isikukood, IBAN, street addresses and
person names where recognisable.

Checksums decide for identifiers (python-stdnum): an 11-digit number whose isikukood checksum or
birth date is invalid is not a personal code, and an IBAN-shaped string failing mod-97 or its
country's format is not an IBAN. Phone numbers must be valid in a numbering plan (phonenumbers):
"00000000" is not a phone number; a bare national number also needs a phone word before it.

Names need evidence, because a capitalised word alone is not a name (sentence starts, places,
subjects): an introduction ("my name is", "Minu nimi on", "Меня зовут"), a form label ("Name:",
"Nimi:", "ФИО:"), a title ("Mrs", "proua", "õpetaja", "господин", "Уважаемая"),
a signature after a closing ("Lugupidamisega,"), or two capitalised words right next to other
personal data ("Mari Tamm, tel +372 ..."). Known non-names (countries, languages, weekdays, school
words) are never redacted as names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum.ee import ik as stdnum_ik

PLACEHOLDERS: dict[str, str] = {
    "email": "[EMAIL]",
    "phone": "[PHONE]",
    "isikukood": "[ISIKUKOOD]",
    "iban": "[IBAN]",
    "address": "[ADDRESS]",
    "name": "[NAME]",
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
# Numbering plans tried for numbers written without a country code: Estonia's own, Russia's (the
# "8 (912) ..." trunk format of Russian-speaking families) and North America's.
_PHONE_REGIONS = ("EE", "RU", "US")
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


# --- person names -------------------------------------------------------------------------------
_UP = "A-ZÄÖÜÕŠŽА-ЯЁ"
_LOW = "a-zäöüõšžа-яё"
# One name word: capitalised, letters (and an inner hyphen or apostrophe: "Mari-Liis", "O'Neil").
_NW = rf"[{_UP}][{_LOW}]+(?:[-'][{_UP}{_LOW}][{_LOW}]+)?"
_NAME = rf"{_NW}(?: {_NW}){{0,2}}"
_NAME_CUES = re.compile(
    # "my name is X", "I am called X", "call me X", "this is X speaking"
    rf"(?i:\bmy (?:full |first |last )?name is|\bi(?:'m| am) called|\bcall me|\bnamed|\bsigned,?)\s+(?P<a>{_NAME})"
    # Estonian: "Minu nimi on X", "Mu nimi on X", "Minu nimeks on X", "Mind kutsutakse X"
    rf"|(?i:\b(?:minu|mu) (?:täis|ees|pere)?nimi? on|\b(?:minu|mu) nimeks on|\bmind kutsutakse|\bmind hüütakse)\s+(?P<b>{_NAME})"
    # Russian: "Меня зовут X", "Моё имя X", "Моя фамилия X"
    rf"|(?i:\bменя зовут|\bмо[её] имя|\bмоя фамилия|\bзовут)\s+(?:[-—–]\s*)?(?P<c>{_NAME})"
    # Form labels: "Name: X", "Nimi: X", "Õpilase nimi: X", "ФИО: X", "Имя: X"
    rf"|(?i:\b(?:full name|name|student|pupil|nimi|õpilane|õpilase nimi|ees- ja perekonnanimi|фио|имя|фамилия|ученик|ученица))\s*:\s*(?P<d>{_NAME})"
    # Titles: "Mrs Smith", "Dr. Kask", "proua Tamm", "hr Saar", "õpetaja Mari Kask", "господин Иванов"
    rf"|(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?|(?i:\b(?:härra|proua|preili|hr\.?|pr\.?|õpetaja|direktor|dr\.?|"
    rf"господин|госпожа|г-н|г-жа|учитель(?:ница)?|директор)))\s+(?P<e>{_NAME})"
    # Closings: "Lugupidamisega, X", "С уважением, X", "Best regards, X", "Tervitades X"
    rf"|(?i:\b(?:lugupidamisega|parimate soovidega|tervitades|с уважением|всего доброго|"
    rf"best regards|kind regards|regards|sincerely|yours sincerely|yours truly|best wishes))[,.!]?\s+(?P<f>{_NAME})"
    # Russian polite address: "Уважаемая Анна Сергеевна" (a bare name + patronymic may be Pushkin)
    rf"|(?i:\bуважаем(?:ый|ая|ые))\s+(?P<g>{_NAME})"
)
# Two or three capitalised words directly before or after other personal data ("Mari Tamm, +372 ...").
_NAME_NEAR = re.compile(rf"(?<![{_UP}{_LOW}])(?P<n>{_NW}(?: {_NW}){{1,2}})(?![{_UP}{_LOW}])")
_NEAR_GAP = re.compile(r"^[\s,;:()\-–—]*(?:(?i:tel\.?|telefon|phone|mob\.?|e-?mail|e-?post|почта|ik|isikukood|"
                       r"aadress|address|адрес|iban|konto|счёт|счет)\s*:?\s*)?$")
# Capitalised words that are never names here (checked word by word).
_NOT_NAMES = frozenset(
    """
    i a the this that these my our your his her their we you he she it they hello hi dear thanks thank please
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
    september october november december english estonian russian finnish german french latvian lithuanian
    estonia russia finland latvia lithuania germany europe european tallinn tartu narva pärnu riga moscow
    math maths mathematics biology chemistry physics history geography literature music art school class
    student teacher teachers students grade lesson homework exam test not just really very also here there
    eesti eestis eestist inglise vene soome saksa läti leedu tallinn tallinnas tartus narvas euroopa
    esmaspäev teisipäev kolmapäev neljapäev reede laupäev pühapäev jaanuar veebruar märts aprill mai juuni
    juuli september oktoober november detsember matemaatika bioloogia keemia füüsika ajalugu geograafia
    kirjandus muusika kunst kool klass õpilane õpetaja tund kodutöö eksam kontrolltöö ka ainult väga
    tere aitäh palun mina sina tema meie teie nemad see too ei jah ma sa ta
    эстония эстонии россия россии финляндия европа таллин таллинн тарту нарва москва русский английский
    эстонский математика биология химия физика история география литература музыка школа класс ученик
    учитель урок экзамен понедельник вторник среда четверг пятница суббота воскресенье январь февраль
    март апрель май июнь июль август сентябрь октябрь ноябрь декабрь привет здравствуйте спасибо пожалуйста
    я ты он она мы вы они это не да нет очень тоже
    """.split()
)


# Organisations ("Tallinna Reaalkool", "Tartu Ülikool") are not persons.
_ORG_WORD = re.compile(
    r"(?i)(?:kool|gümnaasium|ülikool|lasteaed|keskus|selts|amet|ministeerium|school|college|university|academy|"
    r"institute|company|ltd|inc|bank|pank|школа|гимназия|университет|лицей|колледж|банк)$"
)


def _clean_name(span: str) -> str:
    """Drop trailing/leading non-name words; '' if nothing name-like remains."""
    words = span.split(" ")
    if any(_ORG_WORD.search(w) for w in words):
        return ""
    while words and words[-1].casefold() in _NOT_NAMES:
        words.pop()
    while words and words[0].casefold() in _NOT_NAMES:
        words.pop(0)
    return " ".join(words)


def _find_names(text: str, others: list[PiiMatch], *, cued: bool = True) -> list[PiiMatch]:
    found: list[PiiMatch] = []
    for m in _NAME_CUES.finditer(text) if cued else ():
        group = next(g for g in "abcdefg" if m.group(g))
        start = m.start(group)
        span = m.group(group)
        name = _clean_name(span)
        if not name:
            continue
        start += span.index(name)
        found.append(PiiMatch("name", start, start + len(name), name))
    for m in _NAME_NEAR.finditer(text):
        name = _clean_name(m.group("n"))
        if " " not in name:  # a single capitalised word next to a phone number is too weak
            continue
        start = m.start("n") + m.group("n").index(name)
        end = start + len(name)
        for other in others:
            gap = text[end : other.start] if other.start >= end else text[other.end : start]
            if len(gap) <= 20 and _NEAR_GAP.match(gap):
                found.append(PiiMatch("name", start, end, name))
                break
    return found


def isikukood_is_valid(code: str) -> bool:
    """True for an Estonian personal identification code with a real birth date and a valid checksum."""
    return bool(re.fullmatch(r"\d{11}", code)) and stdnum_ik.is_valid(code)


def iban_is_valid(candidate: str) -> bool:
    """True when ``candidate`` (spaces allowed) passes the ISO 13616 mod-97 check and its country's format."""
    return bool(re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9 ]{11,40}", candidate.upper())) and stdnum_iban.is_valid(candidate)


def _phones(text: str) -> list[PiiMatch]:
    """Numbers valid in a numbering plan, written as phone numbers or introduced by a phone word."""
    found: dict[tuple[int, int], PiiMatch] = {}
    for region in _PHONE_REGIONS:
        for m in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
            raw = m.raw_string
            written_as_phone = raw.startswith(("+", "00", "8 (", "8(", "(")) or re.search(r"\d[ \-.]\d{3}[ \-.]\d{4}$", raw)
            # Bare national numbers need a phone word nearby, to leave years, prices and counts alone.
            if written_as_phone or _PHONE_CONTEXT.search(text[max(0, m.start - 40) : m.start]):
                found.setdefault((m.start, m.end), PiiMatch("phone", m.start, m.end, raw))
    return list(found.values())


def find_pii(text: str, *, cued_names: bool = True) -> list[PiiMatch]:
    """Find personal data in ``text``; overlapping matches keep the earliest, longest one.

    ``cued_names=False`` (published curriculum): a name introduced by a cue alone ("My name is Mari"
    in a textbook letter) is a character, not a pupil; only names right next to other personal data
    count.
    """
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
    found += _phones(text)
    found += _find_names(text, list(found), cued=cued_names)
    found.sort(key=lambda p: (p.start, -(p.end - p.start)))
    kept: list[PiiMatch] = []
    for match in found:
        if kept and match.start < kept[-1].end:
            continue
        kept.append(match)
    return kept


def redact(text: str, *, cued_names: bool = True) -> str:
    """Replace every personal-data span with its placeholder (``[EMAIL]``, ``[PHONE]``, ...)."""
    out: list[str] = []
    pos = 0
    for match in find_pii(text, cued_names=cued_names):
        out.append(text[pos : match.start])
        out.append(match.placeholder)
        pos = match.end
    out.append(text[pos:])
    return "".join(out)
