//! The Expansion algorithm (JSON-LD 1.1 API §5.1), producing typed [`Item`]s.

mod containers;
mod finalize;
mod keywords;

use std::sync::Arc;

use serde_json::{Map, Value};

use super::context::{ActiveContext, Container, Direction, Env, Flags};
use super::error::{loss, perr, JsonLdError};
use super::iri::{is_absolute_or_blank, is_keyword};
use super::item::{add_values, Item, Lit, Node, NodeId, Props, ValueObj};

/// The result of expanding one element: `null`, one item, or an array of items.
pub(crate) enum Expanded {
    Null,
    One(Item),
    Many(Vec<Item>),
}

impl Expanded {
    pub fn into_vec(self) -> Vec<Item> {
        match self {
            Expanded::Null => Vec::new(),
            Expanded::One(i) => vec![i],
            Expanded::Many(v) => v,
        }
    }
}

/// The entries gathered while expanding one map (the spec's `result`).
#[derive(Default)]
struct MapResult {
    id: Option<NodeId>,
    has_type: bool,
    types: Vec<String>,
    /// `@type` was an array, came from several keys, or had a `null` (keyword-like) entry.
    type_not_single: bool,
    value: Option<Value>,
    language: Option<String>,
    direction: Option<Direction>,
    index: Option<String>,
    list: Option<Vec<Item>>,
    set: Option<Expanded>,
    graph: Option<Vec<Item>>,
    included: Option<Vec<Item>>,
    has_reverse: bool,
    reverse: Props,
    props: Props,
}

impl MapResult {
    fn count(&self) -> usize {
        usize::from(self.id.is_some())
            + usize::from(self.has_type)
            + usize::from(self.value.is_some())
            + usize::from(self.language.is_some())
            + usize::from(self.direction.is_some())
            + usize::from(self.index.is_some())
            + usize::from(self.list.is_some())
            + usize::from(self.set.is_some())
            + usize::from(self.graph.is_some())
            + usize::from(self.included.is_some())
            + usize::from(self.has_reverse)
            + self.props.len()
    }
}

/// Expansion state shared by the whole document.
pub(crate) struct Expander<'a> {
    pub env: &'a Env<'a>,
    /// The document's URL, used to resolve relative context references.
    pub base_url: Option<&'a str>,
}

