//! Decoding an arbitrary `encodedList` never panics; what decodes re-encodes to the same bits.
#![no_main]

use cairn_vc::bitstring::Bitstring;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(list) = Bitstring::decode(text, 1 << 20) {
        let _ = list.get_value(list.len_bits() / 3, 3);
        let again = Bitstring::decode(&list.encode().expect("encode"), 1 << 20).expect("re-decode");
        assert_eq!(again, list);
    }
});
