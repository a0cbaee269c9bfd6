// The slide strip's row of thumbnails, reordered with the pointer (components/slide_strip.py ``StripRow``).
//
// Pressing a thumbnail and moving it lifts it: it follows the pointer and the others make room where it would land.
// Letting go tells the server (which moves it once), with the slide's place before and after (never after the
// outro, which stays last and is not dragged). The place is worked out from where the pointer was let go, however
// fast it moved (a library that looked where the pointer was every 50 ms missed a quick flick altogether). The page
// itself is never reordered here: the server draws the strip again, and until then the thumbnails keep their
// shifts, so nothing jumps back first. A finger held on a thumbnail for a moment drags it as the mouse does; a
// finger that moves at once swipes the strip along (studio.css lets the browser pan a thumbnail only up and down:
// its own horizontal pan cancelled every finger drag, and it took every touch near the thumbnails, the gaps between
// them included).
//
// Alt+Left/Right on a focused thumbnail moves its slide one place. Every press (and every drag) names the slide
// (each item's ``data-slide``), never only the place the page saw it at: others' moves or an import may have put
// another slide there, and the server knows where the named slide is now. The server draws the strip anew, so the
// focused element goes: the row itself holds the focus meanwhile (with a visible ring), the server says (``focus``)
// which thumbnail has the moved slide once the strip is drawn, and that one takes the focus, ringed. Pressed again
// before that, the press is one more step of the same slide. A long strip is hidden while it is drawn anew, so
// neither the thumbnail nor the row can hold the focus and it falls to the page: a press then, while the move is
// awaited and the focus was not taken elsewhere meanwhile (a click, another element), is one more step too. Focus on
// the page for any other reason, or anywhere else, is left alone (Alt+Left is the browser's Back).
//
// A press reaches the server even when its connection dies under it: the browser still thinks the socket open while
// the server has closed it (pongs missed while the server was starved), so the press goes into a dead connection and
// socket.io never sends it again. So every press is sent again (with those before it still unanswered) until the
// server's answer names it, and the server applies each once, in the order pressed, however late or often it comes
// (``Presses``, components/slide_strip.py). A drag let go is one such press too (its step is the place it was let
// go at), so a drag lost on a dead socket is sent again as well. While the page knows it is cut off, nothing is sent:
// NiceGUI would hold every copy until the new socket's handshake and send them all at once (kept_text.js), so the
// last press goes out once, with those before it, as soon as the handshake is done.
//
// The strip drawn anew for another reason (someone else's move, an import) takes the focused thumbnail away too: the
// row holds the focus, then the thumbnail of the same slide takes it back, so a keyboard user keeps their place.

const TOLERANCE = 4; // px the pointer moves before a press is a drag (less stays a click)
const EDGE = 48; // px from either end of the strip where a drag scrolls it
const SPEED = 14; // px scrolled a frame at the very end
const BAND = 0.75; // let go further above or below the strip than this many thumbnail heights: nothing moves
const GIVE_UP_MS = 10000; // the server never drew the strip again (connection lost): the thumbnails go back
const HOLD_MS = 200; // a finger that moves sooner than this after touching swipes the strip; held longer, it drags
const KEPT = "carousel-studio-presses:"; // + this tab's id (kept_text.js): presses of its page not yet answered
const RESEND_MS = 2500; // a press not answered this long is sent again (with those before it still unanswered)
const CUT_OFF_MS = 100; // while the page knows it is cut off, it looks this often whether it is back

