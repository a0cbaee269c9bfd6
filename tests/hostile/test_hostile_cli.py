"""The command line never destroys its input, asks before overwriting, never hangs on a pipe or
device, never reads a giant stream whole, and says when an option does not apply."""
from __future__ import annotations

import io
import os
import stat
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from studio.cli import main

ROOT = Path(__file__).resolve().parents[2]
THREAD = "A hook worth reading\n\nFirst point, well made.\n\nSecond point, with a #tag.\n"


def _error(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("error: "), err
    return err


@pytest.fixture
def thread_file(tmp_path):
    path = tmp_path / "thread.txt"
    path.write_text(THREAD, encoding="utf-8")
    return path


def test_output_equal_to_the_input_is_refused_and_the_input_kept(tmp_path, capsys):
    archive = tmp_path / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = []")
    before = archive.read_bytes()
    assert main(["render", str(archive), "-o", str(archive)]) == 2
    assert "is also the input" in _error(capsys)
    assert archive.read_bytes() == before


def test_existing_output_needs_force(tmp_path, thread_file, capsys):
    out = tmp_path / "out.pdf"
    out.write_bytes(b"someone's PDF")
    assert main(["render", str(thread_file), "-o", str(out)]) == 2
    assert "already exists; add --force" in _error(capsys)
    assert out.read_bytes() == b"someone's PDF"
    assert main(["render", str(thread_file), "-o", str(out), "--force"]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_non_empty_output_folder_needs_force(tmp_path, thread_file, capsys):
    folder = tmp_path / "slides"
    assert main(["render", str(thread_file), "-o", str(folder)]) == 0
    capsys.readouterr()
    assert main(["render", str(thread_file), "-o", str(folder)]) == 2
    assert "not empty; add --force" in _error(capsys)
    assert main(["render", str(thread_file), "-o", str(folder), "--force"]) == 0


def test_device_output_is_refused_even_with_force(thread_file, capsys):
    for force in ([], ["--force"]):
        assert main(["render", str(thread_file), "-o", "/dev/null", *force]) == 2
        assert "not a regular file" in _error(capsys) and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_slide_option_with_a_pdf_says_it_does_not_apply(tmp_path, thread_file, capsys):
    assert main(["render", str(thread_file), "-o", str(tmp_path / "x.pdf"), "--slide", "999"]) == 2
    assert "--slide applies to a .png, .jpg or .svg output" in _error(capsys)
    assert not (tmp_path / "x.pdf").exists()


@pytest.mark.timeout(30)
def test_fifo_input_is_refused_without_waiting(tmp_path, capsys):
    fifo = tmp_path / "thread.txt"
    os.mkfifo(fifo)
    for command in (["render", str(fifo), "-o", str(tmp_path / "x.pdf")], ["threads", str(fifo)]):
        assert main(command) == 2
        assert "not a regular file" in _error(capsys)


@pytest.mark.timeout(30)
def test_device_input_is_refused_without_reading_it(tmp_path, capsys):
    assert main(["threads", "/dev/zero"]) == 2
    assert "not a regular file" in _error(capsys)


@pytest.mark.timeout(60)
def test_sparse_giant_avatar_is_refused_before_reading(tmp_path, capsys):
    sparse = tmp_path / "avatar.png"
    with open(sparse, "wb") as f:
        f.truncate(2 * 2**30)
    code = main(["profiles", "add", "Ana", "--avatar", str(sparse), "--data-dir", str(tmp_path / "data")])
    assert code == 2
    assert "the limit is 40 MB" in _error(capsys)


def test_stdin_beyond_the_cap_is_refused_in_process(capsys, monkeypatch):
    """The core twin of the next test: the same command and input, read by ``main`` in this process."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"word " * 300_000)))
    assert main(["threads", "-"]) == 2
    assert "too large for thread text" in _error(capsys)


@pytest.mark.timeout(300)  # a fresh interpreter and the studio's imports, on a loaded machine
@pytest.mark.slow  # a fresh interpreter; test_stdin_beyond_the_cap_is_refused_in_process is its core twin
def test_stdin_beyond_the_cap_is_refused(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "studio", "threads", "-"], input=b"word " * 300_000,
                          capture_output=True, env=env, timeout=240)
    assert proc.returncode == 2 and b"too large for thread text" in proc.stderr and b"Traceback" not in proc.stderr


@pytest.mark.timeout(300)
@pytest.mark.slow  # a CLI process killed mid-export
def test_sigterm_during_an_export_leaves_no_partial_file(tmp_path):
    source = tmp_path / "thread.txt"
    source.write_text("\n\n".join(f"Point {i}: " + "words that take a while to lay out. " * 12
                                  for i in range(60)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "studio", "render", str(source), "-o", str(tmp_path / "o.zip")],
                            env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".o.zip.*")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(0.3)  # mid-export, not in the microseconds between creating the temp file and guarding it
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=120)
    assert not list(tmp_path.glob(".o.zip.*")), list(tmp_path.iterdir())
