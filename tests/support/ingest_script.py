"""One ingest of ./corpus into ./data, as a child process a test can kill -9 mid-run.

Run with `python -c INGEST_SCRIPT [full]`; it logs to stderr (the tests watch for "Wrote …" to
pick the moment) and prints "finished" when it was not killed.
"""

INGEST_SCRIPT = """
import logging, sys
from pathlib import Path
logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(name)s %(message)s")
from ingest import Ingester
from knowledge.embedders import E5Embedder
from knowledge.settings import Settings
from knowledge.store import ChromaStore, make_client
settings = Settings(_env_file=None, corpus_dir=Path("corpus"), data_dir=Path("data"),
                    chroma_path=Path("data/chroma"))
embedder = E5Embedder()
store = ChromaStore(client=make_client(settings), embedder_id=embedder.id)
Ingester(settings=settings, store=store, embedder=embedder).run(full=sys.argv[1:] == ["full"])
print("finished", flush=True)
"""
