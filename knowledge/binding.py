"""Is the figure an answer gives the one the question asks for?

A passage can cover every word of "berapa upah minimum di Kansas City" and still not answer
it: the only sum there ("$15 per jam lebih dari upah minimum …") is someone else's. Each kind of
question wants its own kind of figure — a sum someone is paid, an age, hours, a head count, a
date, a place, a span of years, a name — standing by whom or what it asks about. The gate asks
`figure_is_bound` after coverage says the subject is there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from knowledge.question import Concept, Question, checks_a_claim, clean_words, could_be_name
from knowledge.text import function_words, split_sentences, terms, words
from knowledge.types import Passage

# Qualifier words that only carry the sentence ("cuma", "baru"), never worth naming.
FILLER = set(
    terms("cuma hanya baru belum pernah punya sudah lagi sedang sebagai jadi seorang bekerja kerja")
)


# "di Austin", "dari Nairobi", "Austin, Texas": a place named in a sentence
PLACE = re.compile(
    r"\b(?:di|dari|ke|in|at|from) [A-Z][a-z]+\b(?: [A-Z][a-z]+\b)?|\b[A-Z][a-z]+, [A-Z][a-z]+\b"
    # "di tempat-tempat seperti Eropa Timur", "negara-negara seperti Kenya"
    r"|\b(?:tempat|negara|wilayah|kawasan|daerah|kota)(?:-\w+)? (?:seperti|termasuk) [A-Z][a-z]+"
)


def asks_where(question: Question) -> bool:
    """"di mana", "kota mana", "where" — not "perusahaan game mana" (which company), nor "dapat
    kerjaan itu dari mana" (the way in, a job posting, not a place)."""
    clean = _FROM_SOURCE.sub(" ", question.clean)
    return bool(_WHERE_ASKED.search(clean))


_FROM_SOURCE = re.compile(
    r"\b(?:dapat|mendapat|mendapatkan|memperoleh|tahu|dengar|mendengar|sumber|sumbernya|"
    # "Cohere ambil pelatih AI dari mana": whom they get them from (Invisible Tech)
    r"dikutip|kutip|ambil|mengambil|rekrut|merekrut|datangkan|mendatangkan)\b"
    r"(?: \w+){0,4} dari ?mana\b"
)


# the verbs of "ambil pelatih dari mana": the asking, not what the answer's sentence says
SOURCE_VERBS = frozenset(terms("dapat peroleh ambil rekrut datangkan"))


def asks_source(question: Question) -> bool:
    """ "Cohere ambil pelatih AI dari mana": whom from, not a place."""
    return bool(_FROM_SOURCE.search(question.clean))


_WHERE_ASKED = re.compile(
    r"\b(?:di ?mana|ke ?mana|dari ?mana|where|"
    r"(?:kota|negara|daerah|wilayah|lokasi|tempat|orang) mana)\b"
)


# "nama anak magang itu siapa", "serikatnya namanya apa", "apa nama chatbot-nya" — not the
# speaker's filler "eh apa namanya pekerja AI itu …" nor "yang namanya Jatin Kumar"
_NAME_ASKED = re.compile(
    r"\bnama(?:nya)?\b.*\bsiapa\b|\bsiapa (?:(?:sih|ya|tuh|kah|sebenarnya) )*nama"
    r"|\bwhat(?: is|'s|s) (?:the |his |her |their )?name"
    r"|\bnama(?:nya)?(?: \w+){0,3} apa(?: (?:sih|ya|dong|tuh|ini|itu|aja))*$"
    r"|^(?:\w+ ){0,3}?apa nama(?:nya)?\b(?! (?:yg|yang)\b)(?=.)"
    # "serikat pekerja AI di kenya apa namanya? ketuanya siapa"
    r"|\b\w+ apa nama(?:nya)?\b(?! (?:yg|yang)\b)"
)


def asks_name(question: Question) -> bool:
    """The question asks what something or someone is called ("gamenya namanya apa")."""
    return bool(_NAME_ASKED.search(_FILLER_NAME.sub(" ", question.clean)))


