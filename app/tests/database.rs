//! The volunteer database and the organizations, against real databases (each test once on SQLite
//! and once on PostgreSQL): profiles saved step by step, organizations applying and reviewed,
//! coordinators invited and removed, the export of one's data, deletion, and the audit of admins'
//! views and exports.

use app::backend::entities::{coordinator, organization, user, volunteer_profile};
use app::backend::{services, testing::TestDb};
use app::model::{AppError, Email, FullName, Password};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Statement};
use services::organizations::{self, OrganizationInput};
use services::profiles::{self, ProfileInput};

const PASSWORD: &str = "a long enough password";

async fn person(t: &TestDb, mail: &str, name: &str, verified: bool) -> user::Model {
    let u = services::accounts::register(
        &t.db,
        &FullName::parse(name).unwrap(),
        &Email::parse(mail).unwrap(),
        &Password::parse(PASSWORD).unwrap(),
        false,
    )
    .await
    .unwrap();
    if verified {
        user::Entity::update_many()
            .col_expr(user::Column::EmailVerifiedAt, sea_orm::sea_query::Expr::value(Some(services::now())))
            .filter(user::Column::Id.eq(u.id))
            .exec(&t.db)
            .await
            .unwrap();
    }
    u
}

fn application(name_en: &str) -> OrganizationInput {
    OrganizationInput {
        name_ar: "جمعية الأمل".into(),
        name_en: name_en.into(),
        description_ar: "جمعية تطوعية تدعم الأسر المحتاجة في الدوحة منذ عشر سنوات.".into(),
        description_en: String::new(),
        sector: "charity".into(),
        licence_number: "msdf-٢٠٢٦/17".into(),
        licence_expiry: (services::today() + chrono::Duration::days(365)).to_string(),
        contact_name: "Huda Al-Kaabi".into(),
        contact_phone: "٥٥٥٥ ٦٦٦٦".into(),
        contact_email: "huda@hope.example.qa".into(),
        municipality: "doha".into(),
        website: "https://hope.example.qa".into(),
    }
}

fn fields(e: AppError) -> Vec<(String, String)> {
    match e {
        AppError::Validation(list) => list.into_iter().map(|f| (f.field, f.message)).collect(),
        other => panic!("not a validation error: {other:?}"),
    }
}

