// Renders trusted SVG text into a shadow root, so ids stay local to each slide.
const STYLE = "<style>:host{display:block;line-height:0}" +
  "svg{width:100%;height:auto;display:block;font-kerning:none;font-variant-ligatures:none}</style>";

const DEEPEST = 3; // levels of elements compared before a changed one is parsed whole (svg > group > its parts)

// An element's text cut into its opening tag, each child element (with any text before it) and the rest:
// joined, the pieces give the text back. null when it is not one element (or not well formed).
// (The renderer's output: quoted attributes, no "<" in text; comments and the like are skipped whole.)
export function pieces(text) {
  if (!text || !/^<[a-zA-Z]/.test(text)) return null;
  const out = [];
  let depth = 0, cut = 0, at = 0;
  while ((at = text.indexOf("<", at)) >= 0) {
    if (text.startsWith("<!--", at) || text[at + 1] === "?" || text[at + 1] === "!") {
      at = text.indexOf(text.startsWith("<!--", at) ? "-->" : ">", at);
      if (at < 0) return null;
      continue;
    }
    const closing = text[at + 1] === "/";
    let end = at + 1, quote = null; // the tag's ">", outside quoted attribute values
    for (; end < text.length; end++) {
      const c = text[end];
      if (quote) { if (c === quote) quote = null; } else if (c === '"' || c === "'") quote = c; else if (c === ">") break;
    }
    if (end >= text.length) return null;
    const selfClosing = !closing && text[end - 1] === "/";
    if (closing) {
      depth--;
      if (depth === 1) { out.push(text.slice(cut, end + 1)); cut = end + 1; } // a top-level child ends
      else if (depth === 0) { out.push(text.slice(cut)); return end + 1 === text.length ? out : null; }
      else if (depth < 0) return null;
    } else if (depth === 0) { // the element's opening tag
      if (out.length || selfClosing) return null;
      out.push(text.slice(0, end + 1));
      cut = end + 1;
      depth = 1;
    } else if (!selfClosing) depth++;
    else if (depth === 1) { out.push(text.slice(cut, end + 1)); cut = end + 1; } // an empty top-level child
    at = end + 1;
  }
  return null;
}

// An element's text (nothing before it) parsed as the browser parses it inside <svg>; null otherwise.
function parsed(piece) {
  const template = document.createElement("template");
  template.innerHTML = `<svg xmlns="http://www.w3.org/2000/svg">${piece}</svg>`;
  const svg = template.content.firstElementChild;
  return svg && svg.childNodes.length === 1 && svg.firstElementChild ? svg.firstElementChild : null;
}

// Give ``node`` the attributes of ``fresh`` when both have the same names in the same order (only values
// differ: an id made from the slide's words, a clip path naming it); false otherwise. A photo's element
// kept so, its href unchanged, is not decoded again.
function sameAttributes(node, fresh) {
  const [had, has] = [node.attributes, fresh.attributes];
  if (node.tagName !== fresh.tagName || had.length !== has.length) return false;
  for (let i = 0; i < has.length; i++) {
    if (had[i].name !== has[i].name || had[i].namespaceURI !== has[i].namespaceURI) return false;
  }
  for (let i = 0; i < has.length; i++) {
    if (had[i].value !== has[i].value) node.setAttributeNS(has[i].namespaceURI, has[i].name, has[i].value);
  }
  return true;
}

// Make ``node`` (drawn from the text ``before``) the drawing of ``after``: the children whose text changed are
// made again, the rest stays; an element whose children changed in number is parsed whole. False: not done.
function update(node, before, after, depth) {
  if (before === after) return true;
  const next = depth < DEEPEST ? pieces(after) : null;
  const old = next && pieces(before);
  const end = next && next[next.length - 1];
  if (old && old.length === next.length && old[old.length - 1] === end && node.childNodes.length === next.length - 2
      && !end.slice(0, end.lastIndexOf("</")).trim()) { // (no text after the last child)
    const shell = old[0] === next[0] || (depth > 0 && parsed(next[0] + end.slice(end.lastIndexOf("</"))));
    const nodes = [...node.childNodes];
    if (shell && (shell === true || sameAttributes(node, shell))
        && next.slice(1, -1).every((piece, i) => update(nodes[i], old[i + 1], piece, depth + 1))) return true;
  }
  const fresh = depth > 0 && parsed(after);
  if (!fresh) return false;
  if (!node.hasChildNodes() && !fresh.hasChildNodes() && sameAttributes(node, fresh)) return true;
  node.replaceWith(fresh);
  return true;
}