# "eh apa namanya, pekerja AI itu direkrut langsung?": the speaker looking for a word
_FILLER_NAME = re.compile(r"\b(?:eh|em+|hm+|anu|ehm)\s+apa namanya\b")
_NAME_FRAME = frozenset(terms("nama name orang siapa"))
_EVERYWHERE = frozenset(terms("ai kecerdasan buatan artificial intelligence"))
_PERSON_NAME_ASKED = re.compile(r"\bsiapa\b|\bwho\b|\b(?:his|her) name")
# people words stand near every name in an article: "150 orang … untuk Facebook"
_GENERIC = frozenset(terms(
    "orang pekerja karyawan kerja people workers orang-orang banyak"
)) | FILLER
# a capitalised word; whether it could be a name at all is `could_be_name`'s to say
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
# (near each other: "anak masih sekolah, … kerjanya pake apa" asks of no school)
_INSTITUTION_ASKED = re.compile(
    r"\b(?:kampus|universitas|univ|sekolah|college|university)\b(?: \w+){0,5}?"
    r" (?:mana|apa|where|which)\b"
    r"|\b(?:mana|which)\b(?: \w+){0,5}? (?:kampus|universitas|univ|sekolah|college|university)\b"
)
_INSTITUTION = re.compile(
    r"\b(?:University|Universitas|Institut|Institute|College|Sekolah|Politeknik) (?:of )?[A-Z]"
    r"|\b[A-Z]\w+ (?:University|College|Institute)\b"
)
# "lulusan apa", "pendidikannya apa", "jurusan apa", "kuliah apa" — not "saya lulusan SMA"
_EDUCATION_ASKED = re.compile(
    r"\b(?:lulusan|pendidikan(?:nya)?|jurusan(?:nya)?|kuliah(?:nya)?|ijazah(?:nya)?|gelar(?:nya)?)"
    r" (?:\w+ )?(?:apa|mana)\b|\bwhat (?:degree|education|did \w+ study)\b"
    # "syarat jadi manajer produk AI netflix apa aja": what a post requires, told near its name
    r"|\b(?:syarat|persyaratan|kualifikasi)(?:nya)?(?: \w+){0,6}? apa\b"
)
_EDUCATION = re.compile(
    r"\b(?:lulus|lulusan|gelar|sarjana|kuliah|jurusan|ijazah|diploma|SMA|SMK|S1|S2|degree|"
    r"graduated?)\b",
    re.I,
)
# "akhirnya berhasil naikin gaji gak", "mogoknya menang gak": how something ended; the news
# tells that a union was formed or a strike began, which says nothing of how it turned out
_OUTCOME_ASKED = re.compile(
    r"\b(?:berhasil|menang|menangin|sukses|gagal|kalah|dikabulkan|terkabul|tercapai|selesai"
    r"|berakhir|kelar|usai|bubar|dibubarkan|beres|rampung|diakui|dipenuhi|disetujui|won|win"
    r"|succeed(?:ed)?|failed)(?:nya)?\b"
    # "akhirnya mereka dapat royalti ga": what they got in the end
    r"|\bakhirnya (?:\w+ ){0,2}(?:dapat|dapet|mendapat|mendapatkan|dikasih|diberi)\b"
)
_OUTCOME = re.compile(
    r"\b(?:berhasil|menang|memenangkan|sukses|gagal|kalah|dikabulkan|disetujui|sepakat|"
    r"kesepakatan|tercapai|berakhir|selesai|won|succeeded|failed|agreement)\b",
    re.I,
)
# joining a company; not "diapakan habis masuk" (what is done once a report comes in)
_REGISTERING = re.compile(
    r"\b(?:daftar|mendaftar|melamar|lamar|apply|join|gabung|bergabung)\b"
    r"|(?<!habis )(?<!setelah )(?<!sesudah )\bmasuk\b(?= \w)"
)
_APPLYING = frozenset(terms("lowongan melamar daftar mendaftar rekrut posting iklan"))
_SIGNING_UP = re.compile(r"\b(?:daftar\w*|mendaftar|pendaftaran|melamar|lamar\w*|apply)\b")
# the way in told: "melihat lowongan pekerjaan online", "mendaftar"; the noun "daftar" (a list,
# "tentang daftarnya") tells none
_APPLYING_HOW = re.compile(
    r"\b(?:lowongan|melamar|lamaran|mendaftar|pendaftaran|didaftar|apply|applied|sign(?:ed)? up)",
    re.I,
)
# "… syaratnya apa aja, daftarnya lewat web apa", "link pendaftarannya": the way in is asked,
# whatever the question's kind
_HOW_TO_SIGN_UP = re.compile(
    r"\b(?:cara|caranya|bagaimana|link|web|website|situs)\b(?: \w+){0,3} "
    r"(?:daftar\w*|mendaftar|pendaftaran\w*|melamar|lamar\w*|apply)\b"
    r"|\b(?:daftar\w*|mendaftar|pendaftaran\w*|melamar|lamar\w*)\b(?: \w+){0,8} "
    r"(?:link|web|website|situs|lewat (?:web|mana|apa))\b"
)
# the words of asking where ("tinggal di kota mana", "orang mana aja, negara mana"), not of
# what is asked about
WHERE_FRAME = frozenset(
    terms("tinggal kota asal lokasi domisili tempat negara daerah wilayah orang")
)
PAY_TERMS = frozenset(terms("upah gaji bayar honor"))  # the lexicon reads them all "upah"
_MONEY = re.compile(r"(?:US\$|USD|\$|Rp\.?)\s?\d|\d[\d.,]*\s?(?:dollar|dolar|juta|ribu)", re.I)
# What a "how much" question counts, by its words, and the figure a sentence needs to answer it.
# Checked in this order; a question counting something else (people, hours of work) needs a figure
# of that kind too, but "berapa" alone names no kind and passes.
AGE_TERMS = frozenset(terms("umur usia"))
_AGE_FIGURE = re.compile(r"\b\d{1,3} tahun\b|\bberusia \d|\b\d{1,3} (?:years?|thn)\b", re.I)
# a limit asked ("umur minimal", "usia maksimal", "max umur"): a limit told answers it
_THRESHOLD_ASKED = re.compile(
    r"\b(?:minimal|minimum|maksimal|maksimum|max|batas|syarat|at least|at most)\b"
    # "umur paling tua yang boleh daftar": the oldest allowed is a limit too
    r"|\bpaling (?:tua|muda) (?:yang|yg) (?:boleh|bisa|diterima)\b"
)
_THRESHOLD = re.compile(
    r"\b(?:minimal|minimum|maksimal|maksimum|setidaknya|sedikitnya|paling sedikit|paling tua"
    r"|batas|syarat|ke atas|ke bawah|di bawah|at least|at most|under)\b",
    re.I,
)
_MONTHS = ("januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|"
           "desember|january|february|march|may|june|july|august|october|december")
_DAYS = "senin|selasa|rabu|kamis|jumat|sabtu|minggu|monday|tuesday|wednesday|thursday|friday"
# a date or a time in a sentence: "pada Agustus", "tahun 2023", "tanggal 5", "Senin lalu"
_DATE_FIGURE = re.compile(
    rf"\b(?:{_MONTHS}|{_DAYS})\b|\b(?:19|20)\d\d\b|\btanggal \d|\b\d{{1,2}}/\d{{1,2}}\b"
    r"|\b(?:minggu|bulan|tahun|pekan) (?:lalu|depan|ini)\b|\b(?:last|next) (?:week|month|year)\b"
    # a time told by what happened then: "di awal pandemi", "pada masa …"
    r"|\b(?:di|pada) (?:awal|masa) \w+",
    re.I,
)
# words that only frame a "when" question, not the event it asks about
_WHEN_FRAME = frozenset(terms("kapan tanggal waktu tahun bulan hari jam when date time year"))
# who leads something: "siapa CEO/pendiri/bos X" needs that word near X
_LEADING_ROLES = frozenset(terms(
    "ceo cto coo pendiri founder cofounder direktur presiden ketua pemilik bos kepala chairman"
))
_HIRED_ASKED = frozenset(terms(
    "rekrut merekrut direkrut terima diterima menerima angkat diangkat hire"
))
# "Netflix akhirnya dapat siapa buat manajer AI": whom they got, a hire
_GOT_WHOM = re.compile(r"\b(?:dapat|pilih|memilih|milih) siapa\b")
_POSTS = frozenset(terms("manajer direktur kepala pemimpin posisi jabatan manager"))
_YEARS_ASKED = re.compile(r"\bberapa (?:tahun|thn)\b|\bhow many years\b")
_YEARS_FIGURE = re.compile(
    r"\b\d{1,2}(?:[.,]\d)? (?:tahun|years?)\b|\bsetahun\b|\b(?:satu|dua|tiga|empat|lima|enam|"
    r"tujuh|delapan|sembilan|sepuluh|beberapa|belasan|puluhan) tahun\b|\ba year\b",
    re.I,
)
# a length of time: "8 jam sehari", "setiap 45 atau 30 menit", "dalam satu tahun", "selama 2
# tahun" (not "$15 per jam", nor an age, "22 tahun")
_HOURS_FIGURE = re.compile(
    r"(?:\b\d[\d.,]* (?:jam|menit|hari|minggu|pekan|bulan|hours?|minutes?|days?|weeks?|months?)"
    r"|\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|one"
    r"|two|three|four|five|six) (?:jam|menit|hari|minggu|pekan|bulan|tahun|hours?"
    r"|minutes?|days?|weeks?|months?|years?)"
    r"|\b(?:selama|dalam|within|for) \d[\d.,]* (?:tahun|years?))\b"
    r"(?<!per jam)",
    re.I,
)
_PEOPLE = (r"(?:orang|pekerja|karyawan|kontraktor|pelatih|penulis|aktor|anggota|staf|pegawai"
           r"|mahasiswa|ahli|people|workers|employees|contractors|trainers|members)")