// The application form checks every field on the server, all at once, next to each field.
#[test]
fn an_application_is_checked_field_by_field() {
    let today = services::today();
    let ok = application("Hope Society").parse(today).unwrap();
    assert_eq!(ok.licence_number, "MSDF-2026/17", "Arabic-Indic digits read, letters upper-cased");
    assert_eq!(ok.contact_phone, "+97455556666");
    let bad = OrganizationInput {
        name_ar: "".into(),
        description_ar: "".into(),
        sector: "casino".into(),
        licence_number: "<x>".into(),
        licence_expiry: (today - chrono::Duration::days(1)).to_string(),
        contact_email: "huda".into(),
        municipality: "dubai".into(),
        website: "javascript:alert(1)".into(),
        ..application("Hope Society")
    };
    assert_eq!(
        fields(bad.parse(today).unwrap_err()),
        [
            ("name_ar", "err-required"),
            ("description_ar", "err-description-required"),
            ("sector", "err-choice-unknown"),
            ("licence_number", "err-licence-number-invalid"),
            ("licence_expiry", "err-licence-expired"),
            ("contact_email", "err-email-invalid"),
            ("municipality", "err-choice-unknown"),
            ("website", "err-website-invalid"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

// An organization applies; the admin rejects with a reason or approves; the applicant becomes the
// first coordinator; only an approved organization has a public page. Each decision is mailed.
app::db_test!(an_organization_applies_and_an_admin_reviews_it, |t: TestDb| async move {
    let unverified = person(&t, "new@example.qa", "Huda", false).await;
    let details = application("Hope Society").parse(services::today()).unwrap();
    assert_eq!(
        organizations::apply(&t.db, unverified.id, &details, None).await.unwrap_err(),
        AppError::field("form", "err-apply-unverified")
    );
    let huda = person(&t, "huda@example.qa", "Huda Al-Kaabi", true).await;
    let admin = person(&t, "admin@example.qa", "Admin", true).await;
    let org = organizations::apply(&t.db, huda.id, &details, None).await.unwrap();
    assert_eq!((org.status.as_str(), org.slug.as_str()), ("pending", "hope-society"));
    assert_eq!(
        organizations::apply(&t.db, huda.id, &details, None).await.unwrap_err(),
        AppError::field("form", "err-application-pending")
    );
    assert_eq!(organizations::public_page(&t.db, "hope-society").await.unwrap_err(), AppError::NotFound);
    let queue = organizations::for_review(&t.db, "pending").await.unwrap();
    assert_eq!(queue.len(), 1);
    assert_eq!(queue[0].applicant.as_ref().unwrap().email, "huda@example.qa");

    // A rejection needs a reason, which is mailed.
    let site = "https://tam.example";
    assert_eq!(
        organizations::review(&t.db, admin.id, org.id, false, " ", site, None).await.unwrap_err(),
        AppError::field("reason", "err-reason-required")
    );
    organizations::review(
        &t.db,
        admin.id,
        org.id,
        false,
        "The licence number does not match the ministry's register.",
        site,
        None,
    )
    .await
    .unwrap();
    let mail = services::mail::to(&t.db, "huda@example.qa").await.unwrap();
    assert_eq!(mail.last().unwrap().kind, "organization-rejected");
    assert!(
        mail.last().unwrap().body_text.contains("does not match the ministry"),
        "{}",
        mail.last().unwrap().body_text
    );
    assert_eq!(
        organizations::review(&t.db, admin.id, org.id, true, "", site, None).await.unwrap_err(),
        AppError::field("form", "err-already-reviewed"),
        "a decision is final"
    );

    // Applying again, approved: the applicant coordinates it, and it has a public page.
    let again = organizations::apply(&t.db, huda.id, &details, None).await.unwrap();
    assert_eq!(again.slug, "hope-society-2", "the rejected one keeps its address");
    organizations::review(&t.db, admin.id, again.id, true, "", site, None).await.unwrap();
    let c = coordinator::Entity::find_by_id(huda.id).one(&t.db).await.unwrap().unwrap();
    assert_eq!(c.organization_id, again.id);
    assert_eq!(
        services::mail::to(&t.db, "huda@example.qa").await.unwrap().last().unwrap().kind,
        "organization-approved"
    );
    let page = organizations::public_page(&t.db, "hope-society-2").await.unwrap();
    assert_eq!(page.name.en, "Hope Society");
    let kinds: Vec<String> = services::audit::of(&t.db, huda.id).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert!(kinds.iter().filter(|k| *k == "organization-reviewed").count() == 2, "{kinds:?}");
    let reviewed = services::audit::of(&t.db, huda.id)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.kind == "organization-reviewed")
        .unwrap();
    assert_eq!(reviewed.actor_id, Some(admin.id), "the log names the admin who decided");
});

// The licence is flagged: ending within 30 days, or expired.
#[test]
fn licences_are_flagged_before_and_after_they_end() {
    use app::model::LicenceState;
    let today = services::today();
    let state = |days: i64| organizations::licence_state(Some(today + chrono::Duration::days(days)), today);
    assert_eq!(state(-1), LicenceState::Expired);
    assert_eq!(state(0), LicenceState::EndingSoon);
    assert_eq!(state(30), LicenceState::EndingSoon);
    assert_eq!(state(31), LicenceState::Valid);
    assert_eq!(organizations::licence_state(None, today), LicenceState::Unknown);
}

async fn approved_org(t: &TestDb, slug: &str, coordinator_email: &str) -> (organization::Model, user::Model) {
    let org = organizations::create(&t.db, slug, "جهة", slug).await.unwrap();
    let c = person(t, coordinator_email, "Coordinator", true).await;
    services::accounts::make_coordinator(&t.db, c.id, org.id).await.unwrap();
    (org, c)
}

fn invite_secret(body: &str) -> String {
    let link = body.lines().find(|l| l.contains("/invite?token=")).expect("a link in the mail");
    link.rsplit('=').next().unwrap().to_string()
}

// A coordinator invites by address; the link is single-use, for that address only, and proves it;
// a removed coordinator's very next lookup finds no role; the last one cannot be removed.
app::db_test!(coordinators_are_invited_by_mail_and_removed, |t: TestDb| async move {
    let (org, first) = approved_org(&t, "hope", "first@example.qa").await;
    let site = "https://tam.example";
    organizations::invite(&t.db, first.id, org.id, "Second@Example.qa", site, None).await.unwrap();
    let letter = services::mail::to(&t.db, "second@example.qa").await.unwrap().pop().unwrap();
    assert_eq!(letter.kind, "coordinator-invite");
    let secret = invite_secret(&letter.body_text);
    let (about, address) = organizations::invite_details(&t.db, &secret, services::now()).await.unwrap().unwrap();
    assert_eq!((about.id, address.as_str()), (org.id, "second@example.qa"));

    let stranger = person(&t, "stranger@example.qa", "Stranger", true).await;
    assert_eq!(
        organizations::accept_invite(&t.db, stranger.id, &secret, services::now(), None).await.unwrap_err(),
        AppError::field("form", "err-invite-other-address")
    );
    // The invitee has not verified their address: the link proves it.
    let second = person(&t, "second@example.qa", "Second", false).await;
    assert_eq!(organizations::accept_invite(&t.db, second.id, &secret, services::now(), None).await.unwrap(), org.id);
    assert!(user::Entity::find_by_id(second.id).one(&t.db).await.unwrap().unwrap().email_verified_at.is_some());
    let again = organizations::accept_invite(&t.db, second.id, &secret, services::now(), None).await;
    assert!(again.is_err(), "single use");
    // An expired one does not work.
    organizations::invite(&t.db, first.id, org.id, "third@example.qa", site, None).await.unwrap();
    let third_secret =
        invite_secret(&services::mail::to(&t.db, "third@example.qa").await.unwrap().pop().unwrap().body_text);
    let third = person(&t, "third@example.qa", "Third", true).await;
    let later = services::now() + chrono::Duration::days(organizations::INVITE_DAYS) + chrono::Duration::minutes(1);
    assert_eq!(organizations::invite_details(&t.db, &third_secret, later).await.unwrap(), None);
    assert!(organizations::accept_invite(&t.db, third.id, &third_secret, later, None).await.is_err());

    let current = |id: i32| {
        let db = t.db.clone();
        async move { services::accounts::current_user(&db, id).await.unwrap().unwrap().0 }
    };
    assert_eq!(current(second.id).await.coordinator_of.map(|o| o.id), Some(org.id));
    organizations::remove_coordinator(&t.db, first.id, org.id, second.id, None).await.unwrap();
    assert_eq!(current(second.id).await.coordinator_of, None, "the next request finds no role");
    assert_eq!(
        organizations::remove_coordinator(&t.db, first.id, org.id, first.id, None).await.unwrap_err(),
        AppError::field("form", "err-last-coordinator")
    );
    let removed =
        services::audit::of(&t.db, second.id).await.unwrap().into_iter().find(|e| e.kind == "coordinator-removed");
    assert_eq!(removed.unwrap().actor_id, Some(first.id));
});

// Coordinators act for their own organization only: with B's coordinator named, A's call finds
// nothing to remove.
app::db_test!(a_coordinator_of_a_cannot_remove_one_of_b, |t: TestDb| async move {
    let (a, a_coordinator) = approved_org(&t, "org-a", "a@example.qa").await;
    let (b, b_coordinator) = approved_org(&t, "org-b", "b@example.qa").await;
    let b2 = person(&t, "b2@example.qa", "B Two", true).await;
    services::accounts::make_coordinator(&t.db, b2.id, b.id).await.unwrap();
    assert_eq!(
        organizations::remove_coordinator(&t.db, a_coordinator.id, a.id, b_coordinator.id, None).await.unwrap_err(),
        AppError::NotFound
    );
    assert_eq!(
        coordinator::Entity::find().filter(coordinator::Column::OrganizationId.eq(b.id)).count(&t.db).await.unwrap(),
        2
    );
    let overview = organizations::overview(&t.db, a.id, a_coordinator.id).await.unwrap();
    let emails: Vec<&str> = overview.coordinators.iter().map(|c| c.person.email.as_str()).collect();
    assert_eq!(emails, ["a@example.qa"]);
});

// The profile is saved one step at a time: a step's form changes that step's fields and nothing
// else; a minor's guardian is asked for consent when the guardian's step is saved.
app::db_test!(the_profile_is_saved_step_by_step, |t: TestDb| async move {
    let noura = person(&t, "noura@example.qa", "Noura", true).await;
    let site = "https://tam.example";
    let about = ProfileInput {
        name_ar: "نورة".into(),
        birth_date: (services::today() - chrono::Duration::days(365 * 16)).to_string(),
        municipality: "al-khor".into(),
        // Fields of other steps, sent anyway, are not read.
        skills: vec!["it".into()],
        guardian_email: "x@example.qa".into(),
        ..Default::default()
    };
    let saved = profiles::save_step(&t.db, noura.id, 0, about, site).await.unwrap();
    assert!(saved.skills.is_empty() && saved.guardian_email.is_none());
    let skills =
        ProfileInput { skills: vec!["it".into(), "design".into()], name_ar: "غيرها".into(), ..Default::default() };
    let saved = profiles::save_step(&t.db, noura.id, 1, skills, site).await.unwrap();
    assert_eq!((saved.name_ar.as_deref(), saved.skills.len()), (Some("نورة"), 2), "step 1 left the name alone");
    // The guardian step of a minor needs a whole guardian, then mails them.
    let half = ProfileInput { guardian_name: "خالد".into(), ..Default::default() };
    let e = profiles::save_step(&t.db, noura.id, 3, half, site).await.unwrap_err();
    assert!(fields(e).iter().any(|(f, m)| f == "guardian_email" && m == "err-guardian-required"));
    let guardian = ProfileInput {
        guardian_name: "خالد".into(),
        guardian_phone: "66667777".into(),
        guardian_email: "khalid@example.qa".into(),
        guardian_relation: "أب".into(),
        ..Default::default()
    };
    profiles::save_step(&t.db, noura.id, 3, guardian.clone(), site).await.unwrap();
    assert_eq!(services::mail::to(&t.db, "khalid@example.qa").await.unwrap().len(), 1);
    // Saving the same guardian again does not mail them again.
    profiles::save_step(&t.db, noura.id, 3, guardian, site).await.unwrap();
    assert_eq!(services::mail::to(&t.db, "khalid@example.qa").await.unwrap().len(), 1);
    assert_eq!(
        profiles::may_apply(&t.db, noura.id, services::today()).await.unwrap_err(),
        AppError::field("form", "err-guardian-consent-needed")
    );
    assert!(profiles::save_step(&t.db, noura.id, 9, ProfileInput::default(), site).await.is_err());
});

/// The tables of the database and their columns, as the database itself lists them.
async fn schema(t: &TestDb) -> Vec<(String, Vec<String>)> {
    let backend = t.db.get_database_backend();
    let tables: Vec<String> = match backend {
        sea_orm::DbBackend::Sqlite => t
            .db
            .query_all_raw(Statement::from_string(backend, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.try_get::<String>("", "name").unwrap())
            .collect(),
        _ => t
            .db
            .query_all_raw(Statement::from_string(backend, "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"))
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.try_get::<String>("", "name").unwrap())
            .collect(),
    };
    let mut out = Vec::new();
    for table in tables.into_iter().filter(|t| t != "seaql_migrations") {
        let sql = match backend {
            sea_orm::DbBackend::Sqlite => format!("SELECT name FROM pragma_table_info('{table}')"),
            _ => format!(
                "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}'"
            ),
        };
        let columns =
            t.db.query_all_raw(Statement::from_string(backend, sql))
                .await
                .unwrap()
                .into_iter()
                .map(|r| r.try_get::<String>("", "name").unwrap())
                .collect();
        out.push((table, columns));
    }
    out
}

/// Columns that hold a user's id.
fn points_at_a_user(column: &str) -> bool {
    column == "user_id" || column.ends_with("_by") || column == "actor_id" || column == "subject_id"
}

// The export holds every table with something of the person's: the test walks the schema the
// database reports, finds each table with a row that points at them (a user column) or holds their
// address, and wants that table in the export, with that many rows. A new table that holds
// personal data and is left out of the export fails here.
app::db_test!(the_export_covers_every_table_that_holds_something_of_theirs, |t: TestDb| async move {
    let site = "https://tam.example";
    // Fatima touches every table: a profile with tags, sessions, a token, recovery codes, a
    // coordinator role, an application, an invitation, policies, audit rows, mail, a throttle.
    let fatima = person(&t, "fatima@example.qa", "Fatima", true).await;
    services::privacy::accept_current(&t.db, fatima.id, app::i18n::Lang::Ar, &["news"], None).await.unwrap();
    let profile = ProfileInput {
        name_ar: "فاطمة".into(),
        birth_date: "1990-01-01".into(),
        skills: vec!["it".into()],
        ..Default::default()
    }
    .parse(services::today())
    .unwrap();
    profiles::save(&t.db, fatima.id, &profile).await.unwrap();
    services::sessions::create(&t.db, fatima.id, Some("Firefox"), Some("10.0.0.9".parse().unwrap())).await.unwrap();
    services::passwords::request_reset(&t.db, "fatima@example.qa", site, None).await.unwrap();
    services::mfa::enrol_with(&t.db, fatima.id, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", &["code-one"]).await.unwrap();
    let details = application("Fatima's Center").parse(services::today()).unwrap();
    organizations::apply(&t.db, fatima.id, &details, None).await.unwrap();
    let (org, other) = approved_org(&t, "other", "other@example.qa").await;
    organizations::invite(&t.db, other.id, org.id, "fatima@example.qa", site, None).await.unwrap();
    let _ = services::accounts::authenticate(
        &t.db,
        "fatima@example.qa",
        "wrong password!",
        Some("10.0.0.9".parse().unwrap()),
    )
    .await;
    let (org2, _) = approved_org(&t, "org-two", "two@example.qa").await;
    services::accounts::make_coordinator(&t.db, fatima.id, org2.id).await.unwrap();
    // She publishes an opportunity for it, and applies to another organization's.
    let opportunity = services::opportunities::OpportunityInput {
        title_en: "Beach clean-up".into(),
        cause: "environment".into(),
        municipality: "al-wakrah".into(),
        place: "Al Wakrah beach".into(),
        ..Default::default()
    }
    .parse()
    .unwrap();
    let start = services::now() + chrono::Duration::days(3);
    let mine = services::opportunities::create(
        &t.db,
        org2.id,
        fatima.id,
        &opportunity,
        &[(start, start + chrono::Duration::hours(3), 10)],
    )
    .await
    .unwrap();
    let theirs = services::opportunities::create(
        &t.db,
        org.id,
        other.id,
        &opportunity,
        &[(start, start + chrono::Duration::hours(3), 10)],
    )
    .await
    .unwrap();
    services::opportunities::set_status(&t.db, org.id, theirs.id, services::opportunities::PUBLISHED).await.unwrap();
    let shift = app::backend::entities::shift::Entity::find()
        .filter(app::backend::entities::shift::Column::OpportunityId.eq(theirs.id))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    services::applications::apply(&t.db, fatima.id, shift.id, "أحب البحر", services::now()).await.unwrap();
    assert!(mine.id != theirs.id);

    let export = services::privacy::export(&t.db, fatima.id, None).await.unwrap();
    let mut checked = Vec::new();
    for (table, columns) in schema(&t).await {
        let mut conditions: Vec<String> =
            columns.iter().filter(|c| points_at_a_user(c)).map(|c| format!("{c} = {}", fatima.id)).collect();
        for c in &columns {
            // Text holding their address: the outbox's recipient, an invitation, a throttle key.
            if ["email", "recipient", "key"].contains(&c.as_str()) {
                conditions.push(format!("{c} LIKE '%fatima@example.qa%'"));
            }
        }
        if table == "users" {
            conditions.push(format!("id = {}", fatima.id));
        }
        if conditions.is_empty() {
            continue;
        }
        let quoted = if table == "key" { format!("\"{table}\"") } else { table.clone() };
        let sql = format!(
            "SELECT COUNT(*) AS n FROM {quoted} WHERE {}",
            conditions.iter().map(|c| c.replace("key ", "\"key\" ")).collect::<Vec<_>>().join(" OR ")
        );
        let backend = t.db.get_database_backend();
        let row = t.db.query_one_raw(Statement::from_string(backend, sql)).await.unwrap().unwrap();
        let n: i64 = row.try_get("", "n").unwrap();
        if n == 0 {
            continue;
        }
        let exported = export[&table].as_array().unwrap_or_else(|| panic!("the export lacks {table}"));
        assert!(exported.len() as i64 >= n, "{table}: {n} rows hold something of hers, {} exported", exported.len());
        checked.push(table);
    }
    checked.sort();
    assert!(checked.len() >= 14, "the walk found too few tables: {checked:?}");
    assert!(checked.contains(&"applications".to_string()) && checked.contains(&"opportunities".to_string()));
    // Secrets are not handed out.
    let text = export.to_string();
    for secret in ["$argon2id$", "JBSWY3DPEHPK3PXP"] {
        assert!(!text.contains(secret), "the export holds {secret}");
    }
    assert!(export["users"][0]["email"] == "fatima@example.qa");
    let kinds: Vec<String> = services::audit::of(&t.db, fatima.id).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&"personal-data-exported".to_string()));
});

// Deleting an account: the password is asked; sessions end; names, contacts and free text are
// gone; the counts (volunteers, by municipality, by skill) stay; the address can register again.
app::db_test!(deleting_an_account_anonymizes_it_and_keeps_the_counts, |t: TestDb| async move {
    let sara = person(&t, "sara@example.qa", "Sara Al-Marri", true).await;
    let profile = ProfileInput {
        name_ar: "سارة".into(),
        name_latin: "Sara".into(),
        mobile: "55551234".into(),
        birth_date: "1995-07-20".into(),
        municipality: "al-wakrah".into(),
        skills: vec!["first-aid".into()],
        skills_other: "الخط العربي".into(),
        emergency_name: "مريم".into(),
        emergency_phone: "33123456".into(),
        ..Default::default()
    }
    .parse(services::today())
    .unwrap();
    profiles::save(&t.db, sara.id, &profile).await.unwrap();
    services::sessions::create(&t.db, sara.id, None, None).await.unwrap();
    let count_by = |m: &'static str| {
        let db = t.db.clone();
        async move {
            volunteer_profile::Entity::find()
                .filter(volunteer_profile::Column::Municipality.eq(m))
                .count(&db)
                .await
                .unwrap()
        }
    };
    let users_before = user::Entity::find().count(&t.db).await.unwrap();
    assert_eq!(count_by("al-wakrah").await, 1);

    assert_eq!(
        services::privacy::delete_account(&t.db, sara.id, "not her password", None).await.unwrap_err(),
        AppError::field("password", "err-password-wrong")
    );
    services::privacy::delete_account(&t.db, sara.id, PASSWORD, None).await.unwrap();

    let row = user::Entity::find_by_id(sara.id).one(&t.db).await.unwrap().unwrap();
    assert!(row.deleted_at.is_some());
    assert!(!row.email.contains("sara") && row.full_name.is_empty() && !row.password_hash.starts_with("$argon2"));
    let p = volunteer_profile::Entity::find_by_id(sara.id).one(&t.db).await.unwrap().unwrap();
    assert_eq!((p.name_ar, p.name_latin, p.mobile, p.skills_other, p.emergency_name), (None, None, None, None, None));
    assert_eq!(p.birth_date, chrono::NaiveDate::from_ymd_opt(1995, 1, 1), "the year stays for age bands");
    assert_eq!(services::sessions::list(&t.db, sara.id).await.unwrap().len(), 0);
    assert_eq!(services::accounts::current_user(&t.db, sara.id).await.unwrap(), None);
    assert!(services::accounts::authenticate(&t.db, "sara@example.qa", PASSWORD, None).await.is_err());
    // The counts stay.
    assert_eq!(user::Entity::find().count(&t.db).await.unwrap(), users_before);
    assert_eq!(count_by("al-wakrah").await, 1);
    // Nobody finds her in the database any more, by name or by filter.
    let (hits, _) = services::volunteers::search(
        &t.db,
        &services::volunteers::Filter { municipality: Some("al-wakrah".into()), ..Default::default() },
        services::today(),
    )
    .await
    .unwrap();
    assert!(hits.is_empty());
    // The address is free again.
    person(&t, "sara@example.qa", "Sara", false).await;
    let kinds: Vec<String> = services::audit::of(&t.db, sara.id).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&"account-deleted".to_string()));
});

