"""Localized texts the pipeline and the extractive backend write into answers."""

from __future__ import annotations

INTRO: dict[str, str] = {
    "et": "Õppekava materjalides on selle kohta kirjas:",
    "en": "Here is what the curriculum says about this:",
    "ru": "Вот что говорится об этом в учебных материалах:",
}
INTRO_OTHER_LANGUAGE: dict[str, str] = {
    "en": "Here is what the curriculum says about this (quoted in the original language):",
    "ru": "Вот что говорится об этом в учебных материалах (цитата на языке оригинала):",
    "et": "Õppekava materjalides on selle kohta kirjas (tsitaat originaalkeeles):",
}
NOTHING_FOUND: dict[str, str] = {
    "et": "Õppekava materjalides ei leidnud ma sellele küsimusele vastust. Küsi palun õpetajalt "
          "või sõnasta küsimus teisiti.",
    "en": "I could not find anything about this in the curriculum materials. Please ask your teacher "
          "or try wording the question differently.",
    "ru": "В учебных материалах я не нашёл ответа на этот вопрос. Спроси, пожалуйста, учителя "
          "или сформулируй вопрос иначе.",
}
SOCRATIC_OUTRO: dict[str, str] = {
    "et": "Proovi nüüd ise: mida see lõik sinu ülesande kohta ütleb ja milline oleks järgmine samm?",
    "en": "Now try it yourself: what does this passage tell you about your task, and what would the next step be?",
    "ru": "Теперь попробуй сам: что этот отрывок говорит о твоём задании и каким будет следующий шаг?",
}
INTRO_LOW_CONFIDENCE: dict[str, str] = {
    "et": "Ma ei ole kindel, et õppekava materjalid sellele küsimusele otse vastavad. Kõige lähemad lõigud on:",
    "en": "I'm not sure the curriculum answers this exactly. The closest passages are:",
    "ru": "Я не уверен, что в учебных материалах есть прямой ответ на этот вопрос. Ближайшие отрывки:",
}
WITHHELD: dict[str, str] = {
    "et": "Osa selle teema sisust on selle riigi versioonis seaduse tõttu välja jäetud. Vaata allolevat teadet.",
    "en": "Part of this topic is withheld in this country's version of the tutor because local law requires it. "
          "See the notice below.",
    "ru": "Часть материала по этой теме не показывается в версии для этой страны, потому что этого требует "
          "местный закон. См. уведомление ниже.",
}
