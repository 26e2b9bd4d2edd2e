//! Steps 15 to 19 of the Expansion algorithm: turning the entries gathered for one map into a
//! value object, list object, set, node object, or nothing.

use serde_json::Value;

use super::{Expanded, Expander, MapResult};
use crate::jsonld::error::{loss, perr, JsonLdError};
use crate::jsonld::iri::is_well_formed_iri;
use crate::jsonld::item::{Item, Lit, Node, NodeId, ValueObj};

impl Expander<'_> {
    /// Classifies the gathered entries; `ap` is the active property.
    pub(super) fn finalize(&self, r: MapResult, ap: Option<&str>) -> Result<Expanded, JsonLdError> {
        let count = r.count();
        let free = ap.is_none() || ap == Some("@graph");
        if r.value.is_some() {
            return self.value_object(r, count, free);
        }
        if r.list.is_some() || r.set.is_some() {
            if count > 1 && !(count == 2 && r.index.is_some()) {
                return Err(perr("invalid set or list object", "@set or @list with entries other than @index"));
            }
            if let Some(set) = r.set {
                return Ok(set);
            }
            if free {
                loss(self.safe(), "@list", "free-floating list dropped")?;
                return Ok(Expanded::Null);
            }
            return Ok(Expanded::One(Item::List(r.list.unwrap_or_default(), r.index)));
        }
        if count == 1 && r.language.is_some() {
            loss(self.safe(), "@language", "object with only @language dropped")?;
            return Ok(Expanded::Null);
        }
        if free && (count == 0 || (count == 1 && r.id.is_some())) {
            let (term, what) = match &r.id {
                Some(NodeId::Id(id)) => (id.as_str(), "free-floating node with only @id dropped"),
                _ => ("@id", "empty free-floating object dropped"),
            };
            loss(self.safe(), term, what)?;
            return Ok(Expanded::Null);
        }
        let mut node = Node::new(r.id.unwrap_or(NodeId::Missing));
        node.types = r.types;
        node.index = r.index;
        node.graph = r.graph;
        node.included = r.included;
        node.reverse = r.reverse;
        node.props = r.props;
        Ok(Expanded::One(Item::Node(Box::new(node))))
    }

    /// Step 15: a value object.
    fn value_object(&self, r: MapResult, count: usize, free: bool) -> Result<Expanded, JsonLdError> {
        let allowed = 1
            + usize::from(r.has_type)
            + usize::from(r.language.is_some())
            + usize::from(r.direction.is_some())
            + usize::from(r.index.is_some());
        if count != allowed || (r.has_type && (r.language.is_some() || r.direction.is_some())) {
            let msg = "a value object has entries besides @value, @type, @language, @direction, @index";
            return Err(perr("invalid value object", msg));
        }
        let single_type = if r.has_type && !r.type_not_single && r.types.len() == 1 { r.types.first() } else { None };
        let is_json = single_type.is_some_and(|t| t == "@json");
        let value = r.value.unwrap_or(Value::Null);
        let lit = if is_json {
            Lit::Json(value)
        } else {
            match value {
                Value::Null => {
                    loss(self.safe(), "@value", "value object with a null @value dropped")?;
                    return Ok(Expanded::Null);
                }
                Value::String(s) => Lit::String(s),
                Value::Number(n) if r.language.is_none() => Lit::Number(n),
                Value::Bool(b) if r.language.is_none() => Lit::Bool(b),
                Value::Number(_) | Value::Bool(_) => {
                    return Err(perr("invalid language-tagged value", "only strings can be language-tagged"))
                }
                other => return Err(perr("invalid value object value", format!("@value {other} is not a scalar"))),
            }
        };
        let datatype = match (r.has_type && !is_json, single_type) {
            (false, _) => None,
            (true, Some(t)) if is_well_formed_iri(t) => Some(t.clone()),
            (true, _) => {
                let msg = format!("value object @type {:?} is not an IRI", r.types);
                return Err(perr("invalid typed value", msg));
            }
        };
        if free {
            loss(self.safe(), "@value", "free-floating value object dropped")?;
            return Ok(Expanded::Null);
        }
        Ok(Expanded::One(Item::Value(Box::new(ValueObj {
            value: lit,
            datatype,
            language: r.language,
            direction: r.direction,
            index: r.index,
        }))))
    }
}
