//! The Tam server: configuration, the axum router (Leptos pages, server functions, health, static
//! files) and the guards every request passes through.

use std::net::SocketAddr;

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
    pub secure_cookies: bool,
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let addr = var("TAM_ADDR").or_else(|| var("LEPTOS_SITE_ADDR")).unwrap_or_else(|| "127.0.0.1:3000".into());
        Ok(Config {
            database_url: var("DATABASE_URL").unwrap_or_else(|| "sqlite://data/tam.db?mode=rwc".into()),
            addr: addr.parse().map_err(|e| format!("TAM_ADDR {addr:?}: {e}"))?,
            site_root: var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            secure_cookies: var("TAM_SECURE_COOKIES").is_some_and(|v| v == "1" || v == "true"),
        })
    }

    pub fn leptos_options(&self) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("tam")
            .site_root(self.site_root.as_str())
            .site_pkg_dir("pkg")
            .site_addr(self.addr)
            .build()
    }
}

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub ctx: AppContext,
}

/// The whole application as one router.
pub fn router(ctx: AppContext, leptos_options: LeptosOptions) -> Router {
    let routes = generate_route_list(App);
    let state = AppState { leptos_options: leptos_options.clone(), ctx: ctx.clone() };
    let page_ctx = ctx.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route("/api/{*fn_name}", post(server_fn_handler))
        .leptos_routes_with_context(&state, routes, move || backend::provide_request_context(&page_ctx), {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<AppState, _>(
            move || backend::provide_request_context(&ctx),
            shell,
        ))
        .layer(middleware::from_fn(same_origin_mutations))
        .layer(CompressionLayer::new())
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
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

fn security_header(name: HeaderName, value: &'static str) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

async fn server_fn_handler(State(state): State<AppState>, req: Request<Body>) -> impl IntoResponse {
    handle_server_fns_with_context(move || backend::provide_request_context(&state.ctx), req).await
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

fn is_same_origin(headers: &axum::http::HeaderMap) -> bool {
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
    use super::is_same_origin;
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
