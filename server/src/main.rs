//! `tam`: serve, migrate, seed-demo, create-admin, backup.

use std::process::ExitCode;

use app::backend::{self, seed, services::accounts, AppContext};
use app::model::{Email, FullName, Password};
use server::{router, shutdown_signal, Config};

/// mimalloc instead of glibc's malloc: a page render allocates and frees thousands of small
/// strings and rows, and under the crowd benchmark glibc's malloc and free took about 14 % of the
/// server's CPU (`perf`, /opportunities on SQLite), much of it in consolidating freed chunks.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
usage: tam <command>

commands:
  serve [--demo]                          apply migrations and serve (--demo loads the demo data first)
  migrate                                 apply pending migrations
  seed-demo                               load the demo organizations and accounts (idempotent)
  seed --volunteers N --organizations M   add a generated national-scale data set (bilingual names,
                                          full profiles; nobody can log in as the generated people)
         [--opportunities K --applications L]    and opportunities with applications in every state
                                          (TAM_BENCH_PASSWORD set: two benchmark accounts too)
         [--hours H]                      and H lines of the hours ledger over two years
  create-admin --email E --name N         create a platform admin; the password is read from
                                          TAM_ADMIN_PASSWORD or, if unset, from standard input
  backup <file>                           write a consistent copy of the SQLite database

environment:
  DATABASE_URL        sqlite://data/tam.db?mode=rwc (default) or postgres://user@host/db
  TAM_ADDR            address to listen on (default 127.0.0.1:3000)
  LEPTOS_SITE_ROOT    the built site (default target/site)
  TAM_PUBLIC_URL      the address people use: https://… (cookies __Host- and Secure, HSTS);
                      plain http:// only on a loopback address (default http://TAM_ADDR)
  TAM_TRUSTED_PROXY   the reverse proxy's address: from it, the client is read from X-Forwarded-For
  SMTP_URL            where mail goes: smtp://host:port (plain), smtp://user:pass@host:587?tls=required
                      (STARTTLS) or smtps://host; unset, mail waits in the outbox (/admin/outbox)
  TAM_MAIL_FROM       the sender of Tam's mail (default Tam <no-reply@tam.qa>)
  TAM_LOG_FORMAT      json for JSON logs
  RUST_LOG            log filter (default info)

Under `cargo leptos watch` (LEPTOS_WATCH=true), no command means `serve --demo`.";

fn init_tracing() {
    use tracing_subscriber::{fmt, EnvFilter};
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    if std::env::var("TAM_LOG_FORMAT").is_ok_and(|f| f == "json") {
        fmt().with_env_filter(filter).json().init();
    } else {
        fmt().with_env_filter(filter).init();
    }
}

/// mimalloc's `purge_delay` option: its place in the `mi_option_e` list of the mimalloc (v3) that
/// libmimalloc-sys 0.1.49 bundles (`c_src/mimalloc/v3/include/mimalloc.h`; the crate names only the
/// v2 list's options). Cargo.lock pins that version.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Freed memory goes back to the OS at once instead of after a second: with the default, the crowd
    // benchmark's queue and mixed rows held 108-117 MB of the process's own memory, with 0 they
    // held 83 MB at the same throughput (`MIMALLOC_PURGE_DELAY=0` measured it; set here, before
    // any other thread runs, as the option's setter requires).
    // SAFETY: a plain store into mimalloc's option table while this is the only thread.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    // glibc's malloc still serves the C code, SQLite above all, from its eight worker threads.
    // glibc gives each thread that contends for memory an arena of its own (8 per core), and
    // keeps what it once held: two arenas keep that memory near what it uses. Blocks of 256 KiB
    // and more are mapped on their own and unmapped when freed; by default glibc raises that bar
    // after each such free, and then keeps the next ones in its arenas, resident for good.
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: plain settings of the allocator, made while this is the only thread.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
    }
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("the async runtime starts")
        .block_on(serve_or_command())
}

async fn serve_or_command() -> ExitCode {
    init_tracing();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tam: {e}");
            ExitCode::FAILURE
        }
    }
}

fn flag_value(args: &[String], flag: &str) -> Option<String> {
    args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned()
}

