//! Deserialize JSON-LD to RDF (JSON-LD 1.1 API §8.1 to §8.3) straight from the expanded items.
//!
//! The spec builds a node map first; the quads it yields are the quads of every node, value
//! and list in the expanded document, which is what this walk emits directly (duplicates are
//! removed at the end, as the node map would have merged them). Blank nodes are labeled
//! `b0`, `b1`, ... in order of first use.

use std::collections::HashMap;

use super::context::Direction;
use super::error::{loss, JsonLdError};
use super::iri::{is_blank, is_well_formed_iri, is_well_formed_language};
use super::item::{Item, Lit, Node, NodeId, ValueObj};
use super::literal::{canonical_json, number_lexical};
use super::{Options, RdfDirection};
use crate::rdf::{
    Literal, Quad, Term, RDF_FIRST, RDF_JSON, RDF_LANG_STRING, RDF_NIL, RDF_REST, RDF_TYPE, XSD_BOOLEAN, XSD_STRING,
};

const RDF_VALUE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#value";
const RDF_LANGUAGE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#language";
const RDF_DIRECTION: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#direction";
const I18N: &str = "https://www.w3.org/ns/i18n#";

/// The graph triples are written to.
#[derive(Clone)]
enum Graph {
    Default,
    Named(Term),
    /// A graph whose name is not well-formed: its triples are dropped.
    Invalid,
}

/// Writes quads for expanded items.
pub(crate) struct RdfWriter<'o> {
    opts: &'o Options,
    quads: Vec<Quad>,
    labels: HashMap<String, String>,
    counter: usize,
}

impl<'o> RdfWriter<'o> {
    pub fn new(opts: &'o Options) -> Self {
        RdfWriter { opts, quads: Vec::new(), labels: HashMap::new(), counter: 0 }
    }

    /// Converts the top-level items of an expanded document; returns the deduplicated quads.
    pub fn write(mut self, items: &[Item]) -> Result<Vec<Quad>, JsonLdError> {
        for item in items {
            self.top(item, &Graph::Default)?;
        }
        let mut quads = self.quads;
        quads.sort_unstable();
        quads.dedup();
        Ok(quads)
    }

    fn safe(&self) -> bool {
        self.opts.safe_mode
    }

    fn fresh(&mut self) -> String {
        let label = format!("b{}", self.counter);
        self.counter += 1;
        label
    }

    /// The label of the document blank node `id` (`_:x`), issued on first use.
    fn label(&mut self, id: &str) -> String {
        if let Some(l) = self.labels.get(id) {
            return l.clone();
        }
        let l = self.fresh();
        self.labels.insert(id.to_owned(), l.clone());
        l
    }

    /// An IRI or blank node term for an `@id` / `@type` value, `None` if not well-formed.
    fn resource(&mut self, id: &str, what: &str) -> Result<Option<Term>, JsonLdError> {
        if is_blank(id) {
            Ok(Some(Term::Blank(self.label(id))))
        } else if is_well_formed_iri(id) {
            Ok(Some(Term::Iri(id.to_owned())))
        } else {
            loss(self.safe(), id, what)?;
            Ok(None)
        }
    }

    fn predicate(&mut self, p: &str) -> Result<Option<Term>, JsonLdError> {
        if is_blank(p) {
            if self.opts.produce_generalized_rdf {
                return Ok(Some(Term::Blank(self.label(p))));
            }
            loss(self.safe(), p, "blank node predicate dropped")?;
            return Ok(None);
        }
        self.resource(p, "relative predicate reference dropped")
    }

    fn emit(&mut self, subject: &Term, predicate: &Term, object: Term, graph: &Graph) {
        let graph = match graph {
            Graph::Invalid => return,
            Graph::Default => None,
            Graph::Named(g) => Some(g.clone()),
        };
        self.quads.push(Quad { subject: subject.clone(), predicate: predicate.clone(), object, graph });
    }

    fn top(&mut self, item: &Item, graph: &Graph) -> Result<(), JsonLdError> {
        match item {
            Item::Node(n) => {
                self.node(n, graph)?;
                Ok(())
            }
            Item::Value(_) | Item::List(..) => loss(self.safe(), "@graph", "free-floating value dropped"),
        }
    }

