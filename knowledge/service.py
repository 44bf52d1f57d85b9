"""KnowledgeService: the one object the bot and the command line talk to.

ask() = resolve a follow-up -> retrieve -> decide whether the corpus holds an answer -> answer
with the LLM when configured (falling back to the extractive answerer on any failure), else
extractively. Everything here is synchronous and CPU-bound; async callers use
`asyncio.to_thread(service.ask, ...)` so the event loop never blocks.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from contextlib import nullcontext
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from knowledge import question as question_mod
from knowledge.gate import Gate, Outcome, Verdict, unspoken
from knowledge.question import Concept, Question
from knowledge.types import Answer, Passage, Turn

if TYPE_CHECKING:
    from knowledge.embedders import Embedder
    from knowledge.extractive import ExtractiveAnswerer
    from knowledge.lexical import LexicalIndex
    from knowledge.llm_answerer import LLMAnswerer
    from knowledge.retriever import HybridRetriever
    from knowledge.settings import Settings
    from knowledge.store import ChromaStore

logger = logging.getLogger(__name__)

LLM_DEPTH = 40  # candidates per ranker when an LLM reads the passages (HybridRetriever default: 20)


@dataclass(frozen=True, slots=True)
class ArticleInfo:
    """One indexed article, as listed by /sumber, /artikel and `tanyakerja ingest`."""

    doc_id: str  # short stable id (first 8 hex of the content hash)
    title: str
    path: str
    url: str | None
    publisher: str | None
    date: str | None
    n_chunks: int

    @classmethod
    def from_metadata(cls, meta: dict[str, Any]) -> ArticleInfo:
        """Build from any one of the article's chunk metadata."""
        path = str(meta.get("path", ""))
        return cls(
            doc_id=str(meta.get("doc_id", ""))[:8],
            title=str(meta.get("title", path)),
            path=path,
            url=meta.get("url"),
            publisher=meta.get("publisher"),
            date=meta.get("date"),
            n_chunks=int(meta.get("n_chunks", 0)),
        )