// A new version of the privacy notice asks again; optional consents can be withdrawn.
app::db_test!(policies_are_accepted_by_version_and_consents_withdrawn, |t: TestDb| async move {
    use services::privacy;
    let sara = person(&t, "sara@example.qa", "Sara", true).await;
    assert_eq!(privacy::state(&t.db, sara.id).await.unwrap().pending, ["privacy", "charter"]);
    privacy::accept_current(&t.db, sara.id, app::i18n::Lang::En, &["news"], None).await.unwrap();
    let state = privacy::state(&t.db, sara.id).await.unwrap();
    assert!(state.pending.is_empty());
    assert_eq!(state.optional_given, ["news"]);
    assert!(state.accepted.iter().any(|(d, v, l, _)| d == "privacy" && v == privacy::REQUIRED[0].1 && l == "en"));
    // An acceptance of an older version does not count for the current one.
    let backend = t.db.get_database_backend();
    t.db.execute_raw(Statement::from_string(
        backend,
        "UPDATE policy_acceptances SET version = '2020-01' WHERE document = 'privacy'",
    ))
    .await
    .unwrap();
    assert_eq!(privacy::state(&t.db, sara.id).await.unwrap().pending, ["privacy"]);
    privacy::set_optional(&t.db, sara.id, "news", false, app::i18n::Lang::En, None).await.unwrap();
    assert!(privacy::state(&t.db, sara.id).await.unwrap().optional_given.is_empty());
    assert!(privacy::set_optional(&t.db, sara.id, "everything", true, app::i18n::Lang::En, None).await.is_err());
});

