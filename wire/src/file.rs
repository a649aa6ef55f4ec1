//! A whole plan file: its deals handed over one by one as they are parsed.
use std::borrow::Cow;

use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::Wire;

/// The top-level fields of a file but `deals`, in file order, as written (a key given twice is
/// there twice).
pub type Rest<'a> = Vec<(Cow<'a, str>, &'a RawValue)>;

/// Parses a plan file, handing each deal to `each` as soon as it is parsed (so that no deal as
/// written is kept); `each` says whether to go on. The other top-level fields, as written.
///
/// `None` when the text is not JSON, not an object, has no `deals` list or two of them, has a
/// deal this does not take ([`crate::deal`]), or when `each` stopped.
pub fn file<'a>(text: &'a str, each: &mut dyn FnMut(Wire<'a>) -> bool) -> Option<Rest<'a>> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let rest = TopLevel { each }.deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    rest
}

struct TopLevel<'e, 'a> {
    each: &'e mut dyn FnMut(Wire<'a>) -> bool,
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for TopLevel<'_, 'a> {
    /// `None` when there is no `deals`.
    type Value = Option<Rest<'a>>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for TopLevel<'_, 'a> {
    type Value = Option<Rest<'a>>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a plan file")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut rest: Rest<'a> = Vec::new();
        let mut deals = false;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key != "deals" {
                rest.push((key, map.next_value()?));
            } else if deals {
                return Err(A::Error::custom("deals given twice"));
            } else {
                map.next_value_seed(DealList {
                    each: &mut *self.each,
                })?;
                deals = true;
            }
        }
        Ok(deals.then_some(rest))
    }
}

/// The list of deals, each handed over as it is parsed.
struct DealList<'e, 'a> {
    each: &'e mut dyn FnMut(Wire<'a>) -> bool,
}

impl<'de: 'a, 'a> DeserializeSeed<'de> for DealList<'_, 'a> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de: 'a, 'a> Visitor<'de> for DealList<'_, 'a> {
    type Value = ();

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a list of deals")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(crate::deal::Object(wire)) =
            seq.next_element::<crate::deal::Object<Wire<'a>>>()?
        {
            if !(self.each)(wire) {
                return Err(A::Error::custom("a deal to read carefully"));
            }
        }
        Ok(())
    }
}

/// The top level of a file as written: each key with its value, in file order (a key given twice
/// is there twice). `None` when the text is not JSON or not an object.
pub fn top(text: &str) -> Option<Rest<'_>> {
    serde_json::from_str::<Pairs>(text)
        .ok()
        .map(|pairs| pairs.0)
}

/// The items of a JSON list as written; `None` when the text is not a list.
pub fn items(text: &str) -> Option<Vec<&RawValue>> {
    serde_json::from_str(text).ok()
}

struct Pairs<'a>(Rest<'a>);

impl<'de: 'a, 'a> Deserialize<'de> for Pairs<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(PairsVisitor(std::marker::PhantomData))
    }
}

struct PairsVisitor<'a>(std::marker::PhantomData<Pairs<'a>>);

impl<'de: 'a, 'a> Visitor<'de> for PairsVisitor<'a> {
    type Value = Pairs<'a>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs<'a>, A::Error> {
        let mut pairs = Vec::new();
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            pairs.push((key, map.next_value()?));
        }
        Ok(Pairs(pairs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deals_are_handed_over_and_the_rest_kept_as_written() {
        let text = r#"{"format": "keyplan.plan", "deals": [
            {"id": "a", "name": "n", "customer": "c", "amount": 1, "stage": "P1"},
            {"id": "b", "name": "n", "customer": "c", "amount": 2, "stage": "P2"}],
            "title": "T"}"#;
        let mut ids = Vec::new();
        let rest = file(text, &mut |wire| {
            ids.push(wire.id.to_string());
            true
        })
        .unwrap();
        assert_eq!(ids, ["a", "b"]);
        let rest: Vec<(&str, &str)> = rest.iter().map(|(k, v)| (&**k, v.get())).collect();
        assert_eq!(rest, [("format", "\"keyplan.plan\""), ("title", "\"T\"")]);
    }

    #[test]
    fn a_file_without_one_list_of_deals_or_a_stop_is_none() {
        let deal = r#"{"id": "a", "name": "n", "customer": "c", "amount": 1, "stage": "P1"}"#;
        let go = &mut |_: Wire| true;
        assert!(file(&format!(r#"{{"deals": [{deal}]}}"#), go).is_some());
        assert!(file(r#"{"title": "T"}"#, go).is_none());
        assert!(file(r#"{"deals": {}}"#, go).is_none());
        assert!(file(r#"{"deals": [], "deals": []}"#, go).is_none());
        assert!(file(&format!(r#"{{"deals": [{deal}]}} ,"#), go).is_none());
        assert!(file(&format!(r#"{{"deals": [{deal}]}}"#), &mut |_| false).is_none());
        assert_eq!(top(r#"{"a": 1, "a": 2}"#).map(|t| t.len()), Some(2));
        assert_eq!(items("[1, {\"b\": 2}]").map(|i| i.len()), Some(2));
        assert!(items("{}").is_none());
    }
}
