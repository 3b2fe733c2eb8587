//! The crowd benchmark's people and pages (issue 19), for `bench/crowd.sh`: on a database seeded
//! with `tam seed` (DATABASE_URL), makes a session for each of VOLUNTEERS volunteers (default
//! 20,000) who applied to something, a coordinator with a session for every organization, and a
//! network admin with two-step sign-in, then writes one request list per page into OUT (a folder):
//! each line `METHOD \t path \t cookie \t body`, which `bench/crowd.lua` hands to wrk in turn, so
//! every request is another person or another filter.
//!
//! - `opportunities`: 4,000 distinct filter combinations of /opportunities (visitors);
//! - `opportunity`: 3,000 published opportunities' pages;
//! - `me`: every volunteer's /me; `org`, `queue`, `roster`: every coordinator's /org,
//!   /org/applications and one of their shifts' roster; `admin`: the dashboard over several
//!   filters; `impact`: /impact;
//! - `mixed`: a day's proportions (80 % public pages, 15 % volunteers, 5 % coordinators) with a
//!   write every 100 requests, in turn: a volunteer applies, a volunteer withdraws, a coordinator
//!   approves.
//!
//! A third of the people read in English (`lang=en`), the rest in Arabic. Sessions are made the
//! way a login makes them (`sessions::create`); nobody's password is needed.

use std::fmt::Write as _;

use app::backend::entities::{application, coordinator, opportunity, organization, shift, user, volunteer_profile};
use app::backend::services::{self, profiles, sessions};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    TransactionTrait,
};

/// A small deterministic generator: the same lists for the same database.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn cookie(token: &str, i: usize) -> String {
    if i % 3 == 0 {
        format!("tam_session={token}; lang=en")
    } else {
        format!("tam_session={token}")
    }
}

