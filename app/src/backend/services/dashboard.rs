//! The statistics dashboards: the whole country for admins (`/admin`), one organization for its
//! coordinators (`/org`), and the public aggregates (`/impact`). Every figure is an aggregate the
//! database computes (one statement per figure), months read in Qatar's time, over the roll-ups
//! that `services::rollups` keeps as data changes: a national view sums hundreds of rows, not the
//! millions of the ledger.
//!
//! Who counts as "the volunteers" of a view: for the country, people who registered in the
//! period; for an organization, people who applied to it in the period. Breakdowns and the funnel
//! are of those people; the time series count events in the period (registrations, applications,
//! approved places by the shift's month, approved hours by the day served).

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};

use crate::model::{AppError, DashboardFigures, DashboardQuery, FieldError, ImpactFigures, Ranked};

pub const AGE_BANDS: [&str; 6] = ["under-18", "18-24", "25-34", "35-44", "45-59", "60-plus"];
/// The funnel's stages.
pub const FUNNEL: [&str; 5] = crate::model::FUNNEL_STAGES;
/// The longest period a view covers.
pub const MAX_MONTHS: u32 = 36;
/// Public cells for fewer people than this are suppressed.
pub const SUPPRESS_UNDER: i64 = 10;

/// What a view covers: whole months, from the first day of `from` to the last of `to`, and an
/// organization (the coordinator's own, or the one an admin picked).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filter {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub organization: Option<i32>,
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).expect("day 1 exists")
}

impl Filter {
    /// The last twelve months, this one included.
    pub fn default_for(today: NaiveDate) -> Filter {
        let to = month_start(today);
        Filter {
            from: to - Months::new(11),
            to: (to + Months::new(1)).pred_opt().expect("a day before"),
            organization: None,
        }
    }

    /// Reads the query (`YYYY-MM` months, Arabic digits accepted, an organization id); an empty
    /// field keeps the default. Each bad field is named.
    pub fn parse(q: &DashboardQuery, today: NaiveDate) -> Result<Filter, Vec<FieldError>> {
        let mut f = Filter::default_for(today);
        let mut errors = Vec::new();
        let month = |raw: &str| {
            let raw = crate::model::inputs::latin_digits(raw.trim());
            NaiveDate::parse_from_str(&format!("{}-01", raw.get(..7).unwrap_or(&raw)), "%Y-%m-%d").ok()
        };
        if !q.from.trim().is_empty() {
            match month(&q.from) {
                Some(m) => f.from = m,
                None => errors.push(FieldError::new("from", "err-month-invalid")),
            }
        }
        if !q.to.trim().is_empty() {
            match month(&q.to) {
                Some(m) => f.to = (m + Months::new(1)).pred_opt().expect("a day before"),
                None => errors.push(FieldError::new("to", "err-month-invalid")),
            }
        }
        if errors.is_empty() {
            if f.to < f.from {
                errors.push(FieldError::new("to", "err-period-order"));
            } else if months_between(f.from, f.to).len() > MAX_MONTHS as usize {
                errors.push(FieldError::new("to", "err-period-long"));
            }
        }
        if !q.organization.trim().is_empty() {
            match q.organization.trim().parse::<i32>() {
                Ok(id) => f.organization = Some(id),
                Err(_) => errors.push(FieldError::new("organization", "err-choice-unknown")),
            }
        }
        if errors.is_empty() {
            Ok(f)
        } else {
            Err(errors)
        }
    }

    /// The period as moments: from the first day's midnight in Qatar to the day after the last.
    fn moments(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        let midnight = crate::clock::midnight;
        (midnight(self.from), midnight(self.to + Duration::days(1)))
    }
}

/// `YYYY-MM` of every month from `from` to `to`.
pub fn months_between(from: NaiveDate, to: NaiveDate) -> Vec<String> {
    let mut out = Vec::new();
    let mut m = month_start(from);
    while m <= to && out.len() <= MAX_MONTHS as usize + 1 {
        out.push(m.format("%Y-%m").to_string());
        m = m + Months::new(1);
    }
    out
}

