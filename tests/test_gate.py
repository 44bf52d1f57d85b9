"""The answered / partial / not-found decision, on the real seed index."""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.binding import asks_where
from knowledge.gate import Thresholds
from knowledge.question import read
from knowledge.types import Turn


def verdict(service: Any, text: str) -> Any:
    q = read(text, service.retriever.lexical)
    return service.gate.decide(q, service.retrieve(q))


@pytest.mark.parametrize(
    "question",
    [
        "brp gajih pelatih ai",
        "kerja dr rumah bisa ga?",
        "Why did ByteDance fire the intern?",
        "serikat?",
        "bisa WFH?",
    ],
)
def test_worker_phrasings_are_answered(seed_service: Any, question: str) -> None:
    assert verdict(seed_service, question).outcome == "answered"


def test_personal_context_gives_a_partial_verdict(seed_service: Any) -> None:
    v = verdict(seed_service, "Saya ibu rumah tangga lulusan SMA, bisa kerja jadi pelabel data?")
    assert v.outcome == "partial"
    assert any("ibu rumah tangga" in m for m in v.missing)


@pytest.mark.parametrize(
    "question",
    [
        "Berapa UMR Jakarta?",
        "cara daftar jadi driver Gojek",
        "resep rendang padang",
        "togel?",
        "togel hari ini",  # "hari" is in the articles; the topic is not
        "cara bikin sambal matah",  # "matah" must not be read as a corpus word
    ],
)
def test_absent_subjects_and_off_topic_are_not_found(seed_service: Any, question: str) -> None:
    v = verdict(seed_service, question)
    assert v.outcome == "not_found"
    assert v.off_topic  # with an LLM these are still refused before asking it


def test_one_known_verb_among_words_no_article_uses_is_no_subject(seed_service: Any) -> None:
    # "diberi" is the one word the articles use; "enaknya ... pelumas" is what is asked
    v = verdict(seed_service, "motor saya bunyi, enaknya dikasih pelumas apa ya")
    assert v.outcome == "not_found"
    # a name the articles use, asked about in other words, is still answered
    assert verdict(seed_service, "partnership on ai tuh kantornya dmn?").found


def test_english_questions_meet_indonesian_passages_lower_on_the_dense_scale(
    seed_service: Any,
) -> None:
    answer = seed_service.ask("What's the startup Jatin Kumar is making on his own called?")
    assert answer.found
    assert "Bonsai" in answer.text


def test_feelings_and_anger_are_read_for_what_news_calls_them(seed_service: Any) -> None:
    # "ngeri gk": how the asker feels, not a yes/no the articles must answer
    answer = seed_service.ask("pekerja kenya disuruh openai labelin teks apaan, ngeri gk")
    assert answer.found
    assert "ujaran kebencian" in answer.text
    # anger at Netflix is what the article calls critics condemning it
    answer = seed_service.ask("orang2 pada marah ke netflix soal lowongan gaji gede, knp sih")
    assert answer.found
    assert "artis" in answer.text


def test_a_real_word_is_not_read_as_a_corpus_word(seed_service: Any) -> None:
    assert verdict(seed_service, "modal usaha laundry brp").outcome == "not_found"  # not "model"


def test_a_workers_situation_may_be_covered_by_several_passages(seed_service: Any) -> None:
    # the union answers: Kenya's union sentence, a screenwriter's strike, a voice actor's game
    for text in (
        "saya penulis skenario, takut kerjaan saya diambil AI. ada yg protes ga sih?",
        "saya pengisi suara buat game, AI bakal ngancem kerjaan saya ga?",
    ):
        answer = seed_service.ask(text)
        assert answer.found, text
        assert "\u2022" in answer.text  # a situation has facets: cited points


def test_other_embedders_rest_on_coverage_alone() -> None:
    t = Thresholds.for_embedder("openai-text-embedding-3-small")
    assert t.min_dense < 0
    assert t.min_dense_full < 0
    assert t.off_topic_dense < 0
    assert Thresholds.for_embedder("e5-small-q4").min_dense == pytest.approx(0.80)


@pytest.mark.parametrize(
    "question", ["Berapa gaji karyawan tetap Google?", "Scale AI bayar pelatihnya brp per jam?"]
)
def test_a_pay_figure_must_belong_to_whom_the_question_names(
    seed_service: Any, question: str
) -> None:
    # the articles mention Google and Scale AI, and pay figures of others near them
    assert verdict(seed_service, question).outcome == "not_found"


def test_a_named_pay_question_with_its_figure_is_answered(seed_service: Any) -> None:
    assert verdict(seed_service, "Berapa bayaran Savreux per jam?").outcome == "answered"


def test_a_lowercase_name_binds_the_pay_figure_too(seed_service: Any) -> None:
    # "ubisoft" typed on a phone is the company: no article gives Ubisoft's writers' pay
    assert not seed_service.ask("ubisoft gaji penulisnya brp").found
    assert not seed_service.ask("pelatih AI di tiktok gajinya brp").found


@pytest.mark.parametrize(
    "question",
    [
        "umur pendiri cohere brp?",  # an age is given, but a trainer's in another article
        "karyawan magang bytedance gajinya brp?",  # the money near ByteDance is a loss, not pay
        "pelatih AI kerja brp jam sehari?",  # "$15 per jam" is a rate, not hours worked
        "Sam Altman usianya berapa?",  # his article gives ages, but of two trainers
        "umur minimal pelatih chatgpt berapa tahun?",  # ages of trainers, but no age limit
        "batas usia pelatih AI brp",
    ],
)
def test_a_figure_must_be_of_the_kind_asked(seed_service: Any, question: str) -> None:
    assert verdict(seed_service, question).outcome == "not_found"


def test_an_age_in_the_named_persons_article_is_answered(seed_service: Any) -> None:
    assert verdict(seed_service, "jatin kumar umurnya brp?").found


def test_where_needs_a_place_and_its_asking_words_are_not_the_subject(seed_service: Any) -> None:
    # "tinggal", "kota" are how one asks; the answer says "22 tahun di Austin, Texas"
    assert verdict(seed_service, "jatin kumar tinggal di kota mana?").found
    # no sentence near Invisible Tech names a place
    assert verdict(seed_service, "kantor invisible tech di kota mana?").outcome == "not_found"
    # "perusahaan game mana" asks which company, not where
    assert verdict(seed_service, "Perusahaan game mana yang sudah pakai AI generatif?").found


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("gaji penulis skenario brp?", False),  # the writers strike beside the manager's pay
        ("netflix mau bayar direktur teknis AI generatif brp?", False),  # no figure for that job
        ("gaji manajer produk AI di netflix setahun brp?", True),
        ("gaji awal pelatih data AI di invisible brp?", True),
        # a preposition and "posisi" may stand between the pay word and the role
        ("gaji tahunan untuk posisi direktur teknis AI generatif brp?", False),
        ("gaji tahunan buat posisi manajer produk AI netflix brp?", True),
    ],
)
def test_the_role_whose_pay_is_asked_stands_by_the_figure(
    seed_service: Any, question: str, found: bool
) -> None:
    assert verdict(seed_service, question).found is found


def test_a_surname_alone_names_the_person_and_sums_keep_their_word(seed_service: Any) -> None:
    # "Kumar mengatakan dia bekerja dengan sekitar 100 kontraktor lain": the article's surname
    assert verdict(seed_service, "jatin kumar kerja bareng brp kontraktor?").found
    # the only sums near Bonsai are not funding
    assert not verdict(seed_service, "startup bonsai dapet pendanaan brp?").found
    assert verdict(seed_service, "bytedance rugi brp gara2 anak magang?").found


def test_partial_names_only_what_no_passage_speaks_of(seed_service: Any) -> None:
    # "level pemula" stands in the Invisible Technologies ad, not in the best passage
    v = verdict(
        seed_service,
        "lebih gede mana bayaran pelatih AI level pemula atau pelatih profesional invisible tech?",
    )
    assert v.found
    assert not any("pemula" in m for m in v.missing)