# "berapa orang", "jumlah pekerja", and the count after whom it counts ("karyawan tetapnya
# sebanyak apa", "kontraktornya ada berapa")
_PEOPLE_ASKED = re.compile(
    rf"\b(?:berapa|how many|jumlah)(?: banyak)? {_PEOPLE}\b"
    rf"|\b{_PEOPLE}(?:nya)?(?: \w+){{0,2}}? (?:sebanyak apa|berapa(?: banyak)?)\b"
)
_PEOPLE_FIGURE = re.compile(rf"\b\d[\d.,]*(?: (?:ribu|juta|[^\W\d]+))? {_PEOPLE}\b", re.I)
# sums that are not pay: a question about one needs a sum told with its word
_MONEY_WORDS = frozenset(terms(
    "dana pendanaan investasi harga biaya rugi kerugian valuasi modal denda pajak pesangon "
    "langganan iuran tarif ongkos premi cicilan"
))
_LONG_ASKED = re.compile(r"\bberapa lama\b|\bhow long\b")


def _short_figure(sentence: str) -> bool:
    """A length of time counted in hours to months, not in years."""
    return any(
        not re.search(r"(?:tahun|years?)$", m.group(0), re.I)
        for m in _HOURS_FIGURE.finditer(sentence)
    )


_HOURS_ASKED = re.compile(r"\bberapa (?:lama|jam)\b|\bhow (?:long|many hours)\b")


def asks_how_long(text: str) -> bool:
    """"berapa lama sekali dapat tugas baru", "how long": a length of time is the answer."""
    return bool(_HOURS_ASKED.search(text))


def asks_age(question: Question) -> bool:
    """"umurnya brp", "siapa yang lebih tua" (read as "usia"): a person's age is the answer (not
    the asker's own, "aku umur 34 jg")."""
    return any(c.terms & AGE_TERMS for c in question.subject)


def tells_age(sentence: str) -> bool:
    """An age in the sentence ("berusia 34 tahun", "Jatin Kumar, 22 tahun di Austin")."""
    return bool(_AGE_FIGURE.search(sentence))


def tells_how_long(sentence: str) -> bool:
    """A length of time in the sentence ("setiap 45 atau 30 menit"), not a rate per hour."""
    return bool(_HOURS_FIGURE.search(sentence))


def asks_for_pay(question: Question) -> bool:
    """A pay word, or a sum per unit of time ("savreux sebulan dapat brp"): pay, named or not."""
    return any(c.terms & PAY_TERMS for c in question.subject) or (
        question.kind == "how_much" and bool(_PER_TIME.search(question.clean))
        and not _HOURS_ASKED.search(question.clean) and not _PEOPLE_ASKED.search(question.clean)
    )


_MAKES = re.compile(r"(?:make|makes|made|making)")


# the unit of a sum per time ("sebulan", "per jam"): what it is counted by, not what it is about
PERIOD_TERMS = frozenset(terms("jam hari minggu bulan tahun"))


# a sum per unit of time ("per jam", "sebulan", "hourly"); each group holds the unit
_PER_TIME = re.compile(
    r"\b(?:per|tiap|setiap|each|an|a) (jam|hari|minggu|bulan|tahun|hour|day|week|month|year)"
    r"(?:nya)?\b"
    # "brp dpt per proyek": paid by the piece of work, a unit as an hour is
    r"|\b(?:per|tiap|setiap) (proyek|project|tugas|task)(?:nya)?\b"
    # "sehari-hari" is the daily round, not a sum per day; "setahunnya berapa" is one
    r"|\bse(jam|hari|minggu|bulan|tahun)(?:nya)?\b(?![- ]hari)|\b(hour|month|year)ly\b"
)
# the period a pay question asks by: also "bulanan", "daily"
_PERIOD_ASKED = re.compile(
    _PER_TIME.pattern + r"|\b(jam|hari|minggu|bulan|tahun)an\b|\b(dai|week)ly\b"
)
_PERIOD_WORD = {"hour": "jam", "day": "hari", "dai": "hari", "week": "minggu", "month": "bulan",
                "year": "tahun"}


