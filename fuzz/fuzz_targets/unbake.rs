//! Unbaking arbitrary bytes never panics; baking any image we accept round-trips.
#![no_main]

use cairn_vc::bake::{bake_png, bake_svg, unbake, BakedKind};
use libfuzzer_sys::fuzz_target;

const JWS: &str = "eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZSJ9.c2lnbmF0dXJl";
const JSON: &str = r#"{"name":"a ]]> b","type":["VerifiableCredential"]}"#;
/// The same JSON value as baked into SVG CDATA: `>` inside strings written as `\u003e`.
const JSON_IN_SVG: &str = r#"{"name":"a ]]\u003e b","type":["VerifiableCredential"]}"#;

fuzz_target!(|data: &[u8]| {
    let _ = unbake(data);
    if let Ok(baked) = bake_png(data, JWS) {
        let got = unbake(&baked).expect("a PNG we baked must unbake");
        assert_eq!((got.kind, got.payload.as_str()), (BakedKind::Ob3Jws, JWS));
    }
    if let Ok(svg) = std::str::from_utf8(data) {
        if let Ok(baked) = bake_svg(svg, JSON) {
            let got = unbake(baked.as_bytes()).expect("an SVG we baked must unbake");
            assert_eq!((got.kind, got.payload.as_str()), (BakedKind::Ob3Credential, JSON_IN_SVG));
        }
    }
});
