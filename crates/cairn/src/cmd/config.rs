//! `cairn config default` (the commented example file) and `cairn config show` (the
//! effective configuration after every layer, secrets redacted).

use std::process::ExitCode;

use crate::config::{self, EXAMPLE};
use crate::opt::ConfigCommand;

/// Runs `cairn config …`.
pub fn config(command: &ConfigCommand) -> anyhow::Result<ExitCode> {
    match command {
        ConfigCommand::Default => super::write_out(None, EXAMPLE.as_bytes())?,
        ConfigCommand::Show(args) => {
            let loaded = config::load(args, std::env::vars_os())?;
            let source = loaded.file.as_ref().map_or_else(|| "none".to_string(), |f| f.display().to_string());
            let text = toml::to_string(&loaded.config)?;
            let out = format!(
                "# Effective configuration (secrets redacted).\n# data directory: {}\n# configuration file: {source}\n\n{text}",
                loaded.data_dir.display()
            );
            super::write_out(None, out.as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
