//! Native-syntax parsing: any text must give a body or a diagnostic, never a panic or a
//! stack overflow.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onus::source::FileId;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = onus::load::hcl::parse(FileId(0), text);
        let _ = onus::load::hcl::parse_expr(FileId(0), text);
        let _ = onus::load::hcl::parse_template(FileId(0), text);
    }
});
