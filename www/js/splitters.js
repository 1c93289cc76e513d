// Resizable panes: a handle between the editors and the run view, and one above the events. The
// handles live outside the app's own DOM (fixed over the page, placed along the panes' edges), so
// the wasm app's rendering never meets them; a drag sets the grid's sizes as CSS variables, which
// are kept in localStorage for the next visit. Double-click a handle to restore the default.

const KEY = "aslplay.layout.v1";
const MIN = 240; // px left to either side of a handle

function saved() {
  try {
    return JSON.parse(localStorage.getItem(KEY)) ?? {};
  } catch {
    return {};
  }
}

function apply(sizes) {
  const style = document.documentElement.style;
  for (const [name, px] of Object.entries(sizes)) {
    if (px == null) style.removeProperty(name);
    else style.setProperty(name, `${Math.round(px)}px`);
  }
}

function store(sizes) {
  try {
    localStorage.setItem(KEY, JSON.stringify(sizes));
  } catch {
    // Storage full or unavailable: the sizes last for this visit only.
  }
}

/**
 * A handle for the CSS variable `name`, sized from the pointer by `size(event)`. `orientation` is
 * the handle's own ("vertical": a bar between columns).
 */
function handle(name, orientation, label, size, sizes) {
  const bar = document.createElement("div");
  bar.className = `splitter ${orientation}`;
  bar.setAttribute("role", "separator");
  bar.setAttribute("aria-orientation", orientation);
  bar.setAttribute("aria-label", label);
  bar.tabIndex = 0;
  bar.title = `${label} (drag; double-click restores)`;
  const set = (px) => {
    sizes[name] = px;
    apply(sizes);
    store(sizes);
  };
  bar.addEventListener("pointerdown", (down) => {
    down.preventDefault();
    bar.setPointerCapture(down.pointerId);
    bar.classList.add("dragging");
    const move = (e) => set(size(e));
    const up = () => {
      bar.classList.remove("dragging");
      bar.removeEventListener("pointermove", move);
      bar.removeEventListener("pointerup", up);
    };
    bar.addEventListener("pointermove", move);
    bar.addEventListener("pointerup", up);
  });
  bar.addEventListener("dblclick", () => set(null));
  bar.addEventListener("keydown", (e) => {
    const step = { ArrowLeft: -16, ArrowUp: -16, ArrowRight: 16, ArrowDown: 16 }[e.key];
    if (!step) return;
    e.preventDefault();
    const rect = bar.getBoundingClientRect();
    set(size({ clientX: rect.left + rect.width / 2 + step, clientY: rect.top + rect.height / 2 + step }));
  });
  document.body.append(bar);
  return bar;
}

/** Puts `bar` along the edge of `rect` (the right edge for a vertical bar, the top edge otherwise). */
function place(bar, rect, vertical) {
  bar.hidden = !rect;
  if (!rect) return;
  Object.assign(bar.style, vertical
    ? { left: `${rect.right - 3}px`, top: `${rect.top}px`, height: `${rect.height}px` }
    : { left: `${rect.left}px`, top: `${rect.top - 3}px`, width: `${rect.width}px` });
}

/** Installs the handles once the app has drawn its panes. */
export function installSplitters() {
  const sizes = saved();
  apply(sizes);
  const columns = handle("--editors-width", "vertical", "Resize the editors", (e) =>
    Math.min(Math.max(e.clientX, MIN), innerWidth - MIN), sizes);
  const rows = handle("--events-height", "horizontal", "Resize the events", (e) =>
    Math.min(Math.max(innerHeight - e.clientY, 80), innerHeight - MIN), sizes);
  const layout = () => {
    const editors = document.querySelector(".app > .editors");
    const events = document.querySelector(".app > .events");
    place(columns, editors?.getBoundingClientRect(), true);
    place(rows, events?.getBoundingClientRect(), false);
  };
  const sizesSeen = new ResizeObserver(layout);
  // The app's panes come and go with its renders: watch the app's root and its direct children
  // (not the whole tree, which changes with every replayed event), then the panes' sizes.
  const watch = () => {
    for (const el of document.querySelectorAll(".app, .app > .editors, .app > .events")) sizesSeen.observe(el);
    const app = document.querySelector(".app");
    if (app) children.observe(app, { childList: true });
    layout();
  };
  const children = new MutationObserver(watch);
  const root = document.getElementById("app");
  if (root) children.observe(root, { childList: true });
  watch();
  addEventListener("resize", layout);
  layout();
}
