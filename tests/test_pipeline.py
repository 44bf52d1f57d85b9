"""Incremental reindex, full rebuild, uploads, removal and bad input, on a real Chroma + e5.

The seed corpus is embedded once per module and its index copied into each test (the working
directory is each test's tmp_path, so the stored paths "corpus/…" stay valid in the copy).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ingest import IngestBusy, Ingester, UploadRejected
from ingest.snapshot import read_snapshot
from knowledge.embedders import E5Embedder
from knowledge.settings import Settings
from knowledge.store import ChromaStore, make_client
from tests.support.ingest_script import INGEST_SCRIPT

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "corpus"

GOOD = "---\ntitle: Kurir Data\n---\n" + (
    "Seorang kurir data di Medan melabeli ribuan foto jalan untuk mobil otonom setiap minggu. "
    "Ia dibayar Rp 40.000 per jam dan bekerja dari rumah tanpa kontrak tetap."
)


CITIES = ("Medan", "Bandung", "Makassar", "Surabaya", "Denpasar", "Padang", "Kupang")


def _article(i: int, variant: str = "lama") -> str:
    """A short generated article (one chunk) whose text is unique to `i` and `variant`."""
    return (
        f"---\ntitle: Pekerja data {i}\n---\n"
        f"Pekerja data nomor {i} di {CITIES[i % len(CITIES)]} melabeli gambar untuk model AI "
        f"(versi {variant}). Ia dibayar Rp {i + 10}.000 per jam tanpa tunjangan kesehatan.\n"
    )


def _settings(root: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "corpus_dir": root / "corpus",
        "data_dir": root / "data",
        "chroma_path": root / "data" / "chroma",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def _ingester(settings: Settings, embedder: E5Embedder) -> Ingester:
    store = ChromaStore(client=make_client(settings), embedder_id=embedder.id)
    return Ingester(settings=settings, store=store, embedder=embedder)


def _index(ingester: Ingester) -> dict[str, Any]:
    return read_snapshot(ingester.store.iter_all(with_documents=False))


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory: pytest.TempPathFactory, embedder: E5Embedder) -> Path:
    """A folder holding corpus/ and data/chroma with the five seed articles indexed."""
    root = tmp_path_factory.mktemp("seed-index")
    shutil.copytree(SEED, root / "corpus")
    before = Path.cwd()
    os.chdir(root)
    try:
        report = _ingester(_settings(root), embedder).run()
    finally:
        os.chdir(before)
    assert len(report.added) == 5
    return root


@pytest.fixture
def seeded(tmp_path: Path, seed_index: Path, embedder: E5Embedder) -> Ingester:
    """An Ingester over a private copy of the indexed seed corpus (cwd is tmp_path)."""
    shutil.copytree(seed_index / "corpus", tmp_path / "corpus")
    shutil.copytree(seed_index / "data", tmp_path / "data")
    return _ingester(_settings(tmp_path), embedder)


@pytest.fixture
def empty(make_settings: Callable[..., Settings], embedder: E5Embedder, tmp_path: Path) -> Ingester:
    """An Ingester over an empty corpus folder."""
    (tmp_path / "corpus").mkdir()
    return _ingester(make_settings(), embedder)


def test_seed_corpus_metadata_and_rerun_is_unchanged(seeded: Ingester) -> None:
    index = _index(seeded)
    assert sorted(index) == [f"corpus/{p.name}" for p in sorted(SEED.glob("*.md"))]
    metas = [m for _i, _t, m in seeded.store.iter_all(with_documents=False)]
    for meta in metas:
        for key in ("doc_id", "doc_hash", "path", "title", "position", "n_chunks", "tokens"):
            assert meta[key] != "", key
    by_path = {m["path"]: m for m in metas}
    cnbc = by_path["corpus/002-pekerja-kontrak-pelatih-ai-cnbc.md"]
    assert cnbc["url"].startswith("https://www.cnbc.com/")
    assert cnbc["date"] == "2023-05-08"
    assert cnbc["publisher"] == "CNBC (terjemahan)"
    # 001 and 002 tell the same story but are different sources: both kept.
    assert by_path["corpus/001-pelatih-chatgpt-dibayar-per-jam.md"]["doc_id"] != cnbc["doc_id"]

    count = seeded.store.count()
    report = seeded.run()
    assert report.unchanged == sorted(index)
    assert (report.added, report.updated, report.removed, report.rejected) == ([], [], [], [])
    assert report.chunks_written == 0
    assert seeded.store.count() == count
    assert report.summary_lines()[0].startswith("Selesai: 0 ditambahkan, 0 diperbarui, 5 tidak")


def test_change_delete_add_and_duplicate(seeded: Ingester, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    version = seeded.store.state().version
    changed = corpus / "003-bytedance-pecat-karyawan-magang.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nKalimat baru tentang Jimeng.\n")
    (corpus / "000-netflix-manajer-produk-ai.md").unlink()
    (corpus / "010-kurir.md").write_text(GOOD, encoding="utf-8")
    shutil.copy(corpus / "004-pelatih-ai-profesional-bergaji-tinggi.md", corpus / "zz-copy.md")

    report = seeded.run()

    assert report.added == ["corpus/010-kurir.md"]
    assert report.updated == ["corpus/003-bytedance-pecat-karyawan-magang.md"]
    assert report.removed == ["corpus/000-netflix-manajer-produk-ai.md"]
    assert [(r.path, r.reason) for r in report.rejected] == [
        ("corpus/zz-copy.md", "duplikat dari corpus/004-pelatih-ai-profesional-bergaji-tinggi.md")
    ]
    index = _index(seeded)
    assert "corpus/000-netflix-manajer-produk-ai.md" not in index
    assert "corpus/zz-copy.md" not in index
    for path, entry in index.items():  # every file: exactly one complete version
        assert len(entry.ids) == 1, path
        (doc_hash,) = entry.ids
        assert entry.is_current(doc_hash), path
    texts = [t for _i, t, m in seeded.store.iter_all() if m["path"] == "corpus/" + changed.name]
    assert any("Kalimat baru tentang Jimeng." in t for t in texts)
    assert seeded.store.state().version > version
    lines = report.summary_lines()
    assert "! ditolak: corpus/zz-copy.md — duplikat dari" in "\n".join(lines)


def test_bad_inputs_are_reported_and_lose_nothing(seeded: Ingester, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    seeded.settings.max_file_bytes = 50_000
    kept = corpus / "001-pelatih-chatgpt-dibayar-per-jam.md"
    before = _index(seeded)[f"corpus/{kept.name}"]
    kept.write_bytes(b"---\ntitle: [rusak\n---\nIsi.\n")  # an indexed file becomes broken
    (corpus / "kosong.txt").write_bytes(b"  \n\n")
    (corpus / "gambar.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (corpus / "latin1.txt").write_bytes("Pekerja lepas dibayar murah, kata José.".encode("cp1252"))
    (corpus / "besar.txt").write_bytes(b"Kalimat panjang. " * 4000)
    (corpus / "kosong.html").write_text("<html><body><nav>Menu</nav></body></html>")
    (corpus / "catatan.pdf").write_bytes(b"%PDF-1.4")
    (corpus / "README.md").write_text("# Cara menambah artikel\n")
    (corpus / ".draft.md").write_text(GOOD)
    (corpus / "010-kurir.md").write_text(GOOD, encoding="utf-8")

    report = seeded.run()

    reasons = {r.path.removeprefix("corpus/"): r.reason for r in report.rejected}
    assert reasons["001-pelatih-chatgpt-dibayar-per-jam.md"].startswith("front matter YAML rusak")
    assert reasons["kosong.txt"] == "file kosong"
    assert reasons["gambar.md"] == "bukan file teks (biner)"
    assert reasons["latin1.txt"].startswith("bukan teks UTF-8")
    assert reasons["besar.txt"] == "terlalu besar (68 KB; batas 50 KB)"
    assert reasons["kosong.html"] == "HTML tanpa teks artikel"
    assert reasons["catatan.pdf"].startswith("jenis file tidak didukung (.pdf)")
    assert set(reasons) == {
        "001-pelatih-chatgpt-dibayar-per-jam.md",
        "kosong.txt",
        "gambar.md",
        "latin1.txt",
        "besar.txt",
        "kosong.html",
        "catatan.pdf",
    }  # README.md and hidden files are ignored silently
    assert report.added == ["corpus/010-kurir.md"]
    assert report.removed == []
    after = _index(seeded)
    assert after[f"corpus/{kept.name}"].ids == before.ids  # the last good version still answers
    assert all("\n" not in r.reason for r in report.rejected)


def test_explicit_paths_index_only_those(seeded: Ingester, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "010-kurir.md").write_text(GOOD, encoding="utf-8")
    (corpus / "000-netflix-manajer-produk-ai.md").unlink()
    outside = tmp_path / "luar.md"
    outside.write_text(GOOD.replace("Medan", "Palu"), encoding="utf-8")

    report = seeded.run(
        [corpus / "010-kurir.md", outside, corpus / "hilang.md", corpus / ".." / "luar.md"]
    )

    assert report.added == ["corpus/010-kurir.md"]
    assert report.removed == []  # 000 is only removed by a whole-corpus run
    assert {r.path: r.reason for r in report.rejected} == {
        "corpus/hilang.md": "file tidak ditemukan",
        "luar.md": "di luar folder corpus (corpus); salin file ke sana dulu",
        "corpus/../luar.md": "di luar folder corpus (corpus); salin file ke sana dulu",
    }
    assert "corpus/000-netflix-manajer-produk-ai.md" in _index(seeded)
    report = seeded.run([corpus / "000-netflix-manajer-produk-ai.md"])
    assert report.removed == ["corpus/000-netflix-manajer-produk-ai.md"]


def test_full_rebuild_swaps_collection(empty: Ingester, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for i in range(3):
        (corpus / f"a{i}.md").write_text(_article(i), encoding="utf-8")
    empty.run()
    old = empty.store.state().collection
    (corpus / "a3.md").write_text(_article(3), encoding="utf-8")
    (corpus / "a0.md").write_text(_article(0, "baru"), encoding="utf-8")
    (corpus / "a1.md").unlink()

    report = empty.run(full=True)

    assert (report.added, report.updated, report.unchanged, report.removed) == (
        ["corpus/a3.md"],
        ["corpus/a0.md"],
        [],
        ["corpus/a1.md"],
    )
    # a full rebuild embeds the unchanged file again: it must not be reported as untouched
    assert report.rebuilt == ["corpus/a2.md"]
    assert "1 tidak berubah" not in report.summary_lines()[0]
    assert "1 dibangun ulang" in report.summary_lines()[0]
    assert report.chunks_written == 3
    assert empty.store.state().collection != old
    assert sorted(_index(empty)) == ["corpus/a0.md", "corpus/a2.md", "corpus/a3.md"]
    assert empty.store.count() == 3
    with pytest.raises(ValueError, match="full"):
        empty.run([corpus], full=True)


def test_changed_text_rules_rebuild_the_index_once(
    seeded: Ingester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks keep the terms of the build that wrote them: after an upgrade that changes how
    text is tokenised, the next ingest rebuilds every article, then goes back to incremental."""
    import ingest.pipeline

    old = seeded.store.state().collection
    assert seeded.store.built_with() == ingest.pipeline.index_rules()
    monkeypatch.setattr(ingest.pipeline, "rules_fingerprint", lambda: "upgraded-rules")
    upgraded = ingest.pipeline.index_rules()

    report = seeded.run()

    assert len(report.rebuilt) == 5
    assert report.unchanged == []
    assert seeded.store.state().collection != old
    assert seeded.store.built_with() == upgraded
    again = seeded.run()
    assert len(again.unchanged) == 5
    assert again.rebuilt == []
    assert again.chunks_written == 0


