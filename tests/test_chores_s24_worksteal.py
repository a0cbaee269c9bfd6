"""``pytest -n``'s worksteal (tests/conftest.py) keeps each real-browser module whole in one test process: its
tests share one module-scoped server and Chromium page and go on from where the one before left it."""
from pathlib import Path

import pytest

pytest.importorskip("xdist")
from xdist.scheduler import WorkStealingScheduling  # noqa: E402

BROWSER = "tests/test_browser_studio.py"
COLLECTION = ([f"tests/test_a.py::test_{i}" for i in range(7)] + [f"{BROWSER}::test_{i}" for i in range(9)]
              + [f"tests/test_b.py::test_{i}" for i in range(3)])


class Config:
    def getvalue(self, name):
        return {"tx": ["2*popen"], "dist": "worksteal"}[name]


class Node:
    """A test process as the scheduler sees it: what it was sent and asked to give back."""

    def __init__(self, name):
        self.name, self.shutting_down, self.sent, self.steals = name, False, [], []
        self.gateway = type("Gateway", (), {"id": name})()

    def send_runtest_some(self, indices):
        self.sent.extend(indices)

    def send_steal(self, indices):
        self.steals.append(list(indices))

    def shutdown(self):
        self.shutting_down = True


def _run(scheduler, collection=COLLECTION) -> dict[str, list[str]]:
    """Start two processes; the first runs its share at once, then steals (given what it asks for) until no
    test is left to steal; returns the tests each process ran."""
    a, b = Node("a"), Node("b")
    for node in (a, b):
        scheduler.add_node(node)
        scheduler.add_node_collection(node, collection)
    scheduler.schedule()
    for _ in range(20):
        for index in list(scheduler.node2pending[a]):
            scheduler.mark_test_complete(a, index)
        if a.shutting_down or not b.steals:
            break
        scheduler.remove_pending_tests_from_node(b, b.steals[-1])
    ran = {"a": a.sent, "b": [i for i in b.sent if i not in set(a.sent)]}
    return {name: [collection[i] for i in indices] for name, indices in ran.items()}


def _split(ran) -> bool:
    return all(any(test.startswith(BROWSER) for test in tests) for tests in ran.values())


def test_plain_worksteal_splits_a_browser_module_between_two_processes():
    assert _split(_run(WorkStealingScheduling(Config())))  # what went wrong


def _grouped(pytestconfig):
    here = Path(__file__).with_name("conftest.py")  # the one loaded (tests/hostile has a conftest of its own)
    conftest = next(p for p in pytestconfig.pluginmanager.get_plugins() if getattr(p, "__file__", None) == str(here))
    return conftest.pytest_xdist_make_scheduler(Config(), None)


def test_the_studios_worksteal_keeps_a_browser_module_in_one_process_in_its_order(pytestconfig):
    ran = _run(_grouped(pytestconfig))
    assert not _split(ran), ran
    assert sorted(ran["a"] + ran["b"]) == sorted(COLLECTION)  # every test still runs, once
    browser = [test for tests in ran.values() for test in tests if test.startswith(BROWSER)]
    assert browser == [test for test in COLLECTION if test.startswith(BROWSER)]
    assert ran["a"] and ran["b"]  # both processes still work


def test_two_browser_modules_side_by_side_go_one_to_each_process(pytestconfig):
    other = "tests/test_browser_strip_drag.py"
    collection = [f"{BROWSER}::test_{i}" for i in range(11)] + [f"{other}::test_{i}" for i in range(13)]
    scheduler = _grouped(pytestconfig)
    a, b = Node("a"), Node("b")
    for node in (a, b):
        scheduler.add_node(node)
        scheduler.add_node_collection(node, collection)
    scheduler.schedule()
    modules = {frozenset(collection[i].split("::")[0] for i in node.sent) for node in (a, b)}
    assert modules == {frozenset([BROWSER]), frozenset([other])}
