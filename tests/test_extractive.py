"""The offline answerer: grounded sentences, citations, refusals, follow-ups."""

from __future__ import annotations

import re
from typing import Any

import pytest

from knowledge.question import read as read_question
from knowledge.text import terms
from knowledge.types import Turn


def after(answer: Any) -> list[Turn]:
    """The chat history of one earlier turn, as the bot keeps it."""
    return [Turn(answer.question, answer.text, answer.standalone_question)]


def test_pay_question_gets_dollar_figure_with_citation(seed_service: Any) -> None:
    answer = seed_service.ask("Berapa gaji pelatih AI per jam?")
    assert answer.found
    assert answer.mode == "extractive"
    assert "$15" in answer.text
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", answer.text)}
    assert cited
    assert cited == {s.n for s in answer.sources}
    assert len(answer.text) <= 800  # ~600 characters of quotes plus the source name


@pytest.mark.parametrize(
    "question",
    [
        "Siapa presiden pertama Amerika Serikat?",
        "Di mana saya bisa main togel online?",
        "Berapa harga iPhone 16?",
        "Bagaimana cara membuat audio di WhatsApp?",
        "Apa itu VPN?",
        "Berapa gaji driver ojol per hari?",
    ],
)
def test_out_of_scope_and_scraped_noise_are_refused(seed_service: Any, question: str) -> None:
    answer = seed_service.ask(question)
    assert not answer.found
    assert answer.sources == []
    assert "belum ada di artikel" in answer.text


def test_colloquial_question_is_answered(seed_service: Any) -> None:
    answer = seed_service.ask("gaji AI trainer gede ga sih?")
    assert answer.found
    assert "$15" in answer.text or "$200" in answer.text or "15 dollar" in answer.text


def test_same_fact_from_two_outlets_is_not_repeated(seed_service: Any) -> None:
    answer = seed_service.ask("Apa kata Savreux soal pekerja kasar?")
    assert answer.found
    assert answer.text.lower().count("pekerja kasar") <= 1


def test_follow_up_uses_previous_turn(seed_service: Any) -> None:
    first = seed_service.ask("Berapa bayaran Savreux per jam?")
    assert first.found
    assert "15" in first.text
    history = after(first)
    follow = seed_service.ask("Apakah dia dapat tunjangan?", history)
    assert follow.found
    assert "Savreux" in follow.standalone_question
    assert "tanpa tunjangan" in follow.text or "jarang" in follow.text


def test_a_complete_looking_question_that_finds_nothing_is_read_in_context(
    seed_service: Any,
) -> None:
    first = seed_service.ask("kenapa pekerja AI di nairobi bikin serikat?")
    assert first.found
    history = after(first)
    follow = seed_service.ask("yg ikut voting ada brp org?", history)
    assert follow.found
    assert "150" in follow.text
    # alone it finds nothing, and it is not read in a context it was never asked in
    assert not seed_service.ask("yg ikut voting ada brp org?").found


def test_a_question_about_someone_is_answered_from_the_articles_naming_them(
    seed_service: Any,
) -> None:
    answer = seed_service.ask("apa aja kerjaan savreux sebelumnya?")
    assert answer.found
    assert {s.title for s in answer.sources} <= {
        p.title for p in seed_service.retriever.retrieve("Savreux", k=20) if "Savreux" in p.text
    }


def test_where_answers_quote_the_sentence_naming_the_place(seed_service: Any) -> None:
    text = seed_service.ask("jatin kumar tinggal di kota mana?").text
    assert "Austin" in text
    assert "ibu kota" not in text  # "kota" is how one asks, not what the answer says


def test_why_prefers_the_sentence_telling_a_cause_or_consequence(seed_service: Any) -> None:
    # "… jarang atau tidak ada - yang berarti biaya lebih rendah untuk perusahaan teknologi"
    for text in (
        "kok perusahaan teknologi pakai kontraktor, bukan karyawan tetap?",
        "kok perusahaan AI seneng pakai kontraktor, bukan karyawan tetap?",
    ):
        assert "biaya lebih rendah" in seed_service.ask(text).text, text


def test_why_also_takes_what_set_it_off(seed_service: Any) -> None:
    # "Hal tersebut pun memicu kontroversi di tengah pemogokan …": the listing's backlash
    text = seed_service.ask(
        "knp org2 pada protes pas netflix buka lowongan manajer ai yg gajinya gede itu"
    ).text
    assert "pemogokan" in text or "mogok" in text


def test_how_someone_got_the_job_is_how_they_were_hired(seed_service: Any) -> None:
    # "masuk ke kontrak AI setelah melihat lowongan pekerjaan online"
    assert "lowongan" in seed_service.ask("Savreux dapet kerjaan AI ini gimana caranya?").text


def test_how_prefers_the_sentence_telling_the_means(seed_service: Any) -> None:
    # "Dengan bimbingan pelatih manusia, model AI dapat membedakan fakta dan fiksi …"
    for text in (
        "gimana caranya AI bisa bedain fakta sama fiksi?",
        "how do AI models get better at telling fact from fiction?",
    ):
        answer = seed_service.ask(text)
        assert answer.found, text
        assert "bimbingan pelatih manusia" in answer.text, text


def test_a_follow_up_naming_only_a_new_company_quotes_the_old_topic(seed_service: Any) -> None:
    first = seed_service.ask("brp gaji pelatih chatgpt per jam?")
    history = after(first)
    follow = seed_service.ask("klo yg di invisible tech yg profesional brp", history)
    assert "$200" in follow.text


def test_a_story_told_first_is_context_and_feelings_are_not_named_back(
    seed_service: Any,
) -> None:
    answer = seed_service.ask(
        "Jujur aku lagi down banget, udah 8 bulan lulus belum dapet kerja, tabungan makin "
        "tipis. Kerjaan gig AI kayak yang dilakuin Savreux itu beneran ngebantu hidup dia?"
    )
    assert answer.found
    assert "tunawisma" in answer.text  # "… membantu menariknya keluar dari tunawisma"
    assert "Jujur" not in answer.text
    assert "down" not in answer.text


def test_the_short_answer_keeps_the_bound_on_the_amount() -> None:
    from knowledge.extractive import _amount

    assert _amount("dengan upah per jam hingga $200, yang mencerminkan …") == "hingga $200"
    assert _amount("Bayarannya: $15 per jam ke atas, tanpa tunjangan.") == "$15 per jam"
    assert _amount("gaji mulai dari $15 per jam") == "mulai dari $15 per jam"


def test_the_short_answer_takes_the_first_quoted_amount(service_over: Any) -> None:
    service = service_over({"ojol.md": (
        "---\ntitle: Pengemudi Ojol Melabeli Data AI\n---\n"
        "Seorang pengemudi ojek online di Medan mengatakan ia kerja sampingan melabeli data "
        "untuk perusahaan AI pada malam hari.\n"
        "Menurutnya, bayaran pelabelan data di platform itu sekitar Rp25.000 per jam.\n"
    )})
    answer = service.ask("ojol di medan dibayar brp buat melabeli data?")
    assert answer.text.startswith("Singkatnya: sekitar Rp25.000 per jam."), answer.text


def test_off_topic_after_a_pay_question_borrows_no_pay(seed_service: Any) -> None:
    first = seed_service.ask("berapa gaji pelatih AI per jam?")
    history = after(first)
    for text in ("jadwal persib kapan?", "zodiak scorpio hari ini", "cuaca besok gimana"):
        answer = seed_service.ask(text, history)
        assert not answer.found, text
        assert answer.standalone_question == text  # read alone, not as "… gaji pelatih"
    # a pronoun still leans on the chat, whatever its other words
    assert seed_service.ask("dia dapet tunjangan ga?", history).standalone_question != (
        "dia dapet tunjangan ga?"
    )


def test_non_follow_up_is_left_alone(seed_service: Any) -> None:
    history = [Turn("Berapa bayaran Savreux per jam?", "…", "Berapa bayaran Savreux per jam?")]
    question = "Mengapa ByteDance memecat karyawan magang?"
    assert seed_service.extractive.resolve_followup(question, history) == question


def test_follow_up_context_stays_bounded(seed_service: Any) -> None:
    history: list[Turn] = []
    question = "Berapa bayaran Savreux per jam?"
    for follow in ["Apakah dia dapat tunjangan?", "terus asuransinya?", "kalau dia sakit?"]:
        answer = seed_service.ask(question, history)
        history.append(Turn(question, answer.text, answer.standalone_question))
        question = follow
    resolved = seed_service.extractive.resolve_followup(question, history)
    assert len(resolved.split()) <= 40


def test_comparison_gets_a_point_from_each_side(seed_service: Any) -> None:
    answer = seed_service.ask("Lebih gede mana, gaji manajer AI Netflix atau pelatih AI?")
    assert answer.found
    assert "900.000" in answer.text
    assert "15" in answer.text
    assert answer.text.count("\u2022") >= 2
    assert len(answer.text) <= 1000


def test_partial_answer_says_what_the_articles_do_not_cover(seed_service: Any) -> None:
    answer = seed_service.ask("Saya ibu rumah tangga lulusan SMA, bisa kerja jadi pelabel data?")
    assert answer.found
    assert answer.partial
    # "lulusan" is in an article, but it stands inside the asker's description
    assert answer.text.startswith("Artikel saya tidak membahas ibu rumah tangga lulusan SMA ")
    assert "[1]" in answer.text
    assert answer.to_json()["partial"] is True


