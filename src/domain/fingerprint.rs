//! A fingerprint of a text: 64 bits that tell texts apart by any byte and by length.

/// A fingerprint of a text (64 bits, odd; absent text has 0). What a tab compares before it
/// overwrites the plan it keeps, so that text another tab wrote without a new stamp (or a stamp
/// it wrote itself, by chance) is never taken for its own; and the check that a packed plan
/// unpacks to the text it was (`plan_file::packed`). Eight bytes a step (a multiply and a
/// rotation each, like FNV but by words), so that a plan of megabytes takes a millisecond or two.
pub fn fingerprint(text: Option<&str>) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let Some(text) = text else {
        return 0;
    };
    let bytes = text.as_bytes();
    let words = bytes.chunks_exact(8);
    let mut tail = [0u8; 8];
    tail[..words.remainder().len()].copy_from_slice(words.remainder());
    let mut hash = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    for word in words.map(|w| u64::from_le_bytes(w.try_into().expect("eight bytes"))) {
        hash = (hash ^ word).wrapping_mul(K).rotate_left(29);
    }
    hash = (hash ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    (hash ^ (hash >> 32)).wrapping_mul(K) | 1
}
