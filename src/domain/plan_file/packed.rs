//! A large plan as the browser keeps it: the plan-file JSON packed into fewer characters.
//!
//! localStorage holds about five million UTF-16 characters per origin, and every save hands the
//! whole plan to the browser, which copies it several times on the way to disk: a 10,000-deal
//! plan is about five million characters and its save took some 65 ms, most of it the browser's.
//! From [`PACK_FROM`] bytes of JSON on, the text kept is [`PACKED`] followed by the standard
//! base64 of: the length of the JSON in UTF-8 bytes (4 bytes, little-endian), the JSON's bytes as
//! one LZ4 block, and the JSON's [`fingerprint`] (8 bytes, little-endian), which a damaged text
//! fails. (The first two are what Python's `lz4.block.decompress` reads.) Plain ASCII is also
//! the cheapest text a browser makes and stores (one byte a character). It is kept only when it
//! is shorter than the JSON in UTF-16 units (what the quota counts), so packing never leaves less
//! room: text that LZ4 cannot shrink, such as long unrepeated Chinese prose, stays plain.
//!
//! A smaller plan stays plain JSON, readable where the browser shows its storage.
use std::borrow::Cow;

use base64::Engine;

use super::error::{Damage, Unreadable};
use super::MAX_FILE_BYTES;
use crate::domain::fingerprint::fingerprint;

/// What packed text starts with.
pub const PACKED: &str = "keyplan.lz4:";

/// Plans of fewer bytes of JSON than this (512 KiB, about 850 typical deals) are kept as they are.
pub const PACK_FROM: usize = 512 * 1024;

const BASE64: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// The text to keep for plan-file JSON: packed when it is at least [`PACK_FROM`] bytes and
/// packing makes it shorter in UTF-16 units; otherwise the JSON itself.
pub fn pack(json: String) -> String {
    if json.len() < PACK_FROM {
        return json;
    }
    let packed = pack_always(&json);
    // JSON of n bytes is between n / 3 and n UTF-16 units: the units are counted (a pass over
    // megabytes) only when the packed text falls between
    let shorter = if packed.len() * 3 < json.len() {
        true
    } else {
        packed.len() < json.len() && packed.len() < utf16_len(&json)
    };
    if shorter {
        packed
    } else {
        json
    }
}

/// `json` packed, whatever its size.
pub fn pack_always(json: &str) -> String {
    let mut bytes = lz4_flex::block::compress_prepend_size(json.as_bytes());
    bytes.extend_from_slice(&fingerprint(Some(json)).to_le_bytes());
    let mut text = String::with_capacity(PACKED.len() + bytes.len().div_ceil(3) * 4);
    text.push_str(PACKED);
    BASE64.encode_string(&bytes, &mut text);
    text
}

/// The plan-file text `text` holds: itself when it is not packed, its JSON when it is.
/// Packed text that does not unpack (a character changed, cut short, a fingerprint that does not
/// match, bytes that are not UTF-8, a length over [`MAX_FILE_BYTES`], which keyplan never packs)
/// is [`Unreadable::Damaged`]; nothing is unpacked past that length.
pub fn unpack(text: &str) -> Result<Cow<'_, str>, Unreadable> {
    let Some(body) = text.strip_prefix(PACKED) else {
        return Ok(Cow::Borrowed(text));
    };
    let bytes = BASE64
        .decode(body.trim_end())
        .map_err(|_| Unreadable::Damaged(Damage::NotBase64))?;
    let damaged = Unreadable::Damaged(Damage::Block);
    let (block, print) = bytes
        .split_last_chunk::<8>()
        .ok_or_else(|| damaged.clone())?;
    let (len, block) = lz4_flex::block::uncompressed_size(block).map_err(|_| damaged.clone())?;
    if len > MAX_FILE_BYTES {
        return Err(Unreadable::Damaged(Damage::TooLong(len)));
    }
    let json = lz4_flex::block::decompress(block, len).map_err(|_| damaged.clone())?;
    if json.len() != len {
        return Err(damaged);
    }
    let json = String::from_utf8(json).map_err(|_| Unreadable::Damaged(Damage::NotUtf8))?;
    if fingerprint(Some(&json)).to_le_bytes() != *print {
        return Err(damaged);
    }
    Ok(Cow::Owned(json))
}

/// Stored text as a person would want it downloaded: the JSON of packed text that unpacks, any
/// other text as it is.
pub fn plain(text: String) -> String {
    match unpack(&text) {
        Ok(Cow::Owned(json)) => json,
        _ => text,
    }
}

/// The length of `text` in UTF-16 units, from its UTF-8 bytes: one per byte that starts a
/// character, and one more for each character of four bytes (a surrogate pair).
pub fn utf16_len(text: &str) -> usize {
    text.bytes()
        .map(|b| usize::from((b as i8) >= -64) + usize::from(b >= 0xf0))
        .sum()
}
