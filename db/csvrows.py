"""CSV text that every reader splits back into the rows it was made of.

Rows end in LF. Python's csv writer quotes a field holding the delimiter,
the quote or a character of its line terminator, so with LF rows a field
holding a bare CR went out unquoted and split its row in readers that end
lines at CR. A batch that holds a CR is therefore written again, row by row,
with a CRLF writer (which quotes CR as well), each row's CRLF turned back
into LF: every field holding a delimiter, quote, CR or LF is quoted.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence


class CsvRows:
    """Turns batches of rows into CSV text, each row ended by LF."""

    def __init__(self) -> None:
        """A reusable encoder (one buffer, two writers)."""
        self._buffer = io.StringIO()
        self._lf = csv.writer(self._buffer, lineterminator="\n")
        self._crlf = csv.writer(self._buffer, lineterminator="\r\n")

    def _take(self) -> str:
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text

    def text(self, rows: Iterable[Sequence[object]]) -> str:
        """Return the CSV text of `rows` (a list, or anything iterable twice)."""
        self._lf.writerows(rows)
        text = self._take()
        if "\r" not in text:
            return text
        lines = []
        for row in rows:
            self._crlf.writerow(row)
            lines.append(self._take()[:-2] + "\n")
        return "".join(lines)