def unpaid_periods(question: Question, passages: Sequence[Passage]) -> tuple[str, ...]:
    """The periods a pay question asks by ("sebulan dapat brp") that no pay figure in the
    passages is told by ("$15 per jam"): the answer gives another unit and must say so."""
    if not asks_for_pay(question):
        return ()
    # "aku operator, tiap hari takut diganti robot. pelatih dibayar brp?": a period in the
    # asker's own story (a phrase's last word too) asks by no unit
    subject = {w for c in question.subject for w in c.surface.lower().split()}
    told_aside = _told_aside(question) | {
        w for c in question.qualifiers for w in c.surface.lower().split()
    } - subject
    asked = [
        _PERIOD_WORD.get(unit, unit)
        for m in _PERIOD_ASKED.finditer(question.clean)
        if m.group(0).split()[-1] not in told_aside  # "gaji bulanan HKD ku aja kalah"
        for unit in m.groups()
        if unit
    ]
    if not asked:
        return ()
    told = {t for p in passages for s in split_sentences(p.text) if is_pay_figure(s)
            for t in terms(s)}
    unpaid = tuple(dict.fromkeys(u for u in asked if u not in told))
    if len(unpaid) < len(set(asked)) and _OFFERED.search(question.clean):
        return ()  # "sebulan apa setahun": one of the periods offered is the one paid by
    return unpaid


def _told_aside(question: Question) -> set[str]:
    """The words of the asker's story and remarks ("gaji bulanan HKD ku aja kalah"): the asked
    kind of figure is never read from them."""
    return {c.surface.lower() for c in question.concepts if c.background}


def _asked(pattern: re.Pattern[str], question: Question) -> bool:
    """The pattern matches the question outside the asker's story and remarks ("… ane mau
    itung2an dulu sebelum daftar" does not ask how to sign up)."""
    aside = _told_aside(question)
    return any(m.group(0) not in aside for m in pattern.finditer(question.clean))


_OFFERED = re.compile(r"\b(?:se|per )\w+ (?:apa|atau|or|ato|opo) (?:se|per )\w+")


def sum_told_with(words_: frozenset[str]) -> Callable[[str], bool]:
    """A sentence telling a sum with one of these words ("kerugian lebih dari USD10 juta")."""
    return lambda sentence: bool(_MONEY.search(sentence)) and bool(words_ & set(terms(sentence)))


def money_asked(question: Question) -> frozenset[str]:
    """The money words a question asks a sum of ("rugi brp", "pendanaan brp"), pay aside."""
    # "hourly rate" is read as "rate tarif upah": a pay word, whatever else it may mean
    return frozenset(
        t for c in question.subject if not c.terms & PAY_TERMS for t in c.terms
    ) & _MONEY_WORDS


def _within_a_sentence(pattern: re.Pattern[str], question: Question) -> bool:
    """The pattern asked within one sentence of the message: "My daughter will finish university
    soon. Which companies …" asks no university's name, though the cleaned text (one line)
    reads "university soon which"."""
    if not pattern.search(question.clean):
        return False
    sentences = split_sentences(question.text)
    return len(sentences) < 2 or any(pattern.search(" ".join(clean_words(s))) for s in sentences)


def asks_head_count(question: Question) -> bool:
    """ "kerja bareng brp org kontraktor", "karyawan tetap openai sebanyak apa": a count of
    people ("pekerja kenya dibayar berapa" asks their pay)."""
    asked = _PEOPLE_ASKED.search(question.clean)
    return asked is not None and (
        asked.group(0).startswith(("berapa", "how many", "jumlah")) or not (
            # "pelatih ai umurnya berapa", "kontraktor openai dibayar berapa": their age, pay
            asks_for_pay(question) or asks_age(question)
            or _HOURS_ASKED.search(question.clean) or _YEARS_ASKED.search(question.clean)
        )
    )


def tells_head_count(sentence: str, of: frozenset[str] = frozenset()) -> bool:
    """ "sekitar 100 kontraktor lain", "375 karyawan": a number of people (of one of the terms
    `of`, when given: "berapa kontraktor" is not answered by "150 orang")."""
    return any(
        not of or bool(set(terms(m.group(0).split()[-1])) & of)
        for m in _PEOPLE_FIGURE.finditer(sentence)
    )


