//! Identifier issuers, Hash Related Blank Node (§4.7) and Hash N-Degree Quads (§4.8),
//! metered by the work budget that refuses poisoned datasets.

use super::dataset::{push_id, Dataset, Hasher, HexHash, NONE};
use super::RdfcError;
use crate::rdf::Term;

/// Deepest Hash N-Degree Quads recursion allowed; deeper means a long chain of blank
/// nodes that first-degree hashing cannot tell apart. Bounds the stack, and the time
/// such chains take: every call on a chain of n nodes walks all of it with an issuer
/// of up to n entries, so time grows as n³ (n = 256: about 0.15 s).
const MAX_DEPTH: usize = 256;

/// An identifier issuer (§4.5): dense node → issued number table plus issuing order.
#[derive(Clone, Debug)]
pub(super) struct Issuer {
    ids: Vec<u32>,
    order: Vec<u32>,
}

impl Issuer {
    pub(super) fn new(nodes: usize) -> Self {
        Issuer { ids: vec![NONE; nodes], order: Vec::new() }
    }

    pub(super) fn get(&self, node: u32) -> Option<u32> {
        self.ids.get(node as usize).copied().filter(|&id| id != NONE)
    }

    /// Issues the next identifier to `node`, or returns the one it already has.
    pub(super) fn issue(&mut self, node: u32) -> u32 {
        if let Some(id) = self.get(node) {
            return id;
        }
        let id = u32::try_from(self.order.len()).unwrap_or(NONE);
        if let Some(slot) = self.ids.get_mut(node as usize) {
            *slot = id;
        }
        self.order.push(node);
        id
    }

    /// Nodes in the order identifiers were issued to them.
    pub(super) fn order(&self) -> &[u32] {
        &self.order
    }
}

/// Hash N-Degree Quads with its inputs and the work meter.
pub(super) struct NDegree<'d, 'a> {
    pub(super) ds: &'d Dataset<'a>,
    pub(super) first: &'d [HexHash],
    pub(super) canon: &'d Issuer,
    /// Work done so far: one unit per call plus one per permutation examined.
    pub(super) work: u64,
    pub(super) limit: u64,
    depth: usize,
}

impl<'d, 'a> NDegree<'d, 'a> {
    pub(super) fn new(ds: &'d Dataset<'a>, first: &'d [HexHash], canon: &'d Issuer, work: u64, limit: u64) -> Self {
        NDegree { ds, first, canon, work, limit, depth: 0 }
    }

    fn charge(&mut self, units: u64) -> Result<(), RdfcError> {
        self.work = self.work.saturating_add(units);
        if self.work > self.limit {
            return Err(RdfcError::WorkLimitExceeded { limit: self.limit });
        }
        Ok(())
    }

    /// Hash Related Blank Node (§4.7).
    fn hash_related(&self, related: u32, qi: u32, issuer: &Issuer, position: u8) -> HexHash {
        let mut h = Hasher::new(self.ds.alg);
        h.update(match position {
            b's' => "s",
            b'o' => "o",
            _ => "g",
        });
        if position != b'g' {
            if let Some(Term::Iri(p)) = self.ds.quads.get(qi as usize).map(|q| &q.predicate) {
                h.update("<");
                h.update(p);
                h.update(">");
            }
        }
        let mut id = String::new();
        if let Some(c) = self.canon.get(related) {
            push_id(&mut id, "_:c14n", c);
        } else if let Some(b) = issuer.get(related) {
            push_id(&mut id, "_:b", b);
        } else if let Some(hash) = self.first.get(related as usize) {
            id.push_str(hash.as_str());
        }
        h.update(&id);
        h.finish()
    }