def test_sentence_leaning_on_the_previous_one_brings_it(seed_service: Any) -> None:
    answer = seed_service.ask("Apa tuntutan penulis yang mogok?")
    assert "Mereka menuntut" in answer.text
    assert "mogok." in answer.text.split("Mereka menuntut")[0]


def test_one_word_union_question_is_about_unions_not_amerika_serikat(seed_service: Any) -> None:
    answer = seed_service.ask("serikat?")
    assert answer.found
    assert "Amerika Serikat" not in answer.text
    assert "serikat pekerja" in answer.text or "Guild" in answer.text


def test_follow_up_switches_topic_and_keeps_subject(seed_service: Any) -> None:
    history: list[Turn] = []
    for q in ("Berapa gaji pelatih AI per jam?", "Apakah dia dapat tunjangan?"):
        a = seed_service.ask(q, history)
        history.append(Turn(q, a.text, a.standalone_question))
    insurance = seed_service.ask("kalau asuransi kesehatan?", history)
    assert insurance.found
    assert "asuransi" in insurance.text.lower()
    assert "$200" not in insurance.text


def test_a_sentence_going_on_about_the_companies_just_named_comes_along(
    seed_service: Any,
) -> None:
    # "… perusahaan seperti Scale AI juga telah bergabung …" tells only that it joined; what
    # such firms do is in the next sentence, opened by a reduplicated noun with "ini"
    answer = seed_service.ask("Scale AI itu kerjanya apa?")
    assert answer.found
    assert "data pelatihan" in answer.text


def test_no_point_opens_on_a_this_whose_antecedent_was_left_out(seed_service: Any) -> None:
    # "Para pelatih ini …" as a later point, once its "seiring …" antecedent no longer fits,
    # is left out rather than told without what "ini" is
    answer = seed_service.ask(
        "knp skrg perusahaan AI nyari pelatih yg ahli, bukan tukang anotasi data lagi?"
    )
    assert answer.found
    points = [line for line in answer.text.splitlines() if line.startswith("•")]
    assert len(points) >= 2
    assert not [p for p in points if re.match(r"• (?:Para \w+|Tren|Hal|[\w-]+) ini\b", p)]


def test_the_best_sentence_leads_even_when_the_article_tells_another_first(
    seed_service: Any,
) -> None:
    # the article tells the pay ("Tingkat gaji para pelatih ini …") before the duty
    answer = seed_service.ask("apa tugas seorang pelatih AI?")
    assert answer.found
    first = answer.text.split("[1]")[0]
    assert "tugas utama" in first
    assert "$200" not in first


def test_a_list_of_someones_jobs_opens_on_the_sentence_announcing_them(
    seed_service: Any,
) -> None:
    answer = seed_service.ask("savreux dulu kerja apa aja?")
    points = [line for line in answer.text.splitlines() if line.startswith("•")]
    assert points
    assert "sandwich" in points[0]


def test_how_often_is_told_by_every_so_many_minutes(seed_service: Any) -> None:
    answer = seed_service.ask("seberapa sering pelatih percakapan dapat tugas baru?")
    assert answer.found
    assert "30 menit" in answer.text


def test_a_follow_up_can_point_back_to_the_chats_first_topic(seed_service: Any) -> None:
    history: list[Turn] = []
    for q in ("berapa umur jatin kumar?", "terus serikat pekerja di kenya anggotanya brp?"):
        a = seed_service.ask(q, history)
        history.append(Turn(q, a.text, a.standalone_question))
    # "balik ke yg pertama tadi": Kumar again, not the Kenyan union just asked about
    answer = seed_service.ask("balik ke yang pertama tadi, dia tinggal di kota mana?", history)
    assert answer.found
    assert "Austin" in answer.text
    assert "pertama" not in answer.standalone_question
    assert answer.question == "balik ke yang pertama tadi, dia tinggal di kota mana?"  # as typed


def test_a_continuation_in_the_next_chunk_travels_with_its_sentence(seed_service: Any) -> None:
    # "…meliputi personalisasi konten untuk pelanggan Netflix." ends one chunk; the next chunk
    # opens with "Dan, meningkatkan pemrosesan pembayaran …"
    answer = seed_service.ask("Apa saja tanggung jawab manajer produk AI yang dicari Netflix?")
    assert answer.found
    assert "personalisasi" in answer.text
    assert "pembayaran" in answer.text


def test_a_point_and_its_antecedent_become_one_point(seed_service: Any) -> None:
    answer = seed_service.ask(
        "ada ga perusahaan yg udah komit ikut pedoman kerja adil buat pekerja data AI?"
    )
    assert answer.found
    bullets = [line for line in answer.text.splitlines() if line.startswith("\u2022")]
    assert bullets  # "ada ga X yang …?" asks for the cases: points
    # "Ini merekomendasikan …" never stands as a point without what "ini" is
    assert not any(b.startswith("\u2022 Ini ") for b in bullets)
    assert "Partnership on AI" in answer.text


def test_reasons_and_personal_situations_are_points(seed_service: Any) -> None:
    why = seed_service.ask("kenapa AI masih butuh dilatih orang, kan udah pinter?")
    assert why.found
    assert "\u2022" in why.text
    assert re.search(r"halusinasi|akura|fakta|label", why.text)
    personal = seed_service.ask(
        "saya lulusan S3 kimia, ada ga kerjaan ngelatih AI buat orang kayak saya"
    )
    assert personal.found
    assert "Ph.D" in personal.text
    assert "lulusan 3" not in personal.text  # "S3" is a degree, not a letter and a digit


def test_pros_and_cons_each_get_their_side(seed_service: Any) -> None:
    answer = seed_service.ask("Apa saja keuntungan dan kerugian jadi pelatih AI?")
    assert answer.found
    bullets = [line for line in answer.text.splitlines() if line.startswith("\u2022")]
    assert len(bullets) >= 2
    assert re.search(r"gaji|bayaran|\$", bullets[0])  # the pros side: the pay, not a downside
    assert any(re.search(r"tidak stabil|jarang|tanpa", b) for b in bullets[1:])


def test_a_chain_of_leaning_sentences_is_told_once(seed_service: Any) -> None:
    # "Kritikus mengutuk …" <- "Alasannya, …" <- "Namun demikian, …": each leans on the one
    # before; all three were chosen as points, and each must be told exactly once
    answer = seed_service.ask("apa alasan kritikus mengecam netflix?")
    assert answer.found
    assert answer.text.count("Alasannya") == 1
    assert "Kritikus mengutuk" in answer.text.split("Alasannya")[0]


def test_a_leaning_chain_is_followed_into_the_chunk_before(seed_service: Any) -> None:
    # "Namun belakangan ini, pekerjaannya kurang praktis" leans on "Dan dia melakukan …", which
    # opens its chunk and leans on "Dia menjadi penjaga …" and "Dia membuat sandwich …" in the
    # chunk before (not retrieved for this question)
    answer = seed_service.ask("apa pekerjaan savreux yang kurang praktis belakangan ini?")
    assert answer.found
    before = answer.text.split("Namun belakangan")[0]
    assert "penjaga" in before
    assert "sandwich" in before
    assert answer.text.count("Dan dia melakukan") == 1


def test_is_there_anyone_who_asks_for_the_cases_even_with_a_longer_noun(
    seed_service: Any,
) -> None:
    # "ada nggak perusahaan teknologi besar yang …": the cases are the answer, as points; and
    # "janji" is the articles' "berkomitmen" (glossary)
    answer = seed_service.ask(
        "ada nggak perusahaan teknologi besar yang sudah janji ikut pedoman itu?"
    )
    assert answer.found
    assert "\u2022" in answer.text
    assert "DeepMind" in answer.text


def test_a_long_point_keeps_the_part_with_the_asked_words() -> None:
    from knowledge.extractive import _shorten

    sentence = (
        "Industri teknologi selama beberapa dekade mengandalkan tenaga kerja dari ribuan pekerja "
        "berketerampilan rendah untuk membangun kerajaan komputernya, hingga kontraktor Google "
        "yang mengeluh tentang status kelas dua, termasuk lencana kuning yang membedakan mereka "
        "dari karyawan tetap."
    )
    kept = _shorten(sentence, 160, around=frozenset(terms("lencana kuning")))
    assert len(kept) <= 160
    assert kept.startswith("...")
    assert "lencana kuning yang membedakan mereka dari karyawan tetap." in kept
    # nothing asked about in it: the opening is kept, as before
    assert _shorten(sentence, 160).startswith("Industri teknologi")
    assert _shorten(sentence, 160).endswith("...")


def test_a_sentence_about_that_thing_goes_on_with_the_one_naming_it() -> None:
    from knowledge.extractive import _leans_back, _refers_back

    told = "AI generatif berbeda dari model AI yang lebih lama."
    # "Semua model itu …" goes on about the models just named
    assert _refers_back('"Semua model itu biasanya disebut model diskriminatif."', told)
    assert _leans_back("Para pelatih ini tidak lagi terbatas pada mahasiswa.")
    # someone told of further back is not what this sentence named
    assert not _refers_back("Orang tersebut adalah pekerja magang di tim periklanan.", told)
    # time words are not a thing told before
    assert not _leans_back("Saat ini Writers Guild of America sedang mogok.")
    assert not _refers_back("Tahun ini model AI makin besar.", told)


