//! The `tam` binary as an operator runs it: refusals in words, and the demo kept off public addresses.

use std::process::Command;

fn tam(dir: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tam"));
    cmd.env("DATABASE_URL", format!("sqlite://{}/tam.db?mode=rwc", dir.display()))
        .env_remove("TAM_PUBLIC_URL")
        .env_remove("TAM_ADDR")
        .env("RUST_LOG", "warn");
    cmd
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tam-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn create_admin_explains_a_refusal_in_words() {
    let dir = temp_dir("admin");
    let run = |email: &str, name: &str, password: &str| {
        let out = tam(&dir)
            .args(["create-admin", "--email", email, "--name", name])
            .env("TAM_ADMIN_PASSWORD", password)
            .output()
            .unwrap();
        (out.status.success(), String::from_utf8_lossy(&out.stderr).to_string())
    };
    let (ok, err) = run("not-an-email", "Good Name", "saffron dhow at the corniche");
    assert!(!ok && err.contains("--email: This does not look like a valid email address"), "{err}");
    let (ok, err) = run("admin@example.qa", "X", "saffron dhow at the corniche");
    assert!(!ok && err.contains("--name: Enter your full name."), "{err}");
    let (ok, err) = run("admin@example.qa", "Good Name", "tam-demo-2026");
    assert!(!ok && err.contains("password: This password is easy to guess."), "{err}");
    assert!(!err.contains("err-"), "no message ids: {err}");
    let (ok, err) = run("admin@example.qa", "Good Name", "saffron dhow at the corniche");
    assert!(ok, "{err}");
    let (ok, err) = run("admin@example.qa", "Good Name", "saffron dhow at the corniche");
    assert!(!ok && err.contains("--email: An account with this email already exists."), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_demo_is_never_served_on_a_public_address() {
    let dir = temp_dir("demo");
    let out = tam(&dir).args(["serve", "--demo"]).env("TAM_PUBLIC_URL", "https://tam.qa").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("demo accounts' passwords are public"), "{err}");
    let out = tam(&dir).args(["migrate"]).env("TAM_PUBLIC_URL", "http://tam.qa").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("plain http:// only on a loopback address"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// ASVS 5.0 V16.3.1, V16.2.5: every refusal (401, 403, 429) is logged with the user's id, the client
/// address and the server function, and the logs hold no email, password or session token.
#[tokio::test]
async fn asvs_16_3_1_refusals_are_logged_without_personal_data() {
    use std::io::Read;
    let dir = temp_dir("logs");
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = tam(&dir)
        .args(["serve", "--demo"])
        .env("TAM_ADDR", format!("127.0.0.1:{port}"))
        .env("TAM_LOG_FORMAT", "json")
        .env("LEPTOS_SITE_ROOT", dir.display().to_string())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder().cookie_store(true).build().unwrap();
    for _ in 0..200 {
        if client.get(format!("{base}/healthz")).send().await.is_ok_and(|r| r.status().is_success()) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let post = |path: &str, form: &[(&str, &str)]| client.post(format!("{base}{path}")).form(form).send();
    assert_eq!(post("/api/my_profile", &[]).await.unwrap().status(), 401);
    let login = post("/api/login", &[("email", "volunteer@tam.qa"), ("password", "tam-demo-2026")]).await.unwrap();
    assert_eq!(login.status(), 200);
    let token = login.cookies().find(|c| c.name() == "tam_session").unwrap().value().to_string();
    assert_eq!(post("/api/admin_overview", &[]).await.unwrap().status(), 403);
    // Registrations from one address are limited (each attempt counts, refused ones too).
    for _ in 0..=app::backend::services::throttle::REGISTRATION_PER_ADDRESS.max {
        post("/api/register", &[("full_name", ""), ("email", "volunteer2@tam.qa"), ("password", "not the password!")])
            .await
            .unwrap();
    }

    // SIGTERM: the server stops cleanly and its output is complete.
    unsafe { libc_kill(server.id() as i32, 15) };
    server.wait().unwrap();
    let mut logs = String::new();
    server.stdout.take().unwrap().read_to_string(&mut logs).unwrap();
    let refusals: Vec<serde_json::Value> = logs
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["fields"]["message"] == "request refused")
        .collect();
    let find = |status: u64| {
        refusals.iter().find(|v| v["fields"]["status"] == status).unwrap_or_else(|| panic!("{status}: {logs}"))
    };
    assert_eq!(find(401)["fields"]["server_fn"], "/api/my_profile");
    assert!(find(401)["fields"]["client"].as_str().unwrap().contains("127.0.0.1"));
    let forbidden = find(403);
    assert_eq!(forbidden["fields"]["server_fn"], "/api/admin_overview");
    assert!(forbidden["fields"]["user_id"].as_u64().is_some(), "{forbidden}");
    assert_eq!(find(429)["fields"]["server_fn"], "/api/register");
    for secret in ["volunteer@tam.qa", "volunteer2@tam.qa", "tam-demo-2026", "not the password!", token.as_str()] {
        assert!(!logs.contains(secret), "the logs hold {secret:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

unsafe extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}
