//! A realistic, bilingual data set at national scale (`tam seed --volunteers 100000
//! --organizations 500`): Arabic and Latin names, plausible skills, causes, municipalities, ages
//! and availability. Minutes, not hours: every generated account shares one password hash of a
//! random secret nobody knows (no Argon2 per person, and nobody can log in as them), and rows go
//! in batches inside transactions. Deterministic for a given size (a fixed random seed).

use rand::{rngs::StdRng, seq::SliceRandom, Rng, SeedableRng};
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter, TransactionTrait};

use super::entities::{organization, user, volunteer_profile, volunteer_tag};
use super::services::{now, profiles};
use super::text::normalize_for_search;

const FIRST_AR: [(&str, &str, &str); 24] = [
    ("محمد", "Mohammed", "male"),
    ("أحمد", "Ahmed", "male"),
    ("عبدالله", "Abdullah", "male"),
    ("خالد", "Khalid", "male"),
    ("حمد", "Hamad", "male"),
    ("جاسم", "Jassim", "male"),
    ("علي", "Ali", "male"),
    ("يوسف", "Yousef", "male"),
    ("عمر", "Omar", "male"),
    ("سعود", "Saud", "male"),
    ("إبراهيم", "Ibrahim", "male"),
    ("مصطفى", "Mustafa", "male"),
    ("فاطمة", "Fatima", "female"),
    ("مريم", "Maryam", "female"),
    ("نورة", "Noora", "female"),
    ("عائشة", "Aisha", "female"),
    ("هند", "Hind", "female"),
    ("سارة", "Sara", "female"),
    ("لطيفة", "Latifa", "female"),
    ("آمنة", "Amna", "female"),
    ("شيخة", "Sheikha", "female"),
    ("ريم", "Reem", "female"),
    ("إيمان", "Eman", "female"),
    ("هيا", "Haya", "female"),
];
const FAMILY_AR: [(&str, &str); 16] = [
    ("الكواري", "Al-Kuwari"),
    ("المري", "Al-Marri"),
    ("الهاجري", "Al-Hajri"),
    ("السليطي", "Al-Sulaiti"),
    ("العطية", "Al-Attiyah"),
    ("المهندي", "Al-Mohannadi"),
    ("النعيمي", "Al-Nuaimi"),
    ("الخليفي", "Al-Khulaifi"),
    ("الدوسري", "Al-Dosari"),
    ("السادة", "Al-Sada"),
    ("الأنصاري", "Al-Ansari"),
    ("الملا", "Al-Mulla"),
    ("الحداد", "Haddad"),
    ("الشمري", "Al-Shammari"),
    ("القحطاني", "Al-Qahtani"),
    ("البوعينين", "Al-Buainain"),
];
const OTHER_NAMES: [(&str, &str); 10] = [
    ("Ahmed Khan", "male"),
    ("Priya Nair", "female"),
    ("Maria Santos", "female"),
    ("John Mathew", "male"),
    ("Fatima Rahman", "female"),
    ("Rahul Menon", "male"),
    ("Amal Haddad", "female"),
    ("Joseph Reyes", "male"),
    ("Sana Malik", "female"),
    ("Omar Farouk", "male"),
];
const NATIONALITIES: [&str; 10] = ["QA", "QA", "QA", "IN", "PH", "EG", "PK", "JO", "SD", "GB"];
const ORG_KINDS: [(&str, &str); 6] = [
    ("جمعية", "Society"),
    ("مركز", "Center"),
    ("مؤسسة", "Foundation"),
    ("نادي", "Club"),
    ("مبادرة", "Initiative"),
    ("فريق", "Team"),
];
const ORG_TOPICS: [(&str, &str); 10] = [
    ("الخير", "Goodwill"),
    ("الأمل", "Hope"),
    ("البيئة", "Environment"),
    ("الشباب", "Youth"),
    ("الرعاية", "Care"),
    ("التعليم", "Learning"),
    ("الصحة", "Health"),
    ("الثقافة", "Culture"),
    ("الرياضة", "Sports"),
    ("الإغاثة", "Relief"),
];

const BATCH: usize = 1000;

fn pick<'a, T>(rng: &mut StdRng, items: &'a [T]) -> &'a T {
    items.choose(rng).expect("non-empty list")
}

