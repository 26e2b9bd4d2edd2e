use std::collections::BTreeSet;
use std::ffi::OsString;

use secrecy::ExposeSecret as _;

use super::load::{env_name, Kind, KEYS};
use super::*;
use crate::opt::ServerArgs;

fn env(vars: &[(&str, &str)]) -> Vec<(OsString, OsString)> {
    vars.iter().map(|(k, v)| (OsString::from(k), OsString::from(v))).collect()
}

fn args(dir: &Path) -> ServerArgs {
    ServerArgs { data_dir: Some(dir.to_path_buf()), ..ServerArgs::default() }
}

/// `(section, key, value)` of every `# key = value` line of the example, in order.
fn example_lines() -> Vec<(String, String, String)> {
    let mut section = String::new();
    let mut out = Vec::new();
    for line in EXAMPLE.lines() {
        let bare = line.trim_start_matches('#').trim();
        if let Some(name) = bare.strip_prefix('[').and_then(|b| b.strip_suffix(']')) {
            section = name.to_string();
        } else if let Some((key, value)) = bare.split_once(" = ") {
            if key.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                out.push((section.clone(), key.to_string(), value.to_string()));
            }
        }
    }
    out
}

/// Keys whose default is computed (no literal value to show).
const COMPUTED: &[&str] =
    &["server.base_url", "server.sign_threads", "server.master_key_file", "database.url", "smtp.port"];

#[test]
fn the_example_file_parses_into_the_default_config() {
    let parsed: Config = toml::from_str(EXAMPLE).unwrap();
    assert_eq!(format!("{parsed:?}"), format!("{:?}", Config::default()));

    // Uncommenting every default shown gives the default configuration again.
    let mut text = String::new();
    let mut in_smtp = false;
    for line in EXAMPLE.lines() {
        let bare = line.trim_start_matches('#').trim();
        if bare.starts_with('[') {
            in_smtp = bare == "[smtp]";
            text.push_str(if in_smtp { "" } else { bare });
        } else if let Some((key, _)) = bare.split_once(" = ") {
            let section = text.lines().rev().find(|l| l.starts_with('[')).unwrap_or_default().trim_matches(['[', ']']);
            if !in_smtp && !COMPUTED.contains(&format!("{section}.{key}").as_str()) {
                text.push_str(bare);
            }
        }
        text.push('\n');
    }
    let uncommented: Config = toml::from_str(&text).unwrap();
    assert_eq!(format!("{uncommented:?}"), format!("{:?}", Config::default()));
    assert_eq!(text.lines().filter(|l| l.contains(" = ")).count(), KEYS.len() - COMPUTED.len() - 5);

    // Every example value, computed ones and [smtp] included, is a valid setting.
    let all: String = EXAMPLE.lines().map(|l| format!("{}\n", l.trim_start_matches('#').trim())).collect();
    let all = all.lines().filter(|l| l.starts_with('[') || l.contains(" = ")).collect::<Vec<_>>().join("\n");
    let full: Config = toml::from_str(&all).unwrap();
    full.validate().unwrap();
    assert_eq!(full.smtp.as_ref().unwrap().from, "Badges <badges@example.org>");
}

#[test]
fn the_example_lists_every_setting_and_the_settings_are_the_fields() {
    let listed: BTreeSet<String> = example_lines().iter().map(|(s, k, _)| format!("{s}.{k}")).collect();
    let keys: BTreeSet<String> = KEYS.iter().map(|(s, k, _)| format!("{s}.{k}")).collect();
    assert_eq!(listed, keys, "examples/cairn.toml and KEYS differ");

    // A configuration with every optional field set serialises to exactly KEYS (written as a
    // struct literal so that a new field fails to compile here until it is listed).
    let full = Config {
        server: ServerConfig {
            bind: "0.0.0.0:80".parse().unwrap(),
            base_url: Some("https://b.example".into()),
            sign_threads: Some(3),
            master_key_file: Some("/k".into()),
        },
        database: DatabaseConfig { url: Some("sqlite::memory:".to_string().into()) },
        smtp: Some(SmtpConfig {
            host: "h".into(),
            port: Some(25),
            tls: SmtpTls::None,
            username: Some("u".into()),
            password: Some("p".to_string().into()),
            from: "a@b.c".into(),
        }),
        workers: WorkersConfig { enabled: false, bulk_concurrency: 1 },
        log: LogConfig { format: LogFormat::Json, filter: "debug".into() },
        verify: VerifyConfig { online: true },
    };
    let table: toml::Table = toml::Table::try_from(&full).unwrap();
    let fields: BTreeSet<String> =
        table.iter().flat_map(|(s, v)| v.as_table().unwrap().keys().map(move |k| format!("{s}.{k}"))).collect();
    assert_eq!(fields, keys, "the config structs and KEYS differ");
    // Secrets are written redacted.
    assert_eq!(table["smtp"]["password"].as_str(), Some(secret::REDACTED));
    assert_eq!(table["database"]["url"].as_str(), Some("sqlite::memory:"));
}

