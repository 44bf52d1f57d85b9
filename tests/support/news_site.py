"""A loopback news site for the link and feed tests: realistic Indonesian article pages (menus,
adverts, "Baca juga" boxes, related-article lists, comments), an RSS feed that grows between
checks and honours ETag / Last-Modified, and every bad case the fetcher must refuse.

Why a real server: the fetcher's rules (timeouts, redirects, size caps while streaming, content
types, conditional requests) are about HTTP itself, so they are tested against real HTTP on
127.0.0.1 rather than a fake of httpx. Runs in a background thread with its own event loop, so
synchronous code under test (the Fetcher, the CLI) can call it.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import html
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from aiohttp import web


@dataclass
class Page:
    """One article as the site publishes it."""

    slug: str
    title: str
    paragraphs: list[str]
    date: str | None = "2024-06-03"  # None: the date only appears in the body text
    author: str = "Rina Wulandari"
    hidden_date_text: str = "Senin, 3 Juni 2024 10:15 WIB"
    summary: str = ""
    canonical_slug: str | None = None


@dataclass
class Requested:
    """A request the site received."""

    path: str
    headers: dict[str, str]


def article_html(page: Page, base: str) -> str:
    """A news page the way Indonesian outlets lay them out, noise included."""
    esc = html.escape
    canonical = f"{base}/berita/{page.canonical_slug or page.slug}"
    date_meta = (
        f'<meta property="article:published_time" content="{page.date}T10:15:00+07:00">'
        if page.date else ""
    )
    body = "\n".join(f"<p>{esc(p)}</p>" for p in page.paragraphs)
    middle = len(page.paragraphs) // 2
    paragraphs = body.split("\n")
    paragraphs.insert(middle, (
        '<div class="baca-juga"><strong>Baca juga:</strong> '
        '<a href="/berita/lain">Harga cabai naik jelang Lebaran</a></div>'
        '<div class="ads">ADVERTISEMENT<br>Slot gacor maxwin hari ini, daftar sekarang!</div>'
    ))
    return f"""<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>{esc(page.title)} - Warta Kerja</title>
