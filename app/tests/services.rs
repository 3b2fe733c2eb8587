//! The rules of accounts, sessions, organizations and statistics, against real databases
//! (each test once on SQLite and once on PostgreSQL).

use app::backend::{self, entities::session, migrations::Migrator, seed, services, testing::TestDb};
use app::model::{AppError, Email, FieldError, FullName, Password};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use sea_orm_migration::MigratorTrait;

fn name(s: &str) -> FullName {
    FullName::parse(s).unwrap()
}
fn email(s: &str) -> Email {
    Email::parse(s).unwrap()
}
fn password() -> Password {
    Password::parse("a long enough password").unwrap()
}

app::db_test!(register_then_authenticate, |t: TestDb| async move {
    let user = services::accounts::register(&t.db, &name("مريم"), &email("maryam@example.qa"), &password(), false)
        .await
        .unwrap();
    assert!(user.password_hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{}", user.password_hash);
    let back =
        services::accounts::authenticate(&t.db, " MARYAM@example.qa", "a long enough password", None).await.unwrap();
    assert_eq!(back.id, user.id);
    let wrong = services::accounts::authenticate(&t.db, "maryam@example.qa", "a long enough passworD", None).await;
    assert_eq!(wrong.unwrap_err(), AppError::field("form", "err-login-failed"));
});

// ASVS 5.0 V6 (authentication): guessing is slowed for the guesser's address only, so nobody can
// lock an account's owner out; the count is taken before hashing.
app::db_test!(asvs_6_3_1_throttle_stops_the_guesser_never_the_owner_elsewhere, |t: TestDb| async move {
    use app::backend::entities::throttle_bucket;
    use sea_orm::EntityTrait;
    use services::{accounts::authenticate, throttle};
    let (a, b) = (Some("10.0.0.1".parse().unwrap()), Some("10.0.0.2".parse().unwrap()));
    let limit = throttle::LOGIN_PER_ACCOUNT_AND_ADDRESS.max;
    services::accounts::register(&t.db, &name("Huda"), &email("huda@example.qa"), &password(), false).await.unwrap();
    // A few failures, then success: the count starts again.
    for _ in 0..3 {
        assert!(authenticate(&t.db, "huda@example.qa", "guess guess guess", a).await.is_err());
    }
    authenticate(&t.db, "huda@example.qa", "a long enough password", a).await.unwrap();
    for _ in 0..limit {
        assert_eq!(
            authenticate(&t.db, "huda@example.qa", "guess guess guess", a).await,
            Err(AppError::field("form", "err-login-failed"))
        );
    }
    // From the guesser's address, even the right password waits…
    assert_eq!(authenticate(&t.db, "HUDA@example.qa", "a long enough password", a).await, Err(AppError::RateLimited));
    // …while the owner, from anywhere else, logs in.
    authenticate(&t.db, "huda@example.qa", "a long enough password", b).await.unwrap();
    // Unknown addresses are throttled the same way (the throttle does not reveal who has an account).
    for _ in 0..limit {
        let _ = authenticate(&t.db, "nobody@example.qa", "guess guess guess", a).await;
    }
    assert_eq!(authenticate(&t.db, "nobody@example.qa", "guess guess guess", a).await, Err(AppError::RateLimited));
    // Once the window has passed, the right password works again from there too.
    let past = services::now() - chrono::Duration::minutes(throttle::LOGIN_PER_ACCOUNT_AND_ADDRESS.window_minutes + 1);
    throttle_bucket::Entity::update_many()
        .col_expr(throttle_bucket::Column::WindowStart, sea_orm::sea_query::Expr::value(past))
        .exec(&t.db)
        .await
        .unwrap();
    authenticate(&t.db, "huda@example.qa", "a long enough password", a).await.unwrap();
    assert_eq!(throttle::purge(&t.db).await.unwrap(), 0, "counts of the last day are kept");
});

// ASVS 5.0 V6.3.1: an attempt given back (a right second-step code) does not count, so someone who
// signs in often, or on two devices, is never refused; wrong ones still meet the limit.
app::db_test!(asvs_6_3_1_right_codes_are_given_back, |t: TestDb| async move {
    use services::throttle::{give_back, take, LOGIN_CODE_PER_ACCOUNT as LIMIT};
    for _ in 0..LIMIT.max * 2 {
        assert!(take(&t.db, "login-code:7", LIMIT).await.unwrap());
        give_back(&t.db, "login-code:7", LIMIT).await.unwrap();
    }
    for _ in 0..LIMIT.max {
        assert!(take(&t.db, "login-code:7", LIMIT).await.unwrap());
    }
    assert!(!take(&t.db, "login-code:7", LIMIT).await.unwrap(), "the wrong ones meet the limit");
    assert!(take(&t.db, "login-code:8", LIMIT).await.unwrap(), "another account's bucket is its own");
});

// ASVS 5.0 V6: the attempt is counted in one atomic statement before Argon2 runs, so parallel
// guesses cannot slip past the counter.
app::db_test!(asvs_6_3_1_parallel_guesses_get_no_more_than_the_limit, |t: TestDb| async move {
    use services::{accounts::authenticate, throttle};
    services::accounts::register(&t.db, &name("Huda"), &email("huda@example.qa"), &password(), false).await.unwrap();
    let client = Some("10.0.0.9".parse().unwrap());
    let guesses: Vec<_> = (0..50)
        .map(|i| {
            let db = t.db.clone();
            tokio::spawn(
                async move { authenticate(&db, "huda@example.qa", &format!("guess number {i}"), client).await },
            )
        })
        .collect();
    let mut checked = 0;
    for g in guesses {
        match g.await.unwrap() {
            Err(AppError::RateLimited) => {}
            Err(e) => {
                assert_eq!(e, AppError::field("form", "err-login-failed"));
                checked += 1;
            }
            Ok(_) => panic!("a guess succeeded"),
        }
    }
    assert_eq!(checked, throttle::LOGIN_PER_ACCOUNT_AND_ADDRESS.max, "exactly the limit reached the password check");
});

/// Hundreds of parallel logins must not take gigabytes: Argon2 (19 MiB each) runs on at most as
/// many cores as the machine has, the rest wait their turn.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn at_most_one_password_hash_per_core() {
    let cores = std::thread::available_parallelism().unwrap().get();
    let hashes: Vec<_> = (0..4 * cores + 4)
        .map(|_| tokio::spawn(async { services::accounts::hash_password(&password()).await }))
        .collect();
    for h in hashes {
        h.await.unwrap().unwrap();
    }
    let peak = services::accounts::hashing_peak();
    assert!((1..=cores).contains(&peak), "{peak} hashes at once on {cores} cores");
}

