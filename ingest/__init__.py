"""Corpus ingestion: load article files, clean them, chunk, embed and store them in Chroma.

`Ingester` (in `ingest.pipeline`) is the entry point for the command line and the bot.
"""

from ingest.pipeline import (
    AddResult,
    IngestBusy,
    Ingester,
    IngestReport,
    UploadRejected,
)
from ingest.plan import Rejected

__all__ = ["AddResult", "IngestBusy", "IngestReport", "Ingester", "Rejected", "UploadRejected"]
