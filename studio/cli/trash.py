"""``carousel-studio trash``: list deleted projects and profiles, and restore one (kept for 30 days)."""
from __future__ import annotations

import json

from . import CliError, print_table
from .profiles import _action, open_store
from ..choice import quote

HELP = "Deleted projects and profiles (kept 30 days): list, restore."


def register(parser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = _action(actions, "list", "list what was deleted, most recent first")
    p.add_argument("--json", action="store_true", help='print {"trash": [...]} for scripts')
    p = _action(actions, "restore", "put a deleted project or profile back (ID from `trash list`)")
    p.add_argument("id")


def run(args) -> int:
    from ..store import StoreError
    trash = open_store(args).trash
    try:
        return _list(trash, args) if args.action == "list" else _restore(trash, args)
    except StoreError as exc:
        raise CliError(str(exc)) from None


def _list(trash, args) -> int:
    items = trash.items()
    if args.json:
        print(json.dumps({"trash": [{"id": i.id, "kind": i.kind, "name": i.name, "deleted_at": i.deleted_at,
                                     "expires": i.expires} for i in items]}, ensure_ascii=False))
        return 0
    if not items:
        print(f"the trash of {args.data_dir} is empty")
        return 0
    print_table(("ID", "KIND", "NAME", "DELETED", "KEPT UNTIL"),
                [(i.id, i.kind, i.name, i.deleted_at[:16].replace("T", " "), i.expires) for i in items])
    return 0


def _restore(trash, args) -> int:
    item = next((i for i in trash.items() if i.id == args.id), None)
    if item is None:
        raise CliError(f"there is nothing in the trash called {quote(args.id)}; `carousel-studio trash list` shows "
                       "what can be restored")
    restored = trash.restore(item.id)
    print(f"restored {item.kind} “{item.name}” as {restored}")
    return 0
