"""Article extraction from HTML (trafilatura + htmldate), bounded in size and in time.

Why a child process: trafilatura's run time grows faster than linearly on some page shapes (a
2 MB page of flat <div>s takes minutes), and a thread cannot be stopped. So extraction runs in a
process forked from a small "forkserver" that has only trafilatura loaded (cheap to fork, holds
no locks of ours), and is killed when it passes its deadline. Why bounded decompression first:
trafilatura itself inflates gzip input, so a 144 KB upload could become 17 MB inside it; here
compressed input is inflated only up to the size limit, and never handed over compressed.
"""

from __future__ import annotations

import logging
import multiprocessing
import zlib
from multiprocessing.connection import Connection
from typing import Any

from ingest.loaders import BadInput, format_size

logger = logging.getLogger(__name__)

EXTRACT_TIMEOUT_S = 15.0
_GZIP = b"\x1f\x8b"
_ZSTD = b"\x28\xb5\x2f\xfd"
_BZIP2 = b"BZh"
_XZ = b"\xfd7zXZ\x00"

_context: Any = None


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


def _worker(conn: Connection, html: str | bytes, url: str | None) -> None:
    """Child side: extract and send back a plain dict (or the error's text)."""
    try:
        conn.send(("ok", extract_here(html, url)))
    except BaseException as exc:  # the parent turns this into one admin-facing line
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


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


def _ctx() -> Any:
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(["trafilatura", "htmldate", "ingest.extract"])
    return _context


def extract(
    html: str | bytes, *, url: str | None = None, timeout_s: float = EXTRACT_TIMEOUT_S
) -> dict[str, Any]:
    """`extract_here` in a child process killed after `timeout_s`; BadInput on timeout."""
    ctx = _ctx()
    receive, send = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_worker, args=(send, html, url), daemon=True)
    process.start()
    send.close()
    try:
        if not receive.poll(timeout_s):
            raise BadInput(
                f"halaman terlalu rumit untuk dibaca (lebih dari {timeout_s:g} detik)"
            )
        status, value = receive.recv()
    except EOFError as exc:  # the child died (out of memory, killed)
        raise BadInput("halaman tidak bisa dibaca (pembacanya berhenti)") from exc
    finally:
        receive.close()
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
    if status != "ok":
        logger.warning("HTML extraction failed: %s", value)
        raise BadInput("halaman tidak bisa dibaca (lihat log)")
    return dict(value)
