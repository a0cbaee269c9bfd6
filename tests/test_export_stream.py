"""An export followed while it is written (``studio.export.stream``): the reader gets each part as it
reaches the disk, the very bytes of the finished file, and an error, never a whole-looking file, when the
export fails. Order of events only: a drawing waits for the reader to have received the part before it."""
from __future__ import annotations

import threading
import zipfile
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pytest
from export_workers import lend_workers
from pypdf import PdfReader

from studio.app import exports
from studio.export import export_images, export_pdf, images, pages
from studio.export import pdf as export_pdf_module
from studio.export.stream import ExportFailed, ExportStream
from studio.post import Post, Thread
from studio.structure import carousel_from_thread

GIVE_UP = 60  # seconds: only a limit for waiting on a condition, never a measure


class Reader:
    """Reads a stream in a thread; ``got`` is set once it has received at least ``after`` bytes."""

    def __init__(self, stream: ExportStream, after: int = 1) -> None:
        self.data, self.error, self.after = bytearray(), None, after
        self.got, self.ended = threading.Event(), threading.Event()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: ExportStream) -> None:
        try:
            for chunk in stream.chunks(size=4096):
                self.data += chunk
                if len(self.data) >= self.after:
                    self.got.set()
        except ExportFailed as exc:
            self.error = exc
        finally:
            self.got.set()
            self.ended.set()


def carousel(posts: int = 4):
    pages.prepare()
    thread = [Post(str(i), f"{i}) Point {i}\nA line that explains point {i}.") for i in range(1, posts + 1)]
    return carousel_from_thread(Thread("stream", thread))


def waiting_for(reader: Reader, before: int):
    """A progress callback that, after page ``before - 1`` is written, waits until the reader has bytes."""
    seen = []

    def progress(done: int, total: int) -> None:
        if done == before - 1:
            seen.append(reader.got.wait(GIVE_UP))
    return progress, seen


def test_a_zip_is_read_entry_by_entry_while_the_next_pages_are_drawn(tmp_path):
    stream = ExportStream()
    reader = Reader(stream, after=1000)
    progress, seen = waiting_for(reader, before=3)
    out = tmp_path / "set.zip"
    report = export_images(carousel(), out, "png", workers=1, progress=progress, stream=stream)
    stream.finish(out)
    assert seen == [True]  # the reader had the first entries before the third page was drawn
    assert reader.ended.wait(GIVE_UP) and reader.error is None
    assert bytes(reader.data) == out.read_bytes()
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        assert len([n for n in archive.namelist() if n.endswith(".png")]) == report.pages


def test_a_pdf_drawn_here_is_read_page_by_page(tmp_path):
    stream = ExportStream()
    reader = Reader(stream)
    progress, seen = waiting_for(reader, before=3)
    out = tmp_path / "slides.pdf"
    report = export_pdf(carousel(), out, progress=progress, stream=stream)
    stream.finish(out)
    assert seen == [True]
    assert reader.ended.wait(GIVE_UP) and reader.error is None
    assert bytes(reader.data) == out.read_bytes()
    assert len(PdfReader(out).pages) == report.pages


def test_a_failed_export_ends_the_reading_with_an_error_and_leaves_no_file(tmp_path, monkeypatch):
    real = images._draw_page

    def third_fails(svg, width, height, fmt, index):
        if index == 2:
            raise images.ExportError("the photo could not be read")
        return real(svg, width, height, fmt, index)
    monkeypatch.setattr(images, "_draw_page", third_fails)
    stream = ExportStream()
    reader = Reader(stream, after=1000)
    progress, seen = waiting_for(reader, before=2)
    out = tmp_path / "set.zip"
    with pytest.raises(images.ExportError):
        export_images(carousel(), out, "png", workers=1, progress=progress, stream=stream)
    stream.fail("slide 3: the photo could not be read")
    assert seen == [True]  # bytes were on their way when it failed
    assert reader.ended.wait(GIVE_UP)
    assert isinstance(reader.error, ExportFailed) and "photo" in str(reader.error)
    assert not out.exists() and not list(tmp_path.iterdir())


