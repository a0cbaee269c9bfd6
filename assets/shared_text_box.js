// A slide's text box in a shared studio: it sends what changed (positions and letters), never its whole
// text, and takes in the others' changes as they arrive, with the caret kept beside its characters.
// The server's half is studio/share/sync.py's Channel (wired in components/shared_text.py); sync.py's
// TextBox is this box's twin in Python, used by the benchmark and the tests.
//
// Per slide, the box keeps: `base` (the text of the last version taken in), `version`, `value` (what the
// person sees), `inFlight` (the value sent and not yet answered, on `base`) and `seq`. Positions count
// characters (code points), as the server does; the browser's own (UTF-16) positions are converted.
// `sent` is the message of the edit in flight, sent again after a reconnection.
//
// Typing the server has not answered yet (in flight, or waiting behind it) is also kept in this tab's
// sessionStorage, one entry per box, so that it outlives the page: when the page must load again (the
// connection timed out, the server forgot the page or was restarted), the next page sends it again
// (shared_text.js) and the server makes it once (components/shared_text.py).

const LCS_LIMIT = 4_000_000; // characters² compared to find separate changes; beyond, one replacement

const chars = (text) => Array.from(text);

// The changes from `old` to `now`: [start, end, insert] in `old`'s positions, in order.
export function changes(oldText, nowText) {
  const old = chars(oldText);
  const now = chars(nowText);
  let start = 0;
  const limit = Math.min(old.length, now.length);
  while (start < limit && old[start] === now[start]) start++;
  let endOld = old.length;
  let endNew = now.length;
  while (endOld > start && endNew > start && old[endOld - 1] === now[endNew - 1]) {
    endOld--;
    endNew--;
  }
  if (start === endOld && start === endNew) return [];
  if (start === endOld || start === endNew || (endOld - start) * (endNew - start) > LCS_LIMIT) {
    return [[start, endOld, now.slice(start, endNew).join("")]];
  }
  return middle(old.slice(start, endOld), now.slice(start, endNew)).map(([s, e, i]) => [s + start, e + start, i]);
}

// Separate changes inside a changed stretch: what the two have in common (longest common subsequence) stays.
function middle(a, b) {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  const lcs = new Int32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const edits = [];
  let open = null; // [start, end, insert]
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      if (open) edits.push(open);
      open = null;
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j])) {
      open = open || [i, i, ""];
      open[2] += b[j++];
    } else {
      open = open || [i, i, ""];
      open[1] = ++i;
    }
  }
  if (open) edits.push(open);
  return edits;
}

export function patch(text, edits) {
  const old = chars(text);
  let out = "";
  let at = 0;
  for (const [start, end, insert] of edits) {
    out += old.slice(at, start).join("") + insert;
    at = end;
  }
  return out + old.slice(at).join("");
}

// Each character's index after `edits` (-1: deleted); `where` holds indexes before them.
function mapAfter(where, edits) {
  let k = 0;
  let shift = 0;
  return where.map((q) => {
    if (q < 0) return q;
    while (k < edits.length && edits[k][1] <= q) { // before it (an insertion right before it too)
      shift += chars(edits[k][2]).length - (edits[k][1] - edits[k][0]);
      k++;
    }
    return k < edits.length && edits[k][0] <= q ? -1 : q + shift;
  });
}

