//! A deal's contacts and links as the 渔网图's input, in the reader's language.
use crate::chart::people_map::{LinkKind as MapKind, MapLink};
use crate::chart::people_svg::{MapCard, MapVocab};
use crate::domain::people::{Attitude, Influence, Level, LinkKind, People, Relationship, Role};
use crate::i18n::Lang;

/// The map's words for levels, attitudes, degrees and influence, from the core's names.
pub fn vocab(lang: Lang) -> MapVocab {
    let t = lang.texts();
    MapVocab {
        levels: [Level::Top, Level::Middle, Level::Operational].map(|l| lang.level(l)),
        attitudes: [
            Attitude::Opposed,
            Attitude::Doubtful,
            Attitude::Neutral,
            Attitude::Supportive,
            Attitude::Champion,
        ]
        .map(|a| lang.attitude(a)),
        attitude_unknown: t.not_known,
        degrees: [
            Relationship::Stranger,
            Relationship::Acquainted,
            Relationship::Familiar,
            Relationship::Trusted,
            Relationship::Ally,
        ]
        .map(|r| lang.relationship(r)),
        influences: [Influence::High, Influence::Medium, Influence::Low].map(|i| lang.influence(i)),
    }
}

/// One card per contact (a level not known yet is drawn with the operational row, an influence
/// not known as low) and one line per link.
pub fn cards(lang: Lang, people: &People) -> (Vec<MapCard>, Vec<MapLink>) {
    let cards = people
        .contacts
        .iter()
        .map(|c| MapCard {
            key: c.id.as_str().to_string(),
            name: c.name.clone(),
            title: [c.title.trim(), c.department.trim()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" · "),
            level: c.level.map_or(2, Level::rank),
            roles: c
                .roles
                .iter()
                .map(|r: &Role| lang.role(*r).to_string())
                .collect(),
            influence: c.influence.map_or(2, Influence::rank),
            attitude: c.attitude.map(Attitude::rank),
            degree: c.relationship_or_none().rank(),
            owner: c.owner.clone(),
        })
        .collect();
    let links = people
        .links
        .iter()
        .map(|l| MapLink {
            from: l.from.as_str().to_string(),
            to: l.to.as_str().to_string(),
            kind: match l.kind {
                LinkKind::ReportsTo => MapKind::ReportsTo,
                LinkKind::Influences => MapKind::Influences,
            },
        })
        .collect();
    (cards, links)
}
