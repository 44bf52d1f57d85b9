"""Remove the text that scraped news pages carry around the article itself.

Why: anything left here is embedded, retrieved and quoted to users. A gambling advert, a list
of unrelated headlines or a "Baca juga" line must never become an answer, so the rules below
drop them before chunking. The rules are general (they describe how such noise looks on
Indonesian news sites), not tuned to particular files, and each is deliberately narrow: it is
worse to delete a sentence of the article than to keep one line of noise.

Work is line by line, because scrapers put each kind of noise on its own line(s).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text import normalize_lines

# A header introducing a list of other articles; the list after it goes too.
_RELATED_HEADER = re.compile(
    r"^(?:terkini lainnya|berita terkini|berita terkait|artikel terkait|topik terkait|"
    r"video terkait|berita lainnya|artikel lainnya|lainnya dari \S+|populer|terpopuler|"
    r"berita populer|paling populer|paling banyak dibaca|terpopuler hari ini|rekomendasi|"
    r"rekomendasi untuk anda|pilihan editor|pilihan untukmu|lihat juga|baca juga|"
    r"read more|related(?: articles| news| stories)?|most popular|trending)\s*:?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[-–—•*·▪►]|\d{1,2}[.)])\s+")
_SENTENCE_END = re.compile(r"[.!…]['\")\]]*$")

_READ_ALSO = re.compile(r"^(?:baca|lihat|simak|cek|tonton)\s+(?:juga|pula)\b", re.IGNORECASE)
_READ_ALSO_INLINE = re.compile(r"\s+(?:baca|lihat)\s+juga\s*:.*$", re.IGNORECASE)
_NAVIGATION = re.compile(
    r"^(?:simak selengkapnya|baca selengkapnya|lanjut(?:kan)? (?:baca|membaca)|"
    r"klik (?:di ?sini|tautan|link)|halaman (?:berikutnya|selanjutnya|sebelumnya)|"
    r"(?:ke )?halaman \d+|scroll (?:to|untuk) (?:continue|melanjutkan)|tonton video|"
    r"dapatkan update|ikuti (?:kami|berita)|download aplikasi|unduh aplikasi)\b",
    re.IGNORECASE,
)
_NAV_WORD = re.compile(
    r"^[«‹<]*\s*(?:selengkapnya|berikutnya|selanjutnya|sebelumnya|next|prev(?:ious)?|share|"
    r"bagikan|advertisement|iklan|loading|lanjut)\W*$",
    re.IGNORECASE,
)
_NEXT_PAGE = re.compile(r"\bhalaman (?:berikutnya|selanjutnya)\b", re.IGNORECASE)
_PAGE_NUMBERS = re.compile(r"^[«‹<]?\s*(?:\d+\s*){2,}[»›>]?\s*(?:selanjutnya|next)?$", re.I)

_CREDIT_PREFIX = re.compile(
    r"^(?:foto|gambar|ilustrasi|sumber (?:foto|gambar)|catatan sumber gambar|"
    r"kredit (?:foto|gambar)|keterangan (?:foto|gambar)|photo|image|credit|caption|"
    r"dok(?:\.|umentasi)?)\s*(?:\([^)]*\))?\s*[:|]",
    re.IGNORECASE,
)
_PHOTO_AGENCY = re.compile(
    r"\b(?:getty|shutterstock|istock(?:photo)?|unsplash|freepik|antara foto|ap photo|"
    r"reuters/|afp/|dok\.|pixabay|pexels)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(?:reporter(?: magang)?|penulis|editor|penyunting|pewarta|kontributor|redaktur|"
    r"wartawan|laporan wartawan|fotografer|penerjemah|alih bahasa|sumber|writer|author|"
    r"reporting by|editing by)\s*:",
    re.IGNORECASE,
)
_INITIALS = re.compile(r"^\(?[a-z]{2,4}(?:/[a-z]{2,4}){1,3}\)?$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[-–—*•_=~#.·]+$")
_URL_LINE = re.compile(r"^(?:sumber\s*:\s*)?<?(https?://\S+?)>?$", re.IGNORECASE)

# Scraped teasers: "Apa yang dilakukan AI? <answer>" next to a lone "-" separator line.
_TEASER = re.compile(r"^[\"“']?[A-Z][^.?!]{2,80}\?\s+\S")

_SPAM_STRONG = re.compile(
    r"\b(?:togel\w*|totogel\w*|slot ?gacor\w*|gacor\w*|maxwin|sbobet\w*|judi ?(?:online|bola|slot)|"
    r"bandar ?(?:togel|judi|bola|slot)|situs (?:judi|slot|togel|bandar|casino|kasino)|"
    r"(?:casino|kasino|poker) online|deposit pulsa|rtp (?:live|slot)|scatter hitam)\b",
    re.IGNORECASE,
)
_SPAM_WEAK = re.compile(
    r"\b(?:judi|slot|casino|kasino|poker|taruhan|jackpot|bonus|terlengkap|daftar sekarang|"
    r"deposit|link alternatif|pasaran|hoki|withdraw|terpercaya)\b",
    re.IGNORECASE,
)
_TRUSTED_SITE = re.compile(r"\bsitus\b.{0,40}\b(?:terpercaya|resmi|terbaik|terlengkap)\b", re.I)
_SHOUT_DOMAIN = re.compile(
    r"\b[A-Z0-9][A-Z0-9-]{2,}\.(?:COM|NET|ORG|INFO|BIZ|XYZ|VIP|CC|ME|CLUB|ONLINE|SITE|TOP|ID|CO)\b"
)

# "JAKARTA, KOMPAS.com - ", "ANDALPOST.COM – ", "Jakarta, CNN Indonesia -- ", "TEMPO.CO, Jakarta - "
_DOMAIN = r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?i:com|co|co\.id|id|net|org|tv|news|asia)"
_SHOUT = r"[A-Z][A-Z0-9&]{2,}(?: [A-Z][A-Za-z0-9&]+)*"
_DATELINE = re.compile(
    rf"^(?:(?:[A-Z][A-Za-z.'/ ]{{1,40}},\s*)?(?:{_DOMAIN}|{_SHOUT})"
    rf"|{_DOMAIN}\s*,\s*[A-Z][A-Za-z ]{{1,30}})\s*(?:[-–—]{{1,2}}|:)\s+(?=\S)"
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The article text, one paragraph or sentence group per line, and a URL found in it."""

    text: str
    url: str | None = None


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def is_spam(line: str) -> bool:
    """Gambling and similar advertisement lines."""
    score = 3 if _SPAM_STRONG.search(line) else 0
    score += 2 if _SHOUT_DOMAIN.search(line) else 0
    score += 2 if _TRUSTED_SITE.search(line) else 0
    score += len({m.group(0).lower() for m in _SPAM_WEAK.finditer(line)})
    return score >= 3 or (bool(_SHOUT_DOMAIN.fullmatch(line.strip(" .!"))))


