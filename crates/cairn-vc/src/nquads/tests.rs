use super::*;

fn lit(value: &str, datatype: &str, language: Option<&str>) -> Term {
    Term::Literal(Literal {
        value: value.to_owned(),
        datatype: datatype.to_owned(),
        language: language.map(str::to_owned),
    })
}

#[test]
fn parses_terms_graphs_comments_and_blank_lines() {
    let doc = "# a comment\n\
        \n\
        <http://ex/s> <http://ex/p> \"hi\"@en-US <http://ex/g> . # trailing\r\n\
        _:b0 <http://ex/p> \"5\"^^<http://www.w3.org/2001/XMLSchema#integer> _:g1.\n\
        \t _:b0.x <http://ex/p> <http://ex/o>.\n";
    let quads = parse_nquads(doc).unwrap();
    assert_eq!(quads.len(), 3);
    assert_eq!(quads[0].subject, Term::iri("http://ex/s"));
    assert_eq!(quads[0].object, lit("hi", RDF_LANG_STRING, Some("en-US")));
    assert_eq!(quads[0].graph, Some(Term::iri("http://ex/g")));
    assert_eq!(quads[1].subject, Term::Blank("b0".into()));
    assert_eq!(quads[1].object, lit("5", crate::rdf::XSD_INTEGER, None));
    assert_eq!(quads[1].graph, Some(Term::Blank("g1".into())));
    // The label keeps inner dots but not the statement's final dot.
    assert_eq!(quads[2].subject, Term::Blank("b0.x".into()));
    assert_eq!(quads[2].graph, None);
}

#[test]
fn unescapes_echar_and_uchar() {
    let doc = r#"<urn:ex:\u0065x> <urn:p> "\t\b\n\r\f\"\'\\ \u0041\U0001F303" ."#;
    let quads = parse_nquads(doc).unwrap();
    assert_eq!(quads[0].subject, Term::iri("urn:ex:ex"));
    assert_eq!(quads[0].object, lit("\t\u{8}\n\r\u{c}\"'\\ A\u{1F303}", XSD_STRING, None));
    // Round trip through the canonical writer.
    assert_eq!(quads[0].to_nquads(), "<urn:ex:ex> <urn:p> \"\\t\\b\\n\\r\\f\\\"'\\\\ A\u{1F303}\" .\n");
}

#[test]
fn malformed_line_names_its_line() {
    let doc = "<urn:s> <urn:p> <urn:o> .\n\n<urn:s> <urn:p> \"open .\n";
    let err = parse_nquads(doc).unwrap_err();
    assert_eq!(err.line, 3);
    assert!(err.to_string().contains("line 3"), "{err}");
}

#[test]
fn rejects_bad_input() {
    let bad = [
        ("<urn:s> <urn:p> <urn:o>", "missing dot"),
        ("<urn:s> <urn:p> <urn:o> . x", "junk after dot"),
        ("<rel> <urn:p> <urn:o> .", "relative IRI"),
        ("<urn:a b> <urn:p> <urn:o> .", "space in IRI"),
        ("_:b <urn:p> <urn:o> \"g\" .", "literal graph"),
        ("\"s\" <urn:p> <urn:o> .", "literal subject"),
        ("<urn:s> _:p <urn:o> .", "blank predicate"),
        ("<urn:s> <urn:p> \"x\\q\" .", "unknown escape"),
        ("<urn:s> <urn:p> \"\\uD800\" .", "surrogate escape"),
        ("<urn:s> <urn:p> \"x\"@1a .", "bad language tag"),
        ("_: <urn:p> <urn:o> .", "empty blank label"),
    ];
    for (doc, why) in bad {
        let err = parse_nquads(doc).expect_err(why);
        assert_eq!(err.line, 1, "{why}");
    }
}