// ASVS 5.0 V6: one address spraying passwords over many accounts is stopped.
app::db_test!(asvs_6_3_1_one_address_is_limited_across_accounts, |t: TestDb| async move {
    use services::{accounts::authenticate, throttle};
    let (sprayer, other) = (Some("10.0.0.7".parse().unwrap()), Some("10.0.0.8".parse().unwrap()));
    for i in 0..throttle::LOGIN_PER_ADDRESS.max {
        let answer = authenticate(&t.db, &format!("user{i}@example.qa"), "Summer2026!", sprayer).await;
        assert_eq!(answer, Err(AppError::field("form", "err-login-failed")), "attempt {i}");
    }
    assert_eq!(authenticate(&t.db, "user999@example.qa", "Summer2026!", sprayer).await, Err(AppError::RateLimited));
    assert_eq!(
        authenticate(&t.db, "user999@example.qa", "Summer2026!", other).await,
        Err(AppError::field("form", "err-login-failed"))
    );
    // Registrations from one address are limited too.
    for _ in 0..throttle::REGISTRATION_PER_ADDRESS.max {
        services::accounts::check_registration_rate(&t.db, sprayer).await.unwrap();
    }
    assert_eq!(services::accounts::check_registration_rate(&t.db, sprayer).await, Err(AppError::RateLimited));
    services::accounts::check_registration_rate(&t.db, other).await.unwrap();
});

app::db_test!(duplicate_email_refused_even_when_racing, |t: TestDb| async move {
    // Eight registrations of one address at once: the unique key lets exactly one through.
    let mut tasks = Vec::new();
    for i in 0..8 {
        let db = t.db.clone();
        tasks.push(tokio::spawn(async move {
            services::accounts::register(
                &db,
                &name(&format!("Racer {i}")),
                &email("race@example.qa"),
                &password(),
                false,
            )
            .await
        }));
    }
    let mut ok = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(_) => ok += 1,
            Err(e) => assert_eq!(e, AppError::Validation(vec![FieldError::new("email", "err-email-taken")])),
        }
    }
    assert_eq!(ok, 1);
    assert_eq!(services::stats::public(&t.db).await.unwrap().volunteers, 1);
});

app::db_test!(asvs_7_4_1_sessions_live_until_destroyed_or_expired, |t: TestDb| async move {
    let user = services::accounts::register(&t.db, &name("Sara"), &email("sara@example.qa"), &password(), false)
        .await
        .unwrap();
    let a = services::sessions::create(&t.db, user.id, None, None).await.unwrap();
    let b = services::sessions::create(&t.db, user.id, None, None).await.unwrap();
    assert_ne!(a, b);
    assert_eq!(a.len(), 22, "128 random bits, base64url");
    assert_eq!(services::sessions::user_of(&t.db, &a).await.unwrap(), Some(user.id));
    services::sessions::destroy(&t.db, &a).await.unwrap();
    assert_eq!(services::sessions::user_of(&t.db, &a).await.unwrap(), None);
    assert_eq!(services::sessions::user_of(&t.db, &b).await.unwrap(), Some(user.id), "other sessions stay");
    assert_eq!(services::sessions::user_of(&t.db, "forged-token").await.unwrap(), None);

    // An expired session does not authenticate and is purged.
    let now = services::now();
    session::ActiveModel {
        id: Set("0".repeat(64)),
        user_id: Set(user.id),
        created_at: Set(now - chrono::Duration::days(40)),
        expires_at: Set(now - chrono::Duration::days(10)),
        last_seen_at: Set(None),
        ..Default::default()
    }
    .insert(&t.db)
    .await
    .unwrap();
    assert_eq!(services::sessions::purge_expired(&t.db).await.unwrap(), 1);
    assert_eq!(services::sessions::user_of(&t.db, &b).await.unwrap(), Some(user.id));
});

app::db_test!(sessions_survive_a_restart, |t: TestDb| async move {
    // A session is a row, not memory: a new connection pool (a restarted server) still knows it.
    let user = services::accounts::register(&t.db, &name("Khalid"), &email("khalid@example.qa"), &password(), false)
        .await
        .unwrap();
    let token = services::sessions::create(&t.db, user.id, None, None).await.unwrap();
    if let Some(file) = &t.sqlite_file {
        let reopened = backend::connect(&format!("sqlite://{}", file.display())).await.unwrap();
        assert_eq!(services::sessions::user_of(&reopened, &token).await.unwrap(), Some(user.id));
    } else {
        assert_eq!(services::sessions::user_of(&t.db, &token).await.unwrap(), Some(user.id));
    }
});