class KnowledgeService:
    """Answers questions from the indexed corpus."""

    def __init__(
        self,
        *,
        settings: Settings,
        store: ChromaStore,
        embedder: Embedder,
        retriever: HybridRetriever,
        extractive: ExtractiveAnswerer,
        gate: Gate | None = None,
        llm: LLMAnswerer | None = None,
    ) -> None:
        self.settings = settings
        self.store = store
        self.embedder = embedder
        self.retriever = retriever
        self.extractive = extractive
        self.gate = gate or Gate(lexical=lambda: retriever.lexical)
        self.llm = llm

    @classmethod
    def from_settings(
        cls, settings: Settings, *, embedder: Embedder | None = None
    ) -> KnowledgeService:
        """Build every backend the settings name (no network unless an LLM/server is configured)."""
        from knowledge.embedders import make_embedder
        from knowledge.extractive import ExtractiveAnswerer
        from knowledge.gate import Gate, Thresholds
        from knowledge.retriever import HybridRetriever
        from knowledge.store import ChromaStore, make_client

        embedder = embedder or make_embedder(settings)
        store = ChromaStore(
            client=make_client(settings), embedder_id=embedder.id,
            timeout_s=settings.store_timeout_s,
        )
        retriever = HybridRetriever(store=store, embedder=embedder)
        extractive = ExtractiveAnswerer(retriever=retriever)
        gate = Gate(
            lexical=lambda: retriever.lexical, thresholds=Thresholds.for_embedder(embedder.id)
        )
        llm = None
        if settings.llm_enabled:
            from knowledge.llm_answerer import LLMAnswerer

            llm = LLMAnswerer.from_settings(settings, fallback=extractive)
        return cls(
            settings=settings,
            store=store,
            embedder=embedder,
            retriever=retriever,
            extractive=extractive,
            gate=gate,
            llm=llm,
        )

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """Answer one question, using earlier turns of the same chat to resolve follow-ups."""
        # a background ingest in this process holds its passage batches while a worker waits
        answering = getattr(self.embedder, "answering", None)
        with answering() if answering is not None else nullcontext():
            return self._ask(question, history)

    def _ask(self, question: str, history: Sequence[Turn]) -> Answer:
        started = time.perf_counter()
        vocab = self.retriever.lexical
        asked = question  # as typed: what the answer and the question log keep
        if len(history) > 1 and (rest := question_mod.back_to_first(question)):
            question, history = rest, history[:1]  # the chat's first topic, asked again
        standalone = question
        own = question_mod.read(question, vocab)
        # "zodiak hari ini" after a pay question is a new question, not a follow-up about pay:
        # a question whose own words the articles mostly never use, and that points back to
        # nothing ("dia", "-nya"), borrows no context
        if history and (question_mod.changes_topic(question) or not self._leans_on_history(own)):
            history = ()
        if history:
            if self.llm is not None:
                standalone = self.llm.rewrite(question, history)
            else:
                standalone = self.extractive.resolve_followup(question, history)
        read = own if standalone == question else question_mod.read(standalone, vocab)
        # an LLM reads more passages than a quote needs: recall matters more than rank there
        k = self.settings.llm_max_passages if self.llm else 8
        passages = self.retrieve(read, k=k)
        verdict = self.gate.decide(read, passages)
        if history and standalone == question and not verdict.found:
            # it looked complete but finds nothing alone: read it in the chat's context
            # ("yg ikut voting ada brp org?" after a question about the Nairobi union)
            leaning = self.extractive.resolve_followup(question, history, force=True)
            if leaning != question:
                read2 = question_mod.read(leaning, vocab)
                passages2 = self.retrieve(read2, k=k)
                verdict2 = self.gate.decide(read2, passages2)
                if verdict2.found:
                    standalone, read, passages, verdict = leaning, read2, passages2, verdict2
        if (
            history and standalone != question and not verdict.found
            and _of_its_own(own) and not question_mod.names_someone_before(own)
            and not question_mod.changes_topic(question)
        ):
            # read with the chat it finds nothing, but it is a question of its own ("… pelatih
            # percakapan AI, tugsnya dtg tiap brp lama" after a question about OpenAI's staff)
            own_passages = self.retrieve(own, k=k)
            own_verdict = self.gate.decide(own, own_passages)
            if own_verdict.found:
                standalone, read, passages, verdict = question, own, own_passages, own_verdict
        if not verdict.found and not verdict.absent and (self.llm is None or verdict.off_topic):
            # two questions in one message ("bisa cuma modal hp? savreux kerjanya pake apa"):
            # one the articles answer is answered, and what they miss of the other is named (an
            # LLM reads the whole message over its passages: only when it would not be asked)
            one = self._one_of_several(standalone, vocab, k)
            if one is not None:
                read, passages, verdict = one
        logger.debug("question %r read as %s; verdict %s", standalone, read, verdict)
        def offline() -> Answer:
            if not verdict.found:
                return self.extractive.not_found(question, verdict.absent)
            return self.extractive.answer(
                question, passages, standalone=standalone, read=read, verdict=verdict
            )

        if self.llm is not None and not verdict.off_topic:
            # the LLM judges everything but the clearly off-topic; its refusal decides `found`,
            # and when it fails the offline decision stands
            answer = self.llm.answer(question, passages, standalone=standalone, offline=offline)
        else:
            answer = offline()
        answer.question = asked
        answer.standalone_question = standalone
        answer.latency_ms = (time.perf_counter() - started) * 1000
        return answer

    def _one_of_several(
        self, text: str, vocab: LexicalIndex, k: int
    ) -> tuple[Question, list[Passage], Verdict] | None:
        """The one question of a several-question message that the articles answer in full.

        Only a question naming every known name of the message stands alone ("Savreux kerja
        brp jam sehari? seminggu brp jam?" asks the second of Savreux too); a later one that
        points back without a name ("outlier ai itu legit? gajiannya tiap hari apa?") and a
        two-word one ("Harus lapor SPT kah?") do not; a partial answer to one of two questions
        would answer neither.
        """
        reads = [question_mod.read(q, vocab) for q in question_mod.questions_in(text)]
        # a place is where someone is or goes ("… bisa kerja dari rumah? gak perlu pindah ke
        # amerika?"), not whom a question is about
        named = [
            {t for c in r.concepts if c.entity and c.known and not _placed(r, c)
             for t in c.terms}
            for r in reads
        ]
        everyone = set().union(*named)
        for n, (piece, names) in enumerate(zip(reads, named, strict=True)):
            if everyone - names or piece.kind == "topic" or (
                # "pajaknya gmn? hrs lapor kmn": a later question of one word of its own goes on
                # with the first one's topic
                n and not names and (question_mod.points_back(piece) or len(piece.subject) < 2)
            ):
                continue
            passages = self.retrieve(piece, k=k)
            verdict = self.gate.decide(piece, passages)
            if verdict.outcome == "answered":
                others = [name for m, other in enumerate(reads) if m != n
                          for name in unspoken(other, passages)]
                missing = tuple(dict.fromkeys(others))[:3]
                outcome: Outcome = "partial" if missing else "answered"
                return piece, passages, replace(verdict, outcome=outcome, missing=missing)
        return None

    def _leans_on_history(self, read: Question) -> bool:
        """A pronoun points back, or the articles use most of its own words (idf-weighted)."""
        if question_mod.points_back(read):
            return True
        subject = read.subject or read.concepts
        if not subject:
            return True  # "bedanya apa?", "kenapa?": nothing of its own, all context
        weights = [(c, self.gate.weight(c)) for c in subject]
        total = sum(w for _c, w in weights)
        return total == 0 or sum(w for c, w in weights if c.known) / total >= 0.5

    def retrieve(self, read: Question, k: int = 5) -> list[Passage]:
        """Passages for a read question: several articles for lists, each side of a comparison."""
        wide = read.kind in ("list", "compare", "topic") or bool(read.parts)
        # an LLM judges every passage it gets, so its fusion pools run deeper (recall over rank);
        # the offline gate and sentence choice are calibrated on the default depth
        depth = LLM_DEPTH if self.llm is not None else None
        passages = self.retriever.retrieve(
            read.retrieval_text, k=k * 3 if wide else k, depth=depth
        )
        per_part: list[list[Passage]] = []
        if read.parts:
            per_part = [self.retriever.retrieve(part, k=3, depth=depth) for part in read.parts]
            passages = _interleave([passages, *per_part])
        if wide:
            passages = diversify(passages, k + 1)
        if question_mod.asks_if_schooling_is_enough(read.clean):
            passages = self._with_beginners_posting(passages, depth)
        if read.personal and read.kind == "how_much":
            passages = self._with_own_role(read, passages, depth)
        if per_part and read.kind not in ("list", "compare", "topic"):
            # the parts of one question ("dipecat bulan apa, terus dari tim apa") keep their
            # own best two passages, however many other articles a list would want
            own = _interleave([ranked[:2] for ranked in per_part])
            kept = {p.id for p in own}
            passages = (own + [p for p in passages if p.id not in kept])[: k + 1]
        return passages[: k + 1] if wide else passages

    def _with_beginners_posting(
        self, passages: list[Passage], depth: int | None
    ) -> list[Passage]:
        """ "Saya cuma tamat SMK, bisa jadi pelatih AI? takutnya harus sarjana": the asker's story
        (a barber, a degree) pulls other passages up; a job posted for beginners, wherever it
        is, answers it, so it is looked at third, and who is hired at the top fourth."""
        # (query, what the passage must say, where it goes, how many are looked at)
        looked_up = (
            ("pekerjaan level pemula", question_mod.ENTRY_LEVEL, 2, 3),
            # "… atau harus sarjana?": who is hired at the top answers it too
            ("pelatih berkualifikasi tinggi profesional bergelar", question_mod.HIGHLY_QUALIFIED,
             3, 2),
        )
        for query, wanted, at, k in looked_up:
            have = {p.id for p in passages}
            for found in self.retriever.retrieve(query, k=k, depth=depth):
                if found.id in have:
                    break
                if wanted.search(found.text):
                    passages = [*passages[:at], found, *passages[at:]]
                    break
        return passages

    def _with_own_role(
        self, read: Question, passages: list[Passage], depth: int | None
    ) -> list[Passage]:
        """ "dulu saya akuntan, skrg kerja di dapur hotel di bali … bayarannya brp?": the story
        retrieves the kitchen and Bali; a passage naming the asker's role, when an article
        does, tells what people like them are paid, so it is looked at third. (Only for the
        pay: asked what the work is, "saya guru BK" brought "guru seni bahasa" in place of the
        tasks, h10.)"""
        for role in question_mod.own_roles(read):
            if any(role.terms & set(p.tokens.split()) for p in passages):
                continue
            found = next((
                p for p in self.retriever.retrieve(role.surface, k=3, depth=depth)
                if role.terms & set(p.tokens.split())
            ), None)
            if found is not None:
                passages = [*passages[:2], found, *passages[2:]]
        return passages

    def refresh(self) -> bool:
        """Reload the lexical index if the store changed (another process may have ingested)."""
        return self.retriever.refresh()

    def articles(self) -> list[ArticleInfo]:
        """Every indexed article, sorted by path."""
        seen: dict[str, ArticleInfo] = {}
        for _id, _text, meta in self.store.iter_all(with_documents=False):
            path = str(meta.get("path", ""))
            if path not in seen:
                seen[path] = ArticleInfo.from_metadata(meta)
        return sorted(seen.values(), key=lambda a: a.path)


