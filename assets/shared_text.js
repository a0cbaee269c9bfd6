// Share mode's text boxes (loaded in the page's head, before any text arrives): when merged text replaces
// what a focused text box shows, the caret (and selection) stays beside the same characters, instead of
// jumping to the end as a browser does on its own. The page sets a box's value through the `value`
// property, which is wrapped here once.

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

if (!window.csSharedText) {
  window.csSharedText = true;
  keepCaret(HTMLInputElement.prototype);
  keepCaret(HTMLTextAreaElement.prototype);
  document.addEventListener("input", (event) => {
    if (event.data) event.target.csTyped = ((event.target.csTyped || "") + event.data).slice(-TYPED);
  }, true);
}
