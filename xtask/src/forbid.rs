//! Refuse to ship build-machine paths (they leak through panic locations if
//! `--remap-path-prefix` is missing or incomplete).

/// Absolute-path prefixes that never belong in the shipped file.
pub const BUILTIN: &[&str] = &["/root/", "/home/", "/work/", "/tmp/", "/Users/", "C:\\"];

/// Errors if `data` (the file `name`) contains any of `extra` or [`BUILTIN`], naming the
/// string, the file, the byte offset and a little printable context.
pub fn check(name: &str, data: &[u8], extra: &[String]) -> Result<(), String> {
    let needles = extra
        .iter()
        .map(String::as_str)
        .chain(BUILTIN.iter().copied());
    for needle in needles {
        if let Some(offset) = find(data, needle.as_bytes()) {
            return Err(format!(
                "forbidden string `{needle}` found in {name} at byte {offset}: …{}… \
                 (a build-machine path leaked; check --remap-path-prefix in RUSTFLAGS)",
                context(data, offset, needle.len())
            ));
        }
    }
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Up to 40 bytes either side of the match, non-printable bytes shown as `.`.
fn context(data: &[u8], offset: usize, len: usize) -> String {
    let start = offset.saturating_sub(40);
    let end = (offset + len + 40).min(data.len());
    data[start..end]
        .iter()
        .map(|&b| {
            if (0x20..0x7f).contains(&b) {
                b as char
            } else {
                '.'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_remapped_paths() {
        let wasm = b"\0asm/cargo/registry/src/index.crates.io-1/yew-0.23.0/src/lib.rs\0/keyplan/src/main.rs";
        assert_eq!(
            check("keyplan.wasm", wasm, &["/srv/checkout".into()]),
            Ok(())
        );
    }

    #[test]
    fn rejects_builtin_prefixes_naming_string_file_and_offset() {
        for needle in BUILTIN {
            let mut data = b"\x00\x01panicked at ".to_vec();
            data.extend_from_slice(needle.as_bytes());
            data.extend_from_slice(b"x/src/lib.rs:1:1");
            let err = check("opt.wasm", &data, &[]).unwrap_err();
            assert!(err.contains(&format!("`{needle}`")), "{err}");
            assert!(err.contains("opt.wasm at byte 14"), "{err}");
            assert!(err.contains("panicked at"), "context shown: {err}");
        }
    }

    #[test]
    fn rejects_extra_strings() {
        let err = check(
            "keyplan.js",
            b"// built in /srv/ci/keyplan",
            &["/srv/ci".into()],
        )
        .unwrap_err();
        assert!(
            err.contains("`/srv/ci` found in keyplan.js at byte 12"),
            "{err}"
        );
    }

    #[test]
    fn finds_match_at_the_very_end() {
        assert_eq!(find(b"abc/tmp/", b"/tmp/"), Some(3));
        assert_eq!(find(b"/tm", b"/tmp/"), None);
        assert_eq!(find(b"abc", b""), None);
    }
}
