"""Regression tests for the ingest-side defects a fault probe found: very long URLs, compressed
HTML bombs and slow pages, huge titles, symbolic links, re-embedding after a kill, a full disk.
Each of these failed on the code before the fix."""

from __future__ import annotations

import errno
import gzip
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.render import answer_html, split_html
from ingest import Ingester, UploadRejected
from ingest.plan import Candidate, make_plan
from ingest.snapshot import IndexedFile, snapshot_of
from knowledge.embedders import E5Embedder
from knowledge.settings import Settings
from knowledge.store import ChromaStore, make_client
from knowledge.types import Answer, Source
from tests.support.ingest_script import INGEST_SCRIPT

REPO = Path(__file__).resolve().parent.parent
BODY = (
    "Seorang kurir data di Medan melabeli ribuan foto jalan untuk mobil otonom setiap minggu. "
    "Ia dibayar Rp 40.000 per jam dan bekerja dari rumah tanpa kontrak tetap.\n"
)


def _settings(root: Path) -> Settings:
    return Settings(_env_file=None, corpus_dir=root / "corpus", data_dir=root / "data",
                    chroma_path=root / "data" / "chroma")


def _ingester(root: Path, embedder: Any, **options: Any) -> Ingester:
    settings = _settings(root)
    settings.corpus_dir.mkdir(parents=True, exist_ok=True)
    store = ChromaStore(client=make_client(settings), embedder_id=embedder.id)
    return Ingester(settings=settings, store=store, embedder=embedder, **options)


# -- very long URLs ------------------------------------------------------------------------
def test_a_4200_character_link_never_breaks_a_reply() -> None:
    url = "https://warta.example/" + "a" * 4200
    source = Source(n=1, title="Upah kurir", url=url, path="corpus/a.md", text="…", score=1.0)
    answer = Answer("Berapa upah kurir?", "Kurir dibayar Rp 40.000 per jam [1].", True,
                    "extractive", sources=[source])
    parts = split_html(answer_html(answer))
    assert parts
    assert all(len(p) <= 4096 for p in parts)
    assert "Upah kurir" in parts[-1]
    assert "<a " not in "".join(parts)  # the link that cannot fit is dropped, its label kept


def test_article_urls_are_validated_at_ingest(tmp_path: Path, embedder: E5Embedder) -> None:
    ingester = _ingester(tmp_path, embedder)
    corpus = ingester.settings.corpus_dir
    (corpus / "panjang.md").write_text(
        f"---\ntitle: Kurir\nurl: https://warta.example/{'a' * 4200}\n---\n{BODY}", "utf-8")
    (corpus / "skema.md").write_text(
        f"---\ntitle: Kurir lain\nurl: javascript:alert(1)\n---\n{BODY.replace('Medan', 'Palu')}",
        "utf-8")
    report = ingester.run()
    reasons = {r.path: r.reason for r in report.rejected}
    assert "lebih dari 2000 karakter" in reasons["corpus/panjang.md"]
    assert "http:// atau https://" in reasons["corpus/skema.md"]
    assert report.added == []


# -- compressed bombs and slow pages -----------------------------------------------------------
def test_a_gzip_html_bomb_is_rejected_in_one_line(tmp_path: Path, embedder: E5Embedder) -> None:
    inner = b"<html><body>" + b"<div><p>kata kata pekerja</p></div>" * 500_000 + b"</body></html>"
    bomb = gzip.compress(inner, compresslevel=9)
    assert len(bomb) < 200_000 < 2_000_000 < len(inner)
    ingester = _ingester(tmp_path, embedder)
    with pytest.raises(UploadRejected) as caught:
        ingester.add_upload("bom.html", bomb)
    assert "terlalu besar setelah dibuka" in caught.value.reason
    assert list(ingester.settings.corpus_dir.iterdir()) == []


