"""Article extraction from HTML (trafilatura + htmldate), bounded in size and in time.

Why a child process: trafilatura's run time grows faster than linearly on some page shapes (a
2 MB page of flat <div>s takes minutes), and a thread cannot be stopped. So extraction runs in a
worker process started from a small "forkserver" that has only trafilatura loaded (it holds no
locks of ours, unlike a fork of the threaded bot), and the worker is killed when a page passes
its deadline. As with any multiprocessing code, a script that uses this must guard its entry
point with `if __name__ == "__main__":` (the console script and `python -m` entry points do).
Why bounded decompression first:
trafilatura itself inflates gzip input, so a 144 KB upload could become 17 MB inside it; here
compressed input is inflated only up to the size limit, and never handed over compressed.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import zlib
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ingest.loaders import BadInput, format_size

logger = logging.getLogger(__name__)

EXTRACT_TIMEOUT_S = 15.0
_GZIP = b"\x1f\x8b"
_ZSTD = b"\x28\xb5\x2f\xfd"
_BZIP2 = b"BZh"
_XZ = b"\xfd7zXZ\x00"

def inflate(data: bytes, max_bytes: int) -> bytes:
    """`data` itself, or gzip/zlib content inflated to at most `max_bytes`; else BadInput."""
    if data.startswith((_ZSTD, _XZ)) or (data.startswith(_BZIP2) and b"<" not in data[:64]):
        raise BadInput("berkas terkompresi dengan format yang tidak didukung")
    if not data.startswith(_GZIP):
        return data
    inflater = zlib.decompressobj(wbits=47)  # gzip or zlib header
    try:
        out = inflater.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise BadInput("berkas terkompresi yang rusak") from exc
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise BadInput(
            f"terlalu besar setelah dibuka dari kompresi (lebih dari {format_size(max_bytes)})"
        )
    return out


def extract_here(html: str | bytes, url: str | None = None) -> dict[str, Any]:
    """trafilatura's text and metadata of a page, with htmldate for a hidden date (in-process)."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
    )
    result: dict[str, Any] = {}
    if doc is not None:
        raw = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        for key in ("text", "title", "author", "url", "sitename", "hostname", "date"):
            value = raw.get(key)
            result[key] = None if value is None else str(value)
    if not result.get("date") and result.get("text"):
        from htmldate import find_date

        try:
            result["date"] = find_date(html, url=url, extensive_search=True, original_date=True)
        except Exception:  # a date is nice to have; never a reason to fail
            result["date"] = None
    return result


class _Worker:
    """One long-lived extraction process (started on first use), replaced when it is killed.

    Why long-lived: starting a process costs more than extracting a news page; why one at a
    time (a lock): a deadline must measure this page's extraction, not a queue before it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            ctx = multiprocessing.get_context("forkserver")
            ctx.set_forkserver_preload(["trafilatura", "htmldate", "ingest.extract"])
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=ctx)
        return self._pool

    def _discard(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for process in list(getattr(pool, "_processes", {}).values()):  # no public kill
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)

    def run(self, html: str | bytes, url: str | None, timeout_s: float) -> dict[str, Any]:
        with self._lock:
            future = self._executor().submit(extract_here, html, url)
            try:
                return future.result(timeout=timeout_s)
            except FutureTimeout as exc:
                self._discard()
                raise BadInput(
                    f"halaman terlalu rumit untuk dibaca (lebih dari {timeout_s:g} detik)"
                ) from exc
            except BrokenProcessPool as exc:  # the child died (out of memory, killed)
                self._discard()
                raise BadInput("halaman tidak bisa dibaca (pembacanya berhenti)") from exc
            except Exception as exc:
                logger.warning("HTML extraction failed: %s: %s", type(exc).__name__, exc)
                raise BadInput("halaman tidak bisa dibaca (lihat log)") from exc


_worker = _Worker()


def extract(
    html: str | bytes, *, url: str | None = None, timeout_s: float = EXTRACT_TIMEOUT_S
) -> dict[str, Any]:
    """`extract_here` in the worker process, abandoned (and killed) after `timeout_s`."""
    return _worker.run(html, url, timeout_s)
