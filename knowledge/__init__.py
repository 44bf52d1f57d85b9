"""Knowledge core: settings, embedders, Chroma store, retrieval and answering.

Knows nothing of Telegram; `bot/` and `ingest/` build on it.
"""
