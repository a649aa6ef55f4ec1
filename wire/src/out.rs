//! One deal written as keyplan writes it, from borrowed parts: the hot loop of saving a plan.
//!
//! The layout (which keys, in which order, which are left out when empty) is keyplan's plan
//! format (`docs/plan-format.md`); keyplan hands each deal over as a [`Deal`] and checks, in its
//! tests, that the text is byte for byte what its serde types write. The text goes straight
//! into a `String` (nothing to check as UTF-8 afterwards); strings are escaped eight bytes at a
//! time as serde_json escapes them (`escape.rs`), days and moments spelled here ([`Day`],
//! [`Moment`]); what a deal rarely holds comes written already ([`Deal::rare`],
//! [`Deal::unknown`]).
pub use crate::iso::{Day, Moment};

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
    pub rare: &'a str,
    pub created: Moment,
    pub updated: Moment,
    /// The unknown fields as written by serde_json (no braces), or nothing.
    pub unknown: &'a str,
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
        // in 64 bits whenever the amount fits (every amount but the absurd): a 128-bit division
        // is a library call
        let (cents, major) = match u64::try_from(abs) {
            Ok(abs) => ((abs % 100) as u8, u128::from(abs / 100)),
            Err(_) => ((abs % 100) as u8, abs / 100),
        };
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
        let mut major = major;
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

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.text[..usize::from(self.len)]).expect("digits are ASCII")
    }
}

/// Writes `deal` as a JSON object at the end of `out`.
pub fn write(out: &mut String, deal: &Deal) {
    out.push_str("{\"id\":");
    string(out, deal.id);
    out.push_str(",\"name\":");
    string(out, deal.name);
    out.push_str(",\"customer\":");
    string(out, deal.customer);
    out.push_str(",\"amount\":");
    out.push_str(deal.amount.as_str());
    out.push_str(",\"stage\":");
    string(out, deal.stage);
    out.push_str(",\"status\":");
    string(out, deal.status);
    if let Some(day) = &deal.expected_close {
        out.push_str(",\"expected_close\":");
        quoted(out, day.as_str());
    }
    if let Some(day) = &deal.closed_on {
        out.push_str(",\"closed_on\":");
        quoted(out, day.as_str());
    }
    text(out, ",\"owner\":", deal.owner);
    text(out, ",\"product\":", deal.product);
    text(out, ",\"region\":", deal.region);
    text(out, ",\"segment\":", deal.segment);
    text(out, ",\"next_step\":", deal.next_step);
    text(out, ",\"notes\":", deal.notes);
    if let Some(probability) = deal.probability {
        out.push_str(",\"probability\":");
        number(out, probability);
    }
    if let Some(category) = deal.category {
        out.push_str(",\"category\":");
        string(out, category);
    }
    if !deal.gates.is_empty() {
        out.push_str(",\"gates\":{");
        joined(out, deal.gates, check);
        out.push('}');
    }
    if !deal.history.is_empty() {
        out.push_str(",\"history\":[");
        let mut missing = deal.missing;
        for (i, entry) in deal.history.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let (ids, rest) = missing.split_at(entry.missing.min(missing.len()));
            missing = rest;
            change(out, entry, ids);
        }
        out.push(']');
    }
    entries(out, deal.rare);
    out.push_str(",\"created\":");
    quoted(out, deal.created.as_str());
    out.push_str(",\"updated\":");
    quoted(out, deal.updated.as_str());
    entries(out, deal.unknown);
    out.push('}');
}

fn check(out: &mut String, gate: &Check) {
    string(out, gate.id);
    out.push_str(":{\"on\":");
    quoted(out, gate.on.as_str());
    text(out, ",\"evidence\":", gate.evidence);
    out.push('}');
}

fn change(out: &mut String, entry: &Change, missing: &[&str]) {
    out.push_str("{\"from\":");
    string(out, entry.from);
    out.push_str(",\"to\":");
    string(out, entry.to);
    out.push_str(",\"at\":");
    quoted(out, entry.at.as_str());
    text(out, ",\"reason\":", entry.reason);
    if !missing.is_empty() {
        out.push_str(",\"missing\":[");
        joined(out, missing, |out, id| string(out, id));
        out.push(']');
    }
    if let Some(status) = entry.status {
        out.push_str(",\"status\":");
        string(out, status);
    }
    text(out, ",\"competitor\":", entry.competitor);
    if let Some((was, now)) = &entry.close {
        out.push_str(",\"close\":{");
        if let Some(was) = was {
            out.push_str("\"was\":");
            quoted(out, was.as_str());
        }
        if let Some(now) = now {
            if was.is_some() {
                out.push(',');
            }
            out.push_str("\"now\":");
            quoted(out, now.as_str());
        }
        out.push('}');
    }
    out.push('}');
}

/// `key` and the text, unless it is empty.
fn text(out: &mut String, key: &str, value: &str) {
    if !value.is_empty() {
        out.push_str(key);
        string(out, value);
    }
}

/// Each of `items` written by `each`, with commas between.
fn joined<T>(out: &mut String, items: &[T], each: impl Fn(&mut String, &T)) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        each(out, item);
    }
}

/// Entries written already, after a comma, unless there are none.
fn entries(out: &mut String, written: &str) {
    if !written.is_empty() {
        out.push(',');
        out.push_str(written);
    }
}

/// Text that needs no escape (a day, a moment), between quotes.
fn quoted(out: &mut String, text: &str) {
    out.push('"');
    out.push_str(text);
    out.push('"');
}

/// A string as serde_json escapes it.
fn string(out: &mut String, text: &str) {
    crate::escape::string(out, text);
}

/// A number below 256 in decimal.
fn number(out: &mut String, n: u8) {
    if n >= 100 {
        out.push(char::from(b'0' + n / 100));
    }
    if n >= 10 {
        out.push(char::from(b'0' + n / 10 % 10));
    }
    out.push(char::from(b'0' + n % 10));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(minor: i128) -> String {
        Amount::of_minor(minor).as_str().to_owned()
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
    fn numbers_are_written_as_serde_json_writes_them() {
        for n in 0..=u8::MAX {
            let mut out = String::new();
            number(&mut out, n);
            assert_eq!(out, serde_json::to_string(&n).unwrap());
        }
    }

    #[test]
    fn a_deal_is_written_with_what_it_has_in_order() {
        let day = Day::of(2026, 11, 28).unwrap();
        let at = Moment::of(2026, 11, 28, 9, 30, 0).unwrap();
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
            rare: "\"self_check\":[\"q\"]",
            created: at,
            updated: at,
            unknown: "",
        };
        let mut out = String::new();
        write(&mut out, &deal);
        assert_eq!(
            out,
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