def test_which_university_and_how_to_apply_need_their_own_kind_of_answer(seed_service: Any) -> None:
    # Jatin Kumar's article names his city and degree, no university
    assert not verdict(seed_service, "jatin kumar lulusan universitas mana?").found
    assert verdict(seed_service, "ben zhao profesor di universitas mana?").found
    # the articles only say Scale AI joined the field, nothing of applying there
    assert not verdict(seed_service, "gimana cara daftar kerja di scale ai?").found


def test_when_needs_a_date_near_whom_it_names(seed_service: Any) -> None:
    # the intern was fired "pada Agustus"; Invisible Tech's payday is told nowhere
    assert verdict(seed_service, "bytedance pecat anak magangnya bulan apa?").found
    assert not verdict(seed_service, "invisible tech gajian tiap tanggal berapa?").found


def test_who_leads_something_needs_that_role_near_its_name(seed_service: Any) -> None:
    # "Ivan Zhang, salah satu pendiri Cohere"; Invisible Technologies' leaders are never named
    assert verdict(seed_service, "siapa pendiri cohere?").found
    assert not verdict(seed_service, "siapa ceo invisible technologies?").found


def test_a_story_told_before_the_question_does_not_veto_it(seed_service: Any) -> None:
    v = verdict(
        seed_service,
        "Saya akuntan di kantor pajak Bekasi, gajinya kecil. Katanya akuntan bisa nyambi "
        "melatih AI, bener ga, bayarannya per jam berapa?",
    )
    assert v.outcome == "partial"
    # the articles speak of accountants ("… dokter praktik, analis keuangan, akuntan"), not of
    # the asker's office
    assert v.missing == ("kantor pajak Bekasi",)
    # numbers and glue words of the story are never named back ("3 tahun", "dulu", "sempat")
    v = verdict(
        seed_service,
        "saya kurir paket udah 3 tahun, dulu sempat nganggur lama, sekarang ngekos. "
        "ada ga orang yg kerja kontrak AI abis lulus kuliah?",
    )
    assert v.found
    assert not any(w in m.split() for m in v.missing for w in ("3", "dulu", "sempat", "ngekos"))


def test_a_possessive_aku_is_not_the_asker_describing_themself(seed_service: Any) -> None:
    # "motor aku" is whose motorbike: the rest is what is asked, and nothing in it is work
    assert not verdict(seed_service, "motor aku mogok udah 2 hari aku harus gimana").found


def test_how_sure_the_asker_is_and_clitic_glue_do_not_weigh(seed_service: Any) -> None:
    from knowledge.gate import _base

    assert _base("dulunya") == "dulu"
    assert _base("nya") == "nya"
    # "beneran" (really) and "dulunya" (back then) are not what is asked about
    question = "bro savreux dulunya gelandangan ya? beneran kerja AI nolong dia?"
    assert verdict(seed_service, question).found


def test_a_question_naming_the_outlet_is_answered_from_its_article(seed_service: Any) -> None:
    assert verdict(seed_service, "Kapan OpenAI merilis ChatGPT menurut laporan CNBC?").found
    assert verdict(
        seed_service, "Who is Sonam Jindal, and which organisation does she lead a programme at?"
    ).found


def test_a_wish_is_not_what_is_asked_about(seed_service: Any) -> None:
    # "pengen nyambi" (wants a side job): the question is the trainer's pay
    v = verdict(
        seed_service,
        "saya ojol udah 5 taun, dulu sempet nganggur. skrg pengen nyambi, "
        "pelatih AI gajinya brp sih",
    )
    assert v.found


def test_chat_intensifiers_and_liking_are_not_the_subject(seed_service: Any) -> None:
    # "demen bgt" (really like), "ketimbang" (than), "dari sisi" (from the side of)
    assert verdict(
        seed_service,
        "knp sih perusahaan teknologi demen bgt make pekerja kontrak drpd ngangkat karyawan tetap",
    ).found
    assert not verdict(seed_service, "demen banget makan rendang ketimbang sate").found


def test_a_sum_is_not_what_it_is_compared_with(seed_service: Any) -> None:
    # "$15 per jam lebih dari upah minimum di Kansas City" gives Savreux's pay, not the minimum
    assert not verdict(seed_service, "upah minimum di kansas city itu brp dolar sejam").found
    assert verdict(seed_service, "Berapa upah per jam pelatih AI seperti Alexej Savreux?").found


def test_when_needs_a_date_in_a_sentence_about_what_is_asked(seed_service: Any) -> None:
    # the only date near the strike is the day Netflix posted its job
    assert not verdict(seed_service, "mogok penulis sm aktor hollywood itu kelarnya kapan").found
    assert verdict(seed_service, "netflix masang lowongan manajer ai itu kapan ya").found
    # an event no article names ("bubar") has no date in them, whatever words stand around it
    assert not verdict(seed_service, "aksi mogok aktor Hollywood bubarnya kapan?").found


def test_whose_pay_may_come_before_the_pay_word(seed_service: Any) -> None:
    assert not verdict(
        seed_service, "direktur teknis AI generatif buat studio game Netflix gajinya berapa?"
    ).found
    assert verdict(seed_service, "dokter yang jadi pelatih AI bayarannya berapa").found
    # the asker's own job told first is not whose pay is asked
    assert verdict(
        seed_service, "saya dokter umum, denger2 dokter bisa ikut ngelatih AI, bayarannya brp ya?"
    ).found


def test_an_english_follow_up_naming_a_thing_by_its_kind_is_answered(seed_service: Any) -> None:
    assert verdict(seed_service, "what is ByteDance's text-to-video tool called?").found


def test_whose_pay_is_told_by_the_questions_other_words(seed_service: Any) -> None:
    # the $15 an hour beside "OpenAI" is US contractors'; of the Kenyan labellers the articles
    # only say "berupah rendah"
    question = "pekerja kenya yg ngelabel ujaran kebencian buat openai itu dibayar brp sejam"
    assert not verdict(seed_service, question).found
    assert verdict(seed_service, "pelatih AI profesional di Invisible Tech dibayar brp").found


def test_a_yes_no_about_something_no_article_says_is_not_found(seed_service: Any) -> None:
    # the word asked yes or no about, right before "nggak", is in no article
    for question in (
        "Alat Jimeng punya ByteDance itu bisa dipakai gratis nggak?",
        "penulis sama aktor hollywood yg mogok itu akhirnya menang gak tuntutannya",
    ):
        assert not verdict(seed_service, question).found, question
    assert verdict(seed_service, "kontraktor AI dapat jaminan kesehatan nggak?").found
    assert verdict(seed_service, "kampus anak magang bytedance dikabari nggak?").found


def test_how_many_years_needs_a_span_of_years(seed_service: Any) -> None:
    # the Netflix article gives a date and a yearly salary, no years of experience
    question = "lowongan manajer produk ai netflix itu syarat pengalamannya brp tahun"
    assert not verdict(seed_service, question).found
    assert verdict(seed_service, "jatin kumar udah brp tahun kerja kontrak AI?").found


def test_a_name_asked_for_must_be_given(seed_service: Any) -> None:
    # no article names the intern; "anak perusahaan … Google" is not "anak magang"
    assert not verdict(seed_service, "nama anak magang ByteDance yg dipecat itu siapa?").found
    assert verdict(
        seed_service, "nama pekerja kontrak dari Kansas yang melatih ChatGPT itu siapa ya?"
    ).found


def test_a_sum_the_asker_already_gave_is_no_answer(seed_service: Any) -> None:
    # the only sum beside Kansas City's minimum wage is the $15 the asker quotes
    question = (
        "$15 per jam itu katanya lebih dari upah minimum Kansas City. Memang upah minimum di "
        "Kansas City itu berapa dollar per jam?"
    )
    assert not verdict(seed_service, question).found
    # a sum the asker did not give still answers
    assert verdict(
        seed_service, "Katanya pelatih profesional bisa $200 sejam. Savreux dapat berapa per jam?"
    ).found


