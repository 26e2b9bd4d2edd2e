//! RDF Dataset Canonicalization (RDFC-1.0, W3C Recommendation 2024): canonical blank
//! node labels (`c14n0`, `c14n1`, …) and canonical N-Quads, with a work budget that
//! refuses "poisoned" datasets built to make N-degree hashing explode.

mod dataset;
mod ndegree;

use std::ops::Range;

use dataset::{push_id, Dataset};
use ndegree::{Issuer, NDegree};

use crate::rdf::{Quad, Term};

/// Hash function used by RDFC-1.0 (SHA-256 unless a cryptosuite says otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HashAlgorithm {
    /// SHA-256, the default.
    #[default]
    Sha256,
    /// SHA-384.
    Sha384,
}

/// Default [`CanonOptions::max_work`]: work units per blank node left shared by
/// first-degree hashing.
///
/// Work counts one unit per Hash N-Degree Quads call plus one per permutation it
/// examines, and the budget is this factor times the number of shared blank nodes, so
/// it grows with the input, not with how symmetric the input is (chains of shared
/// nodes are bounded separately by a recursion depth of 256). Credentials whose blank nodes first-degree
/// hashing tells apart cost nothing. The hardest positive W3C tests (12-node "double
/// circle" / "evil" graphs) cost 3,348 units against a budget of 24,000; the 10-node
/// clique `#test074c` asks for 9! = 362,880 permutations in its first call against a
/// budget of 20,000 and is refused before trying any.
pub const DEFAULT_MAX_WORK: u64 = 2_000;

/// Canonicalization options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CanonOptions {
    /// Hash function for all RDFC-1.0 hashes.
    pub hash: HashAlgorithm,
    /// N-degree hashing work allowed (calls plus permutations examined) per blank node
    /// that shares its first-degree hash; past it canonicalization fails with
    /// [`RdfcError::WorkLimitExceeded`]. See [`DEFAULT_MAX_WORK`].
    pub max_work: u64,
}

impl Default for CanonOptions {
    fn default() -> Self {
        CanonOptions { hash: HashAlgorithm::Sha256, max_work: DEFAULT_MAX_WORK }
    }
}

/// The canonical form of a dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Canonicalized {
    /// The quads with canonical blank node labels, sorted by their N-Quads lines
    /// (duplicates removed).
    pub quads: Vec<Quad>,
    /// Canonical N-Quads: sorted lines, each ending in `\n`.
    pub nquads: String,
    /// The issued identifiers map: input label → canonical label (both without `_:`),
    /// in issuing order.
    pub issued: Vec<(String, String)>,
}

/// Errors from canonicalization.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RdfcError {
    /// N-degree hashing needed more work than the budget allows.
    #[error(
        "RDFC-1.0 work limit exceeded (possible dataset poisoning): \
         N-degree hashing needs more than {limit} units of work"
    )]
    WorkLimitExceeded {
        /// The budget that was exceeded.
        limit: u64,
    },
    /// N-degree hashing recursed deeper than the fixed stack bound.
    #[error("RDFC-1.0 recursion limit exceeded (possible dataset poisoning): depth over {depth}")]
    RecursionLimitExceeded {
        /// The maximum depth.
        depth: usize,
    },
    /// A blank node used as a predicate (generalized RDF), which RDFC-1.0 cannot label.
    #[error("blank node _:{0} used as a predicate; RDFC-1.0 canonicalizes RDF datasets only")]
    BlankPredicate(String),
    /// More than 2^32 quads or blank nodes.
    #[error("dataset too large to canonicalize")]
    TooLarge,
}

/// Canonicalizes `quads` (RDFC-1.0 §4.4). Duplicate quads count once.
pub fn canonicalize(quads: &[Quad], opts: &CanonOptions) -> Result<Canonicalized, RdfcError> {
    match run(quads, opts, true)? {
        Some(c) => Ok(c),
        None => run(&dedup(quads), opts, true)?.ok_or(RdfcError::TooLarge),
    }
}

/// Canonical N-Quads of `quads` with the default options.
pub fn canonical_nquads(quads: &[Quad]) -> Result<String, RdfcError> {
    let opts = CanonOptions::default();
    let c = match run(quads, &opts, false)? {
        Some(c) => c,
        None => run(&dedup(quads), &opts, false)?.ok_or(RdfcError::TooLarge)?,
    };
    Ok(c.nquads)
}

