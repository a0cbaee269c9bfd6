// Typing the server has not taken yet is kept in this tab, in both studios (loaded in the page's head).
// 1. This tab's id, the same across its page loads; a duplicated tab (whose storage is a copy of an open
//    tab's) takes a new one, so it never sends the other tab's typing again.
// 2. An event emitted while the connection is down goes out as soon as it is back, before the page's
//    handshake, and the server drops it: until the handshake is answered, events wait (nicegui.js).
// 3. The plain studio's text boxes (`data-cs-keep="<slide|cta|meta>:<field>"`): what each keystroke left
//    in the box is kept in sessionStorage, one entry per box and slide, with the text the box had before
//    the typing began (`base`). When the page must load again (its connection was away longer than the
//    server waits, or the server was restarted) the next page sends these entries (shared_text.js) and the
//    server puts back what it never heard (components/shared_text.py). The shared studio's boxes keep
//    their own entries, in the same form (shared_text_box.js).
// 4. Once the server has saved a box's text (on disk: a crash can no longer lose it), it says so (`csTaken`)
//    and the box's entry is forgotten unless typed on since: only typing the server never heard or has not
//    saved yet is kept (typing heard, saved and then undone must not come back).
// 5. Once a page is connected, `csSendUnanswered()` sends the entries its tab's earlier pages kept; the
//    server makes each once and then says to forget it (`csForget`).
(() => {
  if (window.csTab) return;
  const TAB_KEY = "carousel-studio-tab";
  const TAB_OPEN = "carousel-studio-tab-open";
  const UNANSWERED = "carousel-studio-unanswered:";
  if (!sessionStorage.getItem(TAB_KEY) || sessionStorage.getItem(TAB_OPEN) === "true") {
    sessionStorage.setItem(TAB_KEY, Math.random().toString(36).slice(2) + Date.now().toString(36));
  }
  sessionStorage.setItem(TAB_OPEN, "true");
  window.addEventListener("pagehide", () => sessionStorage.setItem(TAB_OPEN, "false"));
  window.csTab = sessionStorage.getItem(TAB_KEY);
  const listen = () => (window.socket ? window.socket.on("disconnect", () => { window.did_handshake = false; })
                                      : setTimeout(listen, 100));
  listen();

  // This tab's unanswered typing from its earlier pages (each entry with its key).
  const unanswered = () => {
    const mine = `${UNANSWERED}${window.csTab}:`;
    const here = `${mine}${window.clientId}:`;
    const keys = Array.from({ length: sessionStorage.length }, (_, k) => sessionStorage.key(k));
    for (const key of keys) { // copied from the tab this one was duplicated from: that tab sends them
      if (key.startsWith(UNANSWERED) && !key.startsWith(mine)) sessionStorage.removeItem(key);
    }
    return keys.filter((key) => key.startsWith(mine) && !key.startsWith(here))
      .map((key) => ({ key, ...JSON.parse(sessionStorage.getItem(key)) }));
  };
  window.csSendUnanswered = () => {
    const earlier = unanswered();
    if (earlier.length) emitEvent("cs_unanswered", earlier);
  };
  window.csForget = (keys) => keys.forEach((key) => sessionStorage.removeItem(key));

  const kept = (box) => box && box.dataset && box.dataset.csKeep;
  const keyFor = (keep, slide) => `${UNANSWERED}${window.csTab}:${window.clientId}:plain:${keep}:${slide}`;
  const keyOf = (box) => keyFor(box.dataset.csKeep, box.dataset.csSlide ?? "");
  // The server has this page's box's text `value`: its entry is forgotten unless typed on since.
  window.csTaken = (keep, slide, value) => {
    const key = keyFor(keep, slide);
    const entry = JSON.parse(sessionStorage.getItem(key) || "null");
    if (entry && entry.value === value) sessionStorage.removeItem(key);
  };
  document.addEventListener("beforeinput", (event) => { // the text before this typing began
    const box = event.target;
    if (!kept(box)) return;
    const entry = JSON.parse(sessionStorage.getItem(keyOf(box)) || "null");
    box.csBase = entry && entry.value === box.value ? entry.base : box.value; // else: the server replaced it
  }, true);
  document.addEventListener("input", (event) => {
    const box = event.target;
    if (!kept(box)) return;
    const [part, field] = box.dataset.csKeep.split(":");
    sessionStorage.setItem(keyOf(box), JSON.stringify({
      page: window.clientId, project: box.dataset.csProject || null, slide: part === "slide" ? "" : part,
      index: Number(box.dataset.csSlide || 0), field, base: box.csBase ?? "", sent: null, seq: 0, value: box.value,
    }));
  }, true);
})();
