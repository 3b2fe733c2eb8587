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
app::db_test!(throttle_stops_the_guesser_never_the_owner_elsewhere, |t: TestDb| async move {
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

// ASVS 5.0 V6: the attempt is counted in one atomic statement before Argon2 runs, so parallel
// guesses cannot slip past the counter.
app::db_test!(parallel_guesses_get_no_more_than_the_limit, |t: TestDb| async move {
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
app::db_test!(one_address_is_limited_across_accounts, |t: TestDb| async move {
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

app::db_test!(sessions_live_until_destroyed_or_expired, |t: TestDb| async move {
    let user = services::accounts::register(&t.db, &name("Sara"), &email("sara@example.qa"), &password(), false)
        .await
        .unwrap();
    let a = services::sessions::create(&t.db, user.id).await.unwrap();
    let b = services::sessions::create(&t.db, user.id).await.unwrap();
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
    let token = services::sessions::create(&t.db, user.id).await.unwrap();
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
    assert_eq!(first, 8);
    assert_eq!(seed::seed_demo(&t.db).await.unwrap(), 0);
    let overview = services::stats::admin_overview(&t.db).await.unwrap();
    assert_eq!((overview.volunteers, overview.organizations, overview.coordinators), (5, 3, 2));
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
