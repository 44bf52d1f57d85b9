"""The `tanyakerja` command line: the composition root that wires knowledge, ingest and bot."""
