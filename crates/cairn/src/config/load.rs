//! Layering: defaults → TOML file → `CAIRN_<SECTION>__<KEY>` environment variables → flags.
//! The file is checked on its own first, so an unknown or mistyped key is reported with its
//! line; an environment variable that names no setting is an error naming the variable.

use std::collections::HashMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail, Context as _};
use secrecy::SecretString;
use toml::{Table, Value};

use super::Config;
use crate::opt::ServerArgs;

/// The data directory when neither `--data-dir` nor `CAIRN_DATA_DIR` says otherwise.
pub const DEFAULT_DATA_DIR: &str = "./cairn-data";

/// `CAIRN_*` variables that are not settings (read elsewhere, or by tests).
const NOT_SETTINGS: &[&str] = &["CAIRN_CONFIG", "CAIRN_DATA_DIR", "CAIRN_FIXTURES"];
/// Prefix of variables reserved for Cairn's own test suites.
const TEST_PREFIX: &str = "CAIRN_TEST_";

/// The type of a setting, for reading it from an environment variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    Str,
    /// A whole number.
    Int,
    /// `true` or `false`.
    Bool,
    /// Text that is a secret; `…_FILE` reads it from a file.
    Secret,
}

/// Every setting: section, key, type. A test checks this list against the structs and
/// against `examples/cairn.toml`.
pub const KEYS: &[(&str, &str, Kind)] = &[
    ("server", "bind", Kind::Str),
    ("server", "base_url", Kind::Str),
    ("server", "sign_threads", Kind::Int),
    ("server", "master_key_file", Kind::Str),
    ("database", "url", Kind::Secret),
    ("smtp", "host", Kind::Str),
    ("smtp", "port", Kind::Int),
    ("smtp", "tls", Kind::Str),
    ("smtp", "username", Kind::Str),
    ("smtp", "password", Kind::Secret),
    ("smtp", "from", Kind::Str),
    ("workers", "enabled", Kind::Bool),
    ("workers", "bulk_concurrency", Kind::Int),
    ("log", "format", Kind::Str),
    ("log", "filter", Kind::Str),
    ("verify", "online", Kind::Bool),
];

/// A loaded configuration and where it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The effective configuration.
    pub config: Config,
    /// The data directory (not created yet).
    pub data_dir: PathBuf,
    /// The TOML file read, if any.
    pub file: Option<PathBuf>,
}

/// Loads the configuration for `args` from the defaults, the file, `env` and the flags.
pub fn load(args: &ServerArgs, env: impl IntoIterator<Item = (OsString, OsString)>) -> anyhow::Result<Loaded> {
    let env = cairn_vars(env)?;
    let var = |name: &str| env.iter().find(|(k, v)| k == name && !v.is_empty()).map(|(_, v)| PathBuf::from(v));
    let data_dir = args.data_dir.clone().or_else(|| var("CAIRN_DATA_DIR")).unwrap_or_else(|| DEFAULT_DATA_DIR.into());
    let file = match args.config.clone().or_else(|| var("CAIRN_CONFIG")) {
        Some(path) => Some(path),
        None => Some(data_dir.join("cairn.toml")).filter(|p| p.is_file()),
    };
    let mut table = match &file {
        Some(path) => read_file(path)?,
        None => Table::new(),
    };
    let applied = apply_env(&mut table, &env)?;
    let mut config: Config = Value::Table(table).try_into().map_err(|e| {
        let names: Vec<&str> = applied.iter().map(String::as_str).collect();
        anyhow!("in the environment ({}): {e}", names.join(", "))
    })?;
    if let Some(bind) = args.bind {
        config.server.bind = bind;
    }
    if let Some(url) = &args.base_url {
        config.server.base_url = Some(url.clone());
    }
    if let Some(url) = &args.database_url {
        config.database.url = Some(SecretString::from(url.clone()));
    }
    config.validate().map_err(anyhow::Error::msg)?;
    Ok(Loaded { config, data_dir, file })
}

/// The `CAIRN_*` variables, as text (a variable that is not UTF-8 is an error).
fn cairn_vars(env: impl IntoIterator<Item = (OsString, OsString)>) -> anyhow::Result<Vec<(String, String)>> {
    let mut vars = Vec::new();
    for (name, value) in env {
        let Some(name) = name.to_str().filter(|n| n.starts_with("CAIRN_")) else { continue };
        let value = value.into_string().map_err(|_| anyhow!("{name}: the value is not valid UTF-8"))?;
        vars.push((name.to_string(), value));
    }
    vars.sort();
    Ok(vars)
}

