"""Articles: importing .txt and .jsonl batches, and reading articles back.

An import is one transaction over every file named: any bad record aborts
the whole run and nothing is written. An article's id is the one given in
JSONL or a hash of its text; importing the same article again is a no-op,
and a known id arriving with a different text is refused (articles are
immutable, and events point into their text by offset).

A .txt file may start with a front-matter block between `---` lines
(`title:`, `source:`, `published:`, `url:`, one per line); the text is what
follows it. `ImportDefaults` give .txt files a source and a publication date
when their front matter does not. Importing an article again with
metadata it lacked fills the empty fields (each fill audited); a value that
differs from one stored is refused.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.audit import append_audit
from db.errors import InputError
from db.folders import ARTICLE_SUFFIXES, expand_paths
from db.readers import check_name, check_no_nul, iter_json_lines, read_text_file
from db.store import Store, utc_now

ARTICLE_KEYS = ("text", "id", "title", "url", "source", "published")
METADATA_KEYS = ("title", "url", "source", "published")
"""An article's fields besides its text: what front matter gives and a re-import may fill."""
IMPORTER = "(import)"
"""The name the audit log gives an import that filled an article's empty metadata."""
_BATCH = 2000
_INSERT = (
    "INSERT INTO articles (id, title, url, source, published, text, content_hash, imported_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)

Progress = Callable[[int], None]


@dataclass(frozen=True)
class Article:
    """One stored article; `text` is exactly what event offsets index into."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None
    seq: int = 0
    content_hash: str = ""


@dataclass(frozen=True)
class ImportSummary:
    """What an import did: files read, articles added, articles already present, and of
    those, how many had empty metadata filled."""

    files: int
    added: int
    unchanged: int
    filled: int = 0


@dataclass(frozen=True)
class ImportDefaults:
    """Metadata for .txt files whose front matter does not give it (`--source`,
    `--published`)."""

    source: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class _Incoming:
    article: Article
    source: str
    line: int | None
    size: int


def content_hash(text: str) -> str:
    """Return the SHA-256 of an article's UTF-8 text, in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def text_id(text: str) -> str:
    """Return the id given to an article that arrives without one: a hash of its text."""
    return content_hash(text)[:16]


def _check_id(value: Any, source: str, line: int | None) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise InputError(source, f"id must be a non-empty string, not {value!r}", line)
    return check_name(value, source, line, "id")


def _check_published(value: Any, source: str, line: int | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            if len(value) == 10:
                dt.date.fromisoformat(value)
            else:
                dt.datetime.fromisoformat(value)
            return value
        except ValueError:
            pass
    raise InputError(source, f"published must be an ISO date or time, not {value!r}", line)


def parse_article_record(value: Any, source: str, line: int | None) -> Article:
    """Validate one JSONL article record (text, id?, title?, url?, source?, published?)."""
    if not isinstance(value, dict):
        raise InputError(source, "each line must be a JSON object with a text", line)
    unknown = sorted(set(value) - set(ARTICLE_KEYS))
    if unknown:
        raise InputError(source, f"unknown key {unknown[0]!r}", line)
    text = value.get("text")
    if not isinstance(text, str) or not text.strip():
        what = "missing" if text is None else f"not a non-empty string ({text!r:.40})"
        raise InputError(source, f"text is {what}", line)
    check_no_nul(text, source, line, "text")
    fields: dict[str, str | None] = {}
    for key in ("title", "url", "source"):
        field = value.get(key)
        if field is not None:
            if not isinstance(field, str):
                raise InputError(source, f"{key} must be a string, not {field!r:.40}", line)
            check_no_nul(field, source, line, key)
        fields[key] = field
    digest = content_hash(text)
    article_id = _check_id(value["id"], source, line) if "id" in value else digest[:16]
    return Article(
        id=article_id,
        text=text,
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
        published=_check_published(value.get("published"), source, line),
        content_hash=digest,
    )


def import_defaults(published: str | None, source: str | None) -> ImportDefaults:
    """Defaults given on the command line, checked (an InputError names the option)."""
    if source is not None:
        check_no_nul(source, "--source", None, "source")
    return ImportDefaults(
        source=source.strip() or None if source is not None else None,
        published=_check_published(published, "--published", None),
    )


def front_matter(text: str, source: str) -> tuple[dict[str, str], str]:
    """Split a .txt article into its front matter (a `---` block at the very start) and text.

    Each line of the block is `key: value` with a key of METADATA_KEYS; a
    value is stripped, and `published` must be an ISO date or time. A bad
    block is an InputError naming the file and the line.
    """
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    if not any(line.strip() == "---" for line in lines[1:]):
        raise InputError(source, "front matter starts with --- but never ends with a --- line", 1)
    fields: dict[str, str] = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            body = "\n".join(lines[number:])
            if not body.strip():
                raise InputError(source, "has front matter but no text after it")
            return fields, body
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or key not in METADATA_KEYS:
            raise InputError(
                source,
                f"front matter lines are 'key: value' with a key among"
                f" {', '.join(METADATA_KEYS)}, not {line.strip()!r:.60}",
                number,
            )
        if key in fields:
            raise InputError(source, f"front matter gives {key} twice", number)
        check_no_nul(value, source, number, key)
        fields[key] = value.strip()
        if key == "published":
            _check_published(fields[key], source, number)
    raise AssertionError("unreachable: the closing --- line was found above")


FileDefaults = Callable[[Path], ImportDefaults]
"""Metadata for one .txt file whose front matter does not give it (the demo's seeds)."""


def _read(path: Path, defaults: ImportDefaults) -> Iterator[_Incoming]:
    source = str(path)
    if path.suffix == ".txt":
        fields, text = front_matter(read_text_file(path), source)
        check_no_nul(text, source, None, "text")
        digest = content_hash(text)
        article = Article(
            id=digest[:16],
            text=text,
            content_hash=digest,
            title=fields.get("title") or None,
            url=fields.get("url") or None,
            source=fields.get("source") or defaults.source,
            published=fields.get("published") or defaults.published,
        )
        yield _Incoming(article, source, None, path.stat().st_size)
        return
    previous = 0
    for item in iter_json_lines(path):
        article = parse_article_record(item.value, source, item.line)
        yield _Incoming(article, source, item.line, item.end_offset - previous)
        previous = item.end_offset


def import_size(paths: Sequence[str | Path]) -> int | None:
    """Return the bytes an import of `paths` will read (the total for a progress bar).

    None when one of them is a named pipe, whose size is known only once read
    (and which can be read only once: asking does not open it).
    """
    total = 0
    for path in expand_paths(paths, ARTICLE_SUFFIXES):
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None
        total += info.st_size
    return total


def _per_file(defaults: ImportDefaults | FileDefaults) -> FileDefaults:
    if isinstance(defaults, ImportDefaults):
        return lambda _path: defaults
    return defaults


def import_articles(
    store: Store,
    paths: Sequence[str | Path],
    progress: Progress | None = None,
    defaults: ImportDefaults | FileDefaults | None = None,
) -> ImportSummary:
    """Import every article in `paths` as one transaction; raise InputError on bad input.

    `defaults` is the metadata of .txt files without front matter giving it:
    one for every file, or a function giving each file's own.
    """
    files = expand_paths(paths, ARTICLE_SUFFIXES)
    defaults_of = _per_file(defaults or ImportDefaults())
    added = unchanged = filled = 0
    imported_at = utc_now()
    with store.write() as db:
        batch: list[_Incoming] = []

        def flush() -> None:
            nonlocal added, unchanged, filled
            ids = list({item.article.id for item in batch})
            known: dict[str, str] = {}
            stored: dict[str, dict[str, str | None]] = {}
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                sql = (
                    "SELECT id, content_hash, title, url, source, published FROM articles"
                    f" WHERE id IN ({marks})"
                )
                for row in db.execute(sql, chunk).fetchall():
                    known[row[0]] = row[1]
                    stored[row[0]] = dict(zip(METADATA_KEYS, row[2:], strict=True))
            rows = []
            for item in batch:
                article, digest = item.article, item.article.content_hash
                if article.id in known:
                    if known[article.id] != digest:
                        raise InputError(
                            item.source,
                            f"article {article.id!r} is already stored with a different text",
                            item.line,
                        )
                    unchanged += 1
                    if article.id in stored:
                        filled += _fill_metadata(db, item, stored[article.id])
                    continue
                known[article.id] = digest
                rows.append(
                    (
                        article.id,
                        article.title,
                        article.url,
                        article.source,
                        article.published,
                        article.text,
                        digest,
                        imported_at,
                    )
                )
            if rows:
                db.conn.executemany(_INSERT, rows)
                added += len(rows)
            if progress:
                progress(sum(item.size for item in batch))
            batch.clear()

        for path in files:
            for item in _read(path, defaults_of(path)):
                batch.append(item)
                if len(batch) >= _BATCH:
                    flush()
        flush()
    return ImportSummary(files=len(files), added=added, unchanged=unchanged, filled=filled)


def _fill_metadata(db: Any, item: _Incoming, stored: dict[str, str | None]) -> int:
    """Fill a stored article's empty metadata from a re-import (audited); refuse a value that
    differs from one stored. Returns 1 if anything was filled."""
    article = item.article
    fills: dict[str, str] = {}
    for key in METADATA_KEYS:
        value = getattr(article, key)
        if value is None or value == stored[key]:
            continue
        if stored[key] is not None:
            raise InputError(
                item.source,
                f"article {article.id!r} already has {key} {stored[key]!r}, not {value!r}",
                item.line,
            )
        fills[key] = value
    if not fills:
        return 0
    columns = ", ".join(f"{key} = ?" for key in fills)
    db.execute(f"UPDATE articles SET {columns} WHERE id = ?", [*fills.values(), article.id])
    append_audit(
        db, IMPORTER, "fill_metadata", article_id=article.id,
        before=dict.fromkeys(fills), after=fills,
    )  # fmt: skip
    stored.update(fills)
    return 1


def article_from_row(row: dict[str, Any]) -> Article:
    """Build an Article from a row of the articles table."""
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        source=row["source"],
        published=row["published"],
        seq=row["seq"],
    )


_COLUMNS = "seq, id, text, title, url, source, published"


def get_article(store: Store, article_id: str) -> Article | None:
    """Return the article with this id, or None."""
    rows = store.db.query(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", [article_id])
    row = next(iter(rows), None)
    return article_from_row(row) if row else None
