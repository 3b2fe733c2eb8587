//! The Tam server: configuration, the axum router (Leptos pages, server functions, health, static
//! files) and the guards every request passes through.

use std::net::SocketAddr;

pub mod live;
pub mod page_cache;

use app::backend::{self, AppContext};
use app::{shell, App};
use axum::{
    body::Body,
    extract::{FromRef, Request, State},
    http::{header, HeaderName, HeaderValue, Method, StatusCode},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, handle_server_fns_with_context, LeptosRoutes};
use tower_http::{compression::CompressionLayer, set_header::SetResponseHeaderLayer, trace::TraceLayer};

/// Settings read from the environment; every one has a default that works on a laptop.
#[derive(Clone, Debug)]
pub struct Config {
    pub database_url: String,
    pub addr: SocketAddr,
    /// Where `cargo leptos build` put the site (`pkg/`, fonts, icons).
    pub site_root: String,
    /// The address people use (`TAM_PUBLIC_URL`): `https://…` in production, where Tam may sit
    /// behind a proxy that ends TLS; plain `http://` only on a loopback address, for development.
    pub public_url: String,
    /// `TAM_TRUSTED_PROXY`: the reverse proxy whose `X-Forwarded-For` names the client.
    pub trusted_proxy: Option<std::net::IpAddr>,
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let addr = var("TAM_ADDR").or_else(|| var("LEPTOS_SITE_ADDR")).unwrap_or_else(|| "127.0.0.1:3000".into());
        let addr: SocketAddr = addr.parse().map_err(|e| format!("TAM_ADDR {addr:?}: {e}"))?;
        let public_url = var("TAM_PUBLIC_URL").unwrap_or_else(|| format!("http://{addr}"));
        check_public_url(&public_url)?;
        Ok(Config {
            database_url: var("DATABASE_URL").unwrap_or_else(|| "sqlite://data/tam.db?mode=rwc".into()),
            addr,
            site_root: var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            public_url,
            trusted_proxy: var("TAM_TRUSTED_PROXY")
                .map(|p| p.parse().map_err(|e| format!("TAM_TRUSTED_PROXY {p:?}: {e}")))
                .transpose()?,
        })
    }

    /// Served over HTTPS: `__Host-` cookies, `Secure`, HSTS.
    pub fn https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// Whether people reach Tam on this machine only (the demo's public passwords are safe there).
    pub fn is_loopback(&self) -> bool {
        is_loopback_url(&self.public_url)
    }

    pub fn leptos_options(&self) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("tam")
            .site_root(self.site_root.as_str())
            .site_pkg_dir("pkg")
            .site_addr(self.addr)
            .hash_files(hashed_build())
            .reload_port(std::env::var("LEPTOS_RELOAD_PORT").ok().and_then(|p| p.parse().ok()).unwrap_or(3001))
            .build()
    }
}

fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.rsplit_once(':').map_or(authority, |(h, _)| h),
    }
}

fn is_loopback_url(url: &str) -> bool {
    let host = host_of(url);
    host.eq_ignore_ascii_case("localhost") || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// `https://…`, or `http://` on a loopback address: cookies and passwords never cross a network
/// in the clear.
fn check_public_url(url: &str) -> Result<(), String> {
    if url.starts_with("https://") || (url.starts_with("http://") && is_loopback_url(url)) {
        Ok(())
    } else {
        Err(format!(
            "TAM_PUBLIC_URL {url:?}: Tam is served over https:// (plain http:// only on a loopback address, for development)"
        ))
    }
}

/// Whether the site was built with content-hashed file names (`LEPTOS_HASH_FILES=true cargo leptos
/// build --release`): cargo-leptos then writes `hash.txt` beside the binary, and Leptos reads the
/// names from it. Decided by that file, so a build without it (tests, `cargo leptos watch`) works.
fn hashed_build() -> bool {
    let file = std::env::current_exe().ok().and_then(|p| p.parent().map(|d| d.join("hash.txt")));
    std::env::var("LEPTOS_HASH_FILES").map_or(true, |v| v != "false") && file.is_some_and(|f| f.exists())
}

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub ctx: AppContext,
}

