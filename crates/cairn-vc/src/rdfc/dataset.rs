//! The canonicalization state's read-only part: blank nodes interned to dense indexes,
//! each quad serialized once with holes where its blank nodes go, the blank node to
//! quads map, and the hash algorithm (RDFC-1.0 §4.2, §4.6).

use std::fmt::Write as _;
use std::ops::Range;

use sha2::{Digest, Sha256, Sha384};

use super::{HashAlgorithm, RdfcError};
use crate::rdf::{Quad, Term};

/// Marks "no identifier issued" in the dense issuer tables.
pub(super) const NONE: u32 = u32::MAX;

/// A lowercase hexadecimal digest (64 or 96 characters), stored inline.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(super) struct HexHash {
    len: u8,
    buf: [u8; 96],
}

impl HexHash {
    fn from_digest(digest: &[u8]) -> Self {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut buf = [0u8; 96];
        for (pair, byte) in buf.chunks_exact_mut(2).zip(digest) {
            if let [hi, lo] = pair {
                *hi = HEX.get(usize::from(byte >> 4)).copied().unwrap_or(b'0');
                *lo = HEX.get(usize::from(byte & 0xf)).copied().unwrap_or(b'0');
            }
        }
        let len = u8::try_from(digest.len().min(48) * 2).unwrap_or(96);
        HexHash { len, buf }
    }

    pub(super) fn as_str(&self) -> &str {
        let bytes = self.buf.get(..usize::from(self.len)).unwrap_or_default();
        std::str::from_utf8(bytes).unwrap_or_default()
    }
}

/// An incremental hash of the configured algorithm.
pub(super) enum Hasher {
    Sha256(Sha256),
    Sha384(Sha384),
}

impl Hasher {
    pub(super) fn new(alg: HashAlgorithm) -> Self {
        match alg {
            HashAlgorithm::Sha256 => Hasher::Sha256(Sha256::new()),
            HashAlgorithm::Sha384 => Hasher::Sha384(Sha384::new()),
        }
    }

    pub(super) fn update(&mut self, data: &str) {
        match self {
            Hasher::Sha256(h) => h.update(data.as_bytes()),
            Hasher::Sha384(h) => h.update(data.as_bytes()),
        }
    }

    pub(super) fn finish(self) -> HexHash {
        match self {
            Hasher::Sha256(h) => HexHash::from_digest(&h.finalize()),
            Hasher::Sha384(h) => HexHash::from_digest(&h.finalize()),
        }
    }
}

/// Where a blank node sits in a quad's serialization.
#[derive(Clone, Copy, Default)]
pub(super) struct Hole {
    /// Byte offset into [`Dataset::text`] at which `_:label` is inserted.
    at: usize,
    /// The blank node.
    pub(super) node: u32,
    /// `b's'`, `b'o'` or `b'g'`.
    pub(super) position: u8,
}

/// One quad's serialization, minus its blank node labels.
struct Template {
    text: Range<usize>,
    holes: [Hole; 3],
    n_holes: usize,
}

/// The input dataset, prepared once for all hashing and the output.
pub(super) struct Dataset<'a> {
    pub(super) quads: &'a [Quad],
    /// Blank node index → input label, in order of first appearance.
    pub(super) labels: Vec<&'a str>,
    text: String,
    templates: Vec<Template>,
    /// The blank node to quads map, flattened: node `n` owns
    /// `node_quads[node_start[n]..node_start[n + 1]]` (quad indexes, each once).
    node_quads: Vec<u32>,
    node_start: Vec<usize>,
    pub(super) alg: HashAlgorithm,
}

