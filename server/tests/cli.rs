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
