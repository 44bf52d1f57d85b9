"""Admins' side of the bot: refusals for everyone else, and (with the real Ingester and
KnowledgeService) an upload that makes a new fact answerable, a path-traversal file name,
removal with confirmation, and /reindex reporting rejected files."""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from bot import texts
from bot.app import build_application
from bot.services import SERVICES_KEY, Services
from ingest.pipeline import IngestBusy, IngestReport, Rejected
from knowledge.settings import Settings
from knowledge.suggestions import Suggestions, Topic
from tests.support.bot_fakes import FakeKnowledge, RecordingIngester, fake_services, running_bot
from tests.support.fake_bot_api import FakeBotAPI

ADMIN = 999
WORKER = 111

NEW_FACT_QUESTION = "Berapa upah harian kurir sayur Bandung?"
NEW_ARTICLE = b"""---
title: Kurir Sayur di Bandung Dapat Upah Harian Baru
publisher: Warta Kerja
url: https://warta.example/kurir-sayur
---
Para kurir sayur di Bandung kini menerima upah harian sebesar Rp 95.000 untuk setiap hari kerja.
Upah harian kurir sayur Bandung itu naik setelah para kurir berunding dengan perusahaan aplikasi.
Kurir sayur juga meminta asuransi kecelakaan kerja dari perusahaan aplikasi pengantaran.
"""


async def test_non_admins_are_refused_and_nothing_changes(
    make_settings: Callable[..., Settings],
) -> None:
    ingester = RecordingIngester()
    services = fake_services(make_settings(admin_user_ids="999"), ingester=ingester)
    async with running_bot(services) as (api, _app):
        for command in ("/reindex", "/tambah", "/artikel", "/hapus 1a2b3c4d"):
            api.send_message(command, user_id=WORKER)
        sent = await api.wait_sent(WORKER, count=4)
        assert [c.text for c in sent] == [texts.REFUSED] * 4

        api.press("artikel:hapus:1a2b3c4d", message=sent[0].result, user_id=WORKER)
        [alert] = await api.wait_for(lambda c: c.method == "answerCallbackQuery")
        assert alert.params["text"] == texts.REFUSED
        assert ingester.calls == []
        assert not any(c.method == "editMessageText" for c in api.calls)


async def test_admin_lists_articles_and_is_told_when_busy(
    make_settings: Callable[..., Settings],
) -> None:
    class BusyIngester(RecordingIngester):
        def run(self, *args: object, **kwargs: object) -> object:
            raise IngestBusy("sibuk")

    services = fake_services(make_settings(admin_user_ids="999"), ingester=BusyIngester())
    async with running_bot(services) as (api, _app):
        api.send_message("/artikel", user_id=ADMIN)
        [listing] = await api.wait_sent(ADMIN)
        assert "<code>1a2b3c4d</code>" in listing.text
        assert "<code>5e6f7a8b</code>" in listing.text
        api.send_message("/reindex", user_id=ADMIN)
        api.send_message("/hapus", user_id=ADMIN)
        api.send_message("/hapus ffffffff", user_id=ADMIN)
        sent = await api.wait_sent(ADMIN, count=5)
        texts_sent = [c.text for c in sent]
        assert texts.REINDEX_STARTED in texts_sent
        assert texts.BUSY in texts_sent
        assert texts.HAPUS_USAGE in texts_sent
        assert texts.not_found_article("ffffffff") in texts_sent


async def test_questions_are_answered_while_reindex_runs(
    make_settings: Callable[..., Settings],
) -> None:
    gate = threading.Event()

    class SlowIngester(RecordingIngester):
        def run(self, *args: object, **kwargs: object) -> IngestReport:
            gate.wait(timeout=10)
            return IngestReport(added=["corpus/baru.md"], unchanged=["corpus/lama.md"],
                                rejected=[Rejected("corpus/kosong.txt", "berkas kosong")])

    knowledge = FakeKnowledge()
    services = fake_services(make_settings(admin_user_ids="999"), knowledge=knowledge,
                             ingester=SlowIngester())
    async with running_bot(services) as (api, _app):
        api.send_message("/reindex", user_id=ADMIN)
        api.send_message("Berapa gaji pelatih AI?", user_id=ADMIN)
        started, answer = await api.wait_sent(ADMIN, count=2)
        assert started.text == texts.REINDEX_STARTED
        assert "US$15" in answer.text  # answered from the current index meanwhile
        assert knowledge.refreshed == 0
        gate.set()
        summary = (await api.wait_sent(ADMIN, count=3))[2]
        assert "1 ditambahkan" in summary.text
        assert "corpus/kosong.txt \u2014 berkas kosong" in summary.text
        assert knowledge.refreshed == 1  # the new index is loaded, suggestions recomputed


