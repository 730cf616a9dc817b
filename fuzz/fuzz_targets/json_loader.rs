//! Terraform's JSON syntax and JSON variables files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use onus::source::FileId;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = onus::load::json::parse_tf_json(FileId(0), text);
        let _ = onus::load::json::parse_vars_json(FileId(0), text);
    }
});
