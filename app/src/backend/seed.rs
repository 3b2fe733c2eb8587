//! The demo data set: a few organizations, coordinators and volunteers in both languages, so a
//! newcomer can log in at once. Loaded only by `tam seed-demo` / `tam serve --demo`.

use sea_orm::{entity::prelude::*, QueryFilter};

use super::entities::{opportunity, organization, shift, user};
use super::services::{self, accounts, organizations};
use crate::model::{AppError, Email, FullName, Password};

/// Every demo account shares this password; it is printed in the README.
pub const DEMO_PASSWORD: &str = "tam-demo-2026";

pub struct DemoAccount {
    pub email: &'static str,
    pub full_name: &'static str,
    /// Index into [`ORGANIZATIONS`] for coordinators.
    pub coordinates: Option<usize>,
    /// The TOTP secret of a staff account (two-step sign-in is on; the secret is in the README).
    pub totp: Option<&'static str>,
}

pub const ORGANIZATIONS: [(&str, &str, &str); 3] = [
    ("qatar-red-crescent", "الهلال الأحمر القطري", "Qatar Red Crescent"),
    ("eid-charity", "جمعية عيد الخيرية", "Eid Charity"),
    ("doha-green-center", "مركز الدوحة الأخضر", "Doha Green Center"),
];

/// Each demo organization's details: sector, municipality, licence (days from today, negative for
/// one that has expired, so admins see the flag), and a description in one or both languages.
fn demo_details(slug: &str) -> organizations::OrganizationDetails {
    let (sector, municipality, days, ar, en): (&str, &str, i64, Option<&str>, Option<&str>) = match slug {
        "qatar-red-crescent" => (
            "humanitarian",
            "doha",
            400,
            Some("منظمة إنسانية تطوعية تقدم الإغاثة والرعاية الصحية والدعم المجتمعي داخل قطر وخارجها."),
            Some("A voluntary humanitarian organization providing relief, health care and community support in Qatar and abroad."),
        ),
        "eid-charity" => (
            "charity",
            "al-rayyan",
            20,
            Some("جمعية خيرية تدعم الأسر والأيتام وكبار السن وتنظم برامج موسمية للعطاء."),
            Some("A charity supporting families, orphans and the elderly, with seasonal giving programmes."),
        ),
        _ => (
            "environment",
            "al-wakrah",
            -10,
            Some("مركز بيئي ينظم حملات التشجير وتنظيف الشواطئ والتوعية بإعادة التدوير."),
            None,
        ),
    };
    organizations::OrganizationDetails {
        name_ar: String::new(),
        name_en: String::new(),
        description_ar: ar.map(String::from),
        description_en: en.map(String::from),
        sector: sector.into(),
        licence_number: format!("MSDF-{}", 1000 + slug.len()),
        licence_expiry: services::today() + chrono::Duration::days(days),
        contact_name: "مسؤول التطوع".into(),
        contact_phone: "+97444001122".into(),
        contact_email: format!("volunteering@{slug}.example.qa"),
        municipality: municipality.into(),
        website: Some(format!("https://{slug}.example.qa")),
    }
}

pub const ACCOUNTS: [DemoAccount; 6] = [
    DemoAccount {
        email: "coordinator@tam.qa",
        full_name: "مريم الكواري",
        coordinates: Some(0),
        totp: Some("TAMDEMOMARYAMKUWARIQRCSECRETXYZA"),
    },
    DemoAccount {
        email: "coordinator2@tam.qa",
        full_name: "Omar Haddad",
        coordinates: Some(1),
        totp: Some("TAMDEMOOMARHADDADEIDCHARITYSECRT"),
    },
    DemoAccount { email: "volunteer@tam.qa", full_name: "فاطمة المري", coordinates: None, totp: None },
    DemoAccount { email: "volunteer2@tam.qa", full_name: "Ahmed Khan", coordinates: None, totp: None },
    DemoAccount { email: "volunteer3@tam.qa", full_name: "نورة السليطي", coordinates: None, totp: None },
    // Has applied for an organization that waits in the admins' queue.
    DemoAccount { email: "applicant@tam.qa", full_name: "خالد العطية", coordinates: None, totp: None },
];

