//! Roll-ups: the dashboards' counts, kept as the data changes, in the transaction that changes it,
//! so that a national view sums a few hundred rows instead of grouping millions.
//!
//! - `rollup_hours`: approved minutes of the ledger by month worked and organization ([`hours`]).
//! - `rollup_applications`: applications by the month they were made and opportunity, and how
//!   many of them are approved ([`applied`], [`approval`]); `shifts.approved` counts approved
//!   places per shift, so the series by the shift's month follows a shift that moves.
//! - `rollup_people`: people by the month they joined, per `dimension` (municipality, gender,
//!   birth month, funnel stage, causes they were approved for) and key. What each person adds is
//!   kept in `people_facts`; [`person`] recomputes a person from their rows and applies the
//!   difference. Its row is locked first (PostgreSQL), so two changes to one person are counted
//!   one after the other, each from what the other committed; on SQLite the writer's lock does it.
//!
//! Every addition is one `INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n`: atomic, so
//! concurrent changes never lose one another's counts. [`rebuild`] counts everything again from the
//! rows (the migration, the seeders), and is what the tests compare the kept counts with.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Value};

use super::dashboard::{month_of_date, month_of_moment, stmt};

/// The `YYYY-MM` of a moment in Qatar.
pub fn month_of(at: DateTime<Utc>) -> String {
    crate::clock::local(at).format("%Y-%m").to_string()
}

async fn exec(db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Result<u64, DbErr> {
    Ok(db.execute_raw(stmt(db, sql, values)).await?.rows_affected())
}

/// Approved minutes added to (or, negative, taken from) a month and organization.
pub async fn hours(
    db: &impl ConnectionTrait,
    worked_on: NaiveDate,
    organization: i32,
    minutes: i64,
) -> Result<(), DbErr> {
    if minutes == 0 {
        return Ok(());
    }
    exec(
        db,
        "INSERT INTO rollup_hours (month, organization_id, minutes) VALUES (?, ?, ?) \
         ON CONFLICT (month, organization_id) DO UPDATE SET minutes = rollup_hours.minutes + excluded.minutes",
        vec![worked_on.format("%Y-%m").to_string().into(), organization.into(), minutes.into()],
    )
    .await
    .map(|_| ())
}

/// Applications (and approved ones among them) added to the month an application was made.
pub async fn applied(
    db: &impl ConnectionTrait,
    made_at: DateTime<Utc>,
    opportunity: i32,
    applications: i64,
    approved: i64,
) -> Result<(), DbErr> {
    exec(
        db,
        "INSERT INTO rollup_applications (month, opportunity_id, applications, approved) VALUES (?, ?, ?, ?) \
         ON CONFLICT (month, opportunity_id) DO UPDATE SET \
         applications = rollup_applications.applications + excluded.applications, \
         approved = rollup_applications.approved + excluded.approved",
        vec![month_of(made_at).into(), opportunity.into(), applications.into(), approved.into()],
    )
    .await
    .map(|_| ())
}

/// An application became approved (`+1`) or stopped being approved (`-1`): its shift's places and
/// its month's approved count. Call it in the transaction whose conditional update changed it.
pub async fn approval(
    db: &impl ConnectionTrait,
    made_at: DateTime<Utc>,
    shift: i32,
    opportunity: i32,
    delta: i64,
) -> Result<(), DbErr> {
    exec(db, "UPDATE shifts SET approved = approved + ? WHERE id = ?", vec![delta.into(), shift.into()]).await?;
    applied(db, made_at, opportunity, 0, delta).await
}

/// What one person adds to `rollup_people`: the month they joined and `dimension=key` lines.
/// Nothing for admins and deleted accounts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Facts {
    month: String,
    parts: BTreeSet<String>,
}

/// The rows a person's facts are made from.
struct Person {
    created_at: DateTime<Utc>,
    counted: bool,
    municipality: Option<String>,
    gender: Option<String>,
    birth_date: Option<NaiveDate>,
    complete: bool,
    applied: bool,
    causes: BTreeSet<String>,
    attended: bool,
}

