//! The browser entry point. The island script (from `HydrationScripts`, on pages that have an
//! island) loads this module when the browser is idle, calls `hydrate`, then hydrates each
//! `<leptos-island>` of the page. Only the islands' code is in the WASM: pages never are.

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
    // The islands are hydrated right after this returns, in the same task; mark the page after.
    leptos::prelude::set_timeout(app::islands::mark_hydrated, std::time::Duration::ZERO);
}
