"""Workers' side of the bot, end to end: the real Application against the fake Bot API server."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot import texts
from bot.render import tg_len
from knowledge.settings import Settings
from tests.support.bot_fakes import FakeKnowledge, RecordingIngester, fake_services, running_bot
from tests.support.fake_bot_api import BOT_ID, BOT_USERNAME, Call
from tests.test_render import assert_valid_html

USER = 111
GROUP = -100555


def _is_answer(call: Call) -> bool:
    return call.method == "sendMessage" and "Sumber" in call.text


async def test_start_offers_only_answerable_questions_and_a_press_asks_it(
    make_settings: Callable[..., Settings],
) -> None:
    services = fake_services(make_settings())
    async with running_bot(services) as (api, _app):
        api.send_message("/start", first_name="Sari <3")
        [welcome] = await api.wait_sent(USER)
        assert "Halo, Sari &lt;3!" in welcome.text
        assert "artikel" in welcome.text
        labels = [label for label, _ in welcome.buttons()]
        assert labels == ["Berapa gaji pelatih AI?", "Di mana pekerja AI membentuk serikat?"]

        api.press(welcome.buttons()[0][1], message=welcome.result)
        answers = await api.wait_for(_is_answer)
        assert answers[0].text.startswith("\u2753 <b>Berapa gaji pelatih AI?</b>")
        assert "US$15 per jam [1]" in answers[0].text
        await api.wait_for(lambda c: c.method == "answerCallbackQuery")


async def test_not_found_offers_questions_the_articles_answer(
    make_settings: Callable[..., Settings],
) -> None:
    services = fake_services(make_settings())
    async with running_bot(services) as (api, _app):
        api.send_message("Resep nasi goreng gimana?")
        [reply] = await api.wait_sent(USER)
        assert "belum ada di artikel" in reply.text
        labels = [label for label, _ in reply.buttons()]
        assert labels == ["Berapa gaji pelatih AI?", "Di mana pekerja AI membentuk serikat?"]
        assert all(not data.startswith("fb:") for _, data in reply.buttons())


async def test_topics_lead_to_answerable_questions(make_settings: Callable[..., Settings]) -> None:
    services = fake_services(make_settings())
    async with running_bot(services) as (api, _app):
        api.send_message("/topik")
        [menu] = await api.wait_sent(USER)
        assert [label for label, _ in menu.buttons()] == ["Gaji & bayaran", "Serikat pekerja"]

        api.press("topik:gaji", message=menu.result)
        [edit] = await api.wait_for(lambda c: c.method == "editMessageText")
        assert "Gaji &amp; bayaran" in edit.text
        assert [label for label, _ in edit.buttons()] == [
            "Berapa gaji pelatih AI?", texts.BACK,
        ]


async def test_question_answered_with_citation_sources_and_feedback_stored(
    make_settings: Callable[..., Settings],
) -> None:
    services = fake_services(make_settings())
    async with running_bot(services) as (api, _app):
        api.send_message("Berapa gaji pelatih AI?")
        [answer] = await api.wait_for(_is_answer)
        typing_at = [c.at for c in api.calls if c.method == "sendChatAction"]
        assert typing_at
        assert typing_at[0] <= answer.at
        assert answer.params["parse_mode"] == "HTML"
        assert "Pelatih AI dibayar sekitar US$15 per jam [1]." in answer.text
        assert (
            '[1] <a href="https://www.cnbc.com/2023/05/08/chatgpt-contractors.html">'
            "Pekerja Kontrak di Balik ChatGPT Dibayar $15 per Jam</a> \u2014 CNBC"
        ) in answer.text
        (up_label, up_data), (down_label, _down) = answer.buttons()
        assert (up_label, down_label) == ("\U0001f44d", "\U0001f44e")

        api.press(up_data, message=answer.result, user_id=222)  # someone else: not stored
        await api.wait_for(lambda c: c.method == "answerCallbackQuery"
                           and c.params.get("text") == texts.FEEDBACK_NOT_ASKER)
        api.press(up_data, message=answer.result)
        await api.wait_for(lambda c: c.method == "answerCallbackQuery"
                           and c.params.get("text") == texts.FEEDBACK_THANKS)
        [edit] = await api.wait_for(lambda c: c.method == "editMessageReplyMarkup")
        assert edit.buttons()[0][0] == texts.FEEDBACK_DONE_UP
        entries = services.log.entries()  # type: ignore[attr-defined]
        assert [(e.question, e.feedback) for e in entries] == [("Berapa gaji pelatih AI?", 1)]
        assert entries[0].sources


async def test_follow_up_uses_recent_turns_until_baru(
    make_settings: Callable[..., Settings],
) -> None:
    knowledge = FakeKnowledge()
    services = fake_services(make_settings(), knowledge=knowledge)
    async with running_bot(services) as (api, _app):
        api.send_message("Berapa gaji pelatih AI?")
        api.send_message("kalau tunjangannya?")
        sent = await api.wait_sent(USER, count=2)
        assert "tunjangan kesehatan" in sent[1].text
        assert [t.question for t in knowledge.calls[1][1]] == ["Berapa gaji pelatih AI?"]

        api.send_message("/baru")
        api.send_message("tunjangannya?")
        sent = await api.wait_sent(USER, count=4)
        assert sent[2].text == texts.FORGOT
        assert "belum ada di artikel" in sent[3].text
        assert "Sumber" not in sent[3].text
        assert knowledge.calls[2][1] == []


async def test_group_answers_only_when_addressed(make_settings: Callable[..., Settings]) -> None:
    services = fake_services(make_settings())
    async with running_bot(services) as (api, _app):
        group: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}
        api.send_message("Berapa gaji pelatih AI?", **group)  # not for the bot: silence
        api.send_message("", extra={"photo": [{"file_id": "p", "file_unique_id": "p",
                                                "width": 1, "height": 1}]}, **group)
        mention = f"@{BOT_USERNAME} berapa gaji pelatih AI?"
        m1 = api.send_message(
            mention, entities=[{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}],
            **group,
        )
        bot_message = {
            "message_id": 7, "date": 0, "chat": {"id": GROUP, "type": "supergroup"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "TanyaKerja"}, "text": "...",
        }
        m2 = api.send_message("serikat pekerja di mana?", reply_to=bot_message, **group)
        m3 = api.send_message("/tanya serikat pekerja ada?", **group)
        api.send_message(f"/tanya@{BOT_USERNAME}", **group)
        sent = await api.wait_sent(GROUP, count=4)
        await api.wait_for(lambda c: c.method == "getUpdates" and c.at > sent[-1].at)
        assert len(api.sent(GROUP)) == 4
        replied_to = [c.params["reply_parameters"]["message_id"] for c in sent[:3]]
        assert replied_to == [m1["message_id"], m2["message_id"], m3["message_id"]]
        assert "US$15" in sent[0].text
        assert "Kenya" in sent[1].text
        assert "Kenya" in sent[2].text
        assert sent[3].text == texts.EMPTY_QUESTION
        assert services.knowledge.calls[0][0] == "berapa gaji pelatih AI?"  # type: ignore[attr-defined]


async def test_media_hint_long_question_and_unknown_command(
    make_settings: Callable[..., Settings],
) -> None:
    ingester = RecordingIngester()
    services = fake_services(make_settings(max_question_chars=50), ingester=ingester)
    async with running_bot(services) as (api, _app):
        api.send_message("", extra={"sticker": {
            "file_id": "s", "file_unique_id": "s", "width": 1, "height": 1, "is_animated": False,
            "is_video": False, "type": "regular"}})
        api.send_message("", extra={"voice": {"file_id": "v", "file_unique_id": "v",
                                              "duration": 1}})
        api.send_document("artikel.md", b"# Judul\nIsi artikel.")  # not an admin
        api.send_message("x" * 51)
        api.send_message("/entahlah")
        sent = await api.wait_sent(USER, count=5)
        assert [c.text for c in sent[:3]] == [texts.TEXT_ONLY] * 3
        assert sent[3].text == texts.too_long(50)
        assert sent[4].text == texts.UNKNOWN_COMMAND
        assert ingester.calls == []
        assert not any(c.method in ("getFile", "file") for c in api.calls)


async def test_rate_limit_per_user(make_settings: Callable[..., Settings]) -> None:
    knowledge = FakeKnowledge()
    services = fake_services(make_settings(rate_limit_per_minute=2), knowledge=knowledge)
    async with running_bot(services) as (api, _app):
        for _ in range(3):
            api.send_message("Berapa gaji pelatih AI?")
        api.send_message("Berapa gaji pelatih AI?", user_id=222)  # another user is not limited
        sent = await api.wait_sent(USER, count=3)
        assert "US$15" in sent[0].text
        assert "US$15" in sent[1].text
        assert sent[2].text.startswith("Wah, kamu mengirim banyak sekali pertanyaan")
        assert "detik" in sent[2].text
        await api.wait_sent(222)
        assert len(knowledge.calls) == 3


async def test_user_markup_is_escaped(make_settings: Callable[..., Settings]) -> None:
    services = fake_services(make_settings())
    async with running_bot(services) as (api, _app):
        api.send_message("gema <b>tebal</b> & <a href='x'>miring</a>")
        [answer] = await api.wait_sent(USER)
        assert "gema &lt;b&gt;tebal&lt;/b&gt; &amp; &lt;a href=&#x27;x&#x27;&gt;miring" in (
            answer.text
        )
        assert_valid_html(answer.text)


async def test_long_answer_split_into_valid_html_messages(
    make_settings: Callable[..., Settings],
) -> None:
    services = fake_services(make_settings())
    async with running_bot(services) as (api, _app):
        api.send_message("jawaban panjang dong")
        sent = await api.wait_for(_is_answer)
        parts = api.sent(USER)
        assert len(parts) >= 2
        assert sent[0] is parts[-1]
        assert sum(len(p.text) for p in parts) > 5000
        for part in parts:
            assert tg_len(part.text) <= 4096
            assert_valid_html(part.text)
        assert [bool(p.buttons()) for p in parts] == [False] * (len(parts) - 1) + [True]
        assert "&lt;b&gt;&amp; mitra&lt;/b&gt;" in parts[0].text


async def test_error_is_apologised_and_the_bot_keeps_running(
    make_settings: Callable[..., Settings],
) -> None:
    services = fake_services(make_settings())
    async with running_bot(services) as (api, _app):
        api.send_message("pertanyaan rusak")
        api.send_message("Berapa gaji pelatih AI?")
        sent = await api.wait_sent(USER, count=2)
        assert sent[0].text == texts.ERROR
        assert "US$15" in sent[1].text


async def test_store_down_gets_a_clear_message_and_the_next_question_works(
    make_settings: Callable[..., Settings],
) -> None:
    services = fake_services(make_settings())
    async with running_bot(services) as (api, _app):
        api.send_message("server padam?")
        api.send_message("Berapa gaji pelatih AI?")
        sent = await api.wait_sent(USER, count=2)
        assert sent[0].text == texts.STORE_DOWN
        assert "US$15" in sent[1].text


async def test_sumber_bantuan_and_baru(make_settings: Callable[..., Settings]) -> None:
    services = fake_services(make_settings(admin_user_ids="999"))
    async with running_bot(services) as (api, _app):
        api.send_message("/sumber")
        api.send_message("/bantuan")
        api.send_message("/bantuan", user_id=999)
        sources = (await api.wait_sent(USER, count=2))[0]
        assert '<a href="https://www.cnbc.com/2023/05/08/chatgpt-contractors.html">' in (
            sources.text
        )
        assert "Kompas &amp; &lt;Mitra&gt;" in sources.text
        worker_help = api.sent(USER)[1].text
        admin_help = (await api.wait_sent(999))[0].text
        assert "/reindex" not in worker_help
        assert "/reindex" in admin_help
        assert "/topik" in worker_help


async def test_tanya_with_the_question_on_the_next_line(
    make_settings: Callable[..., Settings],
) -> None:
    knowledge = FakeKnowledge()
    services = fake_services(make_settings(), knowledge=knowledge)
    async with running_bot(services) as (api, _app):
        group: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup"}
        api.send_message("/tanya\nberapa gaji pelatih AI?", **group)
        api.send_message(f"/tanya@{BOT_USERNAME}\nserikat pekerja di mana?", **group)
        sent = await api.wait_sent(GROUP, count=2)
        assert [q for q, _history in knowledge.calls] == [
            "berapa gaji pelatih AI?", "serikat pekerja di mana?",
        ]
        assert "US$15" in sent[0].text
        assert "Kenya" in sent[1].text


TOPIC = 42


def _in_topic(call: Call) -> bool:
    return call.params.get("message_thread_id") == TOPIC


async def test_forum_topic_gets_every_part_and_button_answers(
    make_settings: Callable[..., Settings],
) -> None:
    services = fake_services(make_settings(rate_limit_per_minute=100))
    async with running_bot(services) as (api, _app):
        topic: dict[str, Any] = {"chat_id": GROUP, "chat_type": "supergroup", "thread_id": TOPIC}
        api.send_message("/tanya jawaban panjang dong", **topic)
        await api.wait_for(_is_answer)
        parts = api.sent(GROUP)
        assert len(parts) >= 2
        assert all(_in_topic(p) for p in parts)  # not only the first part (the reply)
        actions = [c for c in api.calls if c.method == "sendChatAction"]
        assert actions
        assert all(_in_topic(c) for c in actions)

        api.send_message("/tanya resep nasi goreng?", **topic)
        not_found = (await api.wait_sent(GROUP, count=len(parts) + 1))[-1]
        assert _in_topic(not_found)
        api.press(not_found.buttons()[0][1], message=not_found.result)  # a suggestion button
        answers = await api.wait_for(_is_answer, count=2)
        assert answers[-1].text.startswith("\u2753 <b>Berapa gaji pelatih AI?</b>")
        assert _in_topic(answers[-1])


ANONYMOUS_ADMIN = 1087968824  # GroupAnonymousBot: the sender of every anonymous admin message


async def test_anonymous_admins_of_different_groups_have_separate_limits(
    make_settings: Callable[..., Settings],
) -> None:
    knowledge = FakeKnowledge()
    services = fake_services(make_settings(rate_limit_per_minute=1), knowledge=knowledge)
    async with running_bot(services) as (api, _app):
        for group_id in (-1001, -1001, -1002):
            api.send_message(
                "/tanya berapa gaji pelatih AI?", user_id=ANONYMOUS_ADMIN, chat_id=group_id,
                chat_type="supergroup",
                extra={"sender_chat": {"id": group_id, "type": "supergroup", "title": "Grup"}},
            )
        first, limited = await api.wait_sent(-1001, count=2)
        [other_group] = await api.wait_sent(-1002)
        assert "US$15" in first.text
        assert limited.text.startswith("Wah, kamu mengirim banyak sekali pertanyaan")
        assert "US$15" in other_group.text  # group A's anonymous admin used only group A's quota
        assert first.buttons() == []  # no 👍/👎: nobody could prove they asked it
        assert len(knowledge.calls) == 2


def test_reviewed_wording() -> None:
    assert texts.STORE_DOWN == (
        "Maaf, kumpulan artikel saya sedang tidak bisa diakses. "
        "Coba tanyakan lagi dalam beberapa menit, ya \U0001f64f"
    )
    assert texts.ERROR.endswith("Coba kirim ulang beberapa saat lagi, ya.")
    assert texts.rate_limited(30).startswith(
        "Wah, kamu mengirim banyak sekali pertanyaan dalam waktu singkat \U0001f605"
    )
    assert texts.FEEDBACK_NOT_ASKER == "Penilaian hanya bisa diberikan oleh orang yang bertanya."
    assert texts.FEEDBACK_FAILED != texts.FEEDBACK_NOT_ASKER


async def test_feedback_with_the_log_off_says_it_cannot_be_recorded(
    make_settings: Callable[..., Settings],
) -> None:
    services = fake_services(make_settings(question_log=False))
    async with running_bot(services) as (api, _app):
        api.send_message("Berapa gaji pelatih AI?")
        [answer] = await api.wait_for(_is_answer)
        assert answer.buttons() == []  # nothing logged, so nothing to rate
        api.press("fb:1:up", message=answer.result)  # an old button from before the log was off
        [reply] = await api.wait_for(lambda c: c.method == "answerCallbackQuery")
        assert reply.params["text"] == texts.FEEDBACK_FAILED
