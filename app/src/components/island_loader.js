// Loads the WASM and hydrates the islands of this page; on a page without an island it does
// nothing, so such a page downloads no JavaScript module and no WASM. After Leptos's own
// island_script.js (MIT), which loads the WASM on every page.
((js, wasm) => {
  // Print buttons (`data-print`): the policy allows no inline handlers, so one listener serves all.
  document.addEventListener("click", (e) => {
    if (e.target instanceof Element && e.target.closest("[data-print]")) window.print();
  });
  if (!document.querySelector("leptos-island")) return;
  const childrenCallbacks = [];
  async function hydrateIsland(el, mod) {
    const island = mod[el.dataset.component];
    if (!island) {
      console.warn(`no WASM function for the island ${el.dataset.component}`);
      return;
    }
    const onChildren = childrenCallbacks[childrenCallbacks.length - 1];
    if (onChildren) onChildren();
    const done = island(el);
    if (done && done.then) await done;
  }
  async function traverse(node, mod) {
    const tag = node.tagName.toLowerCase();
    if (tag === "leptos-island") await hydrateIsland(node, mod);
    if (tag === "leptos-children") childrenCallbacks.push(node.$$on_hydrate);
    for (const child of node.children) await traverse(child, mod);
    if (tag === "leptos-children") childrenCallbacks.pop();
  }
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 1));
  idle(async () => {
    const mod = await import(js);
    await mod.default({ module_or_path: wasm });
    mod.hydrate();
    await traverse(document.body, mod);
    window.__hydrateIsland = (el) => hydrateIsland(el, mod);
  });
})
