"""Prints the accessible tree of a running application as JSON, as a screen reader sees it.

Run with the system Python, which has Debian's pyatspi (the library Orca uses):
`/usr/bin/python3 tests/e2e/atspi_tree.py APP_NAME`. Each node: role, name, description,
states, text (for text widgets) and children.
"""

import json
import sys

import pyatspi


def node(accessible, depth=0):
    states = accessible.getState()
    entry = {
        "role": accessible.getRoleName(),
        "name": accessible.name or "",
        "description": accessible.description or "",
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "focused": states.contains(pyatspi.STATE_FOCUSED),
        "showing": states.contains(pyatspi.STATE_SHOWING),
        "enabled": states.contains(pyatspi.STATE_ENABLED),
        "children": [],
    }
    try:
        text = accessible.queryText()
        entry["text"] = text.getText(0, text.characterCount)
    except NotImplementedError:
        pass
    if depth < 40:
        entry["children"] = [node(child, depth + 1) for child in accessible if child is not None]
    return entry


def main() -> int:
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == sys.argv[1]:
            print(json.dumps(node(app)))
            return 0
    print(json.dumps(None))
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
