//! Lone surrogate escapes: `\ud800` without a low half after it, or `\udc00` without a high half
//! before it, is half of a UTF-16 pair and no character at all. No string can hold one, and a
//! JSON parser refuses the whole text for it; yet it damages only the string it is in.
//!
//! So each one is replaced, in a copy of the text, by the escape of a *mark*: a noncharacter
//! (U+FDD0 … U+FDEF, never text) that the file does not use, of the same length, so that the line
//! and column of any other problem stay right. The copy is parsed, and every string or key that
//! holds the mark is named by its path: the deal it is in is left out, like any other bad deal.
use serde_json::Value;

use super::error::{Problem, ProblemKind};
use super::json::{problem, At, Object};

/// The noncharacters a mark is chosen from, the first one the file does not use.
const MARKS: std::ops::RangeInclusive<u32> = 0xFDD0..=0xFDEF;

/// Whether `c` is one of the marks (shown as U+FFFD wherever a message quotes it).
pub(super) fn is_mark(c: char) -> bool {
    MARKS.contains(&u32::from(c))
}

/// The text with its lone surrogate escapes replaced by the escape of a mark, and the mark.
/// `None` when it has none (nearly always: a file without any backslash costs one `memchr`), or
/// in the absurd case that it uses every candidate mark (the parser then refuses the text for
/// the escape, as it always did).
pub(super) fn patch(text: &str) -> Option<(String, char)> {
    let mut lone = Vec::new();
    let mut used = [false; 32];
    escapes(text, &mut |at, unit, alone| {
        if alone {
            lone.push(at);
        } else if MARKS.contains(&unit) {
            used[(unit - MARKS.start()) as usize] = true;
        }
    });
    if lone.is_empty() {
        return None;
    }
    for c in text.chars().filter(|c| is_mark(*c)) {
        used[(u32::from(c) - MARKS.start()) as usize] = true;
    }
    let free = used.iter().position(|used| !used)?;
    let unit = MARKS.start() + free as u32;
    let mut patched = text.as_bytes().to_vec();
    for at in lone {
        patched[at + 2..at + 6].copy_from_slice(format!("{unit:04x}").as_bytes());
    }
    let patched = String::from_utf8(patched).expect("ASCII replaced by ASCII");
    Some((
        patched,
        char::from_u32(unit).expect("a noncharacter is a char"),
    ))
}

/// Calls `found(position, code unit, lone)` for every `\uXXXX` escape of `text`, in order (a
/// valid surrogate pair counts once, as its high half). In JSON every backslash starts an escape,
/// so `\\u` (an escaped backslash, then `u`) is never taken for one.
fn escapes(text: &str, found: &mut dyn FnMut(usize, u32, bool)) {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = text.get(from..).and_then(|rest| rest.find('\\')) {
        let at = from + offset;
        from = at + 2;
        let Some(unit) = (bytes.get(at + 1) == Some(&b'u'))
            .then(|| hex4(bytes, at + 2))
            .flatten()
        else {
            continue;
        };
        from = at + 6;
        let lone = match unit {
            0xD800..=0xDBFF => {
                let low = bytes.get(at + 6..at + 8) == Some(b"\\u")
                    && hex4(bytes, at + 8).is_some_and(|u| (0xDC00..=0xDFFF).contains(&u));
                if low {
                    from = at + 12;
                }
                !low
            }
            0xDC00..=0xDFFF => true,
            _ => false,
        };
        found(at, unit, lone);
    }
}

/// The four hex digits at `at`, if they are there.
fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    digits.iter().try_fold(0, |n, &b| {
        char::from(b).to_digit(16).map(|digit| n * 16 + digit)
    })
}

/// The first string or key under `value` (at `at`) that holds `mark`, as a problem at its path.
pub(super) fn marked(value: &Value, mark: char, at: &At) -> Option<Problem> {
    match value {
        Value::String(text) if text.contains(mark) => Some(problem(at, ProblemKind::LoneSurrogate)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, item)| marked(item, mark, &at.index(i))),
        Value::Object(map) => map
            .iter()
            .find_map(|(key, value)| marked_field(key, value, mark, at)),
        _ => None,
    }
}

/// The field `key` of the object at `at`, if its key or its value holds `mark`.
fn marked_field(key: &str, value: &Value, mark: char, at: &At) -> Option<Problem> {
    if key.contains(mark) {
        let shown: String = key.chars().map(shown).collect();
        return Some(problem(&at.key(&shown), ProblemKind::LoneSurrogate));
    }
    marked(value, mark, &at.key(key))
}

/// The top level's fields but the deals: `mark` there refuses the file.
pub(super) fn check_top(top: &Object, mark: char) -> Result<(), Problem> {
    match top
        .fields()
        .iter()
        .filter(|(key, _)| *key != "deals")
        .find_map(|(key, value)| marked_field(key, value, mark, top.at()))
    {
        Some(problem) => Err(problem),
        None => Ok(()),
    }
}

/// A character as messages show it: a mark as U+FFFD, the replacement character.
pub(super) fn shown(c: char) -> char {
    if is_mark(c) {
        '\u{FFFD}'
    } else {
        c
    }
}
