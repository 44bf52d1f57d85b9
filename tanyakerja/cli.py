"""`tanyakerja run | chat | ask | ingest | add | feeds | eval | stats | doctor` (docs/design.md).

This is the only place that knows every package: it builds Settings once, then hands them to
the bot, the console chat, the ingester or the service. Telegram is imported only by `run` and
`doctor`.

Exit codes (docs/operators.md): 0 done; 1 failed, or answering is blocked; 2 bad usage or bad
settings; 3 ingest finished but rejected some files.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from knowledge.settings import ConfigError, Settings, load_settings

if TYPE_CHECKING:
    from ingest.pipeline import IngestReport
    from knowledge.asking import Asker
    from knowledge.service import KnowledgeService

logger = logging.getLogger("tanyakerja")

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_REJECTED = 0, 1, 2, 3


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
        prog="tanyakerja", description="TanyaKerja: tanya jawab kerja di industri AI.",
        epilog="Exit codes: 0 done; 1 failed or answering blocked; 2 bad usage or settings;"
        " 3 ingest rejected some files. Settings and more: docs/operators.md.",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", help="start the Telegram bot (console chat when no token is set)")
    sub.add_parser("chat", help="console chat, same answers as Telegram")
    ask = sub.add_parser("ask", help="answer one question")
    ask.add_argument("question", nargs="?", help="the question")
    ask.add_argument(
        "--json", action="store_true", help="print the answer object (docs/design.md)"
    )
    ask.add_argument(
        "--batch", type=Path,
        help="JSONL file of {id, question}; prints one JSON object per line (a bad line prints "
        "{id, line, error}; exit 1 when any line failed)",
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
    ev.add_argument(
        "--baseline", action="store_true",
        help="also score the naive baseline (the top retrieved passage as the answer)",
    )
    ev.add_argument(
        "--llm-context", action="store_true",
        help="report for fact items whether their facts reach the LLM's passages (without an "
        "LLM configured, an LLM that repeats every passage answers)",
    )
    stats = sub.add_parser("stats", help="what workers ask and what the bot could not answer")
    stats.add_argument("--csv", type=Path, help="also export the question log to this CSV file")
    stats.add_argument(
        "--days", type=int, default=None, help="look back this many days (default: all kept)"
    )
    sub.add_parser(
        "doctor", help="check settings, Telegram, LLM, store, corpus and disk; exit 1 if blocked"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `tanyakerja` console script."""
    args = _parser().parse_args(argv)
    _setup_logging(args.verbose)
    try:
        settings = load_settings()
    except ConfigError as exc:
        for line in exc.lines:
            print(line, file=sys.stderr)
        return EXIT_USAGE
    _private_data_dir(settings)
    from knowledge.store import StoreUnavailable
    from tanyakerja.doctor import NotReady

    try:
        return _dispatch(args, settings)
    except NotReady as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_FAILED
    except StoreUnavailable as exc:  # a stopped `chroma run` server: one line, not a traceback
        print(f"{exc} — start the Chroma server or fix CHROMA_HOST/CHROMA_PORT;"
              " `tanyakerja doctor` checks everything.", file=sys.stderr)
        return EXIT_FAILED


def _private_data_dir(settings: Settings) -> None:
    """DATA_DIR holds workers' questions: create it (and tighten it) to owner-only, 0700."""
    from knowledge.privacy import private_dir

    try:
        private_dir(settings.data_dir)
    except OSError as exc:  # the commands that need it report the problem themselves
        logger.debug("DATA_DIR %s not prepared: %s", settings.data_dir, exc)


def _dispatch(args: argparse.Namespace, settings: Settings) -> int:
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
            return cmd_eval(
                settings, args.file, as_json=args.json, baseline=args.baseline,
                llm_context=args.llm_context,
            )
        case "stats":
            return cmd_stats(settings, csv_path=args.csv, days=args.days)
        case "doctor":
            from tanyakerja.doctor import doctor

            return doctor(settings)
    return EXIT_USAGE


def build_service(settings: Settings) -> KnowledgeService:
    """The knowledge service, indexing the corpus first when the index is empty (or rebuilding
    it once when an older version's text rules made it).

    Raises NotReady (one line) when there is nothing to answer from, instead of refusing every
    question.
    """
    from knowledge.service import KnowledgeService
    from tanyakerja.doctor import check_can_answer

    service = KnowledgeService.from_settings(settings)
    check_can_answer(settings, service.store)
    report = _ingester(settings, service).ensure_current(progress=sys.stderr.isatty())
    if report is not None:
        _print_report(report)
        service.refresh()
    if service.store.count() == 0:
        from tanyakerja.doctor import NotReady

        raise NotReady(
            f"No articles to answer from: no file in {settings.corpus_dir} could be indexed"
            " (see the lines above)."
        )
    return service