app::db_test!(migrations_go_down_and_up_again, |t: TestDb| async move {
    assert!(Migrator::get_pending_migrations(&t.db).await.unwrap().is_empty());
    Migrator::down(&t.db, None).await.unwrap();
    assert!(t.db.execute_unprepared("SELECT 1 FROM users").await.is_err(), "down dropped the tables");
    Migrator::up(&t.db, None).await.unwrap();
    t.db.execute_unprepared("SELECT id, email, password_hash, full_name, is_admin, created_at FROM users")
        .await
        .unwrap();
    // Applying again is a no-op.
    backend::migrate(&t.db).await.unwrap();
});

app::db_test!(demo_seed_is_idempotent_and_counted, |t: TestDb| async move {
    let first = seed::seed_demo(&t.db).await.unwrap();
    assert_eq!(first, 9);
    assert_eq!(seed::seed_demo(&t.db).await.unwrap(), 0);
    let overview = services::stats::admin_overview(&t.db).await.unwrap();
    assert_eq!((overview.volunteers, overview.organizations, overview.coordinators), (6, 3, 2));
    // The demo applicant's organization waits for review; the demo organizations' licences are flagged.
    assert_eq!(overview.pending_organizations, 1);
    let approved = services::organizations::for_review(&t.db, "approved").await.unwrap();
    let licence = |slug: &str| approved.iter().find(|o| o.slug == slug).unwrap().licence;
    use app::model::LicenceState;
    assert_eq!(
        [licence("qatar-red-crescent"), licence("eid-charity"), licence("doha-green-center")],
        [LicenceState::Valid, LicenceState::EndingSoon, LicenceState::Expired]
    );
    // The demo volunteers come with filled-in profiles.
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let fatima = app::backend::entities::user::Entity::find()
        .filter(app::backend::entities::user::Column::Email.eq("volunteer@tam.qa"))
        .one(&t.db)
        .await
        .unwrap()
        .unwrap();
    let (profile, _) = services::profiles::load(&t.db, fatima.id).await.unwrap().unwrap();
    assert_eq!(profile.completeness(), 100);
    assert_eq!(services::profiles::may_apply(&t.db, fatima.id, today()).await, Ok(()));
    let red_crescent = overview.organization_rows.iter().find(|r| r.name.en == "Qatar Red Crescent").unwrap();
    assert_eq!((red_crescent.name.ar.as_str(), red_crescent.coordinators), ("الهلال الأحمر القطري", 1));
    let coordinator =
        services::accounts::authenticate(&t.db, "coordinator@tam.qa", seed::DEMO_PASSWORD, None).await.unwrap();
    let (current, _) = services::accounts::current_user(&t.db, coordinator.id).await.unwrap().unwrap();
    let org = current.coordinator_of.expect("the demo coordinator coordinates");
    assert_eq!(org.name.en, "Qatar Red Crescent");
    // One organization per coordinator.
    let other = services::organizations::create(&t.db, "another", "أخرى", "Another").await.unwrap();
    assert_eq!(services::accounts::make_coordinator(&t.db, coordinator.id, other.id).await, Err(AppError::Conflict));
});

app::db_test!(admins_are_not_counted_as_volunteers, |t: TestDb| async move {
    services::accounts::register(&t.db, &name("Admin"), &email("admin@example.qa"), &password(), true).await.unwrap();
    services::accounts::register(&t.db, &name("Vol"), &email("vol@example.qa"), &password(), false).await.unwrap();
    let stats = services::stats::public(&t.db).await.unwrap();
    assert_eq!((stats.volunteers, stats.organizations), (1, 0));
});

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_backup_is_consistent_while_writing() {
    let t = TestDb::sqlite().await;
    seed::seed_demo(&t.db).await.unwrap();
    let dir = t.sqlite_file.as_ref().unwrap().parent().unwrap().to_path_buf();
    // A writer keeps registering while the backup runs.
    let db = t.db.clone();
    let writer = tokio::spawn(async move {
        for i in 0..20 {
            services::accounts::register(
                &db,
                &name(&format!("Writer {i}")),
                &email(&format!("w{i}@example.qa")),
                &password(),
                false,
            )
            .await
            .unwrap();
        }
    });
    let dest = dir.join("backup.db");
    backend::backup_sqlite(&t.db, &dest).await.unwrap();
    writer.await.unwrap();
    let copy = backend::connect(&format!("sqlite://{}", dest.display())).await.unwrap();
    let stats = services::stats::public(&copy).await.unwrap();
    assert!((5..=25).contains(&stats.volunteers), "a snapshot between the seed and the end: {}", stats.volunteers);
    assert_eq!(stats.organizations, 3);
    // Never overwrites.
    assert!(backend::backup_sqlite(&t.db, &dest).await.is_err());
    // The database and its copy are readable by their owner only.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for file in [t.sqlite_file.clone().unwrap(), dest] {
            let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{}", file.display());
        }
    }
}

async fn volunteer(t: &TestDb, mail: &str) -> app::backend::entities::user::Model {
    services::accounts::register(&t.db, &name("Sara Al-Marri"), &email(mail), &password(), false).await.unwrap()
}

// ASVS 5.0 V16.2 (security logging): the audit log is append-only: the database itself refuses
// to change or remove a row, whatever the code does.
app::db_test!(asvs_16_2_audit_rows_cannot_be_changed_or_removed, |t: TestDb| async move {
    use services::audit::{Event, Kind, Outcome};
    let user = volunteer(&t, "sara@example.qa").await;
    Event::new(Kind::Login, Outcome::Refused, Some(user.id), Some("10.1.2.3".parse().unwrap()))
        .record(&t.db)
        .await
        .unwrap();
    let rows = services::audit::of(&t.db, user.id).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].kind.as_str(), rows[0].outcome.as_str()), ("login", "refused"));
    assert_eq!(rows[0].address.as_deref(), Some("10.1.2.3"));
    assert!(t.db.execute_unprepared("UPDATE audit_events SET outcome = 'ok'").await.is_err());
    assert!(t.db.execute_unprepared("DELETE FROM audit_events").await.is_err());
    assert_eq!(services::audit::of(&t.db, user.id).await.unwrap()[0].outcome, "refused");
});

