"""`profiles export`, `presets export` and `themes --sheet` follow `render`'s output rules: never over a pipe, a
device or their input, over an existing file (or a link to one) only with --force."""
import json
import os
import stat

import pytest

from studio.cli import main

EXPORTS = (["profiles", "export"], ["presets", "export"])


@pytest.fixture
def data(tmp_path):
    folder = tmp_path / "data"
    assert main(["profiles", "--data-dir", str(folder), "add", "Acme", "--handle", "acme"]) == 0
    return folder


def run(capsys, *argv):
    capsys.readouterr()
    return main(list(argv)), capsys.readouterr().err


@pytest.mark.parametrize("command", EXPORTS)
def test_an_existing_file_is_kept_without_force_and_replaced_with_it(data, tmp_path, capsys, command):
    out = tmp_path / "clients.json"
    out.write_text("my only copy of the client list\n")
    code, err = run(capsys, *command, "--data-dir", str(data), str(out))
    assert code != 0 and "already exists; add --force" in err
    assert out.read_text() == "my only copy of the client list\n"
    assert main([*command, "--data-dir", str(data), str(out), "--force"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["kind"] == "kits"


@pytest.mark.parametrize("command", EXPORTS)
def test_a_pipe_is_refused_and_left_a_pipe(data, tmp_path, capsys, command):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for force in ((), ("--force",)):
        code, err = run(capsys, *command, "--data-dir", str(data), str(fifo), *force)
        assert code != 0 and "not a regular file (a device, pipe or socket)" in err
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("command", EXPORTS)
def test_a_link_to_a_file_is_not_followed_over_without_force(data, tmp_path, capsys, command):
    target = tmp_path / "target.json"
    target.write_text("the file the link points at\n")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    code, err = run(capsys, *command, "--data-dir", str(data), str(link))
    assert code != 0 and "already exists" in err
    assert link.is_symlink() and target.read_text() == "the file the link points at\n"


def test_a_character_device_is_refused(data, tmp_path, capsys):
    if os.geteuid() != 0:
        pytest.skip("making a private device node needs root")
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    code, err = run(capsys, "profiles", "export", "--data-dir", str(data), str(node))
    assert code != 0 and "not a regular file" in err
    assert stat.S_ISCHR(os.lstat(node).st_mode)


def test_the_theme_sheet_keeps_an_existing_png_a_pipe_and_its_input(tmp_path, capsys):
    out = tmp_path / "sheet.png"
    out.write_bytes(b"someone's picture")
    code, err = run(capsys, "themes", "--sheet", str(out))
    assert code != 0 and "already exists; add --force" in err
    assert out.read_bytes() == b"someone's picture"
    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    code, err = run(capsys, "themes", "--sheet", str(fifo), "--force")
    assert code != 0 and "not a regular file" in err and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    thread = tmp_path / "thread.png"
    thread.write_bytes(b"one post\n")
    code, err = run(capsys, "themes", str(thread), "--sheet", str(thread), "--force")
    assert code != 0 and "is also the input" in err
    assert thread.read_bytes() == b"one post\n"


def test_the_kit_export_itself_never_replaces_a_pipe(tmp_path):
    from studio.app.brands import Brands
    from studio.store import Store, StoreError
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    with pytest.raises(StoreError, match="not a regular file"):
        Brands(Store(tmp_path / "data")).export_kits(fifo)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
