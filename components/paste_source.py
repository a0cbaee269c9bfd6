"""The Paste tab: a pasted thread is laid out ahead while the creator reaches for "Import thread"."""
from __future__ import annotations

import asyncio

from nicegui import background_tasks, events, run, ui

from studio.limits import MAX_TEXT_BYTES, megabytes
from studio.sources.result import ImportResult

from .offload import off_loop
from .paste_size import FLAVOURS, Flavours, PartedValue, arriving_message, html_lost_message, \
    html_over_message, lost_message, over_cap_message
from .thread_intake import ThreadIntake
from .thumbnails import draw_ahead
from .view import Debounce, View

SMALL_PASTE = 16_000  # characters read on the spot (a long thread is ~10,000); more go to a worker process
PASTED = 200  # characters added at once: a paste, not typing
AHEAD_PAUSE = 0.3  # seconds after a paste before it is laid out ahead (an import clicked sooner lays it out itself)
HTML_SHOWS_READING = 64_000  # characters of HTML read with the "Reading…" row and its Cancel (less takes a blink)
# a character takes at most 4 bytes, a byte order mark 3 more: a bigger file is over the cap unread
DROP_MOST_BYTES = 4 * MAX_TEXT_BYTES + 3
# the files the box reads (an archive's tweets.js too, which a paste of it is read as)
TEXT_FILE = r"\.(txt|text|md|markdown)$|^tweets?(-part\d+)?\.js$"
PAGE_FILE = r"\.(html?|xhtml)$"  # a saved page: read as a copy of that page (its text in the box, its HTML kept)

# In the browser: a saved page's text as a copy of it has it (what the page shows of it, an emoji drawn as a picture
# by its alt text), read with nothing of the page run or fetched; laid out off screen, as the text's line breaks come
# from the layout
PAGE_TEXT = r"""const pageText = (source) => {
  const doc = new DOMParser().parseFromString(source, 'text/html');
  doc.querySelectorAll('script,style,noscript,template,link,meta,iframe,object,embed,video,audio,picture source,svg')
    .forEach((e) => e.remove());
  doc.querySelectorAll('img').forEach((img) => img.replaceWith(img.alt || ''));
  doc.querySelectorAll('[style],[src],[srcset],[background]').forEach((e) => ['style', 'src', 'srcset', 'background']
    .forEach((a) => e.removeAttribute(a)));
  const holder = document.createElement('div');
  holder.style.cssText = 'position:absolute;left:-100000px;top:0;width:600px;white-space:normal';
  holder.append(...doc.body.childNodes);
  document.body.append(holder);
  const plain = holder.innerText;
  holder.remove();
  return plain;
};"""