def figure_is_bound(question: Question, passages: Sequence[Passage]) -> bool:
    """An answer of the kind asked, about whom the question names.

    "Berapa gaji karyawan tetap Google?" is not answered by a pay figure of someone else in an
    article that also mentions Google: some sentence with a money amount must stand within two
    sentences of the name, and the role asked about within a sentence of it ("gaji direktur
    teknis Netflix" is not the product manager's US$900.000). Pay is a sum someone is paid: the
    loss an incident caused ("kerugian USD10 juta") is no intern's salary, so the money
    sentence must speak of pay. An age needs "… tahun" in the person's article, hours of work
    "… jam" (not "$15 per jam"), a head count "… orang"/"… kontraktor", "di mana" a place
    ("di Austin"), "kapan"/"tanggal berapa" a date ("pada Agustus", "tahun 2023"), and "siapa
    CEO X" that role near X, "berapa tahun" a span of years, "nama X siapa" a name the question
    does not hold in a sentence about X. A sum is the asked thing's, not what it is compared
    with ("$15 per jam lebih dari upah minimum di Kansas City" gives no minimum wage).
    Questions that name nobody and ask for no such kind pass.
    """
    asks_pay = asks_for_pay(question)
    age_asked = asks_age(question)
    asks_hours = bool(_HOURS_ASKED.search(question.clean)) and not asks_pay
    asks_years = bool(_YEARS_ASKED.search(question.clean)) and not asks_pay
    asks_people = asks_head_count(question)
    asked = frozenset(t for c in question.subject for t in c.terms)
    money_word = money_asked(question)
    names = [c for c in question.subject if c.entity and c.known]
    roles = asked & _LEADING_ROLES
    if question.kind == "who" and (asked & _HIRED_ASKED or _GOT_WHOM.search(question.clean)):
        # "Netflix akhirnya rekrut siapa jadi manajer AI": someone named for that post, not
        # the job posting
        roles |= asked & _POSTS
    figure: Callable[[str], object]
    outcome = _OUTCOME_ASKED.search(question.clean)
    if outcome and outcome.group(0) not in _told_aside(question) and (
        question.kind in ("yesno", "when") or "akhirnya" in question.clean.split()
    ):
        # "akhirnya berhasil naikin gaji gak": how it ended, told near whom it names
        return any(
            _near(split_sentences(p.text), _OUTCOME.search, [[n] for n in names])
            for p in passages
        )
    elif question.kind == "yesno" and age_asked and _THRESHOLD_ASKED.search(question.clean):
        # "ada batas umur maksimal gak" (to apply anywhere): an age limit, not the age of
        # someone the articles met
        def figure(sentence: str) -> bool:
            return bool(_AGE_FIGURE.search(sentence)) and bool(_THRESHOLD.search(sentence))
    elif _within_a_sentence(_INSTITUTION_ASKED, question) and not question.parts:
        # "kuliah di kampus mana": a university, not a city, in an article naming whom
        return any(
            any(_INSTITUTION.search(p.text) for p in mine)
            and all(any(_names_in([n], f"{p.title}\n{p.text}") for p in mine) for n in names)
            for mine in _by_article(passages)
        )
    elif asks_name(question) and not question.parts:
        # "nama anak magang itu siapa": a name the question does not hold, in a sentence about
        # what it asks ("ByteDance … chatbot Doubao" names no intern)
        named = names_the_asked(question)
        # the names the question gives describe whom it asks about; they need not stand in the
        # sentence, but in its article ("serikat di Nairobi" is not the Writers Guild of America)
        return any(
            named(s)
            for mine in _by_article(passages)
            if all(any(_names_in([n], f"{p.title}\n{p.text}") for p in mine) for n in names)
            for p in mine
            for s in split_sentences(p.text)
        )
    elif question.kind != "how_much" and (
        (way_in := bool(_HOW_TO_SIGN_UP.search(question.clean)))
        or (question.kind == "howto" and _SIGNING_UP.search(question.clean))
        or (names and _asked(_REGISTERING, question))
    ):
        # "cara daftar di Scale AI": how to apply there, told near its name; asked how, the
        # way in (a job posting seen online), not that a company hires or once ran an ad
        def figure(sentence: str) -> bool:
            if way_in or question.kind == "howto":
                return bool(_APPLYING_HOW.search(sentence))
            return bool(_APPLYING & set(terms(sentence)))
    elif _within_a_sentence(_EDUCATION_ASKED, question) and not question.parts:
        # "manajer AI Netflix syaratnya lulusan apa": schooling, told near whom it names
        # ("Jatin Kumar … lulus kuliah dengan gelar di bidang ilmu komputer")
        return any(
            _near(split_sentences(p.text), _EDUCATION.search, [[n] for n in names])
            for p in passages
        )
    elif question.kind == "where" and not question.parts and asks_where(question):
        # "anak magang ByteDance tinggal di mana": a place in a sentence naming them or telling
        # of the person described, not any place near the company's name ("populer di Cina")
        described = frozenset(
            t for c in question.subject if c.known and not c.entity for t in c.terms
        ) - WHERE_FRAME - FILLER - {"ai"}

        def figure(sentence: str) -> bool:
            return bool(PLACE.search(sentence)) and (
                not names or not described or _names_in(names, sentence)
                or bool(described & set(terms(sentence)))
            )
    elif question.kind == "who" and roles and names and not question.parts:
        # "siapa CEO Invisible Technologies": that role told near its name, with someone named
        # ("Netflix nerima siapa jd manajer AI" is not answered by the job posting)
        said = set(words(question.clean))

        def figure(sentence: str) -> bool:
            return bool(roles & set(terms(sentence))) and any(
                m.group(0).lower() not in said and could_be_name(m.group(0).lower())
                for m in _CAPITALISED.finditer(" ".join(sentence.split()[1:]))
            )
    elif question.kind == "when" and not question.parts:
        # "tanggal berapa gajian": a date, near whom it names, in a sentence about what is
        # asked ("mogoknya kelar kapan" is not the date a job was posted beside the strike)
        event = frozenset(
            t for c in question.subject if c.known and not c.entity for t in c.terms
        ) - _WHEN_FRAME
        # "mogoknya kelar kapan": when it ended, told with how it ended, not the date a job
        # was posted while the strike went on
        ending = bool(_OUTCOME_ASKED.search(question.clean))

        def figure(sentence: str) -> bool:
            return bool(_DATE_FIGURE.search(sentence)) and (
                not event or bool(event & set(terms(sentence)))
            ) and (not ending or bool(_OUTCOME.search(sentence)))
    elif question.kind != "how_much" and not (
        # "katanya Sam Altman gajinya triliunan, hoax ga?": a claimed sum of someone's pay is
        # checked against a sum paid to them, as "berapa gajinya" would be; a claim with no
        # sum ("bayar murah org kenya, beneran?": "berupah rendah" answers it) or a comparison
        # ("$15 itu lebih tinggi dari UMR atau tidak") is not
        question.kind == "yesno" and asks_pay and names and checks_a_claim(question)
        and _SUM_STATED.search(question.clean) and not _COMPARED.search(question.clean)
    ):
        return True
    elif age_asked and _THRESHOLD_ASKED.search(question.clean):
        # "umur minimal brp": an age limit, not the age of someone the articles met
        def figure(sentence: str) -> bool:
            return bool(_AGE_FIGURE.search(sentence)) and bool(_THRESHOLD.search(sentence))
    elif age_asked:
        figure = _AGE_FIGURE.search
    elif asks_years:
        figure = _YEARS_FIGURE.search  # "pengalaman brp tahun": a span of years, not a date
    elif asks_hours:
        # "berapa jam": hours, days or weeks; "berapa lama" may be years ("dalam satu tahun")
        figure = _HOURS_FIGURE.search if _LONG_ASKED.search(question.clean) else _short_figure
    elif asks_people:
        figure = _PEOPLE_FIGURE.search
    elif money_word:
        # "rugi brp", "pendanaan brp": a sum told with that word, not any sum nearby
        figure = sum_told_with(money_word)
    elif asks_pay:
        figure = is_pay_figure
        role = _role_after_pay(question)
        if role and not _role_is_paid(role, passages):
            return False
        if not role:
            # whose pay, when no role stands by the pay word: the question's other known words
            # ("pekerja kenya yg ngelabel ujaran kebencian buat openai dibayar brp")
            role = _described(question, len(question.clean), _UNIT_WORDS | _PAY_KIND)
            if len(role) >= 3 and not _role_is_paid(role, passages):
                return False
    else:
        return True
    stated = money_amounts(question.text)
    heard = checks_a_claim(question) and not _COMPARED.search(question.clean)
    if stated and (asks_pay or money_word) and not heard:
        # "$15 per jam itu lebih dari upah minimum, upah minimumnya berapa?": the sum the
        # asker already gave is no answer; another one must stand there (unless they ask
        # whether what they heard is right: "katanya 900 ribu dolar, sebulan apa setahun?")
        given = figure

        def figure(sentence: str) -> bool:
            return bool(given(sentence)) and not money_amounts(sentence) <= stated
    if age_asked:
        # a person's age may stand in the chunk before the one naming the outlet that
        # interviewed them: read the article's retrieved chunks as one text, each name near
        # an age
        return any(
            _near(
                list(dict.fromkeys(s for p in mine for s in split_sentences(p.text))),
                figure,
                [[n] for n in names],
            )
            for mine in _by_article(passages)
        )
    # the figure is the asked thing's, not what it is compared with: "$15 per jam lebih dari
    # upah minimum di Kansas City" gives no minimum wage
    asked_words = asked - PAY_TERMS - _UNIT_WORDS - {t for n in names for t in n.terms}
    # where the person is ("pelatih ChatGPT yg di Amerika", "si Kumar yg di Texas")
    here = [n for n in names if _located_at(n.surface).search(question.clean)]
    rest = [n for n in names if n not in here]

    def bound(sentences: Sequence[str]) -> bool:
        # a sum in the very sentence naming them is theirs; the other side of a comparison
        # there ("$15 per jam lebih dari upah minimum di Kansas City") says nobody gave theirs
        own = [s for s in sentences if names and _names_in(names, s) and figure(s)]
        if own and all(_compared_away(s, asked_words) for s in own):
            return False
        if _near(sentences, figure, [names] if names else []):
            return True
        # where the person is: told in the sentence next to the one paying them ("… ChatGPT …
        # 15 dollar AS." then "… tinggal di Kansas, Amerika")
        return bool(here) and bool(rest) and any(
            figure(s) and _names_in(rest, s)
            and all(
                any(_names_in([n], t) for t in sentences[max(0, i - 1) : i + 2]) for n in here
            )
            for i, s in enumerate(sentences)
        )

    # whom the place describes: not the rest of the place's own name ("Kansas City")
    placed = [n for n in rest if all(abs(n.position - h.position) > 1 for h in here)]

    def introduced_there(sentences: Sequence[str]) -> bool:
        # or where the article introduces them ("Jatin Kumar, 22 tahun di Austin, Texas"),
        # paragraphs before their figure ("Kumar … bekerja dengan sekitar 100 kontraktor lain")
        return any(_names_in(here, s) and _names_in(placed, s) for s in sentences) and any(
            figure(s) and _names_in(placed, s) and not _compared_away(s, asked_words)
            for s in sentences
        )

    # a pay figure sits next to whom it pays: all the names in one sentence near it
    return any(bound(split_sentences(p.text)) for p in passages) or bool(
        here and placed
    ) and any(
        introduced_there(list(dict.fromkeys(s for p in mine for s in split_sentences(p.text))))
        for mine in _by_article(passages)
    )