fn some_of(rng: &mut StdRng, items: &[&str], max: usize) -> Vec<String> {
    let n = rng.gen_range(1..=max);
    let mut chosen: Vec<String> = items.choose_multiple(rng, n).map(|s| String::from(*s)).collect();
    chosen.sort();
    chosen
}

/// Adds `organizations` organizations and `volunteers` volunteers with full profiles; calls
/// `progress(done, total)` as it goes. Returns the number of volunteers created.
pub async fn seed(
    db: &DatabaseConnection,
    volunteers: usize,
    organizations: usize,
    mut progress: impl FnMut(usize, usize),
) -> Result<usize, DbErr> {
    let mut rng = StdRng::seed_from_u64(2026);
    let start = user::Entity::find().count(db).await?;
    let run = format!("{start}");
    let at = now();
    let today = at.date_naive();

    let txn = db.begin().await?;
    for chunk in (0..organizations).collect::<Vec<_>>().chunks(BATCH) {
        let rows: Vec<organization::ActiveModel> = chunk
            .iter()
            .map(|i| {
                let (kind_ar, kind_en) = pick(&mut rng, &ORG_KINDS);
                let (topic_ar, topic_en) = pick(&mut rng, &ORG_TOPICS);
                let sector = *pick(&mut rng, &super::services::organizations::SECTORS);
                let municipality = *pick(&mut rng, &profiles::MUNICIPALITIES);
                // One in twenty with a licence that has lapsed, for the admins' flag.
                let days = if rng.gen_bool(0.05) { -rng.gen_range(1..200) } else { rng.gen_range(30..1000) };
                organization::ActiveModel {
                    slug: Set(format!("seed-{run}-{i}")),
                    name_ar: Set(format!("{kind_ar} {topic_ar} {}", i + 1)),
                    name_en: Set(format!("{topic_en} {kind_en} {}", i + 1)),
                    created_at: Set(at),
                    description_ar: Set(Some(format!(
                        "{kind_ar} تعمل في مجال {topic_ar} وتستقبل المتطوعين على مدار العام."
                    ))),
                    description_en: Set(Some(format!(
                        "A {} working in {topic_en}, welcoming volunteers all year round.",
                        kind_en.to_lowercase()
                    ))),
                    sector: Set(Some(sector.to_string())),
                    licence_number: Set(Some(format!("MSDF-{run}-{i}"))),
                    licence_expiry: Set(Some(today + chrono::Duration::days(days))),
                    municipality: Set(Some(municipality.to_string())),
                    status: Set("approved".to_string()),
                    ..Default::default()
                }
            })
            .collect();
        organization::Entity::insert_many(rows).exec(&txn).await?;
    }
    txn.commit().await?;

    // One hash of a secret nobody knows: the generated people cannot be logged in as.
    let hash = super::services::accounts::hash_password(
        &crate::model::Password::parse(&super::services::tokens::random_secret())
            .map_err(|e| DbErr::Custom(e.into()))?,
    )
    .await
    .map_err(|e| DbErr::Custom(e.to_string()))?;

    let mut done = 0;
    while done < volunteers {
        let n = BATCH.min(volunteers - done);
        let txn = db.begin().await?;
        let mut users = Vec::with_capacity(n);
        let mut people = Vec::with_capacity(n);
        for i in done..done + n {
            let (name_ar, name_latin, gender) = if rng.gen_bool(0.8) {
                let (first_ar, first_en, gender) = *pick(&mut rng, &FIRST_AR);
                let (family_ar, family_en) = *pick(&mut rng, &FAMILY_AR);
                (Some(format!("{first_ar} {family_ar}")), Some(format!("{first_en} {family_en}")), gender)
            } else {
                let (name, gender) = *pick(&mut rng, &OTHER_NAMES);
                (None, Some(name.to_string()), gender)
            };
            let shown = name_ar.clone().or_else(|| name_latin.clone()).unwrap_or_default();
            users.push(user::ActiveModel {
                email: Set(format!("v{run}-{i}@seed.tam.qa")),
                password_hash: Set(hash.clone()),
                full_name: Set(shown.clone()),
                is_admin: Set(false),
                // Joined over the last two years, for the dashboards' series.
                created_at: Set(at - chrono::Duration::minutes(((i as i64) * 7_919) % (730 * 1_440))),
                email_verified_at: Set(Some(at)),
                lang: Set(if name_ar.is_some() { "ar" } else { "en" }.to_string()),
                ..Default::default()
            });
            people.push((shown, name_ar, name_latin, gender));
        }
        let emails: Vec<String> = (done..done + n).map(|i| format!("v{run}-{i}@seed.tam.qa")).collect();
        user::Entity::insert_many(users).exec(&txn).await?;
        // The new ids by email (never assume a database hands out consecutive ones).
        let ids: std::collections::HashMap<String, i32> = user::Entity::find()
            .filter(user::Column::Email.is_in(emails.clone()))
            .all(&txn)
            .await?
            .into_iter()
            .map(|u| (u.email, u.id))
            .collect();
        let mut profiles_rows = Vec::with_capacity(n);
        let mut tags = Vec::with_capacity(n * 8);
        for (k, (shown, name_ar, name_latin, gender)) in people.into_iter().enumerate() {
            let user_id = ids[&emails[k]];
            let age = if rng.gen_bool(0.08) { rng.gen_range(14..18) } else { rng.gen_range(18..70) };
            let birth =
                today.checked_sub_days(chrono::Days::new((age * 365 + rng.gen_range(0..365)) as u64)).unwrap_or(today);
            let mut add = |kind: &str, values: Vec<String>| {
                for v in values {
                    tags.push(volunteer_tag::ActiveModel {
                        user_id: Set(user_id),
                        kind: Set(kind.to_string()),
                        value: Set(v),
                    });
                }
            };
            add("skill", some_of(&mut rng, &profiles::SKILLS, 3));
            add("cause", some_of(&mut rng, &profiles::CAUSES, 3));
            let mut languages = vec!["ar".to_string()];
            if rng.gen_bool(0.7) {
                languages.push("en".into());
            }
            add("language", languages);
            let slots: Vec<String> = (0..rng.gen_range(1..=4))
                .map(|_| format!("{}-{}", pick(&mut rng, &profiles::DAYS), pick(&mut rng, &profiles::DAY_PARTS)))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            add("slot", slots);
            let search = normalize_for_search(
                &[Some(shown.as_str()), name_ar.as_deref(), name_latin.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            profiles_rows.push(volunteer_profile::ActiveModel {
                user_id: Set(user_id),
                name_ar: Set(name_ar),
                name_latin: Set(name_latin),
                mobile: Set(Some(format!("+974{}{:07}", pick(&mut rng, &[3, 5, 6, 7]), rng.gen_range(0..10_000_000)))),
                birth_date: Set(Some(birth)),
                gender: Set(Some(gender.to_string())),
                nationality: Set(Some(String::from(*pick(&mut rng, &NATIONALITIES)))),
                municipality: Set(Some(String::from(*pick(&mut rng, &profiles::MUNICIPALITIES)))),
                education: Set(Some(String::from(*pick(&mut rng, &profiles::EDUCATION)))),
                skills_other: Set(None),
                emergency_name: Set(None),
                emergency_phone: Set(None),
                emergency_relation: Set(None),
                guardian_name: Set(None),
                guardian_phone: Set(None),
                guardian_email: Set(None),
                guardian_relation: Set(None),
                guardian_consent_at: Set(None),
                search_text: Set(search),
                updated_at: Set(at),
            });
        }
        volunteer_profile::Entity::insert_many(profiles_rows).exec(&txn).await?;
        for chunk in tags.chunks(BATCH) {
            volunteer_tag::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
        }
        txn.commit().await?;
        done += n;
        progress(done, volunteers);
    }
    Ok(done)
}

const ACTIVITIES: [(&str, &str, &str); 8] = [
    ("توزيع السلال الغذائية", "Food basket distribution", "relief"),
    ("تنظيف الشاطئ", "Beach clean-up", "environment"),
    ("قراءة للأطفال", "Reading with children", "education"),
    ("زيارة كبار السن", "Visiting the elderly", "health"),
    ("تنظيم فعالية رياضية", "Sports event stewarding", "sports"),
    ("دعم ذوي الإعاقة", "Supporting people with disabilities", "disabilities"),
    ("إرشاد الزوار في المتحف", "Guiding museum visitors", "culture"),
    ("حملة التبرع بالدم", "Blood donation drive", "health"),
];

/// Accounts a benchmark logs in as, with `password`: `bench-volunteer@seed.tam.qa` (with
/// applications of their own) and `bench-coordinator@seed.tam.qa` (of an organization with
/// exactly 200 pending applications).
pub const BENCH_VOLUNTEER: &str = "bench-volunteer@seed.tam.qa";
pub const BENCH_COORDINATOR: &str = "bench-coordinator@seed.tam.qa";

/// Opportunities (1 to 3 shifts each, in the next 90 days, most published) across the existing
/// organizations, and applications of the existing volunteers to them in every state, seats
/// counted as approvals take them. With `bench_password`, also the two benchmark accounts.
/// Returns (opportunities, applications) added.
pub async fn seed_activity(
    db: &DatabaseConnection,
    opportunities: usize,
    applications: usize,
    bench_password: Option<&str>,
    mut progress: impl FnMut(&str, usize, usize),
) -> Result<(usize, usize), DbErr> {
    use super::entities::{application, coordinator, opportunity, opportunity_skill, shift};
    use sea_orm::{QueryOrder, QuerySelect};
    let mut rng = StdRng::seed_from_u64(2027);
    let at = now();
    let orgs: Vec<i32> = organization::Entity::find()
        .filter(organization::Column::Status.eq("approved"))
        .select_only()
        .column(organization::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let people: Vec<i32> = volunteer_profile::Entity::find()
        .select_only()
        .column(volunteer_profile::Column::UserId)
        .order_by_asc(volunteer_profile::Column::UserId)
        .into_tuple()
        .all(db)
        .await?;
    if orgs.is_empty() || people.is_empty() {
        return Err(DbErr::Custom("seed organizations and volunteers first".into()));
    }
    let creator = people[0];

    // The benchmark's organization and accounts.
    let bench = match bench_password {
        Some(password) => {
            let hash = super::services::accounts::hash_password(
                &crate::model::Password::parse(password).map_err(|e| DbErr::Custom(e.into()))?,
            )
            .await
            .map_err(|e| DbErr::Custom(e.to_string()))?;
            let mut ids = Vec::new();
            for (email, name) in [(BENCH_VOLUNTEER, "متطوع القياس"), (BENCH_COORDINATOR, "منسق القياس")]
            {
                let u = user::ActiveModel {
                    email: Set(email.to_string()),
                    password_hash: Set(hash.clone()),
                    full_name: Set(name.to_string()),
                    is_admin: Set(false),
                    created_at: Set(at),
                    email_verified_at: Set(Some(at)),
                    lang: Set("ar".to_string()),
                    ..Default::default()
                }
                .insert(db)
                .await?;
                ids.push(u.id);
            }
            volunteer_profile::ActiveModel {
                user_id: Set(ids[0]),
                birth_date: Set(Some(chrono::NaiveDate::from_ymd_opt(1994, 3, 1).unwrap_or_default())),
                gender: Set(Some("female".into())),
                municipality: Set(Some("doha".into())),
                search_text: Set(String::new()),
                updated_at: Set(at),
                ..Default::default()
            }
            .insert(db)
            .await?;
            coordinator::ActiveModel { user_id: Set(ids[1]), organization_id: Set(orgs[0]), created_at: Set(at) }
                .insert(db)
                .await?;
            Some((ids[0], orgs[0]))
        }
        None => None,
    };

    // Opportunities and their shifts.
    let mut shifts_made: Vec<(i32, i32, i32)> = Vec::new(); // (shift, organization, capacity)
    let mut done = 0;
    while done < opportunities {
        let n = BATCH.min(opportunities - done);
        let txn = db.begin().await?;
        let mut rows = Vec::with_capacity(n);
        let mut meta = Vec::with_capacity(n);
        for i in done..done + n {
            // The benchmark's organization gets the first 40.
            let org = if bench.is_some() && i < 40 { orgs[0] } else { *pick(&mut rng, &orgs) };
            let (ar, en, cause) = *pick(&mut rng, &ACTIVITIES);
            let municipality = *pick(&mut rng, &profiles::MUNICIPALITIES);
            let title_ar = format!("{ar} {}", i + 1);
            let title_en = format!("{en} {}", i + 1);
            let published = rng.gen_bool(0.9);
            rows.push(opportunity::ActiveModel {
                organization_id: Set(org),
                search_text: Set(normalize_for_search(&format!("{title_ar} {title_en}"))),
                title_ar: Set(Some(title_ar)),
                title_en: Set(Some(title_en)),
                description_ar: Set(Some(format!("{ar}: نحتاج متطوعين ملتزمين."))),
                description_en: Set(Some(format!("{en}: committed volunteers needed."))),
                cause: Set(cause.to_string()),
                municipality: Set(municipality.to_string()),
                place: Set(format!("{municipality} #{}", i % 97)),
                min_age: Set(*pick(&mut rng, &[14, 16, 18])),
                gender_rule: Set("any".to_string()),
                signup_cutoff_hours: Set(12),
                withdraw_cutoff_hours: Set(24),
                status: Set(if published { "published" } else { "draft" }.to_string()),
                created_by: Set(creator),
                created_at: Set(at),
                updated_at: Set(at),
                ..Default::default()
            });
            meta.push(org);
        }
        let first = opportunity::Entity::insert_many(rows).exec(&txn).await?.last_insert_id;
        // The ids just given, in order (a batch in one transaction is consecutive here, and
        // read back to be sure).
        let ids: Vec<i32> = opportunity::Entity::find()
            .filter(opportunity::Column::Id.lte(first))
            .order_by_desc(opportunity::Column::Id)
            .limit(n as u64)
            .select_only()
            .column(opportunity::Column::Id)
            .into_tuple::<i32>()
            .all(&txn)
            .await?
            .into_iter()
            .rev()
            .collect();
        let mut skills = Vec::new();
        let mut shift_rows = Vec::new();
        let mut shift_meta = Vec::new();
        for (k, id) in ids.iter().enumerate() {
            for skill in some_of(&mut rng, &profiles::SKILLS, 2) {
                skills.push(opportunity_skill::ActiveModel {
                    opportunity_id: Set(*id),
                    skill: Set(skill),
                    required: Set(rng.gen_bool(0.5)),
                });
            }
            for _ in 0..rng.gen_range(1..=3) {
                let start = at + chrono::Duration::hours(rng.gen_range(24..24 * 90));
                let capacity = rng.gen_range(5..=50);
                shift_rows.push(shift::ActiveModel {
                    opportunity_id: Set(*id),
                    starts_at: Set(start),
                    ends_at: Set(start + chrono::Duration::hours(rng.gen_range(2..=6))),
                    capacity: Set(capacity),
                    taken: Set(0),
                    series_id: Set(None),
                    ..Default::default()
                });
                shift_meta.push((meta[k], capacity));
            }
        }
        opportunity_skill::Entity::insert_many(skills).exec(&txn).await?;
        let count = shift_rows.len();
        let last = shift::Entity::insert_many(shift_rows).exec(&txn).await?.last_insert_id;
        let shift_ids: Vec<i32> = shift::Entity::find()
            .filter(shift::Column::Id.lte(last))
            .order_by_desc(shift::Column::Id)
            .limit(count as u64)
            .select_only()
            .column(shift::Column::Id)
            .into_tuple::<i32>()
            .all(&txn)
            .await?
            .into_iter()
            .rev()
            .collect();
        for (sid, (org, cap)) in shift_ids.into_iter().zip(shift_meta) {
            shifts_made.push((sid, org, cap));
        }
        txn.commit().await?;
        done += n;
        progress("opportunities", done, opportunities);
    }

    // Applications: each a distinct (volunteer, shift); approved while seats last.
    let mut taken: std::collections::HashMap<i32, i32> = std::collections::HashMap::new();
    let mut pairs: std::collections::HashSet<(i32, i32)> = std::collections::HashSet::new();
    let mut bench_pending = 0;
    let mut made = 0;
    while made < applications {
        let n = BATCH.min(applications - made);
        let txn = db.begin().await?;
        let mut rows = Vec::with_capacity(n);
        while rows.len() < n {
            let (sid, org, cap) = *pick(&mut rng, &shifts_made);
            let user_id = match bench {
                // The benchmark volunteer gets a few of their own.
                Some((v, _)) if rng.gen_ratio(1, 20_000) => v,
                _ => *pick(&mut rng, &people),
            };
            if !pairs.insert((user_id, sid)) {
                continue;
            }
            let for_bench_org = bench.is_some_and(|(_, o)| o == org);
            let roll: u32 = rng.gen_range(0..100);
            let mut status = match roll {
                0..=39 => "approved",
                40..=69 => "pending",
                70..=79 => "rejected",
                80..=89 => "waitlisted",
                _ => "withdrawn",
            };
            // The benchmark organization's queue holds exactly 200 pending (and no waitlist).
            if for_bench_org && status == "waitlisted" {
                status = "rejected";
            }
            if for_bench_org && status == "pending" {
                if bench_pending >= 200 {
                    status = "rejected";
                } else {
                    bench_pending += 1;
                }
            }
            if status == "approved" {
                let t = taken.entry(sid).or_insert(0);
                if *t >= cap {
                    status = "waitlisted";
                } else {
                    *t += 1;
                }
            }
            rows.push(application::ActiveModel {
                shift_id: Set(sid),
                user_id: Set(user_id),
                status: Set(status.to_string()),
                motivation: Set(rng.gen_bool(0.3).then(|| "أحب خدمة مجتمعي.".to_string())),
                reason: Set((status == "rejected").then(|| "اكتمل العدد".to_string())),
                decided_by: Set(None),
                decided_at: Set((status != "pending").then_some(at)),
                withdrawn_late: Set(status == "withdrawn" && rng.gen_bool(0.2)),
                created_at: Set(at),
                updated_at: Set(at),
                offer_expires_at: Set(None),
                reminded_at: Set(None),
                ..Default::default()
            });
        }
        application::Entity::insert_many(rows).exec(&txn).await?;
        txn.commit().await?;
        made += n;
        progress("applications", made, applications);
    }
    // The seat counts, as the approvals above took them.
    let txn = db.begin().await?;
    for (sid, t) in taken {
        shift::Entity::update_many()
            .col_expr(shift::Column::Taken, Expr::value(t))
            .filter(shift::Column::Id.eq(sid))
            .exec(&txn)
            .await?;
    }
    super::services::opportunities::refresh_all_next_starts(&txn, at).await?;
    txn.commit().await?;
    if bench.is_some() && bench_pending < 200 {
        tracing::warn!(pending = bench_pending, "the benchmark organization has fewer than 200 pending applications");
    }
    Ok((opportunities, made))
}

/// A year of history for the demo's dashboards (once, when no hours exist yet): the generated
/// volunteers' registrations spread over the last twelve months; a past shift of each published
/// opportunity whose approved volunteers were marked present, late or absent (writing the hours
/// ledger and tiers as a coordinator's marks do); and approved and waiting self-reported hours
/// with the organizations. Returns the hour lines added.
pub async fn seed_history(db: &DatabaseConnection) -> Result<usize, DbErr> {
    use super::entities::{application, coordinator, hour_entry, opportunity, shift};
    use super::services::attendance;
    use sea_orm::PaginatorTrait;
    if hour_entry::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let mut rng = StdRng::seed_from_u64(9);
    let at = now();
    let people: Vec<user::Model> =
        user::Entity::find().filter(user::Column::Email.like("%@seed.tam.qa")).all(db).await?;
    let txn = db.begin().await?;
    for p in &people {
        let back = chrono::Duration::days(rng.gen_range(0..360)) + chrono::Duration::minutes(rng.gen_range(0..1440));
        user::Entity::update_many()
            .col_expr(user::Column::CreatedAt, Expr::value(at - back))
            .filter(user::Column::Id.eq(p.id))
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    let opportunities = opportunity::Entity::find().filter(opportunity::Column::Status.eq("published")).all(db).await?;
    let mut lines = 0;
    for (n, o) in opportunities.iter().enumerate() {
        let Some(c) = coordinator::Entity::find()
            .filter(coordinator::Column::OrganizationId.eq(o.organization_id))
            .one(db)
            .await?
        else {
            continue;
        };
        // A past shift, three hours long, some weeks ago.
        let starts = at - chrono::Duration::days(14 + 23 * n as i64);
        let s = shift::ActiveModel {
            opportunity_id: Set(o.id),
            starts_at: Set(starts),
            ends_at: Set(starts + chrono::Duration::hours(3)),
            capacity: Set(30),
            taken: Set(0),
            series_id: Set(None),
            checkin_secret: Set(None),
            ..Default::default()
        }
        .insert(db)
        .await?;
        let mut ids = Vec::new();
        for p in people.choose_multiple(&mut rng, 24) {
            let a = application::ActiveModel {
                shift_id: Set(s.id),
                user_id: Set(p.id),
                status: Set("approved".into()),
                motivation: Set(None),
                reason: Set(None),
                decided_by: Set(Some(c.user_id)),
                decided_at: Set(Some(starts - chrono::Duration::days(3))),
                withdrawn_late: Set(false),
                created_at: Set(starts - chrono::Duration::days(6)),
                updated_at: Set(starts - chrono::Duration::days(3)),
                offer_expires_at: Set(None),
                reminded_at: Set(Some(starts - chrono::Duration::days(1))),
                ..Default::default()
            }
            .insert(db)
            .await?;
            ids.push(a.id);
        }
        shift::Entity::update_many()
            .col_expr(shift::Column::Taken, Expr::value(ids.len() as i32))
            .filter(shift::Column::Id.eq(s.id))
            .exec(db)
            .await?;
        let (present, rest) = ids.split_at(18);
        let (late, absent) = rest.split_at(3);
        let org = o.organization_id;
        attendance::mark(db, org, c.user_id, s.id, present, attendance::PRESENT, starts)
            .await
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        attendance::mark(db, org, c.user_id, s.id, late, attendance::LATE, starts)
            .await
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        attendance::mark(db, org, c.user_id, s.id, absent, attendance::NO_SHOW, starts)
            .await
            .map_err(|e| DbErr::Custom(e.to_string()))?;
        lines += present.len() + late.len();
        // Hours some of them reported to the organization besides: most approved, a few waiting.
        for (i, p) in people.choose_multiple(&mut rng, 60).enumerate() {
            let pending = i % 10 == 0;
            hour_entry::ActiveModel {
                user_id: Set(p.id),
                organization_id: Set(org),
                attendance_id: Set(None),
                activity: Set(Some(String::from(*pick(&mut rng, &REPORTED)))),
                worked_on: Set((at - chrono::Duration::days(rng.gen_range(1..330))).date_naive()),
                minutes: Set(rng.gen_range(2..=16) * 30),
                status: Set(if pending { "pending" } else { "approved" }.into()),
                note: Set(None),
                decided_by: Set((!pending).then_some(c.user_id)),
                decided_at: Set((!pending).then_some(at)),
                created_at: Set(at),
                ..Default::default()
            }
            .insert(db)
            .await?;
            lines += 1;
        }
    }
    Ok(lines)
}

const REPORTED: [&str; 5] = [
    "فرز التبرعات في المستودع",
    "Tutoring at the community center",
    "تنظيم طابور التسجيل",
    "Beach clean-up",
    "تغليف السلال الغذائية",
];

/// `n` lines of the hours ledger for the generated volunteers with the approved organizations,
/// over the last two years: nine in ten approved, the rest waiting or rejected. For the dashboard
/// benchmark. Returns how many were added.
pub async fn seed_hours(
    db: &DatabaseConnection,
    n: usize,
    mut progress: impl FnMut(usize, usize),
) -> Result<usize, DbErr> {
    use super::entities::hour_entry;
    use sea_orm::QuerySelect;
    let mut rng = StdRng::seed_from_u64(2027);
    let people: Vec<i32> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Email.like("%@seed.tam.qa"))
        .into_tuple()
        .all(db)
        .await?;
    let orgs: Vec<i32> = organization::Entity::find()
        .select_only()
        .column(organization::Column::Id)
        .filter(organization::Column::Status.eq("approved"))
        .into_tuple()
        .all(db)
        .await?;
    if people.is_empty() || orgs.is_empty() {
        return Ok(0);
    }
    let at = now();
    let today = crate::clock::date(at);
    let mut done = 0;
    while done < n {
        let txn = db.begin().await?;
        for _ in 0..20 {
            let k = 1_000.min(n - done);
            if k == 0 {
                break;
            }
            let rows = (0..k).map(|_| {
                let roll = rng.gen_range(0..100);
                let status = if roll < 90 {
                    "approved"
                } else if roll < 97 {
                    "pending"
                } else {
                    "rejected"
                };
                hour_entry::ActiveModel {
                    user_id: Set(*people.choose(&mut rng).expect("people")),
                    organization_id: Set(*orgs.choose(&mut rng).expect("organizations")),
                    attendance_id: Set(None),
                    activity: Set(Some(String::from(*pick(&mut rng, &REPORTED)))),
                    worked_on: Set(today - chrono::Duration::days(rng.gen_range(0..730))),
                    minutes: Set(rng.gen_range(1..=16) * 30),
                    status: Set(status.into()),
                    note: Set(None),
                    decided_by: Set(None),
                    decided_at: Set((status != "pending").then_some(at)),
                    created_at: Set(at),
                    ..Default::default()
                }
            });
            hour_entry::Entity::insert_many(rows.collect::<Vec<_>>()).exec_without_returning(&txn).await?;
            done += k;
        }
        txn.commit().await?;
        progress(done, n);
    }
    Ok(done)
}
