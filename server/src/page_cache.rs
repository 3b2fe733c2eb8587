//! A micro-cache of the public pages a visitor sees (`/`, `/opportunities…`, an opportunity's and
//! an organization's page): the same page for everyone with the same language and encoding, so
//! the first request renders it and the next ones, for two seconds, get the same bytes. An entry
//! is also dropped as soon as any event is committed (a seat taken, an application made), so
//! seat counts are never older than the last change the server knows of.
//!
//! A logged-in person's own pages (`/me`, `/org`, `/org/applications`, and the public ones, which
//! show their bell) are kept the same way for that session alone, and only while nothing was
//! written: any POST to the server (by anyone) and any event make every entry stale. A hit still
//! checks the session in the database (ended, idle or too old: no page), and counts as activity.
//! A coordinator's queue served from an entry is not logged again as a view: the render that made
//! it, by the same person seconds before, was (views are logged once an hour per person).
//!
//! Never with a flash cookie or a login step in progress, and only for answers `200` without
//! `Set-Cookie`.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::backend::{auth, flash, AppContext};
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{header, HeaderMap, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// `TAM_PAGE_CACHE=off` serves every page as rendered (benchmarks measure the render itself).
pub fn enabled() -> bool {
    std::env::var("TAM_PAGE_CACHE").map_or(true, |v| v != "off")
}

const TTL: Duration = Duration::from_secs(2);
/// Enough for the lists people page through; a full cache starts again empty.
const MAX_ENTRIES: usize = 256;
/// The most the entries may hold together (a queue page can be large).
const MAX_BYTES: usize = 12 * 1024 * 1024;
/// A page larger than this is not kept (and is answered as rendered).
const MAX_BODY: usize = 2 * 1024 * 1024;

#[derive(Clone, Default)]
pub struct PageCache {
    entries: Arc<Mutex<HashMap<String, Entry>>>,
    /// One render at a time per page: when an entry goes stale under load, the requests that
    /// find it so wait for one render instead of all rendering the same page at once.
    flights: Arc<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>>,
    /// Bumped when a write starts and when it ends.
    writes: Arc<AtomicU64>,
}

struct Entry {
    made: Instant,
    /// The newest event when it was rendered: a later one makes it stale.
    cursor: i64,
    /// The write count when it was rendered.
    writes: u64,
    /// Whose page it is: (user, staff), checked against the session on every hit.
    owner: Option<(i32, bool)>,
    headers: HeaderMap,
    body: Bytes,
}

/// `None`: not cached. `Some(None)`: a visitor's public page. `Some(Some(token))`: a page of the
/// session `token`.
fn cacheable(req: &Request, secure: bool) -> Option<Option<String>> {
    if req.method() != Method::GET {
        return None;
    }
    let path = req.uri().path();
    let public = path == "/"
        || path == "/opportunities"
        || path.starts_with("/opportunities/")
        || path.starts_with("/organizations/");
    let personal = matches!(path, "/me" | "/org" | "/org/applications");
    if !public && !personal {
        return None;
    }
    let cookies: Vec<&str> = req.headers().get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).collect();
    if cookies.iter().any(|c| c.contains(flash::FLASH_COOKIE) || c.contains(auth::LOGIN_STEP_COOKIE)) {
        return None;
    }
    let name = auth::cookie_name(auth::SESSION_COOKIE, secure);
    match cookies.iter().find_map(|c| app::i18n::cookie_value(c, &name)) {
        Some(token) => Some(Some(token.to_string())),
        None if public => Some(None),
        None => None,
    }
}

/// What makes two requests get the same page: the address, the language asked for (cookie or
/// header), the encoding, and the session (by the key it is stored under, never the token).
fn key(req: &Request, session: Option<&str>) -> String {
    let h = |name: header::HeaderName| {
        req.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").chars().take(120).collect::<String>()
    };
    let lang = req
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| app::i18n::cookie_value(c, app::i18n::LANG_COOKIE))
        .unwrap_or("")
        .to_string();
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
        req.uri().path_and_query().map_or("", |p| p.as_str()),
        lang,
        h(header::ACCEPT_LANGUAGE),
        h(header::ACCEPT_ENCODING),
        session.map(app::backend::services::sessions::key).unwrap_or_default(),
    )
}

