//! A large plan as the browser keeps it (`plan_file::packed`): packed only when that is shorter,
//! unpacked to exactly the text it was, and never read as another plan when damaged.
mod common;

use common::{many_deals, now, said};
use keyplan::domain::plan_file::packed::{
    self, pack, pack_always, plain, unpack, PACKED, PACK_FROM,
};
use keyplan::domain::plan_file::{
    decode, decode_stored, encode, encode_stored, read, Damage, Mode, Stored, Unreadable,
    MAX_FILE_BYTES,
};
use proptest::prelude::*;

/// Chinese text that LZ4 cannot shrink: characters drawn from 3,000, none repeated in order.
fn unrepeated_chinese(chars: usize) -> String {
    let mut x: u64 = 42;
    (0..chars)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            char::from_u32(0x4e00 + ((x >> 33) % 3_000) as u32).unwrap()
        })
        .collect()
}

#[test]
fn a_small_plan_is_kept_as_its_json() {
    let json = encode(&many_deals(20), now());
    assert!(json.len() < PACK_FROM);
    assert_eq!(pack(json.clone()), json);
    assert_eq!(encode_stored(&many_deals(20), now()).unwrap(), json);
    let just_under = json.clone() + &" ".repeat(PACK_FROM - 1 - json.len());
    assert_eq!(
        pack(just_under.clone()),
        just_under,
        "one byte under the line"
    );
}

#[test]
fn a_large_plan_is_kept_packed_and_reads_back_as_it_was() {
    let plan = many_deals(3_000);
    let json = encode(&plan, now());
    assert!(json.len() >= PACK_FROM, "{} bytes", json.len());
    let stored = encode_stored(&plan, now()).unwrap();
    assert!(stored.starts_with(PACKED));
    assert!(stored.is_ascii(), "one byte a character in the browser");
    assert!(
        stored.len() * 5 < json.len(),
        "{} characters for {} bytes of JSON",
        stored.len(),
        json.len()
    );
    assert_eq!(unpack(&stored).unwrap(), json);
    assert_eq!(decode(&stored).unwrap(), plan);
    assert_eq!(decode_stored(Some(&stored)), Stored::Plan(plan.clone()));
    // an import reads it too (a backup downloaded as it was kept), as it reads the JSON
    assert_eq!(
        read(&stored, Mode::Lenient { now: now() }),
        read(&json, Mode::Lenient { now: now() })
    );
    assert_eq!(plain(stored), json, "what a download of it holds");
}

#[test]
fn text_that_packing_cannot_shorten_stays_as_it_is() {
    // the quota counts UTF-16 units: a Chinese character is one, three bytes of UTF-8, and four
    // characters of base64 when LZ4 finds nothing to repeat
    let json = format!(
        "{{\"format\":\"keyplan.plan\",\"version\":2,\"title\":\"{}\"}}",
        unrepeated_chinese(PACK_FROM / 2)
    );
    assert!(json.len() >= PACK_FROM);
    assert!(pack_always(&json).len() > packed::utf16_len(&json));
    assert_eq!(pack(json.clone()), json);
}