impl Person {
    fn facts(&self) -> Facts {
        if !self.counted {
            return Facts::default();
        }
        let mut parts = BTreeSet::new();
        parts.insert("funnel=registered".to_string());
        parts.insert(format!("municipality={}", self.municipality.as_deref().unwrap_or("")));
        parts.insert(format!("gender={}", self.gender.as_deref().unwrap_or("")));
        if let Some(born) = self.birth_date {
            parts.insert(format!("born={}", born.format("%Y-%m")));
        }
        // A funnel: a person counts at every stage up to the furthest they reached (one who
        // applied with only a birth date still passed "ready to apply").
        let approved = !self.causes.is_empty() || self.attended;
        let applied = self.applied || approved;
        for (stage, reached) in [
            ("complete", self.complete || applied),
            ("applied", applied),
            ("approved", approved),
            ("attended", self.attended),
        ] {
            if reached {
                parts.insert(format!("funnel={stage}"));
            }
        }
        parts.extend(self.causes.iter().map(|c| format!("cause={c}")));
        Facts { month: month_of(self.created_at), parts }
    }
}

const APPROVED: &str = "approved";
const NO_SHOW: &str = "no_show";

/// Counts a person again from their rows: their previous contribution is taken away and the new one
/// added. Call it, in the transaction, after whatever changed them (registration, a profile, an
/// application, an approval, attendance, deletion). With several people, go in id order.
pub async fn person(db: &impl ConnectionTrait, user_id: i32) -> Result<(), DbErr> {
    exec(
        db,
        "INSERT INTO people_facts (user_id, month, parts) VALUES (?, '', '') ON CONFLICT (user_id) DO NOTHING",
        vec![user_id.into()],
    )
    .await?;
    let lock = if db.get_database_backend() == DbBackend::Postgres { " FOR UPDATE" } else { "" };
    let (month, parts) =
        read_facts(db, user_id, lock).await?.ok_or_else(|| DbErr::RecordNotFound("people_facts".into()))?;
    let old = Facts { month, parts: parts.into_iter().collect() };
    let new = match read_person(db, user_id).await? {
        Some(p) => p.facts(),
        None => Facts::default(),
    };
    if old == new {
        return Ok(());
    }
    let mut changes: BTreeMap<(String, String), i64> = BTreeMap::new();
    for p in &old.parts {
        *changes.entry((old.month.clone(), p.clone())).or_default() -= 1;
    }
    for p in &new.parts {
        *changes.entry((new.month.clone(), p.clone())).or_default() += 1;
    }
    for ((month, part), n) in changes.into_iter().filter(|(_, n)| *n != 0) {
        add_person(db, &month, &part, n).await?;
    }
    exec(
        db,
        "UPDATE people_facts SET month = ?, parts = ? WHERE user_id = ?",
        vec![new.month.into(), new.parts.into_iter().collect::<Vec<_>>().join("\n").into(), user_id.into()],
    )
    .await
    .map(|_| ())
}

/// What a person adds to the counts: the month they joined and `dimension=key` lines (none for
/// admins and deleted accounts), as last counted; for their personal-data export.
pub async fn facts_of(db: &impl ConnectionTrait, user_id: i32) -> Result<Option<(String, Vec<String>)>, DbErr> {
    read_facts(db, user_id, "").await
}

async fn read_facts(
    db: &impl ConnectionTrait,
    user_id: i32,
    lock: &str,
) -> Result<Option<(String, Vec<String>)>, DbErr> {
    let Some(row) = db
        .query_one_raw(stmt(
            db,
            &format!("SELECT month, parts FROM people_facts WHERE user_id = ?{lock}"),
            vec![user_id.into()],
        ))
        .await?
    else {
        return Ok(None);
    };
    let parts: String = row.try_get_by_index(1)?;
    Ok(Some((row.try_get_by_index(0)?, parts.lines().filter(|l| !l.is_empty()).map(String::from).collect())))
}

/// [`person`] for several people, in id order (so two such changes never wait on each other).
pub async fn people(db: &impl ConnectionTrait, users: impl IntoIterator<Item = i32>) -> Result<(), DbErr> {
    for id in users.into_iter().collect::<BTreeSet<_>>() {
        person(db, id).await?;
    }
    Ok(())
}

async fn add_person(db: &impl ConnectionTrait, month: &str, part: &str, n: i64) -> Result<(), DbErr> {
    let (dimension, key) = part.split_once('=').unwrap_or((part, ""));
    exec(
        db,
        "INSERT INTO rollup_people (month, dimension, key, n) VALUES (?, ?, ?, ?) \
         ON CONFLICT (dimension, month, key) DO UPDATE SET n = rollup_people.n + excluded.n",
        vec![month.into(), dimension.into(), key.into(), n.into()],
    )
    .await
    .map(|_| ())
}

