"""``carousel-studio profiles``: list, add, export, import and delete brand profiles."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..choice import readable
from ..store.records import same_name
from . import CliError, check_data_dir, print_table

HELP = "Brand profiles (agency kits): list, add, export to / import from a JSON file, delete."


def register(parser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    p = _action(actions, "list", "list the profiles")
    p.add_argument("--json", action="store_true", help='print {"profiles": [...]} for scripts')
    p = _action(actions, "add", "add a profile")
    p.add_argument("name", help="the name shown on slides (also how you refer to the profile)")
    p.add_argument("--handle", default="", metavar="H", help="handle, with or without @")
    p.add_argument("--website", default="", metavar="URL")
    p.add_argument("--accent", default="", metavar="#RRGGBB", help="accent colour overriding the theme's")
    p.add_argument("--avatar", type=Path, metavar="IMAGE", help="avatar picture (JPEG, PNG, WebP, GIF)")
    p.add_argument("--logo", type=Path, metavar="IMAGE", help="logo picture")
    p = _action(actions, "export", "write profiles (images embedded) to one JSON file")
    p.add_argument("file", type=Path)
    p.add_argument("--name", action="append", metavar="NAME", help="only this profile (repeatable)")
    add_force(p)
    p = _action(actions, "import", "add the profiles of a kit file; nothing is written if anything is wrong")
    p.add_argument("file", type=Path)
    p = _action(actions, "delete", "delete a profile")
    p.add_argument("name", help="profile name or id")


def _action(actions, name: str, help_text: str) -> argparse.ArgumentParser:
    p = actions.add_parser(name, help=help_text, description=help_text)
    # Also accepted after the action; SUPPRESS keeps the value given before it.
    p.add_argument("--data-dir", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return p


def add_force(parser) -> None:
    parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")


def check_out(out: Path, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    """CliError unless ``out`` may be written, by ``render``'s rules: never over an input, a device or a pipe,
    over an existing file only with --force."""
    from ..export import ExportError
    from ..export.outpath import check_output, stop_cleanly_on_sigterm
    try:
        check_output(out, inputs, force=force)
    except ExportError as exc:
        raise CliError(str(exc)) from None
    stop_cleanly_on_sigterm()  # a killed export removes its temporary file


def check_kit_out(brands, args) -> None:
    """``check_out`` for a kit file, after the kit's own rules: a folder, or a path in the data folder (the
    export's input), is refused with or without --force."""
    from ..app.kits import check_kit_path
    check_kit_path(brands.store, args.file)  # its StoreError becomes a CLI error in run_action
    check_out(args.file, args.force)


def run_action(args, actions) -> int:
    """Run the chosen action on the data folder's profiles and presets; its errors become one-line CLI errors."""
    from ..app import EditError
    from ..app.brands import Brands
    from ..store import StoreError
    brands = Brands(open_store(args))
    try:
        return actions[args.action](brands, args)
    except (StoreError, EditError) as exc:
        raise CliError(str(exc)) from None


def open_store(args):
    """The Store in --data-dir; its notices (a recovered file...) go to stderr."""
    from ..store import Store, StoreError
    check_data_dir(args.data_dir)
    try:
        store = Store(args.data_dir)
    except StoreError as exc:
        raise CliError(str(exc)) from None
    for notice in store.notices:
        print(f"note: {notice}", file=sys.stderr)
    return store


def image_summary(image) -> dict | None:
    return None if image is None else {"sha256": image.sha256, "mime": image.mime,
                                       "width": image.width, "height": image.height}


def profile_summary(profile_id: str, profile) -> dict:
    """A profile as plain JSON for ``list --json`` (images as hash and size, not bytes)."""
    from ..schema import to_dict
    data = to_dict(profile)
    data["avatar"], data["logo"] = image_summary(profile.avatar), image_summary(profile.logo)
    return {"id": profile_id, **data}


def run(args) -> int:
    return run_action(args, _ACTIONS)


def _list(brands, args) -> int:
    profiles = brands.profiles()
    if args.json:
        print(json.dumps({"profiles": [profile_summary(pid, p) for pid, p in profiles]}, ensure_ascii=False))
        return 0
    if not profiles:
        print(f"no profiles in {args.data_dir} (add one with: carousel-studio profiles add NAME)")
        return 0
    rows = [(p.name, f"@{p.handle}" if p.handle else "", p.website, pid) for pid, p in profiles]
    print_table(("NAME", "HANDLE", "WEBSITE", "ID"), rows)
    return 0


def _add(brands, args) -> int:
    from ..brand import BrandProfile
    from ..image import ImageError, load_image
    from ..limits import MAX_IMAGE_BYTES, LimitError, read_capped
    images = {}
    for key in ("avatar", "logo"):
        path = getattr(args, key)
        if path is not None:
            try:
                images[key] = load_image(read_capped(path, MAX_IMAGE_BYTES, str(path)), name=str(path))
            except OSError as exc:
                raise CliError(f"cannot read {path}: {exc.strerror or exc}") from None
            except (ImageError, LimitError) as exc:
                raise CliError(str(exc)) from None
    try:
        profile = BrandProfile(name=args.name.strip(), handle=args.handle, website=args.website.strip(),
                               accent=args.accent, **images)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    for pid, other in brands.profiles():
        if same_name(other.name, profile.name):
            raise CliError(f"a profile named {shown_name(other.name)} already exists (id {pid})")
        if pid == profile.name:  # `delete NAME` could not tell the two apart
            raise CliError(f"{shown_name(profile.name)} is the id of the profile {shown_name(other.name)}; "
                           "choose another name")
    profile_id = brands.add_profile(profile)
    print(f"added profile {shown_name(profile.name)} (id {profile_id})")
    return 0


def _export(brands, args) -> int:
    check_kit_out(brands, args)
    ids = None if not args.name else [_profile_id(brands, name) for name in args.name]
    profiles, _ = brands.export_kits(args.file, profile_ids=ids, preset_names=[])
    print(f"wrote {profiles} profile{'' if profiles == 1 else 's'} to {args.file}")
    return 0


def _import(brands, args) -> int:
    print(brands.import_kits(args.file, presets=False))
    return 0


def _delete(brands, args) -> int:
    profile_id = _profile_id(brands, args.name)
    name = brands.profile(profile_id).name
    brands.delete_profile(profile_id)
    print(f"deleted profile {shown_name(name)}")
    return 0


def _profile_id(brands, name_or_id: str) -> str:
    """The profile an id names (an id first: a profile may be named like another's id), else the one profile
    of that name (case and Unicode normalization aside)."""
    profiles = brands.profiles()
    if any(pid == name_or_id for pid, _ in profiles):
        return name_or_id
    ids = [pid for pid, profile in profiles if same_name(profile.name, name_or_id)]
    if not ids:
        raise CliError(f"there is no profile named {shown_name(name_or_id)} (see: carousel-studio profiles list)")
    if len(ids) > 1:
        raise CliError(f"{len(ids)} profiles are named {shown_name(name_or_id)}; use an id instead: {', '.join(ids)}")
    return ids[0]


_SHOWN_CHARS = 60


def shown_name(name: str) -> str:
    """A name as a message shows it: in quotes, its letters and emoji as they are, only characters that would
    move or hide the terminal's text (controls, bidi overrides) escaped; cut at 60 characters with "…"."""
    cut = name if len(name) <= _SHOWN_CHARS else name[:_SHOWN_CHARS] + "…"
    return "“" + readable(cut) + "”"


_ACTIONS = {"list": _list, "add": _add, "export": _export, "import": _import, "delete": _delete}