# In the browser: a file dropped on the box is read there (the server never holds it) and, if it is text within the
# cap, put in the box at the caret (the box's words kept) as one undoable input, so it reaches the studio as a paste
# does (in parts when long). A saved page is put in as a paste of its copy is: its HTML as the paste's (read at
# Import, with its caps), its text in the box. Else only what is wrong with it is sent. Another drag (text dragged
# from a page) keeps the browser's own way.
DROP = r"""(e) => {
  const files = e.dataTransfer ? [...e.dataTransfer.files] : [];
  if (!files.length) return;
  e.preventDefault();
  const file = files[0], name = file.name;
  const on = e.currentTarget, box = on.tagName === 'TEXTAREA' ? on : on.querySelector('textarea');
  const tell = (more) => emit(Object.assign({name}, more));
  if (files.length > 1) return tell({problem: 'many', count: files.length});
  const page = /PAGE_FILE/i.test(name);
  if (!page && !/TEXT_FILE/i.test(name)) return tell({problem: 'kind'});
  if (file.size > MOST_BYTES) return tell({problem: 'big', bytes: file.size});
  file.arrayBuffer().then((data) => {
    const bytes = new Uint8Array(data);
    const utf16 = bytes[0] === 0xFF && bytes[1] === 0xFE ? 'utf-16le' : bytes[0] === 0xFE && bytes[1] === 0xFF
      ? 'utf-16be' : 'utf-8';
    let text;
    try { text = new TextDecoder(utf16, {fatal: true}).decode(bytes); } catch (err) { return tell({problem: 'binary'}); }
    if (text.includes('\0')) return tell({problem: 'binary'});
    PAGE_TEXT
    const source = text;
    if (page) text = pageText(source);
    text = text.replace(/\r\n?/g, '\n');
    if (!text.trim()) return tell({problem: 'empty'});
    const chars = text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g) || []).length;
    if (chars > CAP) return tell({problem: 'big', chars});
    // put in at the caret, nothing of the box's words replaced (a thread-sized text as an input Ctrl+Z takes back; a
    // long one at once, as the editor's undo takes seconds a thousand lines: "Put back what was there" then)
    const before = box.value, at = Math.min(box.selectionEnd ?? before.length, before.length);
    const want = before.slice(0, at) + text + before.slice(at);
    box.focus();
    box.setSelectionRange(at, at);
    if (page && !before.trim()) {  // its flavours as a paste's, before its input (beside words: its text is read)
      const copy = new DataTransfer();
      copy.setData('text/html', source);
      copy.setData('text/plain', want);
      box.dispatchEvent(new ClipboardEvent('paste', {clipboardData: copy, bubbles: true, cancelable: true}));
    }
    delete box.csPutBack;
    let undoable = true;
    if (text.length > UNDOABLE || !document.execCommand('insertText', false, text) || box.value !== want) {
      box.value = want;
      box.setSelectionRange(at + text.length, at + text.length);
      box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromDrop'}));
      box.csPutBack = {before, after: want};
      undoable = false;
    }
    const total = want.length - (want.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g) || []).length;
    tell(Object.assign({chars, undoable, total}, before.trim() ? {kept: true} : {}, page ? {page: true} : {}));
  }, () => tell({problem: 'unread'}));
}""".replace("PAGE_TEXT", PAGE_TEXT).replace("TEXT_FILE", TEXT_FILE).replace("PAGE_FILE", PAGE_FILE) \
    .replace("MOST_BYTES", str(DROP_MOST_BYTES)) \
    .replace("UNDOABLE", str(SMALL_PASTE)).replace("CAP", str(MAX_TEXT_BYTES))
# In the browser: the box's words before a drop Ctrl+Z could not take back, while it holds what the drop made of them
PUT_BACK = r"""const on = document.getElementById('ID'), box = on && on.tagName !== 'TEXTAREA' ? on.querySelector('textarea') : on;
const held = box && box.csPutBack;
if (!held || box.value !== held.after) return false;
delete box.csPutBack;
box.value = held.before;
box.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'historyUndo'}));
return true;"""
# a drag over the box: a file may be dropped there (else the browser opens the file in the tab)
DRAG_OVER = "(e) => { if (e.dataTransfer && [...e.dataTransfer.types].includes('Files')) e.preventDefault(); }"


