//! Deterministic gzip and base64 for embedding the wasm in the page.

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

/// Standard, padded base64 (what `atob` decodes).
pub fn base64(data: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(data)
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
    fn base64_is_standard_and_padded() {
        assert_eq!(base64(b"keyplan"), "a2V5cGxhbg==");
        assert_eq!(base64(&[0xfb, 0xff]), "+/8=");
    }
}