    /// Writes a node's triples (and those of everything it embeds); returns its term.
    fn node(&mut self, n: &Node, graph: &Graph) -> Result<Option<Term>, JsonLdError> {
        let subject = match &n.id {
            NodeId::Missing => Some(Term::Blank(self.fresh())),
            NodeId::Null => None,
            NodeId::Id(id) => self.resource(id, "relative @id reference dropped")?,
        };
        let rdf_type = Term::iri(RDF_TYPE);
        for t in &n.types {
            let object = self.resource(t, "relative @type reference dropped")?;
            if let (Some(s), Some(o)) = (&subject, object) {
                self.emit(s, &rdf_type, o, graph);
            }
        }
        if let Some(items) = &n.graph {
            let named = match &subject {
                Some(s) => Graph::Named(s.clone()),
                None => Graph::Invalid,
            };
            for item in items {
                self.top(item, &named)?;
            }
        }
        if let Some(items) = &n.included {
            for item in items {
                self.top(item, graph)?;
            }
        }
        for (p, items) in &n.reverse {
            let predicate = self.predicate(p)?;
            for item in items {
                if let Item::Node(other) = item {
                    let object = self.node(other, graph)?;
                    if let (Some(o), Some(p), Some(s)) = (object, &predicate, &subject) {
                        self.emit(&o, p, s.clone(), graph);
                    }
                }
            }
        }
        for (p, items) in &n.props {
            let predicate = self.predicate(p)?;
            for item in items {
                let object = self.object(item, graph)?;
                if let (Some(s), Some(p), Some(o)) = (&subject, &predicate, object) {
                    self.emit(s, p, o, graph);
                }
            }
        }
        Ok(subject)
    }

    fn object(&mut self, item: &Item, graph: &Graph) -> Result<Option<Term>, JsonLdError> {
        match item {
            Item::Node(n) => self.node(n, graph),
            Item::Value(v) => self.literal(v, graph),
            Item::List(items, _) => self.list(items, graph).map(Some),
        }
    }

    /// List to RDF Conversion.
    fn list(&mut self, items: &[Item], graph: &Graph) -> Result<Term, JsonLdError> {
        if items.is_empty() {
            return Ok(Term::iri(RDF_NIL));
        }
        let nodes: Vec<String> = items.iter().map(|_| self.fresh()).collect();
        let (first, rest) = (Term::iri(RDF_FIRST), Term::iri(RDF_REST));
        for (i, (label, item)) in nodes.iter().zip(items).enumerate() {
            let subject = Term::Blank(label.clone());
            if let Some(object) = self.object(item, graph)? {
                self.emit(&subject, &first, object, graph);
            }
            let next = match nodes.get(i + 1) {
                Some(l) => Term::Blank(l.clone()),
                None => Term::iri(RDF_NIL),
            };
            self.emit(&subject, &rest, next, graph);
        }
        Ok(Term::Blank(nodes.into_iter().next().unwrap_or_default()))
    }

    /// Object to RDF Conversion for a value object.
    fn literal(&mut self, v: &ValueObj, graph: &Graph) -> Result<Option<Term>, JsonLdError> {
        if let Some(dt) = &v.datatype {
            if !is_well_formed_iri(dt) {
                loss(self.safe(), dt, "literal with a malformed datatype dropped")?;
                return Ok(None);
            }
        }
        if let Some(lang) = &v.language {
            if !is_well_formed_language(lang) {
                loss(self.safe(), lang, "literal with a malformed language tag dropped")?;
                return Ok(None);
            }
        }
        let dt = v.datatype.as_deref();
        let (value, datatype) = match &v.value {
            Lit::Json(j) => (canonical_json(j), RDF_JSON.to_owned()),
            Lit::Bool(b) => (b.to_string(), dt.unwrap_or(XSD_BOOLEAN).to_owned()),
            Lit::Number(n) => {
                let (lex, default) = number_lexical(n, dt);
                (lex, dt.unwrap_or(default).to_owned())
            }
            Lit::String(s) => {
                let default = if v.language.is_some() { RDF_LANG_STRING } else { XSD_STRING };
                (s.clone(), dt.unwrap_or(default).to_owned())
            }
        };
        if let Some(dir) = v.direction {
            match self.opts.rdf_direction {
                Some(RdfDirection::I18nDatatype) => {
                    let lang = v.language.as_deref().unwrap_or("").to_lowercase();
                    let datatype = format!("{I18N}{lang}_{}", dir.as_str());
                    return Ok(Some(Term::Literal(Literal { value, datatype, language: None })));
                }
                Some(RdfDirection::CompoundLiteral) => return Ok(Some(self.compound(v, value, dir, graph))),
                None => loss(self.safe(), &value, "@direction dropped: rdfDirection is not set")?,
            }
        }
        let language = if datatype == RDF_LANG_STRING { v.language.clone() } else { None };
        Ok(Some(Term::Literal(Literal { value, datatype, language })))
    }

    fn compound(&mut self, v: &ValueObj, value: String, dir: Direction, graph: &Graph) -> Term {
        let node = Term::Blank(self.fresh());
        let plain = |s: String| Term::Literal(Literal { value: s, datatype: XSD_STRING.to_owned(), language: None });
        self.emit(&node, &Term::iri(RDF_VALUE), plain(value), graph);
        if let Some(lang) = &v.language {
            self.emit(&node, &Term::iri(RDF_LANGUAGE), plain(lang.to_lowercase()), graph);
        }
        self.emit(&node, &Term::iri(RDF_DIRECTION), plain(dir.as_str().to_owned()), graph);
        node
    }
}
