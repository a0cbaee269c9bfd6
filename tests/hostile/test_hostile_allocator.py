"""The studio server keeps its small objects in the C library's allocator, which gives freed memory back.

With Python's own allocator, ten clients loading pages for a minute left the server at 513 MB for good
(116 MB before), although every page's objects were freed: each 1 MB arena kept a few long-lived objects.
``carousel-studio serve`` starts itself again once with ``PYTHONMALLOC=malloc`` (155 MB after the same run).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import studio
from components import allocator


class Restarted(Exception):
    """Raised by the stand-in for os.execve: what would have been run."""


@pytest.fixture
def execve(monkeypatch):
    def record(path, argv, env):
        raise Restarted(path, argv, env)
    monkeypatch.setattr(os, "execve", record)
    monkeypatch.delenv(allocator.ALLOCATOR_ENV, raising=False)
    monkeypatch.delenv(allocator.ARENAS_ENV, raising=False)
    monkeypatch.delenv(allocator.TRIM_ENV, raising=False)
    monkeypatch.delenv("GLIBC_TUNABLES", raising=False)


@pytest.mark.parametrize("started_as", ["/somewhere/bin/carousel-studio", str(Path(studio.__file__).parent / "__main__.py")])
def test_the_command_starts_itself_again_with_the_c_allocator(execve, monkeypatch, started_as):
    monkeypatch.setattr(sys, "argv", [started_as, "serve"])
    with pytest.raises(Restarted) as restart:
        allocator.restart_with_c_allocator()
    path, argv, env = restart.value.args
    assert path == sys.executable and argv == [sys.executable, *sys.orig_argv[1:]]  # the same command line
    assert env[allocator.ALLOCATOR_ENV] == "malloc"
    assert env[allocator.ARENAS_ENV] == "2"  # every helper thread kept partly used pages in an arena of its own
    assert env[allocator.TRIM_ENV] == "131072"  # a thread arena's free top kept resident up to 2x the largest free
    added = (allocator.ALLOCATOR_ENV, allocator.ARENAS_ENV, allocator.TRIM_ENV)
    assert {k: v for k, v in env.items() if k not in added} == dict(os.environ)


@pytest.mark.parametrize("chosen", [("MALLOC_ARENA_MAX", "8"), ("GLIBC_TUNABLES", "glibc.malloc.arena_max=4")])
def test_arenas_chosen_by_the_user_stay_theirs(execve, monkeypatch, chosen):
    monkeypatch.setattr(sys, "argv", ["/somewhere/bin/carousel-studio", "serve"])
    monkeypatch.setenv(*chosen)
    with pytest.raises(Restarted) as restart:
        allocator.restart_with_c_allocator()
    env = restart.value.args[2]
    assert env[chosen[0]] == chosen[1] and env[allocator.ALLOCATOR_ENV] == "malloc"
    assert chosen[0] == allocator.ARENAS_ENV or allocator.ARENAS_ENV not in env


@pytest.mark.parametrize("chosen", [("MALLOC_TRIM_THRESHOLD_", "4194304"),
                                    ("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=4194304")])
def test_a_trim_threshold_chosen_by_the_user_stays_theirs(execve, monkeypatch, chosen):
    monkeypatch.setattr(sys, "argv", ["/somewhere/bin/carousel-studio", "serve"])
    monkeypatch.setenv(*chosen)
    with pytest.raises(Restarted) as restart:
        allocator.restart_with_c_allocator()
    env = restart.value.args[2]
    assert env[chosen[0]] == chosen[1] and env[allocator.ARENAS_ENV] == "2"
    assert chosen[0] == allocator.TRIM_ENV or allocator.TRIM_ENV not in env


def test_a_chosen_allocator_or_a_program_calling_main_is_left_alone(execve, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/somewhere/bin/carousel-studio", "serve"])
    monkeypatch.setenv(allocator.ALLOCATOR_ENV, "pymalloc_debug")  # someone chose one: theirs stays
    allocator.restart_with_c_allocator()
    monkeypatch.delenv(allocator.ALLOCATOR_ENV)
    monkeypatch.setattr(sys, "argv", ["/somewhere/bin/pytest", "tests"])  # studio.cli.main called by other code
    allocator.restart_with_c_allocator()


def test_nothing_to_gain_without_glibc(execve, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["/somewhere/bin/carousel-studio", "serve"])
    monkeypatch.setattr(allocator, "malloc_trim", lambda: None)
    allocator.restart_with_c_allocator()


@pytest.mark.slow  # server process
@pytest.mark.skipif(allocator.malloc_trim() is None, reason="glibc only")
def test_the_running_studio_uses_the_c_allocator(tmp_path, monkeypatch):
    from studio.server_process import running_studio
    monkeypatch.delenv(allocator.ALLOCATOR_ENV, raising=False)
    monkeypatch.delenv(allocator.ARENAS_ENV, raising=False)
    monkeypatch.delenv(allocator.TRIM_ENV, raising=False)
    monkeypatch.delenv("GLIBC_TUNABLES", raising=False)
    with running_studio(tmp_path) as server:
        environ = Path(f"/proc/{server.process.pid}/environ").read_bytes().split(b"\0")
    assert b"PYTHONMALLOC=malloc" in environ and b"MALLOC_ARENA_MAX=2" in environ
    assert b"MALLOC_TRIM_THRESHOLD_=131072" in environ
