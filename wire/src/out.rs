//! One deal written as keyplan writes it, from borrowed parts: the hot loop of saving a plan.
//!
//! The layout (which keys, in which order, which are left out when empty) is keyplan's plan
//! format (`docs/plan-format.md`); keyplan hands each deal over as a [`Deal`] and checks, in its
//! tests, that the text is byte for byte what its serde types write. Strings go through
//! serde_json's own escaping; what a deal rarely holds comes written already ([`Deal::rare`],
//! [`Deal::unknown`]).
use serde::Serializer as _;

/// A deal as written, its text borrowed.
pub struct Deal<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub customer: &'a str,
    pub amount: Amount,
    /// `P0` … `P7`.
    pub stage: &'a str,
    /// `open`, `won` or `lost`.
    pub status: &'a str,
    pub expected_close: Option<Day>,
    pub closed_on: Option<Day>,
    /// Left out when empty, as are the texts after it.
    pub owner: &'a str,
    pub product: &'a str,
    pub region: &'a str,
    pub segment: &'a str,
    pub next_step: &'a str,
    pub notes: &'a str,
    pub probability: Option<u8>,
    pub category: Option<&'a str>,
    /// The ticked gate items, in the order they are written (left out when none).
    pub gates: &'a [Check<'a>],
    /// The history, oldest first (left out when empty).
    pub history: &'a [Change<'a>],
    /// The ids of every history entry's `missing`, one entry's after the other's (each entry
    /// says how many are its).
    pub missing: &'a [&'a str],
    /// The fields between `history` and `created` as written by serde_json (`"self_check":[…],
    /// …`, no braces), or nothing.
    pub rare: &'a [u8],
    pub created: Moment,
    pub updated: Moment,
    /// The unknown fields as written by serde_json (no braces), or nothing.
    pub unknown: &'a [u8],
}

/// A ticked gate item.
pub struct Check<'a> {
    pub id: &'a str,
    pub on: Day,
    /// Left out when empty.
    pub evidence: &'a str,
}

/// An entry of a deal's history; texts are left out when empty, the rest when absent.
pub struct Change<'a> {
    pub from: &'a str,
    pub to: &'a str,
    pub at: Moment,
    pub reason: &'a str,
    /// How many of [`Deal::missing`] are this entry's.
    pub missing: usize,
    pub status: Option<&'a str>,
    pub competitor: &'a str,
    /// A move of the expected signing date: what it was and what it became.
    pub close: Option<(Option<Day>, Option<Day>)>,
}

/// An amount as plan files spell it: whole units, then `.5` or `.05` when there are cents.
#[derive(Clone, Copy)]
pub struct Amount {
    text: [u8; 44],
    len: u8,
}