// ASVS 5.0 V6.4.1: verification links are random, stored hashed, single-use and expire (48 h);
// the clock is the caller's, so the test moves it.
app::db_test!(asvs_6_4_1_verification_links_are_single_use_and_expire, |t: TestDb| async move {
    use app::backend::entities::{token, user};
    use chrono::Duration;
    use sea_orm::EntityTrait;
    use services::{now, tokens, verification};
    let sara = volunteer(&t, "sara@example.qa").await;
    let at = now();
    let secret = tokens::issue(&t.db, sara.id, tokens::Purpose::VerifyEmail, at).await.unwrap();
    let stored = token::Entity::find().all(&t.db).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0].id, secret, "only the hash is stored");
    // Expired: 48 hours and a second later, the link does nothing.
    let late = verification::verify(&t.db, &secret, at + Duration::hours(48) + Duration::seconds(1), None).await;
    assert_eq!(late.unwrap_err(), AppError::field("form", "err-link-invalid"));
    assert!(user::Entity::find_by_id(sara.id).one(&t.db).await.unwrap().unwrap().email_verified_at.is_none());
    // In time: verified, once.
    assert_eq!(verification::verify(&t.db, &secret, at + Duration::hours(47), None).await.unwrap(), sara.id);
    assert!(user::Entity::find_by_id(sara.id).one(&t.db).await.unwrap().unwrap().email_verified_at.is_some());
    assert!(verification::verify(&t.db, &secret, at + Duration::hours(47), None).await.is_err(), "single use");
    // A new link replaces an unused older one.
    let first = tokens::issue(&t.db, sara.id, tokens::Purpose::VerifyEmail, at).await.unwrap();
    let second = tokens::issue(&t.db, sara.id, tokens::Purpose::VerifyEmail, at).await.unwrap();
    assert_eq!(tokens::peek(&t.db, &first, tokens::Purpose::VerifyEmail, at).await.unwrap(), None);
    assert_eq!(tokens::peek(&t.db, &second, tokens::Purpose::VerifyEmail, at).await.unwrap(), Some(sara.id));
    // A secret of one purpose is worth nothing for another.
    assert_eq!(tokens::peek(&t.db, &second, tokens::Purpose::ResetPassword, at).await.unwrap(), None);
    // A login's second step belongs to one browser: signing in on a second device at once leaves
    // the first one's step working, until it expires.
    let phone = tokens::issue(&t.db, sara.id, tokens::Purpose::LoginCode, at).await.unwrap();
    let laptop = tokens::issue(&t.db, sara.id, tokens::Purpose::LoginCode, at).await.unwrap();
    assert_eq!(tokens::peek(&t.db, &phone, tokens::Purpose::LoginCode, at).await.unwrap(), Some(sara.id));
    assert_eq!(tokens::peek(&t.db, &laptop, tokens::Purpose::LoginCode, at).await.unwrap(), Some(sara.id));
    let later = at + Duration::minutes(11);
    assert_eq!(tokens::peek(&t.db, &phone, tokens::Purpose::LoginCode, later).await.unwrap(), None);
    let kinds: Vec<String> = services::audit::of(&t.db, sara.id).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(kinds, ["email-verified"]);
});

// Registration writes the account, its verification mail and the audit row in one transaction;
// an unverified account cannot be made a coordinator (ASVS 5.0 V8.2.1).
app::db_test!(asvs_8_2_1_unverified_accounts_cannot_become_coordinators, |t: TestDb| async move {
    use app::i18n::Lang;
    use services::{accounts, mail, now, organizations, verification};
    let org = organizations::create(&t.db, "org", "جهة", "Org").await.unwrap();
    let new = accounts::NewVolunteer {
        name: &name("نورة"),
        email: &email("noura@example.qa"),
        password: &password(),
        lang: Lang::Ar,
        news: false,
    };
    let user = accounts::register_volunteer(&t.db, new, "https://tam.example", None).await.unwrap();
    let letters = mail::to(&t.db, "noura@example.qa").await.unwrap();
    assert_eq!(letters.len(), 1);
    assert_eq!(
        (letters[0].kind.as_str(), letters[0].lang.as_str(), letters[0].status.as_str()),
        ("verify", "ar", "pending")
    );
    assert!(letters[0].subject.contains("أكّد"), "{}", letters[0].subject);
    assert!(letters[0].body_html.contains("dir=\"rtl\""));
    let link = letters[0].body_text.lines().find(|l| l.starts_with("https://tam.example/verify?token=")).unwrap();
    assert_eq!(
        accounts::make_coordinator(&t.db, user.id, org.id).await.unwrap_err(),
        AppError::field("email", "err-email-unverified")
    );
    let secret = link.rsplit('=').next().unwrap();
    verification::verify(&t.db, secret, now(), None).await.unwrap();
    accounts::make_coordinator(&t.db, user.id, org.id).await.unwrap();
    let kinds: Vec<String> =
        services::audit::of(&t.db, user.id).await.unwrap().into_iter().rev().map(|e| e.kind).collect();
    assert_eq!(kinds, ["registration", "policy-accepted", "email-verified", "role-changed"]);
});

