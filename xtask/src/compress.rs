//! Deterministic gzip, base64 (for the CSP hash), and the dense text that embeds the gzipped wasm
//! and stylesheet in the page: 7 bits in most bytes of the UTF-8 page (base64 carries 6).

use base64::Engine as _;
use flate2::{Compression, GzBuilder};
use std::io::Write as _;

/// Gzip as small as a deflate stream gets (zopfli, 5 iterations: about 4 % below zlib's level 9
/// on the app's wasm, in under two seconds), with a reproducible header. Every gzip reader,
/// `DecompressionStream` included, reads it.
pub fn gzip_smallest(data: &[u8]) -> Vec<u8> {
    let options = zopfli::Options {
        iteration_count: std::num::NonZeroU64::new(5).expect("non-zero"),
        ..zopfli::Options::default()
    };
    let mut out = Vec::with_capacity(data.len() / 2);
    // Compressing into memory cannot fail.
    zopfli::compress(options, zopfli::Format::Gzip, data, &mut out).expect("gzip into memory");
    out
}

/// Gzip at zlib's best level (what `gzip -9` gives), for the size report.
pub fn gzip_best(data: &[u8]) -> Vec<u8> {
    let mut encoder = GzBuilder::new()
        .mtime(0)
        .write(Vec::with_capacity(data.len() / 2), Compression::best());
    // Writing into a Vec cannot fail.
    encoder.write_all(data).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

/// Standard, padded base64 (what a CSP `sha256-` source holds).
pub fn base64(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
}

/// The 7-bit values that cannot stand for themselves inside a double-quoted JS string in an
/// inline `<script>`: NUL (the HTML parser makes it U+FFFD), LF and CR (they end the string; the
/// parser turns CR into LF), `"` and `\\` (string syntax) and `<` (`</script`, `<!--`).
pub const SEVEN_BIT_AWKWARD: [u8; 6] = [0x00, 0x0a, 0x0d, 0x22, 0x3c, 0x5c];

/// First code point of a pair: an awkward value `i` followed by any 7-bit value `v` is written as
/// one character U+0100 + 128·i + v (two bytes of UTF-8 for 14 bits).
pub const SEVEN_BIT_PAIR: u32 = 0x100;
/// An awkward value `i` at the very end is written as U+0400 + i.
pub const SEVEN_BIT_LAST: u32 = 0x400;

/// `data` as text for a JS string literal in an inline script of a UTF-8 page, 7 bits per
/// character, most bits first; the decoder needs `data.len()` to drop the padding bits. Each
/// character is one byte of UTF-8 except the pairs above, which carry 14 bits in two bytes, so
/// the text is 8/7 of the data (base64 is 4/3). The bootstrap in `script.rs` decodes it.
pub fn seven_bit(data: &[u8]) -> String {
    let mut values = Vec::with_capacity(data.len() * 8 / 7 + 1);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &byte in data {
        acc = (acc << 8) | u32::from(byte);
        bits += 8;
        while bits >= 7 {
            bits -= 7;
            values.push(((acc >> bits) & 0x7f) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        values.push(((acc << (7 - bits)) & 0x7f) as u8);
    }
    let mut out = String::with_capacity(values.len() + values.len() / 16);
    let mut values = values.into_iter().peekable();
    while let Some(value) = values.next() {
        let awkward = SEVEN_BIT_AWKWARD.iter().position(|a| *a == value);
        let code = match (awkward, values.peek()) {
            (None, _) => u32::from(value),
            (Some(i), Some(&next)) => {
                values.next();
                SEVEN_BIT_PAIR + 128 * i as u32 + u32::from(next)
            }
            (Some(i), None) => SEVEN_BIT_LAST + i as u32,
        };
        out.push(char::from_u32(code).expect("below the surrogates"));
    }
    out
}

/// What the bootstrap's `keyplanUnpack` does, in Rust (for the tests).
#[cfg(test)]
pub fn seven_bit_decode(text: &str, len: usize) -> Vec<u8> {
    let mut values = Vec::new();
    for c in text.chars() {
        let c = c as u32;
        if c < 128 {
            values.push(c as u8);
        } else if c >= SEVEN_BIT_LAST {
            values.push(SEVEN_BIT_AWKWARD[(c - SEVEN_BIT_LAST) as usize]);
        } else {
            values.push(SEVEN_BIT_AWKWARD[((c - SEVEN_BIT_PAIR) >> 7) as usize]);
            values.push((c & 0x7f) as u8);
        }
    }
    let (mut acc, mut bits, mut out) = (0u32, 0u32, Vec::new());
    for v in values {
        acc = (acc << 7) | u32::from(v);
        bits += 7;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::GzDecoder;
    use std::io::Read as _;

    #[test]
    fn gzip_round_trips_and_has_a_reproducible_header() {
        let data: Vec<u8> = (0..10_000u32)
            .flat_map(|i| (i % 251).to_le_bytes())
            .collect();
        let gz = gzip_best(&data);
        assert_eq!(gz, gzip_best(&data), "same input, same bytes");
        assert_eq!(&gz[..3], &[0x1f, 0x8b, 8], "gzip magic + deflate");
        assert_eq!(gz[3], 0, "no FNAME/FCOMMENT/FEXTRA flags");
        assert_eq!(&gz[4..8], &[0, 0, 0, 0], "mtime is zero");
        let mut back = Vec::new();
        GzDecoder::new(&gz[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, data);
        assert!(gz.len() < data.len() / 4);
    }

    #[test]
    fn the_smallest_gzip_round_trips_reproducibly_and_beats_level_nine() {
        let data: Vec<u8> = (0..20_000u32)
            .flat_map(|i| ((i * 7) % 253).to_le_bytes())
            .collect();
        let gz = gzip_smallest(&data);
        assert_eq!(gz, gzip_smallest(&data), "same input, same bytes");
        assert_eq!(&gz[..3], &[0x1f, 0x8b, 8], "gzip magic + deflate");
        assert_eq!(&gz[4..8], &[0, 0, 0, 0], "mtime is zero");
        let mut back = Vec::new();
        GzDecoder::new(&gz[..]).read_to_end(&mut back).unwrap();
        assert_eq!(back, data);
        assert!(gz.len() <= gzip_best(&data).len());
    }

    #[test]
    fn seven_bit_text_round_trips_and_stays_inside_a_script_string() {
        let mut cases: Vec<Vec<u8>> = (0..=16).map(|n| vec![0u8; n]).collect();
        cases.extend((0..=16).map(|n| vec![0xffu8; n]));
        cases.push((0..=255).collect());
        cases.push(
            (0..50_000u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
                .collect(),
        );
        for data in cases {
            let text = seven_bit(&data);
            assert_eq!(seven_bit_decode(&text, data.len()), data, "{data:?}");
            assert!(
                !text.contains(['\0', '\n', '\r', '"', '\\', '<']),
                "{text:?}"
            );
            assert!(
                text.chars().all(|c| (c as u32) < 0x800),
                "one or two bytes of UTF-8"
            );
            assert!(
                text.len() <= data.len() * 8 / 7 + 2,
                "{} for {}",
                text.len(),
                data.len()
            );
        }
        assert_eq!(seven_bit(b""), "");
        // 0x00 0x00 → values 0, 0, 0 (the last padded): a pair, then a lone awkward value
        assert_eq!(seven_bit(&[0, 0]), "\u{100}\u{400}");
        assert_eq!(seven_bit(b"A"), "\u{20}\u{40}");
    }

    #[test]
    fn base64_is_standard_and_padded() {
        assert_eq!(base64(b"keyplan"), "a2V5cGxhbg==");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }
}
