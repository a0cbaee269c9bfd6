"""Fixtures for the studio UI tests (NiceGUI ``user`` simulation) and the real-browser tests."""
from __future__ import annotations

import asyncio
import functools
import gc
import multiprocessing
import os
import shutil
import tempfile
import threading
import traceback
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import wait as futures_wait
from pathlib import Path

import pytest

from chromium_setup import CHROMIUM_FLAGS, chromium_paths
from hidden_module import hidden

# No garbage collection while the tests are imported and collected: about 300 collections, each walking
# everything imported so far (0.5 s of CPU in every test process's start). It starts once the tests run
# (``pytest_runtestloop``), with what is alive by then out of its sight.
gc.disable()

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sources"


def _runs_tests(config) -> bool:
    """False in the process that only hands the tests out to ``pytest -n`` workers (pytest-xdist): it
    imports no test module, so it needs neither NiceGUI nor Hypothesis, and the workers start sooner."""
    hands_out = (not hasattr(config, "workerinput") and config.getoption("dist", "no") != "no"
                 and bool(config.getoption("numprocesses", None)))
    return not hands_out


def _load_nicegui_user_plugin(config) -> None:
    """NiceGUI's ``user`` fixture. NiceGUI's testing package also imports Selenium for its ``screen`` fixture,
    unless Selenium is missing (then its ``Screen`` is None: NiceGUI's documented way to use ``user`` alone).
    Hidden while that package loads, Selenium costs no test process its 0.3 s; the real-browser tests import
    it themselves (``driver``). AIOHTTP likewise (0.3 s of CPU): Socket.IO imports it only for its client, which
    no test uses (NiceGUI's On Air would); the server side runs on the ASGI app. Registered here rather than by
    ``pytest_plugins`` so that only processes that run tests pay for importing NiceGUI (2.5 s of CPU, before
    ``pytest -n`` starts its workers)."""
    pytest.register_assert_rewrite("nicegui.testing.user_plugin")  # as pytest_plugins would have it
    with hidden("selenium"), hidden("aiohttp"):
        config.pluginmanager.import_plugin("nicegui.testing.user_plugin")


