//! Any bytes as an uploaded file: decoded or refused with a reason, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = gangmu_core::decode::decode_bytes(data) {
        assert!(!decoded.encoding.is_empty());
    }
});
