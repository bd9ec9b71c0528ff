"""Finding candidate links by blocking: a sweep over the days, a grid over the places.

Comparing every pair of a million events is half a trillion comparisons;
reports of one incident share a few days and a few kilometres. The finder
takes events in order of their day (their date, or for an undated event its
article's publication) and keeps a window of the days a partner can lie in
(`days`, plus the half period of a week or month date): memory holds those
days' events however many there are.

Each day's new events are matched against the window at once, with numpy:

- **blocking**: every event is filed under keys of its place: its grid cell
  (cells are `km` high and at least `km` wide at every latitude of their
  row), its district and its place's name; a new event looks up the cells
  within `km` of it, and its district and name where the rules can use
  them (db.incident_rules: all of a district only for a vague place, else
  the district's vague places and the reports agreeing on type and actors;
  a name only without coordinates). Keys are sorted and searched, never
  compared pair by pair;
- **cheap filters**: of the pairs the keys find, those whose days are too
  far apart for their precisions, whose sub-event types or actors cannot
  agree, or whose places are neither close nor in a shared district or name,
  are dropped with array operations;
- **the rules**: the few pairs left go to `incident_rules.link`, which
  decides and writes the reasons.

The filters only ever keep too much (a hash of a district's name that
collides keeps a pair), never too little, except that two articles whose
ids' hashes collide (a chance in 2**64 per pair) are taken for one: `link`
has the last word, so the candidates are those that linking every pair
would give (a property test holds the two equal).

Written by hand: spatial indexes in libraries (h3, rtree, a k-d tree) give no
day window and hold the whole dataset; this one is a sorted array per day.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from db.incident_rules import (
    COMPATIBLE_PAIRS,
    MAX_SLACK,
    PERIOD_SLACK,
    SAME_PLACE_KM,
    SYMMETRIC_EVENT_TYPES,
    VAGUE_LEVELS,
    Candidate,
    LinkEvent,
    actor_agreement,
    link,
)
from extract.vocabulary import SUB_EVENT_TYPES

KM_PER_DEGREE: Final = 111.0
"""Kilometres per degree of latitude (and of longitude at the equator), rounded down (the
metric's 111.195), so that cells are never smaller than they must be."""
CHUNK: Final = 4096
"""New events matched at once: the pairs found for them (and memory) stay bounded."""
FAMILIES: Final = 4
"""An event's family is its date precision: 1 a day, 2 a week, 3 a month, 0 undated."""
_NONE: Final = 0
"""The key of no district or name."""

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Bools = npt.NDArray[np.bool_]


class _Codes:
    """Small integers for strings (sub-event types, actor keys), None being 0."""

    def __init__(self) -> None:
        self.of: dict[str | None, int] = {None: 0}
        self.names: list[str | None] = [None]

    def __call__(self, name: str | None) -> int:
        code = self.of.get(name)
        if code is None:
            code = self.of[name] = len(self.names)
            self.names.append(name)
        return code


class _Window:
    """The events of the window and their features, oldest first, as arrays."""

    FIELDS: Final = ("sweep", "family", "lat", "lon", "row", "column", "district", "place",
                     "agreement", "vague", "located", "sub", "actor1", "actor2",
                     "article")  # fmt: skip

    def __init__(self) -> None:
        self.events: list[LinkEvent] = []
        self.arrays: dict[str, npt.NDArray[Any]] = {}

    def __len__(self) -> int:
        return len(self.events)

    def extend(self, events: list[LinkEvent], arrays: dict[str, npt.NDArray[Any]]) -> None:
        """Add a day's events (their arrays in FIELDS)."""
        self.events.extend(events)
        if not self.arrays:
            self.arrays = dict(arrays)
        else:
            self.arrays = {
                name: np.concatenate((self.arrays[name], arrays[name])) for name in self.FIELDS
            }

    def forget_before(self, day: int) -> None:
        """Drop the events filed before `day` (they come first)."""
        if not self.events:
            return
        keep_from = int(np.searchsorted(self.arrays["sweep"], day, side="left"))
        if keep_from:
            del self.events[:keep_from]
            self.arrays = {name: array[keep_from:] for name, array in self.arrays.items()}


def _pairs(keys: Ints, queries: Ints, owners: Ints, order: Ints | None = None) -> tuple[Ints, Ints]:
    """(window index, owner) for every window position whose key equals a query's; keys
    are the window's (`order` sorts them, if already known), queries the new events'
    (`owners` says whose each query is)."""
    if order is None:
        order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    left = np.searchsorted(ordered, queries, side="left")
    right = np.searchsorted(ordered, queries, side="right")
    counts = right - left
    total = int(counts.sum())
    if total == 0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    starts = np.repeat(left - (np.cumsum(counts) - counts), counts)
    positions = np.arange(total, dtype=np.int64) + starts
    return order[positions].astype(np.int64), np.repeat(owners, counts).astype(np.int64)


class LinkFinder:
    """Candidate links among events fed day by day in order (see the module docstring)."""

    def __init__(self, days: int, km: float) -> None:
        """Link dates within `days` and places within `km` (or one district)."""
        self.days, self.km = days, km
        self.row_height = km / KM_PER_DEGREE
        self._window = _Window()
        self._keep = days + 2 * MAX_SLACK
        self._subs = _Codes()
        self._actors = _Codes()
        self._actors("unknown")  # a code of its own from the start (_agree_fully reads it)
        self._compatible = np.ones((1, 1), dtype=bool)
        self._agree = np.ones((1, 1), dtype=bool)
        self._undirected = np.zeros(1, dtype=bool)
        slack = [0, *(PERIOD_SLACK[family] for family in (1, 2, 3))]
        reach = np.array([[days + a + b for b in slack] for a in slack], dtype=np.int64)
        reach[0, 0] = -1  # two undated reports never link
        self._reach = reach

    # -- features -----------------------------------------------------------------------

    def _widths_of(self, rows: Ints) -> Floats:
        """Degrees of longitude a cell of each row spans: `km` at the row's poleward edge."""
        edge = np.minimum(89.0, np.maximum(np.abs(rows), np.abs(rows + 1)) * self.row_height)
        widths: Floats = np.minimum(360.0, self.km / (KM_PER_DEGREE * np.cos(np.radians(edge))))
        return widths

    def _grow_tables(self) -> None:
        """The type and actor tables, for codes seen since they were last made."""
        subs, actors = self._subs.names, self._actors.names
        if len(subs) > len(self._compatible):
            self._compatible = np.array(
                [[a == b or (a, b) in COMPATIBLE_PAIRS for b in subs] for a in subs],
                dtype=bool,
            )
            self._undirected = np.array(
                [SUB_EVENT_TYPES.get(name or "") in SYMMETRIC_EVENT_TYPES for name in subs],
                dtype=bool,
            )
        if len(actors) > len(self._agree):
            self._agree = np.array(
                [[actor_agreement(a, b) is not None for b in actors] for a in actors], dtype=bool
            )

    def _features(self, events: Sequence[LinkEvent]) -> dict[str, npt.NDArray[Any]]:
        """The arrays the filters read, for one day's events."""
        columns = list(zip(*events, strict=True))
        (_, articles, subs, actors1, actors2, lats, lons, places, admin2s, levels, countries,
         _, families, _, sweeps) = columns  # fmt: skip
        lat = np.array([math.nan if v is None else v for v in lats], dtype=np.float64)
        lon = np.array([math.nan if v is None else v for v in lons], dtype=np.float64)
        located = ~(np.isnan(lat) | np.isnan(lon))
        row = np.where(located, np.floor(np.nan_to_num(lat) / self.row_height), 0).astype(np.int64)
        column = np.where(located, np.floor(np.nan_to_num(lon) / self._widths_of(row)), 0).astype(
            np.int64
        )
        vague = ~located | np.array([level in VAGUE_LEVELS for level in levels], dtype=bool)
        district = np.array(
            [hash((c, a)) if a else _NONE for c, a in zip(countries, admin2s, strict=True)],
            dtype=np.int64,
        )
        place = np.array(
            [hash((c, p)) if p else _NONE for c, p in zip(countries, places, strict=True)],
            dtype=np.int64,
        )
        agreement = np.array(
            [
                _agreement_key(c, a, sub, one, two)
                for c, a, sub, one, two in zip(
                    countries, admin2s, subs, actors1, actors2, strict=True
                )
            ],
            dtype=np.int64,
        )
        features = {
            "sweep": np.array(sweeps, dtype=np.int64),
            "family": np.array(families, dtype=np.int64),
            "lat": lat,
            "lon": lon,
            "row": row,
            "column": column,
            "district": district,
            "place": place,
            "agreement": agreement,
            "vague": vague,
            "located": located,
            "sub": np.array([self._subs(s) for s in subs], dtype=np.int64),
            "actor1": np.array([self._actors(a) for a in actors1], dtype=np.int64),
            "actor2": np.array([self._actors(a) for a in actors2], dtype=np.int64),
            # a hash: two articles sharing one (one chance in 2**64) would lose their link
            "article": np.array([hash(article) for article in articles], dtype=np.int64),
        }
        self._grow_tables()
        return features

    # -- blocking ---------------------------------------------------------------------------

    def _cell_queries(self, new: dict[str, npt.NDArray[Any]], base: int) -> tuple[Ints, Ints]:
        """(cell key, owner) of every cell within `km` of each new located event."""
        owners_all = np.nonzero(new["located"])[0]
        if owners_all.size == 0:
            empty = np.empty(0, dtype=np.int64)
            return empty, empty
        lat, lon = new["lat"][owners_all], new["lon"][owners_all]
        rows = new["row"][owners_all]
        farthest = np.minimum(89.0, np.abs(lat) + self.row_height)
        spread = self.km / (KM_PER_DEGREE * np.cos(np.radians(farthest)))
        keys, owners = [], []
        for offset in (-1, 0, 1):
            near = rows + offset
            width = self._widths_of(near)
            first = np.floor((lon - spread) / width).astype(np.int64)
            last = np.floor((lon + spread) / width).astype(np.int64)
            count = last - first + 1
            repeat_owners = np.repeat(owners_all, count)
            steps = np.arange(int(count.sum()), dtype=np.int64) - np.repeat(
                np.cumsum(count) - count, count
            )
            keys.append(_cell_key(np.repeat(near, count), np.repeat(first, count) + steps))
            owners.append(repeat_owners + base)
        return np.concatenate(keys), np.concatenate(owners)

    def _candidate_pairs(self, base: int) -> tuple[Ints, Ints]:
        """(earlier, later) window indices of the pairs the keys find for the events from
        `base` on (the new day's), earlier ones before later ones (a pair found under two
        keys comes twice)."""
        arrays = self._window.arrays
        new = {name: array[base:] for name, array in arrays.items()}
        found_a, found_b = [], []

        cell_keys, cell_owners = self._cell_queries(new, base)
        filed = np.nonzero(arrays["located"])[0]
        a, owner = _pairs(_cell_key(arrays["row"][filed], arrays["column"][filed]), cell_keys,
                          cell_owners)  # fmt: skip
        found_a.append(filed[a])
        found_b.append(owner)

        orders: dict[str, Ints] = {}

        def by_key(key: str, filed_mask: Bools | None, query_mask: Bools) -> None:
            """Pairs of the new events in `query_mask` with the window's events of the same
            `key` (those in `filed_mask`, else all); each key's order is sorted once."""
            asking = np.nonzero(query_mask & (new[key] != _NONE))[0]
            if not asking.size:
                return
            if key not in orders:
                orders[key] = np.argsort(arrays[key], kind="stable").astype(np.int64)
            a, owner = _pairs(arrays[key], new[key][asking], asking + base, orders[key])
            if filed_mask is not None:
                keep = filed_mask[a]
                a, owner = a[keep], owner[keep]
            found_a.append(a)
            found_b.append(owner)

        located = arrays["located"]
        vague = arrays["vague"]
        by_key("district", vague, ~new["vague"])  # a precise place: its district's vague ones
        by_key("district", None, new["vague"])  # a vague one: every one of its district
        by_key("agreement", None, ~new["vague"])  # and those agreeing on type and actors
        by_key("place", ~located, new["located"])  # a located one: names without a point
        by_key("place", None, ~new["located"])  # an unlocated one: every one of its name

        earlier, later = np.concatenate(found_a), np.concatenate(found_b)
        keep = earlier < later
        return earlier[keep], later[keep]

    def _filtered(self, earlier: Ints, later: Ints) -> tuple[Ints, Ints]:
        """The pairs that pass the cheap filters (a superset of those `link` keeps), the most
        selective first, each on the pairs the ones before left."""
        w = self._window.arrays

        def kept(mask: Bools) -> None:
            nonlocal earlier, later
            earlier, later = earlier[mask], later[mask]

        family_a, family_b = w["family"][earlier], w["family"][later]
        reach = self._reach[family_b, family_a]
        kept((w["sweep"][earlier] >= w["sweep"][later] - reach) & (reach >= 0))
        sub_a, sub_b = w["sub"][earlier], w["sub"][later]
        kept(self._compatible[sub_a, sub_b] & (w["article"][earlier] != w["article"][later]))
        agree = self._agree
        a1, a2 = w["actor1"][earlier], w["actor2"][earlier]
        b1, b2 = w["actor1"][later], w["actor2"][later]
        straight = agree[a1, b1] & agree[a2, b2]
        crossed = agree[a1, b2] & agree[a2, b1]
        sub_a, sub_b = w["sub"][earlier], w["sub"][later]
        undirected = self._undirected[sub_a] & self._undirected[sub_b]
        kept(straight | (crossed & undirected))
        lat_a, lat_b = w["lat"][earlier], w["lat"][later]
        east = (w["lon"][later] - w["lon"][earlier]) * np.cos(np.radians((lat_a + lat_b) / 2))
        distance = np.hypot(east, lat_b - lat_a) * (6371.0088 * math.pi / 180)
        distance = np.nan_to_num(distance, nan=math.inf)
        close = distance <= self.km * (1 + 1e-9)
        district = w["district"][earlier]
        shared_district = (district != _NONE) & (district == w["district"][later])
        shared_district &= (
            w["vague"][earlier] | w["vague"][later] | self._agree_fully(earlier, later)
        )
        place = w["place"][earlier]
        named = (place != _NONE) & (place == w["place"][later])
        shared_name = named & ~(w["located"][earlier] & w["located"][later])
        # an undated report: only a dated one of its type at its very place
        undated = (w["family"][earlier] == 0) | (w["family"][later] == 0)
        spot = (w["sub"][earlier] == w["sub"][later]) & (named | (distance < SAME_PLACE_KM))
        kept((close | shared_district | shared_name) & (~undated | spot))
        return earlier, later

    def _agree_fully(self, earlier: Ints, later: Ints) -> Bools:
        """incident_rules.agree_fully on arrays: one type, the same named actors."""
        w = self._window.arrays
        vague = self._actors("unknown")
        a1, a2 = w["actor1"][earlier], w["actor2"][earlier]
        b1, b2 = w["actor1"][later], w["actor2"][later]
        known = (a1 > 0) & (a2 > 0) & (b1 > 0) & (b2 > 0)
        known &= (a1 != vague) & (a2 != vague) & (b1 != vague) & (b2 != vague)
        sub_a, sub_b = w["sub"][earlier], w["sub"][later]
        undirected = self._undirected[sub_a] & self._undirected[sub_b]
        same = ((a1 == b1) & (a2 == b2)) | (undirected & (a1 == b2) & (a2 == b1))
        result: Bools = known & same & (sub_a == sub_b)
        return result

    # -- the sweep ----------------------------------------------------------------------------

    def add_day(self, events: list[LinkEvent]) -> list[Candidate]:
        """File one day's events (days never decrease from one call to the next) and return
        their links with each other and with the events filed before."""
        day = events[0].sweep
        assert day is not None
        self._window.forget_before(day - self._keep)
        found = []
        for start in range(0, len(events), CHUNK):
            found.extend(self._add(events[start : start + CHUNK]))
        return found

    def _add(self, events: list[LinkEvent]) -> list[Candidate]:
        """File some of a day's events and return their links with those filed before."""
        base = len(self._window)
        self._window.extend(events, self._features(events))
        earlier, later = self._filtered(*self._candidate_pairs(base))
        size = len(self._window)
        codes = np.unique(later * size + earlier)  # each pair once, in order
        earlier, later = codes % size, codes // size
        window = self._window.events
        days, km = self.days, self.km
        found = []
        for a, b in zip(earlier.tolist(), later.tolist(), strict=True):
            candidate = link(window[a], window[b], days, km)
            if candidate is not None:
                found.append(candidate)
        return found


def _agreement_key(
    country: str | None, admin2: str | None, sub: str, one: str | None, two: str | None
) -> int:
    """A district, type and both named actors (in either order for a clash): the key under
    which two reports of two places in one district can meet (incident_rules.agree_fully)."""
    if not admin2 or one in (None, "unknown") or two in (None, "unknown"):
        return _NONE
    if SUB_EVENT_TYPES.get(sub) in SYMMETRIC_EVENT_TYPES:
        one, two = sorted((str(one), str(two)))
    return hash((country, admin2, sub, one, two))


def _cell_key(rows: Ints, columns: Ints) -> Ints:
    """One integer per grid cell."""
    return (rows + (1 << 20)) * (1 << 33) + (columns + (1 << 32))


def find_candidates(events: Iterable[LinkEvent], days: int, km: float) -> Iterator[Candidate]:
    """Every candidate link among `events`, which come in order of their sweep day (events
    without one are left out)."""
    finder = LinkFinder(days, km)
    for day, group in itertools.groupby(events, key=lambda event: event.sweep):
        if day is not None:
            yield from finder.add_day(list(group))
