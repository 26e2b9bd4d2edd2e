//! Test-only N-Quads parsing and dataset isomorphism (blank node matching by color
//! refinement plus backtracking; fine for the small graphs of the test suites).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use cairn_vc::rdf::{Literal, Quad, Term, RDF_LANG_STRING, XSD_STRING};

struct Parser<'a> {
    s: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.s[self.pos..]
    }
    fn skip_ws(&mut self) {
        while self.rest().starts_with([' ', '\t']) {
            self.pos += 1;
        }
    }
    fn take_until(&mut self, pred: impl Fn(char) -> bool) -> String {
        let end = self.rest().find(pred).unwrap_or(self.rest().len());
        let out = self.rest()[..end].to_owned();
        self.pos += end;
        out
    }
    fn escaped(&mut self, close: char) -> String {
        let mut out = String::new();
        let mut chars = self.rest().char_indices();
        while let Some((i, c)) = chars.next() {
            if c == close {
                self.pos += i + 1;
                return out;
            }
            if c != '\\' {
                out.push(c);
                continue;
            }
            let (_, e) = chars.next().unwrap();
            let hex = |n: usize, chars: &mut std::str::CharIndices| {
                let h: String = (0..n).map(|_| chars.next().unwrap().1).collect();
                char::from_u32(u32::from_str_radix(&h, 16).unwrap()).unwrap()
            };
            out.push(match e {
                't' => '\t',
                'b' => '\u{8}',
                'n' => '\n',
                'r' => '\r',
                'f' => '\u{c}',
                'u' => hex(4, &mut chars),
                'U' => hex(8, &mut chars),
                other => other,
            });
        }
        panic!("unterminated term in {}", self.s);
    }
    fn term(&mut self) -> Option<Term> {
        self.skip_ws();
        let rest = self.rest();
        if rest.starts_with('<') {
            self.pos += 1;
            Some(Term::Iri(self.escaped('>')))
        } else if rest.starts_with("_:") {
            self.pos += 2;
            Some(Term::Blank(self.take_until(|c| c == ' ' || c == '\t')))
        } else if rest.starts_with('"') {
            self.pos += 1;
            let value = self.escaped('"');
            if self.rest().starts_with('@') {
                self.pos += 1;
                let lang = self.take_until(|c| c == ' ' || c == '\t');
                Some(Term::Literal(Literal { value, datatype: RDF_LANG_STRING.into(), language: Some(lang) }))
            } else if self.rest().starts_with("^^<") {
                self.pos += 3;
                let datatype = self.escaped('>');
                Some(Term::Literal(Literal { value, datatype, language: None }))
            } else {
                Some(Term::Literal(Literal { value, datatype: XSD_STRING.into(), language: None }))
            }
        } else {
            None
        }
    }
}

pub fn parse_nquads(text: &str) -> Vec<Quad> {
    let mut quads = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut p = Parser { s: line, pos: 0 };
        let subject = p.term().unwrap();
        let predicate = p.term().unwrap();
        let object = p.term().unwrap();
        let graph = p.term();
        quads.push(Quad { subject, predicate, object, graph });
    }
    quads
}

fn blank(t: &Term) -> Option<&str> {
    match t {
        Term::Blank(b) => Some(b),
        _ => None,
    }
}

fn terms(q: &Quad) -> [Option<&Term>; 4] {
    [Some(&q.subject), Some(&q.predicate), Some(&q.object), q.graph.as_ref()]
}

/// Colors blank nodes by iterated hashing of the quads they occur in.
fn colors(quads: &[Quad]) -> HashMap<String, u64> {
    let mut color: HashMap<String, u64> = HashMap::new();
    for q in quads {
        for t in terms(q).into_iter().flatten() {
            if let Some(b) = blank(t) {
                color.insert(b.to_owned(), 0);
            }
        }
    }
    for _ in 0..4 {
        let mut sigs: HashMap<String, Vec<u64>> = HashMap::new();
        for q in quads {
            let mut h = DefaultHasher::new();
            for t in terms(q) {
                match t {
                    Some(t) => match blank(t) {
                        Some(b) => (1u8, color[b]).hash(&mut h),
                        None => (2u8, t).hash(&mut h),
                    },
                    None => 3u8.hash(&mut h),
                }
            }
            let qh = h.finish();
            for (pos, t) in terms(q).into_iter().enumerate() {
                if let Some(b) = t.and_then(blank) {
                    sigs.entry(b.to_owned()).or_default().push(qh ^ (pos as u64).wrapping_mul(0x9e37_79b9));
                }
            }
        }
        for (b, mut s) in sigs {
            s.sort_unstable();
            let mut h = DefaultHasher::new();
            s.hash(&mut h);
            color.insert(b, h.finish());
        }
    }
    color
}

fn relabel(q: &Quad, map: &HashMap<&str, &str>) -> Quad {
    let r = |t: &Term| match t {
        Term::Blank(b) => Term::Blank(map.get(b.as_str()).map_or_else(|| b.clone(), |m| (*m).to_owned())),
        other => other.clone(),
    };
    Quad { subject: r(&q.subject), predicate: r(&q.predicate), object: r(&q.object), graph: q.graph.as_ref().map(r) }
}

/// Backtracking search for a blank node bijection from `a` onto `b`.
struct Matcher<'x> {
    nodes: Vec<&'x str>,
    ca: &'x HashMap<String, u64>,
    cb: &'x HashMap<String, u64>,
    a: &'x [Quad],
    b: &'x BTreeSet<Quad>,
}

impl<'x> Matcher<'x> {
    fn search(&self, i: usize, map: &mut HashMap<&'x str, &'x str>, used: &mut BTreeSet<&'x str>) -> bool {
        let Some(n) = self.nodes.get(i) else {
            return self.a.iter().all(|q| self.b.contains(&relabel(q, map)));
        };
        for (m, c) in self.cb {
            if *c != self.ca[*n] || used.contains(m.as_str()) {
                continue;
            }
            map.insert(n, m);
            used.insert(m);
            if self.search(i + 1, map, used) {
                return true;
            }
            map.remove(n);
            used.remove(m.as_str());
        }
        false
    }
}

/// Whether two datasets are isomorphic (same quads up to blank node renaming).
pub fn isomorphic(a: &[Quad], b: &[Quad]) -> bool {
    let a: Vec<Quad> = a.iter().cloned().collect::<BTreeSet<_>>().into_iter().collect();
    let b: BTreeSet<Quad> = b.iter().cloned().collect();
    if a.len() != b.len() {
        return false;
    }
    let b_vec: Vec<Quad> = b.iter().cloned().collect();
    let (ca, cb) = (colors(&a), colors(&b_vec));
    if ca.len() != cb.len() {
        return false;
    }
    let mut nodes: Vec<&str> = ca.keys().map(String::as_str).collect();
    nodes.sort_by_key(|n| (cb.values().filter(|c| **c == ca[*n]).count(), *n));
    let matcher = Matcher { nodes, ca: &ca, cb: &cb, a: &a, b: &b };
    matcher.search(0, &mut HashMap::new(), &mut BTreeSet::new())
}