def dropped_message(args: dict) -> tuple[str, str]:
    """What the creator reads of a file dropped on the paste box (``DROP``'s report), and the notice's type."""
    name = args.get("name") if isinstance(args.get("name"), str) and args.get("name") else "The file"
    problem, chars, size = args.get("problem"), args.get("chars"), args.get("bytes")
    if problem is not None and not isinstance(problem, str):
        return f"The drop of {name} could not be read: nothing was put in the box.", "warning"
    if problem is None and isinstance(chars, int):
        what = "the page's text" if args.get("page") is True else f"{chars:,} characters"
        if args.get("kept") is True:
            told = (f"{name} is in the box ({what}), put in at the caret: the words the box held are kept around it. "
                    "Click Import thread to read them all.")
        else:
            told = f"{name} is in the box ({what}): click Import thread to read it" + (
                " as a copy of its page." if args.get("page") is True else ".")
        if args.get("undoable") is False:
            told += (" Ctrl+Z cannot take back a drop this long: “Put back what was there”, under the box, puts "
                     "back what the box held.")
        return told, "info"
    if problem == "big":
        size = f"{chars:,} characters" if isinstance(chars, int) else f"{size:,} bytes" if isinstance(size, int) \
            else "too long"
        return (f"{name} is {size}; the studio reads at most {megabytes(MAX_TEXT_BYTES)} ({MAX_TEXT_BYTES:,} "
                "characters) of text. Nothing was put in the box: drop a shorter file, or paste a part of it."), \
            "negative"
    told = {"many": "Drop one file at a time: nothing was put in the box.",
            "binary": f"{name} is not UTF-8 text (it may be a document or a picture saved with a .txt name): "
                      "save it as plain UTF-8 text and drop it again. Nothing was put in the box.",
            "empty": f"{name} holds no words: nothing was put in the box.",
            "unread": f"The browser could not read {name}: nothing was put in the box."}.get(problem)
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if told is None and suffix == "zip":
        told = f"{name} is a .zip: an X archive is imported from the Archive tab, above."
    elif told is None and suffix == "json":
        told = f"{name} is a .json file: a Carousel Studio project opens from the Project file tab, above."
    elif told is None:
        told = (f"{name} is not a text file: the paste box takes a .txt or .md file or a saved page (.html); an X "
                "archive (.zip) goes in the Archive tab, a project (.json) in the Project file tab.")
    return told, "warning"


def _lines(text: str) -> str:
    """Line ends as a text box has them (a clipboard's plain text may have Windows' CR LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _page_read(result: ImportResult | None) -> bool:
    """The HTML read as a copy of X's page: its posts have their author (other HTML is read from its plain text)."""
    return result is not None and bool(result.threads) and any(p.handle for p in result.threads[0].posts)


def _draw_strip_ahead(job: asyncio.Task) -> None:
    """The slide strip of a paste laid out ahead (``thumbnails.draw_ahead``), while the creator reaches for Import."""
    carousel = None if job.cancelled() or job.exception() is not None else job.result()
    if carousel is not None:
        draw_ahead(carousel)