def test_missing_corpus_folder_removes_nothing(seeded: Ingester, tmp_path: Path) -> None:
    count = seeded.store.count()
    seeded.settings.corpus_dir = tmp_path / "salah"
    report = seeded.run()
    assert [(r.path, r.reason) for r in report.rejected] == [("salah", "folder corpus tidak ada")]
    assert report.removed == []
    assert seeded.store.count() == count


def test_renamed_file_keeps_its_chunks(empty: Ingester, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "a.md").write_text(_article(1), encoding="utf-8")
    empty.run()
    (corpus / "a.md").rename(corpus / "b.md")
    report = empty.run()
    assert (report.added, report.removed) == (["corpus/b.md"], ["corpus/a.md"])
    assert sorted(_index(empty)) == ["corpus/b.md"]  # same chunk ids, not deleted with a.md
    assert empty.store.count() == 1


def test_lock_makes_second_ingest_busy(empty: Ingester) -> None:
    from filelock import FileLock

    empty.settings.data_dir.mkdir(parents=True, exist_ok=True)
    with FileLock(str(empty.settings.data_dir / "ingest.lock")):
        with pytest.raises(IngestBusy, match="sedang berjalan"):
            empty.run()
        with pytest.raises(IngestBusy):
            empty.add_upload("a.md", GOOD.encode())
    assert empty.run().rejected == []


