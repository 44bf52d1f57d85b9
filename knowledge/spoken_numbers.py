"""Numbers said in words ("sembilan ratus ribu dolar", "lima belas") written as the articles write
them ("900.000", "15").

Why: workers dictate their questions to the phone, and voice typing spells Indonesian numbers
out. The articles print figures in digits, so a spelled-out figure matched nothing and the
question was refused. Only a run with a compound word (belas, puluh, ratus, ribu, juta …) is
rewritten: a lone "dua" or "lima" is ordinary speech ("dua artikel"), and "ratusan ribu" stays
a vague amount, not 1.000.
"""

from __future__ import annotations

import re

_UNITS = {
    "nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9,
    # English questions ("around one thousand remote contractors")
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}
_SE = {
    "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000, "sejuta": 1_000_000,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SMALL_SCALES = {"belas", "puluh", "ratus", "hundred"}
_BIG_SCALES = {"ribu": 1000, "juta": 1_000_000, "miliar": 1_000_000_000, "milyar": 1_000_000_000,
               "triliun": 1_000_000_000_000, "thousand": 1000, "million": 1_000_000,
               "billion": 1_000_000_000}
# "155 juta", "17 juta": the articles keep these scale words; thousands are written in digits
_KEPT_SCALES = {"juta", "miliar", "milyar", "triliun"}
_STARTS = set(_UNITS) | set(_SE)  # a number said in words opens with one of these
_NUMBER_WORDS = _STARTS | _SMALL_SCALES | set(_BIG_SCALES)
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_YEAR_WORDS = {"tahun", "taun", "thn", "year", "in"}


def write_numbers(text: str) -> str:
    """`text` with each spelled-out number run replaced by its digits."""
    spans = list(_TOKEN.finditer(text))
    out: list[str] = []
    done = 0  # text before this offset is already in `out`
    i = 0
    while i < len(spans):
        j = i
        # a run: number words separated by spaces only ("sembilan ratus ribu")
        while (
            j < len(spans)
            and spans[j].group(0).lower() in _NUMBER_WORDS
            and (j == i or text[spans[j - 1].end() : spans[j].start()].isspace())
        ):
            j += 1
        first = spans[i].group(0).lower()
        if j == i + 1 and first in _HOMOGRAPHS and not _english_around(spans, i):
            i += 1  # Javanese "ten" (at): "kerja ten jakarta" is no number
            continue
        written = (
            _written([m.group(0).lower() for m in spans[i:j]])
            if j > i and first in _STARTS
            else None
        )
        if written is None:
            i = j if j > i and first in _STARTS else i + 1
            continue
        if i and spans[i - 1].group(0).lower() in _YEAR_WORDS:
            written = written.replace(".", "")  # "tahun dua ribu dua puluh empat": 2024
        out.append(text[done : spans[i].start()])
        out.append(written)
        done = spans[j - 1].end()
        i = j
    out.append(text[done:])
    return "".join(out)


# number words that are also words of a regional language
_HOMOGRAPHS = {"ten"}
_ENGLISH_CUES = {"the", "a", "of", "is", "are", "do", "does", "how", "what", "per", "and",
                 "dollars", "dollar", "hours", "hour", "years", "months", "people", "workers",
                 "thousand", "hundred", "percent", "minutes", "days"}


def _english_around(spans: list[re.Match[str]], i: int) -> bool:
    """An English word just before or after the number word at `i`."""
    near = spans[max(0, i - 2) : i] + spans[i + 1 : i + 3]
    return any(m.group(0).lower() in _ENGLISH_CUES for m in near)


def _written(words: list[str]) -> str | None:
    """Digits for one run of number words, or None when the run is not a compound number."""
    if not any(w in _SMALL_SCALES or w in _BIG_SCALES or w in _SE for w in words):
        return None
    if any(a in _UNITS and b in _UNITS for a, b in zip(words, words[1:], strict=False)):
        return None  # "dua tiga ribu": a range said loosely, not one number
    total = current = last = 0  # sum of finished thousands; the group being said; its unit
    kept = ""
    for n, w in enumerate(words):
        if w in _UNITS:
            last = _UNITS[w]
            current += last
        elif w in _SE and _SE[w] >= 1000:  # "seribu", "sejuta"
            total += _SE[w]
            current = last = 0
        elif w in _SE:  # "sepuluh", "seratus", "fifteen", "twenty"
            current += _SE[w]
            last = 0
        elif w == "belas":  # "lima belas": the unit said is 10 more
            current += 10
        elif w == "puluh":  # "lima puluh": the unit said is ten times itself
            current += last * 9
        elif w in ("ratus", "hundred"):  # "dua ratus", "fifteen hundred"
            current *= 100
        elif w in _KEPT_SCALES and n == len(words) - 1 and not total:
            kept = w  # "155 juta", as the articles write it
        else:
            total += (current or 1) * _BIG_SCALES[w]
            current = last = 0
    if kept:
        return f"{current} {kept}"
    return f"{total + current:,}".replace(",", ".")