// ---- What the server calls in the page while someone types (components/svg_view.py ``page_call``): each changes
// the page and the page's copy of the element (what Vue draws it from again), without an element update, which
// would make Vue render the whole page again (5-20 ms of the browser's time on every keystroke).

// The page's copy of element ``id`` (its raw object: changing it draws nothing), if the page has one.
function kept(id) {
  const element = typeof mounted_app === "object" && mounted_app.elements[id];
  return element ? Vue.toRaw(element) : null;
}

// Draw ``content`` in the SVG view ``id``; a view the page has not drawn (a dialog not opened yet) gets it in
// the page's copy of its element, which it is drawn from once shown. ``seq`` keeps the newest drawing.
function showSvg(id, content, seq) {
  const view = getElement(id);
  if (view) return view.show(content, seq);
  const element = kept(id);
  if (element && (element.props.seq || 0) < seq) Object.assign(element.props, { content, seq });
}

// Take the class ``name`` off element ``id``.
function dropClass(id, name) {
  document.getElementById(`c${id}`)?.classList.remove(name);
  const element = kept(id);
  if (element) element.class = element.class.filter((c) => c !== name);
}

// Set the words of element ``id`` (a QuietLabel: its words are its ``textContent`` prop).
function setText(id, text) {
  const node = document.getElementById(`c${id}`);
  if (node) node.textContent = text;
  const element = kept(id);
  if (element) element.props.textContent = text;
}

// A server held back (a loaded machine) can lose the connection while its tab types: the server misses a pong,
// or the browser a ping, and closes it. Every keystroke sent meanwhile went into the dead connection, and no later
// keystroke repeats them, so the slide and its preview kept an in-between text for good. After a reconnection
// this tab sends the texts of its boxes again (an unchanged text is no edit). Called once the page is connected
// (components/slide_editor.py); it listens once a page.
function resendAfterReconnection() {
  if (window.__csResend) return;
  window.__csResend = true;
  let lost = false;
  window.socket.on("disconnect", () => { lost = true; });
  window.socket.on("connect", () => {
    if (!lost) return;
    lost = false;
    const resend = () => {
      if (!window.did_handshake) return setTimeout(resend, 50);
      for (const box of document.querySelectorAll("[data-cs-keep]")) { // the text boxes (shared_text.py)
        const field = getElement(box.id.slice(1)); // the text field (its native box carries its id)
        if (field) field.$emit("update:value", box.value); // (NiceGUI's input.js names its value event so)
      }
    };
    resend();
  });
}

window.csPage = { showSvg, dropClass, setText, resendAfterReconnection };

export default {
  template: "<div></div>",
  props: { content: String, seq: Number },
  mounted() {
    this.root = this.$el.attachShadow({ mode: "open" });
    this.draw();
  },
  watch: {
    content() {
      this.draw();
    },
  },
  methods: {
    draw() {
      this.show(this.content, this.seq);
    },
    // Also called straight from the server while typing (``showSvg``, svg_view.py show_now): no re-render of the page
    // around it. ``seq`` orders the two ways in: a drawing older than the one shown is dropped.
    show(content, seq) {
      if (!this.root || (seq || 0) < (this.shownSeq || 0)) return;
      this.shownSeq = seq || 0;
      if (this.drawn === content) return;
      if (!this.patch(content)) this.root.innerHTML = STYLE + (content || "");
      this.drawn = content;
      // the page's copy of this element's props (read when it is drawn again) follows, without a re-render
      const stored = typeof mounted_app === "object" && Vue.toRaw(mounted_app.elements[this.$attrs.id?.slice(1)]);
      if (stored && (stored.props.seq || 0) < this.shownSeq) Object.assign(stored.props, { content, seq: this.shownSeq });
    },
    // A typed letter changes one group of the slide (its words): only the elements whose text changed are
    // parsed and put in place; the background, its pattern and a photo stay as they are (not parsed, decoded
    // and painted again). The same elements as drawing the whole text anew; false when nothing is shown yet.
    patch(content) {
      const svg = this.root.lastElementChild;
      return Boolean(this.drawn && content && svg && svg.tagName === "svg" && update(svg, this.drawn, content, 0));
    },
  },
};
