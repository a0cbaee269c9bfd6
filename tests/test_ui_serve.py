"""The ``serve`` command: loopback by default, --share prints the LAN address, a taken port is one line."""
from __future__ import annotations

import ipaddress
import json
import socket
import time
import urllib.request
from pathlib import Path

import pytest

from studio.cli import main
from studio.cli import serve


@pytest.fixture
def started(monkeypatch):
    """Replace the real server with a recorder."""
    calls = []
    import components.app
    monkeypatch.setattr(components.app, "run", lambda data_dir, **kw: calls.append((data_dir, kw)))
    return calls


def test_default_is_loopback_port_8080_with_a_browser(started, tmp_path, capsys):
    if not _port_free(8080):
        pytest.skip("port 8080 is busy on this machine")
    assert main(["--data-dir", str(tmp_path)]) == 0
    (data_dir, options), = started
    assert data_dir == tmp_path and options == {"host": "127.0.0.1", "port": 8080, "show": True}
    assert "http://127.0.0.1:8080" in capsys.readouterr().out


def test_share_listens_everywhere_and_prints_a_link_with_a_token_and_a_qr_code(started, tmp_path, capsys,
                                                                                monkeypatch):
    monkeypatch.delenv("CAROUSEL_STUDIO_TOKEN", raising=False)
    port = _free_port()
    assert main(["serve", "--share", "--no-browser", "--port", str(port), "--data-dir", str(tmp_path)]) == 0
    (_, options), = started
    assert options["host"] == "0.0.0.0" and options["show"] is False
    out = capsys.readouterr().out
    link = out.split("Shared on your network: ", 1)[1].split()[0]
    lan, rest = link.removeprefix("http://").split(":", 1)
    ipaddress.ip_address(lan)  # a real address, not a placeholder
    assert rest == f"{port}/?token={options['token']}" and len(options["token"]) * 6 >= 128
    assert out.count("█") > 50  # the QR code


def test_the_token_comes_from_the_flag_or_the_environment(started, tmp_path, monkeypatch):
    monkeypatch.setenv("CAROUSEL_STUDIO_TOKEN", "from-the-environment-123")
    args = ["serve", "--share", "--no-browser", "--port", str(_free_port()), "--data-dir", str(tmp_path)]
    assert main(args) == 0 and main(args + ["--token", "from-the-flag-1234567"]) == 0
    assert [options["token"] for _, options in started] == ["from-the-environment-123", "from-the-flag-1234567"]


def test_a_weak_token_or_a_token_without_share_is_one_clear_line(started, tmp_path, capsys):
    port = str(_free_port())
    assert main(["serve", "--share", "--token", "short", "--port", port, "--data-dir", str(tmp_path)]) == 2
    assert "at least 16 characters" in capsys.readouterr().err
    assert main(["serve", "--token", "long-enough-token-123", "--port", port, "--data-dir", str(tmp_path)]) == 2
    assert "add --share" in capsys.readouterr().err
    assert not started


def test_any_address_but_loopback_needs_the_token_too(started, tmp_path, monkeypatch):
    monkeypatch.delenv("CAROUSEL_STUDIO_TOKEN", raising=False)
    assert main(["serve", "--host", "0.0.0.0", "--no-browser", "--port", str(_free_port()),
                 "--data-dir", str(tmp_path)]) == 0
    (_, options), = started
    assert options["token"]


def test_a_taken_port_is_one_clear_line(started, tmp_path, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--no-browser", "--port", str(port), "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"error: port {port} on 127.0.0.1 is already in use (is the studio already running?); "
                   f"choose another with --port, e.g. --port {port + 1}")
    assert not started


def test_a_port_out_of_range_is_refused(started, tmp_path, capsys):
    assert main(["serve", "--port", "0", "--data-dir", str(tmp_path)]) == 2
    assert "between 1 and 65535" in capsys.readouterr().err


def test_reload_outside_a_source_checkout_is_one_clear_line(tmp_path, monkeypatch, capsys):
    import components.app
    monkeypatch.setattr(components.app, "PROJECT_ROOT", tmp_path / "installed")  # no main.py there
    assert main(["serve", "--reload", "--no-browser", "--port", str(_free_port()), "--data-dir", str(tmp_path)]) == 2
    assert "--reload needs a source checkout" in capsys.readouterr().err


@pytest.mark.slow
def test_reload_serves_the_studio_from_main_py_under_the_reloader(tmp_path):
    """``serve --reload`` becomes main.py under uvicorn's reloader; the server process it starts builds the studio,
    and stopping the reloader stops that process too (the port is free again)."""
    from studio.server_process import running_studio
    from components.app import SERVE_ENV
    with running_studio(tmp_path, "--reload") as studio:
        page = urllib.request.urlopen(studio.url, timeout=60).read().decode()
        assert "Canvas &amp; Ratio" in page or "Canvas & Ratio" in page  # the studio itself, not an empty page
        proc = Path(f"/proc/{studio.process.pid}")
        if proc.is_dir():
            assert (proc / "cmdline").read_bytes().split(b"\0")[1].endswith(b"main.py")
            settings = next(v for k, _, v in (e.partition(b"=") for e in (proc / "environ").read_bytes().split(b"\0"))
                            if k == SERVE_ENV.encode())
            assert json.loads(settings)["reload"] is True
    # the reloader has exited; the server process it started may take a moment longer on a busy machine
    deadline = time.monotonic() + 60
    while not _port_free(studio.port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _port_free(studio.port)


def test_lan_address_is_an_ip():
    ipaddress.ip_address(serve.lan_address())


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_free(port: int) -> bool:
    try:
        serve.check_port_free("127.0.0.1", port)
        return True
    except Exception:  # noqa: BLE001
        return False
