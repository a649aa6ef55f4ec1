//! Reading a deal's people (`contacts`, `links`, `competitors`, `swot`, `review`) and the
//! method's rules about them, field by field, with the path of every problem
//! (`deals[2].contacts[1].attitude`). A problem here is a problem of the deal, as in its gates or
//! history: a lenient read leaves that deal out and says where, a strict one refuses the text.
use std::collections::HashSet;

use serde_json::Value;

use super::error::ProblemKind;
use super::json::{date, each, problem, quoted, stage, string, whole_at_most, At, Object, Read};
use crate::domain::method::{MapRule, PeopleRules, Weights};
use crate::domain::people::{
    Attitude, Competitor, Contact, ContactId, Influence, Level, Link, LinkKind, People,
    PricePosition, Relationship, Review, Role, Swot,
};
use crate::domain::validate::Problem as FieldProblem;

/// The people of a deal, taken out of its object.
pub(super) fn read(deal: &mut Object) -> Read<People> {
    let contacts = deal
        .optional_with("contacts", |at, value| {
            let mut ids = HashSet::new();
            each(at, value, |at, value| {
                let contact = contact(at, value)?;
                if !ids.insert(contact.id.clone()) {
                    return Err(problem(
                        &at.key("id"),
                        ProblemKind::ContactIdUsedTwice(quoted(contact.id.as_str())),
                    ));
                }
                Ok(contact)
            })
        })?
        .unwrap_or_default();
    let links = deal
        .optional_with("links", |at, value| {
            let mut seen = HashSet::new();
            let mut links = each(at, value, |at, value| {
                let link = link(at, value, &contacts)?;
                Ok(seen.insert(link.clone()).then_some(link))
            })?;
            links.retain(Option::is_some);
            Ok(links.into_iter().flatten().collect())
        })?
        .unwrap_or_default();
    let competitors = deal
        .optional_with("competitors", |at, value| {
            let mut names = HashSet::new();
            each(at, value, |at, value| {
                let competitor = competitor(at, value)?;
                if !names.insert(competitor.name.trim().to_lowercase()) {
                    return Err(problem(
                        &at.key("name"),
                        ProblemKind::CompetitorTwice(quoted(&competitor.name)),
                    ));
                }
                Ok(competitor)
            })
        })?
        .unwrap_or_default();
    Ok(People {
        contacts,
        links,
        competitors,
        swot: deal.optional_with("swot", swot)?.unwrap_or_default(),
        review: deal.optional_with("review", review)?.unwrap_or_default(),
    })
}

/// One of a closed set of codes.
fn code<T>(
    at: &At,
    value: Value,
    codes: &'static [&'static str],
    parse: fn(&str) -> Option<T>,
) -> Read<T> {
    let text = string(at, value)?;
    parse(&text).ok_or_else(|| {
        problem(
            at,
            ProblemKind::NotOneOf {
                found: quoted(&text),
                allowed: codes,
            },
        )
    })
}

fn named(at: &At, object: &mut Object) -> Read<String> {
    let name = object.required_with("name", string)?;
    if name.trim().is_empty() {
        return Err(problem(
            &at.key("name"),
            ProblemKind::Field(FieldProblem::Required),
        ));
    }
    Ok(name)
}

fn contact(at: &At, value: Value) -> Read<Contact> {
    let mut c = Object::new(*at, value)?;
    let id = c.required_with("id", string)?;
    if id.trim().is_empty() {
        return Err(problem(
            &at.key("id"),
            ProblemKind::Field(FieldProblem::Required),
        ));
    }
    let name = named(at, &mut c)?;
    let mut roles = c
        .optional_with("roles", |at, value| {
            each(at, value, |at, v| code(at, v, Role::CODES, Role::parse))
        })?
        .unwrap_or_default();
    roles.sort();
    roles.dedup();
    let read = Contact {
        id: ContactId::new(id),
        name,
        title: c.text("title")?,
        department: c.text("department")?,
        level: c.optional_with("level", |at, v| code(at, v, Level::CODES, Level::parse))?,
        roles,
        influence: c.optional_with("influence", |at, v| {
            code(at, v, Influence::CODES, Influence::parse)
        })?,
        attitude: c.optional_with("attitude", |at, v| {
            code(at, v, Attitude::CODES, Attitude::parse)
        })?,
        relationship: c.optional_with("relationship", relationship)?,
        owner: c.text("owner")?,
        last_contact: c.optional_with("last_contact", date)?,
        wants_result: c.text("wants_result")?,
        wants_win: c.text("wants_win")?,
        notes: c.text("notes")?,
        extra: Default::default(),
    };
    Ok(Contact {
        extra: c.rest().into_iter().collect(),
        ..read
    })
}

