//! The one digest redress prints: SHA-256 as lower-case hex, for the
//! manifest's file hashes, the templates' fingerprint and the website's
//! build and page keys.

use sha2::{Digest, Sha256};

/// SHA-256 as lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