def _ingester(settings: Settings, service: KnowledgeService):  # type: ignore[no-untyped-def]
    from ingest.pipeline import Ingester

    return Ingester(settings=settings, store=service.store, embedder=service.embedder)


def _print_report(report: IngestReport) -> None:
    for line in report.summary_lines():
        print(line, file=sys.stderr)


def cmd_run(settings: Settings) -> int:
    """The main job: Telegram bot, or the console chat while no token is configured."""
    _check_before_run(settings)
    if settings.telegram_bot_token is None:
        return cmd_chat(settings)  # the console says how to connect Telegram
    from bot.app import run_bot  # post_init builds the services and indexes an empty corpus

    run_bot(settings)
    return 0


def _check_before_run(settings: Settings) -> None:
    """Refuse to start with nothing to answer from; warn about corpus files not yet indexed."""
    from tanyakerja.doctor import check_can_answer, corpus_status, open_store, unindexed_warning

    store = open_store(settings)
    try:
        check_can_answer(settings, store)
        if store.count() == 0:
            return  # the whole corpus is indexed at start-up anyway
        warning = unindexed_warning(corpus_status(settings, store), settings.corpus_dir)
        if warning:
            logger.warning("%s", warning)
    finally:
        # the bot opens its own client; this one left open would keep a stale in-memory
        # index alive after another process's ingest
        store.close()


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
    """One answer, or one JSON line per batch item (exit 1 when any item failed)."""
    from knowledge.asking import Asker, check_question

    if batch is not None:
        try:
            handle = batch.open("rb")
        except OSError as exc:
            print(f"Cannot read {batch}: {exc.strerror or exc}", file=sys.stderr)
            return 2
    elif not question or not question.strip():
        print(
            'Tulis pertanyaannya, misalnya: tanyakerja ask "Berapa upah pelatih AI per jam?"',
            file=sys.stderr,
        )
        return 2
    elif (refusal := check_question(question, settings.max_question_chars)) is not None:
        print(refusal.message, file=sys.stderr)  # checked before loading anything
        return 2
    service = build_service(settings)
    log = _question_log(settings)
    asker = Asker.from_settings(settings, knowledge=service, log=log)
    try:
        if batch is not None:
            return _ask_batch(asker, handle)
        assert question is not None
        outcome = asker.ask(question, chat=None, chat_type="cli")
        if outcome.answer is None:  # the article store is unreachable
            print(outcome.message, file=sys.stderr)
            return 1
        if as_json:
            print(json.dumps(outcome.answer.to_json(None), ensure_ascii=False))
        else:
            from bot.console import render_plain

            print(render_plain(outcome.answer))
        return 0
    finally:
        log.close()


def _ask_batch(asker: Asker, handle: BinaryIO) -> int:
    from knowledge.batch import answer_lines

    failed = 0
    with handle:
        for result in answer_lines(asker, handle):
            failed += result.failed
            print(json.dumps(result.obj, ensure_ascii=False), flush=True)
    if failed:
        print(f"{failed} line(s) could not be answered; see their \"error\"", file=sys.stderr)
    return 1 if failed else 0


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
        return EXIT_FAILED
    for line in report.summary_lines():
        print(line)
    # cron and CI must notice rejected files even though everything else was indexed
    return EXIT_REJECTED if report.rejected else EXIT_OK


def cmd_eval(
    settings: Settings, file: Path, *, as_json: bool, baseline: bool = False,
    llm_context: bool = False,
) -> int:
    """Run a QA file; exit 1 when anything failed, 2 when the file cannot be read."""
    from knowledge.conversation import Conversations
    from knowledge.evaluation import (
        QAFileError,
        evaluate,
        load_items,
        record_llm_context,
        top_chunk_of,
    )

    try:
        items = load_items(file)
    except QAFileError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    service = build_service(settings)
    report = evaluate(
        service, items,
        top_chunk=top_chunk_of(service) if baseline else None,
        llm_context=record_llm_context(service) if llm_context else None,
        memory=Conversations.from_settings(settings),
    )
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