/// A person's rows, read now.
async fn read_person(db: &impl ConnectionTrait, user_id: i32) -> Result<Option<Person>, DbErr> {
    let Some(u) = db
        .query_one_raw(stmt(
            db,
            &format!("SELECT {PERSON_COLUMNS} FROM users u LEFT JOIN volunteer_profiles p ON p.user_id = u.id WHERE u.id = ?"),
            vec![user_id.into()],
        ))
        .await?
    else {
        return Ok(None);
    };
    let mut person = person_from(&u, 0)?;
    let applied = db
        .query_one_raw(stmt(db, "SELECT 1 FROM applications WHERE user_id = ? LIMIT 1", vec![user_id.into()]))
        .await?
        .is_some();
    let causes = db
        .query_all_raw(stmt(
            db,
            "SELECT DISTINCT o.cause FROM applications a JOIN shifts s ON s.id = a.shift_id \
             JOIN opportunities o ON o.id = s.opportunity_id WHERE a.user_id = ? AND a.status = ?",
            vec![user_id.into(), APPROVED.into()],
        ))
        .await?
        .iter()
        .map(|r| r.try_get_by_index::<String>(0))
        .collect::<Result<BTreeSet<_>, _>>()?;
    let attended = db
        .query_one_raw(stmt(
            db,
            "SELECT 1 FROM attendance WHERE user_id = ? AND status <> ? LIMIT 1",
            vec![user_id.into(), NO_SHOW.into()],
        ))
        .await?
        .is_some();
    (person.applied, person.causes, person.attended) = (applied, causes, attended);
    Ok(Some(person))
}

/// What [`person_from`] reads of a person's account (`u`) and profile (`p`).
const PERSON_COLUMNS: &str = "u.created_at, u.is_admin, u.deleted_at, p.municipality, p.gender, p.birth_date, p.mobile";

/// A person's account and profile from [`PERSON_COLUMNS`] starting at column `at`; their
/// applications and attendance are filled in by the caller.
fn person_from(r: &sea_orm::QueryResult, at: usize) -> Result<Person, DbErr> {
    let is_admin: bool = r.try_get_by_index(at + 1)?;
    let deleted: Option<DateTime<Utc>> = r.try_get_by_index(at + 2)?;
    let municipality: Option<String> = r.try_get_by_index(at + 3)?;
    let gender: Option<String> = r.try_get_by_index(at + 4)?;
    let birth_date: Option<NaiveDate> = r.try_get_by_index(at + 5)?;
    let mobile: Option<String> = r.try_get_by_index(at + 6)?;
    Ok(Person {
        created_at: r.try_get_by_index(at)?,
        counted: !is_admin && deleted.is_none(),
        // What the profile form asks before applying; the emergency contact is optional there.
        complete: birth_date.is_some() && gender.is_some() && municipality.is_some() && mobile.is_some(),
        municipality,
        gender,
        birth_date,
        applied: false,
        causes: BTreeSet::new(),
        attended: false,
    })
}

