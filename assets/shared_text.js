// Share mode's text boxes.
// 1. When merged text replaces what a focused text box shows, the caret (and selection) stays
//    beside the same characters, instead of jumping to the end as a browser does on its own. The
//    page sets a box's value through the `value` property, which is wrapped here once.
// 2. What a slide's box gets typed while the connection is down is kept in this tab until the
//    server is heard from again. If the page has to load again first (the server forgot this tab
//    after 10 s away, or was restarted), the new page hands it over to be merged in.

const TYPED = 32; // the last characters this person typed, to recognise their own text coming back

const CONTEXT = 64; // characters either side of the caret that are matched to find its place again

// Where `caret` (a position in `old`) goes in `value`: beside the same characters.
function anchor(old, value, caret, typed) {
  const limit = Math.min(old.length, value.length);
  let prefix = 0;
  while (prefix < limit && old[prefix] === value[prefix]) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && old[old.length - 1 - suffix] === value[value.length - 1 - suffix]) suffix++;
  // old[prefix, changedEnd) became value[prefix, value.length - suffix)
  const changedEnd = old.length - suffix;
  let place;
  if (caret <= prefix) place = caret;
  else if (caret >= changedEnd) place = caret + value.length - old.length;
  else place = prefix + bestMatch(old.slice(prefix, changedEnd), caret - prefix, value.slice(prefix, value.length - suffix));
  return afterOwnTyping(old, caret, value, place, typed);
}

// In a stretch changed in several places: the place whose neighbours match the caret's best.
function bestMatch(old, caret, value) {
  let best = 0;
  let bestScore = -1;
  for (let place = 0; place <= value.length; place++) {
    let score = 0;
    while (score < CONTEXT && caret - score > 0 && place - score > 0 &&
           old[caret - score - 1] === value[place - score - 1]) score++;
    for (let k = 0; k < CONTEXT && caret + k < old.length && place + k < value.length &&
         old[caret + k] === value[place + k]; k++) score++;
    if (score > bestScore) [best, bestScore] = [place, score];
  }
  return best;
}

// What this person just typed may come back right after the caret (their keystroke crossed the
// merged text on the wire, which showed without it for a moment): the caret goes after it.
function afterOwnTyping(old, caret, value, place, typed) {
  for (let k = Math.min(typed.length, value.length - place); k > 0; k--) {
    const piece = value.slice(place, place + k);
    if (typed.endsWith(piece) && !old.startsWith(piece, caret)) return place + k;
  }
  return place;
}

function keepCaret(prototype) {
  const property = Object.getOwnPropertyDescriptor(prototype, "value");
  Object.defineProperty(prototype, "value", {
    configurable: true,
    enumerable: property.enumerable,
    get() {
      return property.get.call(this);
    },
    set(value) {
      const shared = fieldOf(this);
      if (shared) forgetDrafts(); // the server is heard from: whatever was typed reached it
      const old = property.get.call(this);
      const focused = this === document.activeElement && typeof this.selectionStart === "number";
      const [start, end, direction] = [this.selectionStart, this.selectionEnd, this.selectionDirection];
      property.set.call(this, value);
      const now = property.get.call(this);
      if (focused && old !== now) {
        const typed = this.csTyped || "";
        this.setSelectionRange(anchor(old, now, start, typed), anchor(old, now, end, typed), direction);
      }
    },
  });
}

const DRAFTS = "carousel-studio-drafts";
const FIELDS = { "slide-title": "title", "slide-body": "body", "slide-alt": "alt_text" };

function fieldOf(box) {
  const holder = box.closest("[data-testid]");
  return holder ? FIELDS[holder.dataset.testid] : undefined;
}

function drafts() {
  return JSON.parse(sessionStorage.getItem(DRAFTS) || "[]");
}

function forgetDrafts() {
  sessionStorage.removeItem(DRAFTS);
}

// Offline, a box's first change starts its draft with the text it showed (`beforeinput`); every
// change after that updates it.
function keepDraft(box, starting) {
  const field = fieldOf(box);
  if (!field || window.socket?.connected) return;
  const slide = Math.max(0, [...document.querySelectorAll(".cs-strip-item")]
    .findIndex((item) => item.classList.contains("cs-selected")));
  const others = drafts().filter((d) => d.field !== field || d.slide !== slide);
  const earlier = drafts().find((d) => d.field === field && d.slide === slide);
  if (starting && earlier) return;
  const base = earlier ? earlier.base : box.value;
  sessionStorage.setItem(DRAFTS, JSON.stringify([...others, { field, slide, base, value: box.value }]));
}

if (!window.csSharedText) {
  window.csSharedText = true;
  keepCaret(HTMLInputElement.prototype);
  keepCaret(HTMLTextAreaElement.prototype);
  document.addEventListener("input", (event) => {
    if (event.data) event.target.csTyped = ((event.target.csTyped || "") + event.data).slice(-TYPED);
    keepDraft(event.target, false);
  }, true);
  document.addEventListener("beforeinput", (event) => keepDraft(event.target, true), true);
  if (drafts().length) emitEvent("cs_drafts", drafts()); // typed on the page before this one
  forgetDrafts();
}
