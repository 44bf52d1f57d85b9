"""The offline answerer: quotes the sentences that answer the question, with citations.

The answer takes the shape the question asks for (knowledge/question.py): a number first for
"berapa", up to four short points from different articles for lists, comparisons and one-word
topics, and a clear "the articles do not speak of X, but…" first line for partial answers. A
quoted sentence that leans on the one before it ("Mereka menuntut…", "Namun…") brings it along.
Whether to answer at all is decided before, in knowledge/gate.py.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial

from knowledge.binding import (
    PAY_TERMS,
    PERIOD_TERMS,
    PLACE,
    SOURCE_VERBS,
    WHERE_FRAME,
    asks_age,
    asks_for_pay,
    asks_head_count,
    asks_how_long,
    asks_name,
    asks_source,
    asks_where,
    is_pay_figure,
    money_amounts,
    money_asked,
    names_the_asked,
    sum_told_with,
    tells_age,
    tells_head_count,
    tells_how_long,
)
from knowledge.gate import Verdict
from knowledge.question import (
    COMPARE_CUES,
    ENTRY_LEVEL,
    HIGHLY_QUALIFIED,
    Question,
    asks_definition,
    asks_if_schooling_is_enough,
    checks_a_claim,
    concept_runs,
    entities,
    own_roles,
    places,
    points_back,
    resolve,
    topic_terms,
)
from knowledge.question import read as read_text
from knowledge.retriever import HybridRetriever
from knowledge.store import StoreTimeout, StoreUnavailable
from knowledge.text import split_sentences, stem, terms, words
from knowledge.types import Answer, Passage, Source, Turn

logger = logging.getLogger(__name__)

MAX_CHARS = 600

_NOT_FOUND_HEAD = "Maaf, jawabannya belum ada di artikel-artikel yang saya punya"
_NOT_FOUND_REST = (
    "jadi saya tidak mau menebak. "
    "Saya bisa membantu soal kerja di industri AI: upah dan bayaran, tunjangan dan asuransi, "
    "serikat pekerja, perusahaan dan platform, jenis pekerjaan, serta PHK dan magang. "
    "Coba tanyakan misalnya: \u201cBerapa upah pelatih AI per jam?\u201d"
)
NOT_FOUND = f"{_NOT_FOUND_HEAD}, {_NOT_FOUND_REST}"

_NUMBER_Q = {"berapa", "berapakah", "brp", "much", "many", "jumlah"}
_WHO_Q = {"siapa", "siapakah", "who"}
_WHY_Q = {"mengapa", "kenapa", "why", "alasan"}
_WHEN_Q = {"kapan", "when"}
_HOW_Q = {"bagaimana", "gimana", "cara", "caranya", "how", "diapakan", "diapain"}
# the sentence telling the means: "Dengan bimbingan pelatih manusia, model AI dapat …"
_MEANS = re.compile(
    r"^(dengan|melalui|lewat|by|through)\b|\b(dengan cara|by (?:using|having))\b"
    # the end first, then what it takes: "Agar hasilnya akurat, Savreux perlu memberi label …"
    r"|^(?:agar|supaya|in order to)\b[^,.]{3,150}, [^.]*\b(?:perlu|harus|must|needs?)\b",
    re.IGNORECASE,
)
_WHERE_Q = {"mana", "dimana", "where"}

_HAS_NUMBER = re.compile(r"\d")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")


def _is_heading(sentence: str, *, own_line: bool = False) -> bool:
    """A subheading line ("AI untuk Video Game Netflix"): short, title-cased, unpunctuated; it
    answers nothing on its own.

    On a line of its own, a short capitalised line with no comma and no final stop is one too,
    title-cased or not ("Mengapa ChatGPT adalah pengubah permainan untuk AI", a link to another
    story); a list item ("dokter, analis keuangan, dan akuntan") has commas or starts lowercase.
    """
    tokens = sentence.split()
    if len(tokens) > 8 or re.search(r"[.!?:;,\"”’)]$", sentence):
        return False
    if own_line and sentence[:1].isupper() and "," not in sentence:
        return True
    return sum(t[:1].isupper() for t in tokens) * 2 > len(tokens)


@dataclass(frozen=True, slots=True)
class _Scored:
    sentence: str
    passage_index: int
    score: float
    terms: frozenset[str]
    order: int
    pos: int = 0  # sentence number inside its passage


class ExtractiveAnswerer:
    """Grounded answers built from retrieved sentences; also the found/not-found judge."""

    def __init__(self, *, retriever: HybridRetriever, max_passages: int = 6) -> None:
        self.retriever = retriever
        self.max_passages = max_passages

    def not_found(self, question: str, absent: Sequence[str] = ()) -> Answer:
        """The kind "not in my articles" reply, naming what no article speaks of when known."""
        text = (
            f"{_NOT_FOUND_HEAD}: tidak ada yang membahas {_join(list(absent))}, {_NOT_FOUND_REST}"
            if absent else NOT_FOUND
        )
        return Answer(question=question, text=text, found=False, mode="extractive")

    def resolve_followup(
        self, question: str, history: Sequence[Turn], *, force: bool = False
    ) -> str:
        """A standalone question: a follow-up keeps the previous subject and takes its new topic."""
        if not history:
            return question
        vocab = self.retriever.lexical
        previous = history[-1].standalone or history[-1].question
        last = read_text(previous, vocab)
        if not any(c.entity for c in last.subject):
            # "bytedance itu yg punya tiktok kan?", "kok bisa mecat anak magang?", then
            # "anak magangnya dari tim AI juga?": the chat is still about the name said before
            for turn in reversed(history[:-1]):
                earlier = read_text(turn.standalone or turn.question, vocab)
                named = [c.surface for c in earlier.subject if c.entity and c.known]
                if named:
                    last = read_text(f"{previous} {' '.join(dict.fromkeys(named))}", vocab)
                    break
        return resolve(read_text(question, vocab), last, vocab, force=force)

    # -- answering ------------------------------------------------------------------------
    def answer(
        self,
        question: str,
        passages: Sequence[Passage],
        *,
        standalone: str = "",
        read: Question | None = None,
        verdict: Verdict | None = None,
    ) -> Answer:
        """Quote the sentences that answer the question, shaped by its kind, cited as [n]."""
        vocab = self.retriever.lexical
        whom: frozenset[str] = frozenset()
        if standalone and standalone != question:
            # a follow-up: its own words say what to quote; the borrowed subject only locates,
            # except in the parts of a two-part follow-up ("umurnya brp, tinggal dimana?")
            q = read_text(question, vocab)
            whole = read or read_text(standalone, vocab)
            # (not "perusahaan itu": a thing the last answer named, not whom it asked of)
            if points_back(q) and not any(c.entity for c in q.subject) and not (
                set(words(q.clean)) & _THAT_THING
            ):
                # "dia kerjanya bareng brp orang" after a question about Jatin Kumar: his
                # sentences, not another count in his article ("150 orang" in Nairobi)
                whom = _full_names(whole)
            if q.parts and whole.parts:
                q = replace(q, parts=whole.parts)
            elif whole.kind == "compare" and whole.parts and not q.parts:
                q = whole  # "kalau dibandingin sama X?": the old question against X
            elif any(c.entity for c in q.subject) and not _topics(q) and _topics(whole):
                q = whole  # "kalau Netflix?" after a pay question: the pay is what to quote
        else:
            q = read or read_text(question, vocab)
        # lists, comparisons, topics, reasons, ways and personal situations have several facets
        listing = q.kind in POINT_KINDS or bool(q.parts) or q.personal or _asks_existence(q)
        passages, lean_ranks = self._with_leaned_on(q, passages)
        candidates = _fuller_first(self._candidates(
            q, passages, standalone=standalone or question, lean_ranks=lean_ranks, whom=whom
        ))
        if q.kind == "list" and not q.parts and (
            going_on := self._list_going_on(candidates, passages)
        ):
            lean_ranks = {**lean_ranks, len(passages): going_on[1]}
            passages = [*passages, going_on[0]]
            candidates = _fuller_first(self._candidates(
                q, passages, standalone=standalone or question, lean_ranks=lean_ranks,
                whom=whom,
            ))
        sides = 0  # the points answering each part, told in full before any other point
        if q.parts:
            chosen = self._sides(q, passages, standalone=standalone or question)
            sides = min(len(q.parts[:3]), len(chosen))
        else:
            chosen = (
                self._points(candidates, [p.doc_id for p in passages], q.search_text)
                if listing
                else self._sentences(candidates)
            )
            if q.personal and listing:
                passages = [*passages, *self._pay_chunks_after(q, chosen, candidates, passages)]
                chosen = _with_own_situation(q, chosen, candidates, passages)
            if listing and asks_if_schooling_is_enough(q.clean):
                chosen = _with_both_ends(chosen, candidates)
        if not chosen:
            return self.not_found(question)
        around = self._with_chunks_before(chosen, passages)
        if not listing:  # a point of a list has no room for what goes on two chunks later
            around = self._with_chunks_after(chosen, around)
        chosen = self._with_antecedents(
            chosen, around,
            MAX_LIST_CHARS if listing else MAX_CHARS, keep=sides or None, listing=listing,
        )
        numbers: dict[int, int] = {}
        sources: list[Source] = []
        for item in chosen:
            if item.passage_index not in numbers:
                passage = passages[item.passage_index]
                numbers[item.passage_index] = len(numbers) + 1
                sources.append(
                    Source(
                        n=numbers[item.passage_index],
                        title=passage.title,
                        url=passage.url,
                        path=passage.path,
                        text=passage.text,
                        score=passage.score,
                        publisher=passage.publisher,
                    )
                )
        docs = {passages[item.passage_index].doc_id for item in chosen}
        if len(docs) == 1:
            source = f"Menurut {self._source_name(passages[chosen[0].passage_index])}"
        else:  # one outlet's name must not be put on another outlet's sentence
            source = f"Menurut {len(docs)} artikel yang saya punya"
        lines: list[str] = []
        if verdict is not None and verdict.missing:
            lines.append(
                f"Artikel saya tidak membahas {_join(verdict.missing)} secara khusus, "
                "tetapi ini yang bisa saya sampaikan:"
            )
        if listing and len(chosen) > 1:  # one point is a sentence, not "beberapa hal"
            lines.append(f"{source}:" if lines else f"{source}, ada beberapa hal:")
            lines.extend(f"\u2022 {c.sentence} [{numbers[c.passage_index]}]" for c in chosen)
            text = "\n".join(lines)
        else:
            body = " ".join(f"{c.sentence} [{numbers[c.passage_index]}]" for c in chosen)
            # the first quoted sentence with an amount ("Seorang pengemudi … Menurutnya, bayaran
            # … sekitar Rp25.000 per jam": the amount is in the second)
            amount = _summary_amount(chosen, q.clean) if q.kind == "how_much" else None
            lead = f"Singkatnya: {amount}. {source}:" if amount else f"{source}:"
            lines.append(f"{lead} {body}")
            text = "\n".join(lines)
        return Answer(
            question=question,
            text=text,
            found=True,
            mode="extractive",
            sources=sources,
            partial=bool(verdict is not None and verdict.missing),
        )

    def _with_leaned_on(
        self, q: Question, passages: Sequence[Passage]
    ) -> tuple[list[Passage], dict[int, int]]:
        """For a question about the past, the passages plus the chunk before any top passage
        that opens leaning back.

        "Dan dia melakukan pekerjaan suara teknis untuk teater langsung." opens a chunk; the
        sentences it goes on from ("Alexej Savreux … semua jenis pekerjaan. Dia membuat
        sandwich …") are the answer to "kerja apa sebelumnya" and are read at its rank.
        """
        if not set(q.clean.split()) & _PAST_ASKED:
            return list(passages), {}
        limit = self.max_passages + (2 if q.kind in POINT_KINDS or q.personal else 0)
        have = {p.id: i for i, p in enumerate(passages)}
        wanted: dict[str, int] = {}
        raised: dict[int, int] = {}  # retrieved already, but ranked below the chunk leaning on it
        for rank, passage in enumerate(passages[:limit]):
            before = _previous_id(passage)
            first = next(iter(split_sentences(passage.text)), "")
            if not before or not _PRONOUN.match(first):
                continue
            if before not in have:
                wanted.setdefault(before, rank)
            elif have[before] > rank:
                raised.setdefault(have[before], rank)
        extra = list(self._stored(list(wanted)).values())
        return [*passages, *extra], raised | {
            len(passages) + n: wanted[p.id] for n, p in enumerate(extra)
        }

    def _list_going_on(
        self, candidates: Sequence[_Scored], passages: Sequence[Passage]
    ) -> tuple[Passage, int] | None:
        """The chunk after the best point of a list when that point ends its chunk, with the
        rank to read it at (the last).

        "ByteDance … operator … TikTok dan Douyin." closes a chunk; the next one goes on with
        "… chatbot Doubao dan aplikasi lainnya, termasuk … Jimeng", which a question padded
        with the asker's story ("cucu saya main tiktok terus …") rarely retrieves.
        """
        if not candidates or candidates[0].score <= 0:
            return None
        best = candidates[0]
        passage = passages[best.passage_index]
        sentences = split_sentences(passage.text)
        if best.sentence not in sentences or len(sentences) - sentences.index(best.sentence) > 2:
            return None
        prefix, sep, _ = passage.id.rpartition("-")
        following = f"{prefix}-{passage.position + 1:04d}"
        if not sep or following in {p.id for p in passages}:
            return None
        found = self._stored([following]).get(following)
        # read at the lowest rank: it must win its points on its own words
        return (found, self.max_passages + 1) if found is not None else None

    def _with_chunks_before(
        self, chosen: Sequence[_Scored], passages: Sequence[Passage]
    ) -> list[Passage]:
        """The passages, plus the chunk before any chosen sentence that opens its chunk.

        "Dan dia melakukan pekerjaan suara teknis …" may open a chunk whose previous one was not
        retrieved; what it leans on is there. Appended, so the chosen items' indexes still hold.
        """
        have = {p.id for p in passages}
        wanted: list[str] = []
        for item in chosen:
            # a sentence near its chunk's start that leans back may lean on the chunk before
            before = _previous_id(passages[item.passage_index])
            if item.pos > 2 or not before or not _leans_back(item.sentence):
                continue
            if before not in have and before not in wanted:
                wanted.append(before)
        return [*passages, *self._stored(wanted).values()]

    def _pay_chunks_after(
        self, q: Question, chosen: Sequence[_Scored], candidates: Sequence[_Scored],
        passages: Sequence[Passage],
    ) -> list[Passage]:
        """The next chunks of the article naming the asker's role, when none retrieved gives
        its pay: "… mencakup dokter praktik, akuntan …" is followed two chunks later by "upah
        per jam hingga $200", which the asker's story rarely retrieves."""
        if not _pay_asked(q):
            return []
        roles = own_roles(q)
        told = next(
            (c for c in [*chosen, *candidates]
             if c.score > 0 and any(r.terms & set(terms(c.sentence)) for r in roles)),
            None,
        )
        if told is None or _amount(told.sentence):
            return []
        passage = passages[told.passage_index]
        if any(
            passages[c.passage_index].doc_id == passage.doc_id and c.score > 0
            and _amount(c.sentence) for c in candidates
        ):
            return []
        prefix = passage.id.rpartition("-")[0]
        have = {p.id for p in passages}
        ids = [f"{prefix}-{passage.position + n:04d}" for n in (1, 2, 3)]
        return [p for p in self._stored([i for i in ids if i not in have]).values()
                if any(is_pay_figure(s) for s in split_sentences(p.text))]

    def _with_chunks_after(
        self, chosen: Sequence[_Scored], passages: Sequence[Passage]
    ) -> list[Passage]:
        """The passages, plus the chunk after any chosen sentence near its chunk's end.

        "… menerbitkan pedoman sukarela" ends a chunk but for a pull quote and its caption; the
        sentence that goes on ("DeepMind … berkomitmen pada pedoman tersebut") opens the next
        chunk or the one after, which a yes/no question rarely retrieves. Appended, as
        `_with_chunks_before`.
        """
        have = {p.id for p in passages}
        wanted: list[str] = []
        for item in chosen:
            passage = passages[item.passage_index]
            sentences = split_sentences(passage.text)
            if item.sentence not in sentences:
                continue
            after = sentences[sentences.index(item.sentence) + 1 :]
            # up to two sentences go on with it (`_with_antecedents`)
            if len([a for a in after if not _caption(a) and not _ends_quote(a)]) > 2:
                continue
            prefix, sep, _ = passage.id.rpartition("-")
            # two chunks: one may hold only a pull quote between the paragraphs
            for n in (1, 2):
                following = f"{prefix}-{passage.position + n:04d}"
                if sep and following not in have and following not in wanted:
                    wanted.append(following)
        return [*passages, *self._stored(wanted).values()]

    def _stored(self, ids: list[str]) -> dict[str, Passage]:
        """The stored passages with these ids, in their order; none when the store fails (the
        answer stands without them)."""
        if not ids:
            return {}
        try:
            found = self.retriever.store.passages(ids)
        except (StoreUnavailable, StoreTimeout):
            return {}
        return {i: found[i] for i in ids if i in found}

    @staticmethod
    def _source_name(passage: Passage) -> str:
        if passage.publisher:
            return passage.publisher
        title = passage.title if len(passage.title) <= 70 else passage.title[:67].rstrip() + "..."
        return f"artikel \u201c{title}\u201d"

    def _sentence_weights(self, text: str) -> dict[str, float]:
        """Term weights for picking sentences: flattened idf, doubled for the asked-about words.

        Rare names locate the right passage, but inside it the sentence that answers "berapa
        upah per jam ... Savreux" is the one about "upah per jam", not the one naming Savreux.
        The words right after a question word (or right before "apa": "serikat apa") are the focus.
        """
        index = self.retriever.lexical
        focus = focus_terms(text)
        anchor = _anchor_terms(text)
        return {
            t: (0.5 + min(index.idf(t), 3.0)) * (2.0 if t in focus else 0.4 if t in anchor else 1.0)
            for t in dict.fromkeys(terms(text))
        }

    def _candidates(
        self, q: Question, passages: Sequence[Passage], *, standalone: str,
        part: Question | None = None, lean_ranks: dict[int, int] | None = None,
        whom: frozenset[str] = frozenset(),
    ) -> list[_Scored]:
        """Every sentence of the top passages, scored against the question (or one `part` of
        it), best first."""
        lean_ranks = lean_ranks or {}
        text = part.search_text if part is not None else ""  # with the glossary's article words
        weights = self._sentence_weights(text or q.search_text)
        if q.kind == "compare":  # "bedanya", "lebih": the asking, not the answer
            for t in COMPARE_CUES:
                weights.pop(t, None)
        if q.kind == "where" or asks_where(q):  # "tinggal di kota mana": "ibu kota Prancis"
            for t in WHERE_FRAME:
                weights.pop(t, None)
        if asks_source(q):  # "merekrut pelatih dari mana": not "merekrut mahasiswa sarjana"
            for t in SOURCE_VERBS:
                weights.pop(t, None)
        for t in q.besides | _BESIDES:  # "apa aja selain tiktok": not the one naming TikTok
            weights.pop(t, None)
        # "orang ngelatih chatgpt": "orang" heads "people who train it" and is not asked of
        asked_words = words(q.clean)
        if any(asked_words[i].startswith("me") for i, _ in _doer_words(q.clean)):
            for t in terms("orang"):
                weights.pop(t, None)
        activity = _asks_activity(q) or (part is not None and _compares_work(q))
        how_long = asks_how_long(text or q.clean)
        # a part's own asking ("umurnya brp" of "umurnya brp dan usahanya apa")
        age = asks_age(part or q)
        name_asked = asks_name(q)
        # "contoh tugasnya kayak mana": a sentence giving one ("Petunjuknya mungkin
        # sesederhana, "Apa ibu kota Prancis?"")
        example_asked = bool(_EXAMPLE_ASKED.search(text or q.clean))
        # "partnership on ai itu apa": the sentence saying what it is ("…, sebuah organisasi
        # nirlaba …")
        defined = (
            [c.surface for c in q.concepts if c.entity and c.known]
            if q.kind == "what" and asks_definition(q) else []
        )
        if activity:  # "kerjanya ngapain aja": the doing is asked, not the word "kerja"
            for t in _ACTIVITY_FRAME:
                weights.pop(t, None)
            # "pelatih AI ngapain aja": that a trainer trains AI is no answer; what is done is.
            # Named too ("pelatih AI kayak Savreux"), the name says whom, the role nothing more
            named = any(c.entity and c.known for c in q.subject)
            for t in _doer_phrase(q.clean) & weights.keys():
                weights[t] *= 0.2 if named else 0.5
        if standalone and standalone != q.text and not text:
            for t, w in self._sentence_weights(standalone).items():
                weights.setdefault(t, 0.35 * w)
        # one side of a comparison ("… atau kontraktor OpenAI") is itself what is asked about
        focus = focus_terms(q.clean) | (set(terms(text)) if text and q.parts else set())
        q_words = set(words(q.clean))
        if q.kind == "compare" and q_words & _AMOUNT_WORDS:
            q_words.add("berapa")  # "lebih gede mana": the numbers are the answer
        if q.kind == "why":
            q_words.add("kenapa")  # "gara-garanya apa", "apa sebabnya": a reason is the answer
        # "sebelumnya dia kerja apa aja", "dulunya kerja apa": the jobs done before
        past_jobs = bool(q_words & _PAST_ASKED) and bool(q_words & _WORK_WORDS)
        # several points read two passages more
        limit = self.max_passages + (2 if q.kind in POINT_KINDS or q.personal else 0)
        # "gajinya 5 juta dolar setahun, bener gak?": a sum heard is checked against the
        # articles' own sum
        checked_sum = q.kind == "yesno" and (
            (checks_a_claim(q) and bool(_SUM_HEARD.search(q.clean)))
            or bool(set(words(q.clean)) & _SIZE_WORDS)  # "cuan jd tukang label gede gk": how much
        )
        asks_pay = (q.kind in ("how_much", "compare") or checked_sum) and (
            bool(set(terms(q.clean)) & PAY_TERMS) or asks_for_pay(q)
        )
        if asks_pay and q.kind == "how_much":
            # "savreux sebulan dapet brp": "bulan" is the sum's unit; "pada bulan November"
            # says nothing of pay (a comparison's "per jam" still tells its sides apart)
            weights = {t: w for t, w in weights.items() if t not in PERIOD_TERMS}
        pool: list[tuple[int, int, str, frozenset[str]]] = []
        # "Dia membuat sandwich cepat saji." is about the Savreux named one sentence before
        inherited: dict[tuple[int, int], frozenset[str]] = {}
        going_on: dict[tuple[int, int], frozenset[str]] = {}
        told_of: dict[tuple[int, int], frozenset[str]] = {}  # what the next sentence says of it
        ranks = dict(enumerate(range(min(limit, len(passages)))))
        ranks.update({i: r for i, r in lean_ranks.items() if r < limit})
        for p_index in ranks:
            previous = ""
            lines = {line.strip() for line in passages[p_index].text.split("\n")}
            for pos, sentence in enumerate(split_sentences(passages[p_index].text)):
                s_terms = frozenset(terms(sentence))
                if s_terms and not _is_heading(sentence, own_line=sentence in lines):
                    pool.append((p_index, pos, sentence, s_terms))
                    opening = sentence.lstrip("\"'“- ")
                    if previous and _PRONOUN.match(opening):
                        inherited[(p_index, pos)] = frozenset(
                            t for n in _names(previous) for t in terms(n)
                        )
                    if previous and (head := _ITS.match(opening)) and (
                        head.group(1).lower() in words(previous.lower())  # the bare noun
                    ):
                        # "… menghasilkan petunjuk baru." then "Petunjuknya mungkin
                        # sesederhana, …": more of the thing just told of (half its words)
                        going_on[(p_index, pos)] = frozenset(terms(previous)) - s_terms
                    if previous and (_THAT_ONE.match(opening) or _THEY.match(opening)):
                        # "Perusahaan-perusahaan ini … menyediakan layanan pelatih AI" tells of
                        # the companies the sentence before named ("… seperti Scale AI")
                        told_of[(p_index, pos - 1)] = s_terms
                previous = sentence
        # A word every candidate sentence shares ("pelatih AI" in an article about AI trainers)
        # locates nothing among them; the asked-about word that few share is what matters.
        local = {
            t: 0.5 + 0.5 * min(1.0, math.log(1 + len(pool) / (1 + n)) / math.log(1 + len(pool)))
            for t in weights
            for n in [sum(1 for *_rest, st in pool if t in st)]
        } if pool else {}
        weights = {t: w * local.get(t, 1.0) for t, w in weights.items()}
        total = sum(weights.values()) or 1.0
        asked = frozenset(weights)
        # names asked of, or set aside ("selain TikTok"), are no new name in the answer
        asked_names = _names(q.text) | q.besides
        existence = _asks_existence(q)
        schooled = asks_if_schooling_is_enough(q.clean)
        candidates: list[_Scored] = []
        doers = _doers(q.clean)
        contexts = {
            i: set(passages[i].tokens.split()) | set(terms(passages[i].title)) for i in ranks
        }
        # a question about someone named ("Savreux dulu kerja apa aja?") is answered from the
        # articles that speak of them: their words may match other articles too
        off_article = (
            set() if q.kind == "compare" or q.parts
            else _articles_without(q, passages[:limit], whom=whom)
        )
        wanted_names = {t for c in q.subject if c.entity for t in c.terms}
        for order, (p_index, pos, sentence, s_terms) in enumerate(pool):
            rank_bonus = 0.15 * (1.0 - ranks[p_index] / limit)
            s_terms = s_terms | inherited.get((p_index, pos), frozenset())
            if passages[p_index].doc_id in off_article:
                rank_bonus -= OFF_ARTICLE_PENALTY
                others = {t for n in _names(sentence) for t in terms(n)}
                if others and not others & wanted_names:
                    # "Salah satunya adalah Alexej Savreux, … tinggal di Kansas" asked of
                    # Jatin Kumar: someone else
                    rank_bonus -= OFF_ARTICLE_PENALTY
            if whom and s_terms & whom:
                # the one a pronoun points back to: a sentence naming them (a surname alone
                # too) is about them
                rank_bonus += WHOM_BONUS
            context = contexts[p_index]
            own = sum(w for t, w in weights.items() if t in s_terms)
            if doers:
                # "pelatih AI" asks of the trainer: "pelatihan mesin AI" (the training) alone
                # speaks of the doing, not of the one who does it
                own -= 0.5 * sum(
                    weights.get(t, 0.0) for t in _only_the_doing(sentence, doers)
                )
            near = sum(w for t, w in weights.items() if t not in s_terms and t in context)
            later = told_of.get((p_index, pos), frozenset()) - s_terms
            near -= sum(w for t, w in weights.items() if t in later and t in context)
            own += 0.5 * sum(w for t, w in weights.items() if t in later)
            own += 0.5 * sum(
                w for t, w in weights.items() if t in going_on.get((p_index, pos), ())
            )
            score = (own + 0.4 * near) / total + rank_bonus
            score += _type_bonus(q_words, focus, sentence)
            if (q.kind == "list" or existence) and focus & _NAMED_KINDS:
                # "perusahaan apa aja", "daerah mana aja", "ada perusahaan yg …": the answer
                # names them
                score += 0.08 * min(3, len(_names(sentence) - asked_names))
                if any(
                    set(terms(m.group(1))) & focus & _NAMED_KINDS
                    for m in _KIND_EXAMPLE.finditer(sentence)
                ):
                    score += 0.1  # one of the kind asked for, by name
            if q.besides and any(
                set(terms(m.group(1))) & q.besides for m in _BESIDES_TOLD.finditer(sentence)
            ):
                score += 0.25  # "Selain Invisible Tech, perusahaan seperti Scale AI …"
            if asks_pay and _AMOUNT.search(sentence):
                score += 0.12  # "how much is X paid": the sentence with the money amount
            if q.kind == "list" and _ENUMERATION.search(sentence):
                score += 0.12
            if q.kind == "list" and _ANNOUNCES.search(sentence):
                score += 0.1  # "… melakukan semua jenis pekerjaan." goes on with each of them
                if past_jobs:
                    score += 0.1  # "sebelumnya dia kerja apa aja": the jobs someone has done
            if activity:
                done = _actions(sentence, doers)
                # "Savreux bertugas melatih teknologi AI": a trainer trains, no task told
                score += 0.05 * min(3, done) if done else -0.1
                if _TASK_TOLD.search(sentence) or any(
                    stem(m.group(1)) not in doers for m in _DUTY.finditer(sentence)
                ):
                    score += 0.1  # "pekerjaan utamanya adalah menghasilkan petunjuk"
            if schooled and ENTRY_LEVEL.search(sentence):
                score += 0.25  # "cuma lulusan SMA, bisa?": the job posted for beginners
            if defined and any(_describes(sentence, name) for name in defined):
                score += 0.3
            if example_asked and _GIVES_EXAMPLE.search(sentence):
                score += 0.5
            if name_asked and _NAMING.search(sentence):
                score += 0.2  # "gamenya namanya apa": "… game … yang disebut "Scriptic""
            if how_long and tells_how_long(sentence):
                score += 0.2  # "berapa lama sekali …": the sentence with "45 atau 30 menit"
            if age and tells_age(sentence):
                score += 0.3  # "siapa yang lebih tua": "Jatin Kumar, 22 tahun di Austin"
            if len(sentence) < 25:
                score -= 0.2
            # prefer the crisp sentence over a long one saying the same thing
            score -= 0.05 * max(0, len(sentence) - 160) / 100
            # "the same fact again" is judged on what a sentence adds to the question's words
            novel = (s_terms - asked) or s_terms
            candidates.append(_Scored(sentence, p_index, score, novel, order, pos))
        candidates.sort(key=lambda c: -c.score)
        if asks_pay and (q.kind == "how_much" or checked_sum) and not q.parts:
            # the gate found a pay figure bound to whom is asked; their name in every sentence
            # of the article must not push the sum out ("savreux sebulan dapet brp")
            candidates = _promoted(candidates, is_pay_figure, within=0.3)
            if ends := _asked_ends(q.clean):
                # "paling gede brp sejam": the sentence with the top of the range leads
                candidates = _promoted(
                    candidates, lambda s: (_amount(s) or "").startswith(ends[0]), within=0.3
                )
        elif name_asked and not q.parts:
            # "usaha rintisannya namanya apa": the sentence giving that name ("startup
            # teknologinya sendiri, Bonsai"), not the one matching how the asker described him
            candidates = _promoted(
                candidates, names_the_asked(q, nearest=True), within=0.5
            )
        elif q.kind == "how_much" and not q.parts and asks_head_count(q):
            # "kerja bareng brp org kontraktor": the sentence counting them ("sekitar 100
            # kontraktor lain"), not the one introducing whom the question names
            counted = frozenset(terms(q.clean))
            if counted & _ANYONE:
                counted = frozenset()  # "brp org lain": "100 kontraktor lain" are people too
            candidates = _promoted(
                candidates, lambda s: tells_head_count(s, counted), within=0.5
            )
        elif q.kind == "how_much" and not q.parts and (money := money_asked(q)):
            # "rugi brp": the sentence telling the sum of a loss, not the one denying an impact
            candidates = _promoted(candidates, sum_told_with(money), within=0.8)
        logger.debug(
            "sentence candidates: %s",
            [(round(c.score, 2), c.sentence[:60]) for c in candidates[:6]],
        )
        return candidates

    def _sides(
        self, q: Question, passages: Sequence[Passage], *, standalone: str
    ) -> list[_Scored]:
        """A comparison or a two-part question: the best sentence for each part, then the rest."""
        chosen: list[_Scored] = []
        vocab = self.retriever.lexical
        for part in q.parts[:3]:
            part_read = read_text(part, vocab)
            # "how much does X pay …, and who are their clients?": the part asking a sum is
            # scored as the question it is, with its sum sentence first ("hingga $200"); so is
            # a part asking why ("dipecat bulan apa, terus gara-garanya apa": "karena …")
            alone = q.kind != "compare" and part_read.kind in ("how_much", "why") and (
                not part_read.parts
            )
            ranked = _by_side(
                part,
                self._candidates(part_read, passages, standalone=part) if alone
                else self._candidates(q, passages, standalone=standalone, part=part_read),
            )
            said = {c.sentence for c in chosen}
            side = set(terms(part))
            if q.kind == "compare":
                # each side its own sentence, told by its sum or count when one is asked
                ranked = [c for c in ranked if c.sentence not in said]
                # "Kumar dan Savreux, siapa yg lebih muda": Kumar's side is told by a sentence
                # naming Kumar, however well Savreux's age sentence matches the asking words
                others = {t for p in q.parts[:3] if p != part for t in terms(p)}
                own = {t for c in part_read.concepts if c.entity for t in c.terms} - others
                if own:
                    ranked = _promoted(ranked, partial(_names_side, own=own))
                counted = bool(_COUNT_COMPARED & set(q.clean.split()))
            else:
                counted = "berapa" in part.split()
                # "berapa umur Jatin Kumar dan di mana dia tinggal": the part about Kumar is
                # told by a sentence naming him, not by where Savreux lives in an article
                # that never names Kumar ("Dia juga mengerjakan startup …, Bonsai", beside
                # Kumar's own sentence, is about him); a part asking a sum keeps its sum
                # sentence first ("hingga $200")
                if (
                    not alone and q.kind != "list" and ranked and (own := _whom(part_read))
                    and passages[ranked[0].passage_index].doc_id
                    in _articles_without(part_read, passages)
                ):
                    ranked = _promoted(ranked, partial(_names_side, own=own))
            if q.kind == "compare" and (stated := money_amounts(part)):
                # "… sama pelatih AI yg dibayar 200 dolar sejam": the side is told by the
                # sentence giving that very sum ("upah per jam hingga $200")
                ranked = _promoted(ranked, lambda s: bool(money_amounts(s) & stated), within=0.5)
            elif q.kind == "compare" and side & PAY_TERMS:
                # "Invisible Tech mempekerjakan 5.000 pelatih" names the side, "upah per jam
                # hingga $200" answers it
                ranked = _promoted(ranked, is_pay_figure, within=0.8)
            elif counted and not side & PAY_TERMS:
                # the sentence counting this side's own thing: "karyawan tetap sama
                # kontraktornya banyakan mana", "… trs kontraktornya ada brp" want "1.000
                # kontraktor", not "375 karyawan … tidak termasuk kontraktor"
                ranked = _promoted(ranked, partial(_counts, side=side), within=0.6)
            if q.kind != "compare" and ranked and ranked[0].sentence in said:
                continue  # one sentence answers both parts ("Jatin Kumar, 22 tahun di Austin")
            for cand in ranked:
                if cand.sentence not in {c.sentence for c in chosen}:
                    chosen.append(cand)
                    break
        rest = self._points(
            self._candidates(q, passages, standalone=standalone),
            [p.doc_id for p in passages],
            q.search_text,
        )
        # two things asked ("keuntungan dan kerugian", "umur dan tempat") add only near-equal
        # points; a comparison keeps the usual ones (the numbers of both sides often sit in them)
        floor = 0.8 * rest[0].score if rest and q.kind != "compare" else 0.0
        # "berapa umur Jatin Kumar dan di mana dia tinggal": a point about someone else
        # ("Savreux … tinggal di Kansas") answers neither part
        asked = set() if q.kind in ("compare", "list") else _whom(q)
        elsewhere = _articles_without(q, passages) if asked else set()
        for cand in rest:
            if len(chosen) >= MAX_POINTS or cand.score < floor:
                break
            if cand.sentence in {c.sentence for c in chosen}:
                continue
            named = {t for n in _names(cand.sentence) for t in terms(n)}
            if named and not named & asked and passages[cand.passage_index].doc_id in elsewhere:
                continue
            if any(_same_fact(cand, c) for c in chosen):
                continue
            chosen.append(cand)
        return chosen[:MAX_POINTS]

    def _sentences(self, candidates: Sequence[_Scored]) -> list[_Scored]:
        """One to three sentences that answer, the best first and the rest in reading order,
        within MAX_CHARS."""
        if not candidates:
            return []
        best = candidates[0]
        chosen = [best]
        length = len(best.sentence)
        by_place = {(c.passage_index, c.pos): c for c in candidates}

        def antecedent(item: _Scored) -> _Scored | None:
            # "Perusahaan-perusahaan ini …" is told with the sentence naming them, when that
            # one answers too ("Selain Invisible Tech, perusahaan seperti Scale AI …")
            before = by_place.get((item.passage_index, item.pos - 1))
            return before if (
                before is not None and before not in chosen and _leans_back(item.sentence)
                and before.score >= 0.75 * best.score
            ) else None

        if (lead := antecedent(best)) is not None:
            chosen.append(lead)
            length += len(lead.sentence)
        for cand in candidates[1:]:
            if len(chosen) >= 3 or cand.score < 0.75 * best.score:
                break
            if cand in chosen or any(_same_fact(cand, c) for c in chosen):
                continue  # the same fact told twice (e.g. by two outlets)
            if length + len(cand.sentence) > MAX_CHARS:
                continue
            chosen.append(cand)
            length += len(cand.sentence)
            if len(chosen) < 3 and (lead := antecedent(cand)) is not None \
                    and length + len(lead.sentence) <= MAX_CHARS:
                chosen.append(lead)
                length += len(lead.sentence)
        if len(best.sentence) > MAX_CHARS:
            chosen = [replace(best, sentence=_shorten(best.sentence, MAX_CHARS))]
        # the best answer leads ("pelatih AI tugasnya apa": the duty, not the pay told before
        # it in the article), unless it leans on the sentence before it ("Dia membuat …")
        leads = not _leans_back(best.sentence)
        chosen.sort(key=lambda c: (
            leads and c is not best, c.passage_index != best.passage_index, c.passage_index,
            c.order,
        ))
        return chosen

    def _points(
        self, candidates: Sequence[_Scored], docs: Sequence[str] = (), question: str = ""
    ) -> list[_Scored]:
        """Up to four short points, one fact each, preferring articles not yet quoted.

        A second point from an article already quoted must beat the others by a margin
        (SAME_ARTICLE_PENALTY per earlier point): a list spans the articles that say something,
        yet an article holding two of the asked-about facts can still give both.
        """
        if not candidates:
            return []
        best = candidates[0].score
        pool = [c for c in candidates if c.score >= 0.55 * best]
        asked = frozenset(terms(question))
        # "siapa namanya dan berapa umurnya": a cut sentence keeps the name and the figure
        asked_words = set(words(question.lower()))
        # ("perusahaan apa aja": the companies' names)
        named_kind = bool(focus_terms(question) & _NAMED_KINDS)
        # "ada contoh org yg …": an example is someone, told by name
        kept = (bool(asked_words & (_WHO_Q | {"namanya", "nama", "contoh", "example"}))
                or named_kind,
                bool(asked_words & _NUMBER_Q))
        chosen: list[_Scored] = []
        used: dict[str, int] = {}
        length = 0

        def article(c: _Scored) -> str:
            return docs[c.passage_index] if c.passage_index < len(docs) else str(c.passage_index)

        while pool and len(chosen) < MAX_POINTS:
            cand = max(pool, key=lambda c: c.score - SAME_ARTICLE_PENALTY * used.get(article(c), 0))
            pool.remove(cand)
            if any(_same_fact(cand, c) for c in chosen):
                continue
            fuller = _fuller_first([cand, *(c for c in pool if _same_fact(cand, c))])[0]
            if fuller is not cand:
                pool.remove(fuller)
                pool.append(cand)
                cand = fuller
            sentence = (
                _shorten(cand.sentence, 260, around=asked, names=kept[0], figures=kept[1])
                if len(cand.sentence) > 260 else None
            )
            item = replace(cand, sentence=sentence) if sentence else cand
            if length + len(item.sentence) > MAX_LIST_CHARS - 120:
                continue
            chosen.append(item)
            used[article(cand)] = used.get(article(cand), 0) + 1
            length += len(item.sentence)
        return chosen

    def _with_antecedents(
        self, chosen: list[_Scored], passages: Sequence[Passage], limit: int,
        keep: int | None = None, *, listing: bool = False,
    ) -> list[_Scored]:
        """Sentences that lean on each other travel together.

        "Mereka menuntut…" brings the sentence before it (who "mereka" are); a chosen sentence
        followed by "Dan, …", "Selain itu, …" or "Ini merekomendasikan …" brings that
        continuation along. With `keep`, only the first `keep` points are sure to stay (the
        sides of a comparison, with what goes on with them); later ones join while they fit.
        In a list, what a point leans on or goes on with may run `LEAN_SLACK` past the limit.
        """
        out: list[_Scored] = []
        length = sum(len(c.sentence) for c in chosen[:keep])
        taken = {c.sentence for c in chosen}
        merged: set[str] = set()  # chosen sentences now told inside another point
        # in a list, what a point leans on ("Para pelatih ini …" after its "seiring …") or goes
        # on with ("Lalu, perlindungan …") may run past the limit rather than leave it half told
        reach = limit + (LEAN_SLACK if listing and keep is None else 0)

        def fits(need: int) -> bool:
            return length + need <= reach

        for n, item in enumerate(chosen):
            if keep is not None and n >= keep:
                if length + len(item.sentence) > limit:
                    continue
                length += len(item.sentence)
            prev, nxt = _neighbours(item, passages)
            text = item.sentence
            leans = bool(prev) and _leans_back(text)
            # its antecedent is another point: one point, in the article's order (told right
            # after the point already holding it, or brought in front of this one)
            # a chosen point may be a cut of `prev` ("Banyak wacana … seputar..."): still taken
            prev_taken = bool(prev) and any(_holds(prev, t) for t in taken)
            holder = next(
                (k for k, o in enumerate(out) if prev in o.sentence or any(
                    t in o.sentence and _holds(prev, t) for t in taken  # a cut of it
                )),
                None,
            ) if leans and prev_taken else None
            if holder is None and leans and prev_taken and prev not in merged:
                text = f"{prev} {text}"
                merged.add(prev)
            elif leans and not prev_taken and fits(len(prev)):
                chain = _antecedents(replace(item, sentence=prev), passages, taken, reach - length)
                text = " ".join([*chain, text])
                length += sum(len(c) for c in chain)
                taken.update(chain)
            elif (
                leans and not prev_taken and out and keep is None and listing
                and _unreferred(text, " ".join(o.sentence for o in out))
            ):
                # "• Tren ini …" without what "ini" is would puzzle: a later point whose
                # antecedent no longer fits, and whose "X ini" no earlier point speaks of, is
                # left out (in a paragraph it still tells its fact)
                length -= len(item.sentence)
                continue
            # what goes on with it, up to two sentences ("X berbeda dari Y. Kemudian, …" then
            # "Semua model itu …"); a sentence announcing "semua jenis pekerjaan" goes on with
            # each item it announced
            # (a caption under a photo goes on with nothing: the prose after it is not its)
            steps = 0 if _caption(item.sentence) else 4 if _ANNOUNCES.search(text) else 2
            for _step in range(steps):
                told = f"{prev} {text}"
                goes_on = bool(nxt) and bool(
                    _CONTINUES.match(nxt) or _refers_back(nxt, told) or _ends_quote(nxt)
                    or (_PAST_FRAME.match(item.sentence) and _BUT_NOW.match(nxt))
                )
                if not goes_on or nxt in taken or not fits(len(nxt)):
                    break
                text = f"{text} {nxt}"
                length += len(nxt)
                taken.add(nxt)
                nxt = _neighbours(replace(item, sentence=nxt), passages)[1]
            if any(_holds(m, item.sentence) for m in merged):
                continue
            if holder is not None:
                out[holder] = replace(out[holder], sentence=f"{out[holder].sentence} {text}")
                merged.add(item.sentence)
                continue
            out.append(replace(item, sentence=text) if text != item.sentence else item)
        return out


# "ada ga X yang …?", X up to three words ("perusahaan teknologi besar")
# "ada ga perusahaan yang …", also after the topic it asks of ("pedoman itu ada perusahaan yg
# udah komit?")
_EXISTENCE = re.compile(
    # at the start, or after a word that only addresses or leads in ("permisi kak, ada gak …",
    # "iye mau tanya, ada ji …")
    r"(?:^|\b(?:itu|ini|tuh|nih|kak|kakak|ka|min|gan|bang|bro|sis|mas|mbak|pak|bu|om|halo|hai"
    r"|eh|nah|permisi|maaf|so|jadi|terus|trus|lalu|tapi|iya|ya|oke|ok|oh|tanya|nanya|bertanya"
    r"|dong|sih) )"
    r"(?:apakah |apa )?(?:sudah |udah )?ada(?:kah)?(?: tidak| belum)?"
    r" ((?:\w+ ){0,3}?(?:yang|yg)\b(?: \w+){0,4})"
)


def _whom(q: Question) -> set[str]:
    """The terms of the names a question asks of: people and companies, not places ("penulis
    dan aktor di Amerika" is told by sentences naming Hollywood)."""
    return {
        t for c in q.concepts
        if c.entity and c.surface.lower() not in places() for t in c.terms
    }


def _full_names(q: Question) -> frozenset[str]:
    """The terms of the people a question names by a name of two words or more ("jatin
    kumar"), not a product, company or place ("chatgpt", "texas"), whose "dia" is someone
    else the last answer told of."""
    known = entities()
    named = [c for c in q.subject if c.entity and c.known and c.surface.lower() not in known]
    runs = concept_runs(sorted(named, key=lambda c: c.position), gap=1)
    return frozenset(t for run in runs if len(run) >= 2 for c in run for t in c.terms)


def _pay_asked(q: Question) -> bool:
    """How much, or pay named in the message ("bisa dapet sampingan? katanya bayarannya
    gede"; "gaji pas2an" says pay is why they ask)."""
    return q.kind == "how_much" or any(c.terms & PAY_TERMS for c in q.concepts)


def _with_own_situation(
    q: Question, chosen: list[_Scored], candidates: Sequence[_Scored],
    passages: Sequence[Passage],
) -> list[_Scored]:
    """What the worker says they are, when the articles speak of it ("saya dokter, bisa jadi
    pelatih AI? bayarannya berapa": "… dokter, analis keuangan, dan pakar lainnya …"), gets its
    sentence among the points, however well the pay sentences score. Asked how much, the pay
    that article gives comes with it: the sentence naming the role rarely holds the figure
    ("… mencakup dokter praktik, akuntan …" then "upah per jam hingga $200")."""
    for c in own_roles(q):
        quoted = next((p for p in chosen if c.terms & set(terms(p.sentence))), None)
        told = quoted or next((p for p in candidates if c.terms & set(terms(p.sentence))), None)
        if told is None or told.score <= 0:
            continue
        added = [] if quoted else [told]
        if _pay_asked(q) and _amount(told.sentence) is None:
            article = passages[told.passage_index].doc_id
            pay = next(
                (p for p in candidates
                 if p.score > 0 and passages[p.passage_index].doc_id == article
                 and _amount(p.sentence)),
                None,
            ) or next(
                # or a chunk of that article fetched for its pay (`_pay_chunks_after`)
                (_Scored(sentence, i, told.score, frozenset(terms(sentence)), told.order, n)
                 for i in range(len(passages)) if passages[i].doc_id == article
                 and all(i != c.passage_index for c in candidates)
                 for n, sentence in enumerate(split_sentences(passages[i].text))
                 if is_pay_figure(sentence)),
                None,
            )
            if pay is not None and not any(p.sentence == pay.sentence for p in chosen):
                added.append(pay)
        if not added:
            continue
        at = chosen.index(quoted) + 1 if quoted else 1
        chosen = [*chosen[:at], *added, *chosen[at:]][:MAX_POINTS]
    return chosen


def _with_both_ends(chosen: list[_Scored], candidates: Sequence[_Scored]) -> list[_Scored]:
    """ "Cuma lulusan SMA, bisa jadi pelatih AI, atau harus sarjana?": the job posted for
    beginners and who is hired at the top ("dokter praktik … profesional bergelar Ph.D.") both
    answer it; the one the points lack joins them second, when a candidate tells it."""
    for end in (ENTRY_LEVEL, HIGHLY_QUALIFIED):
        if any(end.search(c.sentence) for c in chosen):
            continue
        told = next((c for c in candidates if c.score > 0 and end.search(c.sentence)), None)
        if told is not None and not any(_same_fact(told, c) for c in chosen):
            chosen = [*chosen[:1], told, *chosen[1:]][:MAX_POINTS]
    return chosen


def _asks_existence(q: Question) -> bool:
    """ "Ada ga perusahaan yang …?", "udah ada yg pernah …?": the answer names the cases."""
    return q.kind in ("yesno", "who") and bool(_EXISTENCE.search(q.clean))


_DEFINES = re.compile(r"^\W*((?:\S+\s+){1,4}?)(?:adalah|merupakan|ialah|is|are)\s", re.I)


# what a name is, said beside it: "Partnership on AI, sebuah organisasi nirlaba", "Invisible
# Technologies, sebuah agensi sementara", "ByteDance adalah …"
_KIND_NOUNS = (
    r"organisasi|perusahaan|lembaga|agensi|startup|platform|aplikasi|situs|layanan|firma|serikat"
    r"|penyedia|pembuat|raksasa|anak perusahaan|chatbot|model|alat|program|majalah|outlet"
    r"|kelompok|yayasan|universitas|badan|asosiasi|induk"
)


def _describes(sentence: str, name: str) -> bool:
    """The sentence says what `name` is: an apposition or "X adalah/merupakan …"."""
    return bool(re.search(
        re.escape(name) + r"\W{0,2}(?:,\s*(?:sebuah|suatu|yaitu|yakni)?\s*(?:" + _KIND_NOUNS
        + r")\b|\s+(?:adalah|merupakan|ialah)\b)",
        sentence, re.IGNORECASE,
    ))


def _defines(sentence: str, side: set[str]) -> bool:
    """"AI generatif adalah jenis AI …": the sentence opens by saying what the side's thing is."""
    m = _DEFINES.match(sentence)
    if not m:
        return False
    defined = set(terms(m.group(1)))
    return len(defined) >= 2 and defined <= side


_PROS = frozenset({"keuntungan", "kelebihan", "plus", "pros", "untung", "enaknya", "positif"})
_CONS = frozenset({"kerugian", "kekurangan", "minus", "cons", "rugi", "gaenaknya", "negatif",
                   "risiko", "resiko"})
_DOWNSIDE = re.compile(
    r"\b(tidak ada|tidak stabil|jarang|tanpa|bukan|rendah|kerugian|sulit|anonim|diabaikan|"
    r"sebelah mata|tidak dapat|no |without|low)\b",
    re.IGNORECASE,
)


def _promoted(
    ranked: list[_Scored], fits: Callable[[str], bool], within: float | None = None
) -> list[_Scored]:
    """The best candidate whose sentence fits comes first (when `within` is given, only if it
    scores at least that share of the best)."""
    best = next((c for c in ranked if fits(c.sentence)), None)
    if best is None or best is ranked[0]:
        return ranked
    if within is not None and best.score < within * ranked[0].score:
        return ranked
    return [best, *(c for c in ranked if c is not best)]


_COUNTED = re.compile(r"\b\d[\d.,]*\s+(\w+)")


def _names_side(sentence: str, own: set[str]) -> bool:
    """The sentence names what only this side of a comparison names ("Kumar")."""
    return bool(own & set(terms(sentence)))


def _counts(sentence: str, side: set[str]) -> bool:
    """The sentence counts the side's own thing ("1.000 kontraktor")."""
    return any(set(terms(m.group(1))) & side for m in _COUNTED.finditer(sentence))


def _by_side(part: str, ranked: list[_Scored]) -> list[_Scored]:
    """The pros side of "keuntungan dan kerugian" is not told by a downside, nor the reverse;
    a side that is a thing ("AI generatif" of "bedanya AI generatif sama model lama") is told
    first by the sentence defining it ("AI generatif adalah …")."""
    side = set(terms(part))
    ranked = _promoted(ranked, lambda s: _defines(s, side))
    first = set(part.split()[:2])
    if not first & (_PROS | _CONS):
        return ranked
    sign = -1.0 if first & _PROS else 1.0
    shifted = [
        replace(c, score=c.score + sign * 0.15) if _DOWNSIDE.search(c.sentence) else c
        for c in ranked
    ]
    return sorted(shifted, key=lambda c: -c.score)


def _antecedents(
    first: _Scored, passages: Sequence[Passage], taken: set[str], budget: int
) -> list[str]:
    """`first` and the sentences before it while each leans on the one before, up to three.

    "Dan dia melakukan pekerjaan suara teknis …" leans on "Dia menjadi penjaga …", which leans
    on "Dia membuat sandwich …", which leans on "Savreux … melakukan semua jenis pekerjaan".
    """
    chain = [first.sentence]
    while len(chain) < 3 and _leans_back(chain[0]):
        before, _ = _neighbours(replace(first, sentence=chain[0]), passages)
        if not before or before in taken or before in chain:
            break
        if sum(len(c) for c in chain) + len(before) > budget:
            break
        chain.insert(0, before)
    return chain


def _previous_id(passage: Passage) -> str | None:
    """The id of the chunk before this one in its article ("…-0003" -> "…-0002")."""
    prefix, sep, _ = passage.id.rpartition("-")
    if not sep or passage.position == 0:
        return None
    return f"{prefix}-{passage.position - 1:04d}"


def _neighbours(item: _Scored, passages: Sequence[Passage]) -> tuple[str, str]:
    """The sentences before and after a chosen one in its article.

    Chunks overlap and end mid-thought: the sentence after the last one of a chunk is often the
    first of the next chunk ("…personalisasi konten." | "Dan, meningkatkan pembayaran…"), so
    every passage of the same article that holds the sentence is looked at.
    """
    doc = passages[item.passage_index].doc_id
    prev = nxt = ""
    order = [item.passage_index] + [
        i for i, p in enumerate(passages) if i != item.passage_index and p.doc_id == doc
    ]
    by_position = {p.position: p for p in passages if p.doc_id == doc}
    for i in order:
        sentences = split_sentences(passages[i].text)
        if item.sentence not in sentences:
            continue
        pos = sentences.index(item.sentence)
        before = by_position.get(passages[i].position - 1)
        if pos == 0 and not prev and before is not None:
            # the first sentence of a chunk follows the last one of the chunk before (when the
            # chunks overlap, that one holds this sentence too and is read like any other)
            last = split_sentences(before.text)
            if last and item.sentence not in last:
                prev = last[-1]
        prev = prev or (sentences[pos - 1] if pos > 0 else "")
        if not nxt:
            following = by_position.get(passages[i].position + 1)
            beyond = by_position.get(passages[i].position + 2)
            if following is not None and beyond is not None:
                # the prose may go on two chunks later, past a chunk of pull quote only
                following = replace(following, text=f"{following.text}\n{beyond.text}")
            nxt = _next_in_prose(item.sentence, sentences[pos + 1 :], following)
        if prev and nxt:
            break
    return prev, nxt


def _next_in_prose(sentence: str, after: list[str], following: Passage | None) -> str:
    """The sentence the prose goes on with after `sentence`: a pull quote and the caption
    naming its speaker ('"Banyak wacana …"' / "Sonam Jindal" / "pimpinan program …", no final
    stop) stand between paragraphs, not in them."""
    if following is not None:
        more = list(dict.fromkeys(split_sentences(following.text)))  # chunks overlap
        told = [*after, sentence]
        # chunks overlap: the next one may begin with what this one ended with
        start = max((more.index(t) + 1 for t in told if t in more), default=0)
        after = after + more[start:]
    k = 0
    while k < min(len(after), 6):
        if _caption(after[k]):
            k += 1
        elif _PULL_QUOTE.fullmatch(after[k]) and k + 1 < len(after) and _caption(after[k + 1]):
            k += 2
        else:
            return after[k]
    return ""


_PULL_QUOTE = re.compile(r"[\"“][^\"“”]+[\"”]")


def _caption(line: str) -> bool:
    """A line with no final stop: a caption or a name under a photo, not a sentence."""
    return not re.search(r"[.!?:;\"”’)\]]$", line.strip())


MAX_LIST_CHARS = 900
LEAN_SLACK = 250  # a list point's antecedent or continuation, past MAX_LIST_CHARS
_AMOUNT_WORDS = {
    "besar", "gede", "banyak", "banyakan", "gaji", "upah", "bayaran", "mahal", "tinggi", "ramai",
}
# "lebih rame mana orangnya": a comparison of head counts
_COUNT_COMPARED = {"banyak", "banyakan", "jumlah", "ramai"}
# "seperti Eropa Timur dan Amerika Latin", "dokter, analis keuangan, akuntan, dan …"
_ENUMERATION = re.compile(
    r"\b(seperti|termasuk|yaitu|antara lain|meliputi|mencakup|such as|including)\b"
    r"[^.;:]{0,80}?\b(dan|serta|atau|and|or)\b"
    r"|(?:\b[\w.$-]+(?:\s[\w.$-]+){0,2},\s){2,}"
)
MAX_POINTS = 4
# share of a sentence's own words (beyond the question's) that makes it "the same fact again"
SAME_FACT = 0.6
# a list's second point from one article must beat the best other article's by this much
SAME_ARTICLE_PENALTY = 0.1
OFF_ARTICLE_PENALTY = 0.25  # a sentence from an article that never names who is asked about
_THAT_THING = frozenset({"itu", "ini", "tersebut", "tuh", "that", "this", "it"})
_ANYONE = frozenset(terms("orang people"))  # a count of people of any kind
WHOM_BONUS = 0.1  # a follow-up's "dia": the sentence naming whom it points back to
POINT_KINDS = frozenset({"list", "compare", "topic", "why", "howto"})
# "sebelum jadi pelatih", "dulu kerja apa": what an article told before the chunk found
_PAST_ASKED = {"sebelum", "sebelumnya", "dulu", "dulunya", "dahulu", "pernah", "before",
               "previously", "earlier"}
_WORK_WORDS = {"kerja", "bekerja", "kerjanya", "pekerjaan", "pekerjaannya", "kerjaan",
               "kerjaannya", "job", "jobs", "work", "worked"}
_THEY = re.compile(r"^(?:mereka|they)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:dan |tetapi |tapi |namun )?(dia|ia|beliau|he|she)\b", re.IGNORECASE)
_LEANS_BACK = re.compile(
    r"^(mereka|dia|ia|beliau|hal (ini|itu|tersebut)|ini|itu|namun|tetapi|tapi|akan tetapi|dan|"
    r"selain itu|lalu|kemudian|artinya|dengan begitu|oleh karena itu|karena itu|sementara itu|"
    r"meski begitu|bahkan|alasannya|sebabnya|akibatnya|hasilnya|padahal|sebaliknya|"
    r"selanjutnya|untuk itu|dengan demikian|oleh sebab itu|di sisi lain|"
    r"they|he|she|it|this|however|but)\b",
    re.IGNORECASE,
)
# "gajinya gede gak?", "bayarannya layak ga": a yes/no on a sum's size, answered with the sum
_SIZE_WORDS = frozenset({"besar", "gede", "kecil", "tinggi", "rendah", "lumayan", "banyak",
                         "sedikit", "mahal", "murah", "layak", "cukup", "big", "high", "low",
                         # "sama ga gajinya": the same sum or another, the sums answer it
                         "sama", "beda", "berbeda", "same", "different"})
# a sum as a worker writes it: "5 juta dolar", "$200", "500 dolar", "10 M"
_SUM_HEARD = re.compile(
    r"(?:us\$|usd|\$|rp\.?)\s?\d|\d[\d.,]*\s?(?:dollar|dolar|juta|ribu|miliar|rb|jt|m)\b", re.I
)
_AMOUNT = re.compile(
    r"(?:US\$|USD|\$|Rp\.?)\s?\d[\d.,]*(?:\s?(?:juta|ribu|miliar|triliun|million|billion))?"
    r"(?:\s(?:per|/)\s?(?:jam|hari|bulan|tahun|proyek|minggu)(?:nya)?)?"
    r"|\d[\d.,]*\s(?:dollar|dolar)(?:\sAS)?(?:\s(?:per|/)\s?(?:jam|hari|bulan|tahun)(?:nya)?)?",
    re.IGNORECASE,
)


# "Ini merekomendasikan…", "Mereka menuntut…": the next sentence goes on about this one's subject
_BESIDES = frozenset(terms("selain besides"))
_BESIDES_TOLD = re.compile(
    r"\b(?:selain|besides|apart from"
    # "tidak lagi terbatas pada mahasiswa, tetapi …", "bukan hanya X": X and others besides
    r"|(?:tidak|tak|bukan) (?:lagi )?(?:hanya|cuma|sekadar|saja|terbatas pada)"
    r"|not (?:only|just|limited to))\b((?:\W+\w+){1,3})",
    re.IGNORECASE,
)
# "perusahaan seperti Scale AI", "perusahaan AI termasuk AI21": one of the asked kind, by name
_KIND_EXAMPLE = re.compile(
    r"\b(\w+)(?: \w+)? (?:seperti|termasuk|yaitu|yakni|misalnya|antara lain|such as|including)"
    r" (?=[A-Z])"
)
_ANNOUNCES = re.compile(
    r"\b(semua jenis|segala jenis|berbagai|bermacam|macam-macam|beberapa (?:jenis|macam))\b",
    re.IGNORECASE,
)
# "Pada tahap awal …, pekerja berbiaya rendah …" then "Namun, … kini …": how things were, told
# without the change the next sentence tells, would pass the past off as the present
_PAST_FRAME = re.compile(
    r"^[\"'\u201c]?(?:pada (?:tahap|masa|awal)\w* awal|pada awalnya|awalnya|dulu(?:nya)?|dahulu"
    r"|semula|mulanya|sebelumnya|di masa lalu|in the early|at first|originally)\b",
    re.IGNORECASE,
)
_BUT_NOW = re.compile(
    r"^[\"'\u201c]?(?:namun|tetapi|tapi|kini|sekarang|akan tetapi|but|however|now)\b", re.IGNORECASE
)
_REFERS_BACK = re.compile(r"^[\"'\u201c]?(ini|mereka|hal ini|this|they)\b", re.IGNORECASE)
_CONTINUES = re.compile(
    r"^[\"'\u201c]?(dan|serta|selain itu|kemudian|lalu|juga|and|also)\b", re.IGNORECASE
)


# '… Anda tidak memiliki apa-apa," kata Savreux.': a quote is told with who said it
_SAID = r"[\"\u201d]\s*,?\s*(?:kata|ujar|ungkap|tambah|jelas|tutur|imbuh|said|says|added)\w*"
_SAID_BY = re.compile(_SAID + r"\s+[A-Z]\w+")
_QUOTE_CLOSED = re.compile(_SAID)


def _ends_quote(sentence: str) -> bool:
    """The sentence closes a quotation opened before it and says who spoke."""
    marks = sum(sentence.count(m) for m in ('"', "\u201c", "\u201d"))
    return marks % 2 == 1 and bool(_QUOTE_CLOSED.search(sentence))


# list questions about things with names: the answer names them ("Facebook, TikTok, dan …")
_NAMED_KINDS = frozenset(
    terms(
        "perusahaan klien mitra platform aplikasi startup negara daerah kota wilayah tempat "
        "lembaga organisasi media company client partner country region place organization"
    )
)
_CAPITALISED = re.compile(r"\b[A-Z][\w.&-]*[A-Za-z0-9]")
_INNER_CAPITAL = re.compile(r"^.[^\W\d_]*?[A-Z]")


def _names(text: str) -> set[str]:
    """Capitalised words past the first of the text: names of companies, places, people."""
    found = _CAPITALISED.findall(text)
    first = text.lstrip("\"'“- ").split(" ", 1)[0]
    # a capital inside the first word is a name's, never the sentence's ("DeepMind, anak …")
    return {w.lower() for w in found if w != first or _INNER_CAPITAL.search(w)}


def _leans_back(sentence: str) -> bool:
    opening = sentence.lstrip("\"'\u201c\u2018- ")
    return bool(_LEANS_BACK.match(opening) or _THAT_ONE.match(opening))


def _unreferred(sentence: str, told: str) -> bool:
    """The sentence opens on "X ini/itu" ("Tren ini …") and nothing told yet speaks of X (a
    "Dia …" after a point naming the person reads well enough)."""
    that = _THAT_ONE.match(sentence.lstrip("\"'\u201c- "))
    return that is not None and not set(terms(that.group("thing"))) & set(terms(told))


def _refers_back(sentence: str, told: str) -> bool:
    """`sentence` goes on about what `told` said: "Mereka …", or "Semua model itu …" after a
    sentence about models (not "Orang tersebut …", someone told of further back)."""
    if _REFERS_BACK.match(sentence):
        return True
    if _PRONOUN.match(sentence) and _ANNOUNCES.search(told):
        return True  # "… melakukan semua jenis pekerjaan." then "Dia membuat sandwich …"
    that = _THAT_ONE.match(sentence.lstrip("\"'\u201c- "))
    if that is not None and set(terms(that.group("thing"))) & set(terms(told)):
        return True
    # "… menangani percakapan 'ditandai' …" then "Ketika percakapan yang ditandai masuk, …
    # itu disortir …": what happens next to the thing just told of
    then = _WHEN_IT.match(sentence.lstrip("\"'\u201c- "))
    if then is not None and len(set(terms(then.group("thing"))) & set(terms(told))) >= 2:
        return True
    # "… iklan … mencatat bahwa pekerjaan tersebut …" then "“Anggap saja seperti menjadi guru
    # …,” kata posting pekerjaan itu.": a quote from the thing just told of
    said_by = _SAID_BY_THAT.search(sentence)
    if said_by is not None and set(terms(said_by.group("thing"))) & set(terms(told)):
        return True
    # "… menerbitkan pedoman sukarela …" then "DeepMind … berkomitmen pada pedoman tersebut":
    # "the said guideline" is the one just told of, wherever it stands in the sentence
    return any(
        set(terms(m.group(1))) & set(terms(told)) for m in _THE_SAID.finditer(sentence)
    )


_SAID_BY_THAT = re.compile(
    r"[,.!?][\"\u201d']\s*(?:kata|ujar|tulis|bunyi)\s+(?P<thing>[^\W\d_][^,.\"]{2,40}?)\s+"
    r"(?:itu|ini|tersebut)\s*\.?$",
    re.IGNORECASE,
)
# ("orang tersebut", "hal tersebut": someone or something told of further back, maybe)
_THE_SAID = re.compile(r"\b(?!(?:orang|hal|pria|wanita)\b)([^\W\d_]{4,}) tersebut\b", re.I)


_WHEN_IT = re.compile(
    r"(?:ketika|setelah|begitu|sesudah|when|once|after)\s+(?P<thing>[^,]{3,80}),", re.IGNORECASE
)


# "Semua model itu …", "Para pelatih ini …", "Perusahaan-perusahaan ini …": a thing told just
# before; not the time words ("Saat ini", "Tahun ini", "Sejauh ini")
_THAT_ONE = re.compile(
    r"^(?:semua |para |kedua |seluruh )?(?!(?:saat|hari|tahun|bulan|minggu|kali|sejauh|selama|"
    r"hingga|sampai|akhir|masa|waktu|kini|dulu)\b)(?P<thing>[^\W\d_]+(?:-[^\W\d_]+)?)"
    r" (?:itu|ini|tersebut)\b",
    re.IGNORECASE,
)


def _amount(sentence: str) -> str | None:
    """The first money amount in a sentence ("$15 per jam"), for a "berapa" answer's lead, with
    the bound the sentence puts on it: "upah per jam hingga $200" is a ceiling, not the pay."""
    match = _AMOUNT.search(sentence)
    if match is None or _DENIED.search(sentence[: match.start()]):
        return None  # "ByteDance membantah … kerugian lebih dari USD10 juta": no fact to sum up
    amount = match.group(0).strip().rstrip(".,")
    bound = _BOUND.search(sentence[: match.start()])
    return f"{bound.group(1).lower()} {amount}" if bound else amount


# a figure reported only to be denied
_DENIED = re.compile(
    r"\b(?:membantah|dibantah|menyangkal|disangkal|menepis|ditepis|tidak benar|denied|denies)\b",
    re.IGNORECASE,
)
# a bound right before an amount ("hingga $200", "mulai dari $15", "lebih dari 10 juta dolar")
_BOUND = re.compile(
    r"\b(hingga|sampai|mulai dari|mulai|sekitar|kira-kira|lebih dari|kurang dari|minimal|"
    r"maksimal|paling tidak|setidaknya|up to|about|around|more than|less than|at least)\s*$",
    re.IGNORECASE,
)


def _summary_amount(chosen: Sequence[_Scored], asked: str) -> str | None:
    """The amount a "berapa" answer leads with: the first quoted one, or the range two quoted
    sentences span ("mulai dari $15 per jam hingga $200", not "hingga $200" alone); asked for
    the most or the least ("paling gede brp"), the ceiling or the floor."""
    amounts = [a for c in chosen if (a := _amount(c.sentence))]
    if not amounts:
        return None
    floor = next((a for a in amounts if a.startswith(_FLOORS)), None)
    ceiling = next((a for a in amounts if a.startswith(_CEILINGS)), None)
    for end in _asked_ends(asked):
        if told := next((a for a in amounts if a.startswith(end)), None):
            return told
    if floor and ceiling and amounts[0] in (floor, ceiling):
        return f"{floor} {ceiling}"
    return amounts[0]


_FLOORS = ("mulai", "minimal", "paling tidak", "setidaknya", "at least")
_CEILINGS = ("hingga", "sampai", "maksimal", "up to")
# the question asks the top or the bottom of a range
_MOST = re.compile(
    r"\b(?:paling (?:besar|tinggi|banyak|mahal)|tertinggi|terbesar|maksimal|mentok|highest|most"
    r"|top)\b"
)
_LEAST = re.compile(
    r"\b(?:paling (?:kecil|rendah|sedikit|murah)|terendah|terkecil|lowest|least)\b"
)


def _asked_ends(asked: str) -> list[tuple[str, ...]]:
    """The ends of a range the question asks for, the top first: how their amounts begin."""
    return [end for end, cue in ((_CEILINGS, _MOST), (_FLOORS, _LEAST)) if cue.search(asked)]


def _join(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " dan " + items[-1]


_QUESTION_WORDS = {
    "apa",
    "apakah",
    "siapa",
    "siapakah",
    "berapa",
    "berapakah",
    "seberapa",
    "mengapa",
    "kenapa",
    "bagaimana",
    "gimana",
    "kapan",
    "mana",
    "what",
    "who",
    "how",
    "why",
    "when",
    "where",
    "which",
}


def _topics(q: Question) -> set[str]:
    """The topic words (pay, insurance, unions …) a question names itself."""
    return {t for c in q.subject for t in c.terms} & topic_terms()


# "kerja apa sebelum jadi pelatih AI": the words after "sebelum" say when, not what; every
# sentence about the AI work has them, the one about the sandwich shop does not
_ANCHOR = re.compile(r"\b(?:sebelum|before)\b([^,.?!]*)")


def _anchor_terms(question: str) -> set[str]:
    """Terms only in a "sebelum …" clause: the moment asked about, not the thing."""
    lowered = question.lower()
    inside: set[str] = set()
    for match in _ANCHOR.finditer(lowered):
        clause = match.group(1).split()
        # "sebelum jadi AI trainer kerja apa aja": the clause ends where the asking starts
        ask = next((i for i, w in enumerate(clause) if w in _QUESTION_WORDS), len(clause))
        if ask < len(clause) and clause[ask] in ("apa", "mana"):
            ask -= 1  # "kerja apa": the asked thing
        inside.update(t for w in clause[:ask] for t in terms(w))
    outside = _ANCHOR.sub(" ", lowered)
    return inside - set(terms(outside))


def focus_terms(question: str) -> set[str]:
    """Stemmed terms next to the question word: what is being asked about."""
    anchor = _anchor_terms(question)
    raw = words(question)
    focus: set[str] = set()
    for i, word in enumerate(raw):
        if word not in _QUESTION_WORDS or word == "apakah":
            continue
        if i > 0 and word in ("apa", "mana", "what", "which"):
            focus.update(terms(raw[i - 1]))
        after = [t for w in raw[i + 1 : i + 5] for t in terms(w)]
        focus.update(after[:3])
        if word in _NUMBER_Q and after[:1] == ["orang"]:
            # "karyawan tetap openai ada brp orang": people counted, whom the words before name
            before = [t for w in raw[max(0, i - 6) : i] for t in terms(w)]
            focus.update(before[-3:])
        elif word in _NUMBER_Q and len(after) < 2:
            # "kontraktor openai ada brp org": chat order puts the counted thing first
            before = [t for w in raw[max(0, i - 4) : i] for t in terms(w)]
            focus.update(before[-2:])
    if existence := _EXISTENCE.search(" ".join(raw)):
        # "ada perusahaan yang sudah komit": the cases asked for
        focus.update(terms(existence.group(1)))
    return focus - anchor


_THEN_NOW = {"dulu", "dahulu", "sekarang", "kini", "dulunya", "awalnya", "then", "now", "before"}
_CHANGE = re.compile(
    r"\b(tidak lagi|bukan lagi|berubah|perubahan|berevolusi|beralih|bergeser|kini|sekarang|"
    r"pada tahap awal|awalnya|dulu|dahulu|dari .{3,60} menjadi|no longer|now|changed|shifted)\b",
    re.IGNORECASE,
)


def _articles_without(
    q: Question, passages: Sequence[Passage], *, whom: frozenset[str] = frozenset()
) -> set[str]:
    """Articles (doc ids) none of whose passages mention the names the question is about (or
    `whom` a follow-up points back to), when the best passage's article does; empty when the
    question names nobody the articles know."""
    names = [c.terms for c in q.subject if c.entity and c.known] or ([whom] if whom else [])
    if not names:
        return set()
    mentions: dict[str, bool] = {}
    for p in passages:
        have = set(p.tokens.split()) | set(terms(p.title))
        mentions[p.doc_id] = mentions.get(p.doc_id, False) or all(n & have for n in names)
    if not passages or not mentions[passages[0].doc_id]:
        return set()  # the best passage does without the name: it is not what locates the answer
    return {doc for doc, named in mentions.items() if not named}


# "pelatih AI kerjanya ngapain aja", "tugasnya apa", "what do they do" (not "AI bisa bikin apa"):
# the answer tells what is done ("memberi label … dan membuat sejumlah prediksi")
_ACTIVITY_Q = re.compile(
    r"\b(?:melakukan|mengerjakan|ngerjain|kerja|kerjanya|kerjaannya|pekerjaannya"
    r"|tugas|tugasnya|job|jobdesk|jobdesc) apa\b"
    r"|\bapa (?:saja |aja )?(?:tugas|tugasnya|kerjaannya|pekerjaannya|jobdesk|jobdesc)\b"
    # "apa yg mereka kerjain", "apa saja yang dilakukan pelatih"
    r"|\bapa (?:(?:saja|aja|sih|ya) )*(?:yang|yg) (?:\w+ )?"
    r"(?:kerja|dikerja|kerjain|dikerjain|kerjakan|dikerjakan|lakukan|dilakukan)\b"
    r"|\bwhat (?:do|does|did|will|would|should|must)\b.{0,40}\bdo\b"
    # "bagaimana cara kerja pelatih AI": how the work goes is what is done
    r"|\bcara (?:kerja|kerjanya|bekerja|bekerjanya)\b"
    # "bagaimana cara savreux melatih chatgpt": the way one trains it is what is done
    r"|\bcara (?:\w+ ){0,2}(?:melatih|ngelatih|mengajari|ngajarin)\b"
    # "kerjaan jatin kumar sehari-hari kayak gimana", "day to day"
    r"|\b(?:kerja|kerjanya|kerjaan|kerjaannya|pekerjaan|pekerjaannya|tugas|tugasnya)\b"
    r"(?: \w+){0,4} sehari[- ]hari(?:nya)?\b|\bday to day\b",
    re.IGNORECASE,
)
# the asking frame of such a question, which the sentences telling the tasks need not repeat
_ACTIVITY_FRAME = frozenset({"kerja", "laku", "tugas", "buat", "bikin", "hari", "hari-hari",
                            "rutin", "tiap", "job", "do"})
# a sentence naming someone's task: "pekerjaan utamanya adalah …", "tugas baru", "tugasnya"
_TASK_TOLD = re.compile(
    r"\b(?:pekerjaan|tugas|tanggung jawab) utama\w*|\btugas(?:nya)? (?:baru|adalah|mereka)\b"
    r"|\btugasnya\b|\btanggung jawab(?:nya)?\b",
    re.IGNORECASE,
)
# what someone must do: "Savreux perlu memberi label …", "mereka harus menulis …"
_DUTY = re.compile(
    r"\b(?:perlu|harus|wajib|diminta|bertugas|ditugaskan) (?:(?:untuk|juga|terus) )?"
    r"((?:me|mem|men|meng|meny)[a-z]{3,})\b",
    re.IGNORECASE,
)
# verbs that tell of doing something ("memberi", "membuat", "menghasilkan"); the ones that only
# report, become or have ("mengatakan", "menjadi", "memiliki") tell no task
_ACTION = re.compile(r"\b(?:me|mem|men|meng|meny)[a-z]{3,}\b")
_NOT_ACTION = frozenset({
    "mengatakan", "menjadi", "memiliki", "mendapat", "mendapatkan", "menerima", "mengenai",
    "merupakan", "memang", "mereka", "melalui", "meski", "meskipun", "menuju", "menyadari",
    "mencapai", "meningkat", "meningkatnya", "menunjukkan", "menurut", "mengaku", "menyebut",
    "menyebutkan", "melaporkan", "mengungkapkan", "menambahkan", "menjelaskan", "memungkinkan",
    "mempekerjakan", "membayar", "mendorong", "menginspirasi", "memicu", "memasuki",
    "menghabiskan",
})


_POINTERS = frozenset({"yang", "yg", "itu", "tersebut", "tsb", "ini"})


def _doer_words(text: str) -> list[tuple[int, str]]:
    """Where the question names a doer, with the doer's stem: a doer's noun ("pelatih",
    "pekerja", "penulis") or "orang" with the verb of the doing ("orang (yang) melatih
    ChatGPT", people who train it)."""
    tokens = words(text)
    found = []
    for i, w in enumerate(tokens):
        if len(w) <= 5 or stem(w) == w:
            continue
        noun = w.startswith("pe") and not w.endswith(("an", "annya"))
        # "orang (yang) melatih", "orang-orang itu mengajari AI"
        head = [t for t in tokens[max(0, i - 3) : i] if t not in _POINTERS]
        if noun or (w.startswith("me") and head[-1:] in (["orang"], ["orang-orang"])):
            found.append((i, stem(w)))
    return found


def _doers(text: str) -> frozenset[str]:
    """The stems of the question's doers ("pelatih", "pekerja", "orang yang menulis"), which
    share their stem with the noun of the doing ("pelatihan", "pekerjaan", "penulisan")."""
    return frozenset(t for _, t in _doer_words(text))


def _doer_phrase(text: str) -> frozenset[str]:
    """The doer's stem and the word after it ("pelatih AI": "latih", "ai"): who is asked
    about, which a sentence telling their tasks need not repeat."""
    tokens = words(text)
    out: set[str] = set()
    for i, t in _doer_words(text):
        out.add(t)
        out.update(terms(" ".join(tokens[i + 1 : i + 2])))
    return frozenset(out)


def _only_the_doing(sentence: str, doers: frozenset[str]) -> set[str]:
    """The doers' stems a sentence has only in the noun of the doing ("pelatihan")."""
    forms: dict[str, set[str]] = {}
    for w in words(sentence):
        t = stem(w)
        if t in doers:
            forms.setdefault(t, set()).add(w)
    return {
        t for t, ws in forms.items()
        if all(w.startswith("pe") and w.endswith(("an", "annya")) for w in ws)
    }


def _asks_activity(q: Question) -> bool:
    """The question asks what someone does at work, not what they are paid or why."""
    return (
        q.kind not in ("how_much", "why", "compare")
        and bool(_ACTIVITY_Q.search(q.clean))
        and not set(words(q.clean)) & _PAST_ASKED  # "dulu kerja apa": which jobs, not tasks
    )


def _compares_work(q: Question) -> bool:
    """ "Savreux sama Kumar kerjanya beda?": each side's tasks are what is compared, not their
    pay, age or what the work brings them."""
    said = set(words(q.clean))
    return q.kind == "compare" and bool(said & _WORK_NOUNS) and not {
        t for w in said for t in terms(w)
    } & (PAY_TERMS | _NOT_WORK_COMPARED)


_WORK_NOUNS = {"kerja", "kerjanya", "kerjaan", "kerjaannya", "pekerjaannya", "tugas", "tugasnya",
               "jobdesk", "jobdesc", "ngapain"}
_NOT_WORK_COMPARED = frozenset(terms("umur usia tua muda lama jam sejam tunjangan asuransi untung"))


def _actions(sentence: str, doers: frozenset[str] = frozenset()) -> int:
    """How many distinct verbs of doing a sentence has; the doer's own verb ("melatih" of
    "pelatih") tells no task of theirs."""
    return len({
        w for w in _ACTION.findall(sentence.lower())
        if w not in _NOT_ACTION and stem(w) not in doers
    })


# a sentence opening on "its X" ("Petunjuknya …", "Bayarannya: …")
_ITS = re.compile(r"([^\W\d_]{3,})nya\b", re.IGNORECASE)
# an example of a thing asked for ("contoh tugasnya kayak mana", "contohnya apa"), not whether
# there is one ("ada contohnya?": someone who did it)
_EXAMPLE_ASKED = re.compile(
    r"\b(?:contoh|example of)\s+[^\W\d_]+nya\b|\bcontoh(?:nya)?\s+(?:apa|seperti|bagaimana)\b"
    r"|\b(?:what|give) (?:an |some )?examples?\b",
    re.IGNORECASE,
)
# an instance given: "mungkin sesederhana, "Apa ibu kota Prancis?"", "misalnya …"
_GIVES_EXAMPLE = re.compile(
    r"\b(?:misalnya|contohnya|sebagai contoh|sesederhana|semudah|for example|such as)\b"
    r"|\bseperti[,:]? [\"\u201c]",
    re.IGNORECASE,
)
# a sentence giving a name: "yang disebut "Scriptic"", "bernama Jimeng"
_NAMING = re.compile(
    r"\b(?:disebut|bernama|berjudul|dinamai|dinamakan|dijuluki|called|named)\s+[\"\u201c]?[A-Z]"
)


def _type_bonus(q_words: set[str], focus: set[str], sentence: str) -> float:
    bonus = 0.0
    if q_words & _NUMBER_Q and _HAS_NUMBER.search(sentence):
        bonus += 0.08
        sent_words = words(sentence)
        stems = [terms(w) for w in sent_words]
        for i, word in enumerate(sent_words):
            if word[0].isdigit() and any(
                t in focus for ts in stems[max(0, i - 4) : i + 5] for t in ts
            ):
                bonus += 0.2
                break
    if q_words & _WHO_Q and (_NAME.search(sentence) or _SAID_BY.search(sentence)):
        bonus += 0.15
    if q_words & _WHY_Q and re.search(
        r"\b(karena|sebab|akibat|gara-gara|alasan|alasannya|lantaran|disebabkan|sehingga"
        r"|yang berarti|berarti|because|due to|berkat|imbas"
        # what set it off, and what it is for: "memicu kontroversi", "agar model tidak …"
        r"|memicu|dipicu|menyebabkan|mendorong|didorong|agar|supaya|bertujuan)\b", sentence, re.I
    ):
        bonus += 0.25
    elif q_words & _WHY_Q and q_words & _THEN_NOW and re.search(r"\bseiring\b", sentence, re.I):
        # "kenapa sekarang …": "seiring dengan …" tells what changed along with it
        bonus += 0.25
    if q_words & _HOW_Q and _MEANS.search(sentence):
        bonus += 0.15
    if q_words & _THEN_NOW and _CHANGE.search(sentence):
        bonus += 0.2  # "dulu … sekarang …": the sentence that tells the change
    if q_words & _WHERE_Q and PLACE.search(sentence):
        bonus += 0.15  # "tinggal di mana": the sentence naming a place
    if q_words & _WHEN_Q and re.search(
        r"\b(19|20)\d\d\b|\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu|Januari|Februari|Maret|April"
        r"|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)\b",
        sentence,
    ):
        bonus += 0.15
    return bonus


def _fuller_first(candidates: Sequence[_Scored]) -> list[_Scored]:
    """Of two tellings of one fact scoring alike, the one that says more first: a lede
    ("… memecat karyawan magang karena dicurigai 'mengganggu' …") and the paragraph that
    follows it ("… karena "dengan sengaja mengganggu" pelatihan …") tie, and only one of them
    is quoted."""
    out = list(candidates)
    for i in range(len(out)):
        for j in range(i + 1, len(out)):
            if out[j].score < NEAR_TIE * out[i].score:
                break
            if (
                _same_fact(out[i], out[j]) and out[i].sentence != out[j].sentence
                and len(out[j].terms) > len(out[i].terms) and len(out[j].sentence) <= MAX_CHARS
            ):
                out[i], out[j] = out[j], out[i]
    return out


# scores this close are a tie between two tellings of one fact
NEAR_TIE = 0.97


def _holds(whole: str, part: str) -> bool:
    """`part` is `whole`, or a cut of it for a list point ("...lencana kuning yang ...")."""
    if part == whole:
        return True
    core = part.removeprefix("...").removesuffix("...")
    return core != part and bool(core) and core in whole


def _same_fact(a: _Scored, b: _Scored) -> bool:
    """The same sentence, or one adding mostly the same words (two outlets telling one fact)."""
    return a.sentence == b.sentence or _overlap(a.terms, b.terms) >= SAME_FACT


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _shorten(
    sentence: str, limit: int = MAX_CHARS, around: frozenset[str] = frozenset(), *,
    names: bool = False, figures: bool = False,
) -> str:
    """The sentence cut to `limit` characters at a word boundary.

    The part kept is the one that holds most of the asked-about words (`around`): "lencana
    kuning?" keeps "… status kelas dua, termasuk lencana kuning yang membedakan mereka dari
    karyawan tetap.", the end of a long sentence, not its opening; those words sit as near the
    middle of what is kept as the sentence allows, unless the opening holds as many of them;
    without them the opening is kept.
    """
    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", sentence)]
    # the middle of each asked-about word (no stemming at all when nothing is asked about)
    marks = [
        (a + b) / 2 for a, b in tokens
        if around and around & set(terms(sentence[a:b]))
        or names and a and sentence[a].isupper() or figures and sentence[a].isdigit()
    ]
    best_start, best_end, best_key = 0, 0, (-1, False, 0.0)
    for i, (start, _) in enumerate(tokens):
        j = i
        while j < len(tokens) and tokens[j][1] - start <= limit - 6:
            j += 1
        if j == i:
            continue
        inside = [m for m in marks if start <= m <= tokens[j - 1][1]]
        # most asked-about words, then those words nearest the middle of what is kept
        middle = (start + tokens[j - 1][1]) / 2
        off = abs(sum(inside) / len(inside) - middle) if inside else 0.0
        # the opening, with as many of them, names who the sentence is about ("Jatin Kumar,
        # 22 tahun …"): cut the end rather than the subject
        key = (len(inside), start == 0, -off)
        if key > best_key:
            best_start, best_end, best_key = i, j, key
        if j == len(tokens):
            break
    if best_key[0] < 0:  # one word longer than the limit
        return sentence[: limit - 3] + "..."
    text = sentence[tokens[best_start][0] : tokens[best_end - 1][1]].rstrip(",;:")
    if best_end < len(tokens):
        text += "..."
    return ("..." + text) if best_start > 0 else text
