//! Accounts: registration, authentication, roles.

use argon2::{
    password_hash::{self, rand_core::OsRng, Output, ParamsString, PasswordHash, PasswordVerifier, Salt, SaltString},
    Algorithm, Argon2, Block, Params, Version,
};
use sea_orm::{entity::prelude::*, ActiveValue::Set, QueryFilter, SqlErr, TransactionTrait};

use super::{audit, now, throttle, verification};
use crate::backend::entities::{coordinator, organization, user};
use crate::i18n::Lang;
use crate::model::{
    AppError, CurrentUser, Email, FieldError, FullName, LocalizedName, MyProfile, OrganizationRef, Password, FORM,
};

/// Argon2id at the OWASP baseline (19 MiB, 2 passes, 1 lane).
fn argon2_params() -> Params {
    Params::new(19_456, 2, 1, None).expect("valid Argon2 params")
}

fn argon2() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, argon2_params())
}

/// Argon2id of a password, as a PHC string's parts (the same string
/// `PasswordHasher::hash_password` makes). Its 19 MiB of working memory is taken for this hash and
/// given back right after: the server sets the allocator to map blocks this large on their own
/// (`M_MMAP_THRESHOLD` in `server/src/main.rs`), so they return to the system when freed instead of
/// staying resident between logins.
fn argon2_hash<'a>(password: &[u8], salt: Salt<'a>) -> password_hash::Result<PasswordHash<'a>> {
    let hasher = argon2();
    let mut salt_buf = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_buf)?;
    let output = Output::init_with(Params::DEFAULT_OUTPUT_LEN, |out| {
        let mut blocks = vec![Block::default(); argon2_params().m_cost() as usize];
        hasher.hash_password_into_with_memory(password, salt_bytes, out, blocks.as_mut_slice())?;
        Ok(())
    })?;
    Ok(PasswordHash {
        algorithm: argon2::ARGON2ID_IDENT,
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&argon2_params())?,
        salt: Some(salt),
        hash: Some(output),
    })
}

/// Whether a password matches a PHC string. Hashes with today's parameters take [`argon2_hash`]'s
/// path; others (older parameters) the library's own.
fn argon2_verify(password: &[u8], phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else { return false };
    let current = parsed.algorithm == argon2::ARGON2ID_IDENT
        && Params::try_from(&parsed)
            .is_ok_and(|p| (p.m_cost(), p.t_cost(), p.p_cost()) == (argon2_params().m_cost(), 2, 1))
        && parsed.hash.is_some_and(|h| h.len() == Params::DEFAULT_OUTPUT_LEN);
    match (current, parsed.salt) {
        // Output's equality is constant-time.
        (true, Some(salt)) => argon2_hash(password, salt).is_ok_and(|h| h.hash == parsed.hash),
        _ => argon2().verify_password(password, &parsed).is_ok(),
    }
}

/// At most as many Argon2 computations at once as the machine has cores (each takes 19 MiB and
/// tens of milliseconds): hundreds of parallel logins wait their turn briefly, then get a 429,
/// instead of taking gigabytes of memory.
async fn hashing_permit() -> Result<tokio::sync::SemaphorePermit<'static>, AppError> {
    static HASHING: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
        tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
    });
    match tokio::time::timeout(std::time::Duration::from_secs(5), HASHING.acquire()).await {
        Ok(Ok(permit)) => Ok(permit),
        Ok(Err(_)) => Err(AppError::Internal),
        Err(_) => {
            tracing::warn!("password hashing saturated; request refused");
            Err(AppError::RateLimited)
        }
    }
}

static HASHING_NOW: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
static HASHING_PEAK: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

type HashingJob = Box<dyn FnOnce() + Send>;

