//! The last seats, fought over: 50 volunteers apply and 10 coordinators approve the same 5-seat
//! shift at once, ROUNDS rounds (100 by default), on a fresh SQLite file and, when
//! TEST_POSTGRES_URL names a database, on PostgreSQL. Counts the approvals of each round (must be
//! exactly 5), every other refusal by kind, and any "database is locked". Prints one table; run
//! by `bench/load.sh` (an example, not a bench: it reuses the release build). Never fails on time.

use std::sync::Arc;
use std::time::Instant;

use app::backend::services::applications::{self, Decision};
use app::backend::services::{self, opportunities};
use app::backend::testing::TestDb;
use app::model::{AppError, Email, FullName, Password};

async fn person(db: &sea_orm::DatabaseConnection, mail: &str) -> i32 {
    let u = services::accounts::register(
        db,
        &FullName::parse("Volunteer").unwrap(),
        &Email::parse(mail).unwrap(),
        &Password::parse("a long enough password").unwrap(),
        false,
    )
    .await
    .unwrap();
    let p = services::profiles::ProfileInput {
        birth_date: "1995-01-01".into(),
        gender: "female".into(),
        ..Default::default()
    }
    .parse_with(services::today(), false)
    .unwrap();
    services::profiles::save(db, u.id, &p).await.unwrap();
    u.id
}

struct Outcome {
    rounds: usize,
    exact: usize,
    locked: usize,
    other_errors: usize,
    millis: Vec<u128>,
}

async fn run(t: &TestDb, rounds: usize) -> Outcome {
    let db = t.db.clone();
    let org = services::organizations::create(&db, "race", "سباق", "Race").await.unwrap();
    let coordinator = person(&db, "c@race.qa").await;
    let mut volunteers = Vec::new();
    for i in 0..50 {
        volunteers.push(person(&db, &format!("v{i}@race.qa")).await);
    }
    let details = opportunities::OpportunityInput {
        title_ar: "سباق المقاعد".into(),
        cause: "relief".into(),
        municipality: "doha".into(),
        place: "الدوحة".into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    let mut out = Outcome { rounds, exact: 0, locked: 0, other_errors: 0, millis: Vec::new() };
    for round in 0..rounds {
        let at = services::now() + chrono::Duration::days(2 + round as i64);
        let o = opportunities::create(&db, org.id, coordinator, &details, &[(at, at + chrono::Duration::hours(2), 5)])
            .await
            .unwrap();
        opportunities::set_status(&db, org.id, o.id, opportunities::PUBLISHED).await.unwrap();
        let shift = opportunities::detail(&db, o.id, None, services::now()).await.unwrap().shifts[0].id;
        let applied = Arc::new(tokio::sync::Semaphore::new(0));
        let started = Instant::now();
        let mut tasks = Vec::new();
        for v in &volunteers {
            let (db, v, applied) = (db.clone(), *v, applied.clone());
            tasks.push(tokio::spawn(async move {
                let r = applications::apply(&db, v, shift, "", services::now()).await.map(|_| ());
                applied.add_permits(1);
                r
            }));
        }
        // Ten coordinators approve whatever is pending until the shift is full and all applied.
        let mut approvers = Vec::new();
        for _ in 0..10 {
            let (db, applied) = (db.clone(), applied.clone());
            let org = org.id;
            approvers.push(tokio::spawn(async move {
                let mut errors: Vec<AppError> = Vec::new();
                loop {
                    let all_in = applied.available_permits() >= 50;
                    let queue =
                        applications::queue_page(&db, org, &Default::default(), services::now()).await.unwrap().rows;
                    let pending: Vec<i32> =
                        queue.iter().filter(|r| r.status == "pending" && r.starts_at == at).map(|r| r.id).collect();
                    let full = queue.iter().any(|r| r.starts_at == at && r.taken >= r.capacity)
                        || (queue.iter().all(|r| r.starts_at != at) && all_in);
                    if (full || pending.is_empty()) && all_in {
                        break;
                    }
                    for id in pending {
                        if let Err(e) =
                            applications::decide(&db, org, coordinator, id, Decision::Approve, "", None).await
                        {
                            errors.push(e);
                        }
                    }
                    tokio::task::yield_now().await;
                }
                errors
            }));
        }
        for t in tasks {
            if let Err(e) = t.await.unwrap() {
                if format!("{e:?}").contains("locked") {
                    out.locked += 1;
                } else {
                    out.other_errors += 1;
                }
            }
        }
        for a in approvers {
            for e in a.await.unwrap() {
                let text = format!("{e:?}");
                if text.contains("locked") {
                    out.locked += 1;
                } else if !(text.contains("err-shift-full") || text.contains("err-already-decided")) {
                    out.other_errors += 1;
                }
            }
        }
        out.millis.push(started.elapsed().as_millis());
        let approved = applications::roster(&db, org.id, shift).await.unwrap().rows.len();
        if approved == 5 {
            out.exact += 1;
        } else {
            eprintln!("round {round}: {approved} approved");
        }
    }
    out
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(100);
    println!(
        "| database | rounds | exactly 5 approved | \"database is locked\" | other errors | round p50 | round max |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut dbs = vec![("SQLite", TestDb::sqlite().await)];
    if std::env::var("TEST_POSTGRES_URL").is_ok() {
        dbs.push(("PostgreSQL", TestDb::postgres().await));
    }
    for (name, t) in dbs {
        let mut o = run(&t, rounds).await;
        o.millis.sort_unstable();
        println!(
            "| {name} | {} | {} | {} | {} | {} ms | {} ms |",
            o.rounds,
            o.exact,
            o.locked,
            o.other_errors,
            o.millis[o.millis.len() / 2],
            o.millis.last().unwrap()
        );
    }
}