def _load_hypothesis_profile() -> None:
    """Hypothesis tries the same examples on every run, so CI never fails on a bug a lucky draw found and
    the next run misses; ``HYPOTHESIS_PROFILE=fast`` (the README's quick run) tries a quarter as many, and
    ``HYPOTHESIS_PROFILE=long`` searches at random with many more. Tests with their own count scale it
    the same way (tests/property_examples.py). Loaded before any test module is imported."""
    from hypothesis import HealthCheck, settings
    settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("fast", max_examples=10, deadline=None, derandomize=True,
                              suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("long", max_examples=2_000, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config) -> None:
    """``-n`` without ``--dist``: the test processes hand each other the tests left in their queues when one
    runs dry (pytest-xdist's ``worksteal``), so a run does not end with one process still working through
    the tail of its share while the other waits. ``--dist load`` (or any other) is kept as given."""
    numprocesses = config.getoption("numprocesses", None)
    if numprocesses and config.getoption("dist", "no") == "no" and not config.getoption("distload", False):
        config.option.dist = "worksteal"


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """pytest-xdist's ``worksteal`` (see ``pytest_cmdline_main``), keeping each real-browser module whole in one
    test process (``grouped_worksteal``); any other ``--dist`` is xdist's own."""
    if config.getvalue("dist") != "worksteal":
        return None
    return grouped_worksteal(config, log)


def together(nodeid: str) -> str | None:
    """The module whose tests must run in one process, in their order, or None for a test that may go anywhere.

    A real-browser module's tests share one module-scoped studio server and Chromium page, each test going on
    from the page the one before left (tests/test_browser_studio.py): split between two processes, each half
    started its own server and browser and ran without the tests before it."""
    path = nodeid.split("::", 1)[0]
    return path if Path(path).name.startswith(SLOW_PREFIXES) else None


def grouped_worksteal(config, log):
    """A ``WorkStealingScheduling`` that never splits a ``together`` module: the first share handed to a process
    ends after a module, and a process that runs dry steals only from after the end of one (None, so xdist's
    own is used, should a later xdist no longer have the parts this relies on)."""
    from xdist.scheduler import WorkStealingScheduling
    from xdist.scheduler.worksteal import MIN_PENDING
    if not hasattr(WorkStealingScheduling, "_send_tests"):
        return None

    class GroupedWorkStealing(WorkStealingScheduling):
        def _joined(self, first: int, second: int) -> bool:
            """Whether the tests at these two indexes belong to one ``together`` module."""
            group = together(self.collection[first])
            return group is not None and group == together(self.collection[second])

        def _edge(self, queue: list[int], cut: int, lowest: int) -> int:
            """``cut`` moved out of the module it falls in, to that module's nearer end (its start only if that
            is at least ``lowest``); a cut between two modules stays."""
            start = end = cut
            while 0 < start < len(queue) and self._joined(queue[start - 1], queue[start]):
                start -= 1
            while 0 < end < len(queue) and self._joined(queue[end - 1], queue[end]):
                end += 1
            return start if start >= lowest and cut - start <= end - cut else end

        def _send_tests(self, node, num: int) -> None:
            super()._send_tests(node, self._edge(self.pending, num, 0))

        def _steal_from(self, queue: list[int]) -> int | None:
            """Where the stolen tail of ``queue`` starts (about half, never inside a module and never the test
            running now or next); None for nothing."""
            size = min(len(queue) // 2, len(queue) - MIN_PENDING)
            if size <= 0:
                return None
            cut = self._edge(queue, len(queue) - size, MIN_PENDING)
            return cut if cut < len(queue) else None

        def check_schedule(self) -> None:
            queues = {node: queue for node, queue in self.node2pending.items() if not node.shutting_down}

            def idle() -> list:
                return [node for node, queue in queues.items() if len(queue) < MIN_PENDING]

            if not idle():
                return
            waiting = idle()
            for n, node in enumerate(waiting):  # the tests no process holds yet, shared evenly
                if self.pending:
                    self._send_tests(node, len(self.pending) // (len(waiting) - n))
            if not idle() or self.steal_requested_from_node is not None:
                return
            victim = max(queues, key=lambda node: len(queues[node]), default=None)
            cut = None if victim is None else self._steal_from(queues[victim])
            if cut is None:  # nothing to steal: the idle processes run their last test and end
                for node in idle():
                    node.shutdown()
                return
            victim.send_steal(queues[victim][cut:])
            self.steal_requested_from_node = victim

    return GroupedWorkStealing(config, log)


def pytest_configure(config) -> None:
    """No test, server or worker it starts writes into the real user's data folder: for this run the
    default one (``$XDG_DATA_HOME/carousel-studio``) lies in a temporary folder."""
    os.environ["XDG_DATA_HOME"] = config._cs_data_home = tempfile.mkdtemp(prefix="cs-test-xdg-")
    if _runs_tests(config):
        _load_hypothesis_profile()
        _load_nicegui_user_plugin(config)


@pytest.fixture(autouse=True, scope="session")
def patient_should_see():
    """NiceGUI's ``user.should_see`` looks 3 times in 0.3 s (``should_not_see`` in 0.15 s): on a loaded machine a
    notice that follows work done off the event loop comes later than that. Both now keep looking for up to
    30 s; a check that holds returns at once, as before."""
    from nicegui.testing.user import User

    def patient(check, retries: int):
        @functools.wraps(check)
        async def look(self, *args, **kwargs):
            kwargs.setdefault("retries", retries)
            return await check(self, *args, **kwargs)
        return look

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(User, "should_see", patient(User.should_see, 300))  # 0.1 s between looks
        patch.setattr(User, "should_not_see", patient(User.should_not_see, 600))  # 0.05 s between looks
        yield


@pytest.fixture(autouse=True, scope="session")
def no_flush_to_disk():
    """Files written in this test process are not flushed to the disk (``os.fsync`` does nothing).

    A flush only matters when the machine loses power, which no test here can cause: a killed process
    leaves its written files in the system's cache all the same. On a busy disk each flush waited
    about 7 ms, and a saved project flushes four times (the file, its backup, their folder twice).
    Processes the tests start (the command line, the studio server) flush for real.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", lambda fd: None)
        yield


@pytest.hookimpl(tryfirst=True)
def pytest_runtestloop(session) -> None:
    """Garbage collection again, now that the tests are collected (in each test process, and in the
    process that hands the tests out when they run in several)."""
    gc.collect()
    gc.freeze()
    gc.enable()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item) -> None:
    """Before a ``user`` test, hide what is alive (modules, fonts, caches) from the garbage collector.

    NiceGUI's ``user`` fixture runs two full collections per test, each walking every object of the
    session: late in a run that was over a second of CPU per test. After ``gc.freeze`` they walk only
    what was made since; garbage is collected first, so only live objects are frozen.
    """
    if "user" in getattr(item, "fixturenames", ()):
        gc.collect()
        gc.freeze()


def pytest_unconfigure(config) -> None:
    shutil.rmtree(getattr(config, "_cs_data_home", ""), ignore_errors=True)


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
async def user(user, caplog, shared_workers, page_steps_without_pause):
    """NiceGUI's simulated user; its pages are closed when the test ends (see ``close_pages``).

    Its app's worker processes are the test run's ``shared_workers``, lent for the test."""
    from components import nicegui_seams
    own = nicegui_seams.lend_worker_pool(shared_workers)  # NiceGUI's own has started no process yet
    if own is not None:
        own.shutdown(wait=False)
    yield user
    forgive_drawer_timeouts(caplog)
    await close_pages()
    await asyncio.to_thread(shared_workers.finish_work)
    if nicegui_seams.worker_pool() is shared_workers:  # taken back: the app's stop must not end them
        nicegui_seams.take_worker_pool()


@pytest.fixture
def page_steps_without_pause(request, monkeypatch):
    """A page is built without the studio's 10 ms pause between its steps, which only lets requests of
    other browsers through meanwhile: a simulated user sends none while its page is built, and about 100
    page builds paused 9 s in all. The build still yields to the event loop between steps, and the tests
    that count the requests answered while pages load or work goes on (they use
    ``hostile_helpers.StaticRequests``) keep the pause; the other hostile tests lost 70 ms a page to it."""
    if not hasattr(request.module, "StaticRequests"):
        from components import page
        monkeypatch.setattr(page, "STEP_PAUSE_S", 0.0)


class SharedWorkers(ProcessPoolExecutor):
    """Worker processes forked once per test process (as the studio forks its own) and lent to every
    ``user`` test's app: work sent off the event loop still crosses a process boundary, so it must
    pickle as in the studio, but no test pays for two cold forks and warms their caches again.

    A stop (the studio's ``offload.finish_workers``) only waits for the work handed over so far, so a
    test that stops the app leaves the workers to the next test; ``close`` ends them.
    """

    def __init__(self) -> None:
        super().__init__(2, mp_context=multiprocessing.get_context("fork"))
        self._handed: set[Future] = set()
        self._handed_lock = threading.Lock()

    def submit(self, fn, /, *args, **kwargs) -> Future:
        future = super().submit(fn, *args, **kwargs)
        with self._handed_lock:
            self._handed.add(future)
        future.add_done_callback(self._done)
        return future

    def _done(self, future: Future) -> None:
        with self._handed_lock:
            self._handed.discard(future)

    def finish_work(self, timeout: float = 120.0) -> None:
        """Wait until the work handed over so far has ended (its results then never reach a later test)."""
        with self._handed_lock:
            handed = list(self._handed)
        futures_wait(handed, timeout)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if wait:
            self.finish_work()

    def close(self) -> None:
        super().shutdown(wait=True, cancel_futures=True)


@pytest.fixture(scope="session")
def shared_workers():
    workers = SharedWorkers()
    yield workers
    workers.close()


DRAWER_TIMEOUT = "JavaScript did not respond within 1.0 s"


def forgive_drawer_timeouts(caplog) -> None:
    """Drop only the harness's drawer message from NiceGUI's after-test check of ERROR logs.

    The side drawers ask the browser on connect whether they are open; the simulated browser answers
    when the page's message loop next runs, which on a loaded machine can be after NiceGUI's 1 s limit.
    Every other ERROR still fails the test.
    """
    records = caplog.get_records("call")
    records[:] = [r for r in records if not _drawer_timeout(r)]


def _drawer_timeout(record) -> bool:
    if record.levelname != "ERROR" or DRAWER_TIMEOUT not in record.getMessage() or not record.exc_info:
        return False
    return "elements/drawer.py" in "".join(traceback.format_exception(*record.exc_info))


@pytest.fixture
async def create_user(create_user):
    """NiceGUI's factory of more simulated users (other browsers); their pages are closed at the end too."""
    yield create_user
    await close_pages()


async def close_pages(deadline: float = 5.0) -> None:
    """Close every simulated page before the app shuts down (public ``Client.delete``), and let each
    page's message loop finish its last send.

    Shutdown cancels each page's message loop; on Python 3.11 that cancel can be lost while the loop
    waits, and NiceGUI then waits 2 s for it. A closed page stops its loop, but only once the loop wakes:
    a loop whose simulated page has no socket sleeps 0.1 s between its looks (60-90 ms of every UI test's
    teardown went to that wait). So the loops get one turn to finish a send, and the ones still running are
    then cancelled here (the loop ends on a cancel; were one lost, it still ends at its next look).
    """
    from nicegui import Client
    for client in list(Client.instances.values()):
        client.delete()
    loop = asyncio.get_running_loop()
    give_up = loop.time() + deadline
    await asyncio.sleep(0)
    for task in _outbox_loops():
        task.cancel()
    while _outbox_loops() and loop.time() < give_up:
        await asyncio.sleep(0.005)


def _outbox_loops() -> list[asyncio.Task]:
    return [t for t in asyncio.all_tasks() if t.get_name().startswith("outbox loop") and not t.done()]


@pytest.fixture
def testid():
    """``testid(user, name)``: the visible elements carrying ``data-testid=name``, in page order."""
    def find(user, name: str) -> list:
        with user:
            found = [e for e in user.client.elements.values() if e.props.get("data-testid") == name]
        return sorted(found, key=lambda e: e.id)
    return find


# -- real Chromium ------------------------------------------------------------------------------------



@pytest.fixture(scope="module")
def studio_server(tmp_path_factory):
    """``carousel-studio serve`` in a subprocess on a free loopback port with a temporary data folder."""
    from studio.server_process import running_studio
    with running_studio(tmp_path_factory.mktemp("studio-data")) as studio:
        yield studio.url




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

# A real Chromium, or the studio in a server process (studio/server_process.py): seconds each.
SLOW_FIXTURES = {"driver", "studio_server", "shared_url", "share_port"}
# stress and fuzzing; the tests of the benchmarks' own tooling (benchmarks/load_probe.py)
SLOW_MODULES = {"test_store_kill", "test_hostile_fuzz", "test_load_probe"}
SLOW_PREFIXES = ("test_browser_",)  # every real-browser module


def pytest_ignore_collect(collection_path, config) -> bool | None:
    """``pytest -m "not slow"`` does not even import the modules whose every test is slow (the real-browser
    ones import Selenium, 0.3 s in every test process)."""
    if config.getoption("markexpr", "").split() != ["not", "slow"] or collection_path.suffix != ".py":
        return None
    name = collection_path.stem
    return True if name in SLOW_MODULES or name.startswith(SLOW_PREFIXES) else None


def pytest_collection_modifyitems(items) -> None:
    """Browser, server-process and stress tests are ``slow``: ``pytest -m "not slow"`` is the quick core
    suite a developer runs while working; CI runs everything."""
    for item in items:
        module = getattr(item, "module", None)
        name = module.__name__.rpartition(".")[2] if module else ""
        if (SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or name in SLOW_MODULES
                or name.startswith(SLOW_PREFIXES)):
            item.add_marker(pytest.mark.slow)
