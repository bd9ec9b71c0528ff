"""Each news source's scale, for the CSV's source_scale column (ACLED's seven values).

A dataset maintainer says once how local or distant a source is ("National",
"International", ...); export combines the scales of an event's sources as
ACLED does (db.acled.source_scale). The setting is the file's, shared by every
annotator, and a source without one leaves the column blank.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.acled_codebook import SOURCE_SCALES
from db.display import safe
from db.store import Store, utc_now


class SourceScaleError(ValueError):
    """A scale ACLED does not have, or a source no article names."""


@dataclass(frozen=True)
class SourceRow:
    """A source the articles name: how many articles, and its scale if set."""

    source: str
    articles: int
    scale: str | None


def scales(store: Store) -> dict[str, str]:
    """Every source's scale, by source name."""
    return dict(store.conn.execute("SELECT source, scale FROM source_scales").fetchall())


def check_scale(scale: str) -> str:
    """Return ACLED's spelling of `scale` (case and spaces forgiven), or refuse it."""
    wanted = " ".join(scale.split()).casefold()
    for known in SOURCE_SCALES:
        if known.casefold() == wanted:
            return known
    raise SourceScaleError(
        f"{safe(scale)!r} is not one of ACLED's source scales: {', '.join(SOURCE_SCALES)}"
    )


def set_scale(store: Store, source: str, scale: str | None) -> str | None:
    """Set (or, with None, clear) a source's scale; the source must be one an article names.
    Returns the scale as stored (ACLED's spelling)."""
    name = source.strip()
    known = store.conn.execute("SELECT 1 FROM articles WHERE source = ? LIMIT 1", [name])
    if known.fetchone() is None:
        raise SourceScaleError(f"no article names the source {safe(name)!r}: see hadath sources")
    checked = None if scale is None else check_scale(scale)
    with store.write() as db:
        if checked is None:
            db.execute("DELETE FROM source_scales WHERE source = ?", [name])
        else:
            db.execute(
                "INSERT INTO source_scales (source, scale, set_at) VALUES (?, ?, ?)"
                " ON CONFLICT (source) DO UPDATE SET scale = excluded.scale,"
                " set_at = excluded.set_at",
                [name, checked, utc_now()],
            )
    return checked


def list_sources(store: Store) -> list[SourceRow]:
    """The sources the articles name, most articles first, with their scales."""
    sql = (
        "SELECT a.source, count(*), s.scale FROM articles a"
        " LEFT JOIN source_scales s ON s.source = a.source"
        " WHERE a.source IS NOT NULL GROUP BY a.source ORDER BY count(*) DESC, a.source"
    )
    return [SourceRow(*row) for row in store.conn.execute(sql).fetchall()]