def test_a_page_that_takes_too_long_to_extract_is_rejected(
    tmp_path: Path, embedder: E5Embedder
) -> None:
    # A flat page of many small blocks: trafilatura needs many seconds for it.
    slow = ("<html><body>" + "<div><p>kata kata pekerja</p></div>" * 5000
            + "</body></html>").encode()
    ingester = _ingester(tmp_path, embedder, extract_timeout_s=0.5)
    with pytest.raises(UploadRejected) as caught:
        ingester.add_upload("lambat.html", slow)
    assert caught.value.reason == "halaman terlalu rumit untuk dibaca (lebih dari 0.5 detik)"
    assert list(ingester.settings.corpus_dir.iterdir()) == []


# -- huge metadata -----------------------------------------------------------------------------
def test_titles_and_metadata_are_capped(tmp_path: Path, embedder: E5Embedder) -> None:
    ingester = _ingester(tmp_path, embedder)
    title = "Judul " + "x" * 1_000_000
    data = f"---\ntitle: {title}\npublisher: {'P' * 5000}\n---\n{BODY}".encode()
    result = ingester.add_upload("besar.md", data)
    assert len(result.title) <= 200
    [(_id, _text, meta)] = list(ingester.store.iter_all())
    assert len(meta["title"]) <= 200
    assert len(meta["publisher"]) <= 120


# -- symbolic links ----------------------------------------------------------------------------
def test_symlinks_are_never_followed_anywhere(tmp_path: Path, embedder: E5Embedder) -> None:
    ingester = _ingester(tmp_path, embedder)
    corpus = ingester.settings.corpus_dir
    outside = tmp_path / "luar.md"
    outside.write_text(f"---\ntitle: Kurir\n---\n{BODY}", encoding="utf-8")
    (corpus / "tautan.md").symlink_to(outside)
    (tmp_path / "folder-luar").mkdir()
    (tmp_path / "folder-luar" / "x.md").write_text(f"---\ntitle: X\n---\n{BODY}", "utf-8")
    (corpus / "folder").symlink_to(tmp_path / "folder-luar")

    full = ingester.run()
    single = ingester.run([corpus / "tautan.md"])
    assert full.added == []
    assert single.added == []
    reason = {r.path: r.reason for r in full.rejected}["corpus/tautan.md"]
    assert "symlink" in reason
    assert {r.path: r.reason for r in single.rejected}["corpus/tautan.md"] == reason
    assert ingester.store.count() == 0


def test_hapus_removes_the_link_itself_never_its_target(
    tmp_path: Path, embedder: E5Embedder
) -> None:
    """An article indexed before the link rule (or a file later replaced by a link)."""
    ingester = _ingester(tmp_path, embedder)
    corpus = ingester.settings.corpus_dir
    (corpus / "kurir.md").write_text(f"---\ntitle: Kurir\n---\n{BODY}", encoding="utf-8")
    result = ingester.add_upload("kurir.md", f"---\ntitle: Kurir\n---\n{BODY}".encode())
    saved = corpus / Path(result.path).name
    outside = tmp_path / "luar.md"
    shutil.move(saved, outside)
    saved.symlink_to(outside)

    assert ingester.remove(result.doc_id) is not None
    assert not os.path.lexists(saved)  # the link is gone ...
    assert outside.exists()  # ... and what it pointed to is untouched
    again = ingester.run()
    assert [p for p in again.added if "kurir" in p] == ["corpus/kurir.md"]  # only the real file


# -- resume after kill -9 ----------------------------------------------------------------------
class CountingEmbedder:
    """The real embedder, counting the passages it embeds."""

    def __init__(self, inner: E5Embedder) -> None:
        self.inner = inner
        self.id = inner.id
        self.embedded = 0

    def embed_documents(self, texts: Sequence[str]) -> np.ndarray:
        self.embedded += len(texts)
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)