impl Amount {
    /// The amount of `minor` units (cents).
    pub fn of_minor(minor: i128) -> Amount {
        let mut text = [0u8; 44];
        let mut at = text.len();
        let abs = minor.unsigned_abs();
        let mut put = |digit: u8| {
            at -= 1;
            text[at] = b'0' + digit;
        };
        let cents = (abs % 100) as u8;
        if cents % 10 != 0 {
            put(cents % 10);
            put(cents / 10);
        } else if cents != 0 {
            put(cents / 10);
        }
        if cents != 0 {
            at -= 1;
            text[at] = b'.';
        }
        let mut major = abs / 100;
        // the same digits, in 64 bits whenever they fit: a 128-bit division is a library call
        match u64::try_from(major) {
            Ok(mut major) => loop {
                at -= 1;
                text[at] = b'0' + (major % 10) as u8;
                major /= 10;
                if major == 0 {
                    break;
                }
            },
            Err(_) => loop {
                at -= 1;
                text[at] = b'0' + (major % 10) as u8;
                major /= 10;
                if major == 0 {
                    break;
                }
            },
        }
        if minor < 0 {
            at -= 1;
            text[at] = b'-';
        }
        text.copy_within(at.., 0);
        Amount {
            text,
            len: (text.len() - at) as u8,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.text[..usize::from(self.len)]
    }
}

/// A day as written: `YYYY-MM-DD`.
#[derive(Clone, Copy)]
pub struct Day([u8; 10]);

impl Day {
    /// `None` unless the text is ASCII without quote, backslash or control character.
    pub fn new(text: [u8; 10]) -> Option<Day> {
        plain(&text).then_some(Day(text))
    }
}

/// A moment as written: `YYYY-MM-DDTHH:MM:SSZ`.
#[derive(Clone, Copy)]
pub struct Moment([u8; 20]);

impl Moment {
    /// `None` unless the text is ASCII without quote, backslash or control character.
    pub fn new(text: [u8; 20]) -> Option<Moment> {
        plain(&text).then_some(Moment(text))
    }
}

/// Text that is written between quotes as it is.
fn plain(text: &[u8]) -> bool {
    text.iter()
        .all(|b| (b' '..=b'~').contains(b) && *b != b'"' && *b != b'\\')
}

/// Writes `deal` as a JSON object at the end of `out`.
pub fn write(out: &mut Vec<u8>, deal: &Deal) {
    out.extend_from_slice(b"{\"id\":");
    string(out, deal.id);
    out.extend_from_slice(b",\"name\":");
    string(out, deal.name);
    out.extend_from_slice(b",\"customer\":");
    string(out, deal.customer);
    out.extend_from_slice(b",\"amount\":");
    out.extend_from_slice(deal.amount.as_bytes());
    out.extend_from_slice(b",\"stage\":");
    string(out, deal.stage);
    out.extend_from_slice(b",\"status\":");
    string(out, deal.status);
    if let Some(day) = &deal.expected_close {
        out.extend_from_slice(b",\"expected_close\":");
        quoted(out, &day.0);
    }
    if let Some(day) = &deal.closed_on {
        out.extend_from_slice(b",\"closed_on\":");
        quoted(out, &day.0);
    }
    text(out, b",\"owner\":", deal.owner);
    text(out, b",\"product\":", deal.product);
    text(out, b",\"region\":", deal.region);
    text(out, b",\"segment\":", deal.segment);
    text(out, b",\"next_step\":", deal.next_step);
    text(out, b",\"notes\":", deal.notes);
    if let Some(probability) = deal.probability {
        out.extend_from_slice(b",\"probability\":");
        number(out, probability);
    }
    if let Some(category) = deal.category {
        out.extend_from_slice(b",\"category\":");
        string(out, category);
    }
    if !deal.gates.is_empty() {
        out.extend_from_slice(b",\"gates\":{");
        joined(out, deal.gates, check);
        out.push(b'}');
    }
    if !deal.history.is_empty() {
        out.extend_from_slice(b",\"history\":[");
        let mut missing = deal.missing;
        for (i, entry) in deal.history.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            let (ids, rest) = missing.split_at(entry.missing.min(missing.len()));
            missing = rest;
            change(out, entry, ids);
        }
        out.push(b']');
    }
    entries(out, deal.rare);
    out.extend_from_slice(b",\"created\":");
    quoted(out, &deal.created.0);
    out.extend_from_slice(b",\"updated\":");
    quoted(out, &deal.updated.0);
    entries(out, deal.unknown);
    out.push(b'}');
}

fn check(out: &mut Vec<u8>, gate: &Check) {
    string(out, gate.id);
    out.extend_from_slice(b":{\"on\":");
    quoted(out, &gate.on.0);
    text(out, b",\"evidence\":", gate.evidence);
    out.push(b'}');
}

fn change(out: &mut Vec<u8>, entry: &Change, missing: &[&str]) {
    out.extend_from_slice(b"{\"from\":");
    string(out, entry.from);
    out.extend_from_slice(b",\"to\":");
    string(out, entry.to);
    out.extend_from_slice(b",\"at\":");
    quoted(out, &entry.at.0);
    text(out, b",\"reason\":", entry.reason);
    if !missing.is_empty() {
        out.extend_from_slice(b",\"missing\":[");
        joined(out, missing, |out, id| string(out, id));
        out.push(b']');
    }
    if let Some(status) = entry.status {
        out.extend_from_slice(b",\"status\":");
        string(out, status);
    }
    text(out, b",\"competitor\":", entry.competitor);
    if let Some((was, now)) = &entry.close {
        out.extend_from_slice(b",\"close\":{");
        if let Some(was) = was {
            out.extend_from_slice(b"\"was\":");
            quoted(out, &was.0);
        }
        if let Some(now) = now {
            if was.is_some() {
                out.push(b',');
            }
            out.extend_from_slice(b"\"now\":");
            quoted(out, &now.0);
        }
        out.push(b'}');
    }
    out.push(b'}');
}

/// `key` and the text, unless it is empty.
fn text(out: &mut Vec<u8>, key: &[u8], value: &str) {
    if !value.is_empty() {
        out.extend_from_slice(key);
        string(out, value);
    }
}

