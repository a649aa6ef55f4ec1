//! Reading a deal's people (`contacts`, `links`, `competitors`, `swot`, `review`) and the
//! method's rules about them, field by field, with the path of every problem
//! (`deals[2].contacts[1].attitude`). A problem here is a problem of the deal, as in its gates or
//! history: a lenient read leaves that deal out and says where, a strict one refuses the text.
use std::collections::{BTreeSet, HashSet};

use serde_json::Value;

use super::error::ProblemKind;
use super::json::{
    array, date, each, problem, quoted, stage, string, whole_at_most, At, Object, Read,
};
use crate::domain::method::{MapRule, PeopleRules, Weights};
use crate::domain::people::{
    name_key, Attitude, Competitor, Contact, ContactId, Influence, Level, Link, LinkKind, People,
    PricePosition, Relationship, Review, Role, Swot,
};
use crate::domain::validate::Problem as FieldProblem;

/// The people of a deal, taken out of its object.
pub(super) fn read(deal: &mut Object) -> Read<People> {
    let contacts = deal
        .optional_with("contacts", |at, value| {
            let mut ids = BTreeSet::new();
            each(at, value, |at, value| {
                let contact = contact(at, value)?;
                if !ids.insert(contact.id.0.clone()) {
                    return Err(problem(
                        &at.key("id"),
                        ProblemKind::ContactIdUsedTwice(quoted(contact.id.as_str())),
                    ));
                }
                Ok(contact)
            })
        })?
        .unwrap_or_default();
    // sets, so that a hostile file of many people reads in linear time
    let ids: HashSet<&str> = contacts.iter().map(|c| c.id.as_str()).collect();
    let mut links: Vec<Link> = Vec::new();
    let mut linked = HashSet::new();
    for (i, value) in deal
        .optional_with("links", array)?
        .unwrap_or_default()
        .into_iter()
        .enumerate()
    {
        let at = deal.at().key("links");
        let link = link(&at.index(i), value, &ids)?;
        if linked.insert(link.clone()) {
            links.push(link);
        }
    }
    let mut competitors: Vec<Competitor> = Vec::new();
    let mut names = HashSet::new();
    for (i, value) in deal
        .optional_with("competitors", array)?
        .unwrap_or_default()
        .into_iter()
        .enumerate()
    {
        let at = deal.at().key("competitors");
        let at = at.index(i);
        let competitor = competitor(&at, value)?;
        if !names.insert(name_key(&competitor.name)) {
            return Err(problem(
                &at.key("name"),
                ProblemKind::CompetitorTwice(quoted(&competitor.name)),
            ));
        }
        competitors.push(competitor);
    }
    Ok(People {
        contacts,
        links,
        competitors,
        swot: deal.optional_with("swot", swot)?.unwrap_or_default(),
        review: deal.optional_with("review", review)?.unwrap_or_default(),
    })
}

/// Optional texts (absent or `null`: empty), one per key.
fn texts<const N: usize>(object: &mut Object, keys: [&str; N]) -> Read<[String; N]> {
    let mut out: [String; N] = std::array::from_fn(|_| String::new());
    for (slot, key) in out.iter_mut().zip(keys) {
        *slot = object.text(key)?;
    }
    Ok(out)
}

/// The position in `codes` of a text that must be one of them.
fn code_at(at: &At, value: Value, codes: &'static [&'static str]) -> Read<usize> {
    let text = string(at, value)?;
    codes.iter().position(|c| *c == text).ok_or_else(|| {
        problem(
            at,
            ProblemKind::NotOneOf {
                found: quoted(&text),
                allowed: codes,
            },
        )
    })
}

