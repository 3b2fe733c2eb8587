//! `/events`: the live stream (server-sent events). Each open page that shows something others
//! can change (the coordinators' queue, a volunteer's applications, the bell) keeps one open.
//!
//! It authenticates like any request (the session cookie; 401 without one), refuses other origins
//! (403), and sends each user only the events about their own applications and their
//! organization's queue. Every event carries its id: a browser that reconnects sends the last one
//! it saw (`Last-Event-ID`), and gets what it missed from the event table. A page passes the id
//! it was rendered at (`?after=`), so nothing between the render and the connection is lost.
//! The session is checked again every minute and before each event: a logged-out or removed
//! user's stream ends. Watching does not count as activity (an idle staff session still ends).

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use app::backend::entities::event;
use app::backend::services::events::{self, Scope};
use app::backend::{auth, AppContext};
use axum::{
    extract::{Query, State},
    http::{header, HeaderMap, StatusCode},
    response::{
        sse::{Event, KeepAlive, Sse},
        IntoResponse, Response,
    },
};
use serde::Deserialize;
use tokio::sync::broadcast::{self, error::RecvError};

/// How often an open stream checks that its session still stands.
const RECHECK: Duration = Duration::from_secs(60);
/// Events read from the table at a time (resuming, or after falling behind).
const BACKLOG: u64 = 200;

#[derive(Deserialize)]
pub struct After {
    after: Option<i64>,
}

fn scope_of(user: &app::model::CurrentUser) -> Scope {
    // A coordinator past the grace period without two-step sign-in may not see the queue.
    let acting = user.mfa_due.is_none_or(|due| app::backend::services::now() < due);
    Scope {
        user_id: user.id,
        organization_id: user.coordinator_of.as_ref().filter(|_| acting).map(|o| o.id),
        everything: user.is_admin && user.mfa_enabled,
    }
}

pub async fn stream(State(ctx): State<AppContext>, Query(q): Query<After>, headers: HeaderMap) -> Response {
    if !crate::is_same_origin(&headers) {
        tracing::warn!(path = "/events", "cross-origin live stream refused");
        return (StatusCode::FORBIDDEN, "cross-origin request refused").into_response();
    }
    let name = auth::cookie_name(auth::SESSION_COOKIE, ctx.secure_cookies);
    let token = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|h| app::i18n::cookie_value(h, &name).map(str::to_owned));
    let user = match token.as_deref() {
        Some(t) => match auth::user_of_session(&ctx.db, t, false).await {
            Ok(u) => u,
            Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
        },
        None => None,
    };
    let (Some(user), Some(token)) = (user, token) else {
        return (StatusCode::UNAUTHORIZED, "log in to follow changes").into_response();
    };
    let resume = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<i64>().ok())
        .or(q.after)
        .filter(|id| *id >= 0);
    // Subscribed before the table is read, so that nothing falls between the two.
    let rx = ctx.bus.subscribe();
    let state = Stream {
        scope: scope_of(&user),
        seen: resume.unwrap_or_else(|| ctx.bus.cursor()),
        behind: resume.is_some(),
        pending: VecDeque::new(),
        rx,
        ctx,
        token,
        checked: tokio::time::Instant::now(),
        closing: events::closing(),
    };
    let stream = futures::stream::unfold(state, |mut s| async move {
        let e = s.next().await?;
        let data = serde_json::json!({ "kind": e.kind, "application": e.application_id }).to_string();
        Some((Ok::<_, std::convert::Infallible>(Event::default().id(e.id.to_string()).event("change").data(data)), s))
    });
    let mut res = Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response();
    res.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-store"));
    // Proxies that buffer (nginx) would hold events back.
    res.headers_mut().insert("x-accel-buffering", header::HeaderValue::from_static("no"));
    res
}

struct Stream {
    scope: Scope,
    /// The last event id sent (or skipped as not this user's).
    seen: i64,
    /// Events may be waiting in the table: read them before the broadcast.
    behind: bool,
    pending: VecDeque<event::Model>,
    rx: broadcast::Receiver<Arc<event::Model>>,
    ctx: AppContext,
    token: String,
    checked: tokio::time::Instant,
    closing: tokio::sync::watch::Receiver<bool>,
}

impl Stream {
    /// The next event to send; `None` ends the stream (logged out, shutting down, database gone).
    async fn next(&mut self) -> Option<event::Model> {
        loop {
            if let Some(e) = self.pending.pop_front() {
                // Before each event, the session again (once in a few seconds at most).
                if self.checked.elapsed() >= Duration::from_secs(5) && !self.recheck().await {
                    return None;
                }
                if self.scope.may_see(&e) {
                    return Some(e);
                }
                continue;
            }
            if self.behind {
                let batch = events::since(&self.ctx.db, self.scope, self.seen, BACKLOG).await.ok()?;
                self.behind = batch.len() as u64 == BACKLOG;
                if let Some(last) = batch.last() {
                    self.seen = last.id;
                }
                self.pending.extend(batch);
                continue;
            }
            tokio::select! {
                got = self.rx.recv() => match got {
                    Ok(e) if e.id > self.seen => {
                        self.seen = e.id;
                        if self.scope.may_see(&e) {
                            self.pending.push_back((*e).clone());
                        }
                    }
                    Ok(_) => {}
                    // Fell behind the broadcast: the table has everything.
                    Err(RecvError::Lagged(_)) => self.behind = true,
                    Err(RecvError::Closed) => return None,
                },
                () = tokio::time::sleep(RECHECK) => {
                    if !self.recheck().await {
                        return None;
                    }
                }
                _ = self.closing.changed() => return None,
            }
        }
    }

    /// Looks the session up again: ended or logged out ends the stream; a changed role changes
    /// what it may see.
    async fn recheck(&mut self) -> bool {
        match auth::user_of_session(&self.ctx.db, &self.token, false).await {
            Ok(Some(user)) => {
                self.scope = scope_of(&user);
                self.checked = tokio::time::Instant::now();
                true
            }
            _ => false,
        }
    }
}

#[derive(Deserialize)]
pub struct Token {
    token: Option<String>,
}

/// `/me/calendar.ics?token=…`: the volunteer's approved shifts for calendar apps (404 for an
/// unknown or replaced token).
pub async fn calendar(State(ctx): State<AppContext>, Query(q): Query<Token>) -> Response {
    use app::backend::services::calendar;
    match calendar::feed(&ctx.db, q.token.as_deref().unwrap_or_default(), &ctx.public_url).await {
        Ok(Some(body)) => (
            [
                (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
                (header::CACHE_CONTROL, "private, max-age=300"),
                (header::CONTENT_DISPOSITION, "inline; filename=\"tam.ics\""),
            ],
            body,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "calendar feed failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