/// The threads that run Argon2: one per core, for the life of the process, so that hashing never
/// takes more than the cores (and 19 MiB each) at once. On tokio's blocking pool (many threads over
/// time, each with its own allocator arena) the process once grew by hundreds of megabytes.
fn hashing_threads() -> &'static std::sync::mpsc::Sender<HashingJob> {
    static THREADS: std::sync::LazyLock<std::sync::mpsc::Sender<HashingJob>> = std::sync::LazyLock::new(|| {
        let (tx, rx) = std::sync::mpsc::channel::<HashingJob>();
        let rx = std::sync::Arc::new(std::sync::Mutex::new(rx));
        for i in 0..std::thread::available_parallelism().map_or(2, |n| n.get()) {
            let rx = rx.clone();
            let spawned = std::thread::Builder::new().name(format!("argon2-{i}")).spawn(move || loop {
                let job = match rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                match job {
                    Ok(job) => job(),
                    Err(_) => return,
                }
            });
            if let Err(e) = spawned {
                tracing::error!(error = %e, "starting a password hashing thread failed");
            }
        }
        tx
    });
    &THREADS
}

/// Runs one Argon2 computation on a hashing thread, counted for [`hashing_peak`].
async fn argon2_on_a_core<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, tokio::sync::oneshot::error::RecvError> {
    use std::sync::atomic::Ordering::SeqCst;
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job: HashingJob = Box::new(move || {
        let now = HASHING_NOW.fetch_add(1, SeqCst) + 1;
        HASHING_PEAK.fetch_max(now, SeqCst);
        let result = work();
        HASHING_NOW.fetch_sub(1, SeqCst);
        let _ = tx.send(result);
    });
    let _ = hashing_threads().send(job);
    rx.await
}

/// The most Argon2 computations this process has run at once (never more than its cores).
pub fn hashing_peak() -> usize {
    HASHING_PEAK.load(std::sync::atomic::Ordering::SeqCst)
}

/// Hashing takes tens of milliseconds of CPU: keep it off the async workers.
pub async fn hash_password(password: &Password) -> Result<String, AppError> {
    let password = password.expose().to_owned();
    let _permit = hashing_permit().await?;
    argon2_on_a_core(move || {
        let salt = SaltString::generate(&mut OsRng);
        argon2_hash(password.as_bytes(), salt.as_salt()).map(|h| h.to_string())
    })
    .await
    .map_err(|_| AppError::Internal)?
    .map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        AppError::Internal
    })
}

pub(crate) async fn verify_password(password: &str, hash: String) -> Result<bool, AppError> {
    let password = password.to_owned();
    let _permit = hashing_permit().await?;
    Ok(argon2_on_a_core(move || argon2_verify(password.as_bytes(), &hash)).await.unwrap_or(false))
}

/// A hash of nothing anyone knows: checked when the email is unknown, so that "no such user" and
/// "wrong password" take the same time.
fn decoy_hash() -> String {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY
        .get_or_init(|| {
            let salt = SaltString::generate(&mut OsRng);
            // Once, on whichever thread asks first: the library's own allocation, freed at once.
            use argon2::PasswordHasher;
            argon2().hash_password(b"decoy password never used", &salt).expect("hashing works").to_string()
        })
        .clone()
}

/// The raw form of a registration, as typed.
pub struct Registration<'a> {
    pub full_name: &'a str,
    pub email: &'a str,
    pub password: &'a str,
}

/// A new password must be hard to guess, also for someone who knows the person: zxcvbn estimates
/// the guesses an attacker needs with common passwords, words, dates, keyboard patterns and the
/// person's own name and email as dictionaries; below 10^8 (score 3) it is refused with a message
/// that says what to do instead.
/// zxcvbn underrates passwords pieced together from those words (`tam-demo-2026`: 10^10), so a
/// password must also keep a few letters once they, digits and separators are taken out.
pub fn check_new_password(password: &Password, name: &str, email: &str) -> Result<(), &'static str> {
    let mut personal: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .chain(email.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect();
    personal.extend(["tam", "تم", "qatar", "قطر", "volunteer", "demo"].map(String::from));
    personal.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let inputs: Vec<&str> = personal.iter().map(String::as_str).collect();
    let mut rest = password.expose().to_lowercase();
    for word in &inputs {
        rest = rest.replace(word, "");
    }
    let own_letters = rest.chars().filter(|c| c.is_alphabetic()).count();
    if own_letters >= 4 && zxcvbn::zxcvbn(password.expose(), &inputs).score() >= zxcvbn::Score::Three {
        Ok(())
    } else {
        Err("err-password-weak")
    }
}

