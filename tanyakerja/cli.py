"""`tanyakerja run | chat | ask | ingest | add | feeds | eval | stats` (DESIGN.md contract).

This is the only place that knows every package: it builds Settings once, then hands them to
the bot, the console chat, the ingester or the service. Telegram is imported only by `run`.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from knowledge.settings import Settings

if TYPE_CHECKING:
    from ingest.pipeline import IngestReport
    from knowledge.service import KnowledgeService

logger = logging.getLogger("tanyakerja")


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # httpx logs every request URL, and Telegram's URLs contain the bot token.
    for noisy in ("httpx", "httpcore", "chromadb", "openai", "urllib3", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tanyakerja", description="TanyaKerja: tanya jawab kerja di industri AI."
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="start the Telegram bot (console chat when no token is set)")
    sub.add_parser("chat", help="console chat, same answers as Telegram")
    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question", nargs="?", help="the question")
    ask.add_argument("--json", action="store_true", help="print DESIGN.md's JSON object")
    ask.add_argument(
        "--batch", type=Path, help="JSONL file of {id, question}; prints one JSON object per line"
    )
    ingest = sub.add_parser("ingest", help="incremental reindex of CORPUS_DIR or the given paths")
    ingest.add_argument("paths", nargs="*", type=Path)
    ingest.add_argument(
        "--full", action="store_true", help="rebuild into a new collection, swap when done"
    )
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    add = sub.add_parser("add", help="fetch article pages, save them into CORPUS_DIR, index them")
    add.add_argument("urls", nargs="+", metavar="URL")
    feeds = sub.add_parser("feeds", help="news feeds: `feeds check` runs one pass")
    feeds.add_argument("action", choices=["check"])
    feeds.add_argument("--quiet", action="store_true", help="no progress bar")
    ev = sub.add_parser("eval", help="run a QA file and print metrics")
    ev.add_argument("file", type=Path)
    ev.add_argument("--json", action="store_true")
    stats = sub.add_parser("stats", help="what workers ask and what the bot could not answer")
    stats.add_argument("--csv", type=Path, help="also export the question log to this CSV file")
    stats.add_argument(
        "--days", type=int, default=None, help="look back this many days (default: all kept)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `tanyakerja` console script."""
    args = _parser().parse_args(argv)
    _setup_logging(args.verbose)
    settings = Settings()
    match args.command:
        case "run":
            return cmd_run(settings)
        case "chat":
            return cmd_chat(settings)
        case "ask":
            return cmd_ask(settings, args.question, as_json=args.json, batch=args.batch)
        case "ingest":
            return cmd_ingest(settings, args.paths, full=args.full, progress=not args.quiet)
        case "add":
            from ingest.commands import add_urls

            return add_urls(settings, args.urls)
        case "feeds":
            from ingest.commands import check_feeds

            return check_feeds(settings, progress=not args.quiet)
        case "eval":
            return cmd_eval(settings, args.file, as_json=args.json)
        case "stats":
            return cmd_stats(settings, csv_path=args.csv, days=args.days)
    return 2


def build_service(settings: Settings) -> KnowledgeService:
    """The knowledge service, indexing the corpus first when the index is empty."""
    from knowledge.service import KnowledgeService

    service = KnowledgeService.from_settings(settings)
    if service.store.count() == 0:
        logger.info("The index is empty: indexing %s first", settings.corpus_dir)
        report = _ingester(settings, service).run(progress=sys.stderr.isatty())
        _print_report(report)
        service.refresh()
    return service


def _ingester(settings: Settings, service: KnowledgeService):  # type: ignore[no-untyped-def]
    from ingest.pipeline import Ingester

    return Ingester(settings=settings, store=service.store, embedder=service.embedder)


def _print_report(report: IngestReport) -> None:
    for line in report.summary_lines():
        print(line, file=sys.stderr)


def cmd_run(settings: Settings) -> int:
    """The main job: Telegram bot, or the console chat while no token is configured."""
    if settings.telegram_bot_token is None:
        return cmd_chat(settings)  # the console says how to connect Telegram
    from bot.app import run_bot  # post_init builds the services and indexes an empty corpus

    run_bot(settings)
    return 0


def cmd_chat(settings: Settings) -> int:
    """Console chat (log lines would clutter the conversation: warnings only, unless -v)."""
    root = logging.getLogger()
    if root.level > logging.DEBUG:
        root.setLevel(logging.WARNING)
    service = build_service(settings)
    from bot.console import run_console

    run_console(settings, knowledge=service)
    return 0


def cmd_ask(settings: Settings, question: str | None, *, as_json: bool, batch: Path | None) -> int:
    """One answer, or one JSON line per batch item."""
    service = build_service(settings)
    log = _question_log(settings)
    try:
        if batch is not None:
            with batch.open(encoding="utf-8") as handle:
                for line in handle:
                    if not line.strip():
                        continue
                    item = json.loads(line)
                    answer = service.ask(str(item["question"]))
                    log.record(user_id=None, chat_type="cli", answer=answer)
                    print(
                        json.dumps(answer.to_json(item.get("id")), ensure_ascii=False), flush=True
                    )
            return 0
        if not question:
            print(
                'Tulis pertanyaannya, misalnya: tanyakerja ask "Berapa upah pelatih AI per jam?"',
                file=sys.stderr,
            )
            return 2
        answer = service.ask(question)
        log.record(user_id=None, chat_type="cli", answer=answer)
        if as_json:
            print(json.dumps(answer.to_json(None), ensure_ascii=False))
        else:
            from bot.console import render_plain

            print(render_plain(answer))
        return 0
    finally:
        log.close()


def _question_log(settings: Settings):  # type: ignore[no-untyped-def]
    from knowledge.questionlog import open_question_log

    return open_question_log(settings)


def cmd_ingest(settings: Settings, paths: Sequence[Path], *, full: bool, progress: bool) -> int:
    """Incremental (or full) reindex with a summary."""
    from ingest.pipeline import IngestBusy
    from knowledge.service import KnowledgeService

    service = KnowledgeService.from_settings(settings)
    try:
        report = _ingester(settings, service).run(list(paths) or None, full=full, progress=progress)
    except (IngestBusy, ValueError) as exc:  # ValueError: --full with paths
        print(str(exc), file=sys.stderr)
        return 1
    for line in report.summary_lines():
        print(line)
    return 0


def cmd_eval(settings: Settings, file: Path, *, as_json: bool) -> int:
    """Run a QA file; exit 1 when anything failed."""
    from knowledge.evaluation import evaluate, load_items

    service = build_service(settings)
    report = evaluate(service, load_items(file))
    print(
        json.dumps(report.to_json(), ensure_ascii=False, indent=2) if as_json else report.to_text()
    )
    return 0 if report.all_passed else 1


def cmd_stats(settings: Settings, *, csv_path: Path | None, days: int) -> int:
    """The admin report from the question log."""
    from knowledge.embedders import make_embedder
    from knowledge.stats import build_report

    log = _question_log(settings)
    try:
        report = build_report(settings, log, make_embedder(settings), days=days)
        print(report.to_text())
        if csv_path is not None:
            report.write_csv(csv_path)
            print(f"CSV ditulis ke {csv_path}")
    finally:
        log.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
