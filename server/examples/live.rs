//! Approve → the volunteer's open page hears it, with 1,000 live streams open. Against a running
//! server (BASE, e.g. http://127.0.0.1:3900) on the seeded database (DATABASE_URL), as
//! `bench/load.sh` starts them: makes a 1,000-seat shift in the benchmark organization, has 1,000
//! generated adults apply, opens one stream per volunteer with a session of theirs, then approves
//! APPROVALS of them (200 by default) one after another through the coordinator's HTTP API and
//! times each from the request to the event on that volunteer's stream. Prints p50/p95/p99/max.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use app::backend::bulk_seed::BENCH_COORDINATOR;
use app::backend::entities::{coordinator, user, volunteer_profile};
use app::backend::services::{self, applications, opportunities, sessions};
use futures::StreamExt;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

const STREAMS: usize = 1000;

#[tokio::main]
async fn main() {
    let base = std::env::var("BASE").expect("BASE: the running server");
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL: its database");
    let approvals: usize = std::env::var("APPROVALS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let db = app::backend::connect(&url).await.expect("open the database");
    let c = user::Entity::find().filter(user::Column::Email.eq(BENCH_COORDINATOR)).one(&db).await.unwrap().unwrap();
    let org = coordinator::Entity::find_by_id(c.id).one(&db).await.unwrap().unwrap().organization_id;

    // A 1,000-seat shift and 1,000 adults who applied to it.
    let details = opportunities::OpportunityInput {
        title_ar: "فعالية وطنية كبرى".into(),
        title_en: "A national event".into(),
        cause: "community".into(),
        municipality: "doha".into(),
        place: "الدوحة".into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    let at = services::now() + chrono::Duration::days(120);
    let o = opportunities::create(&db, org, c.id, &details, &[(at, at + chrono::Duration::hours(4), STREAMS as i32)])
        .await
        .unwrap();
    opportunities::set_status(&db, org, o.id, opportunities::PUBLISHED).await.unwrap();
    let shift = opportunities::detail(&db, o.id, None, services::now()).await.unwrap().shifts[0].id;
    let born_before = services::today() - chrono::Duration::days(365 * 20);
    let people: Vec<i32> = volunteer_profile::Entity::find()
        .filter(volunteer_profile::Column::BirthDate.lt(born_before))
        .select_only()
        .column(volunteer_profile::Column::UserId)
        .limit(STREAMS as u64 * 2)
        .into_tuple()
        .all(&db)
        .await
        .unwrap();
    let mut volunteers = Vec::new(); // (user, application, session token)
    for p in people {
        if volunteers.len() == STREAMS {
            break;
        }
        let Ok(a) = applications::apply(&db, p, shift, "", services::now()).await else { continue };
        let token = sessions::create(&db, p, Some("bench"), None).await.unwrap();
        volunteers.push((p, a.id, token));
    }
    assert_eq!(volunteers.len(), STREAMS, "not enough adult volunteers in the database");
    let coordinator_token = sessions::create(&db, c.id, Some("bench"), None).await.unwrap();

    // One stream per volunteer; every event reports (application, when it arrived).
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(i64, Instant)>();
    let (open_tx, mut open_rx) = tokio::sync::mpsc::unbounded_channel::<()>();
    let client = reqwest::Client::builder().pool_max_idle_per_host(0).build().unwrap();
    let opened = Instant::now();
    for (_, _, token) in &volunteers {
        let (client, base, token, tx, open_tx) =
            (client.clone(), base.clone(), token.clone(), tx.clone(), open_tx.clone());
        tokio::spawn(async move {
            let res = client
                .get(format!("{base}/events"))
                .header("cookie", format!("tam_session={token}"))
                .send()
                .await
                .expect("open a stream");
            assert_eq!(res.status(), 200);
            let _ = open_tx.send(());
            let mut body = res.bytes_stream();
            let mut buf = String::new();
            while let Some(Ok(chunk)) = body.next().await {
                let now = Instant::now();
                buf.push_str(&String::from_utf8_lossy(&chunk));
                while let Some(end) = buf.find("\n\n") {
                    let block: String = buf.drain(..end + 2).collect();
                    if let Some(data) = block.lines().find_map(|l| l.strip_prefix("data:")) {
                        if let Ok(v) = serde_json::from_str::<serde_json::Value>(data.trim()) {
                            if let Some(id) = v["application"].as_i64() {
                                let _ = tx.send((id, now));
                            }
                        }
                    }
                }
            }
        });
    }
    for _ in 0..STREAMS {
        open_rx.recv().await.unwrap();
    }
    println!("{STREAMS} streams open in {:.1} s", opened.elapsed().as_secs_f64());
    tokio::time::sleep(Duration::from_secs(1)).await;

    let http = reqwest::Client::new();
    let mut seen = Vec::new();
    let mut posts = Vec::new();
    let mut early: HashMap<i64, Instant> = HashMap::new();
    for (_, application, _) in volunteers.iter().take(approvals) {
        let t0 = Instant::now();
        let res = http
            .post(format!("{base}/api/decide_application"))
            .header("cookie", format!("tam_session={coordinator_token}"))
            .header("accept", "application/json")
            .form(&[("application_id", application.to_string().as_str()), ("decision", "approve")])
            .send()
            .await
            .unwrap();
        assert!(res.status().is_success(), "approve: {}", res.status());
        posts.push(t0.elapsed());
        let want = i64::from(*application);
        let arrived = loop {
            if let Some(at) = early.remove(&want) {
                break at;
            }
            let (id, at) = tokio::time::timeout(Duration::from_secs(10), rx.recv()).await.expect("the event").unwrap();
            if id == want {
                break at;
            }
            early.insert(id, at);
        };
        seen.push(arrived.saturating_duration_since(t0));
    }
    let pct = |v: &mut Vec<Duration>, p: f64| {
        v.sort_unstable();
        v[((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1].as_secs_f64() * 1000.0
    };
    println!("| {approvals} approvals, {STREAMS} streams open | p50 | p95 | p99 | max |");
    println!("|---|---|---|---|---|");
    println!(
        "| approve → event on the volunteer's stream | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms |",
        pct(&mut seen, 0.5),
        pct(&mut seen, 0.95),
        pct(&mut seen, 0.99),
        pct(&mut seen, 1.0)
    );
    println!(
        "| the approval request itself | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} ms |",
        pct(&mut posts, 0.5),
        pct(&mut posts, 0.95),
        pct(&mut posts, 0.99),
        pct(&mut posts, 1.0)
    );
}
