"""The QA sets: the shared dev set must pass fully; our wider set guards against overfitting."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from knowledge.evaluation import evaluate, load_items
from knowledge.settings import Settings
from knowledge.types import Answer, Source, Turn

EVAL = Path(__file__).resolve().parent.parent / "eval"


def test_dev_set_all_facts_and_refusals(seed_service: Any) -> None:
    report = evaluate(seed_service, load_items(EVAL / "dev.jsonl"))
    totals = report.totals()
    assert (totals["facts_passed"], totals["facts_total"]) == (12, 12), report.to_text()
    assert (totals["refused_passed"], totals["refused_total"]) == (3, 3), report.to_text()
    assert totals["found_with_citation"] == totals["found_total"]


def test_wider_set_of_colloquial_english_and_noise_questions(seed_service: Any) -> None:
    """eval/extra.jsonl: questions written for this project, not tuned one by one.

    Measured 31/32 facts and 16/16 refusals; the floor leaves room for honest trade-offs but
    catches a regression. Every found answer must cite.
    """
    report = evaluate(seed_service, load_items(EVAL / "extra.jsonl"))
    totals = report.totals()
    assert totals["facts_passed"] >= 29, report.to_text()
    assert totals["refused_passed"] == totals["refused_total"], report.to_text()
    assert totals["found_with_citation"] == totals["found_total"]


# -- outcomes per type, truthfulness, history, baseline, facts reaching the LLM -----------------
class ScriptedAsker:
    """Answers from a dict question -> (text, found, partial); records the history it got."""

    def __init__(self, script: dict[str, tuple[str, bool, bool]]) -> None:
        self.script = script
        self.calls: list[tuple[str, list[str]]] = []

    def ask(self, question: str, history: Sequence[Turn] = ()) -> Answer:
        """The scripted answer, cited [1] when found."""
        self.calls.append((question, [t.question for t in history]))
        text, found, partial = self.script[question]
        source = Source(n=1, title="t", url=None, path="corpus/x.md", text=text, score=1.0)
        return Answer(question=question, text=text, found=found, mode="extractive",
                      partial=partial, sources=[source] if found else [])


ITEMS = [
    {"id": "1", "kind": "fact", "type": "list", "question": "q1", "facts": [["15"], ["kenya"]]},
    {"id": "2", "kind": "fact", "type": "list", "question": "q2", "facts": [["15"], ["kenya"]]},
    {"id": "3", "kind": "fact", "type": "personal", "question": "q3", "facts": [["15"]]},
    {"id": "4", "kind": "fact", "type": "personal", "question": "q4", "facts": [["15"]]},
    {"id": "5", "kind": "out_of_scope", "type": "offtopic", "question": "q5"},
    {"id": "6", "kind": "out_of_scope", "type": "absent", "question": "q6"},
    {"id": "7", "kind": "fact", "type": "followup", "question": "q7", "facts": [["asuransi"]],
     "history": ["q1", "q3"]},
]
SCRIPT = {
    "q1": ("Upah 15 dolar, serikat di Kenya [1].", True, False),  # correct
    "q2": ("Upah 15 dolar [1].", True, True),  # partial
    "q3": ("Maaf, belum ada.", False, False),  # refused
    "q4": ("Upah 20 dolar [1].", True, False),  # wrong
    "q5": ("Resep rendang [1].", True, False),  # wrong: answered out of scope
    "q6": ("Maaf, belum ada.", False, False),  # correct
    "q7": ("Tanpa asuransi [1].", True, False),  # correct
}


def test_outcomes_per_type_and_truthfulness() -> None:
    report = evaluate(ScriptedAsker(SCRIPT), ITEMS)
    assert [i.outcome for i in report.items] == [
        "correct", "partial", "refused", "wrong", "wrong", "correct", "correct"
    ]
    types = report.types()
    assert types["list"] == {"n": 2, "correct": 1, "partial": 1, "refused": 0, "wrong": 0,
                             "truthfulness": 0.5}
    assert types["personal"]["truthfulness"] == -0.5
    assert types["offtopic"]["truthfulness"] == -1.0
    assert types["all"]["n"] == 7
    assert types["all"]["truthfulness"] == round((3 - 2) / 7, 3)
    assert list(types)[-1] == "all"
    text = report.to_text()
    assert "truth" in text
    assert text.splitlines()[-1].startswith("facts 2/5, refused 1/2")
    assert report.to_json()["types"] == types


def test_history_is_asked_first_in_the_same_chat() -> None:
    asker = ScriptedAsker(SCRIPT)
    evaluate(asker, [ITEMS[6]])
    # q3 was refused, so (as in the bot) it is not remembered for the follow-up
    assert asker.calls == [("q1", []), ("q3", ["q1"]), ("q7", ["q1"])]


def test_untyped_files_keep_their_old_text_report() -> None:
    items = [{k: v for k, v in item.items() if k not in ("type", "history")} for item in ITEMS]
    report = evaluate(ScriptedAsker(SCRIPT), items)
    assert "truth" not in report.to_text()
    assert set(report.types()) == {"fact", "out_of_scope", "all"}


def test_top_chunk_baseline_never_refuses() -> None:
    chunks = {"q1": "15 dolar di Kenya", "q2": "", "q3": "15", "q4": "x", "q5": "rendang",
              "q6": "apa saja", "q7": "asuransi"}
    report = evaluate(ScriptedAsker(SCRIPT), ITEMS, top_chunk=chunks.get)
    assert [i.baseline for i in report.items] == [
        "correct", "wrong", "correct", "wrong", "wrong", "wrong", "correct"
    ]
    baseline = report.baseline_types()
    assert baseline is not None
    assert baseline["all"]["truthfulness"] == round((3 - 4) / 7, 3)
    assert "top chunk" in report.to_text()


def test_facts_reaching_the_llm_through_the_echoing_stub(
    seed_settings: Settings, seed_service: Any, embedder: Any
) -> None:
    """With the stub returning every passage it was given, the answers and the recorded context
    both show which facts reached the LLM; the in-process echo model measures the same."""
    from knowledge.evaluation import record_llm_context
    from knowledge.service import KnowledgeService
    from tests.support.openai_stub import echo_passages, running_stub

    items = load_items(EVAL / "dev.jsonl")[:8]
    with running_stub(responder=echo_passages) as stub:
        settings = seed_settings.model_copy(
            update={"openai_base_url": stub.base_url, "llm_max_answer_chars": 100_000}
        )
        service = KnowledgeService.from_settings(settings, embedder=embedder)
        report = evaluate(service, items, llm_context=record_llm_context(service))
        assert stub.chat_requests
    context = report.llm_context()
    assert context is not None
    assert context["facts_total"] == 8
    assert context["facts_reaching"] >= 7  # measured 8/8 on the seed corpus
    for item in report.items:
        if item.kind == "fact" and item.context_has_facts:
            assert item.outcome == "correct", item  # the echo shows what reached it

    offline = KnowledgeService.from_settings(seed_settings, embedder=embedder)
    again = evaluate(offline, items, llm_context=record_llm_context(offline))
    assert again.llm_context() == context
    assert "facts reaching the LLM" in again.to_text()


# eval/workers.jsonl, the held-out eval/holdout.jsonl, eval/fresh.jsonl and the blind sets
# eval/blind-a.jsonl … eval/blind-z.jsonl, eval/blind-aa.jsonl … eval/blind-az.jsonl,
# blind-ba … blind-bz, blind-ca … blind-cp.
#
# workers.jsonl was written before tuning and then tuned on; holdout.jsonl was only ever read
# as totals; fresh.jsonl was written after the tuning of 2026-12-02 and run once (two general
# bugs it found were fixed). The blind sets were written by helpers who saw only the articles,
# never the rules, each run once before being read, then used to find general bugs.
# Measured (docs/quality.md) 87/100, 32/40, 21/23, 32/36, 29/36, 39/44, 33/44, 40/44, 32/44,
# 41/44, 40/44, 34/44, 31/44, 36/44, 32/44, 37/44, 32/44 and 23/44 facts, every out-of-scope
# item refused but one of blind-d, one of blind-f, one of blind-h, three of blind-i, four of
# blind-k, two of blind-l, two of blind-m and two of blind-n. The floors leave a little room
# for honest trade-offs; refusing the out-of-scope must not regress.
_WORKER_STYLE_SETS = [
    ("workers.jsonl", 83, 0.75, 0),
    ("holdout.jsonl", 30, 0.7, 0),
    ("fresh.jsonl", 19, 0.7, 0),
    ("blind-a.jsonl", 29, 0.75, 0),
    ("blind-b.jsonl", 25, 0.65, 0),
    ("blind-c.jsonl", 34, 0.7, 0),
    # the last blind set as it stands: "cara daftar BPJS ketenagakerjaan buat freelancer"
    # is still answered (docs/quality.md); no more may leak
    ("blind-d.jsonl", 28, 0.6, 1),
    ("blind-e.jsonl", 36, 0.8, 0),
    ("blind-f.jsonl", 28, 0.5, 0),
    ("blind-g.jsonl", 39, 0.85, 0),
    # "gaji bulanan … di Indonesia" (a partial with the hourly pay) still leaks
    ("blind-h.jsonl", 38, 0.7, 1),
    # "lowongan … ditutup kapan", "tes masuk invisible tech": every word is in the articles,
    # the answer is not (docs/quality.md)
    ("blind-i.jsonl", 32, 0.55, 2),
    ("blind-j.jsonl", 28, 0.6, 0),
    # whom Netflix hired: every word is in the articles, the answer not
    ("blind-k.jsonl", 33, 0.55, 1),
    # a union "di Indonesia" (a partial about Kenya), the Rp17 juta teaser line that
    # cleaning removes
    ("blind-l.jsonl", 29, 0.5, 2),
    # "upah minimum di Kansas City …, dibandingkan dengan $15 yang diterima Savreux" (the
    # question names Savreux, whose pay is there), Scale AI's hourly pay beside Invisible's
    ("blind-m.jsonl", 35, 0.65, 2),
    # an appeal at Invisible Tech
    ("blind-n.jsonl", 29, 0.45, 1),
    ("blind-o.jsonl", 21, 0.45, 0),
    # first runs (before any fix they prompted): p 35/44, q 34/44. Still answered: Invisible
    # Tech's cut of the pay (p06) and Bonsai's funding (q16): every word is in the articles
    ("blind-p.jsonl", 35, 0.75, 1),
    ("blind-q.jsonl", 35, 0.7, 1),
    # first run 34/44, 11/16 (eastern Indonesia, Manado/Ambon/Papuan Malay). Still answered:
    # how to apply at Invisible Technologies (r20)
    ("blind-r.jsonl", 35, 0.7, 1),
    # first run 36/44, 10/16 (factory workers, speech-to-text, Sundanese and Betawi). Still
    # answered: how to apply at "skel ai" (a misheard Scale AI)
    ("blind-s.jsonl", 35, 0.65, 1),
    # first run 34/44, 13/16 (call-centre and BPO staff, code-switching, formal letters). Still
    # answered: whom Netflix hired, Bonsai's funding
    ("blind-t.jsonl", 37, 0.75, 2),
    # first run 39/44, 13/16 (ojol drivers and shop owners in Makassar, Medan, Palembang,
    # Kupang, Ambon; regional particles, two questions in one message)
    ("blind-u.jsonl", 38, 0.85, 0),
    # first run 37/44, 11/16 (migrant workers abroad and village housewives, Javanese and
    # Sundanese words). Still answered: an entry test (v06), two English questions naming
    # things no article knows (v27, v33)
    ("blind-v.jsonl", 38, 0.75, 3),
    # first run 37/44, 14/16 (freelancers on Upwork and Fiverr in Surabaya, Semarang, Denpasar,
    # Lombok, Aceh; East Javanese words, questions passed on from a WhatsApp group)
    ("blind-w.jsonl", 41, 0.85, 0),
    # first run 30/44, 13/16 (older and laid-off workers and parents in Makassar, Medan,
    # Palembang, Kupang, Ambon, Bekasi; Sumatran and eastern Malay, vowel-less typing, a figure
    # misremembered). Still failing: the teasers cleaning removes (x04, x08, x39)
    ("blind-x.jsonl", 34, 0.75, 0),
    # first run 29/44, 15/16 (migrant workers abroad and their families, voice typing with
    # numbers spelled out, Javanese, Sundanese and Sasak). Still answered: "zakat fitrah … per
    # wong neng lombok" (y56: common words around a topic no article has)
    ("blind-y.jsonl", 37, 0.75, 1),
    # first run 34/44, 14/16 (eastern Indonesian Malay, Medan and Makassar speech, parents over
    # fifty, housewives, SMK students, cheap-phone typing). Still answered: the documents to
    # apply at Invisible Technologies (z50) and the monthly pay in Indonesia (z52), both as
    # partial answers naming what the articles do not cover
    ("blind-z.jsonl", 38, 0.75, 2),
    # first run 31/44, 16/16 (young people who saw AI jobs on TikTok and YouTube, honorary
    # teachers, students, people with disabilities; TikTok slang, names written as heard,
    # "bait dens" for ByteDance). Still failing: the 317 layoffs in a teaser (aa40)
    ("blind-aa.jsonl", 37, 0.8, 0),
    # first run 33/44, 13/16 (older and blue-collar workers, voice notes without punctuation,
    # regional words, "open ei" and "savro" for OpenAI and Savreux). Still failing: the 317
    # layoffs in a teaser (ab30), a migrant worker's voice note on steady pay (ab29), a daily
    # routine (ab20), OpenAI's 1,000 contractors in a chunk dropped as a near-duplicate (ab14)
    # and Savreux's past jobs after a long introduction (ab06)
    ("blind-ab.jsonl", 35, 0.8, 0),
    # first run 35/44, 12/16 (gig workers' group chats: abbreviations, typos, emoji, follow-ups,
    # "cuan", "dikeluarin"). Still failing: ByteDance's other apps in a chunk dropped as a
    # near-duplicate (ac09), how Savreux trains AI (ac36), a label worker's pay asked as a
    # yes/no (ac39); still answered: whom Netflix hired (ac50), which Ubisoft game (ac51),
    # whether ByteDance sued its intern (ac52)
    ("blind-ac.jsonl", 35, 0.7, 3),
    # first run 33/44, 12/16 (officials, instructors, paralegals and HR staff asking for others;
    # formal synonyms, introductions, two questions in one). Still failing: "Ben Zhou" for Ben
    # Zhao (ad23), a mosque youth's daily work told with "kami" (ad32); still answered:
    # Invisible Tech's insurance (ad48), the Kansas City minimum wage (ad52), a feature lead
    # (ad60), the Nairobi union's name asked with its outsourcing firm (ad49), and since
    # "alih daya" reads as outsourcing (2026-12-05) which vendor Savreux worked through (ad45:
    # a partial answer, "contract workers are hired through third parties", no vendor named)
    ("blind-ad.jsonl", 36, 0.7, 5),
    # first run 32/44, 14/16 (Sumatra and Kalimantan: Minang, Banjar, Palembang and Pontianak
    # words, sceptics, who-reported-it questions). Still failing: ByteDance's other apps (ae59),
    # the outlet that interviewed Savreux asked in English (ae50); still answered: the jobs
    # behind a "Rp17 juta per proyek" headline (ae28)
    ("blind-ae.jsonl", 36, 0.7, 2),
    # first run 37/44, 16/16 (Jakarta, Bandung, Surabaya and Yogya students and young workers;
    # code-switching, definitions, comparisons across articles). Still failing: ByteDance's
    # other apps (af13), an IT student asking for an example (af14), the history of cheap tech
    # labour asked "di artikel CNBC itu" (af59: answered, without the punch cards)
    ("blind-af.jsonl", 37, 0.8, 0),
    # first run 31/44, 14/16 (eastern Indonesia: Manado, Ambon, Makassar, Kupang and Papuan
    # Malay, voice-typed run-ons, sceptics). Still failing: Kumar's first tasks (ag34),
    # ByteDance's other apps (ag51), the 317 layoffs (ag30, ag58: a teaser cleaning removes);
    # still answered: what Cohere pays Invisible Tech (ag50)
    ("blind-ag.jsonl", 37, 0.75, 2),
    # first run 34/44, 15/16 (formal askers: a union organiser, a lawyer, HR staff, a village
    # head, a journalist; long preambles, typos, numbers in words). Still failing: a village
    # head's long preamble (ah02), Scale AI among the providers (ah07), the 317 layoffs (ah22),
    # an HR team speaking as "kami" (ah59)
    ("blind-ah.jsonl", 38, 0.85, 0),
    # first run 32/44, 14/16 (Bali, Lombok, Flores, Madura, East Java: hotel staff, guides,
    # drivers, santri; Balinese, Sasak and Madurese words, "bitdens"). Still failing: the 317
    # layoffs (ai14) and a "Rp17 juta per proyek" teaser (ai21), a Javanese accountant's
    # "bayarane per jam iso tekan piro" (ai47, without the $200), Invisible's clients in a
    # three-turn follow-up (ai48)
    ("blind-ai.jsonl", 38, 0.85, 0),
    # first run 41/44, 14/16 (professionals weighing AI training against their own jobs:
    # teachers, nurses, a doctor, bank staff; own pay in rupiah, outlets named). Still
    # failing: how contract trainers are hired, "full time langsung … atau lewat siapa" (aj53)
    ("blind-aj.jsonl", 41, 0.9, 0),
    # first run 38/44, 16/16 (Papua, NTT and Kalimantan couriers; Papuan, Kupang and Banjar
    # words). Still failing: an example of a trainer's prompt asked in Kupang Malay (ak11);
    # Savreux's monthly total (ak48) is half answered since the twenty-third round, as the
    # design says: no monthly sum, here is the hourly one
    ("blind-ak.jsonl", 41, 0.9, 1),
    # first run 33/44, 14/16 (Aceh and West Sumatra; Minang and Acehnese words; blind, wheelchair
    # and laid-off older askers). Still failing: hard times read as homelessness (al04),
    # "building on the side" (al21), a blind asker's list of duties (al30), the teasers (al46,
    # al52), an Acehnese recipe (al50, leaks); the age limit (al06) is refused since the
    # twenty-fifth round
    ("blind-al.jsonl", 37, 0.75, 2),
    # first run 32/44, 15/16 (Sulawesi and Maluku; Makassar, Manado and Ambon words). Still
    # failing: what Savreux does all day at his laptop (am08), the 2024 layoffs teaser (am22)
    ("blind-am.jsonl", 40, 0.85, 0),
    # first run 34/44, 15/16 (Batam and Cikarang workers, returning migrants; Javanese and
    # Malay words). Still failing: the teasers (an07, an36; an16 leaks), why AI firms now hire
    # doctors, asked as "masalahnya apa" (an44)
    ("blind-an.jsonl", 39, 0.85, 1),
    # first run 35/44, 15/16 (Kalimantan; Banjar and Pontianak Malay). Still failing: what AI
    # trainers do, asked after a long story (ao11), the 2024 layoffs teaser (ao55)
    ("blind-ao.jsonl", 40, 0.85, 0),
    # first run 35/44, 15/16 (Bali, Lombok, Yogyakarta; Balinese and Javanese words, a
    # grandchild typing for a grandparent). Still failing: the 2024 layoffs teaser (ap13)
    ("blind-ap.jsonl", 41, 0.9, 0),
    # first run 17/44, 16/16 (Central Javanese krama and ngoko: older parents, disabled
    # workers). Still failing: the teasers (aq19, aq36, aq55), "nopo" as "or" (aq14), a doctor
    # nephew's pay (aq48), "sengaja mengganggu" (aq29), a comparison's second side told as
    # "sing dokter akuntan" (aq60); aq20 and aq28 get a partial "not about Indonesia" answer
    ("blind-aq.jsonl", 35, 0.7, 2),
    # first run 25/44, 16/16 (Riau and Jambi Malay, Betawi, Sundanese). Still failing: the
    # 2024 layoffs teaser (ar14), "sengaja mengganggu" (ar30), an English "organisation pushing
    # for fair pay" (ar11); ar57 gets a partial "not about Indonesia" answer
    ("blind-ar.jsonl", 39, 0.85, 1),
    # first run 22/44, 16/16 (East Java and Madura: Suroboyoan, Madurese, Malang walikan).
    # Still failing: the teasers (as13, as55, as56), a contract worker's status and who
    # contracts them (as44), a lowercase "startup" read as a name (as53), what a trainer does
    # every day (as59)
    ("blind-as.jsonl", 36, 0.8, 0),
    # first run 31/44, 14/16 (Medan, Lampung, migrant workers abroad). Still failing: the
    # teaser (at55), "bisa dari rumah, gajinya brp?" answered for pay only (at07), Kumar's
    # tasks and coworkers (at32, at48, at56), "direkrut … lewat agency" (at34), Savreux's past
    # jobs asked for a "bule" (at45); at16 and at40 get a partial "not about Indonesia" answer
    ("blind-at.jsonl", 35, 0.7, 2),
    # first run 30/44, 12/16 (Makassar and Bugis, Cirebon and Banten, Kupang, voice dictation).
    # Still failing: the teasers (au36, au44), "sengaja mengganggu" (au37), what a CS graduate
    # can do and what Kumar does (au05, au52), Savreux's past jobs typed "per nah" (au55), steady
    # work asked as "tetap ko sonde" (au59); au10, au27 and au30 leak (BPJS on one's own, a union
    # in Indonesia, a minimum age)
    ("blind-au.jsonl", 35, 0.65, 3),
    # first run 33/44, 12/16 (students abroad, Palembang and Pontianak parents, Bekasi slang, a
    # retired teacher). Still failing: the "Rp17 juta" teaser (av56), the intern's team asked
    # after the month (av24), "sengaja mengganggu" (av58); av16, av37 and av40 get a partial
    # "not about Indonesia/Jakarta" answer
    ("blind-av.jsonl", 39, 0.75, 3),
    # first run 32/44, 14/16 (Gen-Z slang, WhatsApp-group mothers, santri, an elderly man
    # typing without vowels). Still failing: the teasers and "Baca juga" headlines (aw01, aw21,
    # aw50), whether the Partnership on AI's guidelines bind (aw09), which firms an accountant
    # would go through (aw17); aw31 gets a partial "not about Indonesia" answer, aw54 leaks
    ("blind-aw.jsonl", 37, 0.75, 2),
    # first run 36/44, 15/16 (Manado and Gorontalo, Hokkien-speaking traders, Flores, truck and
    # ojol drivers). Still failing: the teasers (ax55, ax56), what the Kansas trainer is told
    # to do each day (ax10), OpenAI's contractors asked in slang (ax38); ax16 gets a partial
    # "not about winning" answer
    ("blind-ax.jsonl", 37, 0.8, 1),
    # first run 39/44, 14/16 (Banyumas and Malang Javanese, honorer teachers, Bangka Malay);
    # ay16 and ay25 get partial "not about THR/Indonesia" answers
    ("blind-ay.jsonl", 42, 0.85, 2),
    # first run 35/44, 15/16 (South-Jakarta code-mixing, Deaf users, laid-off factory workers,
    # retired civil servants). Still failing: the teasers (az27, az34, az43), a graduate's
    # "ada contoh orang yg kayak gue" (az15); az05 (severance pay) leaks
    ("blind-az.jsonl", 38, 0.8, 1),
    # first run 37/44, 14/16 (ojek drivers, gamers, Indramayu Javanese, single mothers selling
    # online). Still failing: the "Rp17 juta per proyek" teaser (ba09), why AI needs people
    # told by "membedakan fakta dan fiksi", not "halusinasi" (ba11); ba38 and ba43 get partial
    # "not about Indonesia/BPJS" answers
    ("blind-ba.jsonl", 40, 0.8, 2),
    # first run 36/44, 15/16 (union organisers, foreigners writing textbook Indonesian,
    # caregivers bound for Japan, bootcamp graduates). Still failing: the teasers (bb56,
    # bb59); bb02 (pay per task) leaks
    ("blind-bb.jsonl", 40, 0.85, 1),
    # first run 40/44, 14/16 (affiliate sellers, Gorontalo and North Maluku Malay, laid-off
    # cruise-ship crew, parents asking for their children). Still failing: whether any company
    # follows the Partnership on AI's guidelines (bc55); bc05 and bc16 get partial "not about
    # Indonesia" answers
    ("blind-bc.jsonl", 41, 0.85, 2),
    # first run 37/44, 15/16 (office accountants, Banjar and Pontianak Malay, Tegal Javanese,
    # gig-economy researchers). Still failing: the 317 layoffs teaser (bd51), a Banjar list of
    # a trainer's tasks read as jobs (bd11)
    ("blind-bd.jsonl", 40, 0.9, 1),
    # first run 39/44, 16/16 (Upwork translators, Palu and Kendari Malay, nursing graduates,
    # translation-app typing). Still failing: how Savreux got the job (be05), an English
    # message whose last question names Upwork (be10), the Kenyans' pay as "upah rendah" (be31)
    ("blind-be.jsonl", 39, 0.85, 1),
    # first run 38/44, 16/16 (former call-centre agents, Bima and Sumbawa Malay, Kudus and
    # Jepara Javanese, screen-reader users). Still failing: the teasers (bf19, bf52), what a
    # conversation trainer does asked by an ex-call-centre agent (bf33)
    ("blind-bf.jsonl", 39, 0.85, 1),
    # first run 35/44, 15/16 (Sundanese speakers, Lampung and Central Java farm workers voice
    # typing, ship crew). Still failing: the PHK 2024 teasers (bg19, bg47)
    ("blind-bg.jsonl", 40, 0.9, 0),
    # first run 34/44, 15/16 (academics, Betawi speakers, phonetic spellers). Still failing:
    # why Savreux praises the work (bh07), the intern's team asked in a Betawi follow-up
    # (bh12), the example prompt in a two-part follow-up (bh26), a ChatGPT trainer's daily
    # tasks (bh34)
    ("blind-bh.jsonl", 38, 0.8, 0),
    # first run 36/44, 15/16 (domestic workers, krama-writing Javanese elders, teenagers).
    # Still failing: the PHK 2024 teaser (bi19), a krama follow-up pointing at a company the
    # last answer never named (bi59)
    ("blind-bi.jsonl", 40, 0.9, 0),
    # first run 38/44, 13/16 (Sasak speakers, security guards, forwarded viral messages).
    # Still failing: the teasers (bj35, bj60), how many contractors work with Kumar (bj57)
    ("blind-bj.jsonl", 39, 0.85, 0),
    # first run 39/44, 15/16 (construction workers, traders with money slang, student
    # activists). Still failing: an accountant's hourly pay (bk22), hired directly or through
    # an agency (bk34)
    ("blind-bk.jsonl", 40, 0.9, 0),
    # first run 33/44, 15/16 (online-loan debtors, arisan mothers, officials' shorthand).
    # Still failing: companies to apply to (bl24)
    ("blind-bl.jsonl", 40, 0.85, 0),
    # first run 33/44, 14/16 (laid-off factory workers, Minang speakers, migrant workers
    # abroad). Still failing: the "PHK massal 2024" teasers (bm12, bm17), the staff of the
    # company Savreux works for (bm13)
    ("blind-bm.jsonl", 39, 0.85, 0),
    # first run 40/44, 13/16 (Batak, Makassar and Papuan Malay speakers, santri)
    ("blind-bn.jsonl", 41, 0.9, 0),
    # first run 38/44, 15/16 (EPS workers in Korea, Madurese speakers, event crew)
    ("blind-bo.jsonl", 42, 0.9, 0),
    # first run 34/44, 16/16 (Acehnese speakers, women drivers and street vendors, school
    # counsellors). Still failing: pay per project (bp54, only a teaser gives it)
    ("blind-bp.jsonl", 41, 0.9, 0),
    # first run 32/44, 16/16 (Bangka-Belitung Malay speakers, laid-off startup staff, elderly
    # jamu sellers). Still failing: the "PHK massal 2024" and "17 juta per proyek" teasers
    # (bq02, bq21, bq23), the contractors working with "the young man in Texas" (bq41)
    ("blind-bq.jsonl", 38, 0.85, 0),
    # first run 34/44, 16/16 (Osing speakers, laid-off media workers, Arab-Indonesian
    # community). Still failing: the teaser (br41), a doctor's top hourly pay (br14), how
    # often Kumar gets a task (br17), an Osing "sing sing" (br22)
    ("blind-br.jsonl", 38, 0.85, 0),
    # first run 37/44, 16/16 (Balinese speakers, cruise-ship crew, truck and bus drivers).
    # Still failing: the "PHK massal 2024" teaser (bs13)
    ("blind-bs.jsonl", 41, 0.9, 0),
    # first run 35/44, 15/16 (Cirebon speakers, caregivers in Japan, minimarket cashiers).
    # Still failing: the teasers (bt38, bt57), who earns "15 dolar/jm" asked with where he
    # lives (bt54: the sentence naming the pay names no one)
    ("blind-bt.jsonl", 39, 0.85, 0),
    # first run 37/44, 16/16 (passive-income hunters, Tetun and Dayak Ngaju speakers)
    ("blind-bu.jsonl", 38, 0.85, 0),
    # first run 42/44, 16/16 (MLM sellers, Toraja speakers, santri asking if it is halal)
    ("blind-bv.jsonl", 41, 0.9, 0),
    # first run 39/44, 15/16 (Flores speakers, event crew, pharmacy staff on night shift).
    # Still failing: the teaser (bw05), "butuh manusia buat ngajarin, katanya pinter sendiri"
    # (bw16, just under the gate's coverage), what the ad likens the work to (bw41)
    ("blind-bw.jsonl", 39, 0.88, 0),
    # first run 38/44, 16/16 (krama Javanese, becak and angkot drivers, online resellers)
    ("blind-bx.jsonl", 40, 0.9, 0),
    # first run 35/44, 16/16 (Sabah Malay speakers, barbers and salon workers, graduates
    # without work in their field). Still failing: three teasers (by05, by08, by60)
    ("blind-by.jsonl", 37, 0.8, 0),
    # first run 33/44, 16/16 (teenagers, Riau Islands Malay speakers, blind users of screen
    # readers and voice typing)
    ("blind-bz.jsonl", 38, 0.85, 0),
    # first run 33/44, 13/16 (Karo and Nias speakers, mechanics, nurses bound for Germany).
    # Still answered: the Kansas City minimum wage (ca40), a child's fever medicine (ca26, a
    # partial answer on "keadaan anak Anda")
    ("blind-ca.jsonl", 35, 0.7, 2),
    # first run 36/44, 16/16 (working-holiday makers, kitchen staff, Buton and Muna speakers)
    ("blind-cb.jsonl", 38, 0.85, 0),
    # first run 38/44, 16/16 (PAUD teachers, old people asking through a relative, phone-counter
    # sellers)
    ("blind-cc.jsonl", 40, 0.9, 0),
    # first run 36/44, 13/16 (Mandar and Bugis speakers, dropouts, sports coaches). Still
    # answered as partial: a thesis background (cd06) and the "17 juta per proyek" teaser (cd25)
    ("blind-cd.jsonl", 37, 0.75, 2),
    # first run 32/44, 16/16 (office boys and cleaning staff, Palembang speakers, retold
    # headlines)
    ("blind-ce.jsonl", 36, 0.8, 0),
    # first run 35/44, 13/16 (ship crews, Jambi speakers, screen-reader users). Still answered
    # as partial: the strike's outcome (cf16) and whom Netflix hired (cf20)
    ("blind-cf.jsonl", 38, 0.8, 2),
    # first run 31/44, 15/16 (autocorrecting keyboards, pensioners, night-market sellers). Still
    # answered as partial: a job opening in Jogja (cg43)
    ("blind-cg.jsonl", 33, 0.7, 1),
    # first run 33/44, 15/16 (Serang Javanese speakers, parcel-hub day workers, chatty askers)
    ("blind-ch.jsonl", 35, 0.75, 0),
    # first run 37/44, 14/16 (truck drivers, Lampung speakers, emoji and stretched letters)
    ("blind-ci.jsonl", 39, 0.85, 0),
    # first run 37/44, 14/16 (former prisoners, konveksi tailors, numbered questions). Still
    # answered: a list for the "17 juta per proyek" teaser (cj05), a remedy for gout (cj54)
    ("blind-cj.jsonl", 37, 0.75, 2),
    # first run 36/44, 14/16 (Dayak Ngaju speakers, buskers, askers quoting the bot back).
    # Still answered: what Cohere pays (ck07; the trainers' pay sits near its name)
    ("blind-ck.jsonl", 38, 0.75, 1),
    # first run 37/44, 14/16 (Gulf migrant workers, smallholders, long life stories). Still
    # answered: what a Netflix AI manager must have (cl21)
    ("blind-cl.jsonl", 39, 0.8, 1),
    # first run 37/44, 16/16 (Kaili and Palu speakers, honorary teachers, "jelasin simpel")
    ("blind-cm.jsonl", 39, 0.85, 0),
    # first run 35/44, 15/16 (Kutai speakers, oil-palm workers, gamers). Still answered: the
    # "17 juta per proyek" list (cn59), a fever remedy asked in Jambi Malay (cn27)
    ("blind-cn.jsonl", 38, 0.75, 2),
    # first run 34/44, 15/16 (Mandailing speakers, village midwives, forwarded WA claims)
    ("blind-co.jsonl", 39, 0.85, 0),
    # first run 35/44, 15/16 (Hokkien-speaking shop owners, outsourced guards, odd money)
    ("blind-cp.jsonl", 38, 0.85, 0),
]


@pytest.mark.parametrize(("name", "floor", "truth", "leaks"), _WORKER_STYLE_SETS)
def test_worker_style_sets_hold_their_level(
    seed_service: Any, name: str, floor: int, truth: float, leaks: int
) -> None:
    """Each set at its level (one test per set, so each has its own time budget)."""
    report = evaluate(seed_service, load_items(EVAL / name))
    totals = report.totals()
    assert totals["facts_passed"] >= floor, report.to_text()
    assert totals["refused_passed"] >= totals["refused_total"] - leaks, report.to_text()
    assert totals["found_with_citation"] == totals["found_total"]
    assert report.types()["all"]["truthfulness"] >= truth, report.to_text()


def test_worker_facts_reach_the_llm(
    seed_service: Any, seed_settings: Any, embedder: Any
) -> None:
    """With an LLM, 95 % of workers.jsonl's facts must be in the passages it is sent (measured
    95/100 with the echoing model; the two unanswerable items can never reach it)."""
    from knowledge.evaluation import record_llm_context
    from knowledge.service import KnowledgeService

    service = KnowledgeService.from_settings(seed_settings, embedder=embedder)
    report = evaluate(
        service, load_items(EVAL / "workers.jsonl"), llm_context=record_llm_context(service)
    )
    context = report.llm_context()
    assert context is not None
    assert context["facts_reaching"] >= 95, report.to_text()
