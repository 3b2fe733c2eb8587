//! The dashboards at national scale: times every dashboard view's figures (what the server
//! computes for `/admin`, `/admin?organization=…`, a longer period, `/org`, and `/impact` before its
//! cache) on the database in `DATABASE_URL`, seeded by `bench/dashboard.sh` (200,000 volunteers and
//! 2,000,000 hour lines by default). Each view runs ROUNDS times (20) after one warm-up; prints
//! p50, p95 and max per view. An example, not a test: it never fails on time.

use std::time::Instant;

use app::backend::services::{dashboard, now, today};
use sea_orm::{ConnectionTrait, EntityTrait, PaginatorTrait};

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL names the seeded database");
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(20);
    let db = app::backend::connect(&url).await.expect("connecting");
    let users = app::backend::entities::user::Entity::find().count(&db).await.unwrap();
    let hours = app::backend::entities::hour_entry::Entity::find().count(&db).await.unwrap();
    let applications = app::backend::entities::application::Entity::find().count(&db).await.unwrap();
    // The organization with the most hours: the heaviest coordinator's view.
    let busiest: i32 = {
        let row = db
            .query_one_raw(sea_orm::Statement::from_string(
                db.get_database_backend(),
                "SELECT organization_id FROM hour_entries GROUP BY organization_id ORDER BY COUNT(*) DESC LIMIT 1",
            ))
            .await
            .unwrap()
            .expect("hours were seeded");
        row.try_get_by_index(0).unwrap()
    };
    println!(
        "{:?}: {users} users, {applications} applications, {hours} hour lines; {rounds} rounds per view",
        db.get_database_backend()
    );
    let year = dashboard::Filter::default_for(today());
    let three_years = dashboard::Filter { from: year.from - chrono::Months::new(24), ..year.clone() };
    let views: Vec<(&str, Option<dashboard::Filter>)> = vec![
        ("admin, 12 months", Some(year.clone())),
        ("admin, 36 months", Some(three_years)),
        ("admin, one organization", Some(dashboard::Filter { organization: Some(busiest), ..year.clone() })),
        ("coordinator (/org)", Some(dashboard::Filter { organization: Some(busiest), ..year.clone() })),
        ("/impact (uncached)", None),
    ];
    println!("| view | p50 | p95 | max |");
    println!("|---|---|---|---|");
    for (name, filter) in views {
        let mut times = Vec::with_capacity(rounds);
        for i in 0..=rounds {
            let started = Instant::now();
            match &filter {
                Some(f) => {
                    dashboard::figures(&db, f, today(), now()).await.unwrap();
                }
                None => {
                    dashboard::impact(&db).await.unwrap();
                }
            }
            if i > 0 {
                times.push(started.elapsed().as_secs_f64() * 1000.0);
            }
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).saturating_sub(1).min(times.len() - 1)];
        println!("| {name} | {:.1} ms | {:.1} ms | {:.1} ms |", at(0.5), at(0.95), times[times.len() - 1]);
    }
}