def test_a_sum_per_hour_asks_for_pay_without_a_pay_word(seed_service: Any) -> None:
    # "dapat berapa per jam" is pay: Kumar's is in no article, Savreux's is
    assert not verdict(seed_service, "Jatin Kumar dapat berapa per jam?").found
    assert verdict(seed_service, "Savreux dapat berapa per jam?").found
    # the Kenyan workers are only "berupah rendah"
    assert not verdict(seed_service, "kalo yang di Kenya, dibayar brapa per jam?").found
    assert verdict(seed_service, "kenapa pekerja AI di Kenya bikin serikat?").found


def test_a_things_name_asked_for_follows_that_thing(seed_service: Any) -> None:
    # the Nairobi union is never named; "… Facebook, TikTok … membentuk serikat" names no union
    assert not verdict(seed_service, "serikat yang di nairobi itu namanya apa").found
    question = "Apa nama serikat pekerja yang dibentuk 150 orang di Nairobi itu?"
    assert not verdict(seed_service, question).found
    # "chatbot Doubao", "game … yang disebut Scriptic": the name follows what it names
    assert verdict(seed_service, "kita mo tanya, ByteDance pe chatbot AI tu nama apa?").found
    assert verdict(seed_service, "game Netflix yg soal kriminal itu apa namanya dong").found
    # the speaker's filler "eh apa namanya" asks for no name
    question = "eh apa namanya pekerja ai itu direkrut langsung atau lewat pihak ketiga"
    assert verdict(seed_service, question).found


def test_schooling_asked_needs_schooling_near_whom_it_names(seed_service: Any) -> None:
    # the Netflix job ad says nothing of degrees; "pendidikan" near Savreux is an organisation's
    assert not verdict(seed_service, "netflix manajer ai itu syaratnya lulusan apa").found
    assert not verdict(seed_service, "savreux lulusan apa").found
    assert verdict(seed_service, "jatin kumar kuliah jurusan apa").found


def test_a_country_typed_in_lowercase_still_names_whose_pay(seed_service: Any) -> None:
    # "kenya" is also a dictionary word: the Kenyan workers' pay is only "berupah rendah"
    assert not verdict(seed_service, "sabaraha gaji pekerja ai di kenya teh per jam na").found
    assert verdict(seed_service, "kenapa pekerja di kenya bikin serikat").found


def test_orang_mana_asks_where_someone_is_from(seed_service: Any) -> None:
    assert verdict(seed_service, "jatin kumar orang mana").found
    assert verdict(seed_service, "kontraktor openai dari negara mana aja").found


def test_examples_of_one_thing_weigh_as_one(seed_service: Any) -> None:
    # "tunjangan … kaya BPJS, asuransi": three words, one thing asked (the articles: "manfaat
    # seperti asuransi kesehatan jarang atau tidak ada")
    question = "kerja ngelatih ai dapet tunjangan gak sih kaya di pabrik ada bpjs ada asuransi"
    assert verdict(seed_service, question).found


def test_chat_asides_and_a_letters_forms_are_not_asked_about(seed_service: Any) -> None:
    assert verdict(seed_service, "Who is Ivan Zhang btw?").found
    question = (
        "Selamat siang. Mohon informasi, siapakah Sonam Jindal dan lembaga apa yang beliau "
        "wakili? Terima kasih."
    )
    assert verdict(seed_service, question).found


def test_how_often_needs_a_length_of_time(seed_service: Any) -> None:
    # "Setiap 45 atau 30 menit, Anda akan mendapatkan tugas baru"
    assert verdict(seed_service, "pelatih percakapan tiap brp lama dapet task baru?").found
    # "puluhan jam" is no working day
    assert not verdict(seed_service, "savreux kerja berapa jam sehari").found


def test_what_must_be_done_is_asked_of(seed_service: Any) -> None:
    # "wajib" is the asked thing here, not the asker's stance: no article says whether AI
    # contractors must be registered with BPJS
    question = "kontraktor AI wajib didaftarin bpjs ketenagakerjaan ga sm perusahaannya?"
    assert not verdict(seed_service, question).found


def test_how_something_ended_needs_an_ending(seed_service: Any) -> None:
    # the articles tell that a union was voted and a strike goes on, never how either ended
    question = "serikat di nairobi akhirnya berhasil dapet naik gaji gak"
    assert not verdict(seed_service, question).found
    assert not verdict(seed_service, "pemogokan writers guild kapan selesai").found
    assert not verdict(seed_service, "serikat pekerja kenya udah diakui facebook belum").found
    # what they got in the end ("akhirnya dapat royalti"): the demand is told, not its outcome
    question = "penulis yg mogok akhirnya dapat royalti ga dari netflix"
    assert not verdict(seed_service, question).found
    # "akhirnya dipecat": the firing is told
    assert verdict(seed_service, "anak magang bytedance akhirnya dipecat gak").found


def test_a_price_asked_is_not_a_salary(seed_service: Any) -> None:
    # the Netflix article has a pay sum and speaks of "pelanggan", but no subscription price
    assert not verdict(seed_service, "netflix langganannya brp sebulan").found
    assert verdict(seed_service, "netflix gaji manajer ai nya brp setahun").found


def test_someones_thing_no_article_speaks_of_is_not_found(seed_service: Any) -> None:
    # "pacarnya", "istrinya": what is asked is that person, the articles never mention one
    assert not verdict(seed_service, "pacarnya savreux kerja apa").found
    assert not verdict(seed_service, "istrinya jatin kumar siapa").found
    assert verdict(seed_service, "kerjaannya savreux dulu apa aja").found


def test_a_told_nobody_pays_is_no_yes_no_about_an_unknown_word(seed_service: Any) -> None:
    # "gk ada yg nanggung" tells what the asker lacks; the yes/no is about the insurance
    question = "klo sy opname gk ada yg nanggung, pelatih AI kontrak jg gk dpt asuransi kesehatan?"
    assert verdict(seed_service, question).found
    assert not verdict(seed_service, "Jimeng bisa dipakai gratis nggak?").found


def test_each_part_of_a_two_part_question_is_bound(seed_service: Any) -> None:
    # the intern's name and campus are never told: each part asks its own kind of figure, and
    # "terus kuliah di mana" alone finds some place in any article
    question = "anak magang bytedance yg dipecat namanya siapa terus kuliah di mana"
    assert not verdict(seed_service, question).found
    assert not verdict(seed_service, "scale ai kantornya di mana terus karyawannya brp").found
    assert verdict(seed_service, "umurnya berapa, tinggal dimana Jatin Kumar").found


def test_a_region_is_found_by_the_places_in_it(seed_service: Any) -> None:
    # the Nairobi union answers a question about Africa; Africa still binds a pay figure, and
    # no article tells what AI workers there are paid
    assert verdict(seed_service, "pekerja ai di afrika bikin serikat, brp org yg milih?").found
    assert not verdict(seed_service, "pekerja ai di afrika digaji brp sejam?").found


def test_a_language_no_article_speaks_of_is_an_absent_name(seed_service: Any) -> None:
    # the language is the requirement asked about, and no article names it ("Inggrisnya" too)
    question = "pelatih data AI tingkat lanjut di Invisible Tech wajib bahasa Inggris?"
    assert not verdict(seed_service, question).found
    question = "kalau mau daftar ke Invisible Tech syarat bahasa Inggrisnya minimal apa ya?"
    assert verdict(seed_service, question).absent == ("Inggrisnya",)
    assert verdict(seed_service, "syarat jadi pelatih AI profesional apa aja?").found
    # a way of being paid is a service's name too
    question = "gaji pelatih ai itu dibayarnya lewat apa? paypal ato transfer bank?"
    assert verdict(seed_service, question).absent == ("paypal",)