class PasteSource:
    """The paste box and its "Import thread" button."""

    def __init__(self, view: View, intake: ThreadIntake) -> None:
        self.view = view
        self.imports = view.studio.imports
        self.intake = intake
        # (short: at the panel's width a longer hint wrapped to a third line holding only its "…"). Four rows that
        # scroll, not grown to its text: growing laid a 1 MB paste's 34,000 lines out again at every input (~1.3 s)
        self.paste = ui.textarea(placeholder="Paste a thread, or its page on X copied whole").props(
            "outlined dense rows=4 data-testid=source-input") \
            .classes("w-full")
        self.paste.on_value_change(self._pasted)
        self._over: int | None = None  # the characters of a text over the cap the box holds (not sent)
        self._parts = PartedValue(self.paste, self._over_cap, self._lost)
        self._missing: str | None = None  # what the creator was told of a paste a part of which never came
        self.paste.on("paste", self._flavours, js_handler=FLAVOURS)
        self._flavour_parts = Flavours(self._html_lost)
        self.paste.on("dragover", js_handler=DRAG_OVER)
        self.paste.on("drop", self._dropped, js_handler=DROP)
        self._html: tuple[str, str] | None = None  # the last paste's plain text and HTML flavour
        self._ahead = Debounce(self._lay_out_ahead, AHEAD_PAUSE)
        self._ahead_job: tuple[str, asyncio.Task] | None = None  # the paste being laid out ahead
        self._import_wanted: str | None = None  # the text last clicked for while its paste was being laid out
        ui.button("Import thread", icon="download", on_click=self._import_paste).props(
            "unelevated no-caps data-testid=source-import").classes("w-full")
        with ui.row().classes("w-full items-center no-wrap gap-2").props("data-testid=paste-reading") as self.reading:
            ui.linear_progress(show_value=False).props("indeterminate rounded").classes("flex-1")
            ui.label("Reading the pasted text…").classes("cs-hint")
            ui.button("Cancel", icon="close", on_click=self._cancel_read).props(
                "flat dense no-caps size=sm data-testid=paste-cancel")
        self.reading.set_visibility(False)
        with ui.row().classes("w-full items-center no-wrap gap-2").props("data-testid=paste-put-back-row") \
                as self.put_back_row:
            ui.label("Ctrl+Z cannot take back that drop.").classes("cs-hint flex-1")
            ui.button("Put back what was there", icon="undo", on_click=self._put_back).props(
                "flat dense no-caps size=sm data-testid=paste-put-back")
        self.put_back_row.set_visibility(False)
        self._drop_value: str | None = None  # the box's value a drop Ctrl+Z cannot take back made, while it holds it
        self._drop_total: int | None = None  # that value's length, while it is still coming (its report came first)
        self._read: object | None = None  # a big paste being read (a token), until it is used or cancelled
        self._read_text: str | None = None  # the box's text that read is for
        self._html_read: object | None = None  # the same token while it is a paste's HTML being read

    def _pasted(self, e: events.ValueChangeEventArguments) -> None:
        """A thread pasted in one go is laid out ahead while the creator reaches for "Import thread"."""
        self._ahead.cancel()
        self._over = self._missing = None
        if not isinstance(e.value, (str, type(None))):  # a browser may send anything: no text, nothing to do
            return
        text = e.value or ""
        self._drop_changed(text)
        if self._html is not None and text != self._html[0]:  # typed into, or pasted into other text: not kept
            self._html = None
        self._box_changed(text)
        before = e.previous_value if isinstance(e.previous_value, str) else ""
        if len(text) - len(before) >= PASTED and len(text) <= SMALL_PASTE:
            self._ahead()

    def _over_cap(self, chars: int) -> None:
        """A text over the cap was pasted: the creator is told now (and again at Import); nothing of it is read."""
        self._html = None
        if self._over is None or abs(chars - self._over) >= PASTED:  # (typing into such a text does not repeat it)
            self.view.notify(over_cap_message(chars), type="negative", position="top", multi_line=True)
        self._over = chars

    def _lost(self, got: int, count: int) -> None:
        """A long paste a part of which never reached the studio: said now and again at Import; none of it is read."""
        self._html = None
        self._missing = lost_message(got, count)
        self.view.notify(self._missing, type="negative", position="top", multi_line=True)

    def _flavours(self, e: events.GenericEventArguments) -> None:
        """A paste that had HTML (in one message, or in parts): kept, unread, until Import (read then, off the event
        loop). HTML over the cap is not kept: the creator is told its plain text is read."""
        args = e.args if isinstance(e.args, dict) else {}
        over = args.get("html_over")
        if "part" in args:
            args = dict(zip(("html", "text"), self._flavour_parts.take(args) or ()))
        html, text = args.get("html"), args.get("text")
        if isinstance(html, str) and len(html) > MAX_TEXT_BYTES:
            over = len(html)
        if isinstance(over, int) and not isinstance(over, bool):
            self._stop_html_read()
            self._html = None
            self.view.notify(html_over_message(over), type="warning", position="top", multi_line=True)
        elif isinstance(html, str) and isinstance(text, str) and html:
            self._stop_html_read()  # a newer paste: the one being read is not imported
            self._html = (_lines(text), html)

    def _html_lost(self) -> None:
        """A paste's HTML a part of which never came: not read, and the creator is told (its plain text is read)."""
        self._stop_html_read()
        self._html = None
        self.view.notify(html_lost_message(), type="warning", position="top", multi_line=True)

    def _dropped(self, e: events.GenericEventArguments) -> None:
        """A file dropped on the box: read into it in the browser (``DROP``), or told why not."""
        if isinstance(e.args, dict):
            message, kind = dropped_message(e.args)
            self.view.notify(message, type=kind, position="top", multi_line=True)
            total = e.args.get("total")
            if kind == "info" and e.args.get("undoable") is False and isinstance(total, int):
                self.put_back_row.set_visibility(True)
                self._drop_value, self._drop_total = None, total  # (its value may come before this report, or after)
                self._drop_changed(self.paste.value or "")

    def _drop_changed(self, text: str) -> None:
        """"Put back what was there" is offered while the box holds what the drop made of its words."""
        if self._drop_total is not None and len(text) == self._drop_total:
            self._drop_value, self._drop_total = text, None
        elif self._drop_value is not None and text != self._drop_value:  # typed into, or put back
            self._drop_value = None
            self.put_back_row.set_visibility(False)

    async def _put_back(self) -> None:
        """The box's words before a long drop, put back in the browser (it alone holds them) while the box holds
        what the drop made of them."""
        self.put_back_row.set_visibility(False)
        self._drop_value = self._drop_total = None
        try:
            done = await self.view.client.run_javascript(PUT_BACK.replace("ID", self.paste.html_id), timeout=10)
        except TimeoutError:
            done = None
        if done is True:
            self.view.notify("The box holds what it held before the drop.", position="top")
        else:
            self.view.notify("The box changed after the drop: nothing was put back.", position="top")

    def _lay_out_ahead(self) -> None:
        """In a thread of the server, whose layout cache the import then reads (``Imports.lay_out_ahead``);
        then the strip's thumbnails, which the import finds drawn (or joins while they are drawn)."""
        text = self.paste.value or ""
        job = background_tasks.create(run.io_bound(self.imports.lay_out_ahead, text), name="lay out a paste ahead")
        job.add_done_callback(_draw_strip_ahead)
        self._ahead_job = (text, job)

    def _box_changed(self, text: str) -> None:
        """A read, or an import waiting for its lay-out, was for what the box held when Import was clicked: the box
        holding other text now, it is let go (nothing imported) and the creator is told."""
        stopped = self._read is not None and text != self._read_text
        if stopped:
            self._end_read()
        if self._import_wanted is not None and text != self._import_wanted:
            self._import_wanted, stopped = None, True
        if stopped:
            self.view.notify("The box changed while its paste was read: nothing was imported", position="top")

    async def _import_when_laid_out(self, job: asyncio.Task) -> None:
        await asyncio.wait([job])
        text, self._import_wanted = self._import_wanted, None
        if text is not None and (self.paste.value or "") == text:  # the last click, while the box still holds it
            with self.view.client:  # a background task has no slot of its own
                self._import_text(text)

    def _import_paste(self) -> None:
        """A thread-sized paste is read at once; a big one in a worker process, so it never holds up
        the other browsers (reading 400 KB takes about a second)."""
        self._ahead.cancel()  # not begun yet: this import lays the thread out itself
        if self._over is not None:  # (said again, not grouped with the paste's notice, which may still show)
            self.view.notify(over_cap_message(self._over), type="negative", position="top", multi_line=True,
                             group=False)
            return
        told = self._missing or (arriving_message(*self._parts.arriving) if self._parts.arriving else None)
        if told is not None:  # (the box's server value is not the paste: it is never imported in its stead)
            self.view.notify(told, type="negative", position="top", multi_line=True, group=False)
            return
        text = self.paste.value or ""
        if self._html is not None and self._html[0] == text and text.strip():  # the box holds that paste alone
            if not self._reading(text):  # (a second click while it is read: the same import)
                self._read = self._html_read = job = object()
                self._read_text = text
                background_tasks.create(self._read_html(self._html, job), name="read a paste's HTML")
                self.reading.set_visibility(len(self._html[1]) > HTML_SHOWS_READING)
            return
        self._import_text(text)

    def _import_text(self, text: str) -> None:
        """The text clicked for, read from its plain text."""
        job = self._ahead_job
        if self._import_wanted is not None:  # an import waits for the lay-out: it imports what was clicked last
            self._import_wanted = text
            return
        if job is not None and job[0] == text and not job[1].done():  # wait for it rather than lay it out twice
            self._import_wanted = text
            background_tasks.create(self._import_when_laid_out(job[1]), name="import a paste laid out ahead")
            return
        if len(text) > SMALL_PASTE:
            if not self._reading(text):  # a second click while it is read: the same import
                self._read = job = object()
                self._read_text = text
                self._html_read = None
                background_tasks.create(self._read_paste(text, job), name="read a big paste")
                self.reading.set_visibility(True)
            return
        try:
            result = self.imports.paste(text)
        except Exception as exc:  # noqa: BLE001 - the pasted text stays in the box
            self.view.fail(exc, "reading the pasted text")
            return
        self._use_paste(result, text)

    async def _read_paste(self, text: str, job: object) -> None:
        """Read in a worker process. Cancel gives the creator the studio back at once: the worker ends its
        read (under 3 s for the largest paste allowed) and its result is dropped; the text stays in the box. The box
        changed meanwhile, the read was ended (``_box_changed``): its result is dropped too."""
        try:
            result, failure = await off_loop(self.imports.paste, text), None
        except Exception as exc:  # noqa: BLE001 - the pasted text stays in the box
            result, failure = None, exc
        if self._read is not job:  # cancelled, or the box changed, meanwhile
            return
        with self.view.client:  # a background task has no slot of its own
            self._end_read()
            if (self.paste.value or "") != text:  # (ended above; kept as a guard)
                return
            if failure is not None:
                self.view.fail(failure, "reading the pasted text")
            elif result is not None:  # None: the server is stopping
                self._use_paste(result, text)

    async def _read_html(self, pasted: tuple[str, str], job: object) -> None:
        """The paste's HTML read as the command line reads an HTML file, in a worker process; used when it reads
        as X's page, else the paste's plain text (what the box shows) is imported as before. Used only while the box
        still holds that paste: typed into or pasted over meanwhile, the read is ended (``_box_changed``)."""
        try:
            result = await off_loop(self.imports.paste, pasted[1])
        except Exception:  # noqa: BLE001 - not a page that reads: its plain text is
            result = None
        if self._read is not job:  # cancelled, or the box changed meanwhile
            return
        with self.view.client:
            self._end_read()
            if self._html is not pasted or (self.paste.value or "") != pasted[0]:  # (ended above; kept as a guard)
                return
            if _page_read(result):
                self._use_paste(result, pasted[0])
            else:
                self._html = None
                self._import_text(pasted[0])

    def _stop_html_read(self) -> None:
        """A paste's HTML being read is let go (a newer paste came): its result is dropped."""
        if self._read is not None and self._read is self._html_read:
            self._end_read()

    def _reading(self, text: str) -> bool:
        """A read of ``text`` is under way (a click for other text is a new import, and drops that read's result)."""
        return self._read is not None and self._read_text == text

    def _end_read(self) -> None:
        self._read = self._html_read = self._read_text = None
        self.reading.set_visibility(False)

    def _cancel_read(self) -> None:
        if self._read is not None:
            self._end_read()
            self.view.notify("Import cancelled — nothing was changed", position="top")

    def _use_paste(self, result, text: str) -> None:
        """The thread read from ``text`` comes in; the box then empties, unless it was typed into meanwhile."""
        self._html = None
        self.intake.show_warnings(result.warnings)
        self.intake.use_thread(result.threads[0], then=lambda: self._emptied(text))

    def _emptied(self, text: str) -> None:
        """Once the posts are in the project the box empties, so the cards show without scrolling; words typed
        into it since the import was clicked stay there."""
        if (self.paste.value or "") == text:
            self.paste.set_value("")