#[test]
fn a_damaged_packed_plan_is_refused_as_damaged_never_read_as_another() {
    // a small plan, packed as a large one is: every change can be tried
    let plan = many_deals(40);
    let stored = pack_always(&encode(&plan, now()));
    let body = stored.len() - PACKED.len();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut damaged = 0;
    // every character changed to each of four other base64 characters
    let places: Vec<usize> = (0..body).map(|i| PACKED.len() + i).collect();
    for at in places {
        for step in [1, 17, 32, 63] {
            let was = stored.as_bytes()[at];
            let Some(i) = alphabet.iter().position(|c| *c == was) else {
                continue;
            };
            let mut bytes = stored.clone().into_bytes();
            bytes[at] = alphabet[(i + step) % 64];
            let text = String::from_utf8(bytes).unwrap();
            match decode(&text) {
                Err(Unreadable::Damaged(_)) => damaged += 1,
                // a match that now points at an equal run of earlier text unpacks to the same
                // bytes: the same plan or nothing, never another
                Ok(read) => assert_eq!(read, plan, "a change at {at} read as another plan"),
                Err(other) => panic!("a change at {at}: {other:?}"),
            }
        }
    }
    assert!(damaged > 4 * body * 9 / 10, "{damaged} changes refused");
    // cut short anywhere
    for end in (PACKED.len()..stored.len()).step_by(7) {
        assert!(
            matches!(decode(&stored[..end]), Err(Unreadable::Damaged(_))),
            "cut at {end}"
        );
    }
    assert_eq!(
        unpack("keyplan.lz4:not base64!"),
        Err(Unreadable::Damaged(Damage::NotBase64))
    );
    assert_eq!(
        unpack("keyplan.lz4:AAAA"),
        Err(Unreadable::Damaged(Damage::Block))
    );
    // a whole block around UTF-8 cut inside a character
    let cut = pack_bytes_as_text(&[b'{', 0xe4, 0xb8]);
    assert_eq!(unpack(&cut), Err(Unreadable::Damaged(Damage::NotUtf8)));
    // a packed text is kept as it is when it is downloaded damaged
    assert_eq!(plain(stored[..200].to_string()), stored[..200]);
}