// `theirs` with my changes (from `base` to `mine`) made on it too, like sync.rebase: everything either side
// inserted stays; I delete only characters of `base` still there; where we both typed at one spot, mine
// comes first. `where`: each character of `base` in `theirs` (-1: gone). `carets` (positions in `mine`)
// are moved to the same place in the result: within my typing, or after the character they followed.
export function rebase(base, mine, theirs, where, carets = []) {
  const removed = new Set();
  const inserted = new Map(); // index in theirs → my text going before it
  const pieces = []; // [index in theirs, offset in my text there, start in mine, length]
  const unchanged = []; // [start in mine, start in base] of the stretch after each change
  const afterPrevious = (position) => {
    for (let q = position - 1; q >= 0; q--) if (where[q] >= 0) return where[q] + 1;
    return 0;
  };
  let shift = 0; // mine's positions minus base's, after the changes so far
  for (const [start, end, insert] of changes(base, mine)) {
    for (let q = start; q < end; q++) if (where[q] >= 0) removed.add(where[q]);
    const at = afterPrevious(start);
    const before = inserted.get(at) || [];
    const typed = chars(insert);
    pieces.push([at, before.length, start + shift, typed.length]);
    inserted.set(at, before.concat(typed));
    shift += typed.length - (end - start);
    unchanged.push([end + shift, end]);
  }
  const them = chars(theirs);
  const out = [];
  const outAt = []; // where my text before theirs[index] starts in the result
  for (let index = 0; index <= them.length; index++) {
    outAt.push(out.length);
    out.push(...(inserted.get(index) || []));
    if (index < them.length && !removed.has(index)) out.push(them[index]);
  }
  const moved = carets.map((caret) => {
    const piece = pieces.find(([, , start, length]) => caret >= start && caret <= start + length && length);
    if (piece) return outAt[piece[0]] + piece[1] + caret - piece[2];
    let inBase = caret; // in an unchanged stretch: the same spot in base, after the character before it
    for (const [mineStart, baseStart] of unchanged) if (caret >= mineStart) inBase = baseStart + caret - mineStart;
    return outAt[afterPrevious(inBase)];
  });
  return [out.join(""), moved];
}

const identity = (length) => Array.from({ length }, (_, q) => q);

const UNANSWERED = "carousel-studio-unanswered:"; // this tab's id (`window.csTab`): kept_text.js, in the page's head
let boxesMade = 0; // this page's boxes (two can show one text: the outro's headline in two panels)
let editsSent = 0; // this page's edits: numbered across its boxes, so the server's ``ack`` of a text tells each box

// Each character of `old` in `now`, found by comparing the two texts.
const whereIn = (old, now) => mapAfter(identity(chars(old).length), changes(old, now));

// A position in characters (code points) from one in UTF-16 units of `text`, and back.
const toChars = (text, units) => chars(text.slice(0, units)).length;
const toUnits = (text, count) => chars(text).slice(0, count).join("").length;

