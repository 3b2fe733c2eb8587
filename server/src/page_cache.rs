//! A micro-cache of the public pages a visitor who is not logged in sees (`/`, `/opportunities…`,
//! an opportunity's and an organization's page): the same page for every visitor with the same
//! address and language, so the first request renders it and the next ones, for two seconds, get
//! the same page. Its rules:
//!
//! - Only visitors: a request with a session cookie (anyone logged in, even with an ended
//!   session), a flash or a login step in progress is always rendered. A person's own pages are
//!   made fast by their render, never served from here.
//! - Never older than [`TTL`], whatever happens and in whichever process it happens: an entry is
//!   not invalidated by events, so a seat taken through another server process shows on every
//!   process's visitors' pages within the lifetime, and nobody's request (a visitor's post, a
//!   refused one, a flood of made-up addresses) empties the cache for others. A full cache drops
//!   its expired entries and, if still full, keeps what it has and serves the rest as rendered.
//! - Keyed by the address and the language the page is rendered in, negotiated by the same
//!   function from the same headers ([`app::i18n::negotiate`]).
//! - Every answer has its own CSP nonce: the page is kept uncompressed (this layer sits inside
//!   compression), cut at its nonce, and joined again around a fresh one, in the body and in the
//!   `Content-Security-Policy` header, for each visitor.
//! - Only answers `200` without `Set-Cookie`, and at most [`MAX_BODY`] each. An answer from the
//!   cache says so (`X-Tam-Cache: hit`).
//!
//! `TAM_PAGE_CACHE=off` serves every page as rendered (benchmarks measure the render itself).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::backend::{auth, flash};
use axum::{
    body::{Body, Bytes},
    extract::{Request, State},
    http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::{IntoResponse, Response},
};

/// Whether the cache is on (`TAM_PAGE_CACHE`, on unless `off`).
pub fn enabled() -> bool {
    std::env::var("TAM_PAGE_CACHE").map_or(true, |v| v != "off")
}

/// How old a visitor's page may be.
pub const TTL: Duration = Duration::from_secs(2);
/// Enough for the lists people page through.
const MAX_ENTRIES: usize = 2048;
/// The most the entries may hold together.
const MAX_BYTES: usize = 48 * 1024 * 1024;
/// A page larger than this is not kept (and is answered as rendered).
const MAX_BODY: usize = 512 * 1024;

#[derive(Clone, Default)]
pub struct PageCache {
    entries: Arc<Mutex<Entries>>,
    /// One render at a time per page: when an entry expires under load, the requests that find
    /// it so wait for one render instead of all rendering the same page at once.
    flights: Arc<Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>>,
}

#[derive(Default)]
struct Entries {
    map: HashMap<String, Entry>,
    bytes: usize,
}

struct Entry {
    made: Instant,
    headers: HeaderMap,
    /// The body cut where its nonce stood (one more piece than nonces).
    pieces: Vec<Bytes>,
    /// The Content-Security-Policy header, likewise cut.
    policy: Option<(String, String)>,
    size: usize,
}

impl Entries {
    /// Room for `size` more bytes: expired entries go first; a cache still full of fresh
    /// entries keeps them (the new page is served as rendered).
    fn make_room(&mut self, size: usize) -> bool {
        if self.map.len() < MAX_ENTRIES && self.bytes + size <= MAX_BYTES {
            return true;
        }
        self.map.retain(|_, e| e.made.elapsed() < TTL);
        self.bytes = self.map.values().map(|e| e.size).sum();
        self.map.len() < MAX_ENTRIES && self.bytes + size <= MAX_BYTES
    }
}

/// Whether a request may be answered from the cache: a visitor's GET of a public page.
fn cacheable(req: &Request, secure: bool) -> bool {
    if req.method() != Method::GET {
        return false;
    }
    let path = req.uri().path();
    let public = path == "/"
        || path == "/opportunities"
        || path.starts_with("/opportunities/")
        || path.starts_with("/organizations/");
    if !public {
        return false;
    }
    let session = auth::cookie_name(auth::SESSION_COOKIE, secure);
    !req.headers().get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).any(|c| {
        c.contains(flash::FLASH_COOKIE)
            || c.contains(auth::LOGIN_STEP_COOKIE)
            || c.contains(auth::SESSION_COOKIE)
            || c.contains(&session)
    })
}