// The admins' CSV: every cell that a spreadsheet would run is neutralized; every volunteer in it
// is logged as exported by that admin.
app::db_test!(the_volunteer_export_is_neutralized_and_audited, |t: TestDb| async move {
    let v = person(&t, "eve@example.qa", "=HYPERLINK(\"http://evil\")", true).await;
    let p = ProfileInput { skills_other: "@SUM(A1)".into(), municipality: "doha".into(), ..Default::default() }
        .parse(services::today())
        .unwrap();
    profiles::save(&t.db, v.id, &p).await.unwrap();
    let filter = services::volunteers::Filter::default();
    let header: Vec<String> = services::volunteers::EXPORT_COLUMNS.iter().map(|s| s.to_string()).collect();
    let (csv, ids) = services::volunteers::export_csv(&t.db, &filter, services::today(), &header).await.unwrap();
    assert_eq!(ids, [v.id]);
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""), "{csv}");
    assert!(csv.contains(",'@SUM(A1),"), "{csv}");
    assert!(!csv.contains(",=") && !csv.contains(",@"), "{csv}");
    let admin = person(&t, "admin@example.qa", "Admin", true).await;
    services::audit::record_each(
        &t.db,
        services::audit::Kind::PersonalDataExported,
        admin.id,
        &ids,
        None,
        "volunteers CSV",
    )
    .await
    .unwrap();
    let row = services::audit::of(&t.db, v.id).await.unwrap().pop().unwrap();
    assert_eq!(
        (row.kind.as_str(), row.actor_id, row.subject_id),
        ("personal-data-exported", Some(admin.id), Some(v.id))
    );
});
