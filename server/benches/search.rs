//! Admin search over the volunteer database, timed at the service (the server's own work, without
//! HTTP): p50 and p95 of a few typical queries. Run by `bench/search.sh`, which seeds the database
//! named by DATABASE_URL first. Prints figures; never fails on time.

use app::backend::services::volunteers::{search, Filter};

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL names the seeded database");
    let db = app::backend::connect(&url).await.expect("open the database");
    let today = app::backend::services::now().date_naive();
    let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(200);
    let queries: [(&str, Filter); 6] = [
        // Nobody matches: every row's names are read (the worst case for words).
        ("a name nobody has (زبيدة)", Filter { words: "زبيدة".into(), ..Default::default() }),
        ("a name in Arabic (احمد)", Filter { words: "احمد".into(), ..Default::default() }),
        ("a full name in Arabic (فاطمه الكواري)", Filter { words: "فاطمه الكواري".into(), ..Default::default() }),
        (
            "skill + municipality (first aid, Al Wakrah)",
            Filter { skill: Some("first-aid".into()), municipality: Some("al-wakrah".into()), ..Default::default() },
        ),
        (
            "age band + availability (18-24, Saturday morning)",
            Filter { age_band: Some("18-24".into()), slot: Some("sat-morning".into()), ..Default::default() },
        ),
        (
            "a rare combination, page 3 (60+, women, sign language)",
            Filter {
                age_band: Some("60+".into()),
                gender: Some("female".into()),
                skill: Some("sign-language".into()),
                page: 2,
                ..Default::default()
            },
        ),
    ];
    println!("{runs} runs per query, after 10 warm-up runs\n");
    println!("| query | hits on the page | p50 | p95 |");
    println!("|---|---|---|---|");
    for (name, filter) in queries {
        for _ in 0..10 {
            search(&db, &filter, today).await.expect("search");
        }
        let mut took = Vec::with_capacity(runs);
        let mut hits = 0;
        for _ in 0..runs {
            let start = std::time::Instant::now();
            let (page, _) = search(&db, &filter, today).await.expect("search");
            took.push(start.elapsed());
            hits = page.len();
        }
        took.sort();
        let ms = |q: f64| took[((took.len() as f64 * q) as usize).min(took.len() - 1)].as_secs_f64() * 1000.0;
        println!("| {name} | {hits} | {:.1} ms | {:.1} ms |", ms(0.50), ms(0.95));
    }
}
