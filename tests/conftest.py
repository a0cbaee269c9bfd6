"""Fixtures for the studio UI tests (NiceGUI ``user`` simulation) and the real-browser tests."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sources"


@pytest.fixture(scope="session")
def sample_archive(tmp_path_factory) -> Path:
    """The sample X data archive (tests/archive_sample.py), built once per test run."""
    from archive_sample import build_sample_archive
    return build_sample_archive(tmp_path_factory.mktemp("archive") / "x-archive-sample.zip")


@pytest.fixture(scope="session")
def pasted_thread() -> Path:
    """A seven-post thread as a creator pastes it ("1/7 …" numbering, a list, a link, hashtags)."""
    return FIXTURES / "pasted-thread.txt"


# -- NiceGUI user simulation ------------------------------------------------------------------------

@pytest.fixture
def studio_data(tmp_path, monkeypatch) -> Path:
    """A fresh data folder for main.py's studio (set before the ``user`` fixture runs main.py)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CAROUSEL_STUDIO_DATA_DIR", str(folder))
    return folder


@pytest.fixture
async def studio(studio_data, user):
    """The studio page opened by a simulated user; ``studio.shared`` is the process-wide Studio."""
    from components.app import current_studio
    await user.open("/")
    user.shared = current_studio()
    return user


@pytest.fixture
def testid():
    """``testid(user, name)``: the visible elements carrying ``data-testid=name``, in page order."""
    def find(user, name: str) -> list:
        with user:
            found = [e for e in user.client.elements.values() if e.props.get("data-testid") == name]
        return sorted(found, key=lambda e: e.id)
    return find


# -- real Chromium ------------------------------------------------------------------------------------

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-first-run"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def studio_server(tmp_path_factory):
    """``carousel-studio serve`` in a subprocess on a free loopback port with a temporary data folder."""
    data = tmp_path_factory.mktemp("studio-data")
    port = _free_port()
    log = open(data / "server.log", "wb")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "NICEGUI_"))}  # a normal run
    proc = subprocess.Popen([sys.executable, "-m", "studio", "serve", "--no-browser", "--port", str(port),
                             "--data-dir", str(data)], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail("the studio did not start: " + (data / "server.log").read_text(errors="replace"))
            time.sleep(0.3)
    yield url
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


def chromium_paths() -> tuple[str, str] | None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


@pytest.fixture(scope="module")
def browser_downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def driver(browser_downloads):
    """Headless Chromium through Selenium, 1280×800, downloads into a temporary folder."""
    paths = chromium_paths()
    if paths is None:
        pytest.skip("Chromium and chromedriver are not installed (Debian: apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = paths[0]
    for flag in CHROMIUM_FLAGS + [f"--user-data-dir={tempfile.mkdtemp(prefix='cs-chromium-')}",
                                  "--window-size=1280,800"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(browser_downloads),
                                              "download.prompt_for_download": False})
    browser = webdriver.Chrome(service=Service(paths[1]), options=options)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    browser.execute_cdp_cmd("Browser.setDownloadBehavior",
                            {"behavior": "allow", "downloadPath": str(browser_downloads)})
    yield browser
    browser.quit()


# -- the core suite: pytest -m "not slow" -----------------------------------------------------------

SLOW_FIXTURES = {"driver", "studio_server"}  # a real Chromium, or the studio in a server process
SLOW_MODULES = {"test_store_kill", "test_hostile_fuzz", "test_share_access"}  # stress, fuzzing, servers


def pytest_collection_modifyitems(items) -> None:
    """Browser and stress tests are ``slow``: ``pytest -m "not slow"`` is the quick core suite (CI runs all)."""
    for item in items:
        module = getattr(item, "module", None)
        name = module.__name__.rpartition(".")[2] if module else ""
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
