//! Two server processes on one PostgreSQL database: an event committed by one reaches the live
//! streams of the other through `LISTEN/NOTIFY` (the processes look at the table by themselves
//! only once an hour here, so nothing else could carry it in time). Also: resuming with
//! `Last-Event-ID` after a dropped connection loses nothing. And the visitors' page cache: a seat
//! taken through one process shows on the other's cached public page within the cache's lifetime.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use app::backend::entities::user;
use app::backend::{services, testing::TestDb};
use app::model::{Email, FullName, Password};
use futures::StreamExt;
use sea_orm::{ActiveModelTrait, ActiveValue::Set};

struct Server {
    child: Child,
    base: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn start(database_url: &str) -> Server {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let child = Command::new(env!("CARGO_BIN_EXE_tam"))
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("TAM_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", std::env::temp_dir())
        .env("TAM_EVENTS_POLL_MS", "3600000")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .spawn()
        .expect("start tam serve");
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    for _ in 0..200 {
        if client.get(format!("{base}/healthz")).send().await.is_ok_and(|r| r.status().is_success()) {
            return Server { child, base };
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("tam serve did not answer on {base}");
}

async fn person(t: &TestDb, mail: &str) -> user::Model {
    let u = services::accounts::register(
        &t.db,
        &FullName::parse("Person").unwrap(),
        &Email::parse(mail).unwrap(),
        &Password::parse("a long enough password").unwrap(),
        false,
    )
    .await
    .unwrap();
    let mut active: user::ActiveModel = u.clone().into();
    active.email_verified_at = Set(Some(services::now()));
    active.update(&t.db).await.unwrap();
    let p = services::profiles::ProfileInput {
        birth_date: "1995-01-01".into(),
        gender: "female".into(),
        ..Default::default()
    }
    .parse_with(services::today(), false)
    .unwrap();
    services::profiles::save(&t.db, u.id, &p).await.unwrap();
    u
}

/// Opens a live stream with the session's cookie; yields the `id` and `data` of each event.
async fn listen(base: &str, token: &str, last: Option<&str>) -> tokio::sync::mpsc::UnboundedReceiver<(String, String)> {
    let mut req = reqwest::Client::new().get(format!("{base}/events")).header("cookie", format!("tam_session={token}"));
    if let Some(id) = last {
        req = req.header("last-event-id", id);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/event-stream");
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let mut body = res.bytes_stream();
    tokio::spawn(async move {
        let mut buf = String::new();
        while let Some(Ok(chunk)) = body.next().await {
            buf.push_str(&String::from_utf8_lossy(&chunk));
            while let Some(end) = buf.find("\n\n") {
                let block: String = buf.drain(..end + 2).collect();
                let field = |name: &str| {
                    block.lines().find_map(|l| l.strip_prefix(name).map(|v| v.trim().to_string())).unwrap_or_default()
                };
                if block.contains("event: change") || block.contains("event:change") {
                    let _ = tx.send((field("id:"), field("data:")));
                }
            }
        }
    });
    rx
}

async fn next(rx: &mut tokio::sync::mpsc::UnboundedReceiver<(String, String)>) -> (String, String) {
    tokio::time::timeout(Duration::from_secs(10), rx.recv()).await.expect("an event within 10 s").expect("stream open")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_cross_processes_through_postgres() {
    let Ok(base_url) = std::env::var("TEST_POSTGRES_URL") else {
        panic!("TEST_POSTGRES_URL must name a PostgreSQL database for this test");
    };
    let t = TestDb::postgres().await;
    let schema = t.postgres_schema().unwrap().to_string();
    let sep = if base_url.contains('?') { '&' } else { '?' };
    let url = format!("{base_url}{sep}options=-c%20search_path%3D{schema}");

    // An organization with a coordinator, a published opportunity, a volunteer.
    let org = services::organizations::create(&t.db, "live", "جهة حية", "Live").await.unwrap();
    let c = person(&t, "coordinator@live.qa").await;
    services::accounts::make_coordinator(&t.db, c.id, org.id).await.unwrap();
    let v = person(&t, "volunteer@live.qa").await;
    let details = services::opportunities::OpportunityInput {
        title_ar: "فرصة حية".into(),
        cause: "relief".into(),
        municipality: "doha".into(),
        place: "الدوحة".into(),
        min_age: "16".into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    let at = services::now();
    let o = services::opportunities::create(
        &t.db,
        org.id,
        c.id,
        &details,
        &[(at + chrono::Duration::hours(72), at + chrono::Duration::hours(75), 3)],
    )
    .await
    .unwrap();
    services::opportunities::set_status(&t.db, org.id, o.id, services::opportunities::PUBLISHED).await.unwrap();
    let shift = services::opportunities::detail(&t.db, o.id, None, at).await.unwrap().shifts[0].id;
    let c_token = services::sessions::create(&t.db, c.id, None, None).await.unwrap();
    let v_token = services::sessions::create(&t.db, v.id, None, None).await.unwrap();

    let a = start(&url).await;
    let b = start(&url).await;
    let mut coordinator_on_a = listen(&a.base, &c_token, None).await;
    let mut volunteer_on_b = listen(&b.base, &v_token, None).await;
    let http = reqwest::Client::new();

    // The volunteer applies through B: the coordinator's stream on A hears it.
    let shift_box = format!("shifts[{shift}]");
    let res = http
        .post(format!("{}/api/apply", b.base))
        .header("cookie", format!("tam_session={v_token}"))
        .header("accept", "application/json")
        .form(&[("opportunity_id", o.id.to_string().as_str()), (shift_box.as_str(), "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let (submitted_id, data) = next(&mut coordinator_on_a).await;
    assert!(data.contains("application-submitted"), "{data}");
    let application: serde_json::Value = serde_json::from_str(&data).unwrap();
    let application = application["application"].as_i64().unwrap().to_string();
    // B's own stream for the volunteer heard it too.
    let (first_id, data) = next(&mut volunteer_on_b).await;
    assert_eq!((first_id.as_str(), data.contains("application-submitted")), (submitted_id.as_str(), true));

    // The coordinator approves through A: the volunteer's stream on B hears it.
    let res = http
        .post(format!("{}/api/decide_application", a.base))
        .header("cookie", format!("tam_session={c_token}"))
        .header("accept", "application/json")
        .form(&[("application_id", application.as_str()), ("decision", "approve")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let (decided_id, data) = next(&mut volunteer_on_b).await;
    assert!(data.contains("application-decided"), "{data}");
    assert!(decided_id.parse::<i64>().unwrap() > first_id.parse::<i64>().unwrap());

    // A dropped connection resumes after the last event it saw: the decision is sent again to a
    // stream that only saw the application, and nothing else of anyone's.
    drop(volunteer_on_b);
    let mut resumed = listen(&a.base, &v_token, Some(&first_id)).await;
    let (id, data) = next(&mut resumed).await;
    assert_eq!(id, decided_id);
    assert!(data.contains("application-decided"));
}

/// A visitor's page, in English, with whether it came from the cache, its seats line and nonce.
async fn visitor_page(base: &str, path: &str) -> (bool, String, String) {
    let res = reqwest::Client::new().get(format!("{base}{path}")).header("cookie", "lang=en").send().await.unwrap();
    assert_eq!(res.status(), 200);
    let hit = res.headers().get("x-tam-cache").is_some_and(|v| v == "hit");
    let policy = res.headers()["content-security-policy"].to_str().unwrap().to_string();
    let nonce = policy.split("'nonce-").nth(1).and_then(|r| r.split('\'').next()).unwrap_or_default().to_string();
    let body: String = res.text().await.unwrap().chars().filter(|c| !matches!(c, '\u{2068}' | '\u{2069}')).collect();
    assert!(body.contains(&format!("nonce=\"{nonce}\"")), "the page carries the header's nonce");
    let seats = body.split(" taken").next().and_then(|b| b.rsplit('>').next()).unwrap_or_default().to_string();
    (hit, seats, nonce)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn visitors_page_cache_is_bounded_across_processes() {
    let Ok(base_url) = std::env::var("TEST_POSTGRES_URL") else {
        panic!("TEST_POSTGRES_URL must name a PostgreSQL database for this test");
    };
    let t = TestDb::postgres().await;
    let schema = t.postgres_schema().unwrap().to_string();
    let sep = if base_url.contains('?') { '&' } else { '?' };
    let url = format!("{base_url}{sep}options=-c%20search_path%3D{schema}");
    let org = services::organizations::create(&t.db, "cache", "جهة", "Cache").await.unwrap();
    let c = person(&t, "coordinator@cache.qa").await;
    services::accounts::make_coordinator(&t.db, c.id, org.id).await.unwrap();
    let v = person(&t, "volunteer@cache.qa").await;
    let details = services::opportunities::OpportunityInput {
        title_ar: "فرصة".into(),
        title_en: "A cached opportunity".into(),
        cause: "relief".into(),
        municipality: "doha".into(),
        place: "الدوحة".into(),
        min_age: "16".into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    let at = services::now();
    let window = (at + chrono::Duration::hours(72), at + chrono::Duration::hours(75), 3);
    let o = services::opportunities::create(&t.db, org.id, c.id, &details, &[window]).await.unwrap();
    services::opportunities::set_status(&t.db, org.id, o.id, services::opportunities::PUBLISHED).await.unwrap();
    let shift = services::opportunities::detail(&t.db, o.id, None, at).await.unwrap().shifts[0].id;
    let application = services::applications::apply(&t.db, v.id, shift, "", at).await.unwrap();
    let c_token = services::sessions::create(&t.db, c.id, None, None).await.unwrap();

    let a = start(&url).await;
    let b = start(&url).await;
    let path = format!("/opportunities/{}", o.id);
    // Rendered once on B, then served from B's cache, each visitor with a nonce of their own.
    let (hit, seats, first_nonce) = visitor_page(&b.base, &path).await;
    assert_eq!((hit, seats.as_str()), (false, "0 of 3"));
    let (hit, seats, nonce) = visitor_page(&b.base, &path).await;
    assert_eq!((hit, seats.as_str()), (true, "0 of 3"));
    assert_ne!(nonce, first_nonce, "two visitors never share a nonce");
    // A visitor's refused post does not empty it.
    let refused = reqwest::Client::new()
        .post(format!("{}/api/login", b.base))
        .header("accept", "application/json")
        .form(&[("email", "nobody@cache.qa"), ("password", "not the password")])
        .send()
        .await
        .unwrap();
    assert!(refused.status().is_client_error());
    assert!(visitor_page(&b.base, &path).await.0, "still kept after a refused post");
    // Someone logged in gets the page rendered, never the visitors' copy.
    let own = reqwest::Client::new()
        .get(format!("{}{path}", b.base))
        .header("cookie", format!("tam_session={c_token}; lang=en"))
        .send()
        .await
        .unwrap();
    assert!(own.headers().get("x-tam-cache").is_none());

    // The seat is taken through A: B's visitors see it within the cache's lifetime.
    let res = reqwest::Client::new()
        .post(format!("{}/api/decide_application", a.base))
        .header("cookie", format!("tam_session={c_token}"))
        .header("accept", "application/json")
        .form(&[("application_id", application.id.to_string().as_str()), ("decision", "approve")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap());
    let taken = std::time::Instant::now();
    loop {
        let (_, seats, _) = visitor_page(&b.base, &path).await;
        if seats == "1 of 3" {
            break;
        }
        assert_eq!(seats, "0 of 3");
        assert!(taken.elapsed() < Duration::from_millis(2200), "B still hid the seat after the cache's lifetime");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