def _of_its_own(read: Question) -> bool:
    """Enough words of its own to be answered without the chat: three, or two the articles use
    ("benefit-nya ada gak? asuransi gitu?" after a question about Savreux's rate)."""
    subject = read.subject
    return len(subject) >= 3 or (len(subject) == 2 and all(c.known for c in subject))


def diversify(passages: Sequence[Passage], k: int) -> list[Passage]:
    """The best passage of each article first, then the rest, in rank order (lists, comparisons)."""
    firsts: list[Passage] = []
    rest: list[Passage] = []
    seen: set[str] = set()
    for passage in passages:
        (rest if passage.doc_id in seen else firsts).append(passage)
        seen.add(passage.doc_id)
    return (firsts + rest)[:k]


# moving somewhere: "pindah ke amerika", "berangkat ke jepang", "move to the US"
_MOVING = {"pindah", "pergi", "berangkat", "merantau", "terbang", "balik", "pulang", "move",
           "relocate", "go"}


def _placed(read: Question, name: Concept) -> bool:
    """The name is where someone would go ("gak perlu pindah ke amerika?"), or a town of the
    gazetteer: a place, not whom a question asks about ("di Scale AI" is an employer)."""
    before = read.clean.split()[: name.position]
    return (
        len(before) >= 2 and before[-1] in ("ke", "to") and before[-2] in _MOVING
    ) or question_mod.is_town(name.surface)


def _interleave(lists: Sequence[Sequence[Passage]]) -> list[Passage]:
    """Round-robin merge of ranked lists, each passage once."""
    out: list[Passage] = []
    seen: set[str] = set()
    for i in range(max((len(x) for x in lists), default=0)):
        for ranked in lists:
            if i < len(ranked) and ranked[i].id not in seen:
                seen.add(ranked[i].id)
                out.append(ranked[i])
    return out
