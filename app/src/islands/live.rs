//! One island keeps a logged-in page live: it listens to `/events` (server-sent events) and, when
//! something about this user or their organization changes, fetches the same page again and puts
//! the changed parts in place. The server renders everything, in the reader's language; the WASM
//! holds no markup and no text.
//!
//! A page marks what may change with `data-live="<name>"` (and an `id`):
//! - a region with `data-live-keyed` holds children with `data-live-key` (one per row) and
//!   `data-live-version`: rows are added, removed and reordered as in the fresh page, and a row is
//!   replaced only when its version changed and it does not hold the focus (what a coordinator is
//!   typing stays);
//! - any other region is replaced whole when its `data-live-version` changed (the bell's count,
//!   a `role="status"` summary, which screen readers then announce);
//! - an element with `data-live-every="<seconds>"` makes the page fetched that often as well, for
//!   what changes with time rather than with events (a shift's rotating check-in code);
//! - an element with `data-live-src="<address>"` names the page to fetch instead of the page's own
//!   address (the queue asks for itself "since" the newest application it was rendered with, to
//!   count what arrived beyond it).
//!
//! Replaced rows come as plain server-rendered HTML: their forms post without JavaScript, which
//! every form here supports. The stream resumes after a dropped connection by itself
//! (`Last-Event-ID`), and starts from the event the page was rendered after (`after`).

use leptos::prelude::*;

#[island]
pub fn Live(after: i64) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| browser::listen(after));
    #[cfg(not(feature = "hydrate"))]
    let _ = after;
}

#[cfg(feature = "hydrate")]
mod browser {
    use std::cell::Cell;
    use std::rc::Rc;

    use wasm_bindgen::{closure::Closure, JsCast};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Document, DomParser, Element, EventSource, Response, SupportedType};

    #[derive(Default)]
    struct Refresh {
        running: Cell<bool>,
        again: Cell<bool>,
    }

    pub fn listen(after: i64) {
        let Some(window) = web_sys::window() else { return };
        let Ok(source) = EventSource::new(&format!("/events?after={after}")) else { return };
        let body = window.document().and_then(|d| d.body());
        let mark = move |state: &str| {
            if let Some(b) = &body {
                let _ = b.set_attribute("data-stream", state);
            }
        };
        let on_open = {
            let mark = mark.clone();
            Closure::<dyn FnMut()>::new(move || mark("open"))
        };
        source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        on_open.forget();
        let on_error = Closure::<dyn FnMut()>::new(move || mark("retrying"));
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        let refresh = Rc::new(Refresh::default());
        // A page whose content changes with time, not events (a shift's rotating check-in code),
        // asks to be fetched every few seconds: `data-live-every="<seconds>"`.
        let every = window
            .document()
            .and_then(|d| d.query_selector("[data-live-every]").ok().flatten())
            .and_then(|e| e.get_attribute("data-live-every"))
            .and_then(|v| v.parse::<i32>().ok())
            .filter(|s| *s > 0);
        if let Some(seconds) = every {
            let r = refresh.clone();
            let tick = Closure::<dyn FnMut()>::new(move || request(r.clone()));
            let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
                tick.as_ref().unchecked_ref(),
                seconds.saturating_mul(1000),
            );
            tick.forget();
        }
        let on_change = Closure::<dyn FnMut()>::new(move || request(refresh.clone()));
        let _ = source.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        on_change.forget();
        // Kept for the life of the page.
        std::mem::forget(source);
    }

    /// One fetch at a time; events during it cause one more afterwards.
    fn request(r: Rc<Refresh>) {
        if r.running.replace(true) {
            r.again.set(true);
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            loop {
                r.again.set(false);
                let _ = refresh().await;
                if !r.again.get() {
                    break;
                }
            }
            r.running.set(false);
        });
    }

    async fn refresh() -> Option<()> {
        let window = web_sys::window()?;
        let document = window.document()?;
        let href = match document.query_selector("[data-live-src]").ok().flatten() {
            Some(e) => e.get_attribute("data-live-src")?,
            None => window.location().href().ok()?,
        };
        let response: Response = JsFuture::from(window.fetch_with_str(&href)).await.ok()?.dyn_into().ok()?;
        if !response.ok() {
            return None;
        }
        let html = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
        let fresh = DomParser::new().ok()?.parse_from_string(&html, SupportedType::TextHtml).ok()?;
        let regions = document.query_selector_all("[data-live][id]").ok()?;
        for i in 0..regions.length() {
            let Some(region) = regions.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let Some(new) = fresh.get_element_by_id(&region.id()) else { continue };
            if region.has_attribute("data-live-keyed") {
                merge(&document, &region, &new);
            } else if version(&region) != version(&new) && !holds_focus(&document, &region) {
                if let Ok(node) = document.import_node_with_deep(&new, true) {
                    let _ = region.replace_with_with_node_1(&node);
                }
            }
        }
        Some(())
    }

    fn version(e: &Element) -> Option<String> {
        e.get_attribute("data-live-version")
    }

    fn holds_focus(document: &Document, e: &Element) -> bool {
        document.active_element().is_some_and(|a| e.contains(Some(&a)))
    }

    fn keyed_children(e: &Element) -> Vec<Element> {
        let list = e.children();
        (0..list.length()).filter_map(|i| list.item(i)).filter(|c| c.has_attribute("data-live-key")).collect()
    }

    /// Makes the region's keyed rows those of the fresh page, in its order, keeping rows that did
    /// not change (or hold the focus) as they are.
    fn merge(document: &Document, region: &Element, fresh: &Element) {
        let old = keyed_children(region);
        let key = |e: &Element| e.get_attribute("data-live-key").unwrap_or_default();
        let mut wanted: Vec<Element> = Vec::new();
        for n in keyed_children(fresh) {
            let k = key(&n);
            let node = match old.iter().find(|o| key(o) == k) {
                Some(o) if version(o) == version(&n) || holds_focus(document, o) => o.clone(),
                Some(o) => {
                    match document.import_node_with_deep(&n, true).ok().and_then(|x| x.dyn_into::<Element>().ok()) {
                        Some(x) => {
                            let _ = o.replace_with_with_node_1(&x);
                            x
                        }
                        None => o.clone(),
                    }
                }
                None => {
                    match document.import_node_with_deep(&n, true).ok().and_then(|x| x.dyn_into::<Element>().ok()) {
                        Some(x) => x,
                        None => continue,
                    }
                }
            };
            wanted.push(node);
        }
        for o in &old {
            if !wanted.iter().any(|w| w == o) && !holds_focus(document, o) {
                o.remove();
            }
        }
        let mut previous: Option<Element> = None;
        for w in wanted {
            let in_place = match &previous {
                Some(p) => p.next_element_sibling().as_ref() == Some(&w),
                None => region.first_element_child().as_ref() == Some(&w),
            };
            if !in_place {
                let reference = match &previous {
                    Some(p) => p.next_sibling(),
                    None => region.first_child(),
                };
                let _ = region.insert_before(&w, reference.as_ref());
            }
            previous = Some(w);
        }
    }
}
