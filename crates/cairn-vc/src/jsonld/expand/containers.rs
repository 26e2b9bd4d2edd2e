//! Language maps, index / id / type maps (steps 13.7 and 13.8) and Value Expansion (§5.3).

use std::sync::Arc;

use serde_json::{Map, Value};

use super::Expander;
use crate::jsonld::context::{ActiveContext, Container, Flags, TermDef};
use crate::jsonld::error::{loss, perr, JsonLdError};
use crate::jsonld::iri::{is_absolute_or_blank, is_well_formed_language};
use crate::jsonld::item::{Item, Lit, Node, NodeId, ValueObj};

/// Map entries in code point order of their keys.
fn sorted(map: &Map<String, Value>) -> Vec<(&str, &Value)> {
    let mut entries: Vec<(&str, &Value)> = map.iter().map(|(k, v)| (k.as_str(), v)).collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    entries
}

fn as_slice(v: &Value) -> &[Value] {
    match v {
        Value::Array(a) => a,
        other => std::slice::from_ref(other),
    }
}

impl Expander<'_> {
    /// Step 13.7: a language map.
    pub(super) fn language_map(
        &self,
        ctx: &Arc<ActiveContext>,
        def: Option<&TermDef>,
        map: &Map<String, Value>,
    ) -> Result<Vec<Item>, JsonLdError> {
        let direction = match def.and_then(|d| d.direction) {
            Some(d) => d,
            None => ctx.direction,
        };
        let mut out = Vec::new();
        for (lang, lv) in sorted(map) {
            let none = lang == "@none" || ctx.expand_iri(lang, false, true).as_deref() == Some("@none");
            for item in as_slice(lv) {
                let s = match item {
                    Value::Null => continue,
                    Value::String(s) => s,
                    _ => {
                        return Err(perr(
                            "invalid language map value",
                            format!("language map entry `{lang}` is not a string"),
                        ))
                    }
                };
                if !none && !is_well_formed_language(lang) {
                    loss(self.safe(), lang, "invalid @language value in a language map")?;
                }
                out.push(Item::Value(Box::new(ValueObj {
                    value: Lit::String(s.clone()),
                    datatype: None,
                    language: if none { None } else { Some(lang.to_lowercase()) },
                    direction,
                    index: None,
                })));
            }
        }
        Ok(out)
    }

    /// Step 13.8: an index, id or type map.
    pub(super) fn index_map(
        &self,
        ctx: &Arc<ActiveContext>,
        key: &str,
        def: Option<&TermDef>,
        container: Container,
        map: &Map<String, Value>,
    ) -> Result<Vec<Item>, JsonLdError> {
        let index_key = def.and_then(|d| d.index.as_deref()).unwrap_or("@index");
        let mut out = Vec::new();
        for (index, index_value) in sorted(map) {
            let map_ctx = if container.has(Container::TYPE) || container.has(Container::ID) {
                let mut mc = ctx.previous.clone().unwrap_or_else(|| ctx.clone());
                if container.has(Container::TYPE) {
                    if let Some(sc) = mc.term(index).and_then(|d| d.context.clone()) {
                        mc = self.env.process_scoped(&mc, &sc, Flags::DEFAULT)?;
                    }
                }
                mc
            } else {
                ctx.clone()
            };
            let expanded_index = ctx.expand_iri(index, false, true);
            let is_none = expanded_index.as_deref() == Some("@none");
            let items = self.expand(&map_ctx, Some(key), index_value, true)?.into_vec();
            for mut item in items {
                if container.has(Container::GRAPH) && !matches!(&item, Item::Node(n) if n.is_graph_object()) {
                    let mut g = Node::new(NodeId::Missing);
                    g.graph = Some(vec![item]);
                    item = Item::Node(Box::new(g));
                }
                if container.has(Container::INDEX) && index_key != "@index" && !is_none {
                    let re = self.value_expansion(ctx, Some(index_key), &Value::String(index.to_owned()))?;
                    let Some(eik) = ctx.expand_iri(index_key, false, true) else {
                        continue;
                    };
                    match &mut item {
                        Item::Node(n) => match n.props.iter_mut().find(|(k, _)| *k == eik) {
                            Some((_, v)) => v.insert(0, re),
                            None => n.props.insert(0, (eik.into_owned(), vec![re])),
                        },
                        _ => {
                            return Err(perr(
                                "invalid value object",
                                format!("index `{index}` cannot be added to a value or list object"),
                            ))
                        }
                    }
                } else if container.has(Container::INDEX) && item.index().is_none() && !is_none {
                    item.set_index(index.to_owned());
                } else if container.has(Container::ID) && !is_none {
                    match &mut item {
                        Item::Node(n) => {
                            if n.id == NodeId::Missing {
                                n.id = match ctx.expand_iri(index, true, false) {
                                    Some(id) => {
                                        if !is_absolute_or_blank(&id) {
                                            loss(self.safe(), index, "relative @id reference")?;
                                        }
                                        NodeId::Id(id.into_owned())
                                    }
                                    None => NodeId::Null,
                                };
                            }
                        }
                        _ => return Err(perr("invalid value object", format!("id map entry `{index}` is a value"))),
                    }
                } else if container.has(Container::TYPE) && !is_none {
                    if let (Item::Node(n), Some(t)) = (&mut item, &expanded_index) {
                        n.types.insert(0, t.clone().into_owned());
                    }
                }
                out.push(item);
            }
        }
        Ok(out)
    }

    /// The Value Expansion algorithm for a scalar.
    pub(super) fn value_expansion(
        &self,
        ctx: &ActiveContext,
        ap: Option<&str>,
        value: &Value,
    ) -> Result<Item, JsonLdError> {
        let def = ap.and_then(|p| ctx.term(p));
        let type_mapping = def.and_then(|d| d.type_mapping.as_deref());
        if let (Value::String(s), Some(tm @ ("@id" | "@vocab"))) = (value, type_mapping) {
            let id = match ctx.expand_iri(s, true, tm == "@vocab") {
                Some(id) => {
                    if !is_absolute_or_blank(&id) {
                        loss(self.safe(), s, "relative IRI reference")?;
                    }
                    NodeId::Id(id.into_owned())
                }
                None => {
                    loss(self.safe(), s, "@id value has the form of a keyword and is dropped")?;
                    NodeId::Null
                }
            };
            return Ok(Item::Node(Box::new(Node::new(id))));
        }
        let mut v = ValueObj {
            value: match value {
                Value::String(s) => Lit::String(s.clone()),
                Value::Number(n) => Lit::Number(n.clone()),
                Value::Bool(b) => Lit::Bool(*b),
                other => Lit::Json(other.clone()),
            },
            datatype: None,
            language: None,
            direction: None,
            index: None,
        };
        match type_mapping {
            Some("@json") => v.value = Lit::Json(value.clone()),
            Some(t) if !matches!(t, "@id" | "@vocab" | "@none") => v.datatype = Some(t.to_owned()),
            _ => {
                if value.is_string() {
                    v.language = match def.and_then(|d| d.language.as_ref()) {
                        Some(l) => l.clone(),
                        None => ctx.language.clone(),
                    };
                    v.direction = match def.and_then(|d| d.direction) {
                        Some(d) => d,
                        None => ctx.direction,
                    };
                }
            }
        }
        Ok(Item::Value(Box::new(v)))
    }
}
