"""``carousel-studio trash``: list deleted projects and profiles, and restore one by ID or name (kept 30 days)."""
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
    p = _action(actions, "restore", "put a deleted project or profile back (its ID or NAME from `trash list`)")
    p.add_argument("id", metavar="ID_OR_NAME", help="the ID `trash list` shows, or the NAME when only one item "
                   "in the trash has it (case, spaces around it and how an accent was typed aside)")
    p.add_argument("--beside", action="store_true", help="a profile whose name another has now comes back beside "
                   "it as “NAME (restored)” (without this it stays in the trash)")


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
    item = _find(trash.items(), args.id)
    new_name = None if item.kind == "project" else trash.name_taken(item.id)
    if new_name is not None and not args.beside:
        raise CliError(f"a profile named “{_shown(item.name)}” exists already, so this one was not restored (it "
                       f"stays in the trash); add --beside to restore it as “{_shown(new_name)}”, or rename or "
                       "delete that profile first")
    restored = trash.restore(item.id, beside=args.beside)
    if new_name is not None:
        print(f"restored profile “{item.name}” as “{new_name}” (id {restored}), beside the saved “{item.name}”")
    else:
        print(f"restored {item.kind} “{item.name}” as {restored}")
    return 0


def _find(items: list, wanted: str):
    """The trash item whose ID is ``wanted``, else the one whose name is ``wanted`` by the store's name rule;
    CliError when none is, or when several are (listed, with the IDs that tell them apart)."""
    from ..store.records import same_name
    by_id = [i for i in items if i.id == wanted]
    if by_id:
        return by_id[0]
    by_name = [i for i in items if same_name(i.name, wanted)]
    if len(by_name) == 1:
        return by_name[0]
    if not by_name:
        raise CliError(f"there is nothing in the trash called {quote(wanted)}; give an ID or a NAME that "
                       "`carousel-studio trash list` shows")
    rows = "\n".join(f"  {i.id}  {i.kind}, deleted {i.deleted_at[:16].replace('T', ' ')}" for i in by_name)
    raise CliError(f"{len(by_name)} items in the trash are called “{_shown(by_name[0].name)}”:\n{rows}\n"
                   "give the ID of the one to restore: carousel-studio trash restore ID")


def _shown(name: str) -> str:
    name = name.strip()
    return name if len(name) <= 60 else name[:60] + "…"