// ASVS 5.0 V6.4.3 and V6.3.8: a reset request answers the same for unknown addresses (and sends
// nothing); the link is single-use, valid 30 minutes; using it ends every session and says so by mail.
app::db_test!(asvs_6_4_3_password_reset_is_uniform_single_use_and_ends_sessions, |t: TestDb| async move {
    use chrono::Duration;
    use services::{mail, now, passwords, sessions};
    let sara = volunteer(&t, "sara@example.qa").await;
    let a = sessions::create(&t.db, sara.id, Some("Firefox"), None).await.unwrap();
    let site = "https://tam.example";
    let known = passwords::request_reset(&t.db, "sara@example.qa", site, None).await;
    let unknown = passwords::request_reset(&t.db, "nobody@example.qa", site, None).await;
    assert_eq!(known, Ok(()));
    assert_eq!(unknown, Ok(()));
    assert!(mail::to(&t.db, "nobody@example.qa").await.unwrap().is_empty());
    let letters = mail::to(&t.db, "sara@example.qa").await.unwrap();
    let link =
        letters[0].body_text.lines().find(|l| l.starts_with(&format!("{site}/reset?token="))).unwrap().to_string();
    let secret = link.rsplit('=').next().unwrap();
    let at = now();
    // A weak password is refused next to the field, and the link is still good.
    assert_eq!(
        passwords::reset(&t.db, secret, "password123", at, None).await.unwrap_err(),
        AppError::field("password", "err-password-weak")
    );
    // Too late: 31 minutes.
    assert!(passwords::reset(&t.db, secret, "saffron dhow at the corniche", at + Duration::minutes(31), None)
        .await
        .is_err());
    passwords::reset(&t.db, secret, "saffron dhow at the corniche", at + Duration::minutes(29), None).await.unwrap();
    assert_eq!(sessions::user_of(&t.db, &a).await.unwrap(), None, "every session ended");
    assert!(
        passwords::reset(&t.db, secret, "another fine long phrase", at + Duration::minutes(29), None).await.is_err(),
        "single use"
    );
    services::accounts::authenticate(&t.db, "sara@example.qa", "saffron dhow at the corniche", None).await.unwrap();
    let kinds: Vec<String> = mail::to(&t.db, "sara@example.qa").await.unwrap().into_iter().map(|m| m.kind).collect();
    assert_eq!(kinds, ["reset", "password-changed"]);
});

// ASVS 5.0 V6.2.3 and V7.4.3: changing the password needs the current one, and ends every other
// session (this one stays).
app::db_test!(asvs_7_4_3_password_change_ends_other_sessions, |t: TestDb| async move {
    use services::{passwords, sessions};
    let sara = volunteer(&t, "sara@example.qa").await;
    let here = sessions::create(&t.db, sara.id, None, None).await.unwrap();
    let there = sessions::create(&t.db, sara.id, None, None).await.unwrap();
    let wrong =
        passwords::change(&t.db, sara.id, "not my password!", "saffron dhow at the corniche", &here, None).await;
    assert_eq!(wrong.unwrap_err(), AppError::field("current_password", "err-password-wrong"));
    assert_eq!(sessions::user_of(&t.db, &there).await.unwrap(), Some(sara.id), "a refused change ends nothing");
    passwords::change(&t.db, sara.id, "a long enough password", "saffron dhow at the corniche", &here, None)
        .await
        .unwrap();
    assert_eq!(sessions::user_of(&t.db, &here).await.unwrap(), Some(sara.id));
    assert_eq!(sessions::user_of(&t.db, &there).await.unwrap(), None);
    let outcomes: Vec<(String, String)> =
        services::audit::of(&t.db, sara.id).await.unwrap().into_iter().rev().map(|e| (e.kind, e.outcome)).collect();
    assert_eq!(outcomes, [("password-changed".into(), "refused".into()), ("password-changed".into(), "ok".into())]);
});

// ASVS 5.0 V6.5.1–V6.5.5: TOTP enrolment is confirmed with a code; a code is accepted once; a
// recovery code works once and is stored hashed; a wrong code is refused.
app::db_test!(asvs_6_5_1_totp_and_recovery_codes_work_once, |t: TestDb| async move {
    use app::backend::entities::{recovery_code, user};
    use sea_orm::EntityTrait;
    use services::{mfa, now};
    let sara = volunteer(&t, "sara@example.qa").await;
    let enrolment = mfa::start(&t.db, sara.id).await.unwrap();
    assert!(enrolment.qr_svg.contains("<svg"));
    assert!(enrolment.url.starts_with("otpauth://totp/Tam:"), "{}", enrolment.url);
    assert_eq!(enrolment.recovery_codes.len(), 10);
    let hashes: Vec<String> =
        recovery_code::Entity::find().all(&t.db).await.unwrap().into_iter().map(|c| c.code_hash).collect();
    assert!(enrolment.recovery_codes.iter().all(|c| !hashes.contains(c)), "codes are stored hashed");
    let at = now();
    assert_eq!(
        mfa::confirm(&t.db, sara.id, "000000", at, None).await.unwrap_err(),
        AppError::field("code", "err-code-wrong")
    );
    let code = mfa::code_at(&enrolment.secret, at);
    mfa::confirm(&t.db, sara.id, &code, at, None).await.unwrap();
    let sara = user::Entity::find_by_id(sara.id).one(&t.db).await.unwrap().unwrap();
    assert!(sara.mfa_enabled_at.is_some());
    // The code that confirmed the enrolment cannot log in again.
    assert!(!mfa::check_code(&t.db, &sara, &code, at).await.unwrap(), "a TOTP code works once");
    let later = at + chrono::Duration::seconds(30);
    assert!(mfa::check_code(&t.db, &sara, &mfa::code_at(&enrolment.secret, later), later).await.unwrap());
    let recovery = enrolment.recovery_codes[3].to_uppercase();
    assert!(mfa::check_code(&t.db, &sara, &recovery, later).await.unwrap());
    assert!(!mfa::check_code(&t.db, &sara, &recovery, later).await.unwrap(), "a recovery code works once");
    assert_eq!(mfa::recovery_codes_left(&t.db, sara.id).await.unwrap(), 9);
    assert!(!mfa::check_code(&t.db, &sara, "abcde-fghjk", later).await.unwrap());
    let kinds: Vec<String> = services::audit::of(&t.db, sara.id).await.unwrap().into_iter().map(|e| e.kind).collect();
    assert_eq!(kinds, ["mfa-enabled"]);
});