fn relationship(at: &At, value: Value) -> Read<Relationship> {
    code(at, value, Relationship::CODES, Relationship::parse)
}

/// A link between two contacts of the deal, not of one to itself.
fn link(at: &At, value: Value, contacts: &[Contact]) -> Read<Link> {
    let mut l = Object::new(*at, value)?;
    let mut end = |key: &str| -> Read<ContactId> {
        let id = l.required_with(key, string)?;
        if !contacts.iter().any(|c| c.id.as_str() == id) {
            return Err(problem(
                &at.key(key),
                ProblemKind::UnknownContact(quoted(&id)),
            ));
        }
        Ok(ContactId::new(id))
    };
    let from = end("from")?;
    let to = end("to")?;
    if from == to {
        return Err(problem(at, ProblemKind::SelfLink));
    }
    let kind = l.required_with("kind", |at, v| {
        code(at, v, LinkKind::CODES, LinkKind::parse)
    })?;
    Ok(Link { from, to, kind })
}

fn competitor(at: &At, value: Value) -> Read<Competitor> {
    let mut c = Object::new(*at, value)?;
    Ok(Competitor {
        name: named(at, &mut c)?,
        strengths: c.text("strengths")?,
        weaknesses: c.text("weaknesses")?,
        relationship: c.optional_with("relationship", relationship)?,
        price: c.optional_with("price", |at, v| {
            code(at, v, PricePosition::CODES, PricePosition::parse)
        })?,
    })
}

fn swot(at: &At, value: Value) -> Read<Swot> {
    let mut s = Object::new(*at, value)?;
    Ok(Swot {
        strengths: s.text("strengths")?,
        weaknesses: s.text("weaknesses")?,
        opportunities: s.text("opportunities")?,
        threats: s.text("threats")?,
        so: s.text("so")?,
        st: s.text("st")?,
        wo: s.text("wo")?,
        wt: s.text("wt")?,
    })
}

fn review(at: &At, value: Value) -> Read<Review> {
    let mut r = Object::new(*at, value)?;
    Ok(Review {
        why: r.text("why")?,
        competitor: r.text("competitor")?,
        learned: r.text("learned")?,
    })
}

/// A gate item's link to a test of the map.
pub(super) fn map_rule(at: &At, value: Value) -> Read<MapRule> {
    const CODES: &[&str] = &[
        "decision_chain",
        "middle_relations",
        "top_relation",
        "map_complete",
    ];
    code(at, value, CODES, MapRule::parse)
}

/// The method's rules about people; what is absent takes the default.
pub(super) fn rules(at: &At, value: Value) -> Read<PeopleRules> {
    let mut r = Object::new(*at, value)?;
    let default = PeopleRules::default();
    let days = |at: &At, v| whole_at_most(at, v, 365).map(|d| d as u32);
    let weight = |at: &At, v| whole_at_most(at, v, 100).map(|d| d as u32);
    Ok(PeopleRules {
        chain_from: r
            .optional_with("chain_from", stage)?
            .unwrap_or(default.chain_from),
        contact_days: r
            .optional_with("contact_days", days)?
            .unwrap_or(default.contact_days),
        top_by: r.optional_with("top_by", stage)?.unwrap_or(default.top_by),
        weights: r
            .optional_with("weights", |at, value| {
                let mut w = Object::new(*at, value)?;
                let d = default.weights;
                Ok(Weights {
                    gates: w.optional_with("gates", weight)?.unwrap_or(d.gates),
                    chain: w.optional_with("chain", weight)?.unwrap_or(d.chain),
                    competition: w
                        .optional_with("competition", weight)?
                        .unwrap_or(d.competition),
                    freshness: w.optional_with("freshness", weight)?.unwrap_or(d.freshness),
                    slips: w.optional_with("slips", weight)?.unwrap_or(d.slips),
                })
            })?
            .unwrap_or(default.weights),
    })
}