def test_resume_after_kill_reuses_the_chunks_already_stored(
    tmp_path: Path, embedder: E5Embedder
) -> None:
    (tmp_path / "corpus").mkdir()
    sentences = [
        f"Pekerja data nomor {i} di kota ke-{i} melabeli {i * 7} gambar jalan setiap hari "
        f"untuk model kecerdasan buatan dan menerima Rp {1000 + i}.000 per minggu tanpa "
        f"tunjangan kesehatan maupun kontrak kerja yang jelas dari platform ke-{i}."
        for i in range(160)
    ]
    text = "\n\n".join(" ".join(sentences[i:i + 2]) for i in range(0, 160, 2))
    (tmp_path / "corpus" / "panjang.md").write_text(f"---\ntitle: Panjang\n---\n{text}\n", "utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-c", INGEST_SCRIPT], cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if "Wrote 16 chunks (32/" in line:  # two batches stored
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "".join(seen)

    os.chdir(tmp_path)
    counting = CountingEmbedder(embedder)
    ingester = _ingester(tmp_path, counting)
    stored = ingester.store.count()
    assert stored >= 32
    report = ingester.run()
    total = ingester.store.count()
    assert report.added + report.updated == ["corpus/panjang.md"]  # a partial version existed
    assert total > stored
    assert report.chunks_reused == stored
    assert counting.embedded == total - stored  # only the missing chunks were embedded
    [entry] = snapshot_of(ingester.store).values()
    assert entry.complete_hash() is not None


# -- a full disk -------------------------------------------------------------------------------
class FullDisk:
    """A FileSaver that writes half the bytes, then fails like a full disk."""

    def __init__(self) -> None:
        self.paths: list[Path] = []

    def write(self, path: Path, data: bytes) -> None:
        self.paths.append(path)
        path.write_bytes(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")


def test_upload_on_a_full_disk_leaves_nothing_and_says_so(
    tmp_path: Path, embedder: E5Embedder
) -> None:
    saver = FullDisk()
    ingester = _ingester(tmp_path, embedder, saver=saver)
    with pytest.raises(UploadRejected) as caught:
        ingester.add_upload("kurir.md", f"---\ntitle: Kurir\n---\n{BODY}".encode())
    assert caught.value.reason == "disk penyimpanan penuh; kosongkan ruang disk lalu coba lagi"
    assert saver.paths  # the write was attempted, in the corpus folder
    assert list(ingester.settings.corpus_dir.iterdir()) == []  # no .upload-*.tmp left
    assert ingester.store.count() == 0


# -- the planner alone -------------------------------------------------------------------------
def test_the_planner_is_pure_and_decides_everything() -> None:
    def prepare(path: str, data: bytes) -> Any:
        from ingest.articles import prepare as real

        return real(data, name=Path(path).name, path=path, max_bytes=100_000)

    old = IndexedFile(path="corpus/lama.md", ids={"h1": ["h1-0000"]}, expected={"h1": 1},
                      doc_ids={"h1": "d1"})
    gone = IndexedFile(path="corpus/hilang.md", ids={"h2": ["h2-0000"]}, expected={"h2": 1},
                       doc_ids={"h2": "d2"})
    article = f"---\ntitle: Kurir\n---\n{BODY}".encode()
    plan = make_plan(
        [Candidate("corpus/baru.md", data=article), Candidate("corpus/salinan.md", data=article),
         Candidate("corpus/lama.md", data=article.replace(b"Medan", b"Palu")),
         Candidate("corpus/rusak.pdf", reason="jenis file tidak didukung")],
        {"corpus/lama.md": old, "corpus/hilang.md": gone}, whole=True, full=False,
        prepare=prepare,
    )
    assert plan.added == ["corpus/baru.md"]
    assert plan.updated == ["corpus/lama.md"]
    assert plan.removed == ["corpus/hilang.md"]
    assert {r.path: r.reason for r in plan.rejected} == {
        "corpus/salinan.md": "duplikat dari corpus/baru.md",
        "corpus/rusak.pdf": "jenis file tidak didukung",
    }
    assert [a.path for a in plan.write] == ["corpus/baru.md", "corpus/lama.md"]