<link rel="canonical" href="{canonical}">
<meta property="og:site_name" content="Warta Kerja">
<meta property="og:title" content="{esc(page.title)}">
<meta name="author" content="{esc(page.author)}">
{date_meta}
</head><body>
<header><nav><ul><li><a href="/">Beranda</a></li><li><a href="/ekonomi">Ekonomi</a></li>
<li><a href="/teknologi">Teknologi</a></li><li><a href="/olahraga">Olahraga</a></li>
<li><a href="/hiburan">Hiburan</a></li><li><a href="/login">Masuk</a></li></ul></nav></header>
<div class="banner-iklan">IKLAN - Promo kredit tanpa agunan, bunga 0%!</div>
<main><article>
<h1>{esc(page.title)}</h1>
<div class="byline">Oleh {esc(page.author)} &middot; {esc(page.hidden_date_text)}</div>
{chr(10).join(paragraphs)}
</article>
<section class="related"><h2>Berita Terkait</h2><ul>
<li><a href="/berita/a">Timnas menang tipis atas Vietnam</a></li>
<li><a href="/berita/b">Resep rendang khas Padang yang empuk</a></li>
<li><a href="/berita/c">Gempa magnitudo 5,1 guncang Maluku</a></li></ul></section>
<section class="comments"><h2>Komentar</h2>
<div class="comment"><b>budi88</b>: mantap beritanya min, lanjutkan!</div>
<div class="comment"><b>sari_k</b>: kapan ada lowongan di kota saya?</div></section>
</main>
<footer>&copy; 2024 Warta Kerja. Hak cipta dilindungi. Redaksi | Pedoman Media Siber |
Kontak</footer></body></html>"""


@dataclass
class NewsSite:
    """The site; tests add pages and feed entries, then read `requests`."""

    pages: dict[str, Page] = field(default_factory=dict)
    feed_slugs: list[str] = field(default_factory=list)
    requests: list[Requested] = field(default_factory=list)
    port: int = 0

    def __post_init__(self) -> None:
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._runner: web.AppRunner | None = None
        self._lock = threading.Lock()
        self.feed_changed = datetime(2024, 6, 3, 10, 0, tzinfo=UTC)

    @property
    def base(self) -> str:
        """http://127.0.0.1:PORT"""
        return f"http://127.0.0.1:{self.port}"

    def url(self, slug: str) -> str:
        """The article page URL of a slug."""
        return f"{self.base}/berita/{slug}"

    def publish(self, page: Page, *, in_feed: bool = False) -> str:
        """Put a page online (and at the top of the feed); returns its URL."""
        with self._lock:
            self.pages[page.slug] = page
            if in_feed:
                self.feed_slugs.insert(0, page.slug)
                self.feed_changed = datetime.now(UTC).replace(microsecond=0)
        return self.url(page.slug)

    def paths(self) -> list[str]:
        """Paths requested so far."""
        with self._lock:
            return [r.path for r in self.requests]

    # -- lifecycle -----------------------------------------------------------------------------
    def start(self) -> NewsSite:
        """Serve on a random port of 127.0.0.1 in a background thread."""
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)
        return self

    def stop(self) -> None:
        """Stop serving."""
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    async def _start(self) -> None:
        app = web.Application(middlewares=[self._record])
        add = app.router.add_get
        add("/berita/{slug}", self._article)
        add("/feed.xml", self._feed)
        add("/rusak.xml", lambda _r: _xml("<rss><channel><item><title>tanpa penutup"))
        add("/hilang", lambda _r: web.Response(status=404, text="Halaman tidak ditemukan"))
        add("/lambat", self._slow)
        add("/besar", self._big_declared)
        add("/besar-stream", self._big_streamed)
        add("/bom", self._gzip_bomb)
        add("/dokumen.pdf", lambda _r: web.Response(body=b"%PDF-1.4 ...",
                                                    content_type="application/pdf"))
        add("/khusus-pelanggan", lambda _r: web.Response(status=401, text="Silakan masuk"))
        add("/masuk", self._login_page)
        add("/menu", self._menu_only)
        add("/putar-a", lambda _r: _redirect("/putar-b"))
        add("/putar-b", lambda _r: _redirect("/putar-a"))
        add("/lompat/{n}", self._hops)
        add("/pindah/{slug}", lambda r: _redirect(f"/berita/{r.match_info['slug']}"))
        self._runner = web.AppRunner(app, shutdown_timeout=0.5, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    @web.middleware
    async def _record(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        with self._lock:
            self.requests.append(Requested(request.path, dict(request.headers)))
        return await handler(request)

    # -- pages ---------------------------------------------------------------------------------
    async def _article(self, request: web.Request) -> web.Response:
        page = self.pages.get(request.match_info["slug"])
        if page is None:
            return web.Response(status=404, text="Halaman tidak ditemukan")
        return web.Response(text=article_html(page, self.base), content_type="text/html",
                            charset="utf-8")

    async def _feed(self, request: web.Request) -> web.Response:
        with self._lock:
            slugs = list(self.feed_slugs)
            changed = self.feed_changed
        etag = '"' + hashlib.sha1(",".join(slugs).encode()).hexdigest()[:16] + '"'
        modified = format_datetime(changed, usegmt=True)
        if request.headers.get("If-None-Match") == etag:
            return web.Response(status=304, headers={"ETag": etag, "Last-Modified": modified})
        items = []
        for slug in slugs:
            page = self.pages[slug]
            items.append(
                f"<item><title>{html.escape(page.title)}</title><link>{self.url(slug)}</link>"
                f"<guid>{self.url(slug)}</guid><description>{html.escape(page.summary)}"
                f"</description><pubDate>{modified}</pubDate></item>"
            )
        body = (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Warta Kerja</title><link>{self.base}/</link>"
            f"<description>Berita kerja</description>{''.join(items)}</channel></rss>"
        )
        return _xml(body, headers={"ETag": etag, "Last-Modified": modified})

    async def _slow(self, _request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(30)
        return web.Response(text="terlambat", content_type="text/html")

    async def _big_declared(self, _request: web.Request) -> web.Response:
        return web.Response(body=b"<p>" + b"a" * 3_000_000, content_type="text/html")

    async def _big_streamed(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(300):
            await response.write(b"<p>" + b"kata " * 2000 + b"</p>")
        await response.write_eof()
        return response

    async def _gzip_bomb(self, _request: web.Request) -> web.Response:
        inner = b"<html><body>" + b"<div>" * 2_000_000 + b"</body></html>"
        return web.Response(
            body=gzip.compress(inner, compresslevel=9),
            headers={"Content-Encoding": "gzip", "Content-Type": "text/html"},
        )

    async def _login_page(self, _request: web.Request) -> web.Response:
        return web.Response(content_type="text/html", text=(
            "<html><body><h1>Masuk untuk membaca</h1><form><input type='text' name='u'>"
            "<input type='password' name='p'><button>Masuk</button></form></body></html>"
        ))

    async def _menu_only(self, _request: web.Request) -> web.Response:
        links = "".join(f'<li><a href="/k/{i}">Kanal {i}</a></li>' for i in range(30))
        return web.Response(content_type="text/html",
                            text=f"<html><body><nav><ul>{links}</ul></nav></body></html>")

    async def _hops(self, request: web.Request) -> web.Response:
        n = int(request.match_info["n"])
        return _redirect(f"/lompat/{n + 1}")


Handler = Any  # aiohttp handler


def _redirect(location: str) -> web.Response:
    return web.Response(status=302, headers={"Location": location})


def _xml(body: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(text=body, content_type="application/rss+xml", charset="utf-8",
                        headers=headers)