/// One pass of the algorithm; `None` when the input held duplicate quads (the caller
/// removes them and runs again, so duplicate-free input pays nothing for the check).
fn run(quads: &[Quad], opts: &CanonOptions, with_quads: bool) -> Result<Option<Canonicalized>, RdfcError> {
    let ds = Dataset::new(quads, opts.hash)?;
    let canon = issue_canonical(&ds, opts.max_work)?;
    let label = |node: u32, out: &mut String| {
        push_id(out, "c14n", canon.get(node).unwrap_or(u32::MAX));
    };
    let mut buf = String::with_capacity(quads.len() * 128);
    let mut lines: Vec<(Range<usize>, u32)> = Vec::with_capacity(quads.len());
    for qi in 0..u32::try_from(quads.len()).map_err(|_| RdfcError::TooLarge)? {
        let start = buf.len();
        ds.render(qi, &mut buf, label);
        lines.push((start..buf.len(), qi));
    }
    let line = |r: &Range<usize>| buf.get(r.clone()).unwrap_or_default();
    lines.sort_unstable_by(|a, b| line(&a.0).cmp(line(&b.0)));
    if lines.windows(2).any(|w| matches!(w, [a, b] if line(&a.0) == line(&b.0))) {
        return Ok(None);
    }
    let mut nquads = String::with_capacity(buf.len());
    for (r, _) in &lines {
        nquads.push_str(line(r));
    }
    let relabeled =
        if with_quads { lines.iter().filter_map(|&(_, qi)| relabel(&ds, &canon, qi)).collect() } else { Vec::new() };
    let issued = canon
        .order()
        .iter()
        .enumerate()
        .map(|(i, &node)| {
            let input = ds.labels.get(node as usize).copied().unwrap_or_default();
            (input.to_owned(), format!("c14n{i}"))
        })
        .collect();
    Ok(Some(Canonicalized { quads: relabeled, nquads, issued }))
}

/// Steps 2–5 of §4.4: issues every blank node its canonical identifier.
fn issue_canonical(ds: &Dataset<'_>, max_work: u64) -> Result<Issuer, RdfcError> {
    let mut canon = Issuer::new(ds.node_count());
    if ds.node_count() == 0 {
        return Ok(canon);
    }
    let first = ds.first_degree_hashes();
    // The hash to blank nodes map: sorted by hash, nodes in first-appearance order.
    let mut by_hash: Vec<(dataset::HexHash, u32)> = first.iter().zip(0u32..).map(|(h, n)| (*h, n)).collect();
    by_hash.sort_by_key(|a| a.0);
    let mut shared = Vec::new();
    let mut work = 0;
    for group in by_hash.chunk_by(|a, b| a.0 == b.0) {
        match group {
            [(_, node)] => {
                canon.issue(*node);
            }
            _ => shared.push(group),
        }
    }
    let shared_nodes = shared.iter().map(|g| g.len() as u64).sum::<u64>();
    let limit = max_work.saturating_mul(shared_nodes);
    for group in shared {
        let mut results = Vec::new();
        for &(_, node) in group {
            if canon.get(node).is_some() {
                continue;
            }
            let mut temp = Issuer::new(ds.node_count());
            temp.issue(node);
            let mut nd = NDegree::new(ds, &first, &canon, work, limit);
            results.push(nd.hash_ndegree(node, &temp)?);
            work = nd.work;
        }
        results.sort_by_key(|a| a.0);
        for (_, issuer) in results {
            for &node in issuer.order() {
                canon.issue(node);
            }
        }
    }
    Ok(canon)
}

/// Quad `qi` with its blank nodes renamed to their canonical labels.
fn relabel(ds: &Dataset<'_>, canon: &Issuer, qi: u32) -> Option<Quad> {
    let quad = ds.quads.get(qi as usize)?;
    let mut holes = ds.holes(qi).iter();
    let mut map = |t: &Term| match t {
        Term::Blank(_) => {
            let mut s = String::new();
            let node = holes.next().map_or(u32::MAX, |h| h.node);
            push_id(&mut s, "c14n", canon.get(node).unwrap_or(u32::MAX));
            Term::Blank(s)
        }
        other => other.clone(),
    };
    Some(Quad {
        subject: map(&quad.subject),
        predicate: quad.predicate.clone(),
        object: map(&quad.object),
        graph: quad.graph.as_ref().map(map),
    })
}

/// `quads` without repeats, first occurrences kept in order.
fn dedup(quads: &[Quad]) -> Vec<Quad> {
    let mut seen = std::collections::HashSet::new();
    quads.iter().filter(|q| seen.insert(*q)).cloned().collect()
}

#[cfg(test)]
mod tests;