/// Reads and checks the TOML file: the error names the file, the line and the key.
fn read_file(path: &Path) -> anyhow::Result<Table> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the configuration file {}", path.display()))?;
    toml::from_str::<Config>(&text).map_err(|e| anyhow!("configuration file {}: {e}", path.display()))?;
    toml::from_str::<Table>(&text).map_err(|e| anyhow!("configuration file {}: {e}", path.display()))
}

/// Puts every `CAIRN_<SECTION>__<KEY>` variable into `table`; returns the names applied.
/// An empty value counts as unset.
fn apply_env(table: &mut Table, env: &[(String, String)]) -> anyhow::Result<Vec<String>> {
    let mut applied = Vec::new();
    let mut seen: HashMap<(&str, &str), &str> = HashMap::new();
    for (name, value) in env {
        if NOT_SETTINGS.contains(&name.as_str()) || name.starts_with(TEST_PREFIX) {
            continue;
        }
        let (section, key, kind, from_file) = lookup(name)?;
        if value.is_empty() {
            continue;
        }
        if let Some(other) = seen.insert((section, key), name) {
            bail!("{other} and {name} both set {section}.{key}: keep one");
        }
        let value = if from_file { read_secret_file(name, Path::new(value))? } else { value.clone() };
        let value = convert(kind, &value).map_err(|m| anyhow!("{name}: {m}"))?;
        let section_table = table
            .entry(section)
            .or_insert_with(|| Value::Table(Table::new()))
            .as_table_mut()
            .ok_or_else(|| anyhow!("{name}: `{section}` is not a section in the configuration file"))?;
        section_table.insert(key.to_string(), value);
        applied.push(name.clone());
    }
    Ok(applied)
}

/// The setting a variable names, and whether it is the `_FILE` form of a secret.
fn lookup(name: &str) -> anyhow::Result<(&'static str, &'static str, Kind, bool)> {
    let find = |section: &str, key: &str| KEYS.iter().find(|(s, k, _)| *s == section && *k == key).copied();
    if let Some((section, key)) = name.strip_prefix("CAIRN_").and_then(|rest| rest.split_once("__")) {
        let (section, key) = (section.to_ascii_lowercase(), key.to_ascii_lowercase());
        if let Some((s, k, kind)) = find(&section, &key) {
            return Ok((s, k, kind, false));
        }
        if let Some((s, k, kind)) = key.strip_suffix("_file").and_then(|base| find(&section, base)) {
            if kind != Kind::Secret {
                bail!(
                    "{name}: only secrets (database.url, smtp.password) can be read from a file; set {s}.{k} directly"
                );
            }
            return Ok((s, k, kind, true));
        }
    }
    let squash = |s: &str| s.replace('_', "").to_ascii_lowercase();
    let suggestion = KEYS
        .iter()
        .flat_map(|(s, k, kind)| {
            let base = env_name(s, k);
            let file = (*kind == Kind::Secret).then(|| format!("{base}_FILE"));
            std::iter::once(base).chain(file)
        })
        .find(|candidate| squash(candidate) == squash(name))
        .map(|c| format!("; did you mean {c}?"))
        .unwrap_or_default();
    bail!(
        "unknown environment variable {name}: Cairn settings are CAIRN_<SECTION>__<KEY> \
         (two underscores, for example CAIRN_SERVER__BIND; `cairn config default` lists them){suggestion}"
    )
}

/// `CAIRN_SERVER__BIND` for `server.bind`.
pub fn env_name(section: &str, key: &str) -> String {
    format!("CAIRN_{}__{}", section.to_ascii_uppercase(), key.to_ascii_uppercase())
}

fn read_secret_file(name: &str, path: &Path) -> anyhow::Result<String> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{name}: cannot read {}", path.display()))?;
    let text = text.strip_suffix('\n').map(|t| t.strip_suffix('\r').unwrap_or(t)).unwrap_or(&text);
    Ok(text.to_string())
}

/// The variable's text as a TOML value of the setting's type. Never echoes a secret.
fn convert(kind: Kind, value: &str) -> Result<Value, String> {
    match kind {
        Kind::Str | Kind::Secret => Ok(Value::String(value.to_string())),
        Kind::Int => value
            .trim()
            .parse::<i64>()
            .map(Value::Integer)
            .map_err(|_| format!("expected a whole number, got `{value}`")),
        Kind::Bool => match value.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" => Ok(Value::Boolean(true)),
            "false" | "0" | "no" | "off" => Ok(Value::Boolean(false)),
            _ => Err(format!("expected true or false, got `{value}`")),
        },
    }
}
