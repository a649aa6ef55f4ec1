//! One deal as written.
use std::borrow::Cow;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// A deal as written; `null` counts as absent. Text without an escape is borrowed from the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Wire<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    pub name: String,
    pub customer: String,
    #[serde(borrow)]
    pub amount: &'a RawValue,
    #[serde(borrow)]
    pub stage: Cow<'a, str>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub status: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub expected_close: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub closed_on: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub owner: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub product: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub region: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub segment: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub next_step: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub notes: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "raw")]
    pub probability: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub category: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub gates: Option<Gates<'a>>,
    #[serde(borrow, default, deserialize_with = "changes")]
    pub history: Option<Vec<Change<'a>>>,
    pub self_check: Option<Vec<String>>,
    #[serde(borrow, default, deserialize_with = "raw")]
    pub strategies: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub created: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub updated: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "raw")]
    pub contacts: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "raw")]
    pub links: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "raw")]
    pub competitors: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "raw")]
    pub swot: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "raw")]
    pub review: Option<&'a RawValue>,
    #[serde(borrow, default, deserialize_with = "raw")]
    pub bonus: Option<&'a RawValue>,
}

/// A deal's `gates`: each item's id and check, in file order (a key given twice is there twice;
/// in a JSON object the last one counts).
pub struct Gates<'a>(pub Vec<(String, Check<'a>)>);

impl<'de: 'a, 'a> Deserialize<'de> for Gates<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(GatesVisitor(std::marker::PhantomData))
    }
}

struct GatesVisitor<'a>(std::marker::PhantomData<Gates<'a>>);

impl<'de: 'a, 'a> Visitor<'de> for GatesVisitor<'a> {
    type Value = Gates<'a>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("gate checks")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Gates<'a>, A::Error> {
        let mut gates = Vec::new();
        while let Some(id) = map.next_key::<String>()? {
            gates.push((id, map.next_value::<Object<Check<'a>>>()?.0));
        }
        Ok(Gates(gates))
    }
}

/// A gate item's check.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check<'a> {
    #[serde(borrow)]
    pub on: Cow<'a, str>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub evidence: Option<Cow<'a, str>>,
}

/// An entry of a deal's history.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change<'a> {
    #[serde(borrow)]
    pub from: Cow<'a, str>,
    #[serde(borrow)]
    pub to: Cow<'a, str>,
    #[serde(borrow)]
    pub at: Cow<'a, str>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub reason: Option<Cow<'a, str>>,
    pub missing: Option<Vec<String>>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub status: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub competitor: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "close")]
    pub close: Option<Close<'a>>,
}

/// How a change moved the expected close.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Close<'a> {
    #[serde(borrow, default, deserialize_with = "text")]
    pub was: Option<Cow<'a, str>>,
    #[serde(borrow, default, deserialize_with = "text")]
    pub now: Option<Cow<'a, str>>,
}

/// Optional text (`null` is absent), borrowed from the file where it has no escape (serde's
/// `#[serde(borrow)]` borrows a `Cow<str>`, but not one inside an `Option`). One function for
/// every such field, not inlined in each: about as fast, for much less code.
#[inline(never)]
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    deserializer.deserialize_option(OptionalText)
}

/// An optional value as written (`null` is absent), as [`text`].
#[inline(never)]
fn raw<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<&'de RawValue>, D::Error> {
    Option::<&'de RawValue>::deserialize(deserializer)
}

struct OptionalText;

impl<'de> Visitor<'de> for OptionalText {
    type Value = Option<Cow<'de, str>>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("text or null")
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(Text).map(Some)
    }
}

struct Text;

impl<'de> Visitor<'de> for Text {
    type Value = Cow<'de, str>;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("text")
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(text))
    }

    fn visit_str<E>(self, text: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text.to_string()))
    }

    fn visit_string<E>(self, text: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(text))
    }
}

/// A deal's history, each entry an object.
fn changes<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Vec<Change<'de>>>, D::Error> {
    let entries = Option::<Vec<Object<Change<'de>>>>::deserialize(deserializer)?;
    Ok(entries.map(|entries| entries.into_iter().map(|e| e.0).collect()))
}