/// The demo volunteers' profiles, filled in as a volunteer would.
fn demo_profile(email: &str) -> Option<services::profiles::ProfileInput> {
    use services::profiles::ProfileInput;
    let v = |list: &[&str]| list.iter().map(|s| String::from(*s)).collect::<Vec<_>>();
    let base = |name_ar: &str, name_latin: &str, born: &str, gender: &str, municipality: &str| ProfileInput {
        name_ar: name_ar.into(),
        name_latin: name_latin.into(),
        birth_date: born.into(),
        gender: gender.into(),
        municipality: municipality.into(),
        ..Default::default()
    };
    Some(match email {
        "volunteer@tam.qa" => ProfileInput {
            mobile: "55551234".into(),
            nationality: "QA".into(),
            education: "bachelor".into(),
            languages: v(&["ar", "en"]),
            skills: v(&["first-aid", "teaching"]),
            causes: v(&["health", "education"]),
            availability: v(&["sat-morning", "thu-evening"]),
            emergency_name: "مريم المري".into(),
            emergency_phone: "33123456".into(),
            emergency_relation: "أخت".into(),
            ..base("فاطمة المري", "Fatima Al-Marri", "1996-04-12", "female", "al-rayyan")
        },
        "volunteer2@tam.qa" => ProfileInput {
            mobile: "+974 6612 3344".into(),
            nationality: "PK".into(),
            education: "master".into(),
            languages: v(&["en", "ur", "ar"]),
            skills: v(&["it", "translation"]),
            causes: v(&["education", "community"]),
            availability: v(&["fri-afternoon", "sat-afternoon"]),
            ..base("", "Ahmed Khan", "1989-09-30", "male", "doha")
        },
        "volunteer3@tam.qa" => ProfileInput {
            nationality: "QA".into(),
            education: "secondary".into(),
            languages: v(&["ar"]),
            skills: v(&["event-support"]),
            causes: v(&["environment"]),
            availability: v(&["sun-evening"]),
            ..base("نورة السليطي", "Noora Al-Sulaiti", "2003-01-20", "female", "al-wakrah")
        },
        _ => return None,
    })
}

/// Loads the demo data; safe to run again (what exists is left alone).
pub async fn seed_demo(db: &DatabaseConnection) -> Result<usize, AppError> {
    let mut created = 0;
    let mut org_ids = Vec::new();
    for (slug, ar, en) in ORGANIZATIONS {
        let existing = organization::Entity::find().filter(organization::Column::Slug.eq(slug)).one(db).await?;
        let org = match existing {
            Some(o) => o,
            None => {
                created += 1;
                let org = organizations::create(db, slug, ar, en).await?;
                organizations::set_details(db, org.id, &demo_details(slug)).await?;
                org
            }
        };
        org_ids.push(org.id);
    }
    let password = Password::parse(DEMO_PASSWORD).map_err(|_| AppError::Internal)?;
    for account in &ACCOUNTS {
        if user::Entity::find().filter(user::Column::Email.eq(account.email)).one(db).await?.is_some() {
            continue;
        }
        let name = FullName::parse(account.full_name).map_err(|_| AppError::Internal)?;
        let email = Email::parse(account.email).map_err(|_| AppError::Internal)?;
        let user = accounts::register(db, &name, &email, &password, false).await?;
        // The demo's addresses are taken as verified.
        user::Entity::update_many()
            .col_expr(user::Column::EmailVerifiedAt, sea_orm::sea_query::Expr::value(Some(services::now())))
            .filter(user::Column::Id.eq(user.id))
            .exec(db)
            .await?;
        if let Some(secret) = account.totp {
            services::mfa::enrol_with(db, user.id, secret, &[]).await?;
        }
        if let Some(i) = account.coordinates {
            accounts::make_coordinator(db, user.id, org_ids[i]).await?;
        }
        services::privacy::accept_current(db, user.id, crate::i18n::Lang::Ar, &[], None).await?;
        if account.email == "applicant@tam.qa" {
            let application = organizations::OrganizationInput {
                name_ar: "مركز النور للشباب".into(),
                name_en: "Al Noor Youth Center".into(),
                description_ar: "مركز شبابي في الخور يقدم برامج للمهارات والقيادة والتطوع لطلاب المدارس والجامعات."
                    .into(),
                description_en: String::new(),
                sector: "youth-sports".into(),
                licence_number: "MSDF-2291".into(),
                licence_expiry: (services::today() + chrono::Duration::days(700)).to_string(),
                contact_name: "خالد العطية".into(),
                contact_phone: "+974 5566 7788".into(),
                contact_email: "applicant@tam.qa".into(),
                municipality: "al-khor".into(),
                website: String::new(),
            }
            .parse(services::today())?;
            organizations::apply(db, user.id, &application, None).await?;
        }
        if let Some(input) = demo_profile(account.email) {
            let profile = input.parse(services::now().date_naive())?;
            services::profiles::save(db, user.id, &profile).await?;
        }
        created += 1;
    }
    if opportunity::Entity::find().one(db).await?.is_none() {
        demo_opportunities(db, &org_ids).await?;
    }
    Ok(created)
}

