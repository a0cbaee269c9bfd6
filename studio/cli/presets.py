"""``carousel-studio presets``: list, export, import and delete saved presets."""
from __future__ import annotations

import json
from pathlib import Path

from . import print_table
from .profiles import _action, add_force, check_kit_out, image_summary, run_action

HELP = "Saved presets (format, layout, theme, typography, pattern, CTA): list, export, import, delete."


def register(parser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = _action(actions, "list", "list the presets")
    p.add_argument("--json", action="store_true", help='print {"presets": [...]} for scripts')
    p = _action(actions, "export", "write presets to one JSON file")
    p.add_argument("file", type=Path)
    p.add_argument("--name", action="append", metavar="NAME", help="only this preset (repeatable)")
    add_force(p)
    p = _action(actions, "import", "add the presets of a kit file; nothing is written if anything is wrong")
    p.add_argument("file", type=Path)
    p = _action(actions, "delete", "delete a preset")
    p.add_argument("name")


def preset_summary(preset) -> dict:
    """A preset as plain JSON for ``list --json`` (a profile's images as hash and size)."""
    from ..schema import to_dict
    data = to_dict(preset)
    if preset.profile is not None:
        data["profile"]["avatar"] = image_summary(preset.profile.avatar)
        data["profile"]["logo"] = image_summary(preset.profile.logo)
    return data


def run(args) -> int:
    return run_action(args, _ACTIONS)


def _list(brands, args) -> int:
    presets = brands.presets()
    if args.json:
        print(json.dumps({"presets": [preset_summary(p) for p in presets]}, ensure_ascii=False))
        return 0
    if not presets:
        print(f"no presets in {args.data_dir} (save one in the studio)")
        return 0
    rows = [(p.name, p.format, p.layout, p.theme, p.pattern or "(theme's)", p.profile.name if p.profile else "")
            for p in presets]
    print_table(("NAME", "FORMAT", "LAYOUT", "THEME", "PATTERN", "PROFILE"), rows)
    return 0


def _export(brands, args) -> int:
    check_kit_out(brands, args)
    _, presets = brands.export_kits(args.file, profile_ids=[], preset_names=args.name or None)
    print(f"wrote {presets} preset{'' if presets == 1 else 's'} to {args.file}")
    return 0


def _import(brands, args) -> int:
    print(brands.import_kits(args.file, profiles=False))
    return 0


def _delete(brands, args) -> int:
    brands.delete_preset(args.name)
    print(f"deleted preset {args.name.strip()!r}")
    return 0


_ACTIONS = {"list": _list, "export": _export, "import": _import, "delete": _delete}