def names_the_asked(question: Question, *, nearest: bool = False) -> Callable[[str], bool]:
    """Whether a sentence gives the name a "namanya apa" question asks: a name the question
    does not hold, following the thing it names ("startup teknologinya sendiri, Bonsai").
    `nearest`: the thing is the words just before "namanya" ("mas umur 22 di Texas … punya
    usaha rintisan sendiri, namanya apa" asks the startup's name, not a name near Texas)."""
    framed = [c for c in question.subject if c.known and not c.terms <= _NAME_FRAME]
    # a common word read as a name ("chatbot") leaves only names: then they say what it is
    about = [c for c in framed if not c.entity] or framed
    frame = [c.position for c in question.subject if c.terms <= _NAME_FRAME]
    if nearest and frame and (before := [c for c in about if c.position < frame[0]]):
        about = sorted(before, key=lambda c: c.position)[-2:]
    said = set(words(question.clean))

    def speaks_of(c: Concept, have: set[str]) -> bool:
        worker = frozenset(terms(c.surface))
        if c.glossary and c.own == c.terms and c.terms - worker:
            # a synonym ("usaha sendiri" = "startup"): the article's word, or all of the
            # worker's own
            return bool((c.terms - worker) & have) or worker <= have
        # all of a phrase's own words: "anak perusahaan" is not "anak magang"
        return c.own <= have if c.own else bool(c.terms & have)

    # a thing's name ("serikatnya namanya apa") follows it: "chatbot Doubao", "game … yang
    # disebut Scriptic"; a person's ("nama anak magang itu siapa") may lead the sentence
    thing = not _PERSON_NAME_ASKED.search(question.clean)
    asked_terms = {t for c in about for t in c.terms} - _GENERIC
    # "AI" stands before every name in these articles ("AI untuk Facebook, TikTok"): the
    # thing named is what else is asked ("serikat pekerja AI namanya apa")
    asked_terms = asked_terms - _EVERYWHERE or asked_terms
    common_names = {
        t for c in framed if c.entity and c.surface.islower() for t in c.terms
    } - _EVERYWHERE - _GENERIC

    def named(sentence: str) -> bool:
        have = set(terms(sentence))
        if not any(speaks_of(c, have) for c in about):
            return False
        # the name follows what it names: "chatbot Doubao", "game … yang disebut Scriptic";
        # "… Facebook, TikTok … membentuk serikat pekerja" gives the union no name
        tokens = sentence.split()
        if not thing:
            near = set(range(len(tokens)))
        else:
            # a word read as a name that the article writes in lowercase ("game" of "game
            # Netflix yg soal kriminal") is the thing named too
            near = {
                j
                for i, token in enumerate(tokens)
                if set(terms(token)) & asked_terms
                or (token[:1].islower() and set(terms(token)) & common_names)
                for j in range(i + 1, min(len(tokens), i + 8))
            }
        # past a sentence's first word a capital names something, a dictionary word
        # or not ("startup teknologinya sendiri, Bonsai"); a person's name may open it
        return any(
            m.group(0).lower() not in said
            and (could_be_name(m.group(0).lower()) or (thing and j > 0))
            and m.group(0).lower() not in function_words()
            for j in near
            for m in _CAPITALISED.finditer(tokens[j])
        )

    return named


