//! Any fragment or `.gangmu` file: opened or refused with a reason; what opens re-encodes to a
//! link that opens to the same document.
#![no_main]

use gangmu_core::share::Shared;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(fragment) = std::str::from_utf8(data) {
        if let Ok(shared) = Shared::from_fragment(fragment) {
            assert_eq!(Shared::from_fragment(&shared.to_fragment()).as_ref(), Ok(&shared));
        }
    }
    if let Ok(shared) = Shared::from_file(data) {
        assert_eq!(Shared::from_file(shared.to_file().as_bytes()).as_ref(), Ok(&shared));
    }
});
