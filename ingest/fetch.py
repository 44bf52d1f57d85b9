"""Fetch one web page or feed carefully: the only place TanyaKerja talks to other web sites.

Why so careful: an admin's link (or a feed entry, which a stranger wrote) makes the bot's machine
send requests. So every fetch is bounded (connect 10 s, read 20 s, at most 5 redirects, at most
MAX_FILE_BYTES of *decoded* body, counted while streaming so a compressed bomb stops early), only
HTML and feed content types are read, each site gets at most one request per second, and a link
that resolves to a private, loopback or link-local address is refused — checked after DNS
resolution and again after every redirect, so a public URL cannot bounce into the LAN. Every
failure becomes `FetchError` with one Indonesian line for the admin.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urljoin, urlsplit

import httpx

from ingest.loaders import format_size

logger = logging.getLogger(__name__)

USER_AGENT = "TanyaKerjaBot/0.1 (news article reader for a workers' Q&A bot)"
MAX_URL_CHARS = 2000
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(connect=10.0, read=20.0, write=10.0, pool=10.0)

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
    "application/feed+json", "application/json", "application/rdf+xml",
)

Kind = Literal["page", "feed"]


class FetchError(ValueError):
    """A link that could not be fetched; `reason` is one line of Indonesian for the admin."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Fetched:
    """A fetched body with what the response said about it."""

    url: str  # after redirects
    status: int
    body: bytes
    content_type: str
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """True for a 304 answer to a conditional request."""
        return self.status == 304


def check_url(url: str) -> str:
    """The URL stripped, when it is a plausible http(s) link; else FetchError."""
    url = url.strip()
    if len(url) > MAX_URL_CHARS:
        raise FetchError(f"tautan terlalu panjang (lebih dari {MAX_URL_CHARS:,} karakter)".replace(
            ",", "."))
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError("tautan harus diawali http:// atau https:// dan punya nama situs")
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        raise FetchError("tautan berisi spasi atau karakter kontrol")
    return url


def _blocked(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified
    )


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    """Every address DNS gives for `host` (the system resolver)."""
    return [str(info[4][0]) for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]


def check_address(host: str, port: int, resolver: Resolver = resolve) -> None:
    """Resolve `host`; refuse it when any address is private, loopback or link-local."""
    try:
        addresses = resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"nama situs {host[:100]} tidak ditemukan") from exc
    if not addresses or any(_blocked(a) for a in addresses):
        raise FetchError("tautan ke alamat jaringan lokal/pribadi tidak diizinkan")


class HostPacer:
    """At most one request per `interval` seconds to each host, across threads."""

    def __init__(
        self, interval: float, clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.interval = interval
        self.clock = clock
        self.sleep = sleep
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, host: str) -> None:
        """Return when a request to `host` may start (booking the next slot)."""
        with self._lock:
            now = self.clock()
            start = max(now, self._next.get(host, 0.0))
            self._next[host] = start + self.interval
        if start > now:
            self.sleep(start - now)


class Fetcher:
    """GETs pages and feeds under the rules in the module docstring."""

    def __init__(
        self, *, max_bytes: int, allow_private: bool = False, per_host_interval_s: float = 1.0,
        timeout: httpx.Timeout = TIMEOUT, transport: httpx.BaseTransport | None = None,
        resolver: Resolver = resolve,
    ) -> None:
        self.max_bytes = max_bytes
        self.allow_private = allow_private
        self.resolver = resolver
        self.pacer = HostPacer(per_host_interval_s)
        self._client = httpx.Client(
            timeout=timeout, follow_redirects=False, transport=transport,
            headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def get(
        self, url: str, *, kind: Kind = "page", etag: str | None = None,
        last_modified: str | None = None,
    ) -> Fetched:
        """Fetch `url` (a page or a feed), following up to five checked redirects."""
        url = check_url(url)
        headers = {"Accept": _accept(kind)}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = {url}
        for _hop in range(MAX_REDIRECTS + 1):
            parts = urlsplit(url)
            host = parts.hostname or ""
            if not self.allow_private:
                port = parts.port or (443 if parts.scheme == "https" else 80)
                check_address(host, port, self.resolver)
            self.pacer.wait(host)
            location = self._request(url, headers, kind)
            if isinstance(location, Fetched):
                return location
            url = check_url(urljoin(url, location))
            if url in seen:
                raise FetchError("situs mengalihkan tautan berputar-putar (redirect loop)")
            seen.add(url)
        raise FetchError(f"terlalu banyak pengalihan (lebih dari {MAX_REDIRECTS} kali)")

    def _request(self, url: str, headers: dict[str, str], kind: Kind) -> Fetched | str:
        """One request: a Fetched, or the Location of a redirect."""
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code in (301, 302, 303, 307, 308):
                    location = response.headers.get("location")
                    if not location:
                        code = response.status_code
                        raise FetchError(f"situs mengalihkan tanpa tujuan (HTTP {code})")
                    return location
                _check_status(response)
                content_type = response.headers.get("content-type", "").split(";")[0].strip()
                if response.status_code != 304:
                    _check_type(content_type.lower(), kind)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(self._too_big(int(declared)))
                body = bytearray()
                for piece in response.iter_bytes():  # decoded: gzip counts at full size
                    body += piece
                    if len(body) > self.max_bytes:
                        raise FetchError(self._too_big(len(body), at_least=True))
                return Fetched(
                    url=str(response.url), status=response.status_code, body=bytes(body),
                    content_type=content_type, etag=response.headers.get("etag"),
                    last_modified=response.headers.get("last-modified"),
                )
        except httpx.TimeoutException as exc:
            raise FetchError("situs tidak menjawab tepat waktu (batas waktu habis)") from exc
        except httpx.DecodingError as exc:
            raise FetchError("isi halaman rusak (kompresi tidak sah)") from exc
        except httpx.TransportError as exc:
            logger.info("fetch of %s failed: %s", url, type(exc).__name__)
            raise FetchError("situs tidak bisa dihubungi") from exc

    def _too_big(self, size: int, *, at_least: bool = False) -> str:
        shown = f"lebih dari {format_size(self.max_bytes)}" if at_least else format_size(size)
        return f"halaman terlalu besar ({shown}; batas {format_size(self.max_bytes)})"


def _accept(kind: Kind) -> str:
    if kind == "feed":
        return ", ".join(FEED_TYPES) + ", text/html;q=0.5"
    return "text/html, application/xhtml+xml;q=0.9"


def _check_status(response: httpx.Response) -> None:
    code = response.status_code
    if code in (200, 203, 304):
        return
    if code in (401, 403, 407, 451):
        raise FetchError(f"situs menolak akses atau meminta login (HTTP {code})")
    if code in (404, 410):
        raise FetchError(f"halaman tidak ditemukan (HTTP {code})")
    if code == 429:
        raise FetchError("situs meminta kita menunggu (HTTP 429); coba lagi nanti")
    if code >= 500:
        raise FetchError(f"situs sedang bermasalah (HTTP {code}); coba lagi nanti")
    raise FetchError(f"situs menjawab dengan kode tak terduga (HTTP {code})")


def _check_type(content_type: str, kind: Kind) -> None:
    allowed = HTML_TYPES if kind == "page" else FEED_TYPES + HTML_TYPES
    if content_type not in allowed:
        what = "halaman web (HTML)" if kind == "page" else "feed berita (RSS/Atom/JSON)"
        shown = content_type or "tanpa jenis"
        raise FetchError(f"bukan {what}, melainkan {shown}")