def is_image_credit(line: str) -> bool:
    """Photo captions and credits: "Foto: …", "Bloomberg | Bloomberg | Gambar Getty"."""
    if _CREDIT_PREFIX.match(line):
        return True
    short = len(line) <= 120
    if short and line.count("|") >= 2 and not _SENTENCE_END.search(line):
        return True
    return (
        short
        and bool(_PHOTO_AGENCY.search(line))
        and (not _SENTENCE_END.search(line) or "|" in line or "©" in line)
    )


def is_navigation(line: str) -> bool:
    """"Simak selengkapnya …", "halaman berikutnya", page numbers and share buttons."""
    if len(line) > 140:
        return False
    return bool(
        _NAVIGATION.match(line)
        or _NAV_WORD.match(line)
        or _NEXT_PAGE.search(line)
        or _PAGE_NUMBERS.match(line)
    )


def is_byline(line: str) -> bool:
    """"Reporter magang: …", "Penulis: …", "Editor: …", "(mdk/rka)"."""
    return len(line) <= 120 and bool(_BYLINE.match(line) or _INITIALS.match(line))


def is_noise(line: str) -> bool:
    """Any single line that is not article text."""
    return (
        (len(line) <= 200 and bool(_READ_ALSO.match(line)))
        or is_spam(line)
        or is_navigation(line)
        or is_image_credit(line)
        or is_byline(line)
        or bool(_SEPARATOR.match(line))
        or not re.search(r"[^\W\d_]", line)
    )


def _is_list_item(line: str) -> bool:
    return bool(_BULLET.match(line)) or (len(line) <= 160 and not _SENTENCE_END.search(line))


def drop_related_blocks(lines: list[str]) -> list[str]:
    """Remove "Terkini Lainnya"-style headers and the headline list that follows them."""
    out: list[str] = []
    in_block = False
    for line in lines:
        if _RELATED_HEADER.match(line):
            in_block = True
            continue
        if in_block and _is_list_item(line):
            continue
        in_block = False
        out.append(line)
    return out


def drop_teasers(lines: list[str]) -> list[str]:
    """Remove "Question? answer" fragments that sit next to lone separator lines."""
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if not _SEPARATOR.match(line):
            continue
        drop.add(i)
        for j in (i - 1, i + 1):
            if 0 <= j < len(lines) and _TEASER.match(lines[j]):
                drop.add(j)
    return [line for i, line in enumerate(lines) if i not in drop]


def strip_dateline(line: str) -> str:
    """"JAKARTA, KOMPAS.com - Isi…" -> "Isi…" (the sentence itself is kept)."""
    match = _DATELINE.match(line)
    if not match:
        return line
    rest = line[match.end() :]
    return rest[:1].upper() + rest[1:] if len(rest.split()) >= 3 else line


def strip_bullet(line: str) -> str:
    """A prose line scraped with a leading "- " bullet loses the bullet."""
    match = _BULLET.match(line)
    if match and not line[0].isdigit():
        rest = line[match.end() :]
        if _SENTENCE_END.search(rest) or len(rest) > 100:
            return rest
    return line


# Footnote markers ("…tahun lalu.[3]") would look like our own [n] citations in an answer.
_FOOTNOTE = re.compile(r"\s?\[\d+(?:\s*[-–,]\s*\d+)*\]")


def clean(text: str, *, title: str | None = None) -> Cleaned:
    """The article body without scraped noise, and a trailing source URL if there was one."""
    lines = normalize_lines(text)
    url: str | None = None
    while lines and (match := _URL_LINE.match(lines[-1])):
        url = url or match.group(1)
        lines.pop()
    lines = [line for line in lines if not _URL_LINE.match(line)]
    lines = drop_related_blocks(lines)
    lines = drop_teasers(lines)
    lines = [_READ_ALSO_INLINE.sub("", line) for line in lines]
    lines = [line for line in lines if not is_noise(line)]
    if title:
        title_key = _key(title)
        while lines and _key(lines[0]) == title_key:
            lines.pop(0)
    if lines:
        lines[0] = strip_dateline(lines[0])
    lines = [_FOOTNOTE.sub("", strip_bullet(line)).strip() for line in lines]
    return Cleaned(text="\n".join(line for line in lines if line), url=url)