@pytest.fixture
def one_seed_article(seed_corpus: Path) -> Path:
    """The seed corpus cut to its first article: the first index stays quick."""
    for extra in sorted(seed_corpus.iterdir())[1:]:
        if extra.is_file():
            extra.unlink()
        else:
            shutil.rmtree(extra)
    return seed_corpus


@pytest.mark.slow
async def test_admin_manages_articles_with_the_real_index(
    make_settings: Callable[..., Settings], one_seed_article: Path, tmp_path: Path,
) -> None:
    async with FakeBotAPI() as api:
        settings = make_settings(
            admin_user_ids="999",
            telegram_bot_token="123456:TEST-token_for-the-fake-server",
            telegram_base_url=api.base_url, telegram_base_file_url=api.base_file_url,
        )
        # Production wiring: no services handed in, post_init builds them and indexes the corpus.
        application = build_application(settings)
        await application.initialize()
        assert application.post_init is not None
        await application.post_init(application)
        services: Services = application.bot_data[SERVICES_KEY]
        services.suggestions = Suggestions([Topic("kurir", "Kurir", (NEW_FACT_QUESTION,))])
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0.0, timeout=1)
        await application.start()
        try:
            await _admin_session(api, services, settings, tmp_path)
        finally:
            await application.updater.stop()
            await application.stop()
            await application.shutdown()
            assert application.post_shutdown is not None
            await application.post_shutdown(application)


async def _admin_session(
    api: FakeBotAPI, services: Services, settings: Settings, tmp_path: Path
) -> None:
    n = 0

    async def reply(count: int = 1) -> list[str]:
        nonlocal n
        n += count
        return [c.text for c in (await api.wait_sent(ADMIN, count=n, within=60))[n - count:]]

    assert len(services.knowledge.articles()) == 1

    api.send_message(NEW_FACT_QUESTION, user_id=ADMIN)
    [before] = await reply()
    assert "belum ada di artikel" in before

    api.send_document("kurir.md", NEW_ARTICLE, user_id=ADMIN)
    [added] = await reply()
    assert "Kurir Sayur di Bandung Dapat Upah Harian Baru" in added
    assert "bagian teks ditambahkan" in added
    assert services.suggestions.starters() == [NEW_FACT_QUESTION]  # recomputed after upload

    api.send_message(NEW_FACT_QUESTION, user_id=ADMIN)
    [after] = await reply()
    assert "95.000" in after
    assert "Warta Kerja" in after

    evil = NEW_ARTICLE.replace(b"Rp 95.000", b"Rp 96.000").replace(b"Baru", b"Lama")
    api.send_document("../../../evil.md", evil, user_id=ADMIN)
    [traversal] = await reply()
    assert "bagian teks ditambahkan" in traversal
    saved = sorted(p.name for p in settings.corpus_dir.iterdir() if not p.name.startswith("."))
    assert len(saved) == 3
    assert "evil.md" not in saved
    assert not any(p.name == "evil.md" for p in tmp_path.parent.rglob("evil.md"))

    api.send_document("catatan.pdf", b"%PDF-1.4", user_id=ADMIN)
    [pdf] = await reply()
    assert pdf.startswith("Berkas tidak bisa ditambahkan: ")
    api.send_document("kurir-lagi.md", NEW_ARTICLE, user_id=ADMIN)
    [duplicate] = await reply()
    assert "duplikat" in duplicate

    new_id = next(a.doc_id for a in services.knowledge.articles()
                  if a.title.endswith("Upah Harian Baru"))
    api.send_message(f"/hapus {new_id}", user_id=ADMIN)
    [confirm] = await reply()
    assert "Hapus artikel <b>Kurir Sayur" in confirm
    confirm_call = api.sent(ADMIN)[-1]
    assert confirm_call.buttons()[0][1] == f"artikel:hapus:{new_id}"
    api.press(confirm_call.buttons()[0][1], message=confirm_call.result, user_id=ADMIN)
    [edit] = await api.wait_for(lambda c: c.method == "editMessageText", within=60)
    assert "sudah dihapus" in edit.text
    assert len(services.knowledge.articles()) == 2

    (settings.corpus_dir / "kosong.txt").write_text("   ", encoding="utf-8")
    api.send_message("/reindex", user_id=ADMIN)
    started, summary = await reply(2)
    assert started == texts.REINDEX_STARTED
    assert "Selesai" in summary
    assert "kosong.txt" in summary