#[test]
fn layers_apply_in_order_defaults_file_environment_flags() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cairn.toml"),
        "[server]\nbind = \"127.0.0.1:9001\"\nbase_url = \"https://file.example\"\nsign_threads = 3\n\
         [workers]\nbulk_concurrency = 5\n",
    )
    .unwrap();
    // File only.
    let l = load(&args(dir.path()), env(&[])).unwrap();
    assert_eq!(l.file.as_deref(), Some(dir.path().join("cairn.toml").as_path()));
    assert_eq!(l.config.server.bind.port(), 9001);
    assert_eq!(l.config.workers.bulk_concurrency, 5);
    assert_eq!(l.config.log.filter, LogConfig::default().filter);
    // Environment over file.
    let vars = [("CAIRN_SERVER__BIND", "127.0.0.1:9002"), ("CAIRN_SERVER__SIGN_THREADS", "7"), ("PATH", "/bin")];
    let l = load(&args(dir.path()), env(&vars)).unwrap();
    assert_eq!(l.config.server.bind.port(), 9002);
    assert_eq!(l.config.server.sign_threads, Some(7));
    assert_eq!(l.config.server.base_url.as_deref(), Some("https://file.example"));
    // Flags over environment.
    let mut a = args(dir.path());
    a.bind = Some("127.0.0.1:9003".parse().unwrap());
    a.database_url = Some("sqlite://x.db".into());
    let l = load(&a, env(&vars)).unwrap();
    assert_eq!(l.config.server.bind.port(), 9003);
    assert_eq!(l.config.server.sign_threads, Some(7));
    assert_eq!(l.config.database_url(dir.path()).expose_secret(), "sqlite://x.db");
}

#[test]
fn defaults_without_any_file() {
    let dir = tempfile::tempdir().unwrap();
    let l = load(&args(&dir.path().join("data")), env(&[])).unwrap();
    assert!(l.file.is_none());
    assert_eq!(l.config.server.bind.to_string(), "127.0.0.1:8080");
    let url = l.config.database_url(&l.data_dir);
    assert_eq!(url.expose_secret(), &format!("sqlite://{}/cairn.db?mode=rwc", dir.path().join("data").display()));
    assert_eq!(l.config.base_url("127.0.0.1:4321".parse().unwrap()), "http://127.0.0.1:4321");
    assert_eq!(l.config.base_url("0.0.0.0:80".parse().unwrap()), "http://127.0.0.1:80");
    assert!(l.config.sign_threads() >= 1);
    assert_eq!(l.config.master_key_file(&l.data_dir), dir.path().join("data/master.key"));
    // CAIRN_DATA_DIR when there is no flag.
    let l = load(&ServerArgs::default(), env(&[("CAIRN_DATA_DIR", "/srv/cairn")])).unwrap();
    assert_eq!(l.data_dir, Path::new("/srv/cairn"));
    let l = load(&ServerArgs::default(), env(&[])).unwrap();
    assert_eq!(l.data_dir, Path::new("./cairn-data"));
}

#[test]
fn an_unknown_key_in_the_file_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.toml");
    std::fs::write(&file, "[server]\nbind = \"127.0.0.1:1\"\n\n[workers]\nbulk_concurency = 3\n").unwrap();
    let mut a = args(dir.path());
    a.config = Some(file.clone());
    let err = format!("{:#}", load(&a, env(&[])).unwrap_err());
    assert!(err.contains("bulk_concurency") && err.contains("line 5"), "{err}");
    assert!(err.contains(&file.display().to_string()), "{err}");
    // An unknown section too.
    std::fs::write(&file, "[sever]\nbind = \"x\"\n").unwrap();
    let err = format!("{:#}", load(&a, env(&[])).unwrap_err());
    assert!(err.contains("sever") && err.contains("line 1"), "{err}");
    // A missing explicit file is an error, not a silent default.
    a.config = Some(dir.path().join("missing.toml"));
    assert!(format!("{:#}", load(&a, env(&[])).unwrap_err()).contains("missing.toml"));
}