/// The whole application as one router.
pub fn router(ctx: AppContext, leptos_options: LeptosOptions) -> Router {
    // Over HTTPS, browsers are told to use nothing else for a year.
    let https = ctx.secure_cookies;
    let routes = generate_route_list(App);
    let state = AppState { leptos_options: leptos_options.clone(), ctx: ctx.clone() };
    let page_ctx = ctx.clone();
    let ctx_for_api = ctx.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route("/events", get(live::stream))
        .route("/me/calendar.ics", get(live::calendar))
        .route("/api/{*fn_name}", post(server_fn_handler))
        .leptos_routes_with_context(&state, routes, move || backend::provide_request_context(&page_ctx), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            move || backend::provide_request_context(&ctx),
            shell,
        ))
        .layer(middleware::from_fn_with_state(ctx_for_api, api_requests))
        .layer(middleware::from_fn(same_origin_mutations))
        .layer(middleware::from_fn(cache_control))
        // Inside compression: the cache keeps pages as rendered, to give each its own nonce.
        .layer(tower::util::option_layer(
            page_cache::enabled()
                .then(|| middleware::from_fn_with_state((page_cache::PageCache::default(), https), page_cache::serve)),
        ))
        // gzip only for what is compressed per answer: at its default level, Brotli made pages no
        // smaller (a queue page of 89 KB: 8,520 bytes against gzip's 8,430; /me 5,647 against
        // 5,672) and cost four times the CPU: 0.75 ms of a /me's 3.97 ms under the crowd
        // benchmark, against gzip's 0.19 ms. The site's own files are sent precompressed, in
        // Brotli at its best, by the file service.
        .layer(CompressionLayer::new().no_br())
        .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(security_header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(security_header(header::REFERRER_POLICY, "strict-origin-when-cross-origin"))
        .layer(security_header(
            header::CONTENT_SECURITY_POLICY,
            "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'",
        ))
        .layer(security_header(
            HeaderName::from_static("permissions-policy"),
            "camera=(), microphone=(), geolocation=()",
        ))
        .layer(tower::util::option_layer(
            https.then(|| security_header(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000")),
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// The largest request body a server function accepts; larger ones get 413.
pub const API_BODY_LIMIT: usize = 64 * 1024;
/// The largest answer of a server function a plain post is given (a download: an export).
const API_ANSWER_LIMIT: usize = 64 * 1024 * 1024;

/// Server functions not registered by Leptos (an unknown name) get its 400 answer.
async fn server_fn_handler(State(state): State<AppState>, req: Request<Body>) -> Response {
    let ctx = state.ctx.clone();
    handle_server_fns_with_context(move || backend::provide_request_context(&ctx), req).await.into_response()
}

/// Every server function call passes here (Leptos routes each one itself): the body is read with a
/// limit (413 beyond it), and a plain form post is answered as a browser can follow.
async fn api_requests(State(ctx): State<AppContext>, req: Request, next: Next) -> Response {
    if !req.uri().path().starts_with("/api/") {
        return next.run(req).await;
    }
    let plain = req.method() == Method::POST && is_plain_form_post(req.headers());
    let (mut parts, body) = req.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, API_BODY_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    if !plain {
        return next.run(Request::from_parts(parts, Body::from(bytes))).await;
    }

    // A form the browser posted by itself (no JavaScript, or before the WASM arrived): the server
    // function runs as for any caller, then post/redirect/get. Success goes on to the form's `next`
    // field (a local path) or back to the page; a refusal goes back to the page with the error and
    // what was typed in a flash cookie, which that page's form shows next to each field.
    let fields: Vec<(String, String)> = form_urlencoded::parse(&bytes).into_owned().collect();
    let action = parts.uri.path().to_string();
    let back = referer_path(&parts.headers).unwrap_or_else(|| "/".to_string());
    let next_page =
        fields.iter().find(|(k, _)| k == "next").and_then(|(_, v)| app::model::local_path(v)).map(str::to_string);
    parts.headers.insert(header::ACCEPT, HeaderValue::from_static("application/json"));
    parts.headers.remove(header::REFERER);
    let res = next.run(Request::from_parts(parts, Body::from(bytes))).await;

    let (res_parts, res_body) = res.into_parts();
    let mut cookies: Vec<HeaderValue> = res_parts.headers.get_all(header::SET_COOKIE).iter().cloned().collect();
    let body = axum::body::to_bytes(res_body, API_ANSWER_LIMIT).await.unwrap_or_default();
    // A download (an export) is handed to the browser as the file itself.
    if let Some(file) = res_parts.status.is_success().then(|| app::model::Download::from_response(&body)).flatten() {
        return download(file, cookies);
    }
    let location = if res_parts.status.is_success() {
        // A step the server asks for first (the code of a two-step login) comes before `next`.
        app::model::go_from_response(&body).or(next_page).unwrap_or(back)
    } else {
        let error = serde_json::from_slice::<app::model::AppError>(&body).unwrap_or(app::model::AppError::Internal);
        let flash = app::backend::flash::Flash::new(&action, error, fields);
        if let Ok(v) = HeaderValue::from_str(&flash.cookie(ctx.secure_cookies)) {
            cookies.push(v);
        }
        back
    };
    let mut out = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(&location) {
        out.headers_mut().insert(header::LOCATION, v);
    }
    for c in cookies {
        out.headers_mut().append(header::SET_COOKIE, c);
    }
    out
}

fn download(file: app::model::DownloadFile, cookies: Vec<HeaderValue>) -> Response {
    let mut out = file.body.into_response();
    let headers = out.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&file.content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    // The name is ours (ASCII letters, digits, dashes and a dot), never typed by anyone.
    let name: String =
        file.filename.chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')).collect();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    for c in cookies {
        headers.append(header::SET_COOKIE, c);
    }
    out
}

/// A form the browser posted by itself (it asks for a page), as opposed to a form island's `fetch`,
/// which asks for JSON. All such posts are answered here, never by Leptos's own redirect to the
/// `Referer`, which would follow a referer from anywhere.
fn is_plain_form_post(headers: &axum::http::HeaderMap) -> bool {
    headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("text/html"))
}

/// The local path of the page a request came from, when it came from this site.
fn referer_path(headers: &axum::http::HeaderMap) -> Option<String> {
    let referer = headers.get(header::REFERER)?.to_str().ok()?;
    let host = headers.get(header::HOST)?.to_str().ok()?;
    let rest = referer.split_once("://")?.1;
    let path = rest.strip_prefix(host).filter(|p| p.starts_with('/') || p.is_empty())?;
    let path = if path.is_empty() { "/" } else { path };
    app::model::local_path(path).map(str::to_string)
}

/// How long browsers and proxies may keep each answer:
/// - content-hashed assets (`/pkg/tam.<hash>.wasm`, `/fonts/….<hash>.woff2`): a year, immutable;
/// - server functions, and pages rendered for a logged-in user or a form's flash: never stored;
/// - other pages: stored, but checked with the server before each use (`no-cache`);
/// - anything else (unhashed files, as under `cargo leptos watch`): `no-cache` as well.
async fn cache_control(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let personal = req
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|c| c.contains(backend::auth::SESSION_COOKIE) || c.contains(backend::flash::FLASH_COOKIE));
    let mut res = next.run(req).await;
    let headers = res.headers();
    if headers.contains_key(header::CACHE_CONTROL) {
        return res;
    }
    let is_html =
        headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|t| t.starts_with("text/html"));
    let sets_cookie = headers.contains_key(header::SET_COOKIE);
    let (value, vary) = if path.starts_with("/api/") || path == "/healthz" {
        ("no-store", None)
    } else if is_html {
        let value = if personal || sets_cookie { "no-store" } else { "no-cache" };
        (value, Some("cookie, accept-language"))
    } else if res.status().is_success() && is_content_hashed(&path) {
        ("public, max-age=31536000, immutable", Some("accept-encoding"))
    } else {
        ("no-cache", Some("accept-encoding"))
    };
    let headers = res.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    if let Some(vary) = vary {
        if !headers.contains_key(header::VARY) {
            headers.insert(header::VARY, HeaderValue::from_static(vary));
        }
    }
    res
}

/// `name.<hash>.ext`, where the hash is cargo-leptos's (22 base64url characters) or ours (10 hex
/// digits, `public/`): such a file never changes under its name.
fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3
        && parts[1..parts.len() - 1]
            .iter()
            .any(|p| p.len() >= 10 && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
}

/// 200 while the database answers, 503 when it does not (for load balancers and monitors).
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if backend::ping(&state.ctx.db).await {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}

/// Refuses state-changing requests sent by another site (CSRF): browsers tell us where a request
/// comes from in `Sec-Fetch-Site` and `Origin`. Requests without either (curl, scripts) carry no
/// ambient browser credentials to abuse and pass.
async fn same_origin_mutations(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !is_same_origin(req.headers()) {
        tracing::warn!(method = %req.method(), path = %req.uri().path(), "cross-origin mutation refused");
        return (StatusCode::FORBIDDEN, "cross-origin request refused").into_response();
    }
    next.run(req).await
}

pub(crate) fn is_same_origin(headers: &axum::http::HeaderMap) -> bool {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = get("sec-fetch-site") {
        if site != "same-origin" && site != "none" {
            return false;
        }
    }
    match get("origin") {
        None => true,
        Some(origin) => {
            let host = get("x-forwarded-host").or_else(|| get("host"));
            let origin_host = origin.split_once("://").map(|(_, rest)| rest.trim_end_matches('/'));
            matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
        }
    }
}

/// How long a client may take: to send a request's headers (a client that sends half a request is
/// dropped), and to send the rest and get its answer (408 after that).
#[derive(Clone, Copy, Debug)]
pub struct Timeouts {
    pub headers: std::time::Duration,
    pub request: std::time::Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts { headers: std::time::Duration::from_secs(30), request: std::time::Duration::from_secs(30) }
    }
}