impl<'a> Dataset<'a> {
    pub(super) fn new(quads: &'a [Quad], alg: HashAlgorithm) -> Result<Self, RdfcError> {
        let mut ds = Dataset {
            quads,
            labels: Vec::new(),
            text: String::with_capacity(quads.len() * 120),
            templates: Vec::with_capacity(quads.len()),
            node_quads: Vec::new(),
            node_start: Vec::new(),
            alg,
        };
        let mut index: std::collections::HashMap<&'a str, u32> = std::collections::HashMap::new();
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (qi, quad) in quads.iter().enumerate() {
            let qi = u32::try_from(qi).map_err(|_| RdfcError::TooLarge)?;
            let start = ds.text.len();
            let mut t = Template { text: start..start, holes: [Hole::default(); 3], n_holes: 0 };
            if let Term::Blank(label) = &quad.predicate {
                return Err(RdfcError::BlankPredicate(label.clone()));
            }
            ds.term(&quad.subject, b's', &mut t, &mut index)?;
            ds.text.push(' ');
            quad.predicate.write_nquads(&mut ds.text);
            ds.text.push(' ');
            ds.term(&quad.object, b'o', &mut t, &mut index)?;
            ds.text.push(' ');
            if let Some(g) = &quad.graph {
                ds.term(g, b'g', &mut t, &mut index)?;
                ds.text.push(' ');
            }
            ds.text.push_str(".\n");
            t.text.end = ds.text.len();
            let holes = t.holes.get(..t.n_holes).unwrap_or_default();
            for (i, hole) in holes.iter().enumerate() {
                let seen = holes.get(..i).unwrap_or_default().iter().any(|h| h.node == hole.node);
                if !seen {
                    pairs.push((hole.node, qi));
                }
            }
            ds.templates.push(t);
        }
        // Stable sort keeps each node's quads in input order.
        pairs.sort_by_key(|&(node, _)| node);
        ds.node_start = Vec::with_capacity(ds.labels.len() + 1);
        ds.node_quads = Vec::with_capacity(pairs.len());
        for (node, qi) in pairs {
            while ds.node_start.len() <= node as usize {
                ds.node_start.push(ds.node_quads.len());
            }
            ds.node_quads.push(qi);
        }
        while ds.node_start.len() <= ds.labels.len() {
            ds.node_start.push(ds.node_quads.len());
        }
        Ok(ds)
    }

    fn term(
        &mut self,
        term: &'a Term,
        position: u8,
        t: &mut Template,
        index: &mut std::collections::HashMap<&'a str, u32>,
    ) -> Result<(), RdfcError> {
        let Term::Blank(label) = term else {
            term.write_nquads(&mut self.text);
            return Ok(());
        };
        let node = match index.get(label.as_str()) {
            Some(&n) => n,
            None => {
                let n = u32::try_from(self.labels.len()).map_err(|_| RdfcError::TooLarge)?;
                index.insert(label, n);
                self.labels.push(label);
                n
            }
        };
        if let Some(slot) = t.holes.get_mut(t.n_holes) {
            *slot = Hole { at: self.text.len(), node, position };
            t.n_holes += 1;
        }
        Ok(())
    }

    pub(super) fn node_count(&self) -> usize {
        self.labels.len()
    }

    /// Indexes of the quads that mention `node`.
    pub(super) fn quads_of(&self, node: u32) -> &[u32] {
        let n = node as usize;
        match (self.node_start.get(n), self.node_start.get(n + 1)) {
            (Some(&a), Some(&b)) => self.node_quads.get(a..b).unwrap_or_default(),
            _ => &[],
        }
    }

    /// The blank nodes of quad `qi` with their positions.
    pub(super) fn holes(&self, qi: u32) -> &[Hole] {
        self.templates.get(qi as usize).and_then(|t| t.holes.get(..t.n_holes)).unwrap_or_default()
    }

    /// Appends quad `qi` as an N-Quads line, writing each blank node's label with `label`.
    pub(super) fn render(&self, qi: u32, out: &mut String, mut label: impl FnMut(u32, &mut String)) {
        let Some(t) = self.templates.get(qi as usize) else {
            return;
        };
        let mut from = t.text.start;
        for hole in t.holes.get(..t.n_holes).unwrap_or_default() {
            out.push_str(self.text.get(from..hole.at).unwrap_or_default());
            out.push_str("_:");
            label(hole.node, out);
            from = hole.at;
        }
        out.push_str(self.text.get(from..t.text.end).unwrap_or_default());
    }

    /// Hash First Degree Quads (§4.6) for every blank node, indexed by node.
    pub(super) fn first_degree_hashes(&self) -> Vec<HexHash> {
        let mut buf = String::new();
        let mut lines: Vec<Range<usize>> = Vec::new();
        (0..self.labels.len())
            .map(|n| {
                let n = u32::try_from(n).unwrap_or(NONE);
                buf.clear();
                lines.clear();
                for &qi in self.quads_of(n) {
                    let start = buf.len();
                    self.render(qi, &mut buf, |m, out| out.push(if m == n { 'a' } else { 'z' }));
                    lines.push(start..buf.len());
                }
                let line = |r: &Range<usize>| buf.get(r.clone()).unwrap_or_default();
                lines.sort_unstable_by(|a, b| line(a).cmp(line(b)));
                let mut h = Hasher::new(self.alg);
                for r in &lines {
                    h.update(line(r));
                }
                h.finish()
            })
            .collect()
    }
}

/// Appends `prefix` and `n` (`c14n0`, `b3`).
pub(super) fn push_id(out: &mut String, prefix: &str, n: u32) {
    out.push_str(prefix);
    let _ = write!(out, "{n}");
}