/// What makes two visitors get the same page: the address, the language it is rendered in and
/// the digits it is written in, read from the same headers as the render reads them.
fn key(req: &Request) -> String {
    let h = |name: header::HeaderName| req.headers().get(name).and_then(|v| v.to_str().ok());
    let lang = app::i18n::negotiate(h(header::COOKIE), h(header::ACCEPT_LANGUAGE));
    let digits = app::i18n::Digits::from_cookies(h(header::COOKIE));
    format!("{}\u{1f}{}\u{1f}{}", lang.code(), digits.code(), req.uri().path_and_query().map_or("", |p| p.as_str()))
}

/// The nonce a page was rendered with, from its Content-Security-Policy header.
fn nonce_of(headers: &HeaderMap) -> Option<String> {
    let policy = headers.get(header::CONTENT_SECURITY_POLICY)?.to_str().ok()?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let len = policy[start..].find('\'')?;
    Some(policy[start..start + len].to_string()).filter(|n| n.len() >= 16)
}

/// `body` cut at every occurrence of `nonce`.
fn cut(body: &Bytes, nonce: &[u8]) -> Vec<Bytes> {
    let mut pieces = Vec::new();
    let mut from = 0;
    for at in memchr::memmem::find_iter(body, nonce) {
        pieces.push(body.slice(from..at));
        from = at + nonce.len();
    }
    pieces.push(body.slice(from..));
    pieces
}

impl Entry {
    fn new(headers: HeaderMap, body: Bytes) -> Entry {
        let size = body.len();
        let Some(nonce) = nonce_of(&headers) else {
            return Entry { made: Instant::now(), headers, pieces: vec![body], policy: None, size };
        };
        let policy = headers.get(header::CONTENT_SECURITY_POLICY).and_then(|v| v.to_str().ok()).and_then(|p| {
            let (before, after) = p.split_once(nonce.as_str())?;
            Some((before.to_string(), after.to_string()))
        });
        Entry { made: Instant::now(), pieces: cut(&body, nonce.as_bytes()), headers, policy, size }
    }

    /// The page for one visitor, with a nonce of its own.
    fn answer(&self) -> Response {
        let mut headers = self.headers.clone();
        let body = match &self.policy {
            None => Body::from(self.pieces.concat()),
            Some((before, after)) => {
                let nonce = app::backend::services::tokens::random_secret();
                if let Ok(v) = HeaderValue::from_str(&format!("{before}{nonce}{after}")) {
                    headers.insert(header::CONTENT_SECURITY_POLICY, v);
                }
                let mut out = Vec::with_capacity(self.size + self.pieces.len() * nonce.len());
                for (i, piece) in self.pieces.iter().enumerate() {
                    if i > 0 {
                        out.extend_from_slice(nonce.as_bytes());
                    }
                    out.extend_from_slice(piece);
                }
                Body::from(out)
            }
        };
        headers.remove(header::CONTENT_LENGTH);
        headers.insert(HeaderName::from_static("x-tam-cache"), HeaderValue::from_static("hit"));
        let mut res = Response::new(body);
        *res.headers_mut() = headers;
        res
    }
}