async def test_admin_commands_and_buttons_only_in_private_chats(
    make_settings: Callable[..., Settings],
) -> None:
    group_id = -100777
    ingester = RecordingIngester()
    services = fake_services(make_settings(admin_user_ids="999"), ingester=ingester)
    async with running_bot(services) as (api, _app):
        api.send_message("resep rendang nenek Budi", user_id=WORKER)  # unanswered, logged
        await api.wait_sent(WORKER)
        for command in ("/statistik", "/artikel", "/hapus 1a2b3c4d", "/reindex"):
            api.send_message(command, user_id=ADMIN, chat_id=group_id, chat_type="supergroup")
        sent = await api.wait_sent(group_id, count=4)
        assert [c.text for c in sent] == [texts.ADMIN_PRIVATE_ONLY] * 4
        assert not any("rendang" in c.text or "1a2b3c4d" in c.text for c in api.sent(group_id))

        api.press("artikel:hapus:1a2b3c4d", message=sent[0].result, user_id=ADMIN)
        [alert] = await api.wait_for(lambda c: c.method == "answerCallbackQuery")
        assert alert.params["text"] == texts.ADMIN_PRIVATE_ONLY
        assert ingester.calls == []
        assert not any(c.method == "editMessageText" for c in api.calls)


async def test_refusals_are_logged_without_the_users_id(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture,
) -> None:
    stranger = 555000111999  # distinctive, so a leak cannot hide in other numbers
    caplog.set_level(logging.INFO)
    services = fake_services(make_settings(admin_user_ids="999"))
    async with running_bot(services) as (api, _app):
        api.send_message("/reindex", user_id=stranger)
        api.send_document("artikel.md", b"# Judul\nIsi.", user_id=stranger)
        api.send_message("/statistik", user_id=stranger)
        sent = await api.wait_sent(stranger, count=3)
        assert [c.text for c in sent] == [texts.REFUSED, texts.TEXT_ONLY, texts.REFUSED]
    ours = [r for r in caplog.records if r.name.startswith("bot.")]
    assert any("refused" in r.getMessage() for r in ours)
    assert not any(str(stranger) in r.getMessage() for r in ours)


async def test_oversized_upload_uses_ingests_wording(
    make_settings: Callable[..., Settings],
) -> None:
    ingester = RecordingIngester()
    services = fake_services(make_settings(admin_user_ids="999", max_file_bytes=2_000_000),
                             ingester=ingester)
    async with running_bot(services) as (api, _app):
        api.send_document("besar.md", b"x" * 3_100_000, user_id=ADMIN)
        [reply] = await api.wait_sent(ADMIN)
        assert reply.text == (
            "Berkas tidak bisa ditambahkan: terlalu besar (3,1 MB; batas 2 MB)"
        )
        assert ingester.calls == []


def test_delete_confirmation_is_in_the_future_tense() -> None:
    text = texts.confirm_delete("Judul <A>", "1a2b3c4d")
    assert "Judul &lt;A&gt;" in text
    assert "Berkasnya akan dihapus dari folder artikel dan dari indeks" in text