fn line(out: &mut String, method: &str, path: &str, cookie: &str, body: &str) {
    let _ = writeln!(out, "{method}\t{path}\t{cookie}\t{body}");
}

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL: the seeded database");
    let out = std::path::PathBuf::from(std::env::var("OUT").expect("OUT: a folder for the request lists"));
    let wanted: usize = std::env::var("VOLUNTEERS").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000);
    std::fs::create_dir_all(&out).expect("OUT");
    let db = app::backend::connect(&url).await.expect("open the database");
    let at = services::now();
    let mut rng = Rng(0x7a3_2026);

    // Volunteers who applied to something, spread over the whole database.
    let people: Vec<i32> = application::Entity::find()
        .select_only()
        .column(application::Column::UserId)
        .distinct()
        .order_by_asc(application::Column::UserId)
        .into_tuple()
        .all(&db)
        .await
        .unwrap();
    let step = (people.len() / wanted.max(1)).max(1);
    let volunteers: Vec<i32> = people.iter().step_by(step).take(wanted).copied().collect();
    let txn = db.begin().await.unwrap();
    let mut volunteer_tokens = Vec::with_capacity(volunteers.len());
    for v in &volunteers {
        volunteer_tokens.push((*v, sessions::create(&txn, *v, Some("crowd"), None).await.unwrap()));
    }
    txn.commit().await.unwrap();
    eprintln!("{} volunteers' sessions", volunteer_tokens.len());

    // A coordinator of every approved organization (made once; a second run reuses them).
    let orgs: Vec<i32> = organization::Entity::find()
        .filter(organization::Column::Status.eq("approved"))
        .select_only()
        .column(organization::Column::Id)
        .order_by_asc(organization::Column::Id)
        .into_tuple()
        .all(&db)
        .await
        .unwrap();
    let txn = db.begin().await.unwrap();
    let mut coordinator_tokens = Vec::new(); // (organization, token)
    for org in &orgs {
        let email = format!("crowd-coordinator-{org}@seed.tam.qa");
        let existing = user::Entity::find().filter(user::Column::Email.eq(&email)).one(&txn).await.unwrap();
        let id = match existing {
            Some(u) => u.id,
            None => {
                let u = user::ActiveModel {
                    email: Set(email),
                    // No password logs in with this: the benchmark holds sessions only.
                    password_hash: Set("!".into()),
                    full_name: Set(format!("منسق {org}")),
                    is_admin: Set(false),
                    created_at: Set(at),
                    email_verified_at: Set(Some(at)),
                    lang: Set("ar".into()),
                    ..Default::default()
                }
                .insert(&txn)
                .await
                .unwrap();
                coordinator::ActiveModel { user_id: Set(u.id), organization_id: Set(*org), created_at: Set(at) }
                    .insert(&txn)
                    .await
                    .unwrap();
                u.id
            }
        };
        // Within the seven days' grace for two-step sign-in.
        coordinator::Entity::update_many()
            .col_expr(coordinator::Column::CreatedAt, Expr::value(at))
            .filter(coordinator::Column::UserId.eq(id))
            .exec(&txn)
            .await
            .unwrap();
        coordinator_tokens.push((*org, sessions::create(&txn, id, Some("crowd"), None).await.unwrap()));
    }
    // A network admin who has turned on two-step sign-in.
    let admin_email = "crowd-admin@seed.tam.qa";
    let admin = match user::Entity::find().filter(user::Column::Email.eq(admin_email)).one(&txn).await.unwrap() {
        Some(u) => u.id,
        None => {
            user::ActiveModel {
                email: Set(admin_email.into()),
                password_hash: Set("!".into()),
                full_name: Set("مشرف القياس".into()),
                is_admin: Set(true),
                created_at: Set(at),
                email_verified_at: Set(Some(at)),
                lang: Set("ar".into()),
                mfa_secret: Set(Some("CROWDBENCHNOTASECRETCROWDBENCHAA".into())),
                mfa_enabled_at: Set(Some(at)),
                ..Default::default()
            }
            .insert(&txn)
            .await
            .unwrap()
            .id
        }
    };
    let admin_token = sessions::create(&txn, admin, Some("crowd"), None).await.unwrap();
    txn.commit().await.unwrap();
    eprintln!("{} coordinators' sessions, one admin's", coordinator_tokens.len());

    let mut lists: std::collections::BTreeMap<&str, String> = Default::default();

    // Visitors: 4,000 distinct filter combinations.
    let days = ["", "sat", "sun", "mon", "tue", "wed", "thu", "fri"];
    let words = ["", "", "", "", "", "food", "سلال", "blood", "قراءة", "marathon", "تنظيف"];
    let mut seen = std::collections::HashSet::new();
    let mut list = String::new();
    while seen.len() < 4000 {
        let mut q: Vec<String> = Vec::new();
        let mut add = |k: &str, v: &str| {
            if !v.is_empty() {
                q.push(format!("{k}={}", form_urlencoded::byte_serialize(v.as_bytes()).collect::<String>()));
            }
        };
        let cause = if rng.below(3) > 0 { *rng.pick(&profiles::CAUSES) } else { "" };
        add("cause", cause);
        let municipality = if rng.below(2) > 0 { *rng.pick(&profiles::MUNICIPALITIES) } else { "" };
        add("municipality", municipality);
        let skill = if rng.below(4) == 0 { *rng.pick(&profiles::SKILLS) } else { "" };
        add("skill", skill);
        add("day", *rng.pick(&days));
        add("words", *rng.pick(&words));
        if rng.below(5) == 0 {
            let from = services::today() + chrono::Duration::days(rng.below(60) as i64);
            add("from", &from.to_string());
            add("to", &(from + chrono::Duration::days(7 + rng.below(30) as i64)).to_string());
        }
        if rng.below(6) == 0 {
            add("seats", "1");
        }
        let page = rng.below(4);
        if page > 0 {
            add("page", &(page + 1).to_string());
        }
        let path = if q.is_empty() { "/opportunities".to_string() } else { format!("/opportunities?{}", q.join("&")) };
        if seen.insert(path.clone()) {
            let c = if seen.len() % 3 == 0 { "lang=en" } else { "" };
            line(&mut list, "GET", &path, c, "");
        }
    }
    lists.insert("opportunities", list);

    // 3,000 published opportunities.
    let published: Vec<i32> = opportunity::Entity::find()
        .filter(opportunity::Column::Status.eq("published"))
        .select_only()
        .column(opportunity::Column::Id)
        .order_by_asc(opportunity::Column::Id)
        .into_tuple()
        .all(&db)
        .await
        .unwrap();
    let step = (published.len() / 3000).max(1);
    let mut list = String::new();
    for (i, id) in published.iter().step_by(step).take(3000).enumerate() {
        line(&mut list, "GET", &format!("/opportunities/{id}"), if i % 3 == 0 { "lang=en" } else { "" }, "");
    }
    lists.insert("opportunity", list);

    let mut list = String::new();
    for (i, (_, token)) in volunteer_tokens.iter().enumerate() {
        line(&mut list, "GET", "/me", &cookie(token, i), "");
    }
    lists.insert("me", list);

    // Every opportunity's organization, and every shift (id, opportunity, start, taken).
    let organization_of: std::collections::HashMap<i32, i32> = opportunity::Entity::find()
        .select_only()
        .column(opportunity::Column::Id)
        .column(opportunity::Column::OrganizationId)
        .into_tuple::<(i32, i32)>()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .collect();
    let shifts: Vec<(i32, i32, chrono::DateTime<chrono::Utc>, i32)> = shift::Entity::find()
        .select_only()
        .column(shift::Column::Id)
        .column(shift::Column::OpportunityId)
        .column(shift::Column::StartsAt)
        .column(shift::Column::Taken)
        .into_tuple()
        .all(&db)
        .await
        .unwrap();
    let (mut org_list, mut queue_list, mut roster_list) = (String::new(), String::new(), String::new());
    for (i, (org, token)) in coordinator_tokens.iter().enumerate() {
        line(&mut org_list, "GET", "/org", &cookie(token, i), "");
        line(&mut queue_list, "GET", "/org/applications", &cookie(token, i), "");
        // The organization's shift to come with the most people on it.
        let shift = shifts
            .iter()
            .filter(|(_, o, starts, _)| organization_of.get(o) == Some(org) && *starts > at)
            .max_by_key(|(_, _, _, taken)| *taken)
            .map(|(id, _, _, _)| *id);
        if let Some(s) = shift {
            line(&mut roster_list, "GET", &format!("/org/shifts/{s}"), &cookie(token, i), "");
        }
    }
    lists.insert("org", org_list);
    lists.insert("queue", queue_list);
    lists.insert("roster", roster_list);

    let mut list = String::new();
    let this_month = services::today().format("%Y-%m").to_string();
    let year_ago = (services::today() - chrono::Duration::days(365)).format("%Y-%m").to_string();
    for (i, q) in [
        String::new(),
        format!("?from={year_ago}&to={this_month}"),
        format!("?organization={}", orgs.first().copied().unwrap_or(1)),
        format!("?organization={}", orgs.get(orgs.len() / 2).copied().unwrap_or(1)),
    ]
    .iter()
    .enumerate()
    {
        line(&mut list, "GET", &format!("/admin{q}"), &cookie(&admin_token, i), "");
    }
    lists.insert("admin", list);
    let mut list = String::new();
    line(&mut list, "GET", "/impact", "", "");
    line(&mut list, "GET", "/impact", "lang=en", "");
    lists.insert("impact", list);

    // The writes of the mixed run: apply (an open shift of an opportunity for all ages, by a
    // volunteer of ours), withdraw (one of our volunteers' pending applications), approve (a
    // pending application, by its organization's coordinator).
    let volunteer_of: std::collections::HashMap<i32, &str> =
        volunteer_tokens.iter().map(|(v, t)| (*v, t.as_str())).collect();
    let coordinator_of: std::collections::HashMap<i32, &str> =
        coordinator_tokens.iter().map(|(o, t)| (*o, t.as_str())).collect();
    let for_all: std::collections::HashSet<i32> = opportunity::Entity::find()
        .filter(opportunity::Column::Status.eq("published"))
        .filter(opportunity::Column::MinAge.eq(14))
        .select_only()
        .column(opportunity::Column::Id)
        .into_tuple::<i32>()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .collect();
    let later = at + chrono::Duration::days(3);
    let open: Vec<(i32, i32)> = shifts
        .iter()
        .filter(|(_, o, starts, _)| for_all.contains(o) && *starts > later)
        .map(|(id, o, _, _)| (*o, *id))
        .take(5000)
        .collect();
    let adults: std::collections::HashSet<i32> = volunteer_profile::Entity::find()
        .filter(volunteer_profile::Column::BirthDate.lt(services::today() - chrono::Duration::days(365 * 19)))
        .filter(volunteer_profile::Column::UserId.is_in(volunteers.clone()))
        .select_only()
        .column(volunteer_profile::Column::UserId)
        .into_tuple::<i32>()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .collect();
    let adults: Vec<i32> = volunteers.iter().filter(|v| adults.contains(v)).copied().collect();
    let organization_of_shift: std::collections::HashMap<i32, i32> = shifts
        .iter()
        .filter(|(_, _, starts, _)| *starts > later)
        .filter_map(|(id, o, _, _)| Some((*id, *organization_of.get(o)?)))
        .collect();
    let pending: Vec<(i32, i32, i32)> = application::Entity::find()
        .filter(application::Column::Status.eq("pending"))
        .select_only()
        .column(application::Column::Id)
        .column(application::Column::UserId)
        .column(application::Column::ShiftId)
        .into_tuple::<(i32, i32, i32)>()
        .all(&db)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|(a, u, s)| Some((a, u, *organization_of_shift.get(&s)?)))
        .collect();
    let mine: Vec<(i32, &str)> = pending.iter().filter_map(|(a, u, _)| volunteer_of.get(u).map(|t| (*a, *t))).collect();
    let decidable: Vec<(i32, &str)> = pending
        .iter()
        .filter(|(_, u, _)| !volunteer_of.contains_key(u))
        .filter_map(|(a, _, o)| coordinator_of.get(o).map(|t| (*a, *t)))
        .collect();
    let mut writes = Vec::new();
    let (mut w, mut d) = (0usize, 0usize);
    for i in 0..3000 {
        match i % 3 {
            0 if !open.is_empty() && !adults.is_empty() => {
                let (o, s) = *rng.pick(&open);
                let v = *rng.pick(&adults);
                let body = format!("opportunity_id={o}&shifts%5B{s}%5D=on&motivation=");
                writes.push(("/api/apply".to_string(), cookie(volunteer_of[&v], i), body));
            }
            1 if w < mine.len() => {
                let (a, t) = mine[w];
                w += 1;
                writes.push(("/api/withdraw_application".into(), cookie(t, i), format!("application_id={a}")));
            }
            2 if d < decidable.len() => {
                let (a, t) = decidable[d];
                d += 1;
                writes.push((
                    "/api/decide_application".into(),
                    cookie(t, i),
                    format!("application_id={a}&decision=approve"),
                ));
            }
            _ => {}
        }
    }
    // The day: of every 100 requests, 80 public (45 lists, 30 opportunity pages, 5 /impact), 15
    // volunteers' /me, 5 coordinators' (/org, the queue, a roster), the last one a write.
    let pick_line = |list: &str, n: usize| -> String {
        let lines: Vec<&str> = list.lines().collect();
        lines[n % lines.len()].to_string()
    };
    let mut mixed = String::new();
    for round in 0..writes.len().max(1) {
        for k in 0..99 {
            let j = rng.below(1 << 30);
            let l = match k {
                0..=44 => pick_line(&lists["opportunities"], j),
                45..=74 => pick_line(&lists["opportunity"], j),
                75..=79 => pick_line(&lists["impact"], j),
                80..=94 => pick_line(&lists["me"], j),
                95 | 96 => pick_line(&lists["org"], j),
                97 => pick_line(&lists["queue"], j),
                _ => pick_line(&lists["roster"], j),
            };
            mixed.push_str(&l);
            mixed.push('\n');
        }
        if let Some((path, c, body)) = writes.get(round) {
            line(&mut mixed, "POST", path, c, body);
        }
    }
    lists.insert("mixed", mixed);

    for (name, list) in &lists {
        std::fs::write(out.join(format!("{name}.txt")), list).expect("write a list");
        eprintln!("{name}: {} requests", list.lines().count());
    }
}