impl Expander<'_> {
    fn safe(&self) -> bool {
        self.env.safe
    }

    /// Expands a whole document: the top-level `@graph` of a lone graph object is unwrapped.
    pub fn expand_document(&self, ctx: &Arc<ActiveContext>, input: &Value) -> Result<Vec<Item>, JsonLdError> {
        match self.expand(ctx, None, input, false)? {
            Expanded::One(Item::Node(n)) if n.id == NodeId::Missing && n.index.is_none() && n.is_graph_object() => {
                Ok(n.graph.unwrap_or_default())
            }
            other => Ok(other.into_vec()),
        }
    }

    /// The Expansion algorithm for one element.
    pub fn expand(
        &self,
        ctx: &Arc<ActiveContext>,
        ap: Option<&str>,
        element: &Value,
        from_map: bool,
    ) -> Result<Expanded, JsonLdError> {
        match element {
            Value::Null => Ok(Expanded::Null),
            Value::Array(items) => {
                let is_list = ap.and_then(|p| ctx.term(p)).is_some_and(|d| d.container.has(Container::LIST));
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    match self.expand(ctx, ap, item, from_map)? {
                        Expanded::Null => {}
                        Expanded::One(i) => out.push(i),
                        Expanded::Many(v) if is_list => out.push(Item::List(v, None)),
                        Expanded::Many(v) => out.extend(v),
                    }
                }
                Ok(Expanded::Many(out))
            }
            Value::Object(map) => self.expand_map(ctx, ap, map, from_map),
            scalar => {
                if ap.is_none() || ap == Some("@graph") {
                    loss(self.safe(), &scalar.to_string(), "free-floating scalar dropped")?;
                    return Ok(Expanded::Null);
                }
                let scoped = ap.and_then(|p| ctx.term(p)).and_then(|d| d.context.as_ref());
                let item = match scoped {
                    Some(sc) => {
                        let flags = Flags { override_protected: true, ..Flags::DEFAULT };
                        let ctx = self.env.process_scoped(ctx, sc, flags)?;
                        self.value_expansion(&ctx, ap, scalar)?
                    }
                    None => self.value_expansion(ctx, ap, scalar)?,
                };
                Ok(Expanded::One(item))
            }
        }
    }

    fn expand_map(
        &self,
        ctx0: &Arc<ActiveContext>,
        ap: Option<&str>,
        map: &Map<String, Value>,
        from_map: bool,
    ) -> Result<Expanded, JsonLdError> {
        let mut ctx = ctx0.clone();
        if let (Some(prev), false) = (&ctx0.previous, from_map) {
            let keep = map.keys().any(|k| match ctx0.expand_iri(k, false, true).as_deref() {
                Some("@value") => true,
                Some("@id") => map.len() == 1,
                _ => false,
            });
            if !keep {
                ctx = prev.clone();
            }
        }
        if let Some(sc) = ap.and_then(|p| ctx0.term(p)).and_then(|d| d.context.as_ref()) {
            let flags = Flags { override_protected: true, ..Flags::DEFAULT };
            ctx = self.env.process_scoped(&ctx, sc, flags)?;
        }
        if let Some(local) = map.get("@context") {
            ctx = self.env.process(&ctx, local, self.base_url, &[], Flags::DEFAULT, true)?;
        }
        let type_scoped = ctx.clone();
        let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut first_type_key = None;
        for &key in &keys {
            if type_scoped.expand_iri(key, false, true).as_deref() != Some("@type") {
                continue;
            }
            let value = map.get(key);
            first_type_key = first_type_key.or(value);
            let mut terms: Vec<&str> = match value {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            terms.sort_unstable();
            for t in terms {
                if let Some(sc) = type_scoped.term(t).and_then(|d| d.context.as_ref()) {
                    let flags = Flags { propagate: false, ..Flags::DEFAULT };
                    ctx = self.env.process_scoped(&ctx, sc, flags)?;
                }
            }
        }
        let last_type = match first_type_key {
            Some(Value::String(s)) => Some(s.as_str()),
            Some(Value::Array(a)) => a.last().and_then(Value::as_str),
            _ => None,
        };
        let input_json = last_type.is_some_and(|t| ctx.expand_iri(t, false, true).as_deref() == Some("@json"));
        let mut r = MapResult::default();
        let env = Entries { type_scoped: &type_scoped, input_json };
        self.entries(&ctx, &env, ap, map, &keys, &mut r)?;
        self.finalize(r, ap)
    }

    /// Steps 13 and 14: expands each entry of `map` (and of its nested `@nest` values) into `r`.
    fn entries(
        &self,
        ctx: &Arc<ActiveContext>,
        env: &Entries<'_>,
        ap: Option<&str>,
        map: &Map<String, Value>,
        keys: &[&str],
        r: &mut MapResult,
    ) -> Result<(), JsonLdError> {
        let mut nests: Vec<&str> = Vec::new();
        for &key in keys {
            if key == "@context" {
                continue;
            }
            let Some(value) = map.get(key) else { continue };
            let ep = match ctx.expand_iri(key, false, true) {
                Some(ep) if is_keyword(&ep) => {
                    if ep == "@nest" {
                        nests.push(key);
                    } else {
                        self.keyword(ctx, env, ap, key, &ep, value, r)?;
                    }
                    continue;
                }
                Some(ep) if ep.contains(':') && (!self.safe() || is_absolute_or_blank(&ep)) => ep,
                _ => {
                    loss(self.safe(), key, "property dropped: it does not expand to an absolute IRI or keyword")?;
                    continue;
                }
            };
            self.property(ctx, key, &ep, value, r)?;
        }
        nests.sort_unstable();
        for nest_key in nests {
            let nested: &[Value] = match map.get(nest_key) {
                Some(Value::Array(a)) => a,
                Some(v) => std::slice::from_ref(v),
                None => &[],
            };
            let mut nctx = ctx.clone();
            if let Some(sc) = ctx.term(nest_key).and_then(|d| d.context.as_ref()) {
                let flags = Flags { override_protected: true, ..Flags::DEFAULT };
                nctx = self.env.process_scoped(ctx, sc, flags)?;
            }
            for nv in nested {
                let Value::Object(nm) = nv else {
                    return Err(perr("invalid @nest value", format!("`{nest_key}` must hold node objects")));
                };
                if nm.keys().any(|k| ctx.expand_iri(k, false, true).as_deref() == Some("@value")) {
                    return Err(perr("invalid @nest value", format!("`{nest_key}` holds a value object")));
                }
                let mut nkeys: Vec<&str> = nm.keys().map(String::as_str).collect();
                nkeys.sort_unstable();
                self.entries(&nctx, env, Some(nest_key), nm, &nkeys, r)?;
            }
        }
        Ok(())
    }

    /// Steps 13.5 to 13.14 for a key that expands to a property IRI `ep`.
    fn property(
        &self,
        ctx: &Arc<ActiveContext>,
        key: &str,
        ep: &str,
        value: &Value,
        r: &mut MapResult,
    ) -> Result<(), JsonLdError> {
        let def = ctx.term(key);
        let container = def.map(|d| d.container).unwrap_or_default();
        let expanded = if def.and_then(|d| d.type_mapping.as_deref()) == Some("@json") {
            Expanded::One(Item::Value(Box::new(ValueObj {
                value: Lit::Json(value.clone()),
                datatype: None,
                language: None,
                direction: None,
                index: None,
            })))
        } else if let (true, Value::Object(m)) = (container.has(Container::LANGUAGE), value) {
            Expanded::Many(self.language_map(ctx, def, m)?)
        } else if let (true, Value::Object(m)) =
            (container.has(Container::INDEX) || container.has(Container::TYPE) || container.has(Container::ID), value)
        {
            Expanded::Many(self.index_map(ctx, key, def, container, m)?)
        } else {
            self.expand(ctx, Some(key), value, false)?
        };
        let mut expanded = match expanded {
            Expanded::Null => return Ok(()),
            other => other,
        };
        if container.has(Container::LIST) && !matches!(expanded, Expanded::One(Item::List(..))) {
            expanded = Expanded::One(Item::List(expanded.into_vec(), None));
        }
        let mut items = expanded.into_vec();
        if container.has(Container::GRAPH) && !container.has(Container::ID) && !container.has(Container::INDEX) {
            let mut graphs = Vec::with_capacity(items.len());
            for ev in items {
                if matches!(ev, Item::Value(_) | Item::List(..)) {
                    loss(self.safe(), key, "value or list in a graph container dropped")?;
                    continue;
                }
                let mut g = Node::new(NodeId::Missing);
                g.graph = Some(vec![ev]);
                graphs.push(Item::Node(Box::new(g)));
            }
            if graphs.is_empty() {
                return Ok(());
            }
            items = graphs;
        }
        if def.is_some_and(|d| d.reverse) {
            if items.iter().any(|i| matches!(i, Item::Value(_) | Item::List(..))) {
                return Err(perr(
                    "invalid reverse property value",
                    format!("reverse property `{key}` has a value or list object"),
                ));
            }
            r.has_reverse = true;
            add_values(&mut r.reverse, ep, items);
        } else {
            add_values(&mut r.props, ep, items);
        }
        Ok(())
    }
}

/// Per-map state for step 13 that does not change across `@nest` levels.
struct Entries<'c> {
    type_scoped: &'c Arc<ActiveContext>,
    input_json: bool,
}
