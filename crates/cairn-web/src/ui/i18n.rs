//! Every string a person reads comes from a Fluent catalogue (`crates/cairn-web/i18n/<lang>.ftl`),
//! embedded in the binary. English is the reference; French is shipped too. The language is
//! chosen per request: the `cairn_lang` cookie (set by `/lang/{code}`), else `Accept-Language`,
//! else English. Templates call `t.t("key")` or `t.n("key", "count", n)`.

use std::collections::HashMap;
use std::sync::OnceLock;

use axum::extract::FromRequestParts;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE};
use axum::http::request::Parts;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// Cookie holding the chosen language.
pub const LANG_COOKIE: &str = "cairn_lang";

/// A shipped language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English (the reference catalogue).
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Every shipped language, reference first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// BCP 47 code (`lang` attribute, cookie value).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }

    /// The language's own name (for the switcher).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
        }
    }

    /// A shipped language from a code or tag (`fr`, `fr-CA`, `FR`).
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The catalogue source.
    pub fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../i18n/en.ftl"),
            Lang::Fr => include_str!("../../i18n/fr.ftl"),
        }
    }
}

/// The parsed catalogues.
struct Catalogues(HashMap<Lang, FluentBundle<FluentResource>>);

fn catalogues() -> &'static Catalogues {
    static CATALOGUES: OnceLock<Catalogues> = OnceLock::new();
    CATALOGUES.get_or_init(|| {
        let mut map = HashMap::new();
        for lang in Lang::ALL {
            let resource = FluentResource::try_new(lang.source().to_string()).unwrap_or_else(|(res, errors)| {
                tracing::error!(lang = lang.code(), ?errors, "catalogue has syntax errors");
                res
            });
            let id = lang.code().parse().unwrap_or_default();
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // Isolation marks confuse screen readers and copy-paste in HTML; text is escaped anyway.
            bundle.set_use_isolating(false);
            if let Err(errors) = bundle.add_resource(resource) {
                tracing::error!(lang = lang.code(), ?errors, "catalogue has duplicate keys");
            }
            map.insert(lang, bundle);
        }
        Catalogues(map)
    })
}

/// The translator for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    /// The request's language.
    pub lang: Lang,
}

impl Tr {
    /// A translator for a language.
    pub fn new(lang: Lang) -> Self {
        Tr { lang }
    }

    /// The language code, for `<html lang>`.
    pub fn code(&self) -> &'static str {
        self.lang.code()
    }

    /// The message `id`; falls back to English, then to the id itself (a test keeps every
    /// catalogue complete).
    pub fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with one argument (plurals: `{ $count -> [one] … *[other] … }`).
    pub fn n(&self, id: &str, name: &str, value: impl Into<FluentArg>) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_string(), value.into().0);
        self.format(id, Some(&args))
    }

    /// The message `id` with string arguments.
    pub fn args(&self, id: &str, args: &[(&str, &str)]) -> String {
        let mut fa = FluentArgs::new();
        for (k, v) in args {
            fa.set(k.to_string(), FluentValue::from(v.to_string()));
        }
        self.format(id, Some(&fa))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let cats = catalogues();
        for lang in [self.lang, Lang::En] {
            let Some(bundle) = cats.0.get(&lang) else { continue };
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                return text.into_owned();
            }
        }
        tracing::warn!(id, "missing translation");
        id.to_string()
    }
}

/// A Fluent argument value (numbers keep plural rules working).
pub struct FluentArg(FluentValue<'static>);

impl From<u64> for FluentArg {
    fn from(v: u64) -> Self {
        FluentArg(FluentValue::from(v))
    }
}
impl From<i64> for FluentArg {
    fn from(v: i64) -> Self {
        FluentArg(FluentValue::from(v))
    }
}
impl From<i32> for FluentArg {
    fn from(v: i32) -> Self {
        FluentArg(FluentValue::from(v))
    }
}
impl From<u32> for FluentArg {
    fn from(v: u32) -> Self {
        FluentArg(FluentValue::from(v))
    }
}
impl From<usize> for FluentArg {
    fn from(v: usize) -> Self {
        FluentArg(FluentValue::from(v))
    }
}
impl From<&str> for FluentArg {
    fn from(v: &str) -> Self {
        FluentArg(FluentValue::from(v.to_string()))
    }
}
impl From<String> for FluentArg {
    fn from(v: String) -> Self {
        FluentArg(FluentValue::from(v))
    }
}

/// The language of a request: cookie, then `Accept-Language` (in the order given), then English.
pub fn negotiate(parts: &Parts) -> Lang {
    let from_cookie = parts
        .headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().strip_prefix(LANG_COOKIE)?.strip_prefix('='))
        .find_map(Lang::parse);
    if let Some(lang) = from_cookie {
        return lang;
    }
    let mut ranges: Vec<(f32, Lang)> = parts
        .headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(',')
        .filter_map(|range| {
            let mut it = range.split(';');
            let lang = Lang::parse(it.next()?)?;
            let q = it.find_map(|p| p.trim().strip_prefix("q=")?.parse::<f32>().ok()).unwrap_or(1.0);
            Some((q, lang))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranges.first().map_or(Lang::En, |r| r.1)
}

impl<S: Send + Sync> FromRequestParts<S> for Tr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Tr::new(negotiate(parts)))
    }
}