pub async fn serve(State((cache, secure)): State<(PageCache, bool)>, req: Request, next: Next) -> Response {
    if !cacheable(&req, secure) {
        return next.run(req).await;
    }
    let key = key(&req);
    let lookup = || {
        cache.entries.lock().ok().and_then(|m| m.map.get(&key).filter(|e| e.made.elapsed() < TTL).map(Entry::answer))
    };
    if let Some(res) = lookup() {
        return res;
    }
    let flight = cache.flights.lock().ok().map(|mut f| {
        if f.len() > MAX_ENTRIES {
            f.retain(|_, m| Arc::strong_count(m) > 1);
        }
        f.entry(key.clone()).or_default().clone()
    });
    let _flight = match flight {
        Some(flight) => Some(flight.lock_owned().await),
        None => None,
    };
    // Whoever rendered while this request waited may have left a fresh entry.
    if let Some(res) = lookup() {
        return res;
    }
    let res = next.run(req).await;
    if res.status() != StatusCode::OK || res.headers().contains_key(header::SET_COOKIE) {
        return res;
    }
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
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if bytes.len() <= MAX_BODY {
        if let Ok(mut m) = cache.entries.lock() {
            if m.make_room(bytes.len()) {
                let entry = Entry::new(parts.headers.clone(), bytes.clone());
                m.bytes += entry.size;
                if let Some(old) = m.map.insert(key, entry) {
                    m.bytes -= old.size;
                }
            }
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_answer_gets_its_own_nonce() {
        let mut headers = HeaderMap::new();
        let old = "AAAAAAAAAAAAAAAAAAAAAA";
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_str(&format!("script-src 'self' 'nonce-{old}'; object-src 'none'")).unwrap(),
        );
        let body = Bytes::from(format!("<script nonce=\"{old}\">1</script><p>x</p><script nonce=\"{old}\">2</script>"));
        let entry = Entry::new(headers, body);
        assert_eq!(entry.pieces.len(), 3);
        let nonces: Vec<(String, String)> = (0..2)
            .map(|_| {
                let res = entry.answer();
                let policy = res.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_string();
                let nonce = nonce_of(res.headers()).unwrap();
                (nonce, policy)
            })
            .collect();
        assert_ne!(nonces[0].0, nonces[1].0, "two visitors, two nonces");
        for (nonce, policy) in &nonces {
            assert_ne!(nonce, old);
            assert_eq!(policy, &format!("script-src 'self' 'nonce-{nonce}'; object-src 'none'"));
        }
    }

    #[test]
    fn the_key_is_the_language_the_page_is_rendered_in() {
        let req = |cookie: Option<&str>, accept: Option<&str>| {
            let mut b = Request::builder().uri("/opportunities?cause=health");
            if let Some(c) = cookie {
                b = b.header(header::COOKIE, c);
            }
            if let Some(a) = accept {
                b = b.header(header::ACCEPT_LANGUAGE, a);
            }
            b.body(Body::empty()).unwrap()
        };
        // The cookie wins over the header; a header's best language counts, not its spelling.
        assert_eq!(key(&req(Some("lang=en"), Some("ar"))), key(&req(None, Some("en-GB,en;q=0.9"))));
        assert_eq!(key(&req(None, None)), key(&req(None, Some("ar-QA"))));
        assert_eq!(key(&req(None, Some("fr, ar;q=0.5"))), key(&req(Some("lang=ar"), None)));
        assert_ne!(key(&req(None, Some("en"))), key(&req(None, Some("ar"))));
        // A reader who chose Arabic-Indic digits gets a page written in them, not a neighbour's.
        assert_ne!(key(&req(Some("digits=arab"), None)), key(&req(None, None)));
        assert_eq!(key(&req(Some("digits=latn"), None)), key(&req(None, None)));
    }

    #[test]
    fn only_visitors_pages_are_kept() {
        let req = |path: &str, cookie: Option<&str>| {
            let mut b = Request::builder().uri(path);
            if let Some(c) = cookie {
                b = b.header(header::COOKIE, c);
            }
            b.body(Body::empty()).unwrap()
        };
        assert!(cacheable(&req("/opportunities", None), false));
        assert!(cacheable(&req("/opportunities/7", Some("lang=en")), false));
        assert!(!cacheable(&req("/opportunities", Some("tam_session=abc")), false));
        assert!(!cacheable(&req("/opportunities", Some("lang=en; __Host-tam_session=abc")), true));
        assert!(!cacheable(&req("/me", None), false));
        assert!(!cacheable(&req("/org/applications", None), false));
    }
}
