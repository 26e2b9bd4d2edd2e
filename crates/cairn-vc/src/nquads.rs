//! N-Quads parser (RDF 1.1 N-Quads): one statement per line, comments and blank lines
//! allowed, IRIs and literals unescaped (`UCHAR`, `ECHAR`) into [`Quad`]s.

use crate::rdf::{Literal, Quad, Term, RDF_LANG_STRING, XSD_STRING};

/// A syntax error in an N-Quads document, naming the 1-based line it occurred on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("N-Quads syntax error on line {line}: {kind}")]
pub struct NQuadsError {
    /// 1-based line number.
    pub line: usize,
    /// What went wrong.
    pub kind: NQuadsErrorKind,
}

/// The kind of an [`NQuadsError`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NQuadsErrorKind {
    /// The line ended before the statement was complete.
    #[error("unexpected end of line, expected {0}")]
    UnexpectedEnd(&'static str),
    /// A character that cannot start or continue the expected token.
    #[error("unexpected character {found:?}, expected {expected}")]
    Unexpected {
        /// What the grammar expected here.
        expected: &'static str,
        /// The character found instead.
        found: char,
    },
    /// An IRI without a scheme or with a character IRIs may not contain.
    #[error("invalid IRI <{0}>")]
    BadIri(String),
    /// An unknown `\` escape or a `\u`/`\U` escape that is not a Unicode scalar value.
    #[error("invalid escape sequence {0:?}")]
    BadEscape(String),
    /// A language tag not matching `[a-zA-Z]+('-'[a-zA-Z0-9]+)*`.
    #[error("invalid language tag {0:?}")]
    BadLanguage(String),
    /// An empty or malformed blank node label.
    #[error("invalid blank node label {0:?}")]
    BadBlankLabel(String),
    /// A literal used as subject or graph name.
    #[error("a literal cannot be the {0}")]
    LiteralNotAllowed(&'static str),
    /// A blank node used as predicate.
    #[error("a blank node cannot be the predicate")]
    BlankPredicate,
}

/// Parses an N-Quads document into quads, in document order (duplicates are kept).
pub fn parse_nquads(input: &str) -> Result<Vec<Quad>, NQuadsError> {
    let mut quads = Vec::new();
    for (i, line) in input.split('\n').enumerate() {
        let mut cur = Cursor { rest: line };
        cur.skip_ws();
        if cur.rest.is_empty() || cur.rest.starts_with('#') {
            continue;
        }
        let quad = parse_statement(&mut cur).map_err(|kind| NQuadsError { line: i + 1, kind })?;
        quads.push(quad);
    }
    Ok(quads)
}

type Res<T> = Result<T, NQuadsErrorKind>;

struct Cursor<'a> {
    rest: &'a str,
}

impl<'a> Cursor<'a> {
    fn skip_ws(&mut self) {
        self.rest = self.rest.trim_start_matches([' ', '\t', '\r']);
    }

    fn peek(&self) -> Option<char> {
        self.rest.chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.rest = self.rest.get(c.len_utf8()..).unwrap_or_default();
        Some(c)
    }

    fn expect(&mut self, want: char, what: &'static str) -> Res<()> {
        match self.bump() {
            Some(c) if c == want => Ok(()),
            Some(found) => Err(NQuadsErrorKind::Unexpected { expected: what, found }),
            None => Err(NQuadsErrorKind::UnexpectedEnd(what)),
        }
    }

    /// Splits off the longest prefix whose characters satisfy `f`.
    fn take_while(&mut self, f: impl Fn(char) -> bool) -> &'a str {
        let end = self.rest.find(|c| !f(c)).unwrap_or(self.rest.len());
        let (head, tail) = self.rest.split_at(end);
        self.rest = tail;
        head
    }
}

fn parse_statement(cur: &mut Cursor<'_>) -> Res<Quad> {
    let subject = parse_term(cur, "subject")?;
    if matches!(subject, Term::Literal(_)) {
        return Err(NQuadsErrorKind::LiteralNotAllowed("subject"));
    }
    cur.skip_ws();
    let predicate = match cur.peek() {
        Some('<') => Term::Iri(parse_iri(cur)?),
        Some('_') => return Err(NQuadsErrorKind::BlankPredicate),
        Some(found) => return Err(NQuadsErrorKind::Unexpected { expected: "predicate IRI", found }),
        None => return Err(NQuadsErrorKind::UnexpectedEnd("predicate IRI")),
    };
    let object = parse_term(cur, "object")?;
    cur.skip_ws();
    let graph = if cur.peek() == Some('.') {
        None
    } else {
        let g = parse_term(cur, "graph name or '.'")?;
        if matches!(g, Term::Literal(_)) {
            return Err(NQuadsErrorKind::LiteralNotAllowed("graph name"));
        }
        cur.skip_ws();
        Some(g)
    };
    cur.expect('.', "'.' ending the statement")?;
    cur.skip_ws();
    match cur.peek() {
        None | Some('#') => Ok(Quad { subject, predicate, object, graph }),
        Some(found) => Err(NQuadsErrorKind::Unexpected { expected: "end of line", found }),
    }
}

fn parse_term(cur: &mut Cursor<'_>, what: &'static str) -> Res<Term> {
    cur.skip_ws();
    match cur.peek() {
        Some('<') => Ok(Term::Iri(parse_iri(cur)?)),
        Some('_') => Ok(Term::Blank(parse_blank(cur)?)),
        Some('"') => Ok(Term::Literal(parse_literal(cur)?)),
        Some(found) => Err(NQuadsErrorKind::Unexpected { expected: what, found }),
        None => Err(NQuadsErrorKind::UnexpectedEnd(what)),
    }
}