// ASVS 5.0 V6.4.4 and V7.4.5: an admin's reset of someone's MFA clears it, ends their sessions,
// mails them, and is audited with the admin's name.
app::db_test!(asvs_6_4_4_admin_mfa_reset_is_audited, |t: TestDb| async move {
    use services::{mfa, sessions};
    let admin = services::accounts::register(&t.db, &name("Admin"), &email("admin@example.qa"), &password(), true)
        .await
        .unwrap();
    let sara = volunteer(&t, "sara@example.qa").await;
    mfa::enrol_with(&t.db, sara.id, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", &[]).await.unwrap();
    let token = sessions::create(&t.db, sara.id, None, None).await.unwrap();
    assert_eq!(
        mfa::admin_reset(&t.db, admin.id, "admin@example.qa", None).await.unwrap_err(),
        AppError::field("email", "err-mfa-reset-self")
    );
    mfa::admin_reset(&t.db, admin.id, "SARA@example.qa", Some("10.9.9.9".parse().unwrap())).await.unwrap();
    assert_eq!(sessions::user_of(&t.db, &token).await.unwrap(), None);
    let (current, _) = services::accounts::current_user(&t.db, sara.id).await.unwrap().unwrap();
    assert!(!current.mfa_enabled);
    let events = services::audit::of(&t.db, sara.id).await.unwrap();
    assert_eq!(events[0].kind, "mfa-reset");
    assert_eq!((events[0].actor_id, events[0].subject_id), (Some(admin.id), Some(sara.id)));
    assert_eq!(events[0].address.as_deref(), Some("10.9.9.9"));
    let kinds: Vec<String> =
        services::mail::to(&t.db, "sara@example.qa").await.unwrap().into_iter().map(|m| m.kind).collect();
    assert_eq!(kinds, ["mfa-reset"]);
});

// A mail is written in the transaction of the change that causes it: rolled back, nothing is sent.
app::db_test!(mail_is_written_with_its_change_or_not_at_all, |t: TestDb| async move {
    use app::i18n::Lang;
    use sea_orm::TransactionTrait;
    use services::mail;
    let txn = t.db.begin().await.unwrap();
    mail::enqueue(
        &txn,
        mail::Letter { kind: "verify", to: "x@example.qa", lang: Lang::En, name: "X", link: None, detail: None },
    )
    .await
    .unwrap();
    txn.rollback().await.unwrap();
    assert!(mail::recent(&t.db, 10).await.unwrap().is_empty());
    let txn = t.db.begin().await.unwrap();
    mail::enqueue(
        &txn,
        mail::Letter { kind: "verify", to: "x@example.qa", lang: Lang::En, name: "X", link: None, detail: None },
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
    let sent = mail::recent(&t.db, 10).await.unwrap();
    assert_eq!(sent.len(), 1);
    assert!(sent[0].subject.starts_with("Confirm your email"), "{}", sent[0].subject);
});

/// A small SMTP server in its own process (`smtp_sink.py`), writing each message it accepts to a
/// directory.
struct SmtpSink {
    child: std::process::Child,
    dir: std::path::PathBuf,
}

impl SmtpSink {
    fn start(port: u16, dir: &std::path::Path) -> SmtpSink {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp_sink.py");
        let child = std::process::Command::new("python3")
            .args([script, &port.to_string(), dir.to_str().unwrap()])
            .spawn()
            .expect("python3 runs the SMTP sink");
        // Wait until it accepts connections.
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        SmtpSink { child, dir: dir.to_path_buf() }
    }

    fn messages(&self) -> Vec<String> {
        let mut files: Vec<_> =
            std::fs::read_dir(&self.dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
        files.sort();
        files.into_iter().filter_map(|f| std::fs::read_to_string(f).ok()).collect()
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

// The outbox goes out through a real SMTP server; while the server is down, delivery is retried
// with a delay and the reason is recorded; a message older than a day is given up.
app::db_test!(outbox_is_delivered_to_smtp_and_retried_after_the_server_was_down, |t: TestDb| async move {
    use app::backend::entities::outbox;
    use app::i18n::Lang;
    use sea_orm::EntityTrait;
    use services::mail;
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let dir = std::env::temp_dir().join(format!("tam-sink-{}-{port}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let letter = mail::Letter {
        kind: "reset",
        to: "sara@example.qa",
        lang: Lang::En,
        name: "Sara",
        link: Some("https://tam.example/reset?token=abc".into()),
        detail: None,
    };
    let id = mail::enqueue(&t.db, letter).await.unwrap();
    let mut worker =
        mail::Worker::new(t.db.clone(), &format!("smtp://127.0.0.1:{port}"), "Tam <no-reply@tam.qa>").unwrap();
    worker.first_retry = chrono::Duration::seconds(1);

    // Nobody listens: the attempt fails, is counted, and waits (from the attempt: compared with
    // the moment before it, since a busy machine may take a second to get here).
    let before = services::now();
    assert_eq!(worker.deliver_due().await.unwrap(), 0);
    let m = outbox::Entity::find_by_id(id).one(&t.db).await.unwrap().unwrap();
    assert_eq!((m.status.as_str(), m.attempts), ("pending", 1));
    assert!(m.last_error.as_deref().is_some_and(|e| !e.is_empty()));
    assert!(m.next_attempt_at >= before + worker.first_retry, "{} {before}", m.next_attempt_at);
    assert_eq!(worker.deliver_due().await.unwrap(), 0, "not due yet");

    // The server is up; the retry delivers it.
    let sink = SmtpSink::start(port, &dir);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(worker.deliver_due().await.unwrap(), 1);
    let m = outbox::Entity::find_by_id(id).one(&t.db).await.unwrap().unwrap();
    assert_eq!((m.status.as_str(), m.attempts, m.last_error.as_deref()), ("sent", 2, None));
    let messages = sink.messages();
    assert_eq!(messages.len(), 1);
    let raw = &messages[0];
    assert!(raw.contains("To: sara@example.qa"), "{raw}");
    assert!(raw.contains("Subject: Choose a new password for Tam"), "{raw}");
    assert!(raw.contains("multipart/alternative") && raw.contains("text/html"), "{raw}");
    assert_eq!(worker.deliver_due().await.unwrap(), 0, "sent once");

    // A message that cannot be delivered for a day is given up, with the reason.
    drop(sink);
    let old = mail::enqueue(
        &t.db,
        mail::Letter { kind: "verify", to: "old@example.qa", lang: Lang::Ar, name: "X", link: None, detail: None },
    )
    .await
    .unwrap();
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::CreatedAt,
            sea_orm::sea_query::Expr::value(services::now() - chrono::Duration::hours(25)),
        )
        .filter(sea_orm::ColumnTrait::eq(&outbox::Column::Id, old))
        .exec(&t.db)
        .await
        .unwrap();
    use sea_orm::QueryFilter;
    worker.deliver_due().await.unwrap();
    let m = outbox::Entity::find_by_id(old).one(&t.db).await.unwrap().unwrap();
    assert_eq!(m.status, "failed");
    assert!(m.last_error.is_some());
    let _ = std::fs::remove_dir_all(&dir);
});

fn today() -> chrono::NaiveDate {
    services::now().date_naive()
}

// The volunteer profile round-trips through both databases; saving again replaces every list.
app::db_test!(profiles_are_saved_whole_and_read_back, |t: TestDb| async move {
    use services::profiles::{self, ProfileInput};
    let sara = volunteer(&t, "sara@example.qa").await;
    assert_eq!(profiles::load(&t.db, sara.id).await.unwrap(), None);
    let input = ProfileInput {
        name_ar: "سارة المرّي".into(),
        name_latin: "Sara Al-Marri".into(),
        mobile: "٥٥٥٥ ١٢٣٤".into(),
        birth_date: "1995-07-20".into(),
        gender: "female".into(),
        nationality: "qa".into(),
        municipality: "al-wakrah".into(),
        education: "bachelor".into(),
        languages: vec!["ar".into(), "en".into()],
        skills: vec!["first-aid".into(), "translation".into()],
        skills_other: "الخط العربي".into(),
        causes: vec!["health".into()],
        availability: vec!["sat-morning".into(), "thu-evening".into()],
        emergency_name: "مريم المرّي".into(),
        emergency_phone: "+974 3312 3456".into(),
        emergency_relation: "أخت".into(),
        ..Default::default()
    };
    let profile = input.parse(today()).unwrap();
    profiles::save(&t.db, sara.id, &profile).await.unwrap();
    let (back, consent) = profiles::load(&t.db, sara.id).await.unwrap().unwrap();
    assert_eq!(consent, None);
    assert_eq!(back.nationality.as_deref(), Some("QA"));
    assert_eq!(back.mobile.as_deref(), Some("+97455551234"));
    assert_eq!(back.languages, ["ar", "en"]);
    assert_eq!(back.availability, ["sat-morning", "thu-evening"]);
    assert_eq!(back, profile);
    assert_eq!(back.completeness(), 100);
    // Saved again with fewer skills: the lists are replaced, not added to.
    let fewer = ProfileInput { skills: vec!["translation".into()], ..input.clone() }.parse(today()).unwrap();
    profiles::save(&t.db, sara.id, &fewer).await.unwrap();
    assert_eq!(profiles::load(&t.db, sara.id).await.unwrap().unwrap().0.skills, ["translation"]);
    // Search reads the forgiving form of every name.
    let row = app::backend::entities::volunteer_profile::Entity::find_by_id(sara.id).one(&t.db).await.unwrap().unwrap();
    assert!(row.search_text.contains(&app::backend::text::normalize_for_search("ساره المري")), "{}", row.search_text);
    use sea_orm::EntityTrait;
});

// The one rule applications call: a minor may apply only after their guardian consented, by the
// link mailed to the guardian (single use); changing the guardian's address asks again.
app::db_test!(a_minor_without_guardian_consent_may_not_apply, |t: TestDb| async move {
    use services::profiles::{self, ProfileInput};
    let today = today();
    let adult = volunteer(&t, "adult@example.qa").await;
    let minor = volunteer(&t, "minor@example.qa").await;
    assert_eq!(
        profiles::may_apply(&t.db, adult.id, today).await.unwrap_err(),
        AppError::field("form", "err-profile-birth-date-needed")
    );
    let adult_profile = ProfileInput { birth_date: "1990-01-01".into(), ..Default::default() }.parse(today).unwrap();
    profiles::save(&t.db, adult.id, &adult_profile).await.unwrap();
    assert_eq!(profiles::may_apply(&t.db, adult.id, today).await, Ok(()));

    let sixteen = today.with_year(today.year() - 16).unwrap().format("%Y-%m-%d").to_string();
    let minor_input = ProfileInput {
        birth_date: sixteen,
        guardian_name: "خالد".into(),
        guardian_phone: "66667777".into(),
        guardian_email: "khalid@example.qa".into(),
        guardian_relation: "أب".into(),
        ..Default::default()
    };
    profiles::save(&t.db, minor.id, &minor_input.parse(today).unwrap()).await.unwrap();
    assert_eq!(
        profiles::may_apply(&t.db, minor.id, today).await.unwrap_err(),
        AppError::field("form", "err-guardian-consent-needed")
    );
    profiles::request_guardian_consent(&t.db, minor.id, "https://tam.example").await.unwrap();
    let letter = services::mail::to(&t.db, "khalid@example.qa").await.unwrap().pop().unwrap();
    assert_eq!(letter.kind, "guardian-consent");
    let link =
        letter.body_text.lines().find(|l| l.starts_with("https://tam.example/consent?token=")).unwrap().to_string();
    let secret = link.rsplit('=').next().unwrap();
    assert_eq!(profiles::give_guardian_consent(&t.db, secret, services::now(), None).await.unwrap(), minor.id);
    assert!(profiles::give_guardian_consent(&t.db, secret, services::now(), None).await.is_err(), "single use");
    assert_eq!(profiles::may_apply(&t.db, minor.id, today).await, Ok(()));
    // A new guardian address needs the new guardian's consent.
    let changed = ProfileInput { guardian_email: "mother@example.qa".into(), ..minor_input }.parse(today).unwrap();
    profiles::save(&t.db, minor.id, &changed).await.unwrap();
    assert!(profiles::may_apply(&t.db, minor.id, today).await.is_err());
    use chrono::Datelike;
});

// Admin search: Arabic words forgiving how people type (احمد finds أحمد), and each filter narrows.
app::db_test!(volunteer_search_forgives_arabic_spelling_and_filters, |t: TestDb| async move {
    use services::profiles::{self, ProfileInput};
    use services::volunteers::{search, Filter};
    let today = today();
    let people = [
        ("أحمد الكواري", "1990-05-01", "doha", "male", vec!["first-aid"], vec!["sat-morning"]),
        ("فاطمة المري", "2001-02-10", "al-rayyan", "female", vec!["teaching", "first-aid"], vec!["fri-evening"]),
        ("Ahmed Khan", "1985-09-09", "doha", "male", vec!["it"], vec!["sat-morning"]),
    ];
    let mut ids = Vec::new();
    for (i, (name, born, municipality, gender, skills, slots)) in people.iter().enumerate() {
        let u = services::accounts::register(
            &t.db,
            &FullName::parse(name).unwrap(),
            &email(&format!("p{i}@example.qa")),
            &password(),
            false,
        )
        .await
        .unwrap();
        let input = ProfileInput {
            birth_date: born.to_string(),
            municipality: municipality.to_string(),
            gender: gender.to_string(),
            skills: skills.iter().map(|s| s.to_string()).collect(),
            availability: slots.iter().map(|s| s.to_string()).collect(),
            ..Default::default()
        };
        profiles::save(&t.db, u.id, &input.parse(today).unwrap()).await.unwrap();
        ids.push(u.id);
    }
    let names = |f: Filter| {
        let db = t.db.clone();
        async move {
            let (hits, _) = search(&db, &f, today).await.unwrap();
            hits.into_iter().map(|h| h.full_name).collect::<Vec<_>>()
        }
    };
    assert_eq!(names(Filter { words: "احمد".into(), ..Default::default() }).await, ["أحمد الكواري"]);
    assert_eq!(names(Filter { words: "فاطمه".into(), ..Default::default() }).await, ["فاطمة المري"]);
    assert_eq!(names(Filter { words: "AHMED".into(), ..Default::default() }).await, ["Ahmed Khan"]);
    assert_eq!(
        names(Filter { words: "100%".into(), ..Default::default() }).await,
        Vec::<String>::new(),
        "wildcards are literal"
    );
    let first_aid_doha =
        Filter { skill: Some("first-aid".into()), municipality: Some("doha".into()), ..Default::default() };
    assert_eq!(names(first_aid_doha).await, ["أحمد الكواري"]);
    let young = Filter { age_band: Some("18-24".into()), ..Default::default() };
    assert_eq!(names(young).await.len(), (today.year() - 2001 <= 24) as usize);
    let saturday = Filter { slot: Some("sat-morning".into()), gender: Some("male".into()), ..Default::default() };
    assert_eq!(names(saturday).await, ["Ahmed Khan", "أحمد الكواري"], "newest first");
    use chrono::Datelike;
});

// `tam seed` at small scale: every generated volunteer has a full profile and tags, and search finds them.
app::db_test!(bulk_seed_makes_searchable_profiles, |t: TestDb| async move {
    use app::backend::entities::{volunteer_profile, volunteer_tag};
    use sea_orm::{EntityTrait, PaginatorTrait};
    let mut calls = 0;
    let n = app::backend::bulk_seed::seed(&t.db, 1500, 7, |_, _| calls += 1).await.unwrap();
    assert_eq!((n, calls), (1500, 2), "two batches");
    assert_eq!(volunteer_profile::Entity::find().count(&t.db).await.unwrap(), 1500);
    assert!(volunteer_tag::Entity::find().count(&t.db).await.unwrap() >= 1500 * 4);
    let overview = services::stats::admin_overview(&t.db).await.unwrap();
    assert_eq!((overview.volunteers, overview.organizations), (1500, 7));
    let filter = services::volunteers::Filter { words: "محمد".into(), ..Default::default() };
    let (hits, more) = services::volunteers::search(&t.db, &filter, today()).await.unwrap();
    assert_eq!(hits.len(), services::volunteers::PAGE_SIZE as usize);
    assert!(more && hits.iter().all(|h| h.full_name.contains("محمد")));
    // Nobody can log in as a generated volunteer.
    let refused = services::accounts::authenticate(&t.db, &hits[0].email, "tam-demo-2026", None).await;
    assert!(refused.is_err());
    // A second run adds more, without clashing.
    app::backend::bulk_seed::seed(&t.db, 10, 1, |_, _| {}).await.unwrap();
    assert_eq!(volunteer_profile::Entity::find().count(&t.db).await.unwrap(), 1510);
});
