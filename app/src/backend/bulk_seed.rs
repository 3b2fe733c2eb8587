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
                created_at: Set(at),
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