export default {
  template: "<div><slot></slot></div>",
  props: {
    selected: Number, // the selected slide's index: its thumbnail is kept in view
    focus: Object, // {slide, seq, session}: the strip is drawn after the keyboard move ``seq`` (of the row's drawing
                   // ``session``); the thumbnail of the slide named ``slide`` is focused
  },
  mounted() {
    this.$el.addEventListener("pointerdown", this.press);
    document.addEventListener("keydown", this.moveKey);
    document.addEventListener("pointerdown", this.strayed, true);
    document.addEventListener("focusin", this.strayed, true);
    this.$el.addEventListener("focusin", this.entered);
    this.$el.addEventListener("focusout", this.left);
    this.moves = 0;
    this.session = Math.random().toString(36).slice(2, 12); // this drawing of the row: its presses count from 1
    this.unanswered = []; // presses sent and not yet answered, [key, slide, step] each, oldest first (a drag's
                          // step: {to, before | after}, where it was let go)
    this.stored = null; // the entry this page last kept for its unanswered presses (written when it changes)
    this.tellUnmade();
    this.pending = null; // the last keyboard move the server has not yet drawn: {seq, item, slide, at, held}
    this.kept = null; // the thumbnail focused in this row: {slide, ring}, its focus given back after a redraw
    this.$el.tabIndex = -1; // it holds the focus while the thumbnails are drawn anew (not a stop of the Tab key)
    this.redraws = 0; // the row's children changed (drawn again): a drag under way finds its thumbnail anew
    this.redrawn = new MutationObserver(() => { this.redraws += 1; this.holdFocus(); });
    this.redrawn.observe(this.$el, { childList: true });
    this.showSelected();
  },
  // The row drawn again (a long one empties first, which scrolls the strip back to its start) or another slide
  // selected: the selected thumbnail is scrolled into view, not left off screen.
  updated() {
    this.showSelected();
  },
  watch: {
    selected() {
      this.$nextTick(this.showSelected);
    },
    // The server's answer may come before the strip it drew is on the page: the slide's thumbnail where it is now,
    // and kept, so that the thumbnail drawn next takes the focus back (``holdFocus``).
    // The person put the focus elsewhere meanwhile (the editor, a click): it stays there.
    focus(focus) {
      if (!focus || focus.session !== this.session) return; // (the row drawn again on the page since)
      this.unanswered = this.unanswered.filter(([key]) => key > focus.seq);
      if (!this.unanswered.length) {
        clearTimeout(this.resend);
        sessionStorage.removeItem(KEPT + (window.csTab || ""));
        this.stored = null;
      }
      const pending = this.pending;
      if (!pending || focus.seq !== pending.seq) return; // an earlier move: a later one is coming
      this.pending = null;
      if (typeof focus.slide !== "string") return; // the slide is gone
      const active = document.activeElement;
      const free = !active || active === document.body || active === this.$el || pending.item.contains(active);
      if (!pending.held || !free) return;
      this.kept = { slide: focus.slide, ring: true };
      this.$nextTick(() => ring(this.items().find((e) => e.dataset.slide === focus.slide)?.querySelector(".cs-thumb")));
    },
  },
  unmounted() {
    this.$el.removeEventListener("pointerdown", this.press);
    document.removeEventListener("keydown", this.moveKey);
    document.removeEventListener("pointerdown", this.strayed, true);
    document.removeEventListener("focusin", this.strayed, true);
    this.$el.removeEventListener("focusin", this.entered);
    this.$el.removeEventListener("focusout", this.left);
    this.redrawn.disconnect();
    clearTimeout(this.resend);
    clearTimeout(this.telling);
    this.stop();
  },
  methods: {
    showSelected() {
      const item = this.items()[this.selected];
      const scroller = this.$el.parentElement;
      if (this.drag || !item || !scroller) return;
      const [box, at] = [scroller.getBoundingClientRect(), item.getBoundingClientRect()];
      if (at.left < box.left) scroller.scrollLeft -= box.left - at.left + EDGE;
      else if (at.right > box.right) scroller.scrollLeft += at.right - box.right + EDGE;
    },
    items() {
      return [...this.$el.children].filter((e) => e.classList.contains("cs-strip-item"));
    },
    // The focused thumbnail gone with the strip drawn anew: the row takes the focus (ringed if the thumbnail was),
    // so the next Alt+Arrow still moves the slide (on the page, it would go Back). After a keyboard move, the server
    // says which thumbnail has the slide now; else the thumbnail of the same slide takes the focus back once drawn.
    holdFocus() {
      const active = document.activeElement;
      const waiting = this.pending && this.pending.held && performance.now() - this.pending.at < GIVE_UP_MS;
      const kept = this.kept;
      const fallen = !active || active === document.body;
      if (fallen && (waiting || kept)) ring(this.$el, waiting || kept.ring);
      if (waiting || !kept || !(fallen || active === this.$el)) return;
      const item = this.items().find((e) => e.dataset.slide === kept.slide);
      if (item) ring(item.querySelector(".cs-thumb"), kept.ring);
    },
    // A thumbnail of this row focused: kept (with its ring, if the browser shows one) for a redraw to give back.
    entered(e) {
      const thumb = e.target.closest?.(".cs-thumb");
      const item = thumb?.closest(".cs-strip-item");
      if (thumb && item?.parentElement === this.$el) {
        const ringed = thumb.matches(":focus-visible") || thumb.classList.contains(RING);
        this.kept = { slide: item.dataset.slide, ring: ringed };
      }
    },
    // The focus gone from a ringed element (the ring goes with it); from a thumbnail still shown, to anywhere but this
    // row (a click, Tab): nothing is given back. (A redraw takes the thumbnail away, or hides a long strip first.)
    left(e) {
      e.target.classList?.remove(RING);
      const thumb = e.target.closest?.(".cs-thumb");
      if (!thumb) return;
      queueMicrotask(() => {
        const shown = thumb.isConnected && thumb.getClientRects().length;
        if (shown && !this.$el.contains(document.activeElement)) this.kept = null;
      });
    },
    // A click anywhere, or the focus taken by another element: a keyboard move's focus is no longer held for it,
    // nor a focused thumbnail's.
    strayed(e) {
      const inside = e.target === this.$el || (e.target.closest?.(".cs-strip") === this.$el);
      if (!inside) this.kept = null;
      const pending = this.pending;
      if (!pending || (e.type === "focusin" && (e.target === this.$el || pending.item.contains(e.target)))) return;
      pending.held = false;
    },
    // Alt+Left/Right: the focused thumbnail's slide (or the one still being moved) one place along.
    moveKey(e) {
      const step = { ArrowLeft: -1, ArrowRight: 1 }[e.key];
      if (!step || !e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || this.drag) return;
      const item = e.target.closest?.(".cs-thumb")?.closest(".cs-strip-item");
      const ours = item && item.parentElement === this.$el;
      const pending = this.pending && performance.now() - this.pending.at < GIVE_UP_MS ? this.pending : null;
      // on the page only because the redraw took its thumbnail away (or hid it, and the row with it)
      const fell = pending && pending.held && e.target === document.body
        && (!pending.item.isConnected || !pending.item.getClientRects().length);
      // still on the thumbnail it moved, or on the row (or fallen to the page) while the strip is drawn: the same
      // slide, one more step
      const going = pending && (ours ? item === pending.item : e.target === this.$el || fell);
      if (!ours && e.target !== this.$el && !fell) return;
      e.preventDefault(); // (on the row, which holds the focus for the strip: not the browser's Back either)
      e.stopPropagation();
      // on the row with no move awaited (its answer given up on): the slide it holds the focus for, or moved last
      const held = !ours && !going ? this.kept?.slide ?? this.pending?.slide : null;
      if (!ours && !going && !held) return;
      if (!going && !held) {
        const items = this.items();
        const to = items.indexOf(item) + step;
        const outro = items[items.length - 1]?.classList.contains("cs-strip-outro");
        // (the outro itself is asked to move: the server says it stays last)
        if (to < 0 || to >= items.length || (outro && to === items.length - 1)) return;
      }
      this.moves += 1;
      const [moving, slide] = going ? [pending.item, pending.slide]
        : held ? [this.items().find((e) => e.dataset.slide === held) ?? this.$el, held] : [item, item.dataset.slide];
      this.pending = { seq: this.moves, item: moving, slide, at: performance.now(), held: true };
      this.unanswered.push([this.moves, slide, step]);
      this.send();
    },
    // Presses an earlier page of this tab sent and never saw answered (its connection was away longer than the
    // server waits, and the page loaded again): the person is told they may not have been made. Forgotten only once
    // told, over a connection that is up (a page loaded again before that leaves it to the next one).
    tellUnmade() {
      clearTimeout(this.telling);
      const kept = JSON.parse(sessionStorage.getItem(KEPT + (window.csTab || "")) || "null");
      if (!kept || kept.page === window.clientId) return;
      if (!window.did_handshake) {
        this.telling = setTimeout(this.tellUnmade, CUT_OFF_MS);
        return;
      }
      sessionStorage.removeItem(KEPT + (window.csTab || ""));
      this.$emit("unmade", { count: kept.count });
    },
    // The last press sent (again), with those before it still unanswered; once more later unless answered by then.
    // Cut off: sent once the connection is back (not one held copy for each resend meanwhile).
    send() {
      clearTimeout(this.resend);
      if (!this.unanswered.length) return;
      const kept = JSON.stringify({ page: window.clientId, count: this.unanswered.length });
      if (kept !== this.stored) sessionStorage.setItem(KEPT + (window.csTab || ""), (this.stored = kept));
      if (!window.did_handshake) {
        this.resend = setTimeout(this.send, CUT_OFF_MS);
        return;
      }
      const [key, slide, step] = this.unanswered[this.unanswered.length - 1];
      // the slide by its name, from where it is now (the server keeps it in its place at either end)
      this.$emit("reorder", { slide, step, key, earlier: this.unanswered.slice(0, -1), session: this.session });
      this.resend = setTimeout(this.send, RESEND_MS);
    },
    press(e) {
      if (this.drag || e.button !== 0 || !e.isPrimary || e.altKey || e.ctrlKey || e.metaKey) return;
      const item = e.target.closest(".cs-thumb")?.closest(".cs-strip-item");
      if (!item || item.parentElement !== this.$el || item.classList.contains("cs-strip-outro")) return;
      const items = this.items();
      this.drag = { item, items, from: items.indexOf(item), to: items.indexOf(item), x: e.clientX, y: e.clientY,
                    last: e, lifted: false, touch: e.pointerType === "touch", at: e.timeStamp, swipe: null,
                    left: this.leftOf(item), grip: e.clientX - item.getBoundingClientRect().left,
                    redraws: this.redraws };
      document.addEventListener("pointermove", this.move, true);
      document.addEventListener("pointerup", this.release, true);
      document.addEventListener("pointercancel", this.cancel, true);
      document.addEventListener("keydown", this.key, true);
    },
    leftOf(item) {
      return item.getBoundingClientRect().left - this.$el.getBoundingClientRect().left;
    },
    // The strip drawn again mid-drag (the previous move's redraw, someone else's edit): the drag goes on with the
    // slide's new thumbnail (by its name), from where that one stands. Not drawn yet: the drag goes on as it was,
    // and is let go by the slide's name and those of its neighbours (the server finds them where they are now).
    rebind() {
      const drag = this.drag;
      if (drag.redraws === this.redraws) return;
      const items = this.items();
      const item = items.find((e) => e.dataset.slide === drag.item.dataset.slide);
      if (!item || item.classList.contains("cs-strip-outro")) return;
      Object.assign(drag, { item, items, from: items.indexOf(item), left: this.leftOf(item), redraws: this.redraws });
      if (drag.lifted) this.lift();
    },
    lift() {
      const drag = this.drag;
      const left = this.$el.getBoundingClientRect().left;
      // each thumbnail's middle where it stands now, from the start of the row (scrolling moves the row, not this)
      drag.middles = drag.items.map((e) => { const r = e.getBoundingClientRect(); return r.left - left + r.width / 2; });
      drag.width = drag.item.getBoundingClientRect().width;
      drag.height = drag.item.getBoundingClientRect().height;
      drag.lifted = true;
      drag.item.classList.add("cs-strip-lifted");
      document.body.classList.add("cs-strip-dragging");
      window.getSelection()?.removeAllRanges();
      cancelAnimationFrame(this.frame); // (lifted again: the new thumbnail of a strip drawn again mid-drag)
      this.frame = requestAnimationFrame(this.tick);
    },
    // Where the slide would go if let go at the pointer event ``e``: its index once taken out of the row.
    target(e) {
      const drag = this.drag;
      const row = this.$el.getBoundingClientRect();
      if (e.clientY < row.top - BAND * drag.height || e.clientY > row.bottom + BAND * drag.height) return drag.from;
      const x = e.clientX - row.left;
      const last = drag.items.length - 1 - drag.items[drag.items.length - 1].classList.contains("cs-strip-outro");
      return Math.min(last, drag.middles.filter((middle, i) => i !== drag.from && middle < x).length);
    },
    move(e) {
      const drag = this.drag;
      if (!drag) return;
      this.rebind();
      drag.last = e;
      if (!drag.lifted && !drag.swipe) {
        if (Math.max(Math.abs(e.clientX - drag.x), Math.abs(e.clientY - drag.y)) < TOLERANCE) return;
        if (drag.touch && e.timeStamp - drag.at < HOLD_MS) drag.swipe = { left: this.$el.parentElement.scrollLeft };
        else this.lift();
      }
      e.preventDefault();
      if (drag.swipe) this.$el.parentElement.scrollLeft = drag.swipe.left - (e.clientX - drag.x);
      else this.show(e);
    },
    // The lifted thumbnail under the pointer, the others shifted to make room at its place.
    show(e) {
      const drag = this.drag;
      drag.to = this.target(e);
      // along the strip (it clips the rest), held where it was gripped
      const x = e.clientX - this.$el.getBoundingClientRect().left - drag.left - drag.grip;
      drag.item.style.transform = `translateX(${x}px)`;
      drag.items.forEach((item, i) => {
        if (i === drag.from) return;
        const shift = drag.from < i && i <= drag.to ? -drag.width : drag.to <= i && i < drag.from ? drag.width : 0;
        item.style.transform = shift ? `translateX(${shift}px)` : "";
      });
    },
    // While lifted: near either end, the strip scrolls (and the place under the pointer follows).
    tick() {
      const drag = this.drag;
      if (!drag || !drag.lifted) return;
      const scroller = this.$el.parentElement;
      const box = scroller.getBoundingClientRect();
      const x = drag.last.clientX;
      const step = x < box.left + EDGE ? -SPEED * Math.min(1, (box.left + EDGE - x) / EDGE)
        : x > box.right - EDGE ? SPEED * Math.min(1, (x - box.right + EDGE) / EDGE) : 0;
      if (step) {
        const before = scroller.scrollLeft;
        scroller.scrollLeft += step;
        if (scroller.scrollLeft !== before) this.show(drag.last);
      }
      this.frame = requestAnimationFrame(this.tick);
    },
    release(e) {
      const drag = this.drag;
      if (!drag) return;
      this.rebind();
      if (drag.swipe) {
        swallowClick(); // (not a tap on the thumbnail)
        return this.stop();
      }
      if (!drag.lifted && Math.max(Math.abs(e.clientX - drag.x), Math.abs(e.clientY - drag.y)) >= TOLERANCE) {
        this.lift(); // pressed here, let go there, no move in between: a drag all the same
      }
      if (!drag.lifted) return this.stop(); // a click
      this.show(e); // where it was let go decides, not the last move seen
      swallowClick();
      const { from, to, items, item, width } = drag;
      if (from !== to) { // it settles into its place
        item.classList.replace("cs-strip-lifted", "cs-strip-dropped");
        item.style.transform = `translateX(${(to - from) * width}px)`;
      }
      this.stop(from !== to ? items : null);
      if (from === to) return;
      // the place as the slides it lands between (others may add or move slides meanwhile), and as an index; sent
      // as a press, again until answered
      const rest = items.filter((e) => e !== item);
      const place = to < rest.length ? { before: rest[to].dataset.slide } : { after: rest[rest.length - 1]?.dataset.slide };
      this.moves += 1;
      this.unanswered.push([this.moves, item.dataset.slide, { to, ...place }]);
      this.send();
    },
    key(e) {
      if (e.key === "Escape" && this.drag) {
        e.preventDefault();
        e.stopPropagation();
        this.cancel();
      }
    },
    cancel() {
      this.stop();
    },
    // The drag is over: listeners off; the thumbnails back in place, or (``kept``) left shifted until the server
    // draws the strip again (they are then gone from the page).
    stop(kept = null) {
      const drag = this.drag;
      this.drag = null;
      cancelAnimationFrame(this.frame);
      document.removeEventListener("pointermove", this.move, true);
      document.removeEventListener("pointerup", this.release, true);
      document.removeEventListener("pointercancel", this.cancel, true);
      document.removeEventListener("keydown", this.key, true);
      document.body.classList.remove("cs-strip-dragging");
      if (!drag) return;
      const settle = (items) => items.forEach((item) => {
        item.style.transform = "";
        item.classList.remove("cs-strip-lifted", "cs-strip-dropped");
      });
      if (!kept) return settle(drag.items);
      setTimeout(() => settle(kept.filter((item) => item.isConnected)), GIVE_UP_MS);
    },
  },
};

// An element given the focus by the strip (not by the person): it shows the focus ring if ``shown`` (a keyboard's
// focus), which the browser may not draw for an element focused by a script.
const RING = "cs-focus-ring";
function ring(element, shown = true) {
  if (!element) return;
  if (shown) element.classList.add(RING);
  element.focus({ preventScroll: element.classList.contains("cs-strip"), focusVisible: shown });
  if (document.activeElement !== element) element.classList.remove(RING);
}

// The click a browser sends after a drag's release (it would select the slide under the pointer) is not one.
function swallowClick() {
  const swallow = (e) => { e.stopPropagation(); e.preventDefault(); };
  window.addEventListener("click", swallow, { capture: true, once: true });
  setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 0);
}