export default {
  template: `
    <q-input ref="qRef" v-bind="$attrs" :model-value="shown" @update:model-value="typed">
      <template v-for="(_, slot) in $slots" v-slot:[slot]="slotProps">
        <slot :name="slot" v-bind="slotProps || {}" />
      </template>
    </q-input>
  `,
  props: { field: String },
  data() {
    return { shown: "" };
  },
  created() {
    this.boxes = new Map(); // slide id → its state (not reactive: only `shown` is drawn)
    this.slide = null;
    this.early = null; // what was typed before the box was told which slide it shows (its text had not come)
    this.resend = () => this.sendAgain();
    this.instance = ++boxesMade;
  },
  mounted() {
    // A dropped connection can lose the edit in flight (socket.io does not send it again): after every
    // (re)connection, the edits still unanswered go again; the server makes each one once (by `seq`).
    const listen = () => (window.socket ? window.socket.on("connect", this.resend) : setTimeout(listen, 100));
    listen();
  },
  unmounted() {
    window.socket?.off("connect", this.resend);
  },
  methods: {
    // Show the box of this slide (its text comes with a version of its own, before or after this).
    follow(slide, index, project) {
      this.slide = slide;
      this.project = project;
      const box = this.box(slide);
      box.index = index;
      if (this.early === null) {
        this.shown = box.value;
        return;
      }
      // Typed into the empty box before it knew its slide: kept, before that slide's text, caret and all.
      const native = this.native();
      const focused = native && native === document.activeElement;
      const carets = focused ? [native.selectionStart, native.selectionEnd].map((u) => toChars(this.early, u)) : [];
      const [value, moved] = rebase("", this.early, box.value, [], carets);
      this.early = null;
      box.value = value;
      this.show(value, focused ? moved.map((c) => toUnits(value, c)) : null, native && native.selectionDirection);
      if (box.inFlight === null && box.version) this.send(box);
      this.keep(box);
    },
    // The project was saved for the first time: its id, for the typing kept from now on.
    know(project) {
      this.project = project;
      for (const box of this.boxes.values()) this.keep(box);
    },
    // Another project (or the same opened again): every slide's text comes again. Typing the server had not
    // answered goes to it now, with the project it was typed in: the server puts it back there.
    reset() {
      const left = [];
      for (const box of this.boxes.values()) {
        const entry = sessionStorage.getItem(this.keyOf(box));
        if (entry) left.push({ key: this.keyOf(box), ...JSON.parse(entry) });
      }
      if (left.length) window.emitEvent("cs_unanswered", left);
      this.boxes.clear();
      this.slide = null;
      this.shown = "";
    },
    // Versions from the server: every change of every slide this box has shown, in order.
    receive(messages) {
      for (const message of messages) {
        const box = this.box(message.slide);
        const current = message.slide === this.slide;
        const native = current ? this.native() : null;
        const focused = native && native === document.activeElement;
        const carets = focused ? [native.selectionStart, native.selectionEnd].map((u) => toChars(box.value, u)) : [];
        const moved = this.take(box, message, carets).map((c) => toUnits(box.value, c));
        if (current) this.show(box.value, focused ? moved : null, native && native.selectionDirection);
        this.keep(box);
      }
    },
    // The person changed the box.
    typed(value) {
      this.shown = value ?? "";
      if (this.slide === null) { // not yet told which slide (its text has not come): kept until it is
        this.early = this.shown;
        return;
      }
      const box = this.box(this.slide);
      box.value = value ?? "";
      this.shown = box.value;
      if (box.inFlight === null && box.version) this.send(box);
      this.keep(box);
    },
    take(box, message, carets) {
      if (message.v <= box.version) return carets;
      let text = message.text ?? box.base;
      let where = message.text === undefined ? identity(chars(box.base).length) : whereIn(box.base, text);
      for (const step of message.steps || []) {
        where = mapAfter(where, step);
        text = patch(text, step);
      }
      const answered = box.inFlight !== null && message.ack >= box.seq;
      const mine = answered ? box.inFlight : box.base;
      const [value, moved] = rebase(mine, box.value, text, answered ? whereIn(mine, text) : where, carets);
      if (box.inFlight !== null && !answered) box.inFlight = rebase(box.base, box.inFlight, text, where)[0];
      else box.inFlight = null;
      box.value = value;
      box.base = text;
      box.version = message.v;
      if (box.inFlight === null && box.value !== box.base) this.send(box);
      return moved;
    },
    send(box) {
      box.seq = ++editsSent;
      box.inFlight = box.value;
      box.sent = { slide: box.slide, edits: changes(box.base, box.value), base: box.version, seq: box.seq };
      this.$emit("edit", box.sent);
    },
    sendAgain() {
      for (const box of this.boxes.values()) if (box.inFlight !== null && box.sent) this.$emit("edit", box.sent);
    },
    // The box's typing not answered yet, kept in the tab (or forgotten once it is answered).
    keep(box) {
      if (box.inFlight === null && box.value === box.base) {
        sessionStorage.removeItem(this.keyOf(box));
        return;
      }
      const { slide, index, base, inFlight, seq, value } = box;
      sessionStorage.setItem(this.keyOf(box), JSON.stringify({
        page: window.clientId, project: this.project ?? null, slide, index: index ?? 0, field: this.field,
        base, sent: inFlight, seq, value,
      }));
    },
    keyOf(box) {
      return `${UNANSWERED}${window.csTab}:${window.clientId}:${this.instance}:${box.slide}:${this.field}`;
    },
    show(value, carets, direction) {
      this.shown = value;
      if (!carets) return;
      this.$nextTick(() => { // after Vue has put the text in
        const native = this.native();
        if (native && native === document.activeElement) native.setSelectionRange(carets[0], carets[1], direction);
      });
    },
    box(slide) {
      if (!this.boxes.has(slide)) {
        this.boxes.set(slide, { slide, base: "", version: 0, value: "", inFlight: null, seq: 0, sent: null });
      }
      return this.boxes.get(slide);
    },
    native() {
      return this.$el && this.$el.querySelector ? this.$el.querySelector("input, textarea") : null;
    },
  },
};