/// A statement in the connection's dialect: `?` placeholders become `$1…` on PostgreSQL.
pub(crate) fn stmt(db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Statement {
    let backend = db.get_database_backend();
    let sql = if backend == DbBackend::Postgres {
        let mut out = String::with_capacity(sql.len() + 8);
        let mut n = 0;
        for c in sql.chars() {
            if c == '?' {
                n += 1;
                out.push_str(&format!("${n}"));
            } else {
                out.push(c);
            }
        }
        out
    } else {
        sql.to_string()
    };
    Statement::from_sql_and_values(backend, sql, values)
}

/// The `YYYY-MM` of a moment in Qatar, in SQL.
pub(crate) fn month_of_moment(db: &impl ConnectionTrait, col: &str) -> String {
    match db.get_database_backend() {
        DbBackend::Postgres => {
            format!("to_char(({col} AT TIME ZONE 'UTC') + {}, 'YYYY-MM')", crate::clock::POSTGRES_INTERVAL)
        }
        _ => format!("strftime('%Y-%m', {col}, {})", crate::clock::SQLITE_MODIFIER),
    }
}

/// The `YYYY-MM` of a date, in SQL.
pub(crate) fn month_of_date(db: &impl ConnectionTrait, col: &str) -> String {
    match db.get_database_backend() {
        DbBackend::Postgres => format!("to_char({col}, 'YYYY-MM')"),
        _ => format!("substr({col}, 1, 7)"),
    }
}

/// `(key, count)` rows of a grouping query; a missing key reads `unknown`.
async fn pairs(db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Result<Vec<(String, i64)>, DbErr> {
    let rows = db.query_all_raw(stmt(db, sql, values)).await?;
    rows.iter()
        .map(|r| {
            let key: Option<String> = r.try_get_by_index(0)?;
            let n: Option<i64> = r.try_get_by_index(1)?;
            Ok((key.unwrap_or_else(|| "unknown".into()), n.unwrap_or(0)))
        })
        .collect()
}

async fn count(db: &impl ConnectionTrait, sql: &str, values: Vec<Value>) -> Result<i64, DbErr> {
    let row = db.query_one_raw(stmt(db, sql, values)).await?;
    Ok(row.map(|r| r.try_get_by_index::<Option<i64>>(0)).transpose()?.flatten().unwrap_or(0))
}

/// Values along `months`, zero where a month has none.
fn along(months: &[String], rows: Vec<(String, i64)>) -> Vec<i64> {
    months.iter().map(|m| rows.iter().find(|(k, _)| k == m).map_or(0, |(_, n)| *n)).collect()
}

/// Sorted by count, largest first, then key.
fn ranked(mut rows: Vec<(String, i64)>) -> Vec<(String, i64)> {
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// An organization's people in the period (those who applied to it), as SQL over `users u`, with
/// its values. The country's people are read from `rollup_people`.
fn applicants(org: i32, f: &Filter) -> (String, Vec<Value>) {
    let (start, end) = f.moments();
    (
        "u.deleted_at IS NULL AND u.id IN (SELECT a.user_id FROM applications a \
         JOIN shifts s ON s.id = a.shift_id JOIN opportunities o ON o.id = s.opportunity_id \
         WHERE o.organization_id = ? AND a.created_at >= ? AND a.created_at < ?)"
            .into(),
        vec![org.into(), start.into(), end.into()],
    )
}

/// `AND o.organization_id = ?` and its value, when the view is an organization's.
fn of_org(f: &Filter, col: &str) -> (String, Vec<Value>) {
    match f.organization {
        Some(org) => (format!(" AND {col} = ?"), vec![org.into()]),
        None => (String::new(), Vec::new()),
    }
}

/// The index in [`AGE_BANDS`] of an age.
fn band(age: i32) -> usize {
    match age {
        ..18 => 0,
        18..=24 => 1,
        25..=34 => 2,
        35..=44 => 3,
        45..=59 => 4,
        _ => 5,
    }
}

/// Adds `(birth date, count)` rows to `bands`, by age on `today`.
fn add_births(bands: &mut [i64], rows: Vec<sea_orm::QueryResult>, today: NaiveDate) -> Result<(), DbErr> {
    for r in rows {
        let born: NaiveDate = r.try_get_by_index(0)?;
        let n: i64 = r.try_get_by_index(1)?;
        bands[band(super::profiles::age_on(born, today))] += n;
    }
    Ok(())
}

/// `dimension`'s keys and counts among the people who joined in the months `from..=to`, from the
/// roll-up (`""`, unknown, reads `unknown`).
async fn people_by(
    db: &impl ConnectionTrait,
    dimension: &str,
    from: &str,
    to: &str,
) -> Result<Vec<(String, i64)>, DbErr> {
    let rows = pairs(
        db,
        "SELECT key, CAST(SUM(n) AS BIGINT) FROM rollup_people WHERE dimension = ? AND month >= ? AND month <= ? \
         GROUP BY key HAVING SUM(n) <> 0",
        vec![dimension.into(), from.into(), to.into()],
    )
    .await?;
    Ok(rows.into_iter().map(|(k, n)| (if k.is_empty() { "unknown".into() } else { k }, n)).collect())
}

/// People by age band on `today`, among those who joined in the months `from..=to`: from the
/// roll-up by birth month, except the birth months whose band turns on the day of birth (a
/// birthday this month at a band's edge), which are counted from the birth dates.
async fn bands_of_joined(db: &impl ConnectionTrait, from: &str, to: &str, today: NaiveDate) -> Result<Vec<i64>, DbErr> {
    let mut bands = vec![0i64; AGE_BANDS.len()];
    for (born, n) in people_by(db, "born", from, to).await? {
        let Ok(first) = NaiveDate::parse_from_str(&format!("{born}-01"), "%Y-%m-%d") else { continue };
        let years = today.year() - first.year();
        let age = match first.month().cmp(&today.month()) {
            std::cmp::Ordering::Less => years,
            std::cmp::Ordering::Greater => years - 1,
            std::cmp::Ordering::Equal if band(years - 1) == band(years) => years,
            std::cmp::Ordering::Equal => {
                let next = first + Months::new(1);
                let rows = db
                    .query_all_raw(stmt(
                        db,
                        "SELECT p.birth_date, COUNT(*) FROM people_facts f JOIN volunteer_profiles p ON p.user_id = f.user_id \
                         WHERE f.month >= ? AND f.month <= ? AND p.birth_date >= ? AND p.birth_date < ? GROUP BY p.birth_date",
                        vec![from.into(), to.into(), first.into(), next.into()],
                    ))
                    .await?;
                add_births(&mut bands, rows, today)?;
                continue;
            }
        };
        bands[band(age)] += n;
    }
    Ok(bands)
}

/// Every figure of a dashboard view. The counts of events (applications, approved places, hours)
/// come from the roll-ups (`services::rollups`), and so do the country's people; an
/// organization's people (those who applied to it in the period, a few thousand at most) are
/// counted from their rows.
pub async fn figures(
    db: &impl ConnectionTrait,
    f: &Filter,
    today: NaiveDate,
    at: DateTime<Utc>,
) -> Result<DashboardFigures, AppError> {
    let months = months_between(f.from, f.to);
    let (first, last) = (months.first().cloned().unwrap_or_default(), months.last().cloned().unwrap_or_default());
    let span = || -> Vec<Value> { vec![first.clone().into(), last.clone().into()] };
    let (start, end) = f.moments();
    let (who, who_v) = f.organization.map(|org| applicants(org, f)).unwrap_or_default();
    let with = |extra: Vec<Value>| who_v.iter().cloned().chain(extra).collect::<Vec<Value>>();
    let (org_o, org_v) = of_org(f, "o.organization_id");
    let (org_h, org_hv) = of_org(f, "h.organization_id");
    let with_org = |mut v: Vec<Value>| {
        v.extend(org_v.clone());
        v
    };
    // An organization's rows of `rollup_applications r`, without joining the (wide) opportunities.
    let org_r = match f.organization {
        Some(_) => " AND r.opportunity_id IN (SELECT o.id FROM opportunities o WHERE o.organization_id = ?)",
        None => "",
    };

    let registrations = match f.organization {
        None => pairs(
            db,
            "SELECT month, CAST(SUM(n) AS BIGINT) FROM rollup_people WHERE dimension = 'funnel' AND key = 'registered' \
             AND month >= ? AND month <= ? GROUP BY month",
            span(),
        )
        .await?,
        Some(_) => {
            let m = month_of_moment(db, "u.created_at");
            pairs(db, &format!("SELECT {m} AS k, COUNT(*) FROM users u WHERE {who} GROUP BY k"), with(vec![])).await?
        }
    };
    let registrations = along(&months, registrations);
    let applications = along(
        &months,
        pairs(
            db,
            &format!(
                "SELECT r.month, CAST(SUM(r.applications) AS BIGINT) FROM rollup_applications r \
                 WHERE r.month >= ? AND r.month <= ?{org_r} GROUP BY r.month"
            ),
            with_org(span()),
        )
        .await?,
    );
    let m = month_of_moment(db, "s.starts_at");
    let org_s = org_r.replace("r.opportunity_id", "s.opportunity_id");
    let approved = along(
        &months,
        pairs(
            db,
            &format!(
                "SELECT {m} AS k, SUM(s.approved) FROM shifts s \
                 WHERE s.starts_at >= ? AND s.starts_at < ? AND s.approved > 0{org_s} GROUP BY k"
            ),
            with_org(vec![start.into(), end.into()]),
        )
        .await?,
    );
    let mut hv = span();
    hv.extend(org_hv.clone());
    let hours = along(
        &months,
        pairs(
            db,
            &format!(
                "SELECT h.month, CAST(SUM(h.minutes) AS BIGINT) FROM rollup_hours h WHERE h.month >= ? AND h.month <= ?{org_h} GROUP BY h.month"
            ),
            hv.clone(),
        )
        .await?,
    );

    // The people: where they live, gender, age band (from birth dates, exact on `today`).
    let (municipality, gender, age_band) = match f.organization {
        None => (
            ranked(people_by(db, "municipality", &first, &last).await?),
            ranked(people_by(db, "gender", &first, &last).await?),
            bands_of_joined(db, &first, &last, today).await?,
        ),
        Some(_) => {
            let profile = |col: &str| {
                format!("SELECT p.{col} AS k, COUNT(*) FROM users u LEFT JOIN volunteer_profiles p ON p.user_id = u.id WHERE {who} GROUP BY p.{col}")
            };
            let births = db
                .query_all_raw(stmt(
                    db,
                    &format!("SELECT p.birth_date, COUNT(*) FROM users u JOIN volunteer_profiles p ON p.user_id = u.id WHERE {who} AND p.birth_date IS NOT NULL GROUP BY p.birth_date"),
                    with(vec![]),
                ))
                .await?;
            let mut bands = vec![0i64; AGE_BANDS.len()];
            add_births(&mut bands, births, today)?;
            (
                ranked(pairs(db, &profile("municipality"), with(vec![])).await?),
                ranked(pairs(db, &profile("gender"), with(vec![])).await?),
                bands,
            )
        }
    };
    let age_band: Vec<(String, i64)> = AGE_BANDS.iter().map(|b| b.to_string()).zip(age_band).collect();

    // What they applied for, by cause.
    let cause = ranked(
        pairs(
            db,
            &format!(
                "SELECT o.cause AS k, CAST(SUM(t.n) AS BIGINT) FROM (SELECT r.opportunity_id, SUM(r.applications) AS n \
                 FROM rollup_applications r WHERE r.month >= ? AND r.month <= ?{org_r} GROUP BY r.opportunity_id \
                 HAVING SUM(r.applications) > 0) t JOIN opportunities o ON o.id = t.opportunity_id GROUP BY o.cause"
            ),
            with_org(span()),
        )
        .await?,
    );

    // Hours by organization (and so by sector), and the top opportunities by applications.
    let by_org = pairs(
        db,
        &format!(
            "SELECT CAST(h.organization_id AS TEXT) AS k, CAST(SUM(h.minutes) AS BIGINT) FROM rollup_hours h \
             WHERE h.month >= ? AND h.month <= ?{org_h} GROUP BY h.organization_id HAVING SUM(h.minutes) <> 0"
        ),
        hv,
    )
    .await?;
    let orgs: Vec<(i32, crate::model::LocalizedName, Option<String>)> = {
        use crate::backend::entities::organization;
        use sea_orm::{EntityTrait, QueryFilter};
        let ids: Vec<i32> = by_org.iter().filter_map(|(id, _)| id.parse().ok()).collect();
        organization::Entity::find()
            .filter(sea_orm::ColumnTrait::is_in(&organization::Column::Id, ids))
            .all(db)
            .await?
            .into_iter()
            .map(|o| (o.id, crate::model::LocalizedName { ar: o.name_ar, en: o.name_en }, o.sector))
            .collect()
    };
    let mut organizations: Vec<Ranked> = Vec::new();
    let mut sectors: Vec<(String, i64)> = Vec::new();
    for (id, minutes) in by_org {
        let Some(o) = orgs.iter().find(|o| o.0.to_string() == id) else { continue };
        organizations.push(Ranked { name: o.1.clone(), value: minutes, extra: 0 });
        let sector = o.2.clone().unwrap_or_else(|| "unknown".into());
        match sectors.iter_mut().find(|(k, _)| *k == sector) {
            Some(s) => s.1 += minutes,
            None => sectors.push((sector, minutes)),
        }
    }
    organizations.sort_by(|a, b| b.value.cmp(&a.value).then_with(|| a.name.en.cmp(&b.name.en)));
    let sector = ranked(sectors);
    let top = db
        .query_all_raw(stmt(
            db,
            &format!(
                "SELECT o.title_ar, o.title_en, CAST(t.n AS BIGINT), CAST(t.approved AS BIGINT) FROM \
                 (SELECT r.opportunity_id, SUM(r.applications) AS n, SUM(r.approved) AS approved FROM rollup_applications r \
                 WHERE r.month >= ? AND r.month <= ?{org_r} GROUP BY r.opportunity_id HAVING SUM(r.applications) > 0 \
                 ORDER BY n DESC, r.opportunity_id LIMIT 10) t JOIN opportunities o ON o.id = t.opportunity_id \
                 ORDER BY t.n DESC, o.id"
            ),
            with_org(span()),
        ))
        .await?;
    let mut opportunities = Vec::new();
    for r in top {
        let ar: Option<String> = r.try_get_by_index(0).map_err(DbErr::from)?;
        let en: Option<String> = r.try_get_by_index(1).map_err(DbErr::from)?;
        let n: i64 = r.try_get_by_index(2).map_err(DbErr::from)?;
        let approved: Option<i64> = r.try_get_by_index(3).map_err(DbErr::from)?;
        opportunities.push(Ranked {
            name: crate::model::LocalizedName {
                ar: ar.clone().or(en.clone()).unwrap_or_default(),
                en: en.or(ar).unwrap_or_default(),
            },
            value: n,
            extra: approved.unwrap_or(0),
        });
    }

    // The funnel of the people counted.
    let funnel = match f.organization {
        None => {
            let stages = people_by(db, "funnel", &first, &last).await?;
            let key = |stage: &'static str| if stage == "profile-complete" { "complete" } else { stage };
            FUNNEL.iter().map(|s| stages.iter().find(|(k, _)| k == key(s)).map_or(0, |(_, n)| *n)).collect()
        }
        Some(_) => {
            // Counted as the network's funnel is: each person at every stage up to the furthest
            // they reached with this organization.
            let registered = count(db, &format!("SELECT COUNT(*) FROM users u WHERE {who}"), with(vec![])).await?;
            let app = |extra: &str| {
                format!(
                    "EXISTS (SELECT 1 FROM applications a JOIN shifts s ON s.id = a.shift_id \
                     JOIN opportunities o ON o.id = s.opportunity_id WHERE a.user_id = u.id{org_o}{extra})"
                )
            };
            let (org_t, org_tv) = of_org(f, "t.organization_id");
            let came = format!("EXISTS (SELECT 1 FROM attendance t WHERE t.user_id = u.id AND t.status <> ?{org_t})");
            let mut came_v: Vec<Value> = vec!["no_show".into()];
            came_v.extend(org_tv);
            let both = |first: Vec<Value>| {
                let mut v = first;
                v.extend(came_v.clone());
                v
            };
            let attended =
                count(db, &format!("SELECT COUNT(*) FROM users u WHERE {who} AND {came}"), with(came_v.clone()))
                    .await?;
            let mut ap = org_v.clone();
            ap.push("approved".into());
            let approved_people = count(
                db,
                &format!("SELECT COUNT(*) FROM users u WHERE {who} AND ({} OR {came})", app(" AND a.status = ?")),
                with(both(ap)),
            )
            .await?;
            let applied = count(
                db,
                &format!("SELECT COUNT(*) FROM users u WHERE {who} AND ({} OR {came})", app("")),
                with(both(org_v.clone())),
            )
            .await?;
            let complete = count(
                db,
                &format!(
                    "SELECT COUNT(*) FROM users u LEFT JOIN volunteer_profiles p ON p.user_id = u.id WHERE {who} \
                     AND ((p.birth_date IS NOT NULL AND p.gender IS NOT NULL AND p.municipality IS NOT NULL \
                     AND p.mobile IS NOT NULL) OR {} OR {came})",
                    app("")
                ),
                with(both(org_v.clone())),
            )
            .await?;
            vec![registered, complete, applied, approved_people, attended]
        }
    };

    Ok(DashboardFigures {
        months,
        registrations,
        applications,
        approved,
        hours,
        municipality,
        gender,
        age_band,
        cause,
        sector,
        organizations,
        opportunities,
        funnel,
        counters: counters(db, f.organization, today, at).await?,
    })
}

/// The headline counters: volunteers who joined today (or, for an organization, applied today),
/// applications waiting for a decision, people checked in right now.
pub async fn counters(
    db: &impl ConnectionTrait,
    organization: Option<i32>,
    today: NaiveDate,
    at: DateTime<Utc>,
) -> Result<[i64; 3], DbErr> {
    let midnight = crate::clock::midnight(today);
    let f = Filter { from: today, to: today, organization };
    let (org_o, org_v) = of_org(&f, "o.organization_id");
    let today_count = match organization {
        None => {
            count(
                db,
                "SELECT COUNT(*) FROM users u WHERE u.is_admin = ? AND u.deleted_at IS NULL AND u.created_at >= ?",
                vec![false.into(), midnight.into()],
            )
            .await?
        }
        Some(_) => {
            let mut v: Vec<Value> = vec![midnight.into()];
            v.extend(org_v.clone());
            count(
                db,
                &format!(
                    "SELECT COUNT(DISTINCT a.user_id) FROM applications a JOIN shifts s ON s.id = a.shift_id \
                     JOIN opportunities o ON o.id = s.opportunity_id WHERE a.created_at >= ?{org_o}"
                ),
                v,
            )
            .await?
        }
    };
    let mut v: Vec<Value> = vec!["pending".into()];
    v.extend(org_v.clone());
    let pending = match organization {
        None => count(db, "SELECT COUNT(*) FROM applications a WHERE a.status = ?", v).await?,
        Some(_) => {
            count(
                db,
                // Written as CROSS JOINs: SQLite then walks the organization's opportunities and
                // their shifts, rather than every pending application in the country.
                &format!(
                    "SELECT COUNT(*) FROM opportunities o CROSS JOIN shifts s CROSS JOIN applications a \
                     WHERE s.opportunity_id = o.id AND a.shift_id = s.id AND a.status = ?{org_o}"
                ),
                v,
            )
            .await?
        }
    };
    let (org_t, org_tv) = of_org(&f, "t.organization_id");
    let mut v: Vec<Value> = vec!["no_show".into(), at.into()];
    v.extend(org_tv);
    let here = count(
        db,
        &format!(
            "SELECT COUNT(*) FROM attendance t WHERE t.status <> ? AND t.checked_in_at IS NOT NULL \
             AND t.checked_out_at IS NULL AND t.checked_in_at <= ?{org_t}"
        ),
        v,
    )
    .await?;
    Ok([today_count, pending, here])
}

/// The public figures of `/impact`: counts of people, hours, opportunities and organizations, and
/// people by municipality, gender and cause, with every cell of fewer than ten people suppressed
/// (shown as "fewer than 10", and kept out of any total that would reveal it).
pub async fn impact(db: &impl ConnectionTrait) -> Result<ImpactFigures, DbErr> {
    let all = |dimension: &'static str| async move {
        let rows = pairs(
            db,
            "SELECT key, CAST(SUM(n) AS BIGINT) FROM rollup_people WHERE dimension = ? GROUP BY key HAVING SUM(n) <> 0",
            vec![dimension.into()],
        )
        .await?;
        Ok::<_, DbErr>(rows)
    };
    let volunteers = all("funnel").await?.into_iter().find(|(k, _)| k == "registered").map_or(0, |(_, n)| n);
    let minutes = count(db, "SELECT CAST(SUM(h.minutes) AS BIGINT) FROM rollup_hours h", vec![]).await?;
    let opportunities =
        count(db, "SELECT COUNT(*) FROM opportunities o WHERE o.status = ?", vec!["published".into()]).await?;
    let organizations =
        count(db, "SELECT COUNT(*) FROM organizations g WHERE g.status = ?", vec!["approved".into()]).await?;
    // Known values only: "unknown" is not a group of people anyone could be found in.
    let known = |rows: Vec<(String, i64)>| rows.into_iter().filter(|(k, _)| !k.is_empty()).collect::<Vec<_>>();
    let municipality = suppress(ranked(known(all("municipality").await?)));
    let gender = suppress(ranked(known(all("gender").await?)));
    // People approved for a place, by the opportunity's cause.
    let cause = suppress(ranked(known(all("cause").await?)));
    Ok(ImpactFigures {
        volunteers: (volunteers >= SUPPRESS_UNDER).then_some(volunteers),
        hours: (volunteers >= SUPPRESS_UNDER).then_some(minutes / 60),
        opportunities,
        organizations,
        municipality,
        gender,
        cause,
    })
}

/// Cells under [`SUPPRESS_UNDER`] people become `None`.
pub fn suppress(rows: Vec<(String, i64)>) -> Vec<(String, Option<i64>)> {
    rows.into_iter().map(|(k, n)| (k, (n >= SUPPRESS_UNDER).then_some(n))).collect()
}

/// Hours, from minutes, to one decimal.
pub fn hours_of(minutes: i64) -> f64 {
    (minutes as f64 / 6.0).round() / 10.0
}

/// The prefix of the Fluent ids that name a breakdown's keys.
pub fn label_prefix(table: &str) -> &'static str {
    match table {
        "municipality" => "municipality",
        "gender" => "gender",
        "age-band" => "age-band",
        "cause" => "cause",
        "sector" => "sector",
        _ => "funnel",
    }
}

/// One table of the figures as CSV (UTF-8 with a BOM, headings in `lang`, cells neutralized), or
/// `None` for a table there is not.
pub fn csv(f: &DashboardFigures, table: &str, lang: crate::i18n::Lang) -> Option<String> {
    use crate::backend::text::csv_line;
    use crate::i18n::translate;
    let h = |id: &str| translate(lang, id);
    let mut out = String::from("\u{feff}");
    let label = |prefix: &str, key: &str| translate(lang, &format!("{prefix}-{key}"));
    match table {
        "series" => {
            out.push_str(&csv_line([
                h("dashboard-col-month").as_str(),
                &h("dashboard-registrations"),
                &h("dashboard-applications"),
                &h("dashboard-approved"),
                &h("dashboard-hours"),
            ]));
            for (i, m) in f.months.iter().enumerate() {
                let cells = [
                    m.clone(),
                    f.registrations[i].to_string(),
                    f.applications[i].to_string(),
                    f.approved[i].to_string(),
                    hours_of(f.hours[i]).to_string(),
                ];
                out.push_str(&csv_line(cells.iter().map(String::as_str)));
            }
        }
        "municipality" | "gender" | "age-band" | "cause" => {
            let rows = match table {
                "municipality" => &f.municipality,
                "gender" => &f.gender,
                "age-band" => &f.age_band,
                _ => &f.cause,
            };
            let value = if table == "cause" { "dashboard-applications" } else { "dashboard-col-volunteers" };
            out.push_str(&csv_line([h(&format!("dashboard-by-{table}")).as_str(), &h(value)]));
            for (k, n) in rows {
                out.push_str(&csv_line([label(label_prefix(table), k).as_str(), &n.to_string()]));
            }
        }
        "sector" => {
            out.push_str(&csv_line([h("dashboard-by-sector").as_str(), &h("dashboard-hours")]));
            for (k, n) in &f.sector {
                out.push_str(&csv_line([label("sector", k).as_str(), &hours_of(*n).to_string()]));
            }
        }
        "organizations" => {
            out.push_str(&csv_line([h("dashboard-col-organization").as_str(), &h("dashboard-hours")]));
            for r in &f.organizations {
                out.push_str(&csv_line([r.name.get(lang), &hours_of(r.value).to_string()]));
            }
        }
        "opportunities" => {
            out.push_str(&csv_line([
                h("dashboard-col-opportunity").as_str(),
                &h("dashboard-applications"),
                &h("dashboard-approved"),
            ]));
            for r in &f.opportunities {
                out.push_str(&csv_line([r.name.get(lang), &r.value.to_string(), &r.extra.to_string()]));
            }
        }
        "funnel" => {
            out.push_str(&csv_line([h("dashboard-col-stage").as_str(), &h("dashboard-col-volunteers")]));
            for (k, n) in FUNNEL.iter().zip(&f.funnel) {
                out.push_str(&csv_line([label("funnel", k).as_str(), &n.to_string()]));
            }
        }
        _ => return None,
    }
    Some(out)
}
