"""hadath's event extraction: the event record and its vocabularies.

Pure Python, with no dependency on the storage or the terminal app.
"""

from extract.record import Actor, Event, Location, RecordError, Span, parse_event

__all__ = ["Actor", "Event", "Location", "RecordError", "Span", "parse_event"]