def _located_at(name: str) -> re.Pattern[str]:
    """ "di Amerika", "orang Kenya", "from Kenya", "mas2 kansas" (the man from Kansas): the name
    says where someone is."""
    return re.compile(
        rf"\b(?:di|dari|orang|in|from|mas|mas-mas|mbak|bapak|bapak-bapak|pak|bang|abang|om|pria"
        rf"|cowok|cewek|wanita|guy|man|woman) {re.escape(name.lower())}\b"
    )


_COMPARED = re.compile(
    r"\b(?:lebih (?:\w+ )?(?:dari|daripada)|daripada|dibanding(?:kan)?(?: dengan)?|ketimbang"
    r"|di (?:atas|bawah)|(?:more|less|higher|lower) than)\b",
    re.I,
)
_AMOUNT = re.compile(r"\d[\d.,]*\d|\d")


def money_amounts(text: str) -> frozenset[str]:
    """The numbers in money sums of a text, without separators ("US$900.000" -> "900000")."""
    money = [(m.start(), m.end()) for m in _MONEY.finditer(text)]
    return frozenset(
        re.sub(r"[.,]", "", n.group(0))
        for n in _AMOUNT.finditer(text)
        if any(start < n.end() and n.start() < end for start, end in money)
    )


_UNIT_WORDS = frozenset(terms(
    "dolar dollar rupiah jam per tiap setiap tahun bulan minggu hari hour year"
))


def _compared_away(sentence: str, asked: frozenset[str]) -> bool:
    """The sentence's sums stand before a comparison and the asked words only after it."""
    marker = _COMPARED.search(sentence)
    if not marker or not asked:
        return False
    before, after = sentence[: marker.start()], sentence[marker.end() :]
    if not _MONEY.search(before) or _MONEY.search(after):
        return False
    return not (asked & set(terms(before))) and bool(asked & set(terms(after)))


def _near(
    sentences: Sequence[str], figure: Callable[[str], object], groups: Sequence[Sequence[Concept]]
) -> bool:
    """A figure sentence within two sentences of a sentence naming each group of names (any
    figure at all when there are no names)."""
    figures = [i for i, s in enumerate(sentences) if figure(s)]
    return bool(figures) and all(
        any(abs(i - j) <= 2 for i, s in enumerate(sentences) if _names_in(group, s)
            for j in figures)
        for group in groups
    )


def _by_article(passages: Sequence[Passage]) -> list[list[Passage]]:
    """The passages of each article, in the article's order."""
    articles: dict[str, list[Passage]] = {}
    for p in sorted(passages, key=lambda p: p.position):
        articles.setdefault(p.doc_id, []).append(p)
    return list(articles.values())


def _role_after_pay(question: Question) -> list[Concept]:
    """Whose pay is asked: the words right after the pay word ("gaji penulis skenario", "gaji
    direktur teknis AI"), past words of the period or kind of pay ("gaji awal", "gaji tahunan"),
    up to the first word that is not part of it ("yang", "di", a name)."""
    pay = [c.position for c in question.subject if c.terms & PAY_TERMS]
    if not pay:
        return []
    run: list[Concept] = []
    at = pay[0]
    for c in sorted(question.subject, key=lambda c: c.position):
        if c.position <= pay[0]:
            continue
        # "gaji tahunan untuk posisi direktur teknis": a preposition may stand before the role
        gap = 3 if not run else 1
        if c.position > at + gap or c.entity or c.terms & PAY_TERMS:
            break
        at = c.position
        if not run and c.terms & (_PAY_KIND | _ROLE_INTRO | _SIZE):
            continue
        if c.terms & _UNIT_WORDS or all(t.isdigit() for t in c.terms):
            break  # "gajinya 900000 dolar": the sum the asker heard, not whose pay it is
        if not c.known:
            # "bayaran anggota koperasi data …": a group no article speaks of, before a word
            # that goes on to describe it, is still whose pay is asked, and no sum the articles
            # give is theirs
            # (a noun: not "gaji yang ditawarkan", "upahnya bisa mencapai", "tepatnya")
            said = c.surface.lower()
            if len(said) < 4 or said in function_words() or _NOT_A_NOUN.search(said):
                break
        run.append(c)
    while run and not run[-1].known:
        run.pop()  # "gajinya fantastis", "… kodong": how the asker finds it, not whose it is
    if not run:
        run = _role_before_pay(question, pay[0])
    return run


# a verb's prefix or an adverb's "-nya": no word naming a group of people
_NOT_A_NOUN = re.compile(r"^(?:di|me|ber|ter|ke)|nya$")


_PASSIVE_PAY = re.compile(r"(?:di|ter)(?:bayar|gaji|upah)")


def _role_before_pay(question: Question, pay: int) -> list[Concept]:
    """Whose pay, when they come first and the pay word later with "-nya" ("direktur teknis AI
    generatif buat studio Netflix gajinya berapa", "dokter yang jadi pelatih AI bayarannya"):
    the known words before it, names, filler and the asker's own story aside ("saya dokter
    umum, dokter bisa melatih AI, bayarannya?" asks a trainer's pay)."""
    said = next((c for c in question.subject if c.position == pay), None)
    if said is not None and _PASSIVE_PAY.match(said.surface.lower()):
        # "penulis skenario netflix dibayar brp": the words right before the passive are whom
        # it pays ("baca ada pelatih chatgpt dibayar": the trainer, not the reading)
        at = {c.position: c for c in _described(question, pay, _PAY_KIND)}
        names = {c.position for c in question.subject if c.entity}
        run: list[Concept] = []
        k = pay - 1
        while k in names or (k in at and not _NOT_A_NOUN.search(at[k].surface.lower())):
            if k in at:  # (up to a verb: "berita yang menyebut pelatih chatgpt dibayar …")
                run.insert(0, at[k])
            k -= 1
        return run
    if said is None or not said.surface.lower().endswith("nya"):
        return []
    return _described(question, pay, _PAY_KIND)  # "orang keuangan": "orang" says no role


def _described(
    question: Question, before: int, also: frozenset[str] = frozenset()
) -> list[Concept]:
    """The known words of the subject before a position that say whose pay it is: names,
    filler, pay words (and `also`) and the asker's own story aside."""
    told = frozenset(t for c in question.qualifiers for t in c.terms)
    return [
        c for c in question.subject
        if c.position < before and c.known and not c.entity
        and not c.terms & (FILLER | PAY_TERMS | also | told)
    ]


