//! The Content-Security-Policy of the bundle: no network at all, only our one inline script
//! (pinned by its sha256 hash), wasm compilation, inline styles and data:/blob: images.

use sha2::{Digest, Sha256};

/// The CSP source expression for `script`, e.g. `'sha256-47DEQpj8…='`.
///
/// The hash covers the exact text between `<script type="module">` and `</script>`, as UTF-8.
pub fn script_source(script: &str) -> String {
    format!(
        "'sha256-{}'",
        crate::compress::base64(&Sha256::digest(script.as_bytes()))
    )
}

/// The policy text. `frame-ancestors` is left out: browsers ignore it in a `<meta>` tag.
pub fn policy(script: &str) -> String {
    [
        "default-src 'none'".to_string(),
        format!("script-src {} 'wasm-unsafe-eval'", script_source(script)),
        "style-src 'unsafe-inline'".to_string(),
        "img-src data: blob:".to_string(),
        "connect-src 'none'".to_string(),
        "font-src 'none'".to_string(),
        "form-action 'none'".to_string(),
        "base-uri 'none'".to_string(),
        "object-src 'none'".to_string(),
    ]
    .join("; ")
}

/// The `<meta http-equiv>` element carrying [`policy`].
pub fn meta_tag(script: &str) -> String {
    format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy(script)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_matches_known_vectors() {
        // sha256("") and the example from the CSP specification.
        assert_eq!(
            script_source(""),
            "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
        );
        assert_eq!(
            script_source("alert('Hello, world.');"),
            "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
    }

    #[test]
    fn policy_forbids_the_network_and_pins_the_script() {
        let policy = policy("x");
        assert!(policy.starts_with("default-src 'none'; script-src 'sha256-"));
        for directive in [
            "'wasm-unsafe-eval'",
            "connect-src 'none'",
            "form-action 'none'",
            "base-uri 'none'",
            "object-src 'none'",
            "img-src data: blob:",
        ] {
            assert!(
                policy.contains(directive),
                "{directive} missing from {policy}"
            );
        }
        assert!(!policy.contains(" 'unsafe-eval'"), "no plain 'unsafe-eval'");
        assert!(!policy.contains("frame-ancestors"));
        // The policy goes in a double-quoted attribute.
        assert!(!meta_tag("x").contains("&") && meta_tag("x").matches('"').count() == 4);
    }
}
