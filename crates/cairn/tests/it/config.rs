//! `cairn config default|show` and configuration errors, through the real binary.

use std::process::Command;

use crate::support::{cairn, Scratch};

/// Runs `cairn args…` with extra environment variables and no inherited `CAIRN_*` settings.
fn cairn_env(args: &[&str], vars: &[(&str, &str)]) -> crate::support::Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cairn"));
    cmd.args(args);
    for (name, _) in std::env::vars().filter(|(n, _)| n.starts_with("CAIRN_")) {
        cmd.env_remove(name);
    }
    cmd.envs(vars.iter().copied());
    let out = cmd.output().expect("cairn runs");
    crate::support::Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn config_default_prints_the_example_file() {
    let run = cairn(&["config", "default"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let example = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/cairn.toml")).unwrap();
    assert_eq!(run.stdout, example);
    // What it prints is itself a valid configuration file (the defaults).
    let dir = Scratch::new("config-default");
    std::fs::write(dir.path("cairn.toml"), &run.stdout).unwrap();
    let shown = cairn_env(&["config", "show", "--data-dir", dir.path("").to_str().unwrap()], &[]);
    assert_eq!(shown.code, Some(0), "{}", shown.stderr);
    let table: toml::Table = toml::from_str(&shown.stdout).unwrap();
    assert_eq!(table["server"]["bind"].as_str(), Some("127.0.0.1:8080"));
    assert!(shown.stdout.contains("cairn.toml"), "the file read is named: {}", shown.stdout);
}

#[test]
fn layers_override_in_order_file_environment_flags() {
    let dir = Scratch::new("config-layers");
    let data = dir.path("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(
        data.join("cairn.toml"),
        "[server]\nbind = \"127.0.0.1:7001\"\nbase_url = \"https://file.example\"\n[log]\nfilter = \"debug\"\n\
         [workers]\nbulk_concurrency = 4\n",
    )
    .unwrap();
    let data = data.to_str().unwrap();
    let vars = [("CAIRN_SERVER__BIND", "127.0.0.1:7002"), ("CAIRN_LOG__FILTER", "warn"), ("CAIRN_DATA_DIR", "/nope")];
    let run = cairn_env(&["config", "show", "--data-dir", data, "--base-url", "https://flag.example"], &vars);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let t: toml::Table = toml::from_str(&run.stdout).unwrap();
    assert_eq!(t["server"]["bind"].as_str(), Some("127.0.0.1:7002"), "environment over file");
    assert_eq!(t["server"]["base_url"].as_str(), Some("https://flag.example"), "flag over file");
    assert_eq!(t["log"]["filter"].as_str(), Some("warn"), "environment over file");
    assert_eq!(t["workers"]["bulk_concurrency"].as_integer(), Some(4), "file over default");
    assert_eq!(t["workers"]["enabled"].as_bool(), Some(true), "default");
    let run = cairn_env(&["config", "show", "--data-dir", data, "--bind", "127.0.0.1:7003"], &vars);
    let t: toml::Table = toml::from_str(&run.stdout).unwrap();
    assert_eq!(t["server"]["bind"].as_str(), Some("127.0.0.1:7003"), "flag over environment");
}

#[test]
fn an_unknown_key_is_an_error_naming_it_and_its_line() {
    let dir = Scratch::new("config-unknown-key");
    let file = dir.path("c.toml");
    std::fs::write(&file, "[server]\nbind = \"127.0.0.1:1\"\nbase_ulr = \"https://x.example\"\n").unwrap();
    let (file, data) = (file.to_str().unwrap(), dir.path("data"));
    for command in ["show", "serve"] {
        let args: Vec<&str> = match command {
            "show" => vec!["config", "show", "--config", file],
            _ => vec!["serve", "--config", file, "--data-dir", data.to_str().unwrap()],
        };
        let run = cairn_env(&args, &[]);
        assert_eq!(run.code, Some(2), "{command}: {}", run.stdout);
        assert!(run.stderr.contains("base_ulr") && run.stderr.contains("line 3"), "{command}: {}", run.stderr);
        assert!(!run.stdout.contains("Cairn is running"));
    }
    assert!(!dir.path("data").exists(), "nothing is created when the configuration is wrong");
}

#[test]
fn an_unknown_environment_variable_is_an_error_naming_it() {
    let dir = Scratch::new("config-unknown-env");
    let data = dir.path("data");
    let run = cairn_env(
        &["serve", "--data-dir", data.to_str().unwrap(), "--bind", "127.0.0.1:0"],
        &[("CAIRN_SMTP__PASWORD", "pw-never-shown")],
    );
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("unknown environment variable CAIRN_SMTP__PASWORD"), "{}", run.stderr);
    assert!(!run.stderr.contains("pw-never-shown"), "{}", run.stderr);
    assert!(!data.exists(), "nothing is created when the configuration is wrong");
    let run = cairn_env(&["config", "show"], &[("CAIRN_DATABASE_URL", "sqlite://x")]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("did you mean CAIRN_DATABASE__URL?"), "{}", run.stderr);
}

#[test]
fn secrets_are_redacted_in_the_effective_configuration() {
    let dir = Scratch::new("config-secrets");
    let pw = dir.path("pw");
    std::fs::write(&pw, "smtp-secret-1\n").unwrap();
    let vars = [
        ("CAIRN_SMTP__HOST", "mail.example.org"),
        ("CAIRN_SMTP__FROM", "Badges <badges@example.org>"),
        ("CAIRN_SMTP__USERNAME", "badges"),
        ("CAIRN_SMTP__PASSWORD_FILE", pw.to_str().unwrap()),
        ("CAIRN_DATABASE__URL", "postgres://cairn:db-secret-2@127.0.0.1:5432/cairn"),
    ];
    let run = cairn_env(&["config", "show", "--data-dir", dir.path("data").to_str().unwrap()], &vars);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!run.stdout.contains("secret-"), "{}", run.stdout);
    assert!(run.stdout.contains("postgres://cairn:***@127.0.0.1:5432/cairn"), "{}", run.stdout);
    assert!(run.stdout.contains("password = \"<redacted>\""), "{}", run.stdout);
}
