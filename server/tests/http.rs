//! The server over real HTTP: accounts and sessions, the role check of every server function, the
//! cross-origin guard, language negotiation and health. Each test gets its own server and a fresh
//! database, once on SQLite and once on PostgreSQL.

use app::backend::{seed, services, testing::TestDb, AppContext};
use reqwest::{header, Client, StatusCode};
use serde_json::Value;

struct TestApp {
    base: String,
    t: TestDb,
}

impl TestApp {
    async fn spawn(t: TestDb) -> TestApp {
        TestApp::spawn_with(t, false).await
    }

    /// As deployed behind a proxy that ends TLS (`TAM_PUBLIC_URL=https://…`), when `https`.
    async fn spawn_with(t: TestDb, https: bool) -> TestApp {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        // A site as `cargo leptos build --release --precompress` leaves it: a hashed, precompressed WASM.
        let site =
            t.sqlite_file.as_ref().and_then(|f| f.parent().map(|d| d.join("site"))).unwrap_or_else(|| {
                std::env::temp_dir().join(format!("tam-site-{}-{}", std::process::id(), addr.port()))
            });
        std::fs::create_dir_all(site.join("pkg")).unwrap();
        std::fs::write(site.join("pkg/tam.Ab3_-x9ZqR2mKp0LwE7tYg.wasm"), b"\0asm raw").unwrap();
        std::fs::write(site.join("pkg/tam.Ab3_-x9ZqR2mKp0LwE7tYg.wasm.br"), b"brotli").unwrap();
        let config = server::Config {
            database_url: String::new(),
            addr,
            site_root: site.display().to_string(),
            public_url: if https { "https://tam.example".into() } else { format!("http://{addr}") },
            trusted_proxy: None,
        };
        // The tests stand in for a proxy on 127.0.0.1: `X-Forwarded-For` then names the client.
        let bus = services::events::Bus::new(&t.db).await.unwrap();
        tokio::spawn(bus.clone().run(t.db.clone()));
        let ctx = AppContext {
            bus,
            db: t.db.clone(),
            secure_cookies: https,
            trusted_proxy: Some([127, 0, 0, 1].into()),
            public_url: config.public_url.clone(),
            for_you: Default::default(),
        };
        let router = server::router(ctx, config.leptos_options());
        let timeouts =
            server::Timeouts { headers: std::time::Duration::from_secs(1), request: std::time::Duration::from_secs(4) };
        tokio::spawn(server::serve(listener, router, timeouts, std::future::pending()));
        TestApp { base: format!("http://{addr}"), t }
    }

    /// A browser-like client that keeps cookies.
    fn browser(&self) -> Client {
        Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap()
    }

    async fn call(&self, client: &Client, name: &str, form: &[(&str, &str)]) -> (StatusCode, Value) {
        let res = client.post(format!("{}/api/{name}", self.base)).form(form).send().await.unwrap();
        let status = res.status();
        let text = res.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    async fn register(&self, client: &Client, name: &str, email: &str) -> (StatusCode, Value) {
        let form =
            [("full_name", name), ("email", email), ("password", "a long enough password"), ("accept[policies]", "on")];
        self.call(client, "register", &form).await
    }

    /// Logs in with the password and, when two-step sign-in is on, the current code (a code is
    /// accepted once, so a later or earlier step's is tried when the current one was used).
    async fn log_in(&self, client: &Client, email: &str, password: &str) -> StatusCode {
        let (status, body) = self.call(client, "login", &[("email", email), ("password", password)]).await;
        if status != StatusCode::OK || body["go"].is_null() {
            return status;
        }
        assert!(body["go"].as_str().unwrap().starts_with("/login/code?next="), "{body}");
        let secret = mfa_secret(&self.t, email).await;
        for step in [0, 1, -1] {
            let code = services::mfa::code_at(&secret, services::now() + chrono::Duration::seconds(30 * step));
            let (status, _) = self.call(client, "login_code", &[("code", &code)]).await;
            if status == StatusCode::OK {
                return status;
            }
        }
        StatusCode::UNPROCESSABLE_ENTITY
    }

    async fn page(&self, client: &Client, path: &str, lang: &str) -> (StatusCode, String) {
        let res =
            client.get(format!("{}{path}", self.base)).header(header::ACCEPT_LANGUAGE, lang).send().await.unwrap();
        (res.status(), res.text().await.unwrap())
    }
}

async fn mfa_secret(t: &TestDb, email: &str) -> String {
    use app::backend::entities::user;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let u = user::Entity::find().filter(user::Column::Email.eq(email)).one(&t.db).await.unwrap().unwrap();
    u.mfa_secret.expect("two-step sign-in is on")
}

/// The admin the tests create, with two-step sign-in on.
const ADMIN_TOTP: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

async fn create_admin(t: &TestDb, email: &str, with_mfa: bool) -> i32 {
    let admin = services::accounts::register(
        &t.db,
        &app::model::FullName::parse("Admin").unwrap(),
        &app::model::Email::parse(email).unwrap(),
        &app::model::Password::parse(seed::DEMO_PASSWORD).unwrap(),
        true,
    )
    .await
    .unwrap();
    if with_mfa {
        services::mfa::enrol_with(&t.db, admin.id, ADMIN_TOTP, &[]).await.unwrap();
    }
    admin.id
}

fn session_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("tam_session="))
        .map(str::to_owned)
}

app::db_test!(over_plain_http_there_is_no_hsts, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let res = Client::new().get(format!("{}/", app.base)).send().await.unwrap();
    assert!(res.headers().get(header::STRICT_TRANSPORT_SECURITY).is_none());
});

app::db_test!(asvs_7_4_1_register_login_logout_over_http, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let raw = Client::new();
    let res = raw
        .post(format!("{}/api/register", app.base))
        .form(&[
            ("full_name", "فاطمة الكواري"),
            ("email", "Fatima@Example.qa"),
            ("password", "a long enough password"),
            ("accept[policies]", "on"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    let cookie = session_cookie(&res).expect("registration logs in");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");
    let token = cookie.split(';').next().unwrap().to_string();
    let user: Value = res.json().await.unwrap();
    assert_eq!(user["full_name"], "فاطمة الكواري");
    assert_eq!(user["is_admin"], false);

    // The session works from a cookie alone.
    let me = raw.post(format!("{}/api/my_profile", app.base)).header(header::COOKIE, &token).send().await.unwrap();
    assert_eq!(me.status(), StatusCode::OK);
    assert_eq!(me.json::<Value>().await.unwrap()["email"], "fatima@example.qa");

    // Logout destroys it on the server: the same cookie, replayed, is worth nothing.
    let out = raw.post(format!("{}/api/logout", app.base)).header(header::COOKIE, &token).send().await.unwrap();
    assert_eq!(out.status(), StatusCode::OK);
    assert!(session_cookie(&out).unwrap().contains("Max-Age=0"));
    let replay = raw.post(format!("{}/api/my_profile", app.base)).header(header::COOKIE, &token).send().await.unwrap();
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);

    // Logging back in gives a new, working session.
    let b = app.browser();
    let (status, _) =
        app.call(&b, "login", &[("email", "fatima@example.qa"), ("password", "a long enough password")]).await;
    assert_eq!(status, StatusCode::OK);
    let (status, me) = app.call(&b, "my_profile", &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["user"]["full_name"], "فاطمة الكواري");
});

// ASVS 5.0 V7.3.1: a coordinator's session ends after 30 minutes unused; a volunteer's does not.
app::db_test!(asvs_7_3_1_idle_staff_sessions_end, |t: TestDb| async move {
    use app::backend::entities::session;
    use sea_orm::EntityTrait;
    let app = TestApp::spawn(t).await;
    seed::seed_demo(&app.t.db).await.unwrap();
    let coordinator = app.browser();
    let volunteer = app.browser();
    for (c, email) in [(&coordinator, "coordinator@tam.qa"), (&volunteer, "volunteer@tam.qa")] {
        assert_eq!(app.log_in(c, email, seed::DEMO_PASSWORD).await, StatusCode::OK);
    }
    // Both were last seen 31 minutes ago.
    let past = services::now() - chrono::Duration::minutes(31);
    session::Entity::update_many()
        .col_expr(session::Column::LastSeenAt, sea_orm::sea_query::Expr::value(Some(past)))
        .exec(&app.t.db)
        .await
        .unwrap();
    assert_eq!(app.call(&coordinator, "my_profile", &[]).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(app.call(&volunteer, "my_profile", &[]).await.0, StatusCode::OK);
    // The ended session is gone from the database, not just refused.
    assert_eq!(session::Entity::find().all(&app.t.db).await.unwrap().len(), 1);
});

app::db_test!(asvs_7_2_4_login_rotates_the_session_id, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let raw = Client::new();
    let first = raw
        .post(format!("{}/api/register", app.base))
        .form(&[
            ("full_name", "Omar"),
            ("email", "omar@example.qa"),
            ("password", "a long enough password"),
            ("accept[policies]", "on"),
        ])
        .send()
        .await
        .unwrap();
    let old = session_cookie(&first).unwrap().split(';').next().unwrap().to_string();
    let second = raw
        .post(format!("{}/api/login", app.base))
        .header(header::COOKIE, &old)
        .form(&[("email", "omar@example.qa"), ("password", "a long enough password")])
        .send()
        .await
        .unwrap();
    assert_eq!(second.status(), StatusCode::OK);
    let new = session_cookie(&second).unwrap().split(';').next().unwrap().to_string();
    assert_ne!(old, new, "login must issue a new session id");
    let old_use = raw.post(format!("{}/api/my_profile", app.base)).header(header::COOKIE, &old).send().await.unwrap();
    assert_eq!(old_use.status(), StatusCode::UNAUTHORIZED, "the session from before login must be gone");
    let new_use = raw.post(format!("{}/api/my_profile", app.base)).header(header::COOKIE, &new).send().await.unwrap();
    assert_eq!(new_use.status(), StatusCode::OK);
});

app::db_test!(duplicate_email_is_refused_next_to_the_field, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let (status, _) = app.register(&app.browser(), "Noura", "noura@example.qa").await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = app.register(&app.browser(), "Someone Else", " NOURA@example.QA ").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // The id for code, and its text in the request's language (Arabic by default) for the form.
    assert_eq!(
        body,
        serde_json::json!({"Validation": [{"field": "email", "message": "err-email-taken",
            "text": "يوجد حساب بهذا البريد الإلكتروني. يمكنك تسجيل الدخول بدلًا من ذلك."}]})
    );
    let stats = services::stats::public(&app.t.db).await.unwrap();
    assert_eq!(stats.volunteers, 1, "the refused registration stored nothing");
});

