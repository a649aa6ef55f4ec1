//! A JSON string written byte for byte as serde_json writes it, eight bytes at a time where
//! nothing needs escaping (almost all of a plan's text).
//!
//! serde_json escapes `"` as `\"`, `\` as `\\`, 0x08 as `\b`, 0x0C as `\f`, `\n`, `\r`, `\t`,
//! every other byte below 0x20 as `\u00XX` (lowercase hex), and writes everything else as it
//! is: DEL, U+2028, any other character beyond ASCII. So does this.

/// Every byte of a `u64` set to `byte`.
const fn each(byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8])
}

const ONES: u64 = each(0x01);
const HIGHS: u64 = each(0x80);

/// Whether one of the eight bytes of `word` needs an escape: it is below 0x20, or `"`, or `\`.
///
/// The usual bit tricks (each byte is a lane; a borrow or a high bit marks a lane): `word -
/// each(n)` sets the high bit of a lane below `n`, and `& !word` leaves out the lanes whose byte
/// had its high bit set already (0x80 and up, never escaped); a lane equal to `c` is a zero lane
/// of `word ^ each(c)`. A borrow from one lane into the next happens only below a lane that
/// matches already, so the answer is exact for the word as a whole: a false alarm would only
/// cost a step byte by byte, but a miss would write a byte unescaped — which is why the tests
/// put every byte at every place of a word.
#[inline(always)]
fn needs_escape(word: u64) -> bool {
    let below = word.wrapping_sub(each(0x20)) & !word;
    let quote = word ^ each(b'"');
    let quote = quote.wrapping_sub(ONES) & !quote;
    let backslash = word ^ each(b'\\');
    let backslash = backslash.wrapping_sub(ONES) & !backslash;
    (below | quote | backslash) & HIGHS != 0
}

/// Whether `byte` is written escaped.
#[inline(always)]
fn escaped(byte: u8) -> bool {
    byte < 0x20 || byte == b'"' || byte == b'\\'
}

/// `text` as a JSON string, quotes included, at the end of `out`.
pub(crate) fn string(out: &mut String, text: &str) {
    out.push('"');
    let bytes = text.as_bytes();
    // `text[start..i]` is still to be copied; `i` only ever stops at an escaped byte (ASCII, so
    // at a char boundary) or at the end
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // the eight bytes from `i`, or at the end the last eight (those before `i` were looked
        // at already: one of them escaped is only a false alarm)
        let word = match bytes.get(i..i + 8) {
            Some(word) => Some(word),
            None => bytes
                .get(bytes.len().saturating_sub(8)..)
                .filter(|w| w.len() == 8),
        };
        if let Some(word) = word {
            let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            if !needs_escape(word) {
                i = bytes.len().min(i + 8);
                continue;
            }
        }
        // a word with something to escape, or a text shorter than a word: byte by byte up to
        // the word's end
        let end = bytes.len().min(i + 8);
        while i < end {
            let byte = bytes[i];
            if escaped(byte) {
                out.push_str(&text[start..i]);
                escape(out, byte);
                start = i + 1;
            }
            i += 1;
        }
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// The escape of one byte that needs one.
#[cold]
fn escape(out: &mut String, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match byte {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        0x08 => out.push_str("\\b"),
        0x0C => out.push_str("\\f"),
        b'\n' => out.push_str("\\n"),
        b'\r' => out.push_str("\\r"),
        b'\t' => out.push_str("\\t"),
        _ => {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xF)]));
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    fn ours(text: &str) -> String {
        let mut out = String::new();
        super::string(&mut out, text);
        out
    }

    fn serde(text: &str) -> String {
        serde_json::to_string(text).unwrap()
    }

    #[test]
    fn the_empty_string_is_two_quotes() {
        assert_eq!(ours(""), "\"\"");
        assert_eq!(ours(""), serde(""));
    }

    #[test]
    fn every_ascii_byte_alone_is_written_as_serde_writes_it() {
        for byte in 0..=0x7Fu8 {
            let text = char::from(byte).to_string();
            assert_eq!(ours(&text), serde(&text), "byte {byte:#04x}");
        }
    }

    /// Each ASCII byte at each place of the first two words, in texts of every length around
    /// it, with plain text, another escape or text beyond ASCII beside it.
    #[test]
    fn every_ascii_byte_at_every_offset_is_written_as_serde_writes_it() {
        for byte in 0..=0x7Fu8 {
            let c = char::from(byte);
            for before in 0..16 {
                for after in [0, 1, 7, 8, 9, 16] {
                    for filler in ["a", "中", "\u{7f}", "\"", "é"] {
                        let mut text = filler.repeat(before);
                        text.push(c);
                        text.push_str(&"b".repeat(after));
                        assert_eq!(ours(&text), serde(&text), "{text:?}");
                        let mut text = "x".repeat(before);
                        text.push(c);
                        text.push_str(&filler.repeat(after));
                        assert_eq!(ours(&text), serde(&text), "{text:?}");
                    }
                }
            }
        }
    }

    /// Two, three and four byte characters across the edge of a word, with an escape right
    /// after them.
    #[test]
    fn characters_across_word_edges_are_written_whole() {
        for c in ['é', '中', '😀', '\u{2028}', '\u{feff}', '\u{10ffff}'] {
            for before in 0..16 {
                for tail in ["", "\"", "\n", "\u{1f}", "abc\\"] {
                    let text = format!("{}{c}{tail}{c}", "z".repeat(before));
                    assert_eq!(ours(&text), serde(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn control_characters_are_spelled_in_lowercase_hex() {
        assert_eq!(ours("\u{1b}[0m\u{0}"), "\"\\u001b[0m\\u0000\"");
        assert_eq!(ours("a\u{8}\u{c}\t"), "\"a\\b\\f\\t\"");
    }

    proptest! {
        #[test]
        fn any_text_is_written_as_serde_writes_it(text in any::<String>()) {
            prop_assert_eq!(ours(&text), serde(&text));
        }

        /// Text mostly of the bytes that matter, so that escapes fall at every place of a word.
        #[test]
        fn hostile_text_is_written_as_serde_writes_it(
            chars in proptest::collection::vec(
                prop_oneof![
                    3 => proptest::sample::select(vec![
                        '"', '\\', '\n', '\r', '\t', '\u{8}', '\u{c}', '\0', '\u{1}', '\u{1f}',
                        ' ', '!', '#', '[', ']', '\u{7f}', '\u{80}', '中', '😀', 'a',
                    ]),
                    1 => any::<char>(),
                ],
                0..40,
            )
        ) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(ours(&text), serde(&text));
        }
    }
}