def test_how_to_sign_up_needs_the_way_in_not_that_someone_hires(seed_service: Any) -> None:
    # an ad Invisible Technologies ran and "merekrut mahasiswa" tell nobody how to apply
    question = "gmn cara daftar jd pelatih AI di invisible tech, ada tes nya ga? link nya dmn"
    assert not verdict(seed_service, question).found
    assert not verdict(seed_service, "gimana cara daftar jadi pelatih ai?").found
    # asked as a list, the way in is still what is asked
    question = "kalau mau daftar jadi pelatih di invisible tech syaratnya apa saja, lewat web apa?"
    assert not verdict(seed_service, question).found
    # Savreux saw a job posting online: that is how he got in
    question = "gimana caranya savreux bisa dapet kerjaan kontrak ai itu? daftarnya lewat mana"
    assert verdict(seed_service, question).found


def test_a_bpjs_asked_by_a_freelancer_like_me_is_not_found(seed_service: Any) -> None:
    question = "freelancer kyk sy bisa daftar bpjs ketenagakerjaan sendiri ga"
    assert not verdict(seed_service, question).found


def test_criticism_is_found_in_the_critics_words(seed_service: Any) -> None:
    # "dikritik", "dihujat": the article says "Kritikus mengutuk …" and "memicu kontroversi"
    assert verdict(seed_service, "kenapa netflix dikritik pas buka lowongan itu").found
    assert verdict(seed_service, "knp netflix dihujat pas buka loker manajer ai").found


def test_companies_no_article_names_are_absent_even_in_lowercase(seed_service: Any) -> None:
    question = (
        'ada yg nanya di grup: "outlier ai sm dataannotation tech itu legit ga, bayarnya brp"'
    )
    v = verdict(seed_service, question)
    assert not v.found
    assert v.absent == ("outlier", "dataannotation")


def test_wanted_is_said_as_demand_and_experts_as_qualified(seed_service: Any) -> None:
    # "nyari pelatih yg ahli": the article says "permintaan akan pelatih AI yang berkualifikasi"
    question = "kenapa skrg perusahaan ai nyarinya pelatih yg ahli, ga cukup mahasiswa lg?"
    assert verdict(seed_service, question).found


def test_how_big_the_asker_finds_a_sum_is_not_whose_sum_it_is(seed_service: Any) -> None:
    # "gajinya berapa setahun, gede banget": "gede" is no role whose pay is asked
    question = "netflix katanya nyari manajer ai gajinya berapa setahun gede banget katanya"
    assert verdict(seed_service, question).found


def test_one_of_the_kind_asked_for_answers_which_one(seed_service: Any) -> None:
    # "pakai alat apa" asks which tool: "dengan laptop" names one, no "not about tools" caveat
    v = verdict(seed_service, "Savreux pakai alat apa")
    assert v.outcome == "answered"
    answer = seed_service.ask("Savreux pakai alat apa")
    assert "laptop" in answer.text
    assert "tidak membahas" not in answer.text
    # "apa gak" is a yes-or-no: still not the thing itself
    assert verdict(seed_service, "pelatih AI dapat THR apa gak").missing[:1] == ("THR",)


def test_a_thing_said_only_as_its_kind_is_a_partial_answer(seed_service: Any) -> None:
    # the articles say "tanpa tunjangan", never "THR": say so, then give what they do say
    v = verdict(seed_service, "pelatih AI dapet THR ga?")
    assert v.outcome == "partial"
    assert v.missing[:1] == ("THR",)
    answer = seed_service.ask("pelatih AI dapet THR ga?")
    assert "tidak membahas THR" in answer.text
    assert "tanpa tunjangan" in answer.text
    # the related word is the only gap it forgives: a place of the asker's too stays refused
    assert not verdict(
        seed_service, "pelatih ai kyk gitu di indonesia dpt bpjs ketenagakerjaan gk ya"
    ).found


def test_a_sum_the_asker_heard_and_checks_may_be_the_answer(seed_service: Any) -> None:
    # dictated by voice: "sembilan ratus ribu dolar" is the article's US$900.000; the asker asks
    # whether it is by the month or the year, and where they heard it is no part of it
    question = (
        "mbak aku bmi neng hongkong tadi majikan nonton berita katane netflix nggoleki wong AI "
        "gajine sembilan ratus ribu dolar amerika iku sebulan opo setahun to sakjane piro"
    )
    v = verdict(seed_service, question)
    assert v.outcome == "answered", v
    assert "900.000" in seed_service.ask(question).text


def test_a_paid_role_may_be_described_across_its_article(seed_service: Any) -> None:
    # "$200" stands by "pelatih"; the doctors and financial analysts a chunk earlier
    v = verdict(
        seed_service,
        "td di grup wa BMI ada yg share pelatih AI yg dokter2 sama analis keuangan itu "
        "bayarannya gedeee bgttt katanya, per jam nya maksimal brp dolar sih? gaji bulanan "
        "HKD ku aja kalah kyknya",
    )
    assert v.found
    assert not v.missing  # "gaji bulanan HKD ku" is the asker's remark, not a period asked
    # a role the pay sentence does not stand by is still not paid by it
    assert not verdict(seed_service, "gaji penulis skenario netflix brp setahun?").found


def test_companies_in_a_place_no_article_names_are_not_found(seed_service: Any) -> None:
    question = "ada ga perusahaan di jakarta yg buka lowongan pelatih AI kayak invisible tech"
    assert not verdict(seed_service, question).found



def test_a_synonym_names_what_the_name_is_asked_of(seed_service: Any) -> None:
    # "usaha sendiri" is the article's "startup teknologinya sendiri, Bonsai"
    answer = seed_service.ask("jatin kumar jg punya usaha sendiri kan, namanya apa?")
    assert answer.found
    assert "Bonsai" in answer.text


def test_an_on_topic_story_around_few_known_words_is_not_off_topic(seed_service: Any) -> None:
    # with an LLM, this is asked of it: the story names Jatin Kumar and contract AI work
    v = verdict(
        seed_service,
        "Aku fresh grad ilmu komputer, lagi mikir ambil kerja kontrak AI kayak Jatin Kumar. "
        "Menurut dia, untungnya kerja begini buat karier apa?",
    )
    assert not v.off_topic


def test_a_length_of_time_may_be_spelled_out_but_an_age_is_none() -> None:
    from knowledge.binding import tells_how_long

    assert tells_how_long("hanya dalam satu tahun, kebutuhan pelatihan mereka telah berubah")
    assert tells_how_long("Setiap 45 atau 30 menit, Anda akan mendapatkan tugas baru")
    assert not tells_how_long("Jatin Kumar, 22 tahun di Austin, Texas")
    assert not tells_how_long("menghabiskan puluhan jam untuk melatih sistem OpenAI")


def test_hours_asked_are_not_answered_by_a_year(seed_service: Any) -> None:
    # "hanya dalam satu tahun" (Cohere) stands beside Invisible Tech: a length, but no hours
    assert not verdict(seed_service, "pelatih di Invisible Tech kerja brp jam seminggu?").found


@pytest.mark.parametrize(
    "question",
    [
        # an age limit is asked; the articles only tell the ages of people they met
        "umur maksimal jadi pelatih AI brp tahun? sy udah 55",
        # the way in is asked; "tentang daftarnya" (its list) tells none
        "minta link daftar invisibel tek dong, syaratnya apa aja",
        # a company no article names, its "AI" said the English way
        "skel ei ai bayar pelatih ai brp sejam",
    ],
)
def test_a_limit_a_way_in_or_an_unknown_company_is_not_found(
    seed_service: Any, question: str
) -> None:
    assert not verdict(seed_service, question).found


def test_a_company_told_by_what_it_owns_is_still_answered(seed_service: Any) -> None:
    assert verdict(seed_service, "bytedance yg punya tiktok rugi brp gara2 anak magang").found


def test_a_story_word_before_nggak_is_not_what_is_asked(seed_service: Any) -> None:
    # "rutin ga boleh telat" tells the asker's need; "stabil gak?" is what is asked
    assert verdict(
        seed_service,
        "anak saya masih kuliah, kirim duitnya harus rutin ga boleh telat. kalo kerja kontrak "
        "pelatih AI itu stabil gak?",
    ).found


