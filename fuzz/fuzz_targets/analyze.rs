//! Any text: `analyze_with` returns, and its offsets stay inside the text and on the names.
#![no_main]

use std::sync::OnceLock;

use gangmu_core::{analyze_with, Resources};
use libfuzzer_sys::fuzz_target;

// The harness keeps the assets loaded between inputs (the core itself holds no state).
static RESOURCES: OnceLock<Resources> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let resources = RESOURCES.get_or_init(Resources::embedded);
    let a = analyze_with(text, resources);
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(a.chars, chars.len());
    for p in &a.people {
        for m in &p.mentions {
            let s: String = chars[m.start..m.end].iter().collect();
            assert!(s == p.name || p.aliases.contains(&s));
        }
    }
    for o in &a.organizations {
        for m in &o.mentions {
            let s: String = chars[m.start..m.end].iter().collect();
            assert!(s == o.name || o.aliases.contains(&s));
        }
    }
    for f in &a.formulations {
        for m in &f.mentions {
            assert!(m.end <= chars.len());
        }
    }
});