fn parse_iri(cur: &mut Cursor<'_>) -> Res<String> {
    cur.expect('<', "'<'")?;
    let mut iri = String::new();
    loop {
        iri.push_str(cur.take_while(|c| c != '>' && c != '\\' && !forbidden_in_iri(c)));
        match cur.bump() {
            None => return Err(NQuadsErrorKind::UnexpectedEnd("'>' closing the IRI")),
            Some('>') => break,
            Some('\\') => match cur.bump() {
                Some(c @ ('u' | 'U')) => iri.push(parse_uchar(cur, c)?),
                other => return Err(bad_escape(other)),
            },
            Some(c) => {
                iri.push(c);
                return Err(NQuadsErrorKind::BadIri(iri));
            }
        }
    }
    if !has_scheme(&iri) {
        return Err(NQuadsErrorKind::BadIri(iri));
    }
    Ok(iri)
}

/// Characters `IRIREF` excludes (besides `>` and `\\`, handled by the caller).
fn forbidden_in_iri(c: char) -> bool {
    c <= ' ' || matches!(c, '<' | '"' | '{' | '}' | '|' | '^' | '`')
}

/// `scheme ":"` with `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (RFC 3986).
fn has_scheme(iri: &str) -> bool {
    let Some((scheme, _)) = iri.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

fn parse_blank(cur: &mut Cursor<'_>) -> Res<String> {
    cur.expect('_', "'_:'")?;
    cur.expect(':', "':' after '_'")?;
    let rest = cur.rest;
    let end = rest.find(|c| !is_label_char(c)).unwrap_or(rest.len());
    // A label may not end with '.': that dot ends the statement.
    let label = rest.get(..end).unwrap_or_default().trim_end_matches('.');
    cur.rest = rest.get(label.len()..).unwrap_or_default();
    let first_ok = label.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_' || c > '\u{7f}');
    if !first_ok {
        return Err(NQuadsErrorKind::BadBlankLabel(label.to_owned()));
    }
    Ok(label.to_owned())
}

/// `PN_CHARS` plus `.`, approximated: ASCII letters, digits, `_`, `-`, `.`, and any
/// non-ASCII letter or mark.
fn is_label_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_-.".contains(c) || (c > '\u{7f}' && !c.is_whitespace())
}

fn parse_literal(cur: &mut Cursor<'_>) -> Res<Literal> {
    cur.expect('"', "'\"'")?;
    let mut value = String::new();
    loop {
        value.push_str(cur.take_while(|c| c != '"' && c != '\\'));
        match cur.bump() {
            None => return Err(NQuadsErrorKind::UnexpectedEnd("'\"' closing the literal")),
            Some('"') => break,
            Some('\\') => value.push(parse_escape(cur)?),
            Some(c) => value.push(c),
        }
    }
    match cur.peek() {
        Some('@') => {
            cur.bump();
            let tag = cur.take_while(|c| c.is_ascii_alphanumeric() || c == '-');
            if !valid_language(tag) {
                return Err(NQuadsErrorKind::BadLanguage(tag.to_owned()));
            }
            Ok(Literal { value, datatype: RDF_LANG_STRING.to_owned(), language: Some(tag.to_owned()) })
        }
        Some('^') => {
            cur.bump();
            cur.expect('^', "'^^' before the datatype IRI")?;
            let datatype = parse_iri(cur)?;
            Ok(Literal { value, datatype, language: None })
        }
        _ => Ok(Literal { value, datatype: XSD_STRING.to_owned(), language: None }),
    }
}

/// `[a-zA-Z]+ ('-' [a-zA-Z0-9]+)*`
fn valid_language(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first_ok = parts.next().is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphabetic()));
    first_ok && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// After a `\` inside a literal: `ECHAR` or `UCHAR`.
fn parse_escape(cur: &mut Cursor<'_>) -> Res<char> {
    match cur.bump() {
        Some('t') => Ok('\t'),
        Some('b') => Ok('\u{8}'),
        Some('n') => Ok('\n'),
        Some('r') => Ok('\r'),
        Some('f') => Ok('\u{c}'),
        Some('"') => Ok('"'),
        Some('\'') => Ok('\''),
        Some('\\') => Ok('\\'),
        Some(c @ ('u' | 'U')) => parse_uchar(cur, c),
        other => Err(bad_escape(other)),
    }
}

/// After `\u` (4 hex digits) or `\U` (8 hex digits).
fn parse_uchar(cur: &mut Cursor<'_>, kind: char) -> Res<char> {
    let len = if kind == 'u' { 4 } else { 8 };
    let digits = cur.rest.get(..len).unwrap_or(cur.rest);
    let escape = format!("\\{kind}{digits}");
    if digits.len() != len || !digits.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(NQuadsErrorKind::BadEscape(escape));
    }
    cur.rest = cur.rest.get(len..).unwrap_or_default();
    u32::from_str_radix(digits, 16).ok().and_then(char::from_u32).ok_or(NQuadsErrorKind::BadEscape(escape))
}

fn bad_escape(after: Option<char>) -> NQuadsErrorKind {
    NQuadsErrorKind::BadEscape(after.map_or_else(|| "\\".to_owned(), |c| format!("\\{c}")))
}

#[cfg(test)]
mod tests;