def test_failing_before_the_first_byte_and_a_complete_export_read_again(tmp_path):
    early = ExportStream()
    early.fail("the carousel has no slides")
    with pytest.raises(ExportFailed):
        next(early.chunks())
    stream = ExportStream()
    out = tmp_path / "post.json"
    exports.export_in_studio(carousel(1), out, "project", stream=stream)
    assert stream.done and stream.path == out
    assert b"".join(stream.chunks()) == out.read_bytes()  # after the rename: from the file in its place
    stream.fail("too late")  # nothing fails once finished
    assert stream.error is None


def test_export_in_studio_always_ends_the_stream(tmp_path):
    stream = ExportStream()
    with pytest.raises(exports.ExportError):
        exports.export_in_studio(carousel(), tmp_path / "missing" / "x.pdf", "pdf", stream=stream)
    assert stream.ended and stream.error
    with pytest.raises(ExportFailed):
        list(stream.chunks())


def test_a_zip_written_for_streaming_is_the_same_as_an_ordinary_one(tmp_path, monkeypatch):
    monkeypatch.setattr(images.time, "localtime", lambda *a: (2024, 1, 1, 0, 0, 0, 0, 1, 0))
    names, data = ["01.png", "02.png"], [b"x" * 70_000, bytes(range(256)) * 300]
    images._write_zip(tmp_path / "new.zip", names, iter(data), ["one", "two"], None)
    with zipfile.ZipFile(tmp_path / "plain.zip", "w") as archive:
        for name, page in zip(names, data):
            archive.writestr(images._member(name), page, compress_type=zipfile.ZIP_STORED)
        archive.writestr(images._member(images.ALT_TEXT_NAME), images.alt_text_file(names, ["one", "two"]),
                         compress_type=zipfile.ZIP_DEFLATED)
    assert (tmp_path / "new.zip").read_bytes() == (tmp_path / "plain.zip").read_bytes()


class _Workers(ThreadPoolExecutor):
    """Stands in for the warm export workers (threads here). ``die_after_writing``: each drawing writes
    its file, then fails as a killed worker does."""

    def __init__(self, die_after_writing: bool = False) -> None:
        super().__init__(2)
        self.die = die_after_writing

    def submit(self, fn, *args, **kwargs) -> Future:
        if not self.die:
            return super().submit(fn, *args, **kwargs)
        dead = Future()
        fn(*args, **kwargs)
        dead.set_exception(BrokenProcessPool("a worker was killed"))
        return dead


@pytest.fixture
def workers(monkeypatch):
    return lambda pool: lend_workers(monkeypatch, pool)


def test_a_pdf_a_worker_writes_is_followed_and_kept_for_the_next_click(tmp_path, workers, monkeypatch):
    pool = workers(_Workers())
    stream = ExportStream()
    reader = Reader(stream)
    out = tmp_path / "slides.pdf"
    exports.export_in_studio(carousel(), out, "pdf", stream=stream)
    pool.shutdown(wait=True)
    assert reader.ended.wait(GIVE_UP) and reader.error is None
    assert bytes(reader.data) == out.read_bytes()
    monkeypatch.setattr(export_pdf_module, "pdf_bytes", lambda *a, **k: pytest.fail("drawn again"))
    exports.export_in_studio(carousel(), tmp_path / "again.pdf", "pdf")
    assert len(PdfReader(tmp_path / "again.pdf").pages) == len(PdfReader(out).pages)


def test_a_worker_dying_mid_file_fails_the_stream_and_the_pdf_is_still_written(tmp_path, workers):
    workers(_Workers(die_after_writing=True))
    stream = ExportStream()
    out = tmp_path / "slides.pdf"
    report = exports.export_in_studio(carousel(), out, "pdf", stream=stream)
    assert stream.error and "drawn again" in stream.error  # what was sent may not be this file's bytes
    assert len(PdfReader(out).pages) == report.pages  # the export itself drew the PDF here
