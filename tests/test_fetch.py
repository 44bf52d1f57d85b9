"""The careful fetcher against a real loopback news site: every bad case is one Indonesian line."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from ingest.fetch import USER_AGENT, Fetcher, FetchError, HostPacer, check_url
from tests.support.news_site import NewsSite, Page

PAGE = Page("upah-pelabel", "Upah Pelabel Data Naik", ["Pelabel data dibayar lebih. " * 30])


@pytest.fixture(scope="module")
def site() -> Iterator[NewsSite]:
    """One news site for the module."""
    running = NewsSite().start()
    running.publish(PAGE)
    try:
        yield running
    finally:
        running.stop()


def _fetcher(**options: object) -> Fetcher:
    values: dict[str, object] = {
        "max_bytes": 2_000_000, "allow_private": True, "per_host_interval_s": 0.0,
    }
    values.update(options)
    return Fetcher(**values)  # type: ignore[arg-type]


def _reason(fetcher: Fetcher, url: str, kind: str = "page") -> str:
    with pytest.raises(FetchError) as caught:
        fetcher.get(url, kind=kind)  # type: ignore[arg-type]
    reason = caught.value.reason
    assert "\n" not in reason
    return reason


def test_a_good_page_is_fetched_with_our_user_agent(site: NewsSite) -> None:
    got = _fetcher().get(site.url(PAGE.slug))
    assert got.status == 200
    assert got.content_type == "text/html"
    assert b"Upah Pelabel Data Naik" in got.body
    last = next(r for r in reversed(site.requests) if r.path == f"/berita/{PAGE.slug}")
    assert last.headers["User-Agent"] == USER_AGENT


def test_redirects_are_followed_and_bounded(site: NewsSite) -> None:
    fetcher = _fetcher()
    assert fetcher.get(f"{site.base}/pindah/{PAGE.slug}").url == site.url(PAGE.slug)
    assert "berputar" in _reason(fetcher, f"{site.base}/putar-a")
    assert "terlalu banyak pengalihan" in _reason(fetcher, f"{site.base}/lompat/0")
    hops = [p for p in site.paths() if p.startswith("/lompat/")]
    assert len(hops) == 6  # the first request and five redirects, no more


def test_every_bad_response_is_one_clear_line(site: NewsSite) -> None:
    fetcher = _fetcher()
    assert "tidak ditemukan (HTTP 404)" in _reason(fetcher, f"{site.base}/hilang")
    assert "meminta login (HTTP 401)" in _reason(fetcher, f"{site.base}/khusus-pelanggan")
    assert "bukan halaman web (HTML), melainkan application/pdf" in _reason(
        fetcher, f"{site.base}/dokumen.pdf")
    assert _reason(fetcher, f"{site.base}/besar") == "halaman terlalu besar (3 MB; batas 2 MB)"
    assert "lebih dari 2 MB" in _reason(fetcher, f"{site.base}/besar-stream")
    # 10 MB of markup gzip-compressed to a few KB: the decoded size is what counts.
    assert "lebih dari 2 MB" in _reason(fetcher, f"{site.base}/bom")


def test_a_silent_site_times_out() -> None:
    slow = NewsSite().start()
    try:
        fetcher = _fetcher(timeout=httpx.Timeout(connect=1.0, read=0.5, write=1.0, pool=1.0))
        assert "batas waktu" in _reason(fetcher, f"{slow.base}/lambat")
    finally:
        slow.stop()


def test_urls_are_checked_before_any_request() -> None:
    for url, words in (
        ("ftp://situs.example/berkas", "http:// atau https://"),
        ("javascript:alert(1)", "http:// atau https://"),
        ("https://situs.example/" + "a" * 4200, "terlalu panjang"),
        ("https://", "http:// atau https://"),
    ):
        with pytest.raises(FetchError) as caught:
            check_url(url)
        assert words in caught.value.reason


def test_private_addresses_are_refused_unless_allowed(site: NewsSite) -> None:
    before = len(site.requests)
    strict = _fetcher(allow_private=False)
    assert "jaringan lokal" in _reason(strict, site.url(PAGE.slug))
    assert len(site.requests) == before  # refused after resolving, before connecting


def test_a_redirect_into_the_private_network_is_refused() -> None:
    """A public name that redirects to 127.0.0.1: checked again after the redirect."""
    public = {"berita.example": ["93.184.216.34"]}

    def resolver(host: str, port: int) -> list[str]:
        return public.get(host) or [host]

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "berita.example":
            return httpx.Response(302, headers={"Location": "http://127.0.0.1:9/rahasia"})
        raise AssertionError("the private address must never be requested")

    fetcher = _fetcher(allow_private=False, resolver=resolver,
                       transport=httpx.MockTransport(handler))
    assert "jaringan lokal" in _reason(fetcher, "http://berita.example/artikel")
    for address in ("10.1.2.3", "169.254.169.254", "::1", "fd00::1", "192.168.1.1", "0.0.0.0"):
        blocked = _fetcher(allow_private=False, resolver=lambda _h, _p, a=address: [a],
                           transport=httpx.MockTransport(handler))
        assert "jaringan lokal" in _reason(blocked, "http://berita.example/artikel")


def test_one_request_per_second_per_site() -> None:
    """A fake clock: the second request to a site waits out the second; another site does not."""
    now = [100.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = HostPacer(1.0, clock=lambda: now[0], sleep=sleep)
    pacer.wait("a.example")
    now[0] += 0.25
    pacer.wait("a.example")
    pacer.wait("b.example")
    pacer.wait("a.example")
    assert slept == [pytest.approx(0.75), pytest.approx(1.0)]


def test_conditional_feed_request_gets_304(site: NewsSite) -> None:
    site.publish(Page("feed-a", "Pekerja AI", ["Isi."]), in_feed=True)
    fetcher = _fetcher()
    first = fetcher.get(f"{site.base}/feed.xml", kind="feed")
    assert first.etag
    assert first.last_modified
    again = fetcher.get(f"{site.base}/feed.xml", kind="feed", etag=first.etag,
                        last_modified=first.last_modified)
    assert again.not_modified
    assert again.body == b""
