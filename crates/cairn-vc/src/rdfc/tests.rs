use super::*;
use crate::nquads::parse_nquads;

fn canon(doc: &str) -> Canonicalized {
    canonicalize(&parse_nquads(doc).unwrap(), &CanonOptions::default()).unwrap()
}

#[test]
fn labels_follow_first_degree_hash_order() {
    // sha256("_:a <urn:p> \"b\" .\n") = 2276… < sha256("_:a <urn:p> \"a\" .\n") = 3a6c…
    let c = canon("_:x <urn:p> \"a\" .\n_:y <urn:p> \"b\" .\n");
    assert_eq!(c.nquads, "_:c14n0 <urn:p> \"b\" .\n_:c14n1 <urn:p> \"a\" .\n");
    assert_eq!(c.issued, vec![("y".to_owned(), "c14n0".to_owned()), ("x".to_owned(), "c14n1".to_owned())]);
    assert_eq!(c.quads.len(), 2);
    assert_eq!(c.quads[0].subject, Term::Blank("c14n0".into()));
    assert_eq!(to_nquads_all(&c.quads), c.nquads);
}

fn to_nquads_all(quads: &[Quad]) -> String {
    crate::rdf::to_nquads(quads)
}

#[test]
fn output_ignores_input_labels_order_and_duplicates() {
    let a = canon("_:a <urn:p> _:b .\n_:b <urn:p> _:c .\n_:c <urn:p> _:a .\n<urn:s> <urn:q> _:a <urn:g> .\n");
    let b = canon(
        "<urn:s> <urn:q> _:z <urn:g> .\n_:y <urn:p> _:z .\n_:z <urn:p> _:x .\n\
         _:x <urn:p> _:y .\n_:x <urn:p> _:y .\n",
    );
    assert_eq!(a.nquads, b.nquads);
    assert_eq!(a.quads.len(), 4);
    assert!(a.nquads.ends_with('\n'));
    assert_eq!(canonical_nquads(&parse_nquads(&b.nquads).unwrap()).unwrap(), a.nquads);
}

#[test]
fn no_blank_nodes_sorts_lines() {
    let c = canon("<urn:b> <urn:p> \"x\"@en .\n<urn:a> <urn:p> <urn:o> <urn:g> .\n");
    assert_eq!(c.nquads, "<urn:a> <urn:p> <urn:o> <urn:g> .\n<urn:b> <urn:p> \"x\"@en .\n");
    assert!(c.issued.is_empty());
}

#[test]
fn symmetric_nodes_use_ndegree_and_sha384_differs() {
    let doc = "_:a <urn:p> _:b .\n_:b <urn:p> _:a .\n";
    let c = canon(doc);
    assert_eq!(c.nquads, "_:c14n0 <urn:p> _:c14n1 .\n_:c14n1 <urn:p> _:c14n0 .\n");
    let opts = CanonOptions { hash: HashAlgorithm::Sha384, ..CanonOptions::default() };
    let c384 = canonicalize(&parse_nquads(doc).unwrap(), &opts).unwrap();
    assert_eq!(c384.nquads, c.nquads);
}

#[test]
fn work_limit_refuses_a_clique() {
    let mut doc = String::new();
    for i in 0..5 {
        for j in 0..5 {
            doc.push_str(&format!("_:n{i} <urn:p> _:n{j} .\n"));
        }
    }
    let quads = parse_nquads(&doc).unwrap();
    let tight = CanonOptions {
        max_work: 10, // × 5 shared nodes
        ..CanonOptions::default()
    };
    let err = canonicalize(&quads, &tight).unwrap_err();
    assert_eq!(err, RdfcError::WorkLimitExceeded { limit: 50 });
    assert!(err.to_string().contains("RDFC-1.0 work limit exceeded (possible dataset poisoning)"));
    // A 5-clique is small enough for the production limit.
    assert!(canonicalize(&quads, &CanonOptions::default()).is_ok());
}

#[test]
fn blank_predicate_is_refused() {
    let quad = Quad {
        subject: Term::iri("urn:s"),
        predicate: Term::Blank("p".into()),
        object: Term::iri("urn:o"),
        graph: None,
    };
    assert_eq!(canonical_nquads(&[quad]).unwrap_err(), RdfcError::BlankPredicate("p".into()));
}

/// A list of `n` identical values: its middle nodes share one first-degree hash.
fn same_value_list(n: usize) -> Vec<Quad> {
    let mut doc = String::from("<urn:s> <urn:p> _:l0 .\n");
    for i in 0..n {
        doc.push_str(&format!("_:l{i} <urn:first> \"1\" .\n_:l{i} <urn:rest> _:l{} .\n", i + 1));
    }
    doc.push_str(&format!("_:l{n} <urn:first> \"1\" .\n"));
    parse_nquads(&doc).unwrap()
}

#[test]
fn long_chains_hit_the_recursion_limit_not_the_stack() {
    let short = canonicalize(&same_value_list(40), &CanonOptions::default()).unwrap();
    assert_eq!(short.issued.len(), 41);
    let err = canonicalize(&same_value_list(300), &CanonOptions::default()).unwrap_err();
    assert!(matches!(err, RdfcError::RecursionLimitExceeded { .. }), "{err}");
}