@pytest.mark.parametrize(
    "question",
    [
        # the union is told of, its name never: "AI untuk Facebook" names no union
        "serikat buruh ai di nairobi itu namanya apa",
        # a role the articles say was sought, never who got it
        "siapa direktur teknis yg akhirnya direkrut netflix",
    ],
)
def test_a_name_the_articles_never_give_is_not_found(seed_service: Any, question: str) -> None:
    assert not seed_service.ask(question).found


def test_an_english_question_naming_everything_is_answered_on_a_lower_dense_floor(
    seed_service: Any,
) -> None:
    # e5 puts an English question lower against Indonesian passages (0.75 here)
    answer = seed_service.ask("Where does the contractor Jatin Kumar live?")
    assert answer.found
    assert "Austin" in answer.text
    assert "Kansas" in seed_service.ask("Where does Savreux live?").text


def test_where_someone_lives_needs_a_place_told_of_them(seed_service: Any) -> None:
    # the intern's article names China, as where ByteDance's chatbot is popular
    assert verdict(seed_service, "anak magang ByteDance tinggal di mana?").outcome == "not_found"
    assert verdict(seed_service, "Savreux tinggal di kota mana?").outcome == "answered"


def test_what_an_event_did_to_a_business_finds_not_affected(seed_service: Any) -> None:
    answer = seed_service.ask("bisnis ByteDance kena dampak ga dari ulah anak magangnya?")
    assert answer.found
    assert "tidak terpengaruh" in answer.text


def test_where_a_job_came_from_is_the_way_in_not_a_place(seed_service: Any) -> None:
    # "dari mana" after getting something asks its source (a job posting), not a city
    answer = seed_service.ask(
        "saya sulit keluar rumah. kerjaan Savreux bisa dari rumah? "
        "dulu dia mendapatkan itu dari mana?"
    )
    assert answer.found
    assert "lowongan" in answer.text
    lexical = seed_service.retriever.lexical
    assert not asks_where(read("dulu dia mendapatkan kerjaan itu dari mana?", lexical))
    assert asks_where(read("dulu dia tinggal di kota mana?", lexical))


def test_a_claim_with_a_rough_figure_is_checked_against_the_articles(seed_service: Any) -> None:
    answer = seed_service.ask(
        "OpenAI katanya perusahaan raksasa dengan karyawan puluhan ribu, betul?"
    )
    assert answer.found
    assert "375 karyawan" in answer.text


def test_a_worry_after_the_question_does_not_hide_the_answer(seed_service: Any) -> None:
    answer = seed_service.ask(
        "kerja label data gitu stabil gak? soalnya kontrak sebelumnya putus di tengah jalan"
    )
    assert answer.found
    assert "tidak stabil" in answer.text
    # the worry is why it is asked: nothing the answer must own up to not covering
    assert not answer.partial


def test_a_field_of_study_is_a_degree_in_a_field(seed_service: Any) -> None:
    answer = seed_service.ask(
        "ada pelatih percakapan muda bernama Jatin Kumar, lulusan jurusan apa dia?"
    )
    assert "ilmu komputer" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "gaji pelatih AI naik brp persen per tahun?",
        "berapa ongkir laptop buat kerja pelatih AI?",
        "Savreux bayar brp sewa rumah per bulan?",
    ],
)
def test_an_amount_of_something_no_article_names_is_not_found(
    seed_service: Any, question: str
) -> None:
    # the pay words around it ("gaji", "bayar", "per bulan") are not what is measured
    assert verdict(seed_service, question).outcome == "not_found"


@pytest.mark.parametrize(
    "question",
    [
        "pada akhirnya siapa yg dilantik jadi manajer AI di netflix?",
        "bytedance akhirnya menggugat siapa soal anak magang itu?",
    ],
)
def test_someone_who_did_what_no_article_tells_is_not_found(
    seed_service: Any, question: str
) -> None:
    # Netflix and ByteDance are there, but no article tells of anyone appointed or sued
    assert verdict(seed_service, question).outcome == "not_found"


@pytest.mark.parametrize(
    "question",
    [
        "gaji manajer AI Netflix tahun 2025 naik jadi brp?",
        "sebutkan startup AI yang tutup tahun 2019",
    ],
)
def test_a_year_no_article_mentions_is_not_found(seed_service: Any, question: str) -> None:
    # the articles tell of 2021 and 2023; what happened in another year they cannot say
    assert verdict(seed_service, question).outcome == "not_found"


def test_a_year_in_the_askers_own_story_is_no_time_asked_about(seed_service: Any) -> None:
    answer = seed_service.ask("sy lulus kuliah 2019, gaji pelatih AI per jam brp?")
    assert answer.found
    assert "$15" in answer.text


def test_the_daily_round_is_no_pay_per_day(seed_service: Any) -> None:
    # "sehari-hari" tells the everyday work, not a sum per day the answer must own up to
    v = verdict(
        seed_service, "Sehari-hari pelatih percakapan AI kerjanya seperti apa, seberapa sering?"
    )
    assert not any("per hari" in m for m in v.missing)


def test_a_full_stop_ends_the_words_named_back(seed_service: Any) -> None:
    v = verdict(
        seed_service, "Saya pensiunan guru. Anak saya baru lulus kuliah, bisa jadi pelatih AI?"
    )
    assert v.found
    assert not any("guru Anak" in m for m in v.missing)


def test_a_place_beside_the_person_is_told_next_to_their_pay(seed_service: Any) -> None:
    # "… ChatGPT … 15 dollar AS" then "… tinggal di Kansas, Amerika Serikat"
    answer = seed_service.ask("orang amerika yg latih chatgpt dibayar brp per jam?")
    assert answer.found
    assert "15" in answer.text


def test_a_who_question_past_its_question_mark_is_another_question(seed_service: Any) -> None:
    # "dosen" is no article's word, but it belongs to the next question, not to what the
    # person asked for did
    answer = seed_service.ask(
        "profesor yg menjelaskan AI generatif di berita netflix itu siapa? dosen kampus mana?"
    )
    assert answer.found
    assert "Ben Zhao" in answer.text


def test_the_figure_itself_may_open_a_how_much_question(seed_service: Any) -> None:
    answer = seed_service.ask("katanya bytedance rugi gara2 anak magang, brp sih angka yg beredar?")
    assert answer.found
    assert "10 juta" in answer.text


def test_where_a_story_came_from_is_who_it_quotes(seed_service: Any) -> None:
    assert "BBC" in seed_service.ask("Sumber berita ByteDance?").text
    answer = seed_service.ask("ByteDance dikabarkan rugi, sumber beritanya dari mana?")
    assert answer.found


def test_outsourcing_in_indonesian_is_a_third_party_vendor(seed_service: Any) -> None:
    answer = seed_service.ask(
        "pekerja kontrak AI direkrut langsung oleh perusahaan atau lewat alih daya?"
    )
    assert answer.found
    assert "pihak ketiga" in answer.text


def test_going_to_the_office_asks_whether_the_work_is_remote(seed_service: Any) -> None:
    first = "Netflix lagi cari manajer produk AI ya?"
    before = seed_service.ask(first)
    answer = seed_service.ask(
        "terus harus datang ke kantor atau boleh dari rumah?",
        (Turn(first, before.text, before.standalone_question),),
    )
    assert answer.found
    assert "jarak jauh" in answer.text


def test_when_a_sum_was_heard_of_is_not_what_is_measured(seed_service: Any) -> None:
    # "brp kmrn": the amount asked is the pay before it, heard of yesterday
    assert verdict(seed_service, "netflix cari manajer AI gajinya brp kmrn?").outcome == "answered"


