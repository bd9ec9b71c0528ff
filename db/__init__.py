"""hadath's storage: SQLite through sqlite-utils.

Everything the command line and the review app store or read goes through
this package; no SQL lives outside it. Start with `open_store(path)`.
"""

from db.store import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]
