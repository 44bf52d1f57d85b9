"""The ingest planner: given the files read from disk and what the index holds, decide what to
add, update, keep, remove and reject — without touching the disk or the store.

Why a pure function: every way articles arrive (a full scan, `ingest PATH`, an upload, a link, a
feed entry) ends as "these files, this index", so one planner holds the one duplicate rule and
the one rejection rule, and it can be tested without Chroma. The executor in `ingest.pipeline`
then applies a plan crash-safely.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ingest.articles import Article
from ingest.loaders import BadInput
from ingest.snapshot import IndexedFile

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rejected:
    """A file that was not indexed, and why (one line of Indonesian)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Candidate:
    """One file as the scanner found it: its bytes, or why it could not be read."""

    path: str
    data: bytes | None = None
    reason: str | None = None


@dataclass
class Outcome:
    """Which files a run adds, updates, leaves, rebuilds, removes and rejects (planned or done)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rebuilt: list[str] = field(default_factory=list)  # --full: same content, embedded again
    removed: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


@dataclass
class Plan(Outcome):
    """What one run will do; `write` holds the articles to embed, in path order."""

    full: bool = False
    write: list[Article] = field(default_factory=list)
    resumed: dict[str, str] = field(default_factory=dict)  # path -> complete hash, old remain
    kept: list[str] = field(default_factory=list)  # indexed paths whose chunks must stay
    dropped: list[str] = field(default_factory=list)  # indexed duplicates to delete
    index: dict[str, IndexedFile] = field(default_factory=dict, repr=False)  # planned against

    def reason_for(self, path: str) -> str | None:
        """Why `path` was rejected, or None."""
        return next((r.reason for r in self.rejected if r.path == path), None)


Prepare = Callable[[str, bytes], Article]


def make_plan(
    candidates: Sequence[Candidate], index: dict[str, IndexedFile], *, whole: bool, full: bool,
    gone: Sequence[str] = (), prepare: Prepare,
) -> Plan:
    """The plan for `candidates` (every corpus file when `whole`) against `index`."""
    plan = Plan(full=full, index=index)
    fresh: dict[str, Article] = {}
    unchanged: dict[str, str] = {}  # path -> doc_id, already fully indexed
    scanned: set[str] = set()
    for cand in candidates:
        scanned.add(cand.path)
        if cand.data is None:
            plan.rejected.append(Rejected(cand.path, cand.reason or "tidak bisa dibaca"))
            continue
        indexed = index.get(cand.path)
        doc_hash = hashlib.sha256(cand.data).hexdigest()
        if not full and indexed is not None and indexed.is_current(doc_hash):
            unchanged[cand.path] = indexed.doc_ids[doc_hash]
            continue
        if not full and indexed is not None and indexed.complete_hash(doc_hash):
            # A killed run wrote this version but not yet deleted the old one.
            plan.resumed[cand.path] = doc_hash
            unchanged[cand.path] = indexed.doc_ids[doc_hash]
            continue
        try:
            fresh[cand.path] = prepare(cand.path, cand.data)
        except BadInput as exc:
            plan.rejected.append(Rejected(cand.path, exc.reason))
        except Exception:  # a loader bug must not stop the other files
            logger.exception("Could not prepare %s", cand.path)
            plan.rejected.append(Rejected(cand.path, "tidak bisa diproses (lihat log)"))

    # Duplicates: an article already indexed under its path wins, then by path order.
    removed = sorted(set(index) - scanned) if whole else [p for p in gone if p in index]
    owners: dict[str, str] = {}
    if not whole:
        for shown, entry in index.items():
            if shown not in scanned and shown not in removed and (h := entry.complete_hash()):
                owners[entry.doc_ids[h]] = shown

    def priority(candidate: tuple[str, str]) -> tuple[bool, str]:
        entry = index.get(candidate[0])
        return (entry is None or candidate[1] not in entry.doc_ids.values(), candidate[0])

    duplicates: list[str] = []
    pairs = list(unchanged.items()) + [(p, a.doc_id) for p, a in fresh.items()]
    for shown, doc_id in sorted(pairs, key=priority):
        owner = owners.setdefault(doc_id, shown)
        if owner != shown:
            plan.rejected.append(Rejected(shown, f"duplikat dari {owner}"))
            duplicates.append(shown)
            fresh.pop(shown, None)
            unchanged.pop(shown, None)
            plan.resumed.pop(shown, None)

    for shown, article in sorted(fresh.items()):
        if shown not in index:
            plan.added.append(shown)
        elif index[shown].is_current(article.doc_hash):  # only in a full rebuild
            plan.rebuilt.append(shown)
        else:
            plan.updated.append(shown)
    plan.updated = sorted(plan.updated + [p for p in plan.resumed if p in unchanged])
    plan.unchanged = sorted(plan.unchanged + [p for p in unchanged if p not in plan.resumed])
    plan.removed = removed
    plan.rejected += [Rejected(p, "file tidak ditemukan") for p in gone if p not in index]
    plan.rejected.sort(key=lambda r: r.path)
    plan.write = [fresh[p] for p in sorted(fresh)]
    # Old chunks of a rejected file stay (nothing indexed is lost), except for duplicates.
    rejected_kept = [
        r.path for r in plan.rejected if r.path in index and r.path not in duplicates
    ]
    plan.kept = list(unchanged) + rejected_kept
    plan.dropped = [p for p in duplicates if p in index]
    return plan