    /// Hash N-Degree Quads (§4.8) for `id`, returning the hash and the issuer it chose.
    pub(super) fn hash_ndegree(&mut self, id: u32, issuer: &Issuer) -> Result<(HexHash, Issuer), RdfcError> {
        self.charge(1)?;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(RdfcError::RecursionLimitExceeded { depth: MAX_DEPTH });
        }
        let ds = self.ds;
        let mut hn: Vec<(HexHash, u32)> = Vec::new();
        for &qi in ds.quads_of(id) {
            for hole in ds.holes(qi).iter().filter(|h| h.node != id) {
                hn.push((self.hash_related(hole.node, qi, issuer, hole.position), hole.node));
            }
        }
        hn.sort_by_key(|a| a.0);
        let mut data = String::new();
        let mut issuer = issuer.clone();
        for group in hn.chunk_by(|a, b| a.0 == b.0) {
            if let Some((hash, _)) = group.first() {
                data.push_str(hash.as_str());
            }
            let nodes: Vec<u32> = group.iter().map(|&(_, n)| n).collect();
            let (path, chosen) = self.choose_path(&nodes, &issuer)?;
            data.push_str(&path);
            if let Some(chosen) = chosen {
                issuer = chosen;
            }
        }
        self.depth -= 1;
        let mut h = Hasher::new(ds.alg);
        h.update(&data);
        Ok((h.finish(), issuer))
    }

    /// Steps 5.4–5.5 of §4.8: the lexicographically least path over all permutations
    /// of `nodes`, with the issuer that produced it.
    fn choose_path(&mut self, nodes: &[u32], issuer: &Issuer) -> Result<(String, Option<Issuer>), RdfcError> {
        // Permute ranks into the label-sorted distinct nodes: the first permutation is
        // the sorted list (as in rdf-canonize) and repeated nodes yield no duplicates.
        let labels = &self.ds.labels;
        let label = |n: &u32| labels.get(*n as usize).copied().unwrap_or_default();
        let mut distinct = nodes.to_vec();
        distinct.sort_by(|a, b| label(a).cmp(label(b)));
        distinct.dedup();
        let mut ranks: Vec<usize> = nodes.iter().filter_map(|n| distinct.iter().position(|d| d == n)).collect();
        ranks.sort_unstable();
        self.charge(permutation_count(&ranks))?;

        let mut chosen_path = String::new();
        let mut chosen_issuer: Option<Issuer> = None;
        let mut path = String::new();
        let mut recursion: Vec<u32> = Vec::new();
        let mut copy = issuer.clone();
        loop {
            copy.clone_from(issuer);
            path.clear();
            recursion.clear();
            let mut complete = true;
            for related in ranks.iter().filter_map(|&r| distinct.get(r).copied()) {
                if let Some(c) = self.canon.get(related) {
                    push_id(&mut path, "_:c14n", c);
                } else {
                    if copy.get(related).is_none() {
                        recursion.push(related);
                    }
                    push_id(&mut path, "_:b", copy.issue(related));
                }
                if worse(&path, &chosen_path) {
                    complete = false;
                    break;
                }
            }
            if complete {
                for &related in &recursion {
                    let (hash, result_issuer) = self.hash_ndegree(related, &copy)?;
                    push_id(&mut path, "_:b", copy.issue(related));
                    path.push('<');
                    path.push_str(hash.as_str());
                    path.push('>');
                    copy = result_issuer;
                    if worse(&path, &chosen_path) {
                        complete = false;
                        break;
                    }
                }
            }
            if complete && (chosen_path.is_empty() || path < chosen_path) {
                chosen_path.clone_from(&path);
                chosen_issuer = Some(copy.clone());
            }
            if !next_permutation(&mut ranks) {
                break;
            }
        }
        Ok((chosen_path, chosen_issuer))
    }
}

/// Whether a (partial) `path` can no longer beat `chosen` (§4.8 steps 5.4.4.3, 5.4.5.5).
fn worse(path: &str, chosen: &str) -> bool {
    !chosen.is_empty() && path.len() >= chosen.len() && path > chosen
}

/// Number of distinct permutations of the sorted multiset `ranks`, saturating.
fn permutation_count(ranks: &[usize]) -> u64 {
    let mut count: u128 = 1;
    let mut run = 0u128;
    let mut prev = None;
    for (t, &r) in ranks.iter().enumerate() {
        run = if prev == Some(r) { run + 1 } else { 1 };
        prev = Some(r);
        // The prefix count is a multinomial coefficient, so the division is exact.
        let Some(next) = count.checked_mul(t as u128 + 1) else {
            return u64::MAX;
        };
        count = next / run;
    }
    u64::try_from(count).unwrap_or(u64::MAX)
}

/// Rearranges `v` into the next lexicographic permutation; false after the last.
fn next_permutation(v: &mut [usize]) -> bool {
    let Some(i) = v.windows(2).rposition(|w| matches!(w, [a, b] if a < b)) else {
        return false;
    };
    let Some(&pivot) = v.get(i) else {
        return false;
    };
    let Some(j) = v.iter().rposition(|&x| x > pivot) else {
        return false;
    };
    v.swap(i, j);
    if let Some(tail) = v.get_mut(i + 1..) {
        tail.reverse();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn permutations_of_a_multiset() {
        let mut v = vec![0, 0, 1];
        let mut seen = vec![v.clone()];
        while next_permutation(&mut v) {
            seen.push(v.clone());
        }
        assert_eq!(seen, vec![vec![0, 0, 1], vec![0, 1, 0], vec![1, 0, 0]]);
        assert_eq!(permutation_count(&[0, 0, 1]), 3);
        assert_eq!(permutation_count(&[0, 1, 2, 3]), 24);
        assert_eq!(permutation_count(&[0; 40]), 1);
        assert_eq!(permutation_count(&(0..40).collect::<Vec<_>>()), u64::MAX);
    }
}