app::db_test!(bad_input_reports_every_field_and_stores_nothing, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let (status, body) = app
        .call(&app.browser(), "register", &[("full_name", " "), ("email", "not-an-email"), ("password", "short")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<(&str, &str)> = body["Validation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["message"].as_str().unwrap()))
        .collect();
    assert_eq!(
        fields,
        [
            ("full_name", "err-full-name-required"),
            ("email", "err-email-invalid"),
            ("password", "err-password-too-short"),
            ("accept", "err-accept-required")
        ]
    );
    assert_eq!(services::stats::public(&app.t.db).await.unwrap().volunteers, 0);
});

app::db_test!(asvs_6_2_11_guessable_passwords_are_refused_and_overlong_ones_not_hashed, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    for weak in ["tam-demo-2026", "password123", "1234567890", "fatima.kuwari.1", "fatima-2026-fatima"] {
        let (status, body) = app
            .call(
                &app.browser(),
                "register",
                &[
                    ("full_name", "Fatima Kuwari"),
                    ("email", "fatima@example.qa"),
                    ("password", weak),
                    ("accept[policies]", "on"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{weak}");
        assert_eq!(body["Validation"][0]["field"], "password", "{weak}");
        assert_eq!(body["Validation"][0]["message"], "err-password-weak", "{weak}");
        // The message says what to do instead.
        assert!(body["Validation"][0]["text"].as_str().unwrap().contains("عبارة"), "{body}");
    }
    assert_eq!(services::stats::public(&app.t.db).await.unwrap().volunteers, 0);
    // A login with more than 128 characters is refused like any wrong password (and never hashed).
    let long = "x".repeat(10_000);
    let (status, body) =
        app.call(&app.browser(), "login", &[("email", "fatima@example.qa"), ("password", &long)]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["message"], "err-login-failed");
});

// ASVS 5.0 V6.3.1: ten wrong passwords from one address do not keep the owner out from another.
app::db_test!(asvs_6_3_1_a_victim_cannot_be_locked_out_from_another_address, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    app.register(&app.browser(), "Ahmed", "ahmed@example.qa").await;
    let login = |from: &'static str, password: &'static str| {
        let app = &app;
        async move {
            app.browser()
                .post(format!("{}/api/login", app.base))
                .header("x-forwarded-for", format!("203.0.113.66, {from}"))
                .form(&[("email", "ahmed@example.qa"), ("password", password)])
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    for _ in 0..services::throttle::LOGIN_PER_ACCOUNT_AND_ADDRESS.max {
        assert_eq!(login("10.1.1.1", "not the password!").await, StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(login("10.1.1.1", "a long enough password").await, StatusCode::TOO_MANY_REQUESTS);
    // Only the proxy's own entry counts: the attacker cannot pose as the victim's address.
    assert_eq!(login("10.2.2.2", "a long enough password").await, StatusCode::OK);
});

app::db_test!(asvs_6_3_8_wrong_password_and_unknown_email_get_the_same_answer, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    app.register(&app.browser(), "Ahmed", "ahmed@example.qa").await;
    let b = app.browser();
    let wrong = app.call(&b, "login", &[("email", "ahmed@example.qa"), ("password", "not the password!")]).await;
    let unknown = app.call(&b, "login", &[("email", "nobody@example.qa"), ("password", "not the password!")]).await;
    assert_eq!(wrong.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong, unknown);
    assert_eq!(wrong.1["Validation"][0]["field"], "form");
    assert_eq!(wrong.1["Validation"][0]["message"], "err-login-failed");
    let english = b
        .post(format!("{}/api/login", app.base))
        .header(header::ACCEPT_LANGUAGE, "en")
        .form(&[("email", "nobody@example.qa"), ("password", "not the password!")])
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!(english["Validation"][0]["text"], "The email or password is not correct.");
    let (status, user) = app.call(&b, "current_user", &[]).await;
    assert_eq!((status, user), (StatusCode::OK, Value::Null), "a failed login leaves no session");
    // Guessing on: after the limit, 429 whatever the password.
    for _ in 1..services::throttle::LOGIN_PER_ACCOUNT_AND_ADDRESS.max {
        app.call(&b, "login", &[("email", "ahmed@example.qa"), ("password", "not the password!")]).await;
    }
    let throttled =
        app.call(&b, "login", &[("email", "ahmed@example.qa"), ("password", "a long enough password")]).await;
    assert_eq!(throttled, (StatusCode::TOO_MANY_REQUESTS, Value::String("RateLimited".into())));
});

// ASVS 5.0 V8.2.1, V8.3.1: every server function, called directly with each kind of caller.
app::db_test!(asvs_8_2_1_every_server_function_checks_the_callers_role, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    seed::seed_demo(&app.t.db).await.unwrap();
    create_admin(&app.t, "admin@tam.qa", true).await;
    create_admin(&app.t, "admin2@tam.qa", false).await;

    let login = |email: &'static str| {
        let app = &app;
        async move {
            let b = app.browser();
            assert_eq!(app.log_in(&b, email, seed::DEMO_PASSWORD).await, StatusCode::OK, "{email} logs in");
            b
        }
    };
    let anonymous = app.browser();
    let volunteer = login("volunteer@tam.qa").await;
    let coordinator = login("coordinator@tam.qa").await;
    let admin = login("admin@tam.qa").await;
    let admin_without_mfa = login("admin2@tam.qa").await;

    use StatusCode as S;
    let expectations: [(&str, &[(&str, &str)], [StatusCode; 5]); 79] = [
        // (endpoint, arguments, [anonymous, volunteer, coordinator, admin, admin without MFA])
        ("current_user", &[], [S::OK, S::OK, S::OK, S::OK, S::OK]),
        ("public_stats", &[], [S::OK, S::OK, S::OK, S::OK, S::OK]),
        ("my_profile", &[], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        ("my_security", &[], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        ("resend_verification", &[], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        ("organization_overview", &[], [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::FORBIDDEN, S::FORBIDDEN]),
        // ASVS 5.0 V6.3.3: an admin without two-step sign-in cannot act.
        ("admin_overview", &[], [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::FORBIDDEN]),
        ("admin_outbox", &[], [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::FORBIDDEN]),
        ("admin_audit", &[("query[page]", "0")], [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::FORBIDDEN]),
        (
            "admin_reset_mfa",
            &[("email", "nobody@example.qa")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::UNPROCESSABLE_ENTITY, S::FORBIDDEN],
        ),
        // The volunteer database and the organizations.
        ("profile_form", &[], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        ("privacy_state", &[], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        ("application_state", &[], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        ("public_organization", &[("slug", "eid-charity")], [S::OK, S::OK, S::OK, S::OK, S::OK]),
        ("public_organization", &[("slug", "al-noor-youth-center")], [S::NOT_FOUND; 5]),
        ("consent_request", &[("token", "made-up")], [S::OK, S::OK, S::OK, S::OK, S::OK]),
        ("invite_details", &[("token", "made-up")], [S::OK, S::OK, S::OK, S::OK, S::OK]),
        (
            "invite_coordinator",
            &[("email", "not an address")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::UNPROCESSABLE_ENTITY, S::FORBIDDEN, S::FORBIDDEN],
        ),
        // The coordinator of the Red Crescent names Eid Charity's coordinator: not theirs to remove.
        (
            "remove_coordinator",
            &[("user_id", "2")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "organization_queue",
            &[("status", "pending")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::FORBIDDEN],
        ),
        (
            "review_organization",
            &[("organization_id", "999"), ("decision", "approve")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN],
        ),
        (
            "admin_volunteers",
            &[("query[page]", "0")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::FORBIDDEN],
        ),
        ("admin_volunteer", &[("user_id", "3")], [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::FORBIDDEN]),
        (
            "admin_volunteers_csv",
            &[("query[page]", "0")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::FORBIDDEN],
        ),
        ("export_my_data", &[], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        // Opportunities and applications.
        ("opportunities", &[("query[page]", "0")], [S::OK; 5]),
        ("opportunity", &[("id", "1")], [S::OK; 5]),
        (
            "apply",
            &[("opportunity_id", "1")],
            [
                S::UNAUTHORIZED,
                S::UNPROCESSABLE_ENTITY,
                S::UNPROCESSABLE_ENTITY,
                S::UNPROCESSABLE_ENTITY,
                S::UNPROCESSABLE_ENTITY,
            ],
        ),
        ("my_applications", &[], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        (
            "withdraw_application",
            &[("application_id", "999")],
            [S::UNAUTHORIZED, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND],
        ),
        ("org_opportunities", &[], [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::FORBIDDEN, S::FORBIDDEN]),
        (
            "create_opportunity",
            &[
                ("title_ar", ""),
                ("title_en", ""),
                ("description_ar", ""),
                ("description_en", ""),
                ("place", ""),
                ("min_age", ""),
                ("signup_cutoff_hours", ""),
                ("withdraw_cutoff_hours", ""),
                ("starts", ""),
                ("ends", ""),
                ("capacity", ""),
                ("weeks", ""),
            ],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::UNPROCESSABLE_ENTITY, S::FORBIDDEN, S::FORBIDDEN],
        ),
        // Eid Charity's reading club (opportunity 3) is not the Red Crescent coordinator's.
        (
            "set_opportunity_status",
            &[("opportunity_id", "3"), ("status", "closed")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "org_applications",
            &[("query[state]", "")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::FORBIDDEN, S::FORBIDDEN],
        ),
        // Application 5 is Noora's to Eid Charity: the Red Crescent coordinator finds nothing.
        (
            "decide_application",
            &[("application_id", "5"), ("decision", "approve")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "cancel_application",
            &[("application_id", "5"), ("reason", "the site changed")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        // One by one inside: another organization's application is refused, none decided.
        (
            "decide_applications",
            &[("pick[5]", "on"), ("decision", "approve")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::UNPROCESSABLE_ENTITY, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "shift_roster",
            &[("shift_id", "999999")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "shift_roster_csv",
            &[("shift_id", "999999")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "message_shift",
            &[("shift_id", "999999"), ("message", "see you there")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "confirm_offer",
            &[("application_id", "999")],
            [S::UNAUTHORIZED, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND],
        ),
        ("notifications", &[], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        ("calendar_feed", &[], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        ("calendar_feed_set", &[("stop", "1")], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        // Editing: Eid Charity's reading club (3) is not the Red Crescent coordinator's.
        ("org_opportunity", &[("id", "3")], [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN]),
        (
            "update_opportunity",
            &[
                ("opportunity_id", "3"),
                ("title_ar", "نادي القراءة"),
                ("title_en", ""),
                ("description_ar", ""),
                ("description_en", ""),
                ("cause", "education"),
                ("municipality", "doha"),
                ("place", "المكتبة"),
                ("min_age", ""),
                ("signup_cutoff_hours", ""),
                ("withdraw_cutoff_hours", ""),
            ],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "edit_shift",
            &[("shift_id", "999999"), ("starts", "2030-01-01T08:00"), ("ends", "2030-01-01T10:00"), ("capacity", "3")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "add_shifts",
            &[
                ("opportunity_id", "3"),
                ("starts", "2030-01-01T08:00"),
                ("ends", "2030-01-01T10:00"),
                ("capacity", "3"),
                ("weeks", ""),
            ],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "duplicate_opportunity",
            &[("opportunity_id", "3")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        // Attendance: Eid Charity's application 5 is not the Red Crescent coordinator's to check out.
        (
            "checkin_screen",
            &[("shift_id", "999999")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "check_in",
            &[("shift_id", "999999"), ("t", "0"), ("c", "made-up")],
            [S::UNAUTHORIZED, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND],
        ),
        (
            "mark_attendance",
            &[("shift_id", "999999"), ("mark", "present"), ("pick[5]", "on")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "check_out",
            &[("application_id", "5")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        ("my_hours", &[], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        // Reporting to an organization that never approved the person is refused next to the field.
        (
            "report_hours",
            &[("organization", "999999"), ("activity", "Sorting"), ("date", "2026-01-01"), ("hours", "2")],
            [
                S::UNAUTHORIZED,
                S::UNPROCESSABLE_ENTITY,
                S::UNPROCESSABLE_ENTITY,
                S::UNPROCESSABLE_ENTITY,
                S::UNPROCESSABLE_ENTITY,
            ],
        ),
        ("org_hours", &[], [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::FORBIDDEN, S::FORBIDDEN]),
        (
            "decide_hours",
            &[("entry_id", "999999"), ("decision", "approve")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        // Certificates: one's own only; verifying is public, and a made-up code is "invalid".
        (
            "issue_certificate",
            &[("scope", "forever")],
            [
                S::UNAUTHORIZED,
                S::UNPROCESSABLE_ENTITY,
                S::UNPROCESSABLE_ENTITY,
                S::UNPROCESSABLE_ENTITY,
                S::UNPROCESSABLE_ENTITY,
            ],
        ),
        ("certificate", &[("id", "999999")], [S::UNAUTHORIZED, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND]),
        ("verify_certificate", &[("code", "AAAAAAAAAAAAAAAA.AAAA")], [S::OK, S::OK, S::OK, S::OK, S::OK]),
        // Dashboards: the country's for admins, one's own organization's for coordinators; public aggregates.
        ("admin_dashboard", &[("query[from]", "")], [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::FORBIDDEN]),
        ("org_dashboard", &[("query[from]", "")], [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::FORBIDDEN, S::FORBIDDEN]),
        ("org_counters", &[], [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::FORBIDDEN, S::FORBIDDEN]),
        (
            "dashboard_csv",
            &[("table", "funnel"), ("admin", "1")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::FORBIDDEN],
        ),
        ("impact", &[], [S::OK, S::OK, S::OK, S::OK, S::OK]),
        // Training: courses are public; enrolling needs an account; an organization's courses are its
        // coordinators', the network's (`network=1`) its admins'.
        ("courses", &[], [S::OK, S::OK, S::OK, S::OK, S::OK]),
        ("course", &[("id", "999999")], [S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND]),
        (
            "enrol_course",
            &[("course_id", "999999")],
            [S::UNAUTHORIZED, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND],
        ),
        (
            "withdraw_course",
            &[("course_id", "999999")],
            [S::UNAUTHORIZED, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND, S::NOT_FOUND],
        ),
        ("my_training", &[], [S::UNAUTHORIZED, S::OK, S::OK, S::OK, S::OK]),
        ("managed_courses", &[], [S::UNAUTHORIZED, S::FORBIDDEN, S::OK, S::FORBIDDEN, S::FORBIDDEN]),
        ("managed_courses", &[("network", "1")], [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::FORBIDDEN]),
        (
            "create_course",
            &[("title_ar", ""), ("title_en", ""), ("starts", ""), ("ends", ""), ("capacity", "")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::UNPROCESSABLE_ENTITY, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "add_course_sessions",
            &[("course_id", "999999"), ("starts", "2030-01-01T08:00"), ("ends", "2030-01-01T10:00"), ("capacity", "3")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "course_roster",
            &[("course_id", "999999")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        (
            "mark_session",
            &[("session_id", "999999")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN, S::FORBIDDEN],
        ),
        // Recognition tiers are the admins' to set.
        ("admin_tiers", &[], [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::OK, S::FORBIDDEN]),
        (
            "save_tier",
            &[("tier_id", ""), ("name_ar", ""), ("name_en", "Platinum"), ("min_hours", "500")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::UNPROCESSABLE_ENTITY, S::FORBIDDEN],
        ),
        (
            "remove_tier",
            &[("tier_id", "999999")],
            [S::UNAUTHORIZED, S::FORBIDDEN, S::FORBIDDEN, S::NOT_FOUND, S::FORBIDDEN],
        ),
    ];
    for (function, args, expected) in expectations {
        for (who, (client, want)) in ["anonymous", "volunteer", "coordinator", "admin", "admin without MFA"]
            .iter()
            .zip([&anonymous, &volunteer, &coordinator, &admin, &admin_without_mfa].into_iter().zip(expected))
        {
            let (status, body) = app.call(client, function, args).await;
            assert_eq!(status, want, "{function} as {who}: {body}");
            if status == S::UNAUTHORIZED || status == S::FORBIDDEN {
                assert!(body.is_string(), "{function} as {who} leaked data: {body}");
            }
        }
    }

    // The coordinator sees their own organization, and only it.
    let (_, org) = app.call(&coordinator, "organization_overview", &[]).await;
    assert_eq!(org["organization"]["name"]["en"], "Qatar Red Crescent");
    let emails: Vec<&str> =
        org["coordinators"].as_array().unwrap().iter().map(|p| p["person"]["email"].as_str().unwrap()).collect();
    assert_eq!(emails, ["coordinator@tam.qa"]);

    // The admin's counters are the database's.
    let (_, overview) = app.call(&admin, "admin_overview", &[]).await;
    assert_eq!(
        (overview["volunteers"].as_u64(), overview["organizations"].as_u64(), overview["coordinators"].as_u64()),
        (Some(6), Some(3), Some(2))
    );
    assert_eq!(overview["pending_organizations"].as_u64(), Some(1), "the demo's applicant waits for review");

    // The admin without MFA is told why.
    let (_, body) = app.call(&admin_without_mfa, "admin_overview", &[]).await;
    assert_eq!(body, Value::String("MfaRequired".into()));

    // Logout is harmless without a session.
    assert_eq!(app.call(&anonymous, "logout", &[]).await.0, S::OK);
});

app::db_test!(asvs_3_5_1_mutations_from_other_sites_are_refused, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let c = Client::new();
    let form = [
        ("full_name", "Mallory"),
        ("email", "m@example.qa"),
        ("password", "a long enough password"),
        ("accept[policies]", "on"),
    ];
    let cross = c
        .post(format!("{}/api/register", app.base))
        .header(header::ORIGIN, "https://evil.example")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);
    let fetch = c
        .post(format!("{}/api/register", app.base))
        .header("sec-fetch-site", "cross-site")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(fetch.status(), StatusCode::FORBIDDEN);
    assert_eq!(services::stats::public(&app.t.db).await.unwrap().volunteers, 0);
    let same = c
        .post(format!("{}/api/register", app.base))
        .header(header::ORIGIN, app.base.clone())
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), StatusCode::OK);
    // Server functions are POST only.
    let get = c.get(format!("{}/api/my_profile", app.base)).send().await.unwrap();
    assert_eq!(get.status(), StatusCode::METHOD_NOT_ALLOWED);
    let browser_get =
        c.get(format!("{}/api/my_profile", app.base)).header(header::ACCEPT, "text/html").send().await.unwrap();
    assert_eq!(browser_get.status(), StatusCode::METHOD_NOT_ALLOWED);
});

app::db_test!(pages_render_in_the_negotiated_language, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let c = Client::new();
    let (status, ar) = app.page(&c, "/", "ar").await;
    assert_eq!(status, StatusCode::OK);
    assert!(ar.contains(r#"<html lang="ar" dir="rtl""#), "{}", &ar[..ar.len().min(400)]);
    assert!(ar.contains("تطوّع حيث يُحدث وقتك فرقًا"));
    assert!(ar.contains("<title>تطوّع لقطر — تم</title>"), "the page title names the platform");
    let (_, en) = app.page(&c, "/", "en-GB,en;q=0.9").await;
    assert!(en.contains(r#"<html lang="en" dir="ltr""#));
    assert!(en.contains("Volunteer where your time makes a difference"));
    assert!(en.contains("<title>Volunteer for Qatar — Tam</title>"));
    let (_, fallback) = app.page(&c, "/", "fr").await;
    assert!(fallback.contains(r#"<html lang="ar" dir="rtl""#));
    let cookie = c
        .get(format!("{}/", app.base))
        .header(header::ACCEPT_LANGUAGE, "ar")
        .header(header::COOKIE, "lang=en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(cookie.contains(r#"<html lang="en" dir="ltr""#), "the cookie wins over Accept-Language");
    // Only this response's own scripts may run.
    let res = c.get(format!("{}/login", app.base)).send().await.unwrap();
    let csp = res.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_string();
    let html = res.text().await.unwrap();
    let nonce = csp.split("'nonce-").nth(1).and_then(|r| r.split('\'').next()).expect("a nonce in the policy");
    assert!(nonce.len() >= 16 && html.contains(&format!(r#"<script type="module" nonce="{nonce}">"#)), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'") && !csp.contains("unsafe-inline"));
    let (status, missing) = app.page(&c, "/no-such-page", "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains("Page not found"));
});

app::db_test!(asvs_8_2_1_guarded_pages_show_login_or_403_never_data, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    seed::seed_demo(&app.t.db).await.unwrap();
    let anon = app.browser();
    let (status, body) = app.page(&anon, "/admin", "en").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(body.contains("Log in to continue") && body.contains(r#"name="password""#));
    let (status, body) = app.page(&anon, "/me", "ar").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(body.contains("سجّل الدخول للمتابعة"));

    let v = app.browser();
    app.call(&v, "login", &[("email", "volunteer@tam.qa"), ("password", seed::DEMO_PASSWORD)]).await;
    for (lang, text) in [("en", "You do not have access"), ("ar", "لا تملكين صلاحية الوصول")] {
        let (status, body) = app.page(&v, "/admin", lang).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(body.contains(text), "{lang}");
        assert!(!body.contains("Qatar Red Crescent") && !body.contains("data-testid=\"admin\""), "no admin data");
        let (status, _) = app.page(&v, "/org", lang).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
    }
    let (status, body) = app.page(&v, "/me", "en").await;
    assert_eq!(status, StatusCode::OK);
    // Her name in the script of the page: she saved both.
    assert!(body.contains("Fatima Al-Marri") && body.contains("volunteer@tam.qa"));
    let (_, body) = app.page(&v, "/me", "ar").await;
    assert!(body.contains("فاطمة المري") && !body.contains("Fatima Al-Marri"));
});

app::db_test!(page_views_keep_the_pools_connections, |t: TestDb| async move {
    // A request that dropped a database future half-way (Leptos's <Suspense> polls its children
    // once and drops them before rendering) took the pooled connection with it: every page view
    // with a session closed connections and a later one opened new ones. Once the pool holds what
    // these pages need, viewing them again opens none.
    let app = TestApp::spawn(t).await;
    seed::seed_demo(&app.t.db).await.unwrap();
    let v = app.browser();
    let status = app.log_in(&v, "volunteer@tam.qa", seed::DEMO_PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    let c = app.browser();
    assert_eq!(app.log_in(&c, "coordinator@tam.qa", seed::DEMO_PASSWORD).await, StatusCode::OK);
    let pages = [(&v, "/me"), (&v, "/opportunities"), (&v, "/"), (&c, "/org"), (&c, "/org/applications")];
    for (client, path) in pages.iter().chain(pages.iter()) {
        let (status, _) = app.page(client, path, "en").await;
        assert_eq!(status, StatusCode::OK, "{path}");
    }
    let before = app.t.connections_opened();
    assert!(before >= 1);
    for _ in 0..6 {
        for (client, path) in pages {
            let (status, _) = app.page(client, path, "ar").await;
            assert_eq!(status, StatusCode::OK, "{path}");
        }
    }
    // A page's sections fetch at once, so a later view may still grow the pool towards its size
    // (10 for a test); what must never happen is a connection replaced: more opened than that.
    let opened = app.t.connections_opened();
    assert!(opened <= 10, "30 page views opened {} connections (the pool had opened {before})", opened - before);
    // More people at once than the pool has connections: each page's data is fetched to its end
    // and its connection handed back, never held while the page waits for another.
    let crowd = futures::future::join_all((0..24).map(|_| app.page(&v, "/me", "en"))).await;
    assert!(crowd.iter().all(|(status, _)| *status == StatusCode::OK));
});

app::db_test!(healthz_follows_the_database, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let c = Client::new();
    let ok = c.get(format!("{}/healthz", app.base)).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    app.t.db.clone().close().await.unwrap();
    let down = c.get(format!("{}/healthz", app.base)).send().await.unwrap();
    assert_eq!(down.status(), StatusCode::SERVICE_UNAVAILABLE);
});

/// A browser without JavaScript posts the form itself and follows redirects (post/redirect/get).
fn plain_form(client: &Client, url: String, referer: &str) -> reqwest::RequestBuilder {
    client
        .post(url)
        .header(header::ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
        .header(header::REFERER, referer)
}

fn location(res: &reqwest::Response) -> &str {
    res.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("")
}

fn cookie_pair(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&format!("{name}=")))
        .map(|c| c.split(';').next().unwrap().to_string())
}

app::db_test!(plain_form_posts_redirect_with_errors_and_values, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    seed::seed_demo(&app.t.db).await.unwrap();
    let c = app.browser();
    let login_page = format!("{}/login?next=%2Forg", app.base);

    // A refusal: back to the page it came from, with a flash of the error and the email (no password).
    let res = plain_form(&c, format!("{}/api/login", app.base), &login_page)
        .form(&[("email", "volunteer@tam.qa"), ("password", "a wrong password"), ("next", "/me")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&res), "/login?next=%2Forg");
    let flash = cookie_pair(&res, "tam_flash").expect("a flash cookie");
    let decoded = app::backend::flash::Flash::decode(flash.split_once('=').unwrap().1).unwrap();
    assert_eq!(decoded.values, [("email".to_string(), "volunteer@tam.qa".to_string())]);
    assert!(session_cookie(&res).is_none());

    // The page shows both next to the form, once, and never caches them.
    let page =
        c.get(&login_page).header(header::ACCEPT_LANGUAGE, "en").header(header::COOKIE, &flash).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(page.headers()[header::CACHE_CONTROL], "no-store");
    assert!(page
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|v| v.to_str().unwrap().starts_with("tam_flash=; Max-Age=0")));
    let html = page.text().await.unwrap();
    assert!(html.contains("The email or password is not correct."), "the error is shown");
    assert!(html.contains(r#"value="volunteer@tam.qa""#), "what was typed is kept");
    assert!(!html.contains("a wrong password"), "the password is never sent back");

    // Success: on to the form's `next`, logged in.
    let res = plain_form(&c, format!("{}/api/login", app.base), &login_page)
        .form(&[("email", "volunteer@tam.qa"), ("password", seed::DEMO_PASSWORD), ("next", "/me")])
        .send()
        .await
        .unwrap();
    assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, "/me"));
    assert!(session_cookie(&res).is_some());

    // `next` may only name a page of this site; otherwise the browser goes back where it was.
    for evil in ["//evil.example", "https://evil.example/", "/\\evil.example"] {
        let res = plain_form(&c, format!("{}/api/logout", app.base), &format!("{}/me", app.base))
            .form(&[("next", evil)])
            .send()
            .await
            .unwrap();
        assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, "/me"), "{evil}");
    }
    // A referer from elsewhere is not followed either.
    let res = plain_form(&c, format!("{}/api/logout", app.base), "https://evil.example/x").send().await.unwrap();
    assert_eq!(location(&res), "/");
});

app::db_test!(the_language_switch_is_a_plain_form, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let c = app.browser();
    let res = plain_form(&c, format!("{}/api/set_language", app.base), &format!("{}/register?x=1", app.base))
        .form(&[("lang", "en"), ("next", "/register?x=1")])
        .send()
        .await
        .unwrap();
    assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, "/register?x=1"));
    let lang = cookie_pair(&res, "lang").unwrap();
    assert_eq!(lang, "lang=en");
    let (_, html) = app.page(&c, "/register", "ar").await;
    assert!(html.contains(r#"<html lang="en" dir="ltr""#), "the cookie now wins");
    // The switch offers the other language, and comes back to the same page.
    assert!(html.contains(r#"name="lang" value="ar""#) && html.contains(r#"name="next" value="/register""#));

    let (status, body) = app.call(&c, "set_language", &[("lang", "fr")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["message"], "err-language-unknown");
});

app::db_test!(asvs_14_3_2_answers_say_how_long_they_may_be_kept, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    seed::seed_demo(&app.t.db).await.unwrap();
    let c = Client::new();
    let cache = |res: &reqwest::Response| {
        res.headers().get(header::CACHE_CONTROL).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
    };

    let home = c.get(format!("{}/", app.base)).send().await.unwrap();
    assert_eq!(cache(&home), "no-cache", "a public page is revalidated");
    assert!(home.headers()[header::VARY].to_str().unwrap().contains("accept-language"));
    // A page, compressed as it is sent, in gzip: Brotli made pages no smaller for four times the CPU.
    let chromium = c.get(format!("{}/", app.base)).header(header::ACCEPT_ENCODING, "gzip, deflate, br, zstd");
    let home = chromium.send().await.unwrap();
    assert_eq!(home.headers()[header::CONTENT_ENCODING], "gzip");
    let api = c.post(format!("{}/api/public_stats", app.base)).send().await.unwrap();
    assert_eq!(cache(&api), "no-store");

    let b = app.browser();
    app.call(&b, "login", &[("email", "volunteer@tam.qa"), ("password", seed::DEMO_PASSWORD)]).await;
    let me = b.get(format!("{}/me", app.base)).send().await.unwrap();
    assert_eq!((me.status(), cache(&me)), (StatusCode::OK, "no-store".to_string()), "a personal page is never stored");

    // A content-hashed asset: precompressed and kept for a year.
    let wasm = format!("{}/pkg/tam.Ab3_-x9ZqR2mKp0LwE7tYg.wasm", app.base);
    let br = c.get(&wasm).header(header::ACCEPT_ENCODING, "gzip, br").send().await.unwrap();
    assert_eq!(br.status(), StatusCode::OK);
    assert_eq!(cache(&br), "public, max-age=31536000, immutable");
    assert_eq!(br.headers()[header::CONTENT_ENCODING], "br");
    assert_eq!(br.bytes().await.unwrap().as_ref(), b"brotli");
    let missing = c.get(format!("{}/pkg/tam.Zz3_-x9ZqR2mKp0LwE7tYg.wasm", app.base)).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert_ne!(cache(&missing), "public, max-age=31536000, immutable", "a 404 is not kept for a year");
});

app::db_test!(pages_without_islands_ship_no_script, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let c = Client::new();
    let (_, home) = app.page(&c, "/", "ar").await;
    // The inline loader is on every page; with no island, it loads nothing (nothing is preloaded).
    assert!(
        !home.contains("<leptos-island") && !home.contains("modulepreload") && !home.contains(r#"as="fetch""#),
        "the home page loads no module"
    );
    assert_eq!(home.matches(r#"<script type="module""#).count(), 1);
    // Fonts come with the stylesheet: an Arabic page's Latin files too (its digits and isolate
    // marks are in their range), an English page's Latin files only.
    assert_eq!(home.matches(r#"rel="preload""#).count(), 4, "Arabic and Latin fonts, 400 and 700");
    assert!(home.contains("ibm-plex-sans-arabic-latin-400-normal"));
    let (_, home_en) = app.page(&c, "/", "en").await;
    assert_eq!(home_en.matches(r#"rel="preload""#).count(), 2);
    let (_, login) = app.page(&c, "/login", "ar").await;
    assert_eq!(login.matches("<leptos-island").count(), 1);
    assert_eq!(login.matches(r#"<script type="module""#).count(), 1, "one island script per page");
    // The island gets its texts from the server, translated; no Fluent goes to the browser.
    assert!(login.contains("كلمة المرور") && login.contains("data-props"));
});

app::db_test!(unreadable_bodies_get_a_plain_400, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let c = Client::new();
    for body in ["email=only-the-email@example.qa", "\u{1}\u{2}&&==%zz", ""] {
        let res = c
            .post(format!("{}/api/login", app.base))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{body:?}");
        // The parser's words stay in the log: the client learns only that the request was unreadable.
        assert_eq!(res.text().await.unwrap(), r#""BadRequest""#, "{body:?}");
    }
    // A browser posting such a form is sent back with the translated message.
    let res = plain_form(&c_no_redirect(), format!("{}/api/login", app.base), &format!("{}/login", app.base))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("email=x")
        .send()
        .await
        .unwrap();
    assert_eq!((res.status(), location(&res)), (StatusCode::SEE_OTHER, "/login"));
    let flash = cookie_pair(&res, "tam_flash").unwrap();
    let html = c
        .get(format!("{}/login", app.base))
        .header(header::COOKIE, flash)
        .header(header::ACCEPT_LANGUAGE, "en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("We could not read this request."));
});

app::db_test!(an_error_id_in_the_url_is_never_shown, |t: TestDb| async move {
    // Leptos can seed a form's error from `?__err=` (progressive enhancement of its ActionForm);
    // Tam's forms take errors only from the server's own flash cookie, so a crafted link shows nothing.
    let app = TestApp::spawn(t).await;
    let c = Client::new();
    for query in ["__path=/api/login&__err=ImVyci1ub3QtZm91bmQi", "__err=err-login-failed", "__err=%3Cb%3Ehi%3C%2Fb%3E"]
    {
        let (status, html) = app.page(&c, &format!("/login?{query}"), "en").await;
        assert_eq!(status, StatusCode::OK);
        // No error on either field nor on the form, and no markup from the query.
        assert_eq!(html.matches("&quot;error&quot;:null").count(), 1, "{query}");
        assert!(!html.contains("has-error") && !html.contains("aria-invalid"), "{query}");
        let wrong = app::i18n::translate(app::i18n::Lang::En, "err-login-failed");
        assert!(!html.contains(&wrong), "{query}");
        assert!(!html.contains("<b>hi</b>"), "{query}");
    }
});

app::db_test!(slow_clients_are_dropped, |t: TestDb| async move {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::spawn(t).await;
    let addr = app.base.trim_start_matches("http://").to_string();
    let started = std::time::Instant::now();

    // Half a request's headers, then nothing: the connection is closed (headers timeout: 1 s here).
    let mut slow = tokio::net::TcpStream::connect(&addr).await.unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: tam\r\n").await.unwrap();
    let mut buf = Vec::new();
    let read = tokio::time::timeout(std::time::Duration::from_secs(10), slow.read_to_end(&mut buf)).await;
    assert!(read.is_ok(), "the half request was still open after 10 s");
    assert!(started.elapsed() >= std::time::Duration::from_millis(900), "closed before the timeout");

    // Headers, then a body that never comes: 408 (request timeout: 4 s here, above the 2 s a slowed login may wait).
    let mut slow = tokio::net::TcpStream::connect(&addr).await.unwrap();
    slow.write_all(
        b"POST /api/login HTTP/1.1\r\nHost: tam\r\nContent-Type: application/x-www-form-urlencoded\r\n\
          Content-Length: 100\r\n\r\nemail=",
    )
    .await
    .unwrap();
    let mut buf = vec![0u8; 1024];
    let n = tokio::time::timeout(std::time::Duration::from_secs(10), slow.read(&mut buf)).await.unwrap().unwrap();
    let head = String::from_utf8_lossy(&buf[..n]).to_string();
    assert!(head.starts_with("HTTP/1.1 408"), "{head}");
});

app::db_test!(asvs_3_3_1_over_https_cookies_are_host_only_and_secure, |t: TestDb| async move {
    let app = TestApp::spawn_with(t, true).await;
    let c = Client::new();
    let res = c
        .post(format!("{}/api/register", app.base))
        .form(&[
            ("full_name", "Maryam"),
            ("email", "maryam@example.qa"),
            ("password", "a long enough password"),
            ("accept[policies]", "on"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::STRICT_TRANSPORT_SECURITY], "max-age=31536000");
    let set = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("__Host-tam_session="))
        .expect("a __Host- session cookie");
    for attr in ["Path=/", "HttpOnly", "SameSite=Lax", "Secure"] {
        assert!(set.contains(attr), "{set} lacks {attr}");
    }
    assert!(!set.contains("Domain"), "{set}");
    let token = set.split(';').next().unwrap().split_once('=').unwrap().1.to_string();

    let me = |cookie: String| c.post(format!("{}/api/my_profile", app.base)).header(header::COOKIE, cookie).send();
    assert_eq!(me(format!("__Host-tam_session={token}")).await.unwrap().status(), StatusCode::OK);
    // The same token under the plain name (as a sibling subdomain could set it) is not read.
    assert_eq!(me(format!("tam_session={token}")).await.unwrap().status(), StatusCode::UNAUTHORIZED);
    // Pages say so too.
    let page = c.get(format!("{}/", app.base)).send().await.unwrap();
    assert_eq!(page.headers()[header::STRICT_TRANSPORT_SECURITY], "max-age=31536000");
});

fn c_no_redirect() -> Client {
    Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

app::db_test!(oversized_bodies_are_refused, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let big = "x".repeat(server::API_BODY_LIMIT + 1);
    let res = Client::new()
        .post(format!("{}/api/login", app.base))
        .form(&[("email", big.as_str()), ("password", "p")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::PAYLOAD_TOO_LARGE);
});

/// A browser with its own device and address (the tests stand behind a trusted proxy).
fn device(user_agent: &str, address: &str) -> Client {
    let mut headers = header::HeaderMap::new();
    headers.insert(header::USER_AGENT, user_agent.parse().unwrap());
    headers.insert("x-forwarded-for", address.parse().unwrap());
    Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap()
}

const PHONE: &str =
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36";
const LAPTOP: &str = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";

// ASVS 5.0 V7.5.2: people see their sessions (device, address, this one marked) at /me/security
// and end any other, or all others; an ended session is refused on its very next request.
app::db_test!(asvs_7_5_2_sessions_are_listed_and_ended_from_me_security, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    app.register(&app.browser(), "Ahmed", "ahmed@example.qa").await;
    let phone = device(PHONE, "10.0.0.7");
    let laptop = device(LAPTOP, "10.0.0.8");
    let tablet = device(LAPTOP, "10.0.0.9");
    for c in [&phone, &laptop, &tablet] {
        assert_eq!(app.log_in(c, "ahmed@example.qa", "a long enough password").await, StatusCode::OK);
    }
    let (status, overview) = app.call(&phone, "my_security", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let sessions = overview["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 4, "the registration's session, and three logins");
    let current: Vec<&Value> = sessions.iter().filter(|s| s["current"] == true).collect();
    assert_eq!(current.len(), 1);
    assert_eq!((current[0]["browser"].as_str(), current[0]["system"].as_str()), (Some("Chrome"), Some("Android")));
    assert_eq!(current[0]["address"], "10.0.0.7");
    let laptop_id = sessions.iter().find(|s| s["address"] == "10.0.0.8").unwrap()["id"].as_str().unwrap().to_string();

    // The page shows them, in both languages.
    for (lang, mark) in [("en", "This device"), ("ar", "هذا الجهاز")] {
        let (status, page) = app.page(&phone, "/me/security", lang).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains(mark) && page.contains("Firefox · Windows") && page.contains("10.0.0.8"), "{lang}");
    }

    // Ending one: the laptop is out at once; someone else's session id ends nothing.
    let (status, _) = app.call(&phone, "end_session", &[("id", &laptop_id)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(app.call(&laptop, "my_profile", &[]).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(app.call(&tablet, "my_profile", &[]).await.0, StatusCode::OK);
    app.register(&app.browser(), "Other", "other@example.qa").await;
    let other = app.browser();
    app.log_in(&other, "other@example.qa", "a long enough password").await;
    let (_, theirs) = app.call(&other, "my_security", &[]).await;
    let their_id = theirs["sessions"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(app.call(&phone, "end_session", &[("id", &their_id)]).await.0, StatusCode::NOT_FOUND);
    assert_eq!(app.call(&other, "my_profile", &[]).await.0, StatusCode::OK);

    // Ending all others: only the phone stays.
    assert_eq!(app.call(&phone, "end_other_sessions", &[]).await.0, StatusCode::OK);
    assert_eq!(app.call(&tablet, "my_profile", &[]).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(app.call(&phone, "my_profile", &[]).await.0, StatusCode::OK);
    let (_, overview) = app.call(&phone, "my_security", &[]).await;
    assert_eq!(overview["sessions"].as_array().unwrap().len(), 1);
    let user_id = overview["user"]["id"].as_i64().unwrap() as i32;
    let revoked = services::audit::of(&app.t.db, user_id)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == "session-revoked")
        .count();
    assert_eq!(revoked, 2);
});

// ASVS 5.0 V7.4.3 and V6.2.3: changing the password needs the current one and ends every other session.
app::db_test!(asvs_7_4_3_changing_the_password_ends_other_sessions_over_http, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    app.register(&app.browser(), "Ahmed", "ahmed@example.qa").await;
    let (here, there) = (device(PHONE, "10.0.0.7"), device(LAPTOP, "10.0.0.8"));
    for c in [&here, &there] {
        app.log_in(c, "ahmed@example.qa", "a long enough password").await;
    }
    let (status, body) = app
        .call(&here, "change_password", &[("current_password", "wrong password!!"), ("new_password", "password123")])
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> =
        body["Validation"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["current_password", "new_password"], "{body}");
    assert_eq!(app.call(&there, "my_profile", &[]).await.0, StatusCode::OK);
    let (status, _) = app
        .call(
            &here,
            "change_password",
            &[("current_password", "a long enough password"), ("new_password", "saffron dhow at the corniche")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(app.call(&here, "my_profile", &[]).await.0, StatusCode::OK);
    assert_eq!(app.call(&there, "my_profile", &[]).await.0, StatusCode::UNAUTHORIZED);
    let kinds: Vec<String> =
        services::mail::to(&app.t.db, "ahmed@example.qa").await.unwrap().into_iter().map(|m| m.kind).collect();
    assert_eq!(kinds, ["verify", "password-changed"]);
});

// ASVS 5.0 V6.5.1, V6.3.3: enrolling in TOTP over HTTP, then logging in needs the code (or a
// recovery code); the password alone gives no session.
app::db_test!(asvs_6_5_1_totp_enrolment_and_login_with_a_code_or_a_recovery_code, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let b = app.browser();
    app.register(&b, "Ahmed", "ahmed@example.qa").await;
    let (status, enrolment) = app.call(&b, "start_mfa", &[]).await;
    assert_eq!(status, StatusCode::OK);
    let secret = enrolment["secret"].as_str().unwrap().to_string();
    let recovery: Vec<String> =
        enrolment["recovery_codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_string()).collect();
    let (status, body) = app.call(&b, "confirm_mfa", &[("code", "123456")]).await;
    assert_eq!((status, body["Validation"][0]["field"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("code")));
    let code = services::mfa::code_at(&secret, services::now());
    assert_eq!(app.call(&b, "confirm_mfa", &[("code", &code)]).await.0, StatusCode::OK);
    app.call(&b, "logout", &[]).await;

    // The password is right: no session yet, the code page is next.
    let c = app.browser();
    let (status, step) = app
        .call(
            &c,
            "login",
            &[("email", "ahmed@example.qa"), ("password", "a long enough password"), ("next", "/me/security")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(step["go"], "/login/code?next=%2Fme%2Fsecurity");
    assert_eq!(app.call(&c, "my_profile", &[]).await.0, StatusCode::UNAUTHORIZED);
    let (status, body) = app.call(&c, "login_code", &[("code", "000000")]).await;
    assert_eq!(
        (status, body["Validation"][0]["message"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("err-code-wrong"))
    );
    let later = services::now() + chrono::Duration::seconds(30);
    assert_eq!(
        app.call(&c, "login_code", &[("code", &services::mfa::code_at(&secret, later))]).await.0,
        StatusCode::OK
    );
    assert_eq!(app.call(&c, "my_profile", &[]).await.0, StatusCode::OK);
    // The step's secret was single-use: the cookie cannot log in a second time.
    let (status, _) = app.call(&c, "login_code", &[("code", &recovery[0])]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // With a recovery code, once.
    for (attempt, want) in [(0, StatusCode::OK), (1, StatusCode::UNPROCESSABLE_ENTITY)] {
        let d = app.browser();
        app.call(&d, "login", &[("email", "ahmed@example.qa"), ("password", "a long enough password")]).await;
        let (status, _) = app.call(&d, "login_code", &[("code", &recovery[1])]).await;
        assert_eq!(status, want, "recovery attempt {attempt}");
    }
    // The plain form (no JavaScript) is sent on to the code page too.
    let res = app
        .browser()
        .post(format!("{}/api/login", app.base))
        .header(header::ACCEPT, "text/html")
        .form(&[("email", "ahmed@example.qa"), ("password", "a long enough password"), ("next", "/me")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/login/code?next=%2Fme");
});

// ASVS 5.0 V6.4.1: the verification link from the outbox confirms the address; the home of an
// unverified volunteer says so, with a resend button.
app::db_test!(asvs_6_4_1_the_address_is_verified_from_the_mailed_link, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let b = app.browser();
    app.register(&b, "Ahmed", "ahmed@example.qa").await;
    let (_, page) = app.page(&b, "/me", "en").await;
    assert!(page.contains("data-testid=\"unverified\"") && page.contains("Send the link again"));
    let letters = services::mail::to(&app.t.db, "ahmed@example.qa").await.unwrap();
    let link = letters[0].body_text.lines().find(|l| l.contains("/verify?token=")).unwrap().to_string();
    assert!(link.starts_with(&app.base), "links use the public address: {link}");
    let path = link.strip_prefix(&app.base).unwrap();
    let (status, verify) = app.page(&app.browser(), path, "ar").await;
    assert_eq!(status, StatusCode::OK);
    assert!(verify.contains("أكّد عنوان بريدك الإلكتروني"));
    let token = path.rsplit('=').next().unwrap();
    assert_eq!(app.call(&app.browser(), "verify_email", &[("token", token)]).await.0, StatusCode::OK);
    let (status, again) = app.call(&app.browser(), "verify_email", &[("token", token)]).await;
    assert_eq!(
        (status, again["Validation"][0]["message"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("err-link-invalid"))
    );
    let (_, page) = app.page(&b, "/me", "en").await;
    assert!(!page.contains("data-testid=\"unverified\""));
    let (_, me) = app.call(&b, "current_user", &[]).await;
    assert_eq!(me["email_verified"], true);
});

// ASVS 5.0 V6.3.8, V6.4.3: a reset request answers exactly the same for an unknown address; per
// address, requests are limited.
app::db_test!(asvs_6_4_3_reset_requests_answer_the_same_for_unknown_addresses, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    app.register(&app.browser(), "Ahmed", "ahmed@example.qa").await;
    let b = device(LAPTOP, "10.3.3.3");
    let known = app.call(&b, "request_password_reset", &[("email", "ahmed@example.qa")]).await;
    let unknown = app.call(&b, "request_password_reset", &[("email", "nobody@example.qa")]).await;
    assert_eq!(known, (StatusCode::OK, Value::Null));
    assert_eq!(known, unknown);
    for _ in 2..services::throttle::RESET_PER_ADDRESS.max {
        app.call(&b, "request_password_reset", &[("email", "nobody@example.qa")]).await;
    }
    let limited = app.call(&b, "request_password_reset", &[("email", "ahmed@example.qa")]).await;
    assert_eq!(limited.0, StatusCode::TOO_MANY_REQUESTS);
    let kinds: Vec<String> =
        services::mail::to(&app.t.db, "ahmed@example.qa").await.unwrap().into_iter().map(|m| m.kind).collect();
    assert_eq!(kinds, ["verify", "reset"]);
});

// ASVS 5.0 V6.3.1: past three failures from one address, each further attempt waits longer.
app::db_test!(asvs_6_3_1_repeated_failures_are_answered_ever_more_slowly, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    app.register(&app.browser(), "Ahmed", "ahmed@example.qa").await;
    let b = device(LAPTOP, "10.4.4.4");
    let mut took = Vec::new();
    for _ in 0..5 {
        let start = std::time::Instant::now();
        app.call(&b, "login", &[("email", "ahmed@example.qa"), ("password", "not the password!")]).await;
        took.push(start.elapsed());
    }
    assert!(took[4] >= std::time::Duration::from_millis(500), "{took:?}");
    assert!(took[4] > took[1] + std::time::Duration::from_millis(400), "{took:?}");
    // Another address is answered at once.
    let start = std::time::Instant::now();
    app.call(&device(LAPTOP, "10.5.5.5"), "login", &[("email", "ahmed@example.qa"), ("password", "not the password!")])
        .await;
    assert!(start.elapsed() < std::time::Duration::from_millis(400));
});

// ASVS 5.0 V16.3.1 (security events are logged): each login outcome and each admin action leaves its row; the admin reads them at /admin/audit.
app::db_test!(asvs_16_3_1_every_audited_action_leaves_its_row, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    create_admin(&app.t, "admin@tam.qa", true).await;
    app.register(&app.browser(), "Ahmed", "ahmed@example.qa").await;
    let b = device(PHONE, "10.6.6.6");
    app.call(&b, "login", &[("email", "ahmed@example.qa"), ("password", "not the password!")]).await;
    app.log_in(&b, "ahmed@example.qa", "a long enough password").await;
    app.call(&b, "logout", &[]).await;
    let admin = device(LAPTOP, "10.7.7.7");
    assert_eq!(app.log_in(&admin, "admin@tam.qa", seed::DEMO_PASSWORD).await, StatusCode::OK);
    assert_eq!(app.call(&admin, "admin_reset_mfa", &[("email", "ahmed@example.qa")]).await.0, StatusCode::OK);
    let (status, page) = app.call(&admin, "admin_audit", &[("query[user]", "ahmed@example.qa")]).await;
    assert_eq!(status, StatusCode::OK);
    let rows: Vec<(String, String, String)> = page["rows"]
        .as_array()
        .unwrap()
        .iter()
        .rev()
        .map(|r| {
            (
                r["kind"].as_str().unwrap().into(),
                r["outcome"].as_str().unwrap().into(),
                r["address"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    let expected: Vec<(String, String, String)> = [
        ("registration", "ok", "127.0.0.1"),
        ("policy-accepted", "ok", "127.0.0.1"),
        ("login", "refused", "10.6.6.6"),
        ("login", "ok", "10.6.6.6"),
        ("logout", "ok", "10.6.6.6"),
        ("mfa-reset", "ok", "10.7.7.7"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    assert_eq!(rows, expected);
    assert_eq!(page["rows"][0]["actor"], "admin@tam.qa");
    // Filters: by kind, and a bad date is refused next to its field.
    let (_, page) = app.call(&admin, "admin_audit", &[("query[kind]", "logout")]).await;
    assert_eq!(page["rows"].as_array().unwrap().len(), 1);
    let (_, page) = app.call(&admin, "admin_audit", &[("query[from]", "30/11/2026")]).await;
    assert_eq!(page["errors"][0]["field"], "from");
    let (status, html) = app.page(&admin, "/admin/audit?kind=login", "ar").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("سجل التدقيق") && html.contains("10.6.6.6"));
    let (status, html) = app.page(&admin, "/admin/outbox", "en").await;
    assert_eq!(status, StatusCode::OK);
    // Registered without a language preference: the mail is in Arabic, the admin reads in English.
    assert!(html.contains("أكّد عنوان بريدك الإلكتروني في تم") && html.contains("Waiting"), "{html}");
});

// ASVS 5.0 V6.3.3: a new coordinator may act for seven days without two-step sign-in (a banner
// counts down on /me), then not until they turn it on.
app::db_test!(asvs_6_3_3_coordinators_have_seven_days_to_turn_on_two_step_sign_in, |t: TestDb| async move {
    use app::backend::entities::{coordinator, user};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = TestApp::spawn(t).await;
    seed::seed_demo(&app.t.db).await.unwrap();
    let b = app.browser();
    app.register(&b, "Hamad", "hamad@example.qa").await;
    let hamad =
        user::Entity::find().filter(user::Column::Email.eq("hamad@example.qa")).one(&app.t.db).await.unwrap().unwrap();
    user::Entity::update_many()
        .col_expr(user::Column::EmailVerifiedAt, sea_orm::sea_query::Expr::value(Some(services::now())))
        .filter(user::Column::Id.eq(hamad.id))
        .exec(&app.t.db)
        .await
        .unwrap();
    let org = app::backend::entities::organization::Entity::find().one(&app.t.db).await.unwrap().unwrap();
    services::accounts::make_coordinator(&app.t.db, hamad.id, org.id).await.unwrap();

    assert_eq!(app.call(&b, "organization_overview", &[]).await.0, StatusCode::OK);
    let (_, page) = app.page(&b, "/me", "en").await;
    let page = page.replace(['\u{2068}', '\u{2069}'], ""); // Fluent isolates the number
    assert!(page.contains("data-testid=\"mfa-due\"") && page.contains("within 7 days"), "{page}");

    // Eight days later.
    coordinator::Entity::update_many()
        .col_expr(
            coordinator::Column::CreatedAt,
            sea_orm::sea_query::Expr::value(services::now() - chrono::Duration::days(8)),
        )
        .filter(coordinator::Column::UserId.eq(hamad.id))
        .exec(&app.t.db)
        .await
        .unwrap();
    assert_eq!(
        app.call(&b, "organization_overview", &[]).await,
        (StatusCode::FORBIDDEN, Value::String("MfaRequired".into()))
    );
    let (status, page) = app.page(&b, "/org", "ar").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(page.contains("data-testid=\"mfa-required\"") && page.contains("/me/security"));
    assert!(!page.contains("data-testid=\"org\""));

    // Turned on: acting again.
    let (_, enrolment) = app.call(&b, "start_mfa", &[]).await;
    let code = services::mfa::code_at(enrolment["secret"].as_str().unwrap(), services::now());
    assert_eq!(app.call(&b, "confirm_mfa", &[("code", &code)]).await.0, StatusCode::OK);
    assert_eq!(app.call(&b, "organization_overview", &[]).await.0, StatusCode::OK);
});

// The profile form's boxes arrive as `name[value]=on` (encoded as browsers do); a request that
// also carries a role, an organization or a verified flag changes none of them.
app::db_test!(the_profile_form_reads_its_boxes_and_nothing_it_does_not_ask, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let b = app.browser();
    assert_eq!(app.register(&b, "Noura", "noura@example.qa").await.0, StatusCode::OK);
    let form = [
        ("step", "1"),
        ("skills[first-aid]", "on"),
        ("skills[it]", "on"),
        ("languages[ar]", "on"),
        ("skills_other", "الخط العربي"),
        ("is_admin", "true"),
        ("coordinator_of", "1"),
        ("organization_id", "1"),
        ("email_verified", "true"),
        ("email_verified_at", "2026-01-01T00:00:00Z"),
        ("user_id", "1"),
        ("name_ar", "Changed behind the form"),
    ];
    let (status, body) = app.call(&b, "save_profile", &form).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, saved) = app.call(&b, "profile_form", &[]).await;
    let values: Vec<(String, String)> = serde_json::from_value(saved["values"].clone()).unwrap();
    let of = |f: &str| values.iter().filter(|(k, _)| k == f).map(|(_, v)| v.as_str()).collect::<Vec<_>>();
    assert_eq!(of("skills"), ["first-aid", "it"]);
    assert_eq!(of("languages"), ["ar"]);
    assert_eq!(of("name_ar"), [""], "step 2 does not write the name of step 1");
    let (_, me) = app.call(&b, "current_user", &[]).await;
    assert_eq!((me["is_admin"].as_bool(), me["email_verified"].as_bool()), (Some(false), Some(false)));
    assert!(me["coordinator_of"].is_null());

    // An unknown choice is refused next to its group, in the request's language.
    let (status, body) = app.call(&b, "save_profile", &[("step", "1"), ("skills[hacking]", "on")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["Validation"][0]["field"], "skills");
    // Neutral: this new account has not said their gender.
    assert_eq!(body["Validation"][0]["text"], "يُرجى الاختيار من الخيارات المعروضة.");
    let (_, saved) = app.call(&b, "profile_form", &[]).await;
    let values: Vec<(String, String)> = serde_json::from_value(saved["values"].clone()).unwrap();
    assert_eq!(values.iter().filter(|(k, _)| k == "skills").count(), 2, "nothing stored was lost");

    // Without JavaScript the same post comes back to the page with the boxes as ticked.
    let res = b
        .post(format!("{}/api/save_profile", app.base))
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, format!("{}/me/profile?step=2", app.base))
        .form(&[("step", "1"), ("skills[hacking]", "on"), ("skills[design]", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let (_, html) = app.page(&b, "/me/profile?step=2", "en").await;
    assert!(html.contains("Choose from the options offered."), "the error is next to the group");
    let design = html.find("id=\"field-skills-design\"").unwrap();
    assert!(html[design.saturating_sub(200)..design + 200].contains("checked"), "the ticked box stays ticked");
});

// An admin downloads the volunteers found as a CSV file (a plain form post gets the file itself),
// and each volunteer in it is logged as exported.
app::db_test!(an_admin_downloads_the_volunteers_as_csv, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    seed::seed_demo(&app.t.db).await.unwrap();
    let admin_id = create_admin(&app.t, "admin@tam.qa", true).await;
    let admin = app.browser();
    assert_eq!(app.log_in(&admin, "admin@tam.qa", seed::DEMO_PASSWORD).await, StatusCode::OK);
    let res = admin
        .post(format!("{}/api/admin_volunteers_csv", app.base))
        .header(header::ACCEPT, "text/html")
        .header(header::ACCEPT_LANGUAGE, "en")
        .form(&[("query[words]", "فاطمه"), ("query[page]", "0")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert!(res.headers()[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"tam-volunteers-"));
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store");
    let csv = res.text().await.unwrap();
    assert!(csv.starts_with("\u{FEFF}Number,Name,"), "{csv}");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "one volunteer is Fatima, found though typed with ه: {csv}");
    assert!(lines[1].contains("volunteer@tam.qa") && lines[1].contains(",'+97455551234,"), "{csv}");
    let fatima = services::accounts::current_user(&app.t.db, 3).await.unwrap().unwrap().0;
    assert_eq!(fatima.full_name, "فاطمة المري");
    let row = services::audit::of(&app.t.db, 3).await.unwrap().into_iter().next().unwrap();
    assert_eq!((row.kind.as_str(), row.actor_id), ("personal-data-exported", Some(admin_id)));

    // Opening one profile is logged too.
    let (status, detail) = app.call(&admin, "admin_volunteer", &[("user_id", "3")]).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(detail["email"], "volunteer@tam.qa");
    let row = services::audit::of(&app.t.db, 3).await.unwrap().into_iter().next().unwrap();
    assert_eq!(
        (row.kind.as_str(), row.actor_id, row.detail.as_deref()),
        ("personal-data-viewed", Some(admin_id), Some("volunteer profile"))
    );
    // A filter with an unknown value is shown next to it; nothing is listed.
    let (_, page) = app.call(&admin, "admin_volunteers", &[("query[skill]", "hacking")]).await;
    assert_eq!(page["errors"][0]["field"], "skill");
    assert_eq!(page["rows"].as_array().unwrap().len(), 0);
});

// The live stream authenticates like any request, refuses other origins, ends with the session,
// and serves the iCal feed only to its token.
app::db_test!(the_live_stream_is_only_for_its_user, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let raw = Client::new();
    let anonymous = raw.get(format!("{}/events", app.base)).send().await.unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
    let res = raw
        .post(format!("{}/api/register", app.base))
        .form(&[
            ("full_name", "Sara"),
            ("email", "sara@example.qa"),
            ("password", "a long enough password"),
            ("accept[policies]", "on"),
        ])
        .send()
        .await
        .unwrap();
    let token = session_cookie(&res).unwrap().split(';').next().unwrap().to_string();
    let other = raw
        .get(format!("{}/events", app.base))
        .header(header::COOKIE, &token)
        .header(header::ORIGIN, "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), StatusCode::FORBIDDEN);
    let cross = raw
        .get(format!("{}/events", app.base))
        .header(header::COOKIE, &token)
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(cross.status(), StatusCode::FORBIDDEN);
    let ok = raw.get(format!("{}/events", app.base)).header(header::COOKIE, &token).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(ok.headers()[header::CONTENT_TYPE], "text/event-stream");
    assert_eq!(ok.headers()[header::CACHE_CONTROL], "no-store");
    drop(ok);
    raw.post(format!("{}/api/logout", app.base)).header(header::COOKIE, &token).send().await.unwrap();
    let after = raw.get(format!("{}/events", app.base)).header(header::COOKIE, &token).send().await.unwrap();
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);

    // The calendar: 404 without the right token.
    let none = raw.get(format!("{}/me/calendar.ics?token=nope", app.base)).send().await.unwrap();
    assert_eq!(none.status(), StatusCode::NOT_FOUND);
    use app::backend::entities::user;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let user =
        user::Entity::find().filter(user::Column::Email.eq("sara@example.qa")).one(&app.t.db).await.unwrap().unwrap();
    let feed = services::calendar::renew(&app.t.db, user.id, services::now()).await.unwrap();
    let ics = raw.get(format!("{}/me/calendar.ics?token={feed}", app.base)).send().await.unwrap();
    assert_eq!(ics.status(), StatusCode::OK);
    assert_eq!(ics.headers()[header::CONTENT_TYPE], "text/calendar; charset=utf-8");
    assert!(ics.text().await.unwrap().starts_with("BEGIN:VCALENDAR"));
});

// The page cache: a session's page is that session's alone, and not served once it has ended.
app::db_test!(cached_pages_stay_personal, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    let raw = Client::new();
    let mut tokens = Vec::new();
    for (name, email) in [("Sara Cache", "sara-cache@example.qa"), ("Huda Cache", "huda-cache@example.qa")] {
        let res = raw
            .post(format!("{}/api/register", app.base))
            .form(&[
                ("full_name", name),
                ("email", email),
                ("password", "a long enough password"),
                ("accept[policies]", "on"),
            ])
            .send()
            .await
            .unwrap();
        tokens.push(session_cookie(&res).unwrap().split(';').next().unwrap().to_string());
    }
    let me = |token: &str| {
        let (raw, url, token) = (raw.clone(), format!("{}/me", app.base), token.to_string());
        async move { raw.get(url).header(header::COOKIE, token).send().await.unwrap().text().await.unwrap() }
    };
    for _ in 0..3 {
        assert!(me(&tokens[0]).await.contains("Sara Cache"));
        let other = me(&tokens[1]).await;
        assert!(other.contains("Huda Cache") && !other.contains("Sara Cache"));
    }
    // Logged out: the next page is not the one kept for the session.
    raw.post(format!("{}/api/logout", app.base)).header(header::COOKIE, &tokens[0]).send().await.unwrap();
    assert!(!me(&tokens[0]).await.contains("Sara Cache"));
    // A session ended straight in the database (another process, an admin) is refused too.
    let page = me(&tokens[1]).await;
    assert!(page.contains("Huda Cache"));
    use sea_orm::EntityTrait;
    app::backend::entities::session::Entity::delete_many().exec(&app.t.db).await.unwrap();
    assert!(!me(&tokens[1]).await.contains("Huda Cache"));
});

// Arabic agrees with the reader: a woman, a man, and someone who did not say read their own form
// of the same message (here the role on /me); English is the same for all.
app::db_test!(arabic_addresses_the_reader_in_their_gender, |t: TestDb| async move {
    let app = TestApp::spawn(t).await;
    seed::seed_demo(&app.t.db).await.unwrap();
    let badge = |role: &str| format!(r#"<li class="badge">{role}<!>"#);
    for (email, role) in [("volunteer@tam.qa", "متطوعة"), ("volunteer2@tam.qa", "متطوع")] {
        let c = app.browser();
        app.call(&c, "login", &[("email", email), ("password", seed::DEMO_PASSWORD)]).await;
        let (status, body) = app.page(&c, "/me", "ar").await;
        assert_eq!(status, StatusCode::OK);
        let roles = body.find(r#"class="badges""#).map(|i| &body[i..(i + 400).min(body.len())]).unwrap_or("");
        assert!(body.contains(&badge(role)), "{email}: {roles}");
        let (_, body) = app.page(&c, "/me", "en").await;
        assert!(body.contains(&badge("Volunteer")), "{email}");
    }
    let c = app.browser();
    assert_eq!(app.register(&c, "Noor", "noor-gender@example.qa").await.0, StatusCode::OK);
    let (_, body) = app.page(&c, "/me", "ar").await;
    assert!(body.contains(&badge("التطوع")) && !body.contains(&badge("متطوع")), "neutral without a gender");
    // A visitor's refusal is neutral too, and never another reader's form.
    let (_, body) = app.page(&app.browser(), "/me", "ar").await;
    assert!(!body.contains("متطوعة"));
});