# "gaji awal", "gaji tahunan", "gaji orang yang …": what kind of pay, not whose
_PAY_KIND = frozenset(terms(
    "tahunan bulanan mingguan harian per tiap setiap jam tahun bulan minggu hari awal pokok "
    "rata-rata minimal maksimal minimum maksimum pertama bersih kotor tertinggi terendah orang "
    # "upahnya per jam paling tinggi": how high, not whose
    "paling terbesar terkecil terbanyak "
    # "dibayar hitungan jam", "kalau dirupiahkan": how the pay is counted or converted
    "hitungan dihitung rupiah dirupiahkan kurs konversi "
    # "gajinya kalau baru mulai": starting pay, the stage of the job, not whose
    "baru mulai pemula"
))


_ROLE_INTRO = frozenset(terms("posisi jabatan peran role sebagai"))
# "gajinya berapa setahun, gede banget": how the asker finds the sum, not whose it is
_SIZE = frozenset(terms("besar gede tinggi kecil rendah mahal murah lumayan"))


def _role_is_paid(role: Sequence[Concept], passages: Sequence[Passage]) -> bool:
    """Most words of the role within a sentence of a pay figure (or in a headline with one):
    "gaji penulis skenario" is not the manager's US$900.000 beside a line on striking writers,
    while "manajer produk AI" is the "manajer … (AI)" of that sum."""
    # a role described at length: its noun, past a verb of hiring ("nyari direktur teknis")
    head = next((c for c in role if not c.terms & _HIRING), None) if len(role) >= 3 else None
    said = {  # each article's words, only needed for such a description
        mine[0].doc_id: set().union(*(set(terms(f"{p.title} {p.text}")) for p in mine))
        for mine in _by_article(passages)
    } if head is not None else {}
    for passage in passages:
        for text in (passage.title, passage.text):
            sentences = split_sentences(text)
            for i, sentence in enumerate(sentences):
                if is_pay_figure(sentence):
                    # the sum's sentence and the one before, which may name whom it is paid
                    # to ("Savreux … . Dia dibayar $15"); the next one tells something else
                    # ("… US$900.000. Hal tersebut memicu kontroversi …" pays no writer), and
                    # what happens around it is no payee ("… US$900.000 di Tengah Mogok
                    # Penulis")
                    near = set(terms(" ".join(
                        _AMID.sub("", s) for s in sentences[max(0, i - 1) : i + 1]
                    )))
                    if 2 * sum(1 for c in role if c.terms & near) > len(role):
                        return True
                    # "pelatih AI yg dokter2 sama analis keuangan": the paid role in the sum's
                    # sentence (its noun, or half its words: "satpam yg nyambi pelabel data"
                    # is paid as "seorang pelabel data"), the rest of its description
                    # elsewhere in that article (a long description may hold one word of the
                    # asker's own: "kelas ahli")
                    own = set(terms(sentence))
                    if head is not None and (
                        head.terms & own or 2 * sum(1 for c in role if c.terms & own) >= len(role)
                    ) and sum(
                        1 for c in role if not c.terms & said[passage.doc_id]
                    ) <= (1 if len(role) >= 4 else 0):
                        return True
                    if head is not None and _paid_group_includes(
                        sentence, head, [p for p in passages if p.doc_id == passage.doc_id]
                    ):
                        return True
    return False


def _paid_group_includes(
    sentence: str, head: Concept, article: Sequence[Passage]
) -> bool:
    """The sum is paid to a group told of before ("Tingkat gaji para pelatih ini … $200"), and
    the article counts the role asked among that group ("Para pelatih ini … mencakup dokter
    praktik, analis keuangan, akuntan"): a doctor's pay as a trainer is that sum."""
    group = {t for m in _THIS_GROUP.finditer(sentence) for t in terms(m.group(1))}
    if not group:
        return False
    return any(
        group & set(terms(s)) and head.terms & set(terms(s)) and _INCLUDES.search(s)
        for p in article for s in split_sentences(p.text)
    )


# "para pelatih ini", "pelatih-pelatih tersebut": a group the article told of before
_THIS_GROUP = re.compile(r"\bpara (\w+) (?:ini|tersebut)\b", re.IGNORECASE)
# "… mencakup dokter praktik, analis keuangan …": who the group counts
_INCLUDES = re.compile(r"\b(?:mencakup|termasuk|meliputi|antara lain|seperti|yaitu)\b")


# a sum the asker states: a figure, or its size in words ("triliunan")
_SUM_STATED = re.compile(
    r"\d|\b(?:ribu|ribuan|juta|jutaan|miliar|miliaran|triliun|triliunan|thousand|million"
    r"|billion|trillion)s?\b"
)
# "di tengah mogok penulis", "amid the strike": the backdrop of what a sentence tells
_AMID = re.compile(r"\b(?:di tengah(?:-tengah)?|amid(?:st)?)\b.*$", re.IGNORECASE | re.DOTALL)
_HIRING = frozenset(terms("rekrut cari mencari butuh lowongan minta mempekerjakan hire"))


def is_pay_figure(sentence: str) -> bool:
    return bool(_MONEY.search(sentence)) and bool(set(terms(sentence)) & _PAY_WORDS)


# a sentence speaks of pay with one of these (stems), besides the lexicon's "upah" family
_PAY_WORDS = PAY_TERMS | frozenset(terms("kompensasi pendapatan tarif dibayar bayaran gaji"))


def _names_in(names: Sequence[Concept], sentence: str) -> bool:
    """Every name in the sentence; a person's name of several words ("Jatin Kumar") also by its
    last word, as news writing calls a person by the surname after the first mention (not
    "Invisible Tech" by "tech"); a country by its short name ("Amerika" for "Amerika
    Serikat", read as one unit)."""
    have = set(terms(sentence))
    have |= {t.split("_", 1)[0] for t in have if "_" in t}
    runs: list[list[Concept]] = []
    for c in sorted(names, key=lambda c: c.position):
        if runs and c.position == runs[-1][-1].position + 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    return all(
        all(c.terms & have for c in run)
        or (len(run) > 1 and could_be_name(run[-1].surface.lower()) and run[-1].terms & have)
        for run in runs
    )
