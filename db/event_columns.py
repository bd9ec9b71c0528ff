"""The event record laid out flat, one value per column, derived from extract.record.

The events table holds each record member in a column of its own (an actor's
text, key and name in three, the evidence span in two, a list of further
actors as JSON text). `COLUMNS` is computed from the record's dataclasses and
their type hints, so a member added to the record is a column here at once;
the table itself changes only through a numbered migration (db.schema), and a
test checks that the table and `COLUMNS` agree.

`flatten` turns an Event into column values; `record_from_values` turns the
values back into the record's JSON object (the form export writes), and
`event_from_values` into an Event.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal

import orjson

from extract.record import (
    ACTOR_MEMBERS,
    LOCATION_MEMBERS,
    RECORD_MEMBERS,
    Actor,
    Event,
    Location,
    Span,
)

SqlType = Literal["TEXT", "INTEGER", "REAL"]
Shape = Literal["scalar", "actor", "location", "actors", "span"]


@dataclass(frozen=True)
class EventColumn:
    """One column of the events table: the record member (and sub-member) it holds."""

    name: str
    member: str
    part: str | None
    sql_type: SqlType
    shape: Shape


def _sql_type(hint: Any) -> SqlType:
    """The SQLite type of a scalar member from its type hint (Optional and Literal unwrapped)."""
    args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1:
        return _sql_type(args[0])
    if typing.get_origin(hint) is Literal:
        return "INTEGER" if all(isinstance(arg, int) for arg in args) else "TEXT"
    if hint is int:
        return "INTEGER"
    if hint is float:
        return "REAL"
    return "TEXT"


def _members(cls: type[Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {item.name: hints[item.name] for item in fields(cls)}


def _derive_columns() -> tuple[EventColumn, ...]:
    event_hints = _members(Event)
    actor_hints, location_hints = _members(Actor), _members(Location)
    columns: list[EventColumn] = []
    for member in RECORD_MEMBERS:
        if member == "event_type":
            columns.append(EventColumn(member, member, None, "TEXT", "scalar"))
        elif member in ("actor1", "actor2"):
            columns.extend(
                EventColumn(f"{member}_{part}", member, part, _sql_type(actor_hints[part]), "actor")
                for part in ACTOR_MEMBERS
            )
        elif member == "location":
            columns.extend(
                EventColumn(
                    f"location_{part}", member, part, _sql_type(location_hints[part]), "location"
                )
                for part in LOCATION_MEMBERS
            )
        elif member == "evidence":
            columns.extend(
                EventColumn(f"evidence_{part}", member, part, "INTEGER", "span")
                for part in ("start", "end")
            )
        elif member.startswith("assoc_actors"):
            columns.append(EventColumn(member, member, None, "TEXT", "actors"))
        else:
            columns.append(
                EventColumn(member, member, None, _sql_type(event_hints[member]), "scalar")
            )
    return tuple(columns)


COLUMNS: tuple[EventColumn, ...] = _derive_columns()
"""The record's columns in the events table, in the record's member order."""
COLUMN_NAMES: tuple[str, ...] = tuple(column.name for column in COLUMNS)
BOOKKEEPING_COLUMNS = ("seq", "id", "article_id", "added_by", "created_at")
"""Columns of the events table that are the store's, not the record's."""


def flatten(event: Event) -> dict[str, Any]:
    """The event's column values by column name (see COLUMNS)."""
    record = event.to_dict()
    values: dict[str, Any] = {}
    for column in COLUMNS:
        value = record[column.member]
        if column.shape == "actors":
            values[column.name] = orjson.dumps(value).decode() if value else None
        elif column.part is not None:
            values[column.name] = None if value is None else value[column.part]
        else:
            values[column.name] = value
    return values


def _plan() -> list[tuple[str, Shape, int]]:
    """For each record member: how it is read (its shape) and where its columns start."""
    plan: list[tuple[str, Shape, int]] = []
    index = 0
    for member in RECORD_MEMBERS:
        shape = next(column.shape for column in COLUMNS if column.member == member)
        plan.append((member, shape, index))
        index += sum(1 for column in COLUMNS if column.member == member)
    return plan


def _group_source(index: int, members: tuple[str, ...]) -> str:
    cells = [f"v[{index + offset}]" for offset in range(len(members))]
    empty = " and ".join(f"{cell} is None" for cell in cells)
    pairs = ", ".join(f"{member!r}: {cell}" for member, cell in zip(members, cells, strict=True))
    return f"None if {empty} else {{{pairs}}}"


def _reader_source() -> str:
    """Python source of `read(prefix, v)`: the record's dict from values in COLUMNS order.

    Generated once from COLUMNS (as collections.namedtuple generates its
    class): export reads a million records, and one dict display per record
    is several times faster than assembling it member by member.
    """
    items = []
    for member, shape, index in _plan():
        if shape == "scalar":
            value = f"v[{index}]"
        elif shape == "actor":
            value = _group_source(index, ACTOR_MEMBERS)
        elif shape == "location":
            value = _group_source(index, LOCATION_MEMBERS)
        elif shape == "span":
            value = f"{{'start': v[{index}], 'end': v[{index + 1}]}}"
        else:
            value = f"loads(v[{index}]) if v[{index}] else []"
        items.append(f"        {member!r}: {value},")
    return "\n".join(["def read(prefix, v):", "    return {", "        **prefix,", *items, "    }"])


def _compile_reader() -> Callable[[dict[str, Any], Sequence[Any]], dict[str, Any]]:
    namespace: dict[str, Any] = {"loads": orjson.loads}
    exec(_reader_source(), namespace)  # source built above from COLUMNS only
    reader: Callable[[dict[str, Any], Sequence[Any]], dict[str, Any]] = namespace["read"]
    return reader


_READ = _compile_reader()
_NO_PREFIX: dict[str, Any] = {}


def record_from_values(
    values: Sequence[Any], prefix: dict[str, Any] = _NO_PREFIX
) -> dict[str, Any]:
    """The record's JSON object (as `Event.to_dict` gives it) from values in COLUMNS order.

    An actor or location whose columns are all null is null; a list of
    further actors is stored as JSON text (null when empty). The members of
    `prefix` (the store's ids, say) come first.
    """
    return _READ(prefix, values)


def record_from_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """The record's JSON object from a row of the events table read by column name."""
    return record_from_values([row[name] for name in COLUMN_NAMES])


def _actor(value: dict[str, Any] | None) -> Actor | None:
    return None if value is None else Actor(**value)


def event_from_record(record: Mapping[str, Any]) -> Event:
    """An Event from a record already checked when it was stored (no validation)."""
    place = record["location"]
    span = record["evidence"]
    return Event(
        sub_event_type=record["sub_event_type"],
        evidence=Span(span["start"], span["end"]),
        actor1=_actor(record["actor1"]),
        actor2=_actor(record["actor2"]),
        location=None if place is None else Location(**place),
        date=record["date"],
        date_text=record["date_text"],
        date_precision=record.get("date_precision"),
        fatalities=record["fatalities"],
        fatalities_vague=record.get("fatalities_vague"),
        injured=record["injured"],
        assoc_actors1=tuple(Actor(**actor) for actor in record.get("assoc_actors1") or ()),
        assoc_actors2=tuple(Actor(**actor) for actor in record.get("assoc_actors2") or ()),
        confidence=record["confidence"],
        origin=record["origin"],
        extractor=record["extractor"],
    )