def test_a_difference_question_gets_the_explanation_that_follows(seed_service: Any) -> None:
    answer = seed_service.ask("apa beda AI generatif dengan model AI yang lama?")
    assert answer.found
    assert "diskriminatif" in answer.text


def test_then_and_now_gets_a_point_for_each_time(seed_service: Any) -> None:
    # "dulu vs sekarang": the early low-cost annotators and today's doctors and PhDs
    answer = seed_service.ask("dulu vs skrg bedanya siapa yg ngelatih model ai?")
    assert answer.found
    assert "berbiaya rendah" in answer.text
    assert "dokter" in answer.text


def test_the_word_for_an_era_is_not_what_the_then_and_now_sides_are_about(
    seed_service: Any,
) -> None:
    # "di masa awal … sekarang": "masa" frames the time like "jaman"; taken as the topic it
    # matched "di masa depan" and the now side lost today's doctors and analysts
    answer = seed_service.ask("yg melatih AI di masa awal siapa, kalau sekarang siapa?")
    assert "berbiaya rendah" in answer.text
    assert "dokter" in answer.text


def test_who_is_older_of_two_named_people_gives_each_age(seed_service: Any) -> None:
    # "A dan B, siapa yg lebih muda": an age for each side, each told by a sentence naming them
    for question in (
        "Kumar dan Savreux, siapa yg lebih muda?", "Savreux sm Kumar siapa yg lebih tua"
    ):
        answer = seed_service.ask(question)
        assert answer.found
        assert "34 tahun" in answer.text
        assert "22 tahun" in answer.text


def test_a_compared_thing_is_told_by_its_definition(seed_service: Any) -> None:
    answer = seed_service.ask("ai generatif sm model ai yg lama bedanya apa sih")
    assert "menghasilkan teks, gambar" in answer.text
    assert "berbeda dari model AI yang lebih lama" in answer.text


def test_each_side_of_a_pay_comparison_gets_its_sum(seed_service: Any) -> None:
    answer = seed_service.ask(
        "bedain dong gaji pelatih chatgpt kyk savreux sm pelatih profesional di invisible tech"
    )
    assert "15 dollar" in answer.text or "$15" in answer.text
    assert "$200" in answer.text


def test_a_follow_up_comparing_with_something_new_compares_both(seed_service: Any) -> None:
    first = seed_service.ask("Gaji Savreux sebagai pelatih ChatGPT berapa per jam?")
    history = after(first)
    follow = seed_service.ask(
        "Kalo dibandingin sama pelatih profesional di Invisible Tech gimana?", history
    )
    assert follow.found
    assert "$200" in follow.text
    assert "15 dollar" in follow.text or "$15" in follow.text


def test_each_side_of_a_head_count_comparison_gets_its_count(seed_service: Any) -> None:
    answer = seed_service.ask("karyawan tetap openai sm kontraktornya banyakan mana?")
    assert "375 karyawan" in answer.text
    assert "1.000 kontraktor" in answer.text


def test_two_kinds_of_one_job_compared_by_pay_get_both_sums(seed_service: Any) -> None:
    # "yang pemula sama yang udah ahli": the entry-level $15 and the professionals' $200
    answer = seed_service.ask("lebih gede mana bayaran pelatih ai yg pemula sm yg udh ahli?")
    assert "$15" in answer.text
    assert "$200" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Sebelum jadi pelatih AI, Alexej Savreux pernah kerja apa saja?",
        "apa aja sih kerjaan savreux sebelum jd pelatih AI?",
    ],
)
def test_what_someone_did_before_is_not_what_they_do_now(
    seed_service: Any, question: str
) -> None:
    # the jobs are in the chunk before the one retrieved ("Dan dia melakukan … teater"), told
    # as "Dia membuat sandwich …" after "Alexej Savreux … semua jenis pekerjaan"
    answer = seed_service.ask(question)
    assert answer.found
    assert "sandwich" in answer.text
    assert "penjaga" in answer.text or "sampah" in answer.text


def test_a_one_sided_comparison_follow_up_gets_both_sums(seed_service: Any) -> None:
    first = seed_service.ask("yang ngajarin chat gpt dibayar berapa sejam")
    history = after(first)
    follow = seed_service.ask(
        "kalo yang pelatih profesional di invisible tech lebih gede mana", history
    )
    assert follow.found
    assert "$200" in follow.text


@pytest.mark.parametrize("follow", ["mereka dari negara mana aja", "itu orang mana aja"])
def test_where_people_are_from_is_asked_by_its_frame_words(seed_service: Any, follow: str) -> None:
    # "orang mana", "negara mana" ask where; "orang" must not pull in "150 orang" in Nairobi
    first = seed_service.ask("kontraktor openai ada berapa orang sih")
    history = after(first)
    answer = seed_service.ask(follow, history)
    assert answer.found
    assert "Eropa Timur" in answer.text


def test_a_pay_range_leads_with_both_ends(seed_service: Any) -> None:
    # the quoted sentences say "mulai dari $15 per jam" and "upah per jam hingga $200": the
    # lead tells the range, not the ceiling alone
    answer = seed_service.ask("berapa gaji pelatih ai per jam")
    assert answer.text.startswith("Singkatnya: mulai dari $15 per jam hingga $200."), answer.text
    # one person's pay leads with that pay
    assert seed_service.ask("gaji savreux per jam berapa").text.startswith("Singkatnya: $15")


def test_of_two_questions_the_answered_one_is_answered_the_other_named(seed_service: Any) -> None:
    answer = seed_service.ask("boleh gak kerja modal hp doang? savreux kerja pake apa")
    assert answer.found
    assert answer.partial
    first_line = answer.text.splitlines()[0]
    assert "tidak membahas" in first_line
    assert "hp" in first_line
    assert "Savreux" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        # "gajiannya" is the unknown platform's pay: read alone it would be anybody's
        "remotasks itu aman gk sih? gajiannya tiap hari apa?",
        # a name no article knows: the pay asked after it is that platform's
        "remotasks bayarnya lewat apa? gajinya brp per jam?",
        # two words are no question of their own
        "kerja latih ai kena pajak brp persen? harus lapor kah?",
    ],
)
def test_a_question_that_leans_on_the_other_does_not_stand_alone(
    seed_service: Any, question: str
) -> None:
    assert not seed_service.ask(question).found


def test_a_new_topic_said_aloud_borrows_nothing_from_before(seed_service: Any) -> None:
    first = seed_service.ask("netflix nyari manajer ai gajinya brp")
    history = after(first)
    answer = seed_service.ask("oke ganti topik. ubisoft pake ai buat apa", history)
    assert answer.found
    assert "dialog" in answer.text
    assert "netflix" not in (answer.standalone_question or "").lower()


def test_pay_asked_by_another_period_gives_the_sum_and_says_so(seed_service: Any) -> None:
    # the articles give Savreux's pay per hour, never per month; his name is in every
    # sentence of his article, so the sum must not be pushed out by "pada bulan November"
    answer = seed_service.ask("savreux sebulan dapet brp?")
    assert answer.found
    assert answer.partial
    assert "bayaran per bulan" in answer.text.splitlines()[0]
    assert "15 dollar" in answer.text or "$15" in answer.text
    # asked by the period the articles use, nothing is missing
    answer = seed_service.ask("manajer ai netflix setahun dapet brp?")
    assert not answer.partial
    assert "900.000" in answer.text


def test_an_existence_asked_after_its_topic_names_the_cases(seed_service: Any) -> None:
    # "… itu ada perusahaan yg udah komit?": DeepMind is the one that did
    answer = seed_service.ask(
        "pedoman partnership on ai soal kompensasi yg adil itu ada perusahaan yg udah komit ikut ga"
    )
    assert "DeepMind" in answer.text


def test_a_comparison_asked_with_bandingin_gives_both_sums(seed_service: Any) -> None:
    answer = seed_service.ask(
        'ada yg nanya di grup: "bandingin dong rate pelatih ai level pemula sm yg profesional, '
        'beda jauh ga"'
    )
    assert answer.found
    assert "$15" in answer.text
    assert "$200" in answer.text


def test_a_quoted_sentence_comes_with_who_said_it(seed_service: Any) -> None:
    # the quote about labellers ends a sentence later: '… apa-apa," tambahnya.'
    answer = seed_service.ask("siapa yg ngomong kalo tanpa pemberi label ga bakal ada chatgpt?")
    assert '," tambahnya.' in answer.text or "kata Savreux" in answer.text


def test_each_part_of_a_two_count_question_gets_its_own_count(seed_service: Any) -> None:
    # "375 karyawan … tidak termasuk kontraktor" mentions the contractors but does not count them
    answer = seed_service.ask("openai tu karyawannya brp org sih gan? trs kontraktornya ada brp?")
    assert "375" in answer.text
    assert "1.000" in answer.text


def test_a_sum_asked_of_a_loss_comes_from_the_sentence_telling_it(seed_service: Any) -> None:
    # "tidak terpengaruh" shares more words with the question; the loss is in the next sentence
    answer = seed_service.ask("katanya bytedance rugi gede gara2 pemagang itu, brp sih?")
    assert "USD10 juta" in answer.text