/// Counts everything again from the rows, replacing what the roll-ups held. For the migration, the
/// seeders (which write rows in bulk) and the tests; not while the site takes changes.
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<(), DbErr> {
    for table in ["rollup_hours", "rollup_applications", "rollup_people", "people_facts"] {
        exec(db, &format!("DELETE FROM {table}"), vec![]).await?;
    }
    let m = month_of_date(db, "worked_on");
    exec(
        db,
        &format!(
            "INSERT INTO rollup_hours (month, organization_id, minutes) \
             SELECT {m}, organization_id, SUM(minutes) FROM hour_entries WHERE status = ? GROUP BY {m}, organization_id"
        ),
        vec![APPROVED.into()],
    )
    .await?;
    let m = month_of_moment(db, "a.created_at");
    exec(
        db,
        &format!(
            "INSERT INTO rollup_applications (month, opportunity_id, applications, approved) \
             SELECT {m}, s.opportunity_id, COUNT(*), SUM(CASE WHEN a.status = ? THEN 1 ELSE 0 END) \
             FROM applications a JOIN shifts s ON s.id = a.shift_id GROUP BY {m}, s.opportunity_id"
        ),
        vec![APPROVED.into()],
    )
    .await?;
    exec(
        db,
        "UPDATE shifts SET approved = (SELECT COUNT(*) FROM applications a WHERE a.shift_id = shifts.id AND a.status = ?)",
        vec![APPROVED.into()],
    )
    .await?;

    // People: everyone's rows read in a few passes, the same facts as [`person`] makes.
    let mut everyone: BTreeMap<i32, Person> = BTreeMap::new();
    for r in db
        .query_all_raw(stmt(
            db,
            &format!("SELECT u.id, {PERSON_COLUMNS} FROM users u LEFT JOIN volunteer_profiles p ON p.user_id = u.id"),
            vec![],
        ))
        .await?
    {
        everyone.insert(r.try_get_by_index(0)?, person_from(&r, 1)?);
    }
    for r in db.query_all_raw(stmt(db, "SELECT DISTINCT user_id FROM applications", vec![])).await? {
        if let Some(p) = everyone.get_mut(&r.try_get_by_index(0)?) {
            p.applied = true;
        }
    }
    for r in db
        .query_all_raw(stmt(
            db,
            "SELECT DISTINCT a.user_id, o.cause FROM applications a JOIN shifts s ON s.id = a.shift_id \
             JOIN opportunities o ON o.id = s.opportunity_id WHERE a.status = ?",
            vec![APPROVED.into()],
        ))
        .await?
    {
        if let Some(p) = everyone.get_mut(&r.try_get_by_index(0)?) {
            p.causes.insert(r.try_get_by_index(1)?);
        }
    }
    let attended: HashSet<i32> = db
        .query_all_raw(stmt(db, "SELECT DISTINCT user_id FROM attendance WHERE status <> ?", vec![NO_SHOW.into()]))
        .await?
        .iter()
        .map(|r| r.try_get_by_index(0))
        .collect::<Result<_, _>>()?;
    let mut totals: HashMap<(String, String), i64> = HashMap::new();
    let mut rows: Vec<(i32, Facts)> = Vec::with_capacity(everyone.len());
    for (id, mut p) in everyone {
        p.attended = attended.contains(&id);
        let f = p.facts();
        for part in &f.parts {
            *totals.entry((f.month.clone(), part.clone())).or_default() += 1;
        }
        rows.push((id, f));
    }
    for chunk in rows.chunks(300) {
        let sql = format!(
            "INSERT INTO people_facts (user_id, month, parts) VALUES {}",
            vec!["(?, ?, ?)"; chunk.len()].join(", ")
        );
        let values = chunk
            .iter()
            .flat_map(|(id, f)| {
                [(*id).into(), f.month.clone().into(), f.parts.iter().cloned().collect::<Vec<_>>().join("\n").into()]
            })
            .collect();
        exec(db, &sql, values).await?;
    }
    let totals: Vec<((String, String), i64)> = totals.into_iter().collect();
    for chunk in totals.chunks(200) {
        let sql = format!(
            "INSERT INTO rollup_people (month, dimension, key, n) VALUES {}",
            vec!["(?, ?, ?, ?)"; chunk.len()].join(", ")
        );
        let values = chunk
            .iter()
            .flat_map(|((month, part), n)| {
                let (dimension, key) = part.split_once('=').unwrap_or((part, ""));
                [month.clone().into(), dimension.to_string().into(), key.to_string().into(), (*n).into()]
            })
            .collect();
        exec(db, &sql, values).await?;
    }
    Ok(())
}

/// Every roll-up's non-zero rows, as text, in order: what the tests compare before and after a
/// [`rebuild`].
pub async fn snapshot(db: &impl ConnectionTrait) -> Result<Vec<String>, DbErr> {
    let mut out = Vec::new();
    for sql in [
        "SELECT 'hours', month, CAST(organization_id AS TEXT), minutes, CAST(0 AS BIGINT) FROM rollup_hours WHERE minutes <> 0",
        "SELECT 'applications', month, CAST(opportunity_id AS TEXT), applications, approved FROM rollup_applications \
         WHERE applications <> 0 OR approved <> 0",
        "SELECT 'people', month, dimension || '=' || key, n, CAST(0 AS BIGINT) FROM rollup_people WHERE n <> 0",
        "SELECT 'places', '', CAST(id AS TEXT), CAST(approved AS BIGINT), CAST(0 AS BIGINT) FROM shifts WHERE approved <> 0",
    ] {
        for r in db.query_all_raw(stmt(db, sql, vec![])).await? {
            let kind: String = r.try_get_by_index(0)?;
            let month: String = r.try_get_by_index(1)?;
            let key: String = r.try_get_by_index(2)?;
            let a: i64 = r.try_get_by_index(3)?;
            let b: i64 = r.try_get_by_index(4)?;
            out.push(format!("{kind} {month} {key} {a} {b}"));
        }
    }
    out.sort();
    Ok(out)
}
