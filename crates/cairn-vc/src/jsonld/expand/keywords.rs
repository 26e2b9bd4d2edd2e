//! Step 13.4 of the Expansion algorithm: entries whose key expands to a keyword.

use std::sync::Arc;

use serde_json::Value;

use super::{Entries, Expanded, Expander, MapResult};
use crate::jsonld::context::{ActiveContext, Direction};
use crate::jsonld::error::{loss, perr, JsonLdError};
use crate::jsonld::iri::{is_absolute_or_blank, is_well_formed_language};
use crate::jsonld::item::{add_values, Item, NodeId};

/// Whether `result` already has an entry for `kw` that a second one would collide with.
fn collides(r: &MapResult, kw: &str, mode_1_0: bool) -> bool {
    match kw {
        "@id" => r.id.is_some(),
        "@type" => mode_1_0 && r.has_type,
        "@value" => r.value.is_some(),
        "@language" => r.language.is_some(),
        "@direction" => r.direction.is_some(),
        "@index" => r.index.is_some(),
        "@list" => r.list.is_some(),
        "@set" => r.set.is_some(),
        "@graph" => r.graph.is_some(),
        "@reverse" => r.has_reverse,
        _ => false,
    }
}

impl Expander<'_> {
    /// Expands the entry `key: value` whose key expands to the keyword `kw`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn keyword(
        &self,
        ctx: &Arc<ActiveContext>,
        env: &Entries<'_>,
        ap: Option<&str>,
        key: &str,
        kw: &str,
        value: &Value,
        r: &mut MapResult,
    ) -> Result<(), JsonLdError> {
        if ap == Some("@reverse") {
            return Err(perr("invalid reverse property map", format!("keyword `{key}` inside @reverse")));
        }
        let mode_1_0 = self.env.mode_1_0;
        if collides(r, kw, mode_1_0) {
            return Err(perr("colliding keywords", format!("`{key}` collides with another {kw} entry")));
        }
        match kw {
            "@id" => self.id_entry(ctx, value, r)?,
            "@type" => self.type_entry(env, value, r)?,
            "@graph" => r.graph = Some(self.expand(ctx, Some("@graph"), value, false)?.into_vec()),
            "@included" if !mode_1_0 => {
                // Expanded as values of a property, so that scalars, value and list objects
                // are kept and rejected below rather than dropped as free-floating.
                let items = self.expand(ctx, Some("@included"), value, false)?.into_vec();
                if items.iter().any(|i| !matches!(i, Item::Node(_))) {
                    return Err(perr("invalid @included value", "@included values must be node objects"));
                }
                r.included.get_or_insert_with(Vec::new).extend(items);
            }
            "@value" => {
                if env.input_json {
                    if mode_1_0 {
                        return Err(perr("invalid value object value", "@json in json-ld-1.0 mode"));
                    }
                } else if value.is_object() || value.is_array() {
                    return Err(perr("invalid value object value", format!("@value {value} is not a scalar")));
                }
                r.value = Some(value.clone());
            }
            "@language" => {
                let Value::String(s) = value else {
                    return Err(perr("invalid language-tagged string", format!("@language {value} is not a string")));
                };
                if !is_well_formed_language(s) {
                    loss(self.safe(), s, "invalid @language value")?;
                }
                r.language = Some(s.to_lowercase());
            }
            "@direction" if !mode_1_0 => {
                let Some(dir) = value.as_str().and_then(Direction::parse) else {
                    return Err(perr("invalid base direction", format!("@direction {value} is not ltr or rtl")));
                };
                r.direction = Some(dir);
            }
            "@index" => {
                let Value::String(s) = value else {
                    return Err(perr("invalid @index value", format!("@index {value} is not a string")));
                };
                r.index = Some(s.clone());
            }
            "@list" => {
                if ap.is_none() || ap == Some("@graph") {
                    return loss(self.safe(), key, "free-floating list dropped");
                }
                r.list = Some(self.expand(ctx, ap, value, false)?.into_vec());
            }
            "@set" => match self.expand(ctx, ap, value, false)? {
                Expanded::Null => {}
                e => r.set = Some(e),
            },
            "@reverse" => self.reverse_entry(ctx, value, r)?,
            "@included" | "@direction" => {}
            _ => loss(self.safe(), key, "unsupported keyword entry dropped")?,
        }
        Ok(())
    }

    /// `@id`.
    fn id_entry(&self, ctx: &ActiveContext, value: &Value, r: &mut MapResult) -> Result<(), JsonLdError> {
        let Value::String(s) = value else {
            return Err(perr("invalid @id value", format!("@id must be a string, not {value}")));
        };
        r.id = Some(match ctx.expand_iri(s, true, false) {
            None => {
                loss(self.safe(), s, "@id has the form of a keyword and is dropped")?;
                NodeId::Null
            }
            Some(iri) => {
                if !is_absolute_or_blank(&iri) {
                    loss(self.safe(), s, "relative @id reference")?;
                }
                NodeId::Id(iri.into_owned())
            }
        });
        Ok(())
    }

    /// `@type`, expanded with the type-scoped context.
    fn type_entry(&self, env: &Entries<'_>, value: &Value, r: &mut MapResult) -> Result<(), JsonLdError> {
        let values: &[Value] = match value {
            Value::Array(a) => a,
            other => std::slice::from_ref(other),
        };
        if r.has_type || value.is_array() {
            r.type_not_single = true;
        }
        r.has_type = true;
        for v in values {
            let Value::String(s) = v else {
                return Err(perr("invalid type value", format!("@type must be strings, not {value}")));
            };
            match env.type_scoped.expand_iri(s, true, true) {
                None => {
                    loss(self.safe(), s, "@type has the form of a keyword and is dropped")?;
                    r.type_not_single = true;
                }
                Some(t) => {
                    if t != "@json" && !is_absolute_or_blank(&t) {
                        loss(self.safe(), s, "relative @type reference")?;
                    }
                    r.types.push(t.into_owned());
                }
            }
        }
        Ok(())
    }

    /// `@reverse`.
    fn reverse_entry(&self, ctx: &Arc<ActiveContext>, value: &Value, r: &mut MapResult) -> Result<(), JsonLdError> {
        if !value.is_object() {
            return Err(perr("invalid @reverse value", format!("@reverse {value} is not an object")));
        }
        if let Expanded::One(Item::Node(inner)) = self.expand(ctx, Some("@reverse"), value, false)? {
            let inner = *inner;
            for (p, items) in inner.reverse {
                add_values(&mut r.props, &p, items);
            }
            for (p, items) in inner.props {
                if items.iter().any(|i| matches!(i, Item::Value(_) | Item::List(..))) {
                    let msg = format!("reverse property `{p}` has a value or list object");
                    return Err(perr("invalid reverse property value", msg));
                }
                add_values(&mut r.reverse, &p, items);
            }
        }
        r.has_reverse = !r.reverse.is_empty();
        Ok(())
    }
}