def test_a_question_of_its_own_after_another_topic_is_answered_alone(seed_service: Any) -> None:
    # "tugasnya" could point back to OpenAI's staff; read with them it finds nothing
    first = seed_service.ask("openai karyawannya brp org?")
    history = after(first)
    answer = seed_service.ask("pelatih percakapan AI tugasnya datang tiap brp lama", history)
    assert answer.found
    assert "45 atau 30 menit" in answer.text
    # two words the articles use are a question of their own too ("benefit … asuransi")
    first = seed_service.ask("gue CS di Batam, kepikiran pindah jadi AI trainer kyk si Savreux")
    history = after(first)
    answer = seed_service.ask("benefit-nya ada gak? asuransi gitu?", history)
    assert answer.found
    assert "asuransi" in answer.text
    assert "jarang" in answer.text


def test_a_single_point_is_told_as_a_sentence(seed_service: Any) -> None:
    # one sentence found for a worker's situation is no list of "beberapa hal"
    answer = seed_service.ask(
        "mbak aku bmi neng hongkong tadi majikan nonton berita katane netflix nggoleki wong AI "
        "gajine sembilan ratus ribu dolar amerika iku sebulan opo setahun to sakjane piro"
    )
    assert "900.000" in answer.text
    assert "beberapa hal" not in answer.text
    assert "\u2022" not in answer.text


def test_a_claim_told_before_it_is_checked_is_what_is_asked(seed_service: Any) -> None:
    # "Itu betul? Berapa sebenarnya?" has no words of its own: the told claim is the question,
    # the sum heard (5 juta dolar) is what is checked, and who told it stays context
    answer = seed_service.ask(
        "Sa dengar Netflix cari orang buat AI, katong pung tetangga bilang gajinya 5 juta dolar "
        "setahun. Itu betul ka seng? Berapa sebenarnya?"
    )
    assert answer.found
    assert "900.000" in answer.text
    assert "tetangga" not in answer.text.splitlines()[0]


def test_what_a_trainer_does_is_told_by_the_sentence_telling_the_tasks(
    seed_service: Any,
) -> None:
    # the task sentence shares no word with "pelatih AI … ngapain aja"; the asking frame
    # ("kerja", "tugas") is no word a task sentence must hold
    answer = seed_service.ask("ngapain aja sih pelatih AI kayak Savreux pas kerja?")
    assert answer.found
    assert "label" in answer.text


def test_questions_typed_one_after_another_each_get_their_answer(seed_service: Any) -> None:
    answer = seed_service.ask(
        "Jatin Kumar itu kerjanya kayak gimana? Brp lama sekali dia dapet tugas baru?"
    )
    assert "45 atau 30 menit" in answer.text
    # two "what" questions in a follow-up: the position and the game's name
    first = seed_service.ask("Netflix lagi buka lowongan manajer AI ya?")
    answer = seed_service.ask(
        "kalo buat studio gamenya nyari posisi apa? trs game yg disebut di berita itu apa "
        "judulnya?",
        after(first),
    )
    assert "direktur teknis" in answer.text, answer.text
    assert "Scriptic" in answer.text, answer.text


def test_a_subheading_is_never_quoted() -> None:
    from knowledge.extractive import _is_heading

    assert _is_heading("AI untuk Video Game Netflix")
    assert not _is_heading("Video game sering menggunakan pengisi suara dan penulis.")
    assert not _is_heading("dokter, analis keuangan, dan akuntan")


def test_what_is_done_with_a_reported_answer_is_how_it_is_handled(seed_service: Any) -> None:
    answer = seed_service.ask(
        "laporan pengguna soal jawaban chatgpt yg salah diapain sama pekerja kontrak?"
    )
    assert "jenis kesalahan" in answer.text


def test_an_english_job_title_is_no_unknown_name(seed_service: Any) -> None:
    # "Advanced" is the ad's "Tingkat Lanjut", "entry-level" its "level pemula"
    answer = seed_service.ask(
        "What is the starting pay of the entry-level Advanced AI Data Trainer job at Invisible?"
    )
    assert answer.found
    assert "$15" in answer.text


def test_the_asker_who_is_someones_child_is_not_asked_about_their_child(
    seed_service: Any,
) -> None:
    # "saya anak nelayan": the asker is a fisherman's child, not a parent asking for a child
    answer = seed_service.ask(
        "saye anak nelayan kat Anambas, cume tamat SMA, tak de pengalaman kerje. pelatih AI ni"
        " untuk pemule ke atau kene pandai?"
    )
    first = answer.text.splitlines()[0]
    assert "nelayan" in first
    assert "anak Anda" not in first


def test_a_relatives_situation_is_named_as_theirs(seed_service: Any) -> None:
    answer = seed_service.ask(
        "Anak saya baru pulang merantau dan belum dapat kerja tetap. Ada contoh lulusan ilmu "
        "komputer yg kerja kontrak melatih AI? siapa namanya dan berapa umurnya?"
    )
    assert answer.partial
    first = answer.text.splitlines()[0]
    assert "anak Anda" in first
    assert "merantau" not in first
    # a long sentence cut short keeps the name and the age asked for
    assert "Jatin Kumar, 22 tahun" in answer.text


def test_a_cut_sentence_keeps_the_companies_asked_for(seed_service: Any) -> None:
    answer = seed_service.ask("sy dokter, katanya ahli2 skrg dicari buat ngelatih AI. perusahaan "
                              "apa aja yg pake ahli2 kyk gitu?")
    assert "Cohere" in answer.text


def test_how_hard_the_work_is_is_told_by_how_it_starts(seed_service: Any) -> None:
    # "susah" is not an article word; "memulai dengan sangat sederhana" answers it
    answer = seed_service.ask("aku mau coba jd pelatih AI, kerjaan awalnya susah ga sih?")
    assert answer.found
    assert "sederhana" in answer.text


def test_what_happens_next_to_the_thing_told_travels_with_it(seed_service: Any) -> None:
    # "… menangani percakapan 'ditandai' …" goes on "Ketika percakapan yang ditandai masuk, …
    # itu disortir berdasarkan jenis kesalahan"
    answer = seed_service.ask(
        "user ngelaporin jawaban chatgpt yg salah, trus itu diolah gimana sm pekerja kontraknya?"
    )
    assert "jenis kesalahan" in answer.text


def test_a_denied_figure_is_not_given_as_the_short_answer() -> None:
    from knowledge.extractive import _amount

    assert _amount(
        "ByteDance juga membantah laporan yang menyebutkan kerugian lebih dari USD10 juta."
    ) is None
    assert _amount("Insiden ini menyebabkan kerugian lebih dari USD10 juta.") == (
        "lebih dari USD10 juta"
    )


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # "gak cukup lagi pake pekerja murah kayak dulu": the old way, told as the contrast
        (
            "knp skrg perusahaan AI nyari pelatih ahli, gak cukup lagi pake pekerja murah "
            "kayak dulu?",
            "kompleksitas",
        ),
        # "dianggap remeh" is "dipandang sebelah mata" (and "remeh" is no typo of "receh")
        ("pekerja pelatih AI itu dihargai ga sih atau cuma dianggap remeh?", "sebelah mata"),
        # Hollywood is the American film industry the articles speak of
        ("aktor Hollywood yg mogok itu nuntut apa aja?", "royalti"),
        # a name written as heard in a video
        ("kohir itu perusahaan apa sih?", "Cohere"),
        # English mixed in: "developer", "generative", "pake"
        ("which game developer udah pake generative AI?", "Ubisoft"),
        # a sum a friend told the asker, checked: the articles' own sum
        ("saya sopir angkot umur 50 kemarin di warung temen bilang netflix nyari manajer AI "
         "gajinya 3 juta dolar setahun bener gak sih kok gede amat", "900.000"),
        # a point that goes on ("Lalu, perlindungan …") is told whole, past the list's limit
        ("penulis sama aktor amerika yg mogok waktu netflix buka lowongan AI itu nuntut apa aja "
         "sih", "kemiripan"),
        # and one that leans on the sentence before ("Para pelatih ini …" after its cause)
        ("kenapa perusahaan AI skrg nyari dokter sama S3, bukan orang biasa lagi?",
         "kompleksitas"),
        # a company told by what it owns
        ("bytedance yg punya tiktok rugi brp gara2 anak magang", "USD10 juta"),
        # "gr2" is "gara-gara", and to "buka loker" is to post a job
        ("knp netflix dihujat gr2 buka loker ai", "artis"),
        # "dulu … skrg …": then against now
        ("kalo dulu yg ngelatih ai orang kyk gmn, kalo skrg siapa aja", "berbiaya rendah"),
        # "hourly rate" is pay, not a fee of its own
        ("berapa hourly rate pelatih data AI di Invisible Technologies untuk pemula?", "$15"),
        # what the answer is for, and the wish to compare, are no situation of the asker's
        ("Untuk bahan pelatihan di BLK, saya ingin membandingkan bayaran per jam Savreux dengan "
         "pelatih profesional Invisible Tech.", "$200"),
        ("Sebagai bahan rapat, kami ingin mengetahui apa alasan ByteDance memberhentikan "
         "pemagangnya.", "mengganggu"),
    ],
)
def test_worker_wordings_reach_the_sentence_that_answers(
    seed_service: Any, question: str, expected: str
) -> None:
    answer = seed_service.ask(question)
    assert answer.found, answer.text
    assert expected in answer.text, answer.text


def test_a_name_asked_after_a_topic_is_the_name_the_article_gives(seed_service: Any) -> None:
    first = seed_service.ask("netflix lagi cari direktur teknis AI buat studio game ya?")
    answer = seed_service.ask("nama gamenya apa?", after(first))
    assert answer.found, answer.text
    assert "Scriptic" in answer.text, answer.text


