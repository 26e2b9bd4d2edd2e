//! RDF terms, quads and canonical N-Quads serialization (RDF 1.1 / RDFC-1.0 form).

use std::fmt::Write as _;

/// `rdf:type`.
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
/// `rdf:first`.
pub const RDF_FIRST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
/// `rdf:rest`.
pub const RDF_REST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
/// `rdf:nil`.
pub const RDF_NIL: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
/// `rdf:langString`.
pub const RDF_LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
/// `rdf:JSON`.
pub const RDF_JSON: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON";
/// `xsd:string`.
pub const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
/// `xsd:boolean`.
pub const XSD_BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
/// `xsd:integer`.
pub const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
/// `xsd:double`.
pub const XSD_DOUBLE: &str = "http://www.w3.org/2001/XMLSchema#double";

/// An RDF term. Blank node labels are stored without the `_:` prefix.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Term {
    /// An absolute IRI.
    Iri(String),
    /// A blank node label, without `_:`.
    Blank(String),
    /// A literal.
    Literal(Literal),
}

/// An RDF literal. `datatype` is always set: `rdf:langString` for language-tagged strings.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Literal {
    /// Lexical form.
    pub value: String,
    /// Datatype IRI.
    pub datatype: String,
    /// Language tag, only with `rdf:langString`.
    pub language: Option<String>,
}

/// A quad; `graph` is `None` for the default graph.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quad {
    /// Subject: IRI or blank node.
    pub subject: Term,
    /// Predicate: IRI (blank node only in generalized RDF).
    pub predicate: Term,
    /// Object.
    pub object: Term,
    /// Graph name: IRI or blank node, `None` for the default graph.
    pub graph: Option<Term>,
}

impl Term {
    /// Shorthand for an IRI term.
    pub fn iri(s: impl Into<String>) -> Self {
        Term::Iri(s.into())
    }

    /// Writes the term in canonical N-Quads form.
    pub fn write_nquads(&self, out: &mut String) {
        match self {
            Term::Iri(iri) => {
                out.push('<');
                out.push_str(iri);
                out.push('>');
            }
            Term::Blank(label) => {
                out.push_str("_:");
                out.push_str(label);
            }
            Term::Literal(lit) => lit.write_nquads(out),
        }
    }
}

impl Literal {
    /// Writes the literal in canonical N-Quads form: `xsd:string` is implicit,
    /// language-tagged strings carry `@lang`, other datatypes `^^<iri>`.
    pub fn write_nquads(&self, out: &mut String) {
        out.push('"');
        escape_literal(&self.value, out);
        out.push('"');
        if let Some(lang) = &self.language {
            out.push('@');
            out.push_str(lang);
        } else if self.datatype != XSD_STRING {
            out.push_str("^^<");
            out.push_str(&self.datatype);
            out.push('>');
        }
    }
}

/// Escapes a literal's lexical form as canonical N-Quads requires: `\"`, `\\`, `\n`, `\r`
/// as ECHAR, `\t` `\b` `\f` too, and the other control characters as `\u00XX`.
pub fn escape_literal(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{0}'..='\u{1f}' | '\u{7f}' => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
}

impl Quad {
    /// Writes the quad as one canonical N-Quads line, ending in `\n`.
    pub fn write_nquads(&self, out: &mut String) {
        self.subject.write_nquads(out);
        out.push(' ');
        self.predicate.write_nquads(out);
        out.push(' ');
        self.object.write_nquads(out);
        out.push(' ');
        if let Some(g) = &self.graph {
            g.write_nquads(out);
            out.push(' ');
        }
        out.push_str(".\n");
    }

    /// The quad as one N-Quads line, ending in `\n`.
    pub fn to_nquads(&self) -> String {
        let mut s = String::with_capacity(128);
        self.write_nquads(&mut s);
        s
    }
}

/// Serializes quads to N-Quads in the given order.
pub fn to_nquads(quads: &[Quad]) -> String {
    let mut s = String::with_capacity(quads.len() * 128);
    for q in quads {
        q.write_nquads(&mut s);
    }
    s
}