def test_upload_saves_safely_and_rejects_duplicates_and_bad_files(
    empty: Ingester, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    result = empty.add_upload("../../etc/passwd.md", GOOD.encode())
    assert result.title == "Kurir Data"
    assert result.path.startswith("corpus/kurir-data-")
    assert result.path.endswith(".md")
    assert len(result.doc_id) == 8
    assert result.passages == 1
    assert [p.name for p in corpus.iterdir()] == [Path(result.path).name]
    assert not (tmp_path / "etc").exists()
    assert empty.run().unchanged == [result.path]  # the next ingest sees it as indexed

    with pytest.raises(UploadRejected, match=f"duplikat dari {result.path}"):
        empty.add_upload("salinan.md", GOOD.encode())
    for name, data, reason in [
        ("x.txt", b"", "file kosong"),
        ("x.md", b"\x00\x01\x02binary", "bukan file teks (biner)"),
        ("x.exe", b"MZ", "jenis file tidak didukung (.exe)"),
        ("x.md", b"---\ntitle: a: b: c\n---\nTeks.", "front matter YAML rusak"),
    ]:
        with pytest.raises(UploadRejected) as caught:
            empty.add_upload(name, data)
        assert caught.value.reason.startswith(reason)
    assert len(list(corpus.iterdir())) == 1  # nothing left behind
    assert len(_index(empty)) == 1


def test_remove_by_short_id(empty: Ingester, tmp_path: Path) -> None:
    result = empty.add_upload("kurir.md", GOOD.encode())
    version = empty.store.state().version
    assert empty.remove("zzzz") is None
    assert empty.remove("00000000") is None
    info = empty.remove(result.doc_id.upper())
    assert info is not None
    assert (info.doc_id, info.title, info.path, info.n_chunks) == (
        result.doc_id,
        "Kurir Data",
        result.path,
        1,
    )
    assert not (tmp_path / result.path).exists()
    assert empty.store.count() == 0
    assert empty.store.state().version > version
    assert empty.remove(result.doc_id) is None


# -- kill -9 -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def twenty_indexed(tmp_path_factory: pytest.TempPathFactory, embedder: E5Embedder) -> Path:
    """corpus/ with 20 generated articles and data/chroma indexing them."""
    root = tmp_path_factory.mktemp("twenty")
    (root / "corpus").mkdir()
    for i in range(20):
        (root / "corpus" / f"art-{i:02d}.md").write_text(_article(i), encoding="utf-8")
    before = Path.cwd()
    os.chdir(root)
    try:
        assert len(_ingester(_settings(root), embedder).run().added) == 20
    finally:
        os.chdir(before)
    return root


def _run_and_kill(cwd: Path, mode: str) -> None:
    """Start an ingest in a child process and SIGKILL it once it has written its first batch."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-c", INGEST_SCRIPT, mode],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if "Wrote" in line:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "".join(seen)
    assert proc.stdout is not None
    assert "finished" not in proc.stdout.read()


def _prepare_forty(tmp_path: Path, base: Path) -> None:
    shutil.copytree(base / "data", tmp_path / "data")
    (tmp_path / "corpus").mkdir()
    for i in range(40):  # 20 changed, 20 new
        (tmp_path / "corpus" / f"art-{i:02d}.md").write_text(_article(i, "baru"), encoding="utf-8")


def test_kill_9_during_incremental_ingest(
    tmp_path: Path, twenty_indexed: Path, embedder: E5Embedder
) -> None:
    _prepare_forty(tmp_path, twenty_indexed)
    _run_and_kill(tmp_path, "incremental")

    ingester = _ingester(_settings(tmp_path), embedder)
    index = _index(ingester)
    for i in range(20):  # every previously indexed article still has a complete version
        entry = index[f"corpus/art-{i:02d}.md"]
        assert entry.complete_hash() is not None
    assert len(ingester.store.query(embedder.embed_query("Berapa bayaran pekerja data?"), 5)) == 5

    report = ingester.run()  # the next ingest finishes the job (and the lock was released)
    assert len(report.added) + len(report.updated) + len(report.unchanged) == 40
    assert report.chunks_written < 40  # what the killed run wrote is not embedded again
    index = _index(ingester)
    assert len(index) == 40
    for i in range(40):
        path = tmp_path / "corpus" / f"art-{i:02d}.md"
        entry = index[f"corpus/{path.name}"]
        assert entry.is_current(hashlib.sha256(path.read_bytes()).hexdigest())
    assert ingester.store.count() == 40  # each article exactly once
    texts = [t for _i, t, _m in ingester.store.iter_all()]
    assert not any("versi lama" in t for t in texts)


def test_kill_9_during_full_rebuild(
    tmp_path: Path, twenty_indexed: Path, embedder: E5Embedder
) -> None:
    _prepare_forty(tmp_path, twenty_indexed)
    ingester = _ingester(_settings(tmp_path), embedder)
    live = ingester.store.state().collection
    _run_and_kill(tmp_path, "full")

    ingester = _ingester(_settings(tmp_path), embedder)
    assert ingester.store.state().collection == live  # readers never saw the half-built one
    assert ingester.store.count() == 20
    assert all("versi lama" in t for _i, t, _m in ingester.store.iter_all())
    assert len(ingester.store.query(embedder.embed_query("Berapa bayaran pekerja data?"), 5)) == 5

    report = ingester.run(full=True)
    assert len(report.added) == 20
    assert len(report.updated) == 20
    assert ingester.store.count() == 40
    names = [c.name for c in make_client(ingester.settings).list_collections()]
    assert sorted(n for n in names if n.startswith(ingester.store.prefix)) == [
        ingester.store.state().collection
    ]  # the killed build and the old collection are gone


def test_stored_paths_do_not_depend_on_the_working_directory(
    make_settings: Any,
    seed_corpus: Path,
    embedder: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Starting the bot from another folder must not re-embed (or re-add) every article."""
    from knowledge.store import ChromaStore, make_client

    settings = make_settings(corpus_dir=seed_corpus.absolute())
    store = ChromaStore(client=make_client(settings), embedder_id=embedder.id)
    first = Ingester(settings=settings, store=store, embedder=embedder).run()
    assert len(first.added) == 5
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    again = Ingester(settings=settings, store=store, embedder=embedder).run()
    assert len(again.unchanged) == 5
    assert not again.added
    assert not again.removed
    assert again.unchanged[0].startswith("corpus/")


def test_snapshot_reads_versions_without_a_first_chunk(make_settings: Any) -> None:
    """A version whose first chunk is missing (write killed half-way) is still seen, by path."""
    import numpy as np

    from ingest.snapshot import snapshot_of
    from knowledge.types import Chunk

    settings = make_settings()
    store = ChromaStore(client=make_client(settings), embedder_id="test-dim4")

    def chunk(doc_hash: str, position: int, path: str) -> Chunk:
        return Chunk(
            id=f"{doc_hash[:16]}-{position:04d}", text=f"teks {position}", doc_id="d" * 64,
            doc_hash=doc_hash, path=path, title="Judul", position=position, n_chunks=3,
        )

    whole = [chunk("a" * 64, p, "corpus/a.md") for p in range(3)]
    partial = [chunk("b" * 64, p, "corpus/b.md") for p in (1, 2)]
    store.upsert(whole + partial, np.ones((5, 4), dtype=np.float32))
    snap = snapshot_of(store)
    assert snap["corpus/a.md"].is_current("a" * 64)
    assert sorted(snap["corpus/b.md"].ids["b" * 64]) == ["b" * 16 + "-0001", "b" * 16 + "-0002"]
    assert snap["corpus/b.md"].complete_hash() is None


def test_rename_killed_mid_write_is_repaired_by_the_next_run(
    make_settings: Any, seed_corpus: Path, embedder: Any
) -> None:
    """Chunk ids come from the file's bytes, so a renamed file rewrites the same ids under its new
    path; if that is killed half-way, the next run must still see both paths and finish."""
    import numpy as np

    from ingest.articles import prepare
    from ingest.snapshot import snapshot_of

    settings = make_settings(corpus_dir=seed_corpus)
    store = ChromaStore(client=make_client(settings), embedder_id=embedder.id)
    ingester = Ingester(settings=settings, store=store, embedder=embedder)
    ingester.run()
    old = seed_corpus / "002-pekerja-kontrak-pelatih-ai-cnbc.md"
    new = seed_corpus / "002-baru.md"
    old.rename(new)
    article = prepare(new.read_bytes(), name=new.name, path="corpus/002-baru.md", max_bytes=10**7)
    assert len(article.chunks) > 3
    first_three = article.chunks[:3]  # what a killed rewrite under the new name left behind
    store.upsert(first_three, np.ones((3, embedder.dim), dtype=np.float32))
    snap = snapshot_of(store)
    assert "corpus/002-pekerja-kontrak-pelatih-ai-cnbc.md" in snap
    assert not snap["corpus/002-baru.md"].is_current(article.doc_hash)

    ingester.run()
    paths = {meta["path"] for _i, _t, meta in store.iter_all(with_documents=False)}
    assert "corpus/002-pekerja-kontrak-pelatih-ai-cnbc.md" not in paths
    assert "corpus/002-baru.md" in paths
    assert snapshot_of(store)["corpus/002-baru.md"].is_current(article.doc_hash)


def test_impossible_front_matter_date_rejects_only_that_file(
    make_settings: Any, seed_corpus: Path, embedder: Any
) -> None:
    (seed_corpus / "tanggal-salah.md").write_text(
        "---\ntitle: X\ndate: 2023-02-30\n---\nIsi artikel yang cukup panjang untuk diuji.\n",
        encoding="utf-8",
    )
    settings = make_settings(corpus_dir=seed_corpus)
    store = ChromaStore(client=make_client(settings), embedder_id=embedder.id)
    report = Ingester(settings=settings, store=store, embedder=embedder).run()
    assert len(report.added) == 5
    [rejected] = report.rejected
    assert rejected.path.endswith("tanggal-salah.md")
    assert rejected.reason.startswith("front matter YAML rusak")