@pytest.mark.parametrize(
    "question",
    [
        "apa sih yg dikerjain pelatih chatgpt?",
        "apa yg mereka kerjain tiap hari?",
        "kerjaan jatin kumar sehari-hari kayak gimana?",
    ],
)
def test_asking_what_is_done_is_read_as_asking_for_tasks(question: str) -> None:
    from knowledge.extractive import _asks_activity

    assert _asks_activity(read_question(question))
    assert not _asks_activity(read_question("AI bisa bikin apa aja?"))


def test_a_yes_no_on_the_size_of_pay_is_answered_with_the_sum_first(seed_service: Any) -> None:
    answer = seed_service.ask("bayaran pelatih chatgpt gede gak?")
    assert answer.found, answer.text
    first = answer.text.split("[1]")[0]
    assert "$" in first, answer.text


def test_the_claim_after_a_request_to_be_corrected_is_checked_first(seed_service: Any) -> None:
    # the asker's modesty is no topic ("tidak membahas keliru …"); the sum they give is checked
    answer = seed_service.ask(
        "Mohon dikoreksi kalau saya keliru: Netflix menawarkan kompensasi tahunan 4 juta dolar "
        "untuk manajer produk AI, betul begitu?"
    )
    assert answer.found, answer.text
    assert not answer.partial, answer.text
    assert "900.000" in answer.text.split("[1]")[0], answer.text


def test_a_sentence_announcing_every_kind_brings_each_kind_it_announced(
    seed_service: Any,
) -> None:
    # "… melakukan semua jenis pekerjaan." is followed by three sentences, one job each: the
    # point tells all of them, not the first two
    answer = seed_service.ask("apa saja pekerjaan Savreux sebelum jadi pelatih AI?")
    assert answer.found
    assert "sandwich" in answer.text
    assert "teater" in answer.text


def test_asked_for_the_most_or_the_least_the_answer_leads_with_that_end(
    seed_service: Any,
) -> None:
    most = seed_service.ask("upah pelatih AI paling gede brp per jam?")
    assert most.text.startswith("Singkatnya: hingga $200")
    least = seed_service.ask("upah pelatih AI paling rendah brp per jam?")
    assert least.text.startswith("Singkatnya: mulai dari $15")
    assert "$200" not in least.text.split(".")[0]


def test_companies_named_as_examples_of_the_kind_asked_join_the_list(seed_service: Any) -> None:
    # "perusahaan seperti Scale AI" names one company of the kind asked for
    answer = seed_service.ask(
        "sebutin perusahaan yg nyediain jasa pelatih AI ke perusahaan AI lain"
    )
    assert "Scale AI" in answer.text


def test_what_the_asker_sets_aside_is_not_the_answer(seed_service: Any) -> None:
    answer = seed_service.ask("selain TikTok, ByteDance punya aplikasi apa aja?")
    assert "Doubao" in answer.text


def test_besides_one_company_the_sentence_naming_another_besides_it(seed_service: Any) -> None:
    # "Selain Invisible Tech, perusahaan seperti Scale AI …" answers "selain Invisible …?",
    # told before the "Perusahaan-perusahaan ini …" that leans on it
    answer = seed_service.ask("selain Invisible Tech masih ada perusahaan lain yg menyediakan "
                              "pelatih AI profesional gak sih")
    assert answer.found
    assert "Scale AI" in answer.text


def test_the_trainer_asked_is_not_the_training(seed_service: Any) -> None:
    # "pelatih" (who trains) and "pelatihan" (the training) share a stem; the sentence about
    # ByteDance's "pelatihan mesin AI" tells nothing of what trainers do
    answer = seed_service.ask("pelatih AI tu pekerjaannya apa saja")
    assert answer.found
    assert "ByteDance" not in answer.text


def test_asked_what_a_trainer_does_the_tasks_lead_not_that_he_trains(
    seed_service: Any,
) -> None:
    # "Savreux bertugas melatih …" only says a trainer trains; "perlu memberi label … membuat
    # sejumlah prediksi" is what he does
    answer = seed_service.ask("pelatih AI seperti savreux kerjaannya ngapain aja")
    assert answer.found
    assert "label" in answer.text
    assert "prediksi" in answer.text


def test_asked_what_a_name_is_the_sentence_saying_what_it_is(seed_service: Any) -> None:
    answer = seed_service.ask("partnership on ai yang sering disebut itu sebenarnya apa?")
    assert "organisasi nirlaba" in answer.text


def test_how_many_people_counts_whom_the_question_names(seed_service: Any) -> None:
    answer = seed_service.ask("pegawai tetap openai itu ada berapa orang?")
    assert answer.found
    assert "375" in answer.text.split("[1]")[0]


def test_how_pay_is_counted_or_converted_names_nobody_else(seed_service: Any) -> None:
    answer = seed_service.ask(
        "yang melatih chatgpt dibayar hitungan jam, sejam dapet berapa kalau dirupiahkan"
    )
    assert answer.found
    assert "221.385" in answer.text


def test_a_school_leaver_is_told_of_the_beginners_job_and_that_school_is_not_covered(
    seed_service: Any,
) -> None:
    answer = seed_service.ask("saya cuma tamatan SMK, boleh ikut jadi pelatih AI?")
    assert answer.partial  # no article speaks of SMK
    assert "level pemula" in answer.text


def test_the_most_asked_as_mentok_leads_with_the_ceiling(seed_service: Any) -> None:
    answer = seed_service.ask("pelatih AI level pro sejam paling mentok dibayar berapa?")
    assert answer.text.startswith("Singkatnya: hingga $200")


def test_what_a_job_did_for_someones_life_is_how_it_helped(seed_service: Any) -> None:
    answer = seed_service.ask("pekerjaan AI itu berjasa apa buat hidup savreux?")
    assert "tunawisma" in answer.text


def test_comparing_counts_quotes_each_sides_count(seed_service: Any) -> None:
    # "jumlah" asks a count of each side: Kumar's side is told by his 100 co-workers
    answer = seed_service.ask("lebih gede mana jumlah buruh nairobi yang voting serikat sama "
                              "jumlah kontraktor yg kerja bareng jatin kumar")
    assert "150 orang" in answer.text
    assert "100 kontraktor" in answer.text


def test_of_two_tellings_of_one_fact_the_fuller_is_quoted(seed_service: Any) -> None:
    # the lede says "dicurigai 'mengganggu'", the next paragraph "dengan sengaja mengganggu"
    answer = seed_service.ask("apa sebabnya pemagang di bytedance diberhentikan?")
    assert "sengaja" in answer.text


def test_a_long_sentence_cut_for_a_list_keeps_whom_it_is_about(seed_service: Any) -> None:
    # the figure and the places asked stand in its middle; its opening names who hired them
    answer = seed_service.ask("OpenAI pakai kontraktor dari negara mana saja, berapa orang?")
    assert "OpenAI telah mempekerjakan sekitar 1.000" in answer.text


def test_which_side_has_more_people_is_told_by_each_sides_count(seed_service: Any) -> None:
    answer = seed_service.ask("lebih ramai mana, rekan kontraktor jatin kumar atau pelatih "
                              "profesional invisible tech?")
    assert "100 kontraktor" in answer.text
    assert "5.000" in answer.text


def test_other_firms_providing_a_service_in_english(seed_service: Any) -> None:
    answer = seed_service.ask("apart from Invisible Tech, which other firms provide AI "
                              "trainer services?")
    assert "Scale AI" in answer.text


def test_a_plan_told_first_leaves_the_benefit_asked(seed_service: Any) -> None:
    answer = seed_service.ask("aku mau cari kerja buat isi waktu kosong, kalau pelatih AI "
                              "dapat tunjangan gak?")
    assert "tanpa tunjangan" in answer.text


def test_whether_the_critics_are_right_is_told_by_their_reason(seed_service: Any) -> None:
    answer = seed_service.ask("kenapa netflix dicela waktu cari manajer AI, kan bikin "
                              "lowongan baru. kritiknya valid gak?")
    assert "artis" in answer.text


def test_pay_then_a_yes_no_on_benefits_answers_both(seed_service: Any) -> None:
    answer = seed_service.ask("pernah liat lowongan pelatih data ai di invisible, gaji awalnya "
                              "brp? dapet tunjangan gak?")
    assert "$15" in answer.text
    assert "tanpa tunjangan" in answer.text
    assert not answer.partial  # the benefits are answered, not "not about tunjangan"


def test_hired_through_whom_is_the_go_between(seed_service: Any) -> None:
    answer = seed_service.ask("pelatih AI kontrak biasanya kerja lewat siapa?")
    assert "pihak ketiga" in answer.text


def test_a_side_told_by_its_sum_is_answered_by_the_sentence_giving_it(seed_service: Any) -> None:
    answer = seed_service.ask("gaji setahun manajer AI netflix sama pelatih AI bayaran 200 "
                              "dolar per jam, gedean mana kalau kerja full setahun?")
    assert "$200" in answer.text
    assert "900.000" in answer.text


def test_a_remark_after_a_comparison_does_not_ask_how_to_sign_up(seed_service: Any) -> None:
    answer = seed_service.ask("lebih tinggi mana bayaran pelatih chatgpt biasa sama pelatih "
                              "pakar di invisible tech? aku mau hitung2 dulu sebelum daftar")
    assert answer.found
    assert "$200" in answer.text