def test_how_high_the_pay_goes_is_no_role_paid(seed_service: Any) -> None:
    # "paling tinggi" says how high, not whose pay
    answer = seed_service.ask("para ahli yang dikirim Invisible Tech, gaji per jamnya paling "
                              "tinggi brp?")
    assert answer.found
    assert "$200" in answer.text
    # a long description of whom with one word of the asker's own ("golongan")
    answer = seed_service.ask("upah pelatih AI golongan ahli kyk dokter & orang keuangan per jam "
                              "max brp dolar")
    assert answer.found
    assert "$200" in answer.text


def test_who_was_hired_needs_someone_named(seed_service: Any) -> None:
    v = verdict(seed_service, "jadi siapa yg direkrut netflix jd manajer produk AI?")
    assert v.outcome == "not_found"


def test_where_trainers_are_taken_from_is_who_supplies_them(seed_service: Any) -> None:
    answer = seed_service.ask("Cohere mendatangkan pelatih ahli dari mana?")
    assert answer.found
    assert "Invisible Tech" in answer.text


def test_the_name_asked_leads_over_the_description_of_its_owner(seed_service: Any) -> None:
    answer = seed_service.ask("anak 22 tahun dari Austin yg kontrak AI itu punya perusahaan "
                              "rintisan, apa namanya?")
    assert answer.found
    assert "Bonsai" in answer.text


def test_hard_times_are_what_the_articles_call_homelessness(seed_service: Any) -> None:
    answer = seed_service.ask("pernah ada yg masa sulit terus terbantu kerja AI?")
    assert answer.found
    assert "tunawisma" in answer.text


def test_english_words_of_agencies_and_adverts(seed_service: Any) -> None:
    answer = seed_service.ask("I am practising my English. What was the starting pay in the job "
                              "ad from the temporary agency?")
    assert answer.found
    assert "Invisible" in answer.text
    assert "$15" in answer.text


def test_a_period_in_the_askers_story_asks_by_no_unit(seed_service: Any) -> None:
    # "tiap hari" tells how the asker's days go; the pay asked is per any unit
    v = verdict(seed_service, "aku satpam pabrik, tiap hari jaga malam. pelatih AI gajinya brp?")
    assert v.found
    assert not any("per hari" in m for m in v.missing)
    # a period asked still is one ("sebulan": the articles give no monthly sum)
    assert "bayaran per bulan" in verdict(seed_service, "savreux sebulan dapet brp?").missing


def test_pay_per_piece_of_work_is_a_unit_the_articles_do_not_give(seed_service: Any) -> None:
    # the articles pay by the hour: "brp dpt per proyek" is told so, not "$15" as if per project
    v = verdict(seed_service, "brp bs dpt per proyek ai?")
    assert v.found
    assert "bayaran per proyek" in v.missing
    per_task = verdict(seed_service, "pelatih AI dibayar berapa per tugas?")
    assert "bayaran per tugas" in per_task.missing


def test_a_list_of_things_no_article_names_is_not_found(seed_service: Any) -> None:
    # the rest ("butuh duit buat bayar kos") is the asker's need, which the articles share words
    # with; what is to be listed ("arisan online") no article speaks of
    v = verdict(seed_service, "arisan online yg terpercaya apa aja, lagi butuh duit buat bayar kos")
    assert v.outcome == "not_found"
    # a list of what the articles do name still is one
    assert verdict(seed_service, "klien Invisible Tech apa aja").found


def test_a_school_in_the_askers_story_is_no_school_asked(seed_service: Any) -> None:
    answer = seed_service.ask("sy sopir angkot, anak masih sekolah, istri dagang. liat tiktok "
                              "ada orang amerika kerja AI dr rumah, dia pake alat apa")
    assert answer.found
    assert "laptop" in answer.text


def test_whether_a_thing_no_article_names_exists_is_not_found(seed_service: Any) -> None:
    # "jalur rekrutmen khusus" is what is asked to exist; the rest is the articles' words (and
    # a partial answer naming the sibling's situation would answer something else)
    answer = seed_service.ask(
        "adik saya pakai kursi roda dan kerja anotasi data. apakah perusahaan AI ada jalur "
        "rekrutmen khusus untuk penyandang disabilitas?"
    )
    assert not answer.found
    # a thing the articles name is still looked for
    assert verdict(seed_service, "ada serikat pekerja AI gak?").outcome == "answered"


def test_whether_there_is_an_age_limit_needs_a_limit_not_someones_age(seed_service: Any) -> None:
    # the articles give Savreux's and Kumar's ages, never a limit on who may apply
    assert verdict(seed_service, "ada batas usia maksimal buat jadi pelatih AI gak? saya 55 "
                   "tahun").outcome == "not_found"
    # naming where to apply does not make it a question about applying there
    assert verdict(seed_service, "ada batas usia maksimal buat daftar di Scale AI gak? saya 55 "
                   "tahun").outcome == "not_found"
    assert verdict(seed_service, "savreux umurnya 34 ya?").outcome == "answered"


def test_the_askers_kin_after_how_much_is_not_what_is_measured(seed_service: Any) -> None:
    # "berapa, istri saya …": the story after the question, not "berapa istri"
    v = verdict(seed_service, "upahnya berapa, istri saya mau coba jadi pelabel data")
    assert v.found


def test_whether_an_unnamed_thing_exists_is_asked_before_a_place_too(seed_service: Any) -> None:
    # "… gak? di Jember atau Malang": the tag closes the asking and places follow
    assert verdict(seed_service, "ada kursus online buat jadi pelatih AI gak? di bandung atau "
                   "bekasi").outcome == "not_found"
    assert verdict(seed_service, "ada webinar buat calon pelatih AI ga? ke jogja "
                   "ya").outcome == "not_found"
    assert verdict(seed_service, "ada serikat pekerja AI gak? di kenya atau "
                   "amerika").outcome == "answered"
    # "… tidak di kantor": a negated place tells what is asked, it is no tag
    assert verdict(seed_service, "Ada tetangga saya yang pernah jadi manajer produk, bisa "
                   "melamar jadi manajer produk AI Netflix yang kerjanya tidak di "
                   "kantor?").found


def test_falling_ill_asks_whether_health_insurance_covers_it(seed_service: Any) -> None:
    answer = seed_service.ask("pelabel data kalau sakit ditanggung perusahaan gak?")
    assert answer.found
    assert "asuransi" in answer.text


def test_chat_ai_is_the_chatbot_not_a_name_no_article_has(seed_service: Any) -> None:
    answer = seed_service.ask("bytedance punya aplikasi apa aja selain yang buat chat ai?")
    assert answer.found
    assert "TikTok" in answer.text


def test_a_thing_described_by_a_word_no_article_uses_is_not_found(seed_service: Any) -> None:
    # "pelatihan" is in the articles (of models); free training for workers is not
    assert verdict(seed_service, "ada pelatihan gratis buat calon anotator gak?").outcome == (
        "not_found"
    )
    assert verdict(seed_service, "ada asuransi kesehatan gak buat pekerja kontrak AI?").found


def test_a_named_companys_pay_is_not_found_whatever_the_asker_compares(
    seed_service: Any,
) -> None:
    assert verdict(seed_service, "scale ai bayar kontraktornya berapa sejam? mau aku bandingin "
                   "sama yang lain").outcome == "not_found"


def test_pay_of_a_group_no_article_names_is_not_found(seed_service: Any) -> None:
    # the words after the pay word name whom it pays; nobody in the articles is that group
    assert verdict(seed_service, "berapa upah anggota paguyuban data sukamaju per "
                   "jam?").outcome == "not_found"
    # how the asker finds the sum names nobody ("gajinya fantastis")
    assert verdict(seed_service, "netflix cari manajer AI, gajinya fantastis, setahun "
                   "berapa?").found


def test_how_much_an_english_asker_says_trainers_make_is_their_pay(seed_service: Any) -> None:
    answer = seed_service.ask("how much do professional trainers working for Invisible Tech "
                              "make?")
    assert answer.found
    assert "$200" in answer.text