#[test]
fn an_unknown_environment_variable_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let err = format!("{:#}", load(&args(dir.path()), env(&[("CAIRN_SERVER_BIND", "x")])).unwrap_err());
    assert!(err.contains("CAIRN_SERVER_BIND") && err.contains("did you mean CAIRN_SERVER__BIND?"), "{err}");
    let err = format!("{:#}", load(&args(dir.path()), env(&[("CAIRN_SERVER__PORT", "80")])).unwrap_err());
    assert!(err.contains("unknown environment variable CAIRN_SERVER__PORT"), "{err}");
    let err = format!("{:#}", load(&args(dir.path()), env(&[("CAIRN_SERVER__BIND_FILE", "/x")])).unwrap_err());
    assert!(err.contains("only secrets"), "{err}");
    // Not settings: read elsewhere, or by the test suites.
    let fine = [("CAIRN_FIXTURES", "/f"), ("CAIRN_TEST_DATABASE_URL", "postgres://x"), ("CAIRN_CONFIG", "")];
    load(&args(dir.path()), env(&fine)).unwrap();
}

#[test]
fn environment_values_are_typed_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let err = format!("{:#}", load(&args(dir.path()), env(&[("CAIRN_WORKERS__ENABLED", "maybe")])).unwrap_err());
    assert!(err.contains("CAIRN_WORKERS__ENABLED") && err.contains("true or false"), "{err}");
    let err = format!("{:#}", load(&args(dir.path()), env(&[("CAIRN_SERVER__BIND", "nowhere")])).unwrap_err());
    assert!(err.contains("CAIRN_SERVER__BIND"), "{err}");
    let err = format!("{:#}", load(&args(dir.path()), env(&[("CAIRN_LOG__FORMAT", "xml")])).unwrap_err());
    assert!(err.contains("xml") && err.contains("CAIRN_LOG__FORMAT"), "{err}");
    let l =
        load(&args(dir.path()), env(&[("CAIRN_WORKERS__ENABLED", "false"), ("CAIRN_LOG__FORMAT", "json")])).unwrap();
    assert!(!l.config.workers.enabled);
    assert_eq!(l.config.log.format, LogFormat::Json);
    // The SMTP section can come from the environment alone.
    let smtp = [
        ("CAIRN_SMTP__HOST", "127.0.0.1"),
        ("CAIRN_SMTP__TLS", "none"),
        ("CAIRN_SMTP__FROM", "Badges <b@example.org>"),
    ];
    let l = load(&args(dir.path()), env(&smtp)).unwrap();
    assert_eq!(l.config.smtp.as_ref().map(SmtpConfig::port), Some(25));
    let err = format!("{:#}", load(&args(dir.path()), env(&smtp[..1])).unwrap_err());
    assert!(err.contains("from"), "{err}");
}

#[test]
fn secrets_come_from_files_and_never_show() {
    let dir = tempfile::tempdir().unwrap();
    let pw = dir.path().join("pw");
    std::fs::write(&pw, "s3cret-pass\n").unwrap();
    let vars = [
        ("CAIRN_SMTP__HOST", "mail.example.org"),
        ("CAIRN_SMTP__FROM", "b@example.org"),
        ("CAIRN_SMTP__USERNAME", "b"),
        ("CAIRN_SMTP__PASSWORD_FILE", pw.to_str().unwrap()),
        ("CAIRN_DATABASE__URL", "postgres://cairn:db-pass-9@db:5432/cairn?sslmode=require&password=q-pass-7"),
    ];
    let l = load(&args(dir.path()), env(&vars)).unwrap();
    let smtp = l.config.smtp.as_ref().unwrap();
    assert_eq!(smtp.password.as_ref().unwrap().expose_secret(), "s3cret-pass");
    let debug = format!("{:?}", l.config);
    let shown = toml::to_string(&l.config).unwrap();
    for text in [&debug, &shown] {
        assert!(!text.contains("s3cret") && !text.contains("db-pass") && !text.contains("q-pass"), "{text}");
    }
    for text in [&debug, &shown] {
        assert!(text.contains("postgres://cairn:***@db:5432/cairn?sslmode=require&password=***"), "{text}");
    }
    assert!(shown.contains("password = \"<redacted>\""), "{shown}");
    // Both forms of one secret: refuse rather than guess.
    let both = [("CAIRN_SMTP__PASSWORD", "a"), ("CAIRN_SMTP__PASSWORD_FILE", "/x")];
    let err = format!("{:#}", load(&args(dir.path()), env(&both)).unwrap_err());
    assert!(err.contains("both set smtp.password"), "{err}");
    assert!(!format!("{:#}", load(&args(dir.path()), env(&[("CAIRN_DATABASE__URL", "mysql://u:p@h/d")])).unwrap_err())
        .contains(":p@"));
}

#[test]
fn env_names_are_section_double_underscore_key() {
    assert_eq!(env_name("smtp", "password"), "CAIRN_SMTP__PASSWORD");
    assert!(KEYS.iter().filter(|(_, _, k)| *k == Kind::Secret).count() == 2);
    assert_eq!(redact_url("sqlite://./d/cairn.db?mode=rwc"), "sqlite://./d/cairn.db?mode=rwc");
    assert_eq!(redact_url("postgres://u@h/d"), "postgres://u@h/d");
}