def test_a_person_described_by_what_they_talk_to_is_counted_with(seed_service: Any) -> None:
    # "chatbot" is a word the articles use, no name that must stand by the count
    answer = seed_service.ask("kumar yang tugasnya ngetes chatbot itu kerja bareng berapa "
                              "kontraktor?")
    assert "100 kontraktor" in answer.text


def test_a_better_paid_follow_up_compares_both_sums(seed_service: Any) -> None:
    first = seed_service.ask("pelatih chatgpt sejam dibayar berapa?")
    answer = seed_service.ask("kalo yang pakar di invisible tech gimana? lebih gacor?",
                              history=after(first))
    assert "$15" in answer.text or "15 dollar" in answer.text
    assert "$200" in answer.text


def test_a_telling_that_ends_the_message_sets_nothing_aside(seed_service: Any) -> None:
    # "tetangga saya di depok bilang gitu" tells who said it, after the claim: the claim is
    # still what is asked, and the articles' own figure answers it
    answer = seed_service.ask("katanya pelatih chatgpt digaji 60 dolar sejam ya, bener gak? "
                              "tetangga saya di depok bilang gitu")
    assert "$15" in answer.text or "15 dollar" in answer.text


def test_a_remark_that_still_asks_stays_with_the_comparison(seed_service: Any) -> None:
    answer = seed_service.ask("mending jadi pelatih AI pemula atau yang pakar di invisible "
                              "tech? selisih bayarannya gede ga")
    assert "$200" in answer.text


def test_a_sum_per_year_with_its_suffix_is_pay(seed_service: Any) -> None:
    # "jauh ya" is a remark, and "lagi nyari" no pay: the sum answers it
    answer = seed_service.ask("Netflix lagi nyari manajer AI, setahunnya berapa? jauh ya dari "
                              "UMR")
    assert "900" in answer.text


def test_asking_whether_pay_is_the_same_quotes_the_sums(seed_service: Any) -> None:
    first = seed_service.ask("pelatih chatgpt sejam dibayar berapa?")
    answer = seed_service.ask("kalo yg pakar di invisible tech itu? sama gak bayarannya",
                              history=after(first))
    assert "$200" in answer.text


def test_a_university_in_the_askers_story_asks_no_university(seed_service: Any) -> None:
    answer = seed_service.ask("Hi there. My son is leaving university next year. Which AI "
                              "companies does Invisible Tech work for?")
    assert answer.found
    assert "Microsoft" in answer.text


def test_a_tax_question_in_banjar_is_refused(seed_service: Any) -> None:
    assert not seed_service.ask("barapa pajak nang wajib dibayar pelatih AI?").found


def test_an_english_frame_before_the_question_is_set_aside(seed_service: Any) -> None:
    answer = seed_service.ask("a short question from my supervisor: how many employees does "
                              "OpenAI have?")
    assert not answer.partial
    assert "375" in answer.text


def test_whether_any_company_signed_up_names_it(seed_service: Any) -> None:
    # "ada belum perusahaan yang …" after a greeting asks for the cases, by name; the
    # guideline sentence alone names no company that followed it
    answer = seed_service.ask("permisi, udah ada belum perusahaan yang janji ngikutin pedoman "
                              "soal upah adil itu?")
    assert "DeepMind" in answer.text


def test_komit_is_committing(seed_service: Any) -> None:
    # "komit" is "berkomitmen", not a thing the articles leave out
    answer = seed_service.ask("google deepmind itu beneran komit ke pedoman partnership on ai?")
    assert answer.found
    assert not answer.partial
    assert "DeepMind" in answer.text


def test_betawi_words_ask_the_benefits_question(seed_service: Any) -> None:
    answer = seed_service.ask("aye mau nanya, emang pelatih chatgpt entu kagak dapet asuransi "
                              "kesehatan?")
    assert answer.found
    assert "asuransi" in answer.text


def test_an_english_who_said_question_names_the_speaker(seed_service: Any) -> None:
    # "said", "without" and "don't" are no unknown words of the question
    answer = seed_service.ask("Who said that without labelers you don't get ChatGPT?")
    assert answer.found
    assert "Savreux" in answer.text or "Saverux" in answer.text  # one article's spelling


def test_sundanese_why_netflix_was_criticised(seed_service: Any) -> None:
    answer = seed_service.ask("naha Netflix dikritik ku loba jalma?")
    assert answer.found
    assert "artis" in answer.text or "mogok" in answer.text


def test_yg_pro_after_a_pay_question_asks_the_professionals_pay(seed_service: Any) -> None:
    first = seed_service.ask("pelatih chatgpt dibayar brp sejam")
    answer = seed_service.ask("klo yg pro di invisible tech?", history=after(first))
    assert "$200" in answer.text


def test_a_place_ends_the_description_a_partial_answer_names(seed_service: Any) -> None:
    answer = seed_service.ask("ponakan saya kuliah ilmu komputer di Medan, mau kerja kontrak AI "
                              "kayak orang Texas itu, bagus ga buat dia?")
    assert answer.found
    assert "Kumar" in answer.text
    assert "komputer Medan" not in answer.text


def test_a_time_told_by_an_event_answers_when(seed_service: Any) -> None:
    answer = seed_service.ask("situs kayak amazon mechanical turk mulai rame kapan?")
    assert answer.found
    assert "pandemi" in answer.text


def test_the_oldest_age_allowed_is_a_limit_the_articles_never_give(seed_service: Any) -> None:
    assert not seed_service.ask("umur paling tua yang bisa daftar jadi pelatih AI berapa? "
                                "saya udah 50").found


def test_how_far_apart_two_pays_are_quotes_both(seed_service: Any) -> None:
    answer = seed_service.ask("sejauh mana selisih bayaran pelatih pemula dan pelatih "
                              "profesional per jam?")
    assert "$15" in answer.text
    assert "$200" in answer.text


def test_a_betawi_year_and_an_exclamation_keep_the_chat(seed_service: Any) -> None:
    first = seed_service.ask("netflix nyari manajer AI gajinye berape setaon?")
    assert first.found  # Betawi "setaon" is "setahun"
    answer = seed_service.ask("buset gede amat. terus kerjaannye ngapain aje?",
                              history=after(first))
    assert "netflix" in answer.standalone_question.lower()  # read in the chat's context
    assert "personalisasi" in answer.text


def test_a_heading_on_its_own_line_is_never_quoted() -> None:
    from knowledge.extractive import _is_heading

    assert _is_heading("Mengapa ChatGPT adalah pengubah permainan untuk AI", own_line=True)
    assert not _is_heading("Mengapa ChatGPT adalah pengubah permainan untuk AI")
    assert not _is_heading("dokter, analis keuangan, dan akuntan", own_line=True)
    assert not _is_heading("Savreux bekerja dari rumah.", own_line=True)


def test_no_sentence_is_quoted_twice(seed_service: Any) -> None:
    # a point cut short ("… seputar...") and the same sentence brought in front of the next
    # point were once both quoted
    from knowledge.extractive import _holds

    assert _holds("Banyak wacana seputar AI.", "Banyak wacana...")
    assert not _holds("Banyak wacana seputar AI.", "Banyak diskusi...")
    for question in ("terus kerjaannye ngapain aje tuh buset gede amat",
                     "apa kata Sonam Jindal soal AI?"):
        text = seed_service.ask(question).text
        points = [p.split(" [")[0].rstrip(".").removesuffix("..")
                  for p in text.split("\n• ")[1:]]
        for n, point in enumerate(points):
            assert not any(point[:80] in other for other in points[:n] + points[n + 1:])


def test_people_who_do_the_work_are_its_doers(seed_service: Any) -> None:
    # "orang ngelatih ChatGPT" names the trainer with a verb: "orang" is the head of the
    # phrase, and a sentence holding only "Orang tersebut …" (ByteDance's intern) says nothing
    from knowledge.extractive import _doers

    assert _doers("apa saja yang dilakukan orang yang melatih chatgpt") == {"latih"}
    assert _doers("pelatih ai kerjanya apa") == {"latih"}
    assert not _doers("orang kenya dibayar berapa")  # people named by where they are from
    answer = seed_service.ask("orang yg ngelatih chatgpt tu tiap hari ngerjain apa aja sih?")
    assert answer.found
    # a sentence telling their tasks: labels, prompts, or training data and feedback
    assert any(task in answer.text for task in (
        "memberi label", "menghasilkan petunjuk", "menghasilkan data pelatihan"))
    assert "Orang tersebut" not in answer.text


def test_two_questions_of_other_figures_are_each_bound_on_their_own(seed_service: Any) -> None:
    # read as one figure, "how much … and who …" would ask both of one sentence
    answer = seed_service.ask(
        "how much do Invisible Tech trainers earn an hour, and who are the company's customers?"
    )
    assert answer.found
    assert "Microsoft" in answer.text or "AI21" in answer.text
    # the part asking a sum is answered as that question alone would be: its sum first
    assert "$200" in answer.text


def test_paid_cheaply_is_low_pay_in_the_articles_words(seed_service: Any) -> None:
    # "berupah rendah" says "murah" in full: no "tidak membahas murah" caveat before it
    answer = seed_service.ask("openai bayar murah pekerja kenya buat ngapain sih?")
    assert answer.found
    assert not answer.partial
    assert "melabeli" in answer.text