/// Serves the router on the listener until `shutdown` completes, then lets in-flight requests
/// finish. Unlike `axum::serve`, hyper gets a timer here, so that a client that sends its headers
/// slowly (or never) is dropped after `timeouts.headers`; each request also carries the client's
/// socket address (`ConnectInfo`).
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    timeouts: Timeouts,
    shutdown: impl std::future::Future<Output = ()>,
) {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    use hyper_util::server::conn::auto::Builder;
    use hyper_util::service::TowerToHyperService;
    use tower::ServiceExt;

    let router = router
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeouts.request));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder.http1().timer(TokioTimer::new()).header_read_timeout(timeouts.headers);
    builder.http2().timer(TokioTimer::new());
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let service = router.clone().map_request(move |req: Request<hyper::body::Incoming>| {
            let mut req = req.map(Body::new);
            req.extensions_mut().insert(axum::extract::ConnectInfo(remote));
            req
        });
        let connection = builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service)).into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    // Live streams never end by themselves.
    app::backend::services::events::close_streams();
    graceful.shutdown().await;
}

/// Waits for Ctrl-C or SIGTERM, then lets in-flight requests finish.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}

#[cfg(test)]
mod tests {
    use super::{check_public_url, is_content_hashed, is_same_origin, referer_path};

    #[test]
    fn plain_http_only_on_loopback() {
        for ok in [
            "https://tam.qa",
            "https://tam.qa:8443/",
            "http://127.0.0.1:3000",
            "http://localhost:3000",
            "http://[::1]:3000",
        ] {
            assert!(check_public_url(ok).is_ok(), "{ok}");
        }
        for bad in ["http://tam.qa", "http://10.0.0.5:3000", "http://127.0.0.1.evil.example", "ftp://tam.qa", "tam.qa"]
        {
            assert!(check_public_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn content_hashed_names() {
        assert!(is_content_hashed("/pkg/tam.Ab3_-x9ZqR2mKp0LwE7tYg.wasm"));
        assert!(is_content_hashed("/fonts/ibm-plex-sans-arabic-arabic-400-normal.6010e7fd0d.woff2"));
        assert!(is_content_hashed("/favicon.a46c0f7d82.svg"));
        assert!(!is_content_hashed("/pkg/tam.wasm"));
        assert!(!is_content_hashed("/fonts/IBM-Plex-Sans-Arabic-OFL.txt"));
        assert!(!is_content_hashed("/jquery.min.js"));
        assert!(!is_content_hashed("/login"));
    }

    #[test]
    fn referer_path_is_only_taken_from_this_site() {
        let h = |referer: &'static str| headers(&[("host", "tam.qa"), ("referer", referer)]);
        assert_eq!(referer_path(&h("https://tam.qa/login?next=%2Fme")).as_deref(), Some("/login?next=%2Fme"));
        assert_eq!(referer_path(&h("https://tam.qa")).as_deref(), Some("/"));
        assert_eq!(referer_path(&h("https://evil.example/login")), None);
        assert_eq!(referer_path(&h("https://tam.qa.evil.example/login")), None);
        assert_eq!(referer_path(&h("https://tam.qa//evil.example")), None);
    }
    use axum::http::HeaderMap;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn same_origin_checks() {
        assert!(is_same_origin(&headers(&[])));
        assert!(is_same_origin(&headers(&[("host", "tam.qa"), ("origin", "https://tam.qa")])));
        assert!(is_same_origin(&headers(&[
            ("sec-fetch-site", "same-origin"),
            ("host", "a:3000"),
            ("origin", "http://a:3000")
        ])));
        assert!(!is_same_origin(&headers(&[("host", "tam.qa"), ("origin", "https://evil.example")])));
        assert!(!is_same_origin(&headers(&[("host", "tam.qa"), ("origin", "null")])));
        assert!(!is_same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!is_same_origin(&headers(&[
            ("sec-fetch-site", "same-site"),
            ("host", "tam.qa"),
            ("origin", "https://tam.qa")
        ])));
    }
}