/// A change's `close`, an object.
fn close<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Close<'de>>, D::Error> {
    Ok(Option::<Object<Close<'de>>>::deserialize(deserializer)?.map(|c| c.0))
}

/// A struct read only from a JSON object. serde_json also reads a struct from an array (its
/// items taken as the fields in order), which the careful reader refuses: both ways must give
/// the same deal, so here an array is the wrong kind too.
pub struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(ObjectOnly(deserializer)).map(Object)
    }
}

/// Hands a struct's fields over only from a map.
struct ObjectOnly<D>(D);

impl<'de, D: Deserializer<'de>> Deserializer<'de> for ObjectOnly<D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The deal written in `text` (one JSON object and nothing else); `None` when it is not JSON,
/// has a field this does not know, or a field of the wrong kind.
pub fn deal(text: &str) -> Option<Wire<'_>> {
    serde_json::from_str::<Object<Wire<'_>>>(text)
        .ok()
        .map(|w| w.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn optional_text_is_borrowed_unless_it_has_an_escape() {
        let wire = deal(
            r#"{"id": "a", "name": "n", "customer": "c", "amount": 1, "stage": "P1",
                "owner": "王晓明", "notes": "two\nlines", "product": null}"#,
        )
        .unwrap();
        assert!(matches!(wire.owner, Some(Cow::Borrowed("王晓明"))));
        assert!(matches!(wire.notes.as_deref(), Some("two\nlines")));
        assert!(matches!(wire.notes, Some(Cow::Owned(_))));
        assert!(wire.product.is_none() && wire.region.is_none());
    }

    #[test]
    fn gates_keep_every_key_in_file_order() {
        let wire = deal(
            r#"{"id": "a", "name": "n", "customer": "c", "amount": 1, "stage": "P1",
                "gates": {"b": {"on": "2027-01-02"}, "a": {"on": "x"}, "b": {"on": "2027-01-03"}}}"#,
        )
        .unwrap();
        let gates = wire.gates.unwrap().0;
        let keys: Vec<(&str, &str)> = gates.iter().map(|(k, c)| (k.as_str(), &*c.on)).collect();
        assert_eq!(keys, [("b", "2027-01-02"), ("a", "x"), ("b", "2027-01-03")]);
    }

    /// serde_json would read a struct from an array, its items as the fields in order; the
    /// careful reader refuses that, and so does this.
    #[test]
    fn a_deal_or_a_part_of_it_written_as_an_array_fails_the_deal() {
        let base = r#""id": "a", "name": "n", "customer": "c", "amount": 1, "stage": "P1""#;
        assert!(deal(r#"["a", "n", "c", 1, "P1"]"#).is_none());
        assert!(deal(&format!(
            "{{{base}, \"gates\": {{\"g1\": [\"2027-01-01\"]}}}}"
        ))
        .is_none());
        let change = r#""from": "P0", "to": "P1", "at": "2027-01-01T00:00:00Z""#;
        assert!(deal(&format!("{{{base}, \"history\": [{{{change}}}]}}")).is_some());
        assert!(deal(&format!(
            "{{{base}, \"history\": [[\"P0\", \"P1\", \"x\"]]}}"
        ))
        .is_none());
        assert!(deal(&format!(
            "{{{base}, \"history\": [{{{change}, \"close\": {{}}}}]}}"
        ))
        .is_some());
        assert!(deal(&format!(
            "{{{base}, \"history\": [{{{change}, \"close\": []}}]}}"
        ))
        .is_none());
    }

    #[test]
    fn an_unknown_field_or_a_wrong_kind_fails_the_deal() {
        let base = r#""id": "a", "name": "n", "customer": "c", "amount": 1, "stage": "P1""#;
        assert!(deal(&format!("{{{base}}}")).is_some());
        assert!(deal(&format!("{{{base}, \"colour\": 1}}")).is_none());
        assert!(deal(&format!("{{{base}, \"owner\": 1}}")).is_none());
        assert!(deal(&format!("{{{base}}} x")).is_none());
    }
}
