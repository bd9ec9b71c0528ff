"""Running a text field's own key bindings in the order the keys were typed.

Textual runs a focused widget's (non-priority) bindings when the key has
bubbled up to the app, after the widget and each of its containers had the
key in turn. A printable key typed right after goes straight to the widget,
so it can overtake the bound key: `enter` then a letter in the comment box
put the letter at the end of the paragraph, and `backspace` then a letter in
a field could take the new letter instead of the old. A text field that
runs its own bindings as soon as it receives the key keeps keys in order.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run `widget`'s own binding for the key now; True (and the key stopped) if one ran."""
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if binding.priority:
            continue  # the app ran those before the key reached the widget
        if await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False