async fn run(mut args: Vec<String>) -> Result<(), String> {
    // `cargo leptos watch` starts the binary with no arguments: serve the demo, as `scripts/run.sh` does.
    if args.is_empty() && std::env::var("LEPTOS_WATCH").is_ok_and(|v| v == "true") {
        args = vec!["serve".into(), "--demo".into()];
    }
    let config = Config::from_env()?;
    let command = args.first().map(String::as_str).unwrap_or("");
    if matches!(command, "" | "-h" | "--help" | "help") {
        println!("{USAGE}");
        return Ok(());
    }
    let db = backend::connect(&config.database_url).await.map_err(|e| format!("opening the database: {e}"))?;
    match command {
        "migrate" => {
            backend::migrate(&db).await.map_err(|e| format!("migrating: {e}"))?;
            println!("migrations applied");
        }
        "seed-demo" => {
            backend::migrate(&db).await.map_err(|e| format!("migrating: {e}"))?;
            let n = seed::seed_demo(&db).await.map_err(|e| format!("seeding: {e}"))?;
            if n > 0 {
                rebuild_rollups(&db).await?;
            }
            println!("demo data loaded ({n} new records)");
        }
        "seed" => {
            backend::migrate(&db).await.map_err(|e| format!("migrating: {e}"))?;
            let number = |flag: &str| -> Result<usize, String> {
                flag_value(&args, flag).map_or(Ok(0), |v| v.parse().map_err(|_| format!("{flag} needs a number")))
            };
            let (volunteers, organizations) = (number("--volunteers")?, number("--organizations")?);
            let started = std::time::Instant::now();
            let n = backend::bulk_seed::seed(&db, volunteers, organizations, |done, total| {
                let width = 30;
                let filled = if total == 0 { width } else { done * width / total };
                eprint!("\r[{}{}] {done}/{total} volunteers", "#".repeat(filled), " ".repeat(width - filled));
            })
            .await
            .map_err(|e| format!("seeding: {e}"))?;
            eprintln!();
            println!(
                "{n} volunteers and {organizations} organizations added in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            let (opportunities, applications) = (number("--opportunities")?, number("--applications")?);
            if opportunities > 0 {
                let started = std::time::Instant::now();
                // The benchmark's two accounts, when a password for them is given.
                let bench = std::env::var("TAM_BENCH_PASSWORD").ok().filter(|p| !p.is_empty());
                let (o, a) = backend::bulk_seed::seed_activity(
                    &db,
                    opportunities,
                    applications,
                    bench.as_deref(),
                    |what, done, total| eprint!("\r{what}: {done}/{total}          "),
                )
                .await
                .map_err(|e| format!("seeding: {e}"))?;
                eprintln!();
                println!("{o} opportunities and {a} applications added in {:.1} s", started.elapsed().as_secs_f64());
            }
            let hours = number("--hours")?;
            if hours > 0 {
                let started = std::time::Instant::now();
                let n = backend::bulk_seed::seed_hours(&db, hours, |done, total| eprint!("\rhours: {done}/{total}   "))
                    .await
                    .map_err(|e| format!("seeding: {e}"))?;
                eprintln!();
                println!("{n} hour lines added in {:.1} s", started.elapsed().as_secs_f64());
            }
            let started = std::time::Instant::now();
            rebuild_rollups(&db).await?;
            println!("dashboards' roll-ups counted in {:.1} s", started.elapsed().as_secs_f64());
            use sea_orm::ConnectionTrait;
            if db.get_database_backend() == sea_orm::DbBackend::Postgres {
                // What autovacuum would do soon after a bulk load: statistics for the planner, and
                // the visibility map that lets counts read indexes alone.
                db.execute_unprepared("VACUUM ANALYZE").await.map_err(|e| format!("VACUUM ANALYZE: {e}"))?;
            }
        }
        "create-admin" => {
            backend::migrate(&db).await.map_err(|e| format!("migrating: {e}"))?;
            let email = flag_value(&args, "--email").ok_or("create-admin needs --email")?;
            let name = flag_value(&args, "--name").ok_or("create-admin needs --name")?;
            let password = match std::env::var("TAM_ADMIN_PASSWORD") {
                Ok(p) => p,
                // At a terminal the password is typed without echo; from a pipe it is one line.
                Err(_) if std::io::IsTerminal::is_terminal(&std::io::stdin()) => {
                    rpassword::prompt_password(format!("password for {email}: ")).map_err(|e| e.to_string())?
                }
                Err(_) => {
                    let mut line = String::new();
                    std::io::stdin().read_line(&mut line).map_err(|e| e.to_string())?;
                    line.trim_end_matches(['\r', '\n']).to_string()
                }
            };
            // A refusal in words (the English message), not a message id.
            let explain = |what: &str, id: &str| format!("{what}: {}", app::i18n::translate(app::i18n::Lang::En, id));
            let email = Email::parse(&email).map_err(|e| explain("--email", e))?;
            let name = FullName::parse(&name).map_err(|e| explain("--name", e))?;
            let password = Password::parse(&password).map_err(|e| explain("password", e))?;
            accounts::check_new_password(&password, name.as_str(), email.as_str())
                .map_err(|e| explain("password", e))?;
            let user = accounts::register(&db, &name, &email, &password, true).await.map_err(|e| match e {
                app::model::AppError::Validation(list) => {
                    list.iter().map(|f| explain(&format!("--{}", f.field), &f.message)).collect::<Vec<_>>().join("; ")
                }
                other => format!("creating the admin: {other}"),
            })?;
            println!("admin {} created (id {})", email.as_str(), user.id);
        }
        "backup" => {
            let dest = args.get(1).ok_or("backup needs a destination file")?;
            backend::backup_sqlite(&db, std::path::Path::new(dest)).await.map_err(|e| format!("backup: {e}"))?;
            println!("backup written to {dest}");
        }
        "serve" => {
            backend::migrate(&db).await.map_err(|e| format!("migrating: {e}"))?;
            if args.iter().any(|a| a == "--demo") {
                // Every demo account's password is in the README.
                if !config.is_loopback() {
                    return Err(format!(
                        "serve --demo: the demo accounts' passwords are public; refusing to serve them at {}",
                        config.public_url
                    ));
                }
                let n = seed::seed_demo(&db).await.map_err(|e| format!("seeding: {e}"))?;
                tracing::info!(new_records = n, "demo data loaded");
                let mut added = n;
                // A volunteer database to search and browse: a few hundred generated people.
                use sea_orm::{EntityTrait, PaginatorTrait};
                let profiles =
                    backend::entities::volunteer_profile::Entity::find().count(&db).await.map_err(|e| e.to_string())?;
                if profiles < 100 {
                    let n =
                        backend::bulk_seed::seed(&db, 300, 0, |_, _| {}).await.map_err(|e| format!("seeding: {e}"))?;
                    tracing::info!(volunteers = n, "generated demo volunteers added");
                    added += n;
                }
                // A year of history for the dashboards: registrations, attendance, hours.
                let n = backend::bulk_seed::seed_history(&db).await.map_err(|e| format!("seeding: {e}"))?;
                if n > 0 {
                    tracing::info!(hour_lines = n, "demo history added");
                }
                // Counted again only when rows went in past the services (not at every start).
                if added + n > 0 {
                    rebuild_rollups(&db).await?;
                }
            }
            serve(config, db).await?;
        }
        other => return Err(format!("unknown command {other:?}\n\n{USAGE}")),
    }
    Ok(())
}

async fn serve(config: Config, db: sea_orm::DatabaseConnection) -> Result<(), String> {
    // Expired sessions and day-old login failures are useless; sweep them hourly.
    let sweeper_db = db.clone();
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            every.tick().await;
            match backend::services::sessions::purge_expired(&sweeper_db).await {
                Ok(n) if n > 0 => tracing::info!(removed = n, "expired sessions purged"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "purging expired sessions failed"),
            }
            if let Err(e) = backend::services::throttle::purge(&sweeper_db).await {
                tracing::warn!(error = %e, "purging old throttle counts failed");
            }
            if let Err(e) = backend::services::tokens::purge(&sweeper_db, backend::services::now()).await {
                tracing::warn!(error = %e, "purging expired tokens failed");
            }
            if let Err(e) = backend::services::events::purge(&sweeper_db, backend::services::now()).await {
                tracing::warn!(error = %e, "purging old events failed");
            }
        }
    });
    match std::env::var("SMTP_URL").ok().filter(|u| !u.is_empty()) {
        Some(url) => {
            let from = std::env::var("TAM_MAIL_FROM").unwrap_or_else(|_| "Tam <no-reply@tam.qa>".to_string());
            let worker = backend::services::mail::Worker::new(db.clone(), &url, &from)?;
            tracing::info!("mail: sending the outbox through SMTP");
            tokio::spawn(worker.run());
        }
        None => tracing::info!("mail: SMTP_URL is not set; mail stays in the outbox (/admin/outbox)"),
    }
    // Offers that lapse, the day-before reminders and forgotten check-outs: every minute, from the
    // database, so a restart (or a second process) neither loses nor repeats one.
    let jobs_db = db.clone();
    let site = config.public_url.trim_end_matches('/').to_string();
    tokio::spawn(async move {
        use backend::services::{applications, now};
        let mut every = tokio::time::interval(std::time::Duration::from_secs(60));
        loop {
            every.tick().await;
            match applications::expire_offers(&jobs_db, &site, now()).await {
                Ok(n) if n > 0 => tracing::info!(lapsed = n, "waitlist offers passed on"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "passing on lapsed offers failed"),
            }
            if let Err(e) = backend::services::opportunities::refresh_next_starts(&jobs_db, now(), false).await {
                tracing::warn!(error = %e, "moving on opportunities' next shifts failed");
            }
            match applications::send_reminders(&jobs_db, &site, now()).await {
                Ok(n) if n > 0 => tracing::info!(sent = n, "shift reminders sent"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "sending shift reminders failed"),
            }
            match backend::services::attendance::close_forgotten(&jobs_db, now()).await {
                Ok(n) if n > 0 => tracing::info!(closed = n, "forgotten check-outs closed at their shift's end"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "closing forgotten check-outs failed"),
            }
            match backend::services::training::warn_expiring(&jobs_db, now()).await {
                Ok(n) if n > 0 => tracing::info!(warned = n, "qualifications expiring within 30 days warned of"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "warning of expiring qualifications failed"),
            }
        }
    });
    let bus = backend::services::events::Bus::new(&db).await.map_err(|e| format!("reading events: {e}"))?;
    tokio::spawn(bus.clone().run(db.clone()));
    let ctx = AppContext {
        bus,
        db: db.clone(),
        secure_cookies: config.https(),
        trusted_proxy: config.trusted_proxy,
        public_url: config.public_url.trim_end_matches('/').to_string(),
        for_you: Default::default(),
    };
    let app = router(ctx, config.leptos_options());
    let listener =
        tokio::net::TcpListener::bind(config.addr).await.map_err(|e| format!("binding {}: {e}", config.addr))?;
    tracing::info!(addr = %config.addr, site_root = %config.site_root, "Tam is listening on http://{}", config.addr);
    server::serve(listener, app, server::Timeouts::default(), shutdown_signal()).await;
    db.close().await.map_err(|e| e.to_string())?;
    tracing::info!("stopped cleanly");
    Ok(())
}

/// The seeders write rows in bulk, past the services that keep the dashboards' roll-ups: counted
/// again from the rows once they are in (before the site takes any change).
async fn rebuild_rollups(db: &sea_orm::DatabaseConnection) -> Result<(), String> {
    use sea_orm::TransactionTrait;
    let txn = db.begin().await.map_err(|e| e.to_string())?;
    app::backend::services::rollups::rebuild(&txn).await.map_err(|e| format!("counting the roll-ups: {e}"))?;
    txn.commit().await.map_err(|e| format!("counting the roll-ups: {e}"))
}

#[cfg(test)]
mod tests {
    /// The option number points at `purge_delay`, whose default in the bundled mimalloc is 1000 ms
    /// (`c_src/mimalloc/v3/src/options.c`): a libmimalloc-sys that renumbered its options would
    /// otherwise set another option silently.
    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        // SAFETY: reads mimalloc's option table.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) }, 1000);
    }
}