pub async fn serve(State((cache, ctx)): State<(PageCache, AppContext)>, req: Request, next: Next) -> Response {
    if req.method() != Method::GET && req.method() != Method::HEAD {
        cache.writes.fetch_add(1, Ordering::SeqCst);
        let res = next.run(req).await;
        cache.writes.fetch_add(1, Ordering::SeqCst);
        return res;
    }
    let Some(session) = cacheable(&req, ctx.secure_cookies) else { return next.run(req).await };
    let key = key(&req, session.as_deref());
    let lookup = |cursor: i64, writes: u64| {
        cache.entries.lock().ok().and_then(|m| {
            m.get(&key)
                .filter(|e| e.cursor == cursor && e.writes == writes && e.made.elapsed() < TTL)
                .map(|e| (e.owner, e.headers.clone(), e.body.clone()))
        })
    };
    let mut cursor = ctx.bus.cursor();
    let mut writes = cache.writes.load(Ordering::SeqCst);
    let mut hit = lookup(cursor, writes);
    let mut _flight = None;
    if hit.is_none() {
        let flight = cache.flights.lock().ok().map(|mut f| {
            if f.len() > 4 * MAX_ENTRIES {
                f.clear();
            }
            f.entry(key.clone()).or_default().clone()
        });
        if let Some(flight) = flight {
            _flight = Some(flight.lock_owned().await);
            // Whoever rendered while this request waited may have left a fresh entry.
            cursor = ctx.bus.cursor();
            writes = cache.writes.load(Ordering::SeqCst);
            hit = lookup(cursor, writes);
        }
    }
    if let Some((owner, headers, body)) = hit {
        if still_theirs(&ctx, session.as_deref(), owner).await {
            let mut res = Response::new(Body::from(body));
            *res.headers_mut() = headers;
            return res;
        }
    }
    let res = next.run(req).await;
    if res.status() != StatusCode::OK || res.headers().contains_key(header::SET_COOKIE) {
        return res;
    }
    let owner = match session.as_deref() {
        Some(token) => match auth::user_of_session(&ctx.db, token, false).await {
            Ok(Some(u)) => Some((u.id, u.is_staff())),
            _ => return res,
        },
        None => None,
    };
    let small = res
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .is_none_or(|n| n <= MAX_BODY);
    if !small {
        return res;
    }
    let (parts, body) = res.into_parts();
    // A streamed page may still turn out larger than the limit: then it is not cached, and is
    // answered in full all the same.
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if bytes.len() > MAX_BODY {
        return Response::from_parts(parts, Body::from(bytes));
    }
    if let Ok(mut m) = cache.entries.lock() {
        let held: usize = m.values().map(|e| e.body.len()).sum();
        if m.len() >= MAX_ENTRIES || held + bytes.len() > MAX_BYTES {
            m.clear();
        }
        let entry =
            Entry { made: Instant::now(), cursor, writes, owner, headers: parts.headers.clone(), body: bytes.clone() };
        m.insert(key, entry);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// A visitor's page is anyone's; a session's page only while that session still stands for the
/// same person (and its use counts as activity, as a render would).
async fn still_theirs(ctx: &AppContext, token: Option<&str>, owner: Option<(i32, bool)>) -> bool {
    use app::backend::services::{now, sessions};
    match (token, owner) {
        (None, None) => true,
        (Some(token), Some((user, staff))) => match sessions::find(&ctx.db, token).await {
            Ok(Some(s)) if s.user_id == user && sessions::alive(&s, sessions::policy(staff), now()) => {
                sessions::touch(&ctx.db, &s).await.is_ok()
            }
            _ => false,
        },
        _ => false,
    }
}