def test_workers_from_makassar_padang_and_papua_are_answered(seed_service: Any) -> None:
    for question, fact in (
        # getting the job ("dapek karajo"), not being able to work
        ("baa caronyo Savreux tu dapek karajo malatiah AI? ambo pun nio", "lowongan"),
        # "ada ji …?" after a lead-in asks which ones there are
        ("iye mau ka tanya, ada ji perusahaan teknologi yg mau ikut pedoman sukarela nya "
         "Partnership on AI itu? atau ndak ada sama sekali", "DeepMind"),
        # a reaction asked for: "menolak berkomentar"
        ("openai ada ngomong apa ga soal pekerja kenya yg bikin serikat? atau diem aja",
         "menolak"),
        ("si jatin kumar itu kerja sama brp org kontraktor lain rupanya", "100"),
    ):
        answer = seed_service.ask(question)
        assert answer.found, question
        assert fact in answer.text, question


def test_comparing_two_peoples_work_tells_each_ones_tasks(seed_service: Any) -> None:
    answer = seed_service.ask("savreux deng jatin kumar tu kerjanya beda kah? sa bingung")
    assert answer.found
    assert "label" in answer.text  # Savreux labels images
    assert "petunjuk" in answer.text  # Kumar writes prompts


def test_a_why_part_is_answered_by_a_reason_whatever_word_asks_it(seed_service: Any) -> None:
    # "didepak" is fired; "gara-garanya apa" asks why, beside a "bulan apa"
    answer = seed_service.ask(
        "Si anak magang ByteDance itu didepak bulan apa ya, terus gara-garanya apa?"
    )
    assert "Agustus" in answer.text
    assert "mengganggu" in answer.text
    fired = seed_service.ask("anak magang bytedance kena depak gara2 apaan dah")
    assert fired.found
    assert "mengganggu" in fired.text


def test_how_things_were_travels_with_the_change_told_next(seed_service: Any) -> None:
    # "Pada tahap awal …, pekerja berbiaya rendah …" then "Namun, … permintaan akan pelatih AI
    # yang berkualifikasi tinggi …" then "Para pelatih ini … dokter praktik …": the past alone
    # would pass itself off as the present
    answer = seed_service.ask("bedanya pelatih ai jaman dulu sm skrg apa sist")
    assert answer.found
    point = next(line for line in answer.text.splitlines() if "tahap awal" in line)
    assert "Namun, seiring" in point
    assert "dokter" in point


def test_each_part_of_one_question_about_one_thing_gets_its_passage(seed_service: Any) -> None:
    # both answers stand in one article: the second part's passage is not crowded out by the
    # best passage of every other article, as a list's would be
    answer = seed_service.ask("anak magang ByteDance dipecat bulan apa terus dia dari tim apa")
    assert "Agustus" in answer.text
    assert "periklanan" in answer.text


def test_two_questions_about_one_person_stay_with_that_person(seed_service: Any) -> None:
    answer = seed_service.ask("berapa umur Jatin Kumar dan di mana dia tinggal")
    assert "Austin" in answer.text
    assert "Kansas" not in answer.text  # Savreux lives there: it answers neither part


def test_a_question_about_a_named_person_quotes_no_one_else(seed_service: Any) -> None:
    # Savreux's age and city (another article, another person) answer nothing about Kumar
    answer = seed_service.ask("Jatin Kumar usia dan tempat tinggal")
    assert "22 tahun" in answer.text
    assert "Kansas" not in answer.text


def test_how_the_work_goes_is_answered_by_what_is_done(seed_service: Any) -> None:
    answer = seed_service.ask("bagaimana sebenarnya cara kerja pelatih AI melatih chatgpt?")
    first = answer.text.split("\n")[1]  # the first point
    assert "label" in first or "petunjuk" in first


def test_the_askers_own_situation_gets_its_sentence(seed_service: Any) -> None:
    # a doctor asking the pay: the sentence saying doctors train AI too is among the points
    answer = seed_service.ask("saya dokter, bisa jadi pelatih AI? bayarannya berapa")
    assert "dokter" in answer.text
    assert "$200" in answer.text


def test_the_pay_of_the_askers_role_comes_with_the_sentence_naming_it(seed_service: Any) -> None:
    # the sentence naming accountants holds no figure; its article's pay sentence does
    answer = seed_service.ask(
        "adik saya akuntan di bekasi, katanya skrg akuntan bisa ngelatih AI. sejam dpt brp? lebih"
        " gede ga dr gajinya"
    )
    lines = answer.text.split("\n")
    named = next(i for i, line in enumerate(lines) if "akuntan" in line)
    assert "$200" in lines[named + 1]


def test_a_remark_after_a_follow_up_does_not_hide_what_it_borrows(seed_service: Any) -> None:
    # "auto sultan ga tuh" (rich at once?) is the asker's aside; the pay is what is asked
    first = seed_service.ask("pelatih chatgpt dibayar brp sejam")
    answer = seed_service.ask(
        "kalo yg pro di invisible tech bisa smpe brp? auto sultan ga tuh", history=after(first)
    )
    assert "$200" in answer.text


def test_a_pull_quote_and_its_caption_do_not_stop_what_goes_on() -> None:
    from knowledge.extractive import _next_in_prose, _refers_back
    from knowledge.types import Passage

    told = "Ini merekomendasikan agar industri menerbitkan pedoman sukarela."
    following = Passage(
        id="a-0013", doc_id="a", path="a.md", title="A", position=13,
        text=(
            "Sonam Jindal\n\npimpinan program untuk AI di Partnership on AI\n\n"
            "DeepMind sejauh ini satu-satunya yang berkomitmen pada pedoman tersebut."
        ),
    )
    nxt = _next_in_prose(told, ['"Banyak wacana seputar AI sangat memberi selamat."'], following)
    assert nxt.startswith("DeepMind")
    # "the said guideline", mid-sentence, is the one just told of
    assert _refers_back(nxt, told)
    assert not _refers_back("Perusahaan tersebut membantah.", told)
    # a quote that is the prose itself (no caption after it) is what goes on
    assert _next_in_prose(told, ['"Ini penting," katanya.', "Lalu dia pergi."], None).startswith(
        '"Ini penting'
    )


def test_the_kind_of_tool_asked_with_its_suffix_is_answered_by_the_laptop(
    seed_service: Any,
) -> None:
    answer = seed_service.ask("jadi pelatih AI bisa kerja dari rumah tidak? terus alatnya apa")
    assert answer.found
    assert not answer.partial
    assert "laptop" in answer.text


def test_what_is_done_once_a_report_comes_in_is_no_way_to_sign_up(seed_service: Any) -> None:
    # ("masuk" after a company's name would ask how to join it)
    answer = seed_service.ask("percakapan yg ditandai pengguna ChatGPT itu diapain abis masuk?")
    assert answer.found
    assert "disortir" in answer.text


def test_whom_a_company_got_for_a_post_is_not_the_posting(seed_service: Any) -> None:
    answer = seed_service.ask("jadi netflix akhirnya dapet siapa buat posisi manajer produk AI?")
    assert not answer.found


def test_the_way_someone_trains_the_ai_is_what_they_do(seed_service: Any) -> None:
    answer = seed_service.ask("gimana cara savreux ngelatih chatgpt?")
    assert "label" in answer.text


def test_schooling_asked_looks_at_the_beginners_posting_whatever_the_story(
    seed_service: Any,
) -> None:
    # the story (a barber, Savreux, a degree) ranks other articles first; the posting for
    # beginners is what answers "can I, with only SMK?"
    answer = seed_service.ask(
        "aku tukang cukur tamatan SMK, bisa gak jd pelatih AI kyk savreux? takutnya harus"
        " sarjana dulu"
    )
    assert "level pemula" in answer.text


def test_a_head_count_asked_of_someone_is_the_sentence_counting_them(seed_service: Any) -> None:
    # where Kumar lives is told paragraphs before the count; the count is what is asked
    answer = seed_service.ask("kumar yg tinggal di texas tu kerja bareng brp kontraktor?")
    assert answer.found
    assert "100 kontraktor" in answer.text.split("[1]")[0]


def test_sebanyak_apa_asks_how_many(seed_service: Any) -> None:
    # ("ribuan" of another sentence is no count of OpenAI's staff)
    answer = seed_service.ask("karyawan tetap openai sebanyak apa sih? kirain ribuan kayak pabrik")
    assert "375" in answer.text


def test_the_askers_role_brings_its_pay_from_a_chunk_not_retrieved(seed_service: Any) -> None:
    # the story (a hotel kitchen in Bali) retrieves the chunk naming accountants, not the one
    # with their pay two chunks later
    answer = seed_service.ask(
        "dulu saya akuntan, skrg kerja di dapur hotel di bali. akuntan bisa ngelatih AI ya?"
        " bayarannya bisa sampe brp per jam?"
    )
    assert "akuntan" in answer.text
    assert "$200" in answer.text


def test_he_is_asked_of_when_the_asker_compares_themself(seed_service: Any) -> None:
    # "kayak sy" (like me) gives no new example: "dia" is still the one asked of before
    first = seed_service.ask("jatin kumar itu siapa")
    answer = seed_service.ask(
        "dia sarjana atau DO kayak saya? jurusannya apa", history=after(first)
    )
    assert "ilmu komputer" in answer.text


def test_those_people_teaching_ai_asks_what_they_do_not_who_they_are(seed_service: Any) -> None:
    # "orang-orang tsb" points at the trainers; a sentence about "orang-orang" looking down
    # on the work is no way of teaching
    answer = seed_service.ask("gmn cara orang-orang tsb mengajari AI supaya jawabannya akurat?")
    assert "label" in answer.text


