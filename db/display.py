"""Making untrusted strings (file names, field values) safe to print in a terminal message.

A file name or a value from an input file may hold escape sequences (an OSC
that sets the window title or writes the clipboard), C1 controls, or bidi
controls that reorder the rest of the line. `safe` writes each such character
as a Python escape (\\x1b, \\x9b, \\u202e), so that what reaches the terminal is
plain text that shows exactly what the name holds.
"""

from __future__ import annotations

import stat

# Not printable for Python, but harmless and needed by Arabic and Persian
# names: ZWNJ, ZWJ, LRM, RLM and the Arabic letter mark (the marks are weak
# characters, not embeddings, overrides or isolates).
_KEPT = frozenset("\u200c\u200d\u200e\u200f\u061c")


def safe(text: str) -> str:
    """Return `text` with every non-printable character written as a Python escape.

    Non-printable means Python's `str.isprintable` is false (C0 and C1
    controls, DEL, bidi embeddings, overrides and isolates, line and paragraph
    separators, lone surrogates from undecodable file names), except the joiners
    and marks Arabic script needs. Printable text comes back unchanged.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c in _KEPT else repr(c)[1:-1] for c in text)


_FILE_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFLNK: "a symbolic link",
    stat.S_IFREG: "a regular file",
}


def file_kind(mode: int) -> str:
    """Name the kind of file an `st_mode` describes, for messages ("a FIFO (named pipe)")."""
    return _FILE_KINDS.get(stat.S_IFMT(mode), "an unknown kind of file")