def test_whether_it_suits_the_asker_is_no_word_an_article_must_hold(seed_service: Any) -> None:
    # "cocok" before its "nggak" asks whether the job suits them, not a fact to look up
    assert verdict(seed_service, "aku perawat honorer, cocok gak ambil kerja sampingan melatih "
                   "AI?").found


def test_a_per_word_after_the_pay_names_nobody(seed_service: Any) -> None:
    # "tiap jamnya" is how the pay is counted; "orang tersebut" points back to the story
    assert verdict(seed_service, "katanya ada yang kerjanya melatih ChatGPT. berapa upah orang "
                   "tersebut tiap jamnya?").found


def test_a_relative_who_told_it_is_not_what_the_answer_misses(seed_service: Any) -> None:
    result = verdict(seed_service, "keponakan saya bercerita, ada kerja melatih AI dari rumah. "
                     "gajinya berapa sejam?")
    assert result.found
    assert not any("keponakan" in m for m in result.missing)
    result = verdict(seed_service, "menantu saya bercerita kalau pelatih AI di kenya bikin "
                     "serikat. berapa orang yang ikut?")
    assert result.found


def test_where_a_teacher_who_told_it_teaches_is_no_absent_subject(seed_service: Any) -> None:
    assert verdict(seed_service, "ustadz di pondok Gontor bilang sekarang pelatih AI bukan "
                   "cuma mahasiswa. profesi apa saja yang ikut melatih AI?").found


def test_a_nurses_plan_b_is_her_story_not_the_question(seed_service: Any) -> None:
    assert verdict(seed_service, "saya bidan lulusan D3, lagi les bahasa jerman buat kerja di "
                   "sana. kalau batal terbang apa tenaga kesehatan seperti saya bisa ikut "
                   "melatih AI?").found


def test_a_program_no_article_names_is_said_to_be_missing(seed_service: Any) -> None:
    # "jamsostek" is answered through the articles' "asuransi … jarang", and the answer says
    # the articles do not speak of jamsostek itself
    result = verdict(seed_service, "pekerja kontrak AI bisa ikut jamsostek nggak?")
    assert result.outcome == "partial"
    assert any("jamsostek" in m.lower() for m in result.missing)


def test_a_question_of_only_unknown_words_is_off_topic(seed_service: Any) -> None:
    result = verdict(seed_service, "sesuk udan ora ning cirebon?")
    assert not result.found
    assert result.off_topic


def test_a_short_question_on_a_named_person_is_answered(seed_service: Any) -> None:
    # e5 scores a few words low; every word of it stands in the passage naming him
    assert verdict(seed_service, "Kumar tinggal di mana?").found


def test_an_age_told_in_years_answers_an_age_question(seed_service: Any) -> None:
    # "Jatin Kumar, 22 tahun di Austin": no "usia" or "umur" in the sentence
    assert verdict(seed_service, "Kumar umurnya brp?").found


def test_a_place_typed_in_lowercase_is_named_with_its_capital(seed_service: Any) -> None:
    result = verdict(seed_service, "saya tinggal di indo, pelatih AI dapat asuransi gak?")
    assert result.outcome == "partial"
    assert "Indonesia" in result.missing


def test_what_no_article_tells_of_a_named_person_is_not_found(seed_service: Any) -> None:
    # the name matches; nothing else of the question does
    assert not verdict(seed_service, "Savreux makanan kesukaannya apa?").found


def test_a_man_named_by_where_he_is_from_is_whom_the_pay_is_asked_of(
    seed_service: Any,
) -> None:
    # "om kansas" is the man from Kansas: his pay stands a sentence from where he lives
    assert verdict(seed_service, "om kansas yg ngelatih chatgpt itu sejam dapet brp?").found


def test_whose_a_named_app_is_asks_of_the_name(seed_service: Any) -> None:
    assert verdict(seed_service, "tiktok sama douyin itu punyanya sp?").found


def test_a_name_asked_with_a_particle_between_still_needs_a_name(seed_service: Any) -> None:
    # "siapa sih nama …": no article names the intern; ByteDance's sentences about them are
    # no answer
    assert not seed_service.ask("pemagang yg dipecat ByteDance, siapa ya namanya?").found
    assert not seed_service.ask("siapa sih nama pemagang yg dipecat ByteDance?").found
    assert seed_service.ask("siapa sih nama pelatih AI yg tinggal di Kansas?").found


def test_a_claim_of_someones_pay_is_checked_against_a_sum_paid_to_them(
    seed_service: Any,
) -> None:
    # the CEO is named near a head count, never near any pay
    assert not seed_service.ask("bener ga CEO OpenAI Sam Altman digaji 5 miliar sebulan?").found
    assert seed_service.ask("katanya manajer AI Netflix gajinya 900 ribu dolar, bener ga?").found
    # a claim with no sum in it is answered by words ("berupah rendah")
    assert seed_service.ask("beneran ga si OpenAI bayar murah org kenya buat nyaring kata2 kasar?"
                            ).found


def test_elders_and_guards_and_teenagers_are_answered(seed_service: Any) -> None:
    # krama ("kenging menapa", "dipun kritik"), a guard's "izin ndan", a teenager's "max",
    # "pro2" and "komen"
    for question, fact in (
        ("Nyuwun sewu, lowongan manajer AI Netflix dipun kritik kenging menapa?", "mogok"),
        ("izin ndan, OpenAI punya karyawan brp org?", "375"),
        ("pelatih AI profesional sejam max dibayar brp", "200"),
        ("soal pekerja kenya yg bikin serikat, openai ada komen ga?", "menolak"),
    ):
        answer = seed_service.ask(question)
        assert answer.found, question
        assert fact in answer.text, question
    # krama "kasil" (succeeded): whether the union won, which no article tells
    assert not seed_service.ask(
        "Nyuwun pirsa, pekerja AI ing Nairobi ingkang damel serikat punika kasil gajinipun "
        "mundhak menapa mboten?"
    ).found


def test_not_only_x_tells_who_else_besides_x(seed_service: Any) -> None:
    # "tidak lagi terbatas pada mahasiswa, tetapi mencakup dokter …" answers "selain mahasiswa"
    answer = seed_service.ask("yg ngelatih model AI sekarang selain mahasiswa sarjana siapa lagi?")
    points = answer.text.split("\n• ")
    assert "dokter" in (points[1] if len(points) > 1 else answer.text)  # told first


def test_a_sum_told_amid_a_strike_is_not_the_strikers_pay(seed_service: Any) -> None:
    # "Gaji hingga US$900.000 di Tengah Mogok Penulis dan Aktor" pays the manager, and the
    # sentence after the sum ("… di tengah pemogokan oleh penulis …") pays nobody
    assert not seed_service.ask("penulis skenario yg lagi mogok itu gajinya brp setahun?").found
    assert seed_service.ask("gaji manajer produk AI netflix brp setahun?").found


def test_a_role_told_across_its_article_is_paid_the_sum_of_its_noun(service_over: Any) -> None:
    # the guards are named two sentences before the sum, which pays "seorang pelabel data":
    # half the asked description stands in the sum's sentence, the rest in its article
    service = service_over({"satpam.md": (
        "---\ntitle: Satpam Malam Nyambi Pelabel Data\n---\n"
        "Sejumlah satpam yang bertugas malam di Mataram kini nyambi sebagai pelabel data untuk "
        "perusahaan kecerdasan buatan. Mereka bekerja dari pos jaga memakai ponsel.\n\n"
        "Menurut koordinator mereka, seorang pelabel data dibayar sekitar Rp35.000 per jam.\n"
    )})
    answer = service.ask("satpam yg nyambi pelabel data dibayar brp sejam?")
    assert answer.found
    assert "Rp35.000" in answer.text
    # a role no sentence of the article pays stays unanswered
    assert not service.ask("gaji koordinator satpam di mataram brp sebulan?").found