/// Checks every field at once, so the form shows all its problems together.
pub fn parse_registration(r: &Registration) -> Result<(FullName, Email, Password), AppError> {
    let name = FullName::parse(r.full_name);
    let email = Email::parse(r.email);
    let password = Password::parse(r.password).and_then(|p| check_new_password(&p, r.full_name, r.email).map(|()| p));
    match (name, email, password) {
        (Ok(n), Ok(e), Ok(p)) => Ok((n, e, p)),
        (n, e, p) => {
            let errors = [("full_name", n.err()), ("email", e.err()), ("password", p.err())]
                .into_iter()
                .filter_map(|(f, m)| m.map(|m| FieldError::new(f, m)))
                .collect();
            Err(AppError::Validation(errors))
        }
    }
}

fn email_taken() -> AppError {
    AppError::field("email", "err-email-taken")
}

/// Creates an account (no mail: the CLI and the demo data). An admin created by the operator at the
/// console is taken as verified: the operator vouches for the address.
#[tracing::instrument(skip_all)]
pub async fn register(
    db: &DatabaseConnection,
    full_name: &FullName,
    email: &Email,
    password: &Password,
    is_admin: bool,
) -> Result<user::Model, AppError> {
    if user::Entity::find().filter(user::Column::Email.eq(email.as_str())).one(db).await?.is_some() {
        return Err(email_taken());
    }
    let hash = hash_password(password).await?;
    let txn = db.begin().await?;
    let user = insert_user(&txn, full_name, email, hash, is_admin, Lang::default()).await?;
    if is_admin {
        audit::Event::new(audit::Kind::RoleChanged, audit::Outcome::Ok, Some(user.id), None)
            .detail("admin (tam create-admin)")
            .record(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(user)
}

/// A volunteer registering from the web, who accepted the privacy notice and the charter.
pub struct NewVolunteer<'a> {
    pub name: &'a FullName,
    pub email: &'a Email,
    pub password: &'a Password,
    pub lang: Lang,
    /// The optional consent to news by mail.
    pub news: bool,
}

/// Registers a volunteer from the web: the account, the acceptance of the current privacy notice
/// and charter, its verification mail and the audit row are written in one transaction.
#[tracing::instrument(skip_all)]
pub async fn register_volunteer(
    db: &DatabaseConnection,
    new: NewVolunteer<'_>,
    site: &str,
    client: Option<std::net::IpAddr>,
) -> Result<user::Model, AppError> {
    let NewVolunteer { name: full_name, email, password, lang, news } = new;
    if user::Entity::find().filter(user::Column::Email.eq(email.as_str())).one(db).await?.is_some() {
        return Err(email_taken());
    }
    let hash = hash_password(password).await?;
    let txn = db.begin().await?;
    let user = insert_user(&txn, full_name, email, hash, false, lang).await?;
    audit::Event::new(audit::Kind::Registration, audit::Outcome::Ok, Some(user.id), client).record(&txn).await?;
    let optional: &[&str] = if news { &["news"] } else { &[] };
    super::privacy::accept_current(&txn, user.id, lang, optional, client).await?;
    verification::send(&txn, &user, site, now()).await?;
    txn.commit().await?;
    Ok(user)
}

async fn insert_user(
    db: &impl ConnectionTrait,
    full_name: &FullName,
    email: &Email,
    hash: String,
    is_admin: bool,
    lang: Lang,
) -> Result<user::Model, AppError> {
    let at = now();
    let inserted = user::ActiveModel {
        email: Set(email.as_str().to_owned()),
        password_hash: Set(hash),
        full_name: Set(full_name.as_str().to_owned()),
        is_admin: Set(is_admin),
        created_at: Set(at),
        email_verified_at: Set(is_admin.then_some(at)),
        lang: Set(lang.code().to_string()),
        ..Default::default()
    }
    .insert(db)
    .await;
    match inserted {
        Ok(user) => {
            tracing::info!(user_id = user.id, "account created");
            super::rollups::person(db, user.id).await?;
            Ok(user)
        }
        // Two registrations raced past the check above: the unique key decides.
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Err(email_taken()),
        Err(e) => Err(e.into()),
    }
}

/// Sets a new password hash (change or reset); the caller ends sessions and writes the audit row.
pub(super) async fn set_password_hash(db: &impl ConnectionTrait, user_id: i32, hash: String) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::PasswordHash, Expr::value(hash))
        .filter(user::Column::Id.eq(user_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Checks a password against the stored hash (bounded like every hash).
pub(super) async fn password_matches(password: &str, hash: String) -> Result<bool, AppError> {
    if password.chars().count() > Password::MAX_CHARS {
        return Ok(false);
    }
    verify_password(password, hash).await
}

/// The language mail is written to a person in: the one they used last.
pub async fn set_lang(db: &impl ConnectionTrait, user_id: i32, lang: Lang) -> Result<(), DbErr> {
    user::Entity::update_many()
        .col_expr(user::Column::Lang, Expr::value(lang.code()))
        .filter(user::Column::Id.eq(user_id))
        .filter(user::Column::Lang.ne(lang.code()))
        .exec(db)
        .await
        .map(|_| ())
}

pub fn user_lang(user: &user::Model) -> Lang {
    Lang::from_tag(&user.lang).unwrap_or_default()
}

/// The user with this email and password, or one uniform refusal.
///
/// Each attempt is counted before the password is hashed, for the account from this client
/// address and for the address as a whole ([`throttle`]); past either limit the answer is 429,
/// right password or not, for this address only. Unknown emails are counted like known ones, so
/// neither the answer nor the throttle tells which accounts exist.
pub async fn authenticate(
    db: &DatabaseConnection,
    email: &str,
    password: &str,
    client: Option<std::net::IpAddr>,
) -> Result<user::Model, AppError> {
    let refused = || AppError::field(FORM, "err-login-failed");
    let Ok(email) = Email::parse(email) else {
        return Err(refused());
    };
    // No password is longer than this, and hashing a megabyte would cost the server, not the caller.
    if password.chars().count() > Password::MAX_CHARS {
        return Err(refused());
    }
    let address = throttle::address_key(client);
    let pair = throttle::login_key(email.as_str(), client);
    let from_address = throttle::take(db, &format!("login-from:{address}"), throttle::LOGIN_PER_ADDRESS).await?;
    let hits = throttle::count(db, &pair, throttle::LOGIN_PER_ACCOUNT_AND_ADDRESS).await?;
    let found = user::Entity::find().filter(user::Column::Email.eq(email.as_str())).one(db).await?;
    let subject = found.as_ref().map(|u| u.id);
    let event =
        |outcome| audit::Event { actor: None, ..audit::Event::new(audit::Kind::Login, outcome, subject, client) };
    if !from_address || hits > throttle::LOGIN_PER_ACCOUNT_AND_ADDRESS.max {
        tracing::warn!(client = %address, user_id = ?subject, "login throttled");
        event(audit::Outcome::Throttled).record(db).await?;
        return Err(AppError::RateLimited);
    }
    // Past a few failures, each further attempt from this address waits longer (ASVS 6.3.1).
    tokio::time::sleep(throttle::delay(hits)).await;
    let known_account = found.is_some();
    let hash = found.as_ref().map_or_else(decoy_hash, |u| u.password_hash.clone());
    let verified = verify_password(password, hash).await?;
    match found.filter(|_| verified) {
        Some(user) => {
            throttle::clear(db, &pair).await?;
            Ok(user)
        }
        None => {
            tracing::info!(known_account, client = %address, user_id = ?subject, "login refused");
            event(audit::Outcome::Refused).record(db).await?;
            Err(refused())
        }
    }
}

/// New accounts from one client address are limited ([`throttle::REGISTRATION_PER_ADDRESS`]).
pub async fn check_registration_rate(
    db: &DatabaseConnection,
    client: Option<std::net::IpAddr>,
) -> Result<(), AppError> {
    let address = throttle::address_key(client);
    if throttle::take(db, &format!("register-from:{address}"), throttle::REGISTRATION_PER_ADDRESS).await? {
        Ok(())
    } else {
        tracing::warn!(client = %address, "registration throttled");
        Err(AppError::RateLimited)
    }
}

/// The user with their roles, as the pages see them.
pub async fn current_user(
    db: &DatabaseConnection,
    user_id: i32,
) -> Result<Option<(CurrentUser, user::Model)>, AppError> {
    let Some(user) = user::Entity::find_by_id(user_id).one(db).await? else { return Ok(None) };
    if user.deleted_at.is_some() {
        return Ok(None);
    }
    let coordinator = coordinator::Entity::find_by_id(user_id).one(db).await?;
    let coordinator_of = match &coordinator {
        Some(c) => organization::Entity::find_by_id(c.organization_id)
            .one(db)
            .await?
            .map(|o| OrganizationRef { id: o.id, name: LocalizedName { ar: o.name_ar, en: o.name_en } }),
        None => None,
    };
    let mfa_enabled = user.mfa_enabled_at.is_some();
    let mfa_due = match &coordinator {
        Some(c) if !mfa_enabled => Some(super::mfa::grace_deadline(c.created_at)),
        _ => None,
    };
    let unread = super::notifications::unread(db, user.id).await? as u32;
    let profile = crate::backend::entities::volunteer_profile::Entity::find_by_id(user_id).one(db).await?;
    let current = CurrentUser {
        id: user.id,
        unread,
        full_name: user.full_name.clone(),
        name_ar: profile.as_ref().and_then(|p| p.name_ar.clone()),
        name_latin: profile.as_ref().and_then(|p| p.name_latin.clone()),
        gender: profile.and_then(|p| p.gender),
        is_admin: user.is_admin,
        coordinator_of,
        email_verified: user.email_verified_at.is_some(),
        mfa_enabled,
        mfa_due,
    };
    Ok(Some((current, user)))
}

/// The session a stored key names, unexpired, with its user as the pages see them, in one
/// statement (every page asks, so it is one round trip: session, account, organization coordinated
/// and the bell's count). `None` for an unknown or expired session or a deleted account.
pub async fn of_session(
    db: &DatabaseConnection,
    key: &str,
    at: chrono::DateTime<chrono::Utc>,
) -> Result<Option<(crate::backend::entities::session::Model, CurrentUser)>, DbErr> {
    const SQL: &str = "SELECT s.user_id, s.created_at, s.expires_at, s.last_seen_at, \
        u.full_name, u.is_admin, u.email_verified_at, u.mfa_enabled_at, u.deleted_at, \
        c.organization_id, c.created_at AS coordinator_since, g.name_ar, g.name_en, \
        p.name_ar AS person_ar, p.name_latin AS person_latin, p.gender, \
        (SELECT COUNT(*) FROM notifications n WHERE n.user_id = s.user_id AND n.read_at IS NULL) AS unread \
        FROM sessions s JOIN users u ON u.id = s.user_id \
        LEFT JOIN coordinators c ON c.user_id = s.user_id \
        LEFT JOIN organizations g ON g.id = c.organization_id \
        LEFT JOIN volunteer_profiles p ON p.user_id = s.user_id \
        WHERE s.id = ? AND s.expires_at > ?";
    type Utc = chrono::DateTime<chrono::Utc>;
    let stmt = super::dashboard::stmt(db, SQL, vec![key.into(), at.into()]);
    let Some(row) = db.query_one_raw(stmt).await? else { return Ok(None) };
    if row.try_get::<Option<Utc>>("", "deleted_at")?.is_some() {
        return Ok(None);
    }
    let session = crate::backend::entities::session::Model {
        id: key.to_string(),
        user_id: row.try_get("", "user_id")?,
        created_at: row.try_get("", "created_at")?,
        expires_at: row.try_get("", "expires_at")?,
        last_seen_at: row.try_get("", "last_seen_at")?,
        user_agent: None,
        address: None,
    };
    let mfa_enabled = row.try_get::<Option<Utc>>("", "mfa_enabled_at")?.is_some();
    let organization: Option<i32> = row.try_get("", "organization_id")?;
    let coordinator_of = match organization {
        Some(id) => Some(OrganizationRef {
            id,
            name: LocalizedName { ar: row.try_get("", "name_ar")?, en: row.try_get("", "name_en")? },
        }),
        None => None,
    };
    let mfa_due = match row.try_get::<Option<Utc>>("", "coordinator_since")? {
        Some(since) if !mfa_enabled && organization.is_some() => Some(super::mfa::grace_deadline(since)),
        _ => None,
    };
    let current = CurrentUser {
        id: session.user_id,
        unread: row.try_get::<i64>("", "unread")?.max(0) as u32,
        full_name: row.try_get("", "full_name")?,
        name_ar: row.try_get("", "person_ar")?,
        name_latin: row.try_get("", "person_latin")?,
        gender: row.try_get("", "gender")?,
        is_admin: row.try_get("", "is_admin")?,
        coordinator_of,
        email_verified: row.try_get::<Option<Utc>>("", "email_verified_at")?.is_some(),
        mfa_enabled,
        mfa_due,
    };
    Ok(Some((session, current)))
}

/// The volunteer's own page: `user` is who the request's session already resolved.
pub async fn profile(db: &DatabaseConnection, user: CurrentUser) -> Result<MyProfile, AppError> {
    use sea_orm::QuerySelect;
    let user_id = user.id;
    let (email, created_at): (String, chrono::DateTime<chrono::Utc>) = user::Entity::find_by_id(user_id)
        .select_only()
        .column(user::Column::Email)
        .column(user::Column::CreatedAt)
        .into_tuple()
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let stored = super::profiles::load(db, user_id).await?;
    let completeness = stored.as_ref().map_or(0, |(p, _)| p.completeness());
    let needs_guardian_consent = stored.is_some_and(|(p, c)| p.is_minor(super::today()) && c.is_none());
    Ok(MyProfile {
        user,
        email,
        member_since: created_at.date_naive(),
        completeness,
        needs_guardian_consent,
        pending_policies: super::privacy::state(db, user_id).await?.pending,
    })
}

/// Makes a user the coordinator of an organization (one organization per coordinator). Only a
/// verified address can take a role that sees other people's data.
pub async fn make_coordinator(db: &DatabaseConnection, user_id: i32, organization_id: i32) -> Result<(), AppError> {
    let user = user::Entity::find_by_id(user_id).one(db).await?.ok_or(AppError::NotFound)?;
    if user.email_verified_at.is_none() {
        return Err(AppError::field("email", "err-email-unverified"));
    }
    let txn = db.begin().await?;
    let inserted = coordinator::ActiveModel {
        user_id: Set(user_id),
        organization_id: Set(organization_id),
        created_at: Set(now()),
    }
    .insert(&txn)
    .await;
    match inserted {
        Ok(_) => {
            audit::Event::new(audit::Kind::RoleChanged, audit::Outcome::Ok, Some(user_id), None)
                .detail(format!("coordinator of organization {organization_id}"))
                .record(&txn)
                .await?;
            txn.commit().await?;
            Ok(())
        }
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Err(AppError::Conflict),
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(password: &str, name: &str, email: &str) -> Result<(), &'static str> {
        check_new_password(&Password::parse(password).unwrap(), name, email)
    }

    #[test]
    fn asvs_6_2_4_guessable_passwords_are_refused() {
        for weak in ["password123", "1234567890", "tam-demo-2026", "qwertyuiop", "fatima2026!", "alkuwari1990"] {
            assert_eq!(
                check(weak, "Fatima Al-Kuwari", "fatima.alkuwari@example.qa"),
                Err("err-password-weak"),
                "{weak}"
            );
        }
        // Built from the person's own email.
        assert_eq!(check("noura.salem.2026", "Someone", "noura.salem@qf.org.qa"), Err("err-password-weak"));
    }

    #[test]
    fn our_hashes_are_the_librarys_own() {
        use argon2::PasswordHasher;
        let salt = SaltString::generate(&mut OsRng);
        let ours = argon2_hash(b"saffron dhow", salt.as_salt()).unwrap().to_string();
        let library = argon2().hash_password(b"saffron dhow", &salt).unwrap().to_string();
        assert_eq!(ours, library);
        assert!(argon2_verify(b"saffron dhow", &ours) && !argon2_verify(b"saffron Dhow", &ours));
        // A hash made with other parameters still verifies, by the library's path.
        let older = Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::new(8_192, 3, 1, None).unwrap())
            .hash_password(b"saffron dhow", &salt)
            .unwrap()
            .to_string();
        assert!(argon2_verify(b"saffron dhow", &older) && !argon2_verify(b"other", &older));
    }

    #[test]
    fn long_unrelated_phrases_are_accepted() {
        for strong in ["a long enough password", "saffron dhow at the corniche", "كلمة مرور طويلة 2026"] {
            assert_eq!(check(strong, "Fatima Al-Kuwari", "fatima@example.qa"), Ok(()), "{strong}");
        }
    }
}
