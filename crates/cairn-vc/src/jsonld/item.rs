//! The expanded form as typed items: node, value and list objects. Expansion produces these
//! directly; `to_json` gives the JSON-LD expanded document form.

use serde_json::{Map, Value};

use super::context::Direction;

/// The `@id` of a node object.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum NodeId {
    /// No `@id`: a fresh blank node.
    Missing,
    /// `@id` expanded to `null` (a keyword-like value): the node cannot be referenced.
    Null,
    /// An IRI (possibly relative) or blank node identifier.
    Id(String),
}

/// Properties in insertion order.
pub(crate) type Props = Vec<(String, Vec<Item>)>;

/// Adds `items` to `key` in `props`.
pub(crate) fn add_values(props: &mut Props, key: &str, items: Vec<Item>) {
    if let Some((_, v)) = props.iter_mut().find(|(k, _)| k == key) {
        v.extend(items);
    } else {
        props.push((key.to_owned(), items));
    }
}

/// A node object.
#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub id: NodeId,
    pub types: Vec<String>,
    pub index: Option<String>,
    pub graph: Option<Vec<Item>>,
    pub included: Option<Vec<Item>>,
    pub reverse: Props,
    pub props: Props,
}

impl Node {
    pub fn new(id: NodeId) -> Self {
        Node { id, types: Vec::new(), index: None, graph: None, included: None, reverse: Vec::new(), props: Vec::new() }
    }

    /// Whether this is a graph object (`@graph` plus at most `@id` and `@index`).
    pub fn is_graph_object(&self) -> bool {
        self.graph.is_some()
            && self.types.is_empty()
            && self.included.is_none()
            && self.reverse.is_empty()
            && self.props.is_empty()
    }
}

/// The literal of a value object.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Lit {
    String(String),
    Number(serde_json::Number),
    Bool(bool),
    /// A JSON literal (`@type: @json`).
    Json(Value),
}

/// A value object.
#[derive(Clone, Debug)]
pub(crate) struct ValueObj {
    pub value: Lit,
    /// Datatype IRI; `None` for plain strings. Not set for JSON literals.
    pub datatype: Option<String>,
    pub language: Option<String>,
    pub direction: Option<Direction>,
    pub index: Option<String>,
}

/// An expanded item.
#[derive(Clone, Debug)]
pub(crate) enum Item {
    Node(Box<Node>),
    Value(Box<ValueObj>),
    List(Vec<Item>, Option<String>),
}

impl Item {
    /// The item's `@index`, if any.
    pub fn index(&self) -> Option<&str> {
        match self {
            Item::Node(n) => n.index.as_deref(),
            Item::Value(v) => v.index.as_deref(),
            Item::List(_, i) => i.as_deref(),
        }
    }

    /// Sets the item's `@index`.
    pub fn set_index(&mut self, index: String) {
        match self {
            Item::Node(n) => n.index = Some(index),
            Item::Value(v) => v.index = Some(index),
            Item::List(_, i) => *i = Some(index),
        }
    }

    /// The JSON-LD expanded form of this item.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        match self {
            Item::Node(n) => {
                match &n.id {
                    NodeId::Missing => {}
                    NodeId::Null => {
                        m.insert("@id".into(), Value::Null);
                    }
                    NodeId::Id(id) => {
                        m.insert("@id".into(), Value::String(id.clone()));
                    }
                }
                if !n.types.is_empty() {
                    m.insert("@type".into(), n.types.iter().cloned().map(Value::String).collect());
                }
                if let Some(i) = &n.index {
                    m.insert("@index".into(), Value::String(i.clone()));
                }
                if let Some(g) = &n.graph {
                    m.insert("@graph".into(), items_to_json(g));
                }
                if let Some(inc) = &n.included {
                    m.insert("@included".into(), items_to_json(inc));
                }
                if !n.reverse.is_empty() {
                    m.insert("@reverse".into(), Value::Object(props_to_json(&n.reverse)));
                }
                m.extend(props_to_json(&n.props));
            }
            Item::Value(v) => {
                let value = match &v.value {
                    Lit::String(s) => Value::String(s.clone()),
                    Lit::Number(n) => Value::Number(n.clone()),
                    Lit::Bool(b) => Value::Bool(*b),
                    Lit::Json(j) => {
                        m.insert("@type".into(), Value::String("@json".into()));
                        j.clone()
                    }
                };
                m.insert("@value".into(), value);
                if let Some(t) = &v.datatype {
                    m.insert("@type".into(), Value::String(t.clone()));
                }
                if let Some(l) = &v.language {
                    m.insert("@language".into(), Value::String(l.clone()));
                }
                if let Some(d) = v.direction {
                    m.insert("@direction".into(), Value::String(d.as_str().into()));
                }
                if let Some(i) = &v.index {
                    m.insert("@index".into(), Value::String(i.clone()));
                }
            }
            Item::List(items, index) => {
                m.insert("@list".into(), items_to_json(items));
                if let Some(i) = index {
                    m.insert("@index".into(), Value::String(i.clone()));
                }
            }
        }
        Value::Object(m)
    }
}

/// The JSON array of expanded items.
pub(crate) fn items_to_json(items: &[Item]) -> Value {
    Value::Array(items.iter().map(Item::to_json).collect())
}

fn props_to_json(props: &Props) -> Map<String, Value> {
    props.iter().map(|(k, v)| (k.clone(), items_to_json(v))).collect()
}