async fn user_id(db: &DatabaseConnection, email: &str) -> Result<i32, AppError> {
    Ok(user::Entity::find().filter(user::Column::Email.eq(email)).one(db).await?.ok_or(AppError::Internal)?.id)
}

/// The demo's opportunities, with applications in every state: approved, pending, waitlisted
/// (one holding an offered seat), rejected, withdrawn, cancelled and expired.
async fn demo_opportunities(db: &DatabaseConnection, org_ids: &[i32]) -> Result<(), AppError> {
    use services::applications::{self, Decision};
    use services::opportunities::{self, OpportunityInput, ShiftInput};
    let maryam = user_id(db, "coordinator@tam.qa").await?;
    let omar = user_id(db, "coordinator2@tam.qa").await?;
    let (fatima, ahmed, noora) = (
        user_id(db, "volunteer@tam.qa").await?,
        user_id(db, "volunteer2@tam.qa").await?,
        user_id(db, "volunteer3@tam.qa").await?,
    );
    let now = services::now();
    // Qatar's date in `days` days, at `hour`:00 (typed as a coordinator would).
    let at = |days: i64, hour: u32| {
        let d = crate::clock::date(now + chrono::Duration::days(days));
        format!("{d}T{hour:02}:00")
    };
    let plan: [(usize, i32, OpportunityInput, (i64, u32, u32), &str, &str); 4] = [
        (
            0,
            maryam,
            OpportunityInput {
                title_ar: "إسعافات أولية في ماراثون الكورنيش".into(),
                title_en: "First aid at the Corniche marathon".into(),
                description_ar: "ندعم فرق الإسعاف على طول مسار الماراثون: نقاط المياه، والإسعافات الأولية البسيطة، وإرشاد العدائين.".into(),
                description_en: "Support the medical teams along the marathon route: water points, simple first aid and guiding runners.".into(),
                cause: "health".into(),
                municipality: "doha".into(),
                place: "كورنيش الدوحة، نقطة البداية عند متحف الفن الإسلامي".into(),
                min_age: "18".into(),
                signup_cutoff_hours: "12".into(),
                withdraw_cutoff_hours: "24".into(),
                required_skills: vec!["first-aid".into()],
                ..Default::default()
            },
            (5, 6, 11),
            "5",
            "1",
        ),
        (
            0,
            maryam,
            OpportunityInput {
                title_ar: "توزيع السلال الغذائية".into(),
                description_ar: "تجهيز السلال الغذائية وتوزيعها على الأسر المسجلة، كل سبت.".into(),
                cause: "relief".into(),
                municipality: "al-rayyan".into(),
                place: "مستودع الهلال الأحمر، الريان".into(),
                min_age: "16".into(),
                ..Default::default()
            },
            (2, 8, 12),
            "12",
            "4",
        ),
        (
            1,
            omar,
            OpportunityInput {
                title_en: "Reading club for children".into(),
                description_en: "Read aloud with children aged 6 to 10 and help them choose books, in Arabic or English.".into(),
                cause: "children".into(),
                municipality: "al-rayyan".into(),
                place: "Eid Charity family center, Al Rayyan".into(),
                min_age: "18".into(),
                required_skills: vec!["teaching".into()],
                ..Default::default()
            },
            (3, 16, 18),
            "4",
            "2",
        ),
        (
            1,
            omar,
            OpportunityInput {
                title_ar: "زيارة كبار السن في دار الرعاية".into(),
                title_en: "Visiting the elderly at the care home".into(),
                cause: "elderly".into(),
                municipality: "doha".into(),
                place: "دار رعاية كبار السن، الدوحة".into(),
                min_age: "18".into(),
                gender_rule: "women".into(),
                ..Default::default()
            },
            (4, 10, 12),
            "6",
            "1",
        ),
    ];
    // The network's qualifications; the marathon asks for first aid, which Fatima holds.
    let named = |ar: &str, en: &str| crate::model::LocalizedName { ar: ar.into(), en: en.into() };
    let first_aid =
        services::qualifications::create(db, None, &named("الإسعافات الأولية", "First aid"), Some(24), now).await?;
    services::qualifications::create(db, None, &named("حماية الطفل", "Child safeguarding"), Some(36), now).await?;
    services::qualifications::create(db, None, &named("سلامة الغذاء", "Food safety"), Some(12), now).await?;
    services::qualifications::grant(db, fatima, first_aid.id, now - chrono::Duration::days(90)).await?;
    // Capacity building: the Red Crescent's youth track (three weekly sessions, granting team
    // leadership) and a first-aid course (which the marathon's page names); Ahmed is enrolled.
    let leadership = services::qualifications::create(
        db,
        None,
        &named("قيادة الفرق الشبابية", "Youth team leadership"),
        Some(24),
        now,
    )
    .await?;
    let track = services::training::CourseInput {
        title_ar: "مسار القيادة التطوعية للشباب".into(),
        title_en: "Youth volunteer leadership track".into(),
        description_ar: "ثلاث جلسات أسبوعية لطلاب المدارس والجامعات: قيادة فريق ميداني، والتواصل مع المستفيدين، وسلامة المتطوعين. من يحضر الجلسات كلها يُمنح مؤهل قيادة الفرق الشبابية.".into(),
        description_en: "Three weekly sessions for school and university students: leading a field team, talking with the people you serve, and volunteers' safety. Attend them all to be granted Youth team leadership.".into(),
        qualification: leadership.id.to_string(),
        valid_months: "24".into(),
    };
    let track_sessions = ShiftInput { starts: at(10, 16), ends: at(10, 19), capacity: "20".into(), weeks: "3".into() };
    let youth = services::training::create(db, Some(org_ids[0]), maryam, &track, &track_sessions, now).await?;
    services::training::enrol(db, ahmed, youth.id, now).await?;
    let basics = services::training::CourseInput {
        title_ar: "أساسيات الإسعافات الأولية".into(),
        title_en: "First aid basics".into(),
        description_ar: "جلسة عملية واحدة: الإنعاش القلبي الرئوي، والنزيف، والحروق، ومتى تطلب الإسعاف.".into(),
        description_en: "One practical session: CPR, bleeding, burns, and when to call an ambulance.".into(),
        qualification: first_aid.id.to_string(),
        valid_months: "24".into(),
    };
    let basics_session = ShiftInput { starts: at(5, 9), ends: at(5, 13), capacity: "15".into(), weeks: "".into() };
    services::training::create(db, Some(org_ids[0]), maryam, &basics, &basics_session, now).await?;
    let mut shifts_of = Vec::new();
    for (i, (org, coordinator, input, (days, from, to), capacity, weeks)) in plan.into_iter().enumerate() {
        let mut details = input.parse()?;
        if i == 0 {
            details.required_qualification_id = Some(first_aid.id);
        }
        let shifts =
            ShiftInput { starts: at(days, from), ends: at(days, to), capacity: capacity.into(), weeks: weeks.into() }
                .parse(now)?;
        let o = opportunities::create(db, org_ids[org], coordinator, &details, &shifts).await?;
        opportunities::set_status(db, org_ids[org], o.id, opportunities::PUBLISHED).await?;
        let ids: Vec<i32> = shift::Entity::find()
            .filter(shift::Column::OpportunityId.eq(o.id))
            .all(db)
            .await?
            .into_iter()
            .map(|s| s.id)
            .collect();
        shifts_of.push((org_ids[org], coordinator, ids));
    }
    // Every state of an application, for the pages to show.
    let (qrc, maryam, marathon) = (&shifts_of[0].0, shifts_of[0].1, &shifts_of[0].2);
    let baskets = &shifts_of[1].2;
    let (eid, omar, reading) = (&shifts_of[2].0, shifts_of[2].1, &shifts_of[2].2);
    let approved =
        applications::apply(db, fatima, marathon[0], "أحمل شهادة إسعافات أولية من الهلال الأحمر.", now).await?;
    applications::decide(db, *qrc, maryam, approved.id, Decision::Approve, "", None).await?;
    let waitlisted = applications::apply(db, noora, baskets[0], "", now).await?;
    applications::decide(db, *qrc, maryam, waitlisted.id, Decision::Waitlist, "", None).await?;
    applications::apply(db, ahmed, baskets[0], "I can drive the van if needed.", now).await?;
    applications::apply(db, fatima, baskets[1], "", now).await?;
    let rejected = applications::apply(db, noora, reading[0], "", now).await?;
    applications::decide(
        db,
        *eid,
        omar,
        rejected.id,
        Decision::Reject("نحتاج إلى خبرة في التعليم لهذا النادي.".into()),
        "",
        None,
    )
    .await?;
    let withdrawn = applications::apply(db, ahmed, reading[1], "", now).await?;
    applications::withdraw(db, ahmed, withdrawn.id, "", now).await?;
    applications::apply(db, ahmed, reading[0], "Happy to read in English and Urdu.", now).await?;
    // A place the organization cancelled (the seat went back).
    let cancelled = applications::apply(db, fatima, baskets[2], "", now).await?;
    applications::decide(db, *qrc, maryam, cancelled.id, Decision::Approve, "", None).await?;
    applications::cancel(db, *qrc, maryam, cancelled.id, "تغيّر موقع التوزيع لهذا الأسبوع.", "", None).await?;
    // A seat offered from the waitlist that lapsed (the clock moved past its deadline), and one
    // still open: raising a shift's seats offers them to the waitlist first.
    let lapsed = applications::apply(db, fatima, baskets[3], "", now).await?;
    applications::decide(db, *qrc, maryam, lapsed.id, Decision::Waitlist, "", None).await?;
    let raise = |id: i32| async move {
        let s = shift::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound)?;
        applications::edit_shift(
            db,
            *qrc,
            id,
            s.starts_at,
            s.ends_at,
            s.capacity + 1,
            opportunities::Scope::ThisShift,
            "",
        )
        .await
    };
    raise(baskets[3]).await?;
    applications::expire_offers(db, "", now + chrono::Duration::hours(applications::OFFER_HOURS + 1)).await?;
    raise(baskets[0]).await?;
    Ok(())
}