/// Each of `items` written by `each`, with commas between.
fn joined<T>(out: &mut Vec<u8>, items: &[T], each: impl Fn(&mut Vec<u8>, &T)) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        each(out, item);
    }
}

/// Entries written already, after a comma, unless there are none.
fn entries(out: &mut Vec<u8>, written: &[u8]) {
    if !written.is_empty() {
        out.push(b',');
        out.extend_from_slice(written);
    }
}

/// Text that needs no escape ([`plain`]), between quotes.
fn quoted(out: &mut Vec<u8>, text: &[u8]) {
    out.push(b'"');
    out.extend_from_slice(text);
    out.push(b'"');
}

/// A string as serde_json escapes it.
fn string(out: &mut Vec<u8>, text: &str) {
    let mut serializer = serde_json::Serializer::new(out);
    (&mut serializer)
        .serialize_str(text)
        .expect("writing into memory cannot fail");
}

fn number(out: &mut Vec<u8>, n: u8) {
    let mut serializer = serde_json::Serializer::new(out);
    (&mut serializer)
        .serialize_u8(n)
        .expect("writing into memory cannot fail");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(minor: i128) -> String {
        String::from_utf8(Amount::of_minor(minor).as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn amounts_are_spelled_as_plan_files_spell_them() {
        assert_eq!(amount(0), "0");
        assert_eq!(amount(5), "0.05");
        assert_eq!(amount(50), "0.5");
        assert_eq!(amount(-105), "-1.05");
        assert_eq!(amount(125_000_050), "1250000.5");
        assert_eq!(amount(99_999_999_999_999), "999999999999.99");
        assert_eq!(
            amount(i128::from(u64::MAX) * 100 + 1),
            "18446744073709551615.01"
        );
        assert_eq!(
            amount(i128::MIN),
            "-1701411834604692317316873037158841057.28"
        );
        assert_eq!(
            amount(i128::MAX),
            "1701411834604692317316873037158841057.27"
        );
    }

    #[test]
    fn days_and_moments_take_only_text_written_as_it_is() {
        assert!(Day::new(*b"2026-11-28").is_some());
        assert!(Day::new(*b"2026-11-2\"").is_none());
        assert!(Moment::new(*b"2026-11-28T09:30:00\n").is_none());
    }

    #[test]
    fn a_deal_is_written_with_what_it_has_in_order() {
        let day = Day::new(*b"2026-11-28").unwrap();
        let at = Moment::new(*b"2026-11-28T09:30:00Z").unwrap();
        let deal = Deal {
            id: "d\"1",
            name: "智能仓储\n",
            customer: "蓝海",
            amount: Amount::of_minor(125_000_050),
            stage: "P1",
            status: "open",
            expected_close: None,
            closed_on: Some(day),
            owner: "",
            product: "",
            region: "华东",
            segment: "",
            next_step: "",
            notes: "",
            probability: Some(35),
            category: None,
            gates: &[Check {
                id: "p0-a",
                on: day,
                evidence: "",
            }],
            history: &[
                Change {
                    from: "P0",
                    to: "P1",
                    at,
                    reason: "",
                    missing: 2,
                    status: None,
                    competitor: "",
                    close: Some((None, Some(day))),
                },
                Change {
                    from: "P1",
                    to: "P1",
                    at,
                    reason: "r",
                    missing: 0,
                    status: Some("won"),
                    competitor: "",
                    close: None,
                },
            ],
            missing: &["p0-b", "p0-c"],
            rare: b"\"self_check\":[\"q\"]",
            created: at,
            updated: at,
            unknown: b"",
        };
        let mut out = Vec::new();
        write(&mut out, &deal);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            concat!(
                r#"{"id":"d\"1","name":"智能仓储\n","customer":"蓝海","amount":1250000.5,"#,
                r#""stage":"P1","status":"open","closed_on":"2026-11-28","region":"华东","#,
                r#""probability":35,"gates":{"p0-a":{"on":"2026-11-28"}},"history":["#,
                r#"{"from":"P0","to":"P1","at":"2026-11-28T09:30:00Z","missing":["p0-b","p0-c"],"#,
                r#""close":{"now":"2026-11-28"}},{"from":"P1","to":"P1","#,
                r#""at":"2026-11-28T09:30:00Z","reason":"r","status":"won"}],"#,
                r#""self_check":["q"],"created":"2026-11-28T09:30:00Z","#,
                r#""updated":"2026-11-28T09:30:00Z"}"#
            )
        );
    }
}