/// An optional field holding one of `codes`: its position.
fn optional_code(
    object: &mut Object,
    key: &str,
    codes: &'static [&'static str],
) -> Read<Option<usize>> {
    object.optional_with(key, |at, value| code_at(at, value, codes))
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
    let roles: Vec<Role> = c
        .optional_with("roles", |at, value| {
            each(at, value, |at, v| code_at(at, v, Role::CODES))
        })?
        .unwrap_or_default()
        .into_iter()
        .map(|i| Role::ALL[i])
        .collect();
    let [title, department, owner, wants_result, wants_win, notes] = texts(
        &mut c,
        [
            "title",
            "department",
            "owner",
            "wants_result",
            "wants_win",
            "notes",
        ],
    )?;
    let read = Contact {
        id: ContactId::new(id),
        name,
        title,
        department,
        level: optional_code(&mut c, "level", Level::CODES)?.map(|i| Level::ALL[i]),
        roles: Role::in_order(&roles),
        influence: optional_code(&mut c, "influence", Influence::CODES)?.map(|i| Influence::ALL[i]),
        attitude: optional_code(&mut c, "attitude", Attitude::CODES)?.map(|i| Attitude::ALL[i]),
        relationship: relationship(&mut c)?,
        owner,
        last_contact: c.optional_with("last_contact", date)?,
        wants_result,
        wants_win,
        notes,
        extra: Default::default(),
    };
    Ok(Contact {
        extra: c.rest().into_iter().collect(),
        ..read
    })
}

fn relationship(object: &mut Object) -> Read<Option<Relationship>> {
    Ok(optional_code(object, "relationship", Relationship::CODES)?.map(|i| Relationship::ALL[i]))
}

/// A link between two contacts of the deal, not of one to itself.
fn link(at: &At, value: Value, contacts: &HashSet<&str>) -> Read<Link> {
    let mut l = Object::new(*at, value)?;
    let mut end = |key: &str| -> Read<ContactId> {
        let id = l.required_with(key, string)?;
        if !contacts.contains(id.as_str()) {
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
    let kind = LinkKind::ALL[l.required_with("kind", |at, v| code_at(at, v, LinkKind::CODES))?];
    Ok(Link { from, to, kind })
}

fn competitor(at: &At, value: Value) -> Read<Competitor> {
    let mut c = Object::new(*at, value)?;
    let name = named(at, &mut c)?;
    let [strengths, weaknesses] = texts(&mut c, ["strengths", "weaknesses"])?;
    Ok(Competitor {
        name,
        strengths,
        weaknesses,
        relationship: relationship(&mut c)?,
        price: optional_code(&mut c, "price", PricePosition::CODES)?.map(|i| PricePosition::ALL[i]),
        extra: c.rest().into_iter().collect(),
    })
}

fn swot(at: &At, value: Value) -> Read<Swot> {
    let mut object = Object::new(*at, value)?;
    let [strengths, weaknesses, opportunities, threats, so, st, wo, wt] = texts(
        &mut object,
        [
            "strengths",
            "weaknesses",
            "opportunities",
            "threats",
            "so",
            "st",
            "wo",
            "wt",
        ],
    )?;
    Ok(Swot {
        strengths,
        weaknesses,
        opportunities,
        threats,
        so,
        st,
        wo,
        wt,
        extra: object.rest().into_iter().collect(),
    })
}

fn review(at: &At, value: Value) -> Read<Review> {
    let mut object = Object::new(*at, value)?;
    let [why, competitor, learned] = texts(&mut object, ["why", "competitor", "learned"])?;
    Ok(Review {
        why,
        competitor,
        learned,
        extra: object.rest().into_iter().collect(),
    })
}

/// A gate item's link to a test of the map.
pub(super) fn map_rule(at: &At, value: Value) -> Read<MapRule> {
    code_at(at, value, MapRule::CODES).map(|i| MapRule::ALL[i])
}

/// The method's rules about people; what is absent takes the default.
pub(super) fn rules(at: &At, value: Value) -> Read<PeopleRules> {
    let mut r = Object::new(*at, value)?;
    let default = PeopleRules::default();
    // as the method editor allows them: 1–365 days, weights not all 0
    let days = |at: &At, v| match whole_at_most(at, v, 365)? {
        0 => Err(problem(at, ProblemKind::LessThan { value: 0, min: 1 })),
        d => Ok(d as u32),
    };
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
                let weights = Weights {
                    gates: w.optional_with("gates", weight)?.unwrap_or(d.gates),
                    chain: w.optional_with("chain", weight)?.unwrap_or(d.chain),
                    competition: w
                        .optional_with("competition", weight)?
                        .unwrap_or(d.competition),
                    freshness: w.optional_with("freshness", weight)?.unwrap_or(d.freshness),
                    slips: w.optional_with("slips", weight)?.unwrap_or(d.slips),
                };
                if weights.total() == 0 {
                    return Err(problem(at, ProblemKind::NoWeight));
                }
                Ok(weights)
            })?
            .unwrap_or(default.weights),
    })
}
