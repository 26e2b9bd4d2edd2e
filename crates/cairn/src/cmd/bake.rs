//! `cairn bake` and `cairn unbake`.

use std::process::ExitCode;

use anyhow::{bail, Context as _};
use cairn_vc::bake;

use crate::opt::{BakeArgs, UnbakeArgs};

pub fn bake(args: &BakeArgs) -> anyhow::Result<ExitCode> {
    let image = super::read(&args.image)?;
    let credential = String::from_utf8(super::read(&args.credential)?).context("the credential is not UTF-8")?;
    let credential = credential.trim();
    let baked = if image.starts_with(b"\x89PNG") {
        bake::bake_png(&image, credential)?
    } else {
        let svg = String::from_utf8(image).context("the image is neither PNG nor UTF-8 SVG")?;
        if !svg.contains("<svg") {
            bail!("{} is neither a PNG nor an SVG", args.image.display());
        }
        bake::bake_svg(&svg, credential)?.into_bytes()
    };
    super::write_out(Some(&args.out), &baked)?;
    eprintln!("baked {} into {}", args.credential.display(), args.out.display());
    Ok(ExitCode::SUCCESS)
}

pub fn unbake(args: &UnbakeArgs) -> anyhow::Result<ExitCode> {
    let image = super::read(&args.image)?;
    let baked = bake::unbake(&image).with_context(|| format!("cannot unbake {}", args.image.display()))?;
    let mut text = baked.payload;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    super::write_out(args.out.as_deref(), text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