def test_a_yes_or_no_on_a_word_no_article_uses_is_refused_whatever_the_kind(
    seed_service: Any,
) -> None:
    # "halal atau tidak" asks a yes or no on "halal" inside a "bagaimana" question
    assert not seed_service.ask(
        "Assalamualaikum ustadz, bagaimana hukumnya dalam Islam bekerja sebagai pelatih AI, "
        "halal atau tidak? syukron"
    ).found
    assert seed_service.ask("pelatih AI dibayar per jam atau tidak?").found


def test_the_way_of_a_thing_no_article_speaks_of_is_refused(seed_service: Any) -> None:
    # "pajaknya gmn": tax is what is asked; the AI freelance work is the asker's story, and the
    # second question ("lapor kmn") goes on with the first one's topic
    assert not seed_service.ask(
        "klo sy udh balik ke indo trs kerja freelance AI dr luar negri, pajaknya gmn ya? hrs "
        "lapor kmn"
    ).found


def test_apa_namanya_after_the_thing_asks_its_name(seed_service: Any) -> None:
    # the Nairobi union is never named; Kumar's startup is ("Bonsai")
    assert not seed_service.ask("serikat pekerja AI di kenya apa namanya?").found
    answer = seed_service.ask("startup punya jatin kumar apa namanya?")
    assert answer.found
    assert "Bonsai" in answer.text


def test_what_happens_in_a_country_no_article_speaks_of_is_refused_by_name(
    seed_service: Any,
) -> None:
    answer = seed_service.ask("di Indonesia udah ada serikat pekerja buat anotator data belum?")
    assert not answer.found
    assert "tidak ada yang membahas Indonesia" in answer.text
    assert not seed_service.ask("di indo udh ada serikat buat pekerja AI blm?").found
    # where the asker is, told in their own sentence, is their story: answered, with the caveat
    told = seed_service.ask("sy tinggal di Indonesia, apa bisa kerja jadi pelatih AI dari rumah?")
    assert told.found


@pytest.mark.parametrize(
    "question",
    [
        # hearsay, "how often", "how exactly", "in what form": frames, not what is asked
        "nak, ibu dengar AI itu suka ngarang jawaban. bagaimana caranya pelatih AI bikin dia "
        "tidak bohong",
        "angka kerugian yg dibantah bytedance itu brp persisnya? kalau ada versi rupiahnya "
        "sekalian",
        "karyawan openai brp org sih aslinya",
        # a statement asked for is the comment the articles tell of ("OpenAI menolak berkomentar")
        "eh OpenAI ada kasih statement ga sih soal anak2 kenya yg bikin union itu? apa diem aja",
        # an example of someone like the asker: the example is no word the articles must use
        "dulu saya kerja serabutan. ada contoh orang seperti saya yang jadi pelatih AI?",
        # recruited is hired ("dipekerjakan … melalui vendor pihak ketiga")
        "pekerja kontrak ai direkrut lewat siapa",
    ],
)
def test_frames_around_what_is_asked_do_not_refuse(seed_service: Any, question: str) -> None:
    assert verdict(seed_service, question).found


def test_unknown_names_side_by_side_are_one_absent_name(seed_service: Any) -> None:
    v = verdict(seed_service, "padum gaji pelabel data AI di Lamteh Ulee sibuleun?")
    assert not v.found
    assert v.absent == ("Lamteh Ulee",)
    # a city of data/places.txt is where the asker is: the pay the articles give, and that
    # they do not speak of the city
    v = verdict(seed_service, "padum gaji pelabel data AI di Banda Aceh sibuleun?")
    assert v.outcome == "partial"
    assert v.missing == ("Banda Aceh",)


def test_a_hope_after_the_question_names_nothing_asked(seed_service: Any) -> None:
    # "mana tau …" (perhaps) is the asker's hope, and the town in it no subject
    answer = seed_service.ask(
        "manajer AI netflix bisa kerja jarak jauh gak? mana tau bisa dari Kabanjahe sambil"
        " ngurus kebun"
    )
    assert answer.found
    assert "jarak jauh" in answer.text


def test_a_regency_no_article_speaks_of_is_refused_by_name(seed_service: Any) -> None:
    # typed in lowercase, a regency is still a place: its minimum wage is not in the articles
    answer = seed_service.ask("UMR majene thn ini brp?")
    assert not answer.found


def test_usually_is_no_word_an_answer_must_hold(seed_service: Any) -> None:
    answer = seed_service.ask(
        "aku kerja pabrik di NZ, mau coba kerja remote buat openai. openai biasa ambil"
        " kontraktor dari negara mana?"
    )
    assert answer.found
    assert "Eropa Timur" in answer.text


def test_starting_pay_asked_by_a_dropout_is_the_beginners_pay(seed_service: Any) -> None:
    answer = seed_service.ask(
        "aku DO kuliah, ada kerja pelatih AI utk pemula? gajinya kalo baru mulai brp"
    )
    assert answer.found
    assert "$15" in answer.text


def test_what_a_post_requires_is_told_near_its_name(seed_service: Any) -> None:
    # Netflix's posting gives pay and duties, never requirements; "berkualifikasi tinggi" of
    # another article is not its requirement
    assert not verdict(seed_service, "syarat jadi manajer produk AI netflix apa aja?").found
    assert verdict(seed_service, "syarat jadi pelatih AI apa aja?").found


def test_a_story_no_article_speaks_of_asked_one_plain_word_is_refused(seed_service: Any) -> None:
    # "how do I open it": the asker's blocked account is the topic, and no article tells of it
    assert not verdict(
        seed_service, "rekening bank saya keblokir abis salah pin tiga kali, gmn bukanya"
    ).found
    # sending money home by a service no article names is no question for these articles
    assert not verdict(
        seed_service, "kirim uang ke ortu di kampung paling murah lewat western union atau wise?"
    ).found


def test_the_town_of_a_story_without_a_subject_is_where_the_asker_is(seed_service: Any) -> None:
    v = verdict(seed_service, "aku baru lulus SMK di palembang, bisa ga aku kerja melatih AI?")
    assert v.found
    assert not v.absent


def test_the_school_or_town_a_story_puts_the_asker_at_is_theirs(seed_service: Any) -> None:
    v = verdict(
        seed_service,
        "aku umur 22 baru lulus ilmu komputer di UPR palangka raya, bisa aku jadi pelatih AI?",
    )
    assert v.found
    assert not v.absent
    # a country named is still what is asked of
    assert not verdict(seed_service, "bisa daftar pelatih AI di malaysia?").found


def test_a_country_in_the_askers_reason_is_no_place_asked_of(seed_service: Any) -> None:
    v = verdict(
        seed_service,
        "kerjaan ngelatih AI ini bukan cuma buat orang amerika kan? ada yg dari negara lain gak,"
        " soalnya gak ada yg di indo ya?",
    )
    assert v.found
    assert "Indonesia" not in v.absent


def test_a_figure_of_a_town_no_article_speaks_of_is_not_found(seed_service: Any) -> None:
    v = verdict(seed_service, "UMR di Aceh Tengah thn ini brp? mau sy bandingin sama gaji AI")
    assert not v.found
    assert v.absent


def test_whom_a_passive_pay_question_asks_of_must_be_paid(seed_service: Any) -> None:
    # the screenwriters' pay is not the AI manager's US$900.000 beside their strike
    assert not verdict(seed_service, "penulis skenario netflix dibayar pire per episode?").found
    assert verdict(seed_service, "manajer produk AI netflix digaji berapa").found
    # whom it pays stops at a verb: the reading is no one's job
    assert verdict(
        seed_service, "ulun baca ada pelatih chatgpt dibayar per jam, kalau dirupiahkan jadi brp"
    ).found


def test_a_towns_minimum_wage_with_its_is_not_told(seed_service: Any) -> None:
    # "UMK nya" is read as "umknya": still the town's minimum wage, which no article gives
    v = verdict(seed_service, "gaji satpam di pekanbaru UMK nya brp skrg? mau bandingin sm gaji"
                              " pelatih AI")
    assert not v.found