#[test]
fn packed_text_that_says_it_unpacks_beyond_the_file_limit_is_damaged_and_never_unpacked() {
    let spaces = " ".repeat(MAX_FILE_BYTES + 1);
    let bomb = pack_always(&spaces);
    assert!(bomb.len() < 200_000, "{} characters", bomb.len());
    assert_eq!(
        unpack(&bomb),
        Err(Unreadable::Damaged(Damage::TooLong(MAX_FILE_BYTES + 1)))
    );
    // a length of 4 GiB less one, with nothing behind it: refused before anything is allocated
    let lying = packed_raw(&[0xff, 0xff, 0xff, 0xff, 0x10, b'x', 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(
        unpack(&lying),
        Err(Unreadable::Damaged(Damage::TooLong(u32::MAX as usize)))
    );
    assert!(
        said(&Unreadable::Damaged(Damage::TooLong(u32::MAX as usize)))
            .contains("4,294,967,295 bytes")
    );
    let at_the_limit = " ".repeat(MAX_FILE_BYTES);
    assert_eq!(unpack(&pack_always(&at_the_limit)).unwrap(), at_the_limit);
}

#[test]
fn unpacked_text_is_read_like_any_plan_file_with_its_problems_named() {
    let not_a_plan = pack_always("{\"format\":\"other\"}");
    assert!(matches!(decode(&not_a_plan), Err(Unreadable::NotAPlan(_))));
    let future = pack_always("{\"format\":\"keyplan.plan\",\"version\":99}");
    assert_eq!(decode(&future), Err(Unreadable::FutureVersion(99)));
    assert_eq!(
        plain(future),
        "{\"format\":\"keyplan.plan\",\"version\":99}",
        "a download of it is the JSON"
    );
}

proptest! {
    #[test]
    fn any_text_packs_and_unpacks_to_itself(text in any::<String>(), repeat in 1usize..40) {
        let text = text.repeat(repeat);
        let packed = pack_always(&text);
        prop_assert!(packed.starts_with(PACKED) && packed.is_ascii());
        prop_assert_eq!(unpack(&packed).unwrap(), text.as_str());
        let kept = pack(text.clone());
        prop_assert!(packed::utf16_len(&kept) <= packed::utf16_len(&text));
        prop_assert_eq!(unpack(&kept).unwrap(), text.as_str());
    }

    #[test]
    fn the_utf16_length_is_counted_from_the_utf8_bytes(text in any::<String>()) {
        prop_assert_eq!(packed::utf16_len(&text), text.encode_utf16().count());
    }
}

/// `bytes` as packed text, whatever they are.
fn packed_raw(bytes: &[u8]) -> String {
    use base64::Engine;
    format!(
        "{PACKED}{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// A packed text around bytes that need not be UTF-8 (its fingerprint is never reached).
fn pack_bytes_as_text(bytes: &[u8]) -> String {
    let mut packed = lz4_flex::block::compress_prepend_size(bytes);
    packed.extend_from_slice(&[0; 8]);
    packed_raw(&packed)
}

#[test]
fn a_plan_at_the_line_is_packed_and_packed_text_reads_with_a_mark_or_a_newline_around_it() {
    let plan = many_deals(20);
    let json = encode(&plan, now());
    // padded with spaces after the object: still the plan, exactly `PACK_FROM` bytes
    let at_the_line = json.clone() + &" ".repeat(PACK_FROM - json.len());
    let packed = pack(at_the_line.clone());
    assert!(packed.starts_with(PACKED), "packed from the line on");
    assert_eq!(unpack(&packed).unwrap(), at_the_line);
    // as a file someone saved or passed on: a byte-order mark before it, a newline after it
    assert_eq!(decode(&format!("\u{feff}{packed}\n")).unwrap(), plan);
    assert_eq!(decode(&format!("{packed}\r\n")).unwrap(), plan);
}

#[test]
fn an_export_too_large_indented_is_written_compact_so_that_it_imports_again() {
    use keyplan::domain::plan_file::encode_pretty;
    let small = many_deals(3);
    assert!(encode_pretty(&small, now()).contains("\n  "), "indented");
    let mut large = many_deals(3);
    let room = MAX_FILE_BYTES - encode(&large, now()).len() - 100;
    large.extra.insert(
        "attachment".into(),
        serde_json::Value::String("x".repeat(room - "\"attachment\":\"\",".len())),
    );
    let compact = encode(&large, now());
    assert_eq!(compact.len(), MAX_FILE_BYTES - 100);
    let exported = encode_pretty(&large, now());
    assert_eq!(exported, compact, "indented it would be over the limit");
    assert_eq!(
        read(&exported, Mode::Lenient { now: now() }).map(|p| p.plan),
        Ok(large)
    );
}

#[test]
fn between_a_third_and_all_of_the_json_the_utf16_units_decide() {
    // every piece of unrepeated text twice in a row (LZ4 looks back 64 KB): packed to about two
    // thirds of the bytes, which is fewer units than ASCII (a unit a byte) and more than Chinese
    // (a unit three bytes)
    let pairs = |pieces: Vec<String>| {
        let text: String = pieces.iter().map(|p| p.repeat(2)).collect();
        let json = format!("{{\"format\":\"keyplan.plan\",\"a\":\"{text}\"}}");
        let packed = pack_always(&json);
        assert!(
            packed.len() * 3 >= json.len() && packed.len() < json.len(),
            "{} packed from {}",
            packed.len(),
            json.len()
        );
        (json, packed)
    };
    let all: Vec<char> = unrepeated_chinese(300_000).chars().collect();
    let chinese: Vec<String> = all.chunks(10_000).map(|c| c.iter().collect()).collect();
    let ascii: Vec<String> = chinese
        .iter()
        .map(|piece| {
            piece
                .chars()
                .chain(piece.chars().rev())
                .chain(piece.chars())
                .map(|c| char::from(b'a' + (u32::from(c) % 26) as u8))
                .collect()
        })
        .collect();
    let (json, packed) = pairs(ascii);
    assert!(packed.len() < packed::utf16_len(&json));
    assert_eq!(pack(json), packed, "ASCII: packed is fewer units");
    let (json, packed) = pairs(chinese);
    assert!(packed.len() > packed::utf16_len(&json));
    assert_eq!(pack(json.clone()), json, "Chinese: the JSON is fewer units");
}