def test_what_goes_on_two_chunks_later_past_a_pull_quote_is_told(seed_service: Any) -> None:
    # "… menerbitkan pedoman sukarela" ends a chunk, a pull quote fills the next, and
    # "DeepMind … berkomitmen pada pedoman tersebut" opens the one after: all companies? No.
    answer = seed_service.ask(
        "semua perusahaan AI udah janji ikutin pedoman upah adil dari partnership on AI kan?"
    )
    assert "DeepMind" in answer.text


def test_when_chatgpt_was_released_is_asked_in_english(seed_service: Any) -> None:
    answer = seed_service.ask("who created ChatGPT and when was it released?")
    assert answer.found
    assert "November" in answer.text


def test_the_jobs_done_before_are_the_list_of_them(seed_service: Any) -> None:
    answer = seed_service.ask(
        "sy satpam udh 5 thn di mall bekasi, liat berita ada orang amrik dulunya tukang sampah"
        " skrg jd pelatih AI. emang sebelumnya dia kerja apa aja sih?"
    )
    assert "sandwich" in answer.text


def test_a_school_leaver_asking_if_a_degree_is_needed_hears_both_ends(seed_service: Any) -> None:
    answer = seed_service.ask(
        "sy jualan bakso pake gerobak, cm lulusan sd. pelatih AI gt cocok ga buat org kaya sy"
        " atau hrs sarjana"
    )
    assert "pemula" in answer.text
    assert "Ph.D" in answer.text
    answer = seed_service.ask(
        "sy satpam lulusan SMA. bisa gak sy jadi pelatih AI yg dibayar 200 dolar sejam itu?"
        " atau itu cuma buat org pinter"
    )
    assert "Ph.D" in answer.text


def test_a_grievance_asked_in_english_keeps_its_words_in_a_cut_point(seed_service: Any) -> None:
    answer = seed_service.ask(
        "what were google contractors complaining about, something about a different card?"
    )
    assert "lencana kuning" in answer.text


def test_a_place_gone_to_in_a_second_question_names_no_one_asked(seed_service: Any) -> None:
    # "pindah ke amerika" is where one would go; the first question is answered on its own
    answer = seed_service.ask(
        "manajer produk AI netflix boleh kerja dari rumah? ga wajib pindah ke amerika?"
    )
    assert answer.found
    assert "jarak jauh" in answer.text


def test_a_quote_from_the_posting_just_told_of_comes_with_it(seed_service: Any) -> None:
    # "“Anggap saja seperti menjadi guru seni bahasa …,” kata posting pekerjaan itu."
    answer = seed_service.ask(
        "iklan Invisible Technologies buat pelatih data AI isinya apa, gajinya berapa?"
    )
    assert "tutor pribadi" in answer.text


def test_what_someone_will_do_in_english_asks_their_duties(seed_service: Any) -> None:
    answer = seed_service.ask("what would the netflix ai product manager do at work?")
    assert "pembayaran" in answer.text



def test_a_cut_point_is_not_told_again_before_the_point_leaning_on_it(
    seed_service: Any,
) -> None:
    # a list point cut to "Banyak wacana … seputar..." and a later point leaning on it ("Tapi
    # kami kehilangan …"): the later one joins the cut point, it does not quote it in full again
    from knowledge.extractive import MAX_LIST_CHARS, _Scored
    from knowledge.text import split_sentences

    answerer = seed_service.extractive
    passages = seed_service.retriever.retrieve("Sonam Jindal wacana seputar AI kehilangan cerita")
    index, passage = next(
        (i, p) for i, p in enumerate(passages) if "Banyak wacana" in p.text
    )
    sentences = split_sentences(passage.text)
    first = next(n for n, s in enumerate(sentences) if "Banyak wacana" in s)
    whole, leaning = sentences[first], sentences[first + 1]
    assert leaning.startswith("\u201cTapi") or leaning.startswith('"Tapi')
    cut = whole[:120].rsplit(" ", 1)[0] + "..."
    chosen = [
        _Scored(cut, index, 1.0, frozenset(terms(whole)), 0, first),
        _Scored(leaning, index, 0.9, frozenset(terms(leaning)), 1, first + 1),
    ]
    told = answerer._with_antecedents(chosen, passages, MAX_LIST_CHARS, listing=True)
    text = " ".join(c.sentence for c in told)
    assert text.count("Banyak wacana") == 1
    assert "kehilangan" in text


def test_a_pronoun_follow_up_quotes_whom_it_points_back_to(seed_service: Any) -> None:
    first = seed_service.ask("jatin kumar yg di texas itu siapa")
    age = seed_service.ask("umurnya brp", after(first))
    # his age first, not another trainer's in another article
    assert age.text.index("22 tahun") < age.text.find("34 tahun") or "34 tahun" not in age.text
    count = seed_service.ask("dia kerjanya bareng brp orang kontraktor lain", after(first))
    assert count.found
    assert "100 kontraktor" in count.text
    assert "150 orang" not in count.text  # the Nairobi union, in his article but not his
    # "brp org lain": contractors are people too
    others = seed_service.ask("trus dia kerja bareng brp org lain", after(first))
    assert "100 kontraktor" in others.text


def test_a_yes_no_follow_up_about_another_place_asks_whether_not_how_many(
    seed_service: Any,
) -> None:
    union = seed_service.ask("pekerja AI di kenya bikin serikat ya?")
    count = seed_service.ask("berapa orang yg ikut", after(union))
    there = seed_service.ask("kalo di amerika ada gak yg kayak gitu jg", after(count))
    assert "berapa" not in there.standalone_question.split()
    assert there.found
    assert "belum" in there.text


def test_a_follow_up_keeps_the_name_the_chat_began_with(seed_service: Any) -> None:
    asked = ["bytedance itu yg punya tiktok kan?", "kok bisa mecat anak magang gara2 AI"]
    turns = [Turn(q, "…", q) for q in asked]
    answer = seed_service.ask("trus kampusnya dikabarin gak", turns)
    assert "bytedance" in answer.standalone_question.lower()
    assert "universitas" in answer.text


def test_the_askers_trade_brings_its_pay_when_pay_is_mentioned(seed_service: Any) -> None:
    answer = seed_service.ask(
        "aku akuntan di palangka, gaji pas2an. bisa dapet sampingan ngelatih AI? katanya"
        " bayarannya gede"
    )
    assert answer.found
    assert "akuntan" in answer.text
    assert "$200" in answer.text


@pytest.mark.parametrize(
    ("question", "needle"),
    [
        ("min netflix nyari PM AI gaji gede bgt y, jobdesknya apa", "personalisasi"),
        ("netflix jadi batal gak rekrut manajer AI nya setelah diprotes org2?", "bergerak maju"),
        (
            "org2 yg ngelatih AI itu direkrutnya gimana, langsung jadi karyawan perusahaan atau"
            " lewat penyalur kaya yayasan outsourcing?",
            "pihak ketiga",
        ),
        ("bisnis online bytedance kena imbas ora gara2 ulah bocah magang kuwi?", "terpengaruh"),
    ],
)
def test_job_ad_shorthand_and_plans_dropped_are_read(
    seed_service: Any, question: str, needle: str
) -> None:
    answer = seed_service.ask(question)
    assert answer.found
    assert needle in answer.text


def test_a_list_goes_on_into_the_next_chunk(seed_service: Any) -> None:
    # "… TikTok dan Douyin." ends a chunk; Doubao and Jimeng open the next one, which a long
    # story before the question does not retrieve
    answer = seed_service.ask(
        "anak sy tiap pulang sekolah main tiktok trs di warung. bytedance itu punya aplikasi"
        " apa aja sih selain tiktok?"
    )
    assert answer.found
    assert "Douyin" in answer.text
    assert "Doubao" in answer.text or "Jimeng" in answer.text


def test_a_role_among_a_group_is_paid_the_groups_sum(seed_service: Any) -> None:
    # "Para pelatih ini … mencakup dokter praktik …" and "Tingkat gaji para pelatih ini …
    # hingga $200": a doctor training AI is paid that
    answer = seed_service.ask("dokter praktik di pontianak bisa ikut latih AI? cuannya brp sejam?")
    assert answer.found
    assert "$200" in answer.text


def test_being_taken_on_is_being_employed(seed_service: Any) -> None:
    answer = seed_service.ask("org yg ngelatih AI tu direkrutnya gimana, diangkat jadi karyawan"
                              " langsung ato lewat agen kyk kami buruh pabrik")
    assert answer.found
    assert "pihak ketiga" in answer.text


def test_an_example_asked_for_is_the_sentence_giving_one(seed_service: Any) -> None:
    answer = seed_service.ask("jatin kumar tiap berapa menit dapat tugas baru? trus contoh"
                              " tugasnya apa")
    assert answer.found
    assert "45 atau 30" in answer.text
    assert "ibu kota Prancis" in answer.text


def test_everyday_words_for_demands_hard_lives_and_the_old_days(seed_service: Any) -> None:
    for question, fact in (
        # what strikers "minta" is what they demand
        ("td liat berita penulis hollywood mogok. apa aja yg mereka minta?", "royalti"),
        # someone whose hard life a job helped
        ("ada cerita orang susah yg hidupnya tertolong krn kerja ngelatih AI?", "tunawisma"),
        # the early days of AI training
        ("pelatih AI jaman dulu kerjanya apa, beda sama skrg?", "anotasi data"),
    ):
        answer = seed_service.ask(question)
        assert answer.found, question
        assert fact in answer.text, question
