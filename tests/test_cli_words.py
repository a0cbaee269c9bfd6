"""The command line's words: ``render --help`` lists every choice from the registry, and a paste of
too many posts is refused with a count that is true."""
from __future__ import annotations

import re

import pytest

from studio import limits
from studio.cli import main
from studio.registry import choices


def render_help(capsys) -> str:
    with pytest.raises(SystemExit) as done:
        main(["render", "--help"])
    assert done.value.code == 0
    return " ".join(capsys.readouterr().out.split())


def flag_help(text: str, flag: str) -> str:
    """The help of one flag: from its name to the next flag's."""
    options = text[text.index("options:"):]  # not the usage line
    found = re.search(rf"{flag} \S+ (.*?)(?= --[a-z-]+ |$)", options)
    assert found, flag
    return found.group(1)


@pytest.mark.parametrize("kind", ["format", "layout", "theme", "pattern"])
def test_render_help_lists_every_choice(capsys, kind):
    shown = flag_help(render_help(capsys), f"--{kind}")
    listed = {word.strip(",()") for word in shown.replace(":", " ").split()}
    missing = [key for key in choices(kind).keys() if key not in listed]
    assert not missing, (kind, missing, shown)


def test_render_help_names_each_cta_variant(capsys):
    shown = flag_help(render_help(capsys), "--cta")
    for key, label in choices("cta").labels().items():
        assert f"{key} {label.lower()}" in shown


def numbered(count: int) -> str:
    return "\n\n".join(f"{i}/ Post number {i} says something." for i in range(1, count + 1))


@pytest.mark.parametrize("command", ["render", "threads"])
@pytest.mark.parametrize("count", [3000, limits.MAX_POSTS + 1])
def test_too_many_numbered_posts_are_refused_with_a_true_count(tmp_path, capsys, command, count):
    source = tmp_path / "thread.txt"
    source.write_text(numbered(count), encoding="utf-8")
    args = [command, str(source), "--data-dir", str(tmp_path / "data")]
    if command == "render":
        args += ["-o", str(tmp_path / "out.pdf")]
    assert main(args) == 2
    error = capsys.readouterr().err
    said = re.search(r"makes (more than )?([\d,]+) posts", error)
    assert said, error
    number = int(said.group(2).replace(",", ""))
    assert number == count or (said.group(1) and number < count), error
    assert f"at most {limits.MAX_POSTS}" in error
    assert not (tmp_path / "out.pdf").exists()
