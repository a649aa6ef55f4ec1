//! A deal's 渔网图 (the map of the customer's people) as SVG, and the same people as a table.
//! Geometry and markup come from `crate::chart::people_map` and `crate::chart::people_svg`; the
//! people arrive with their words already in the reader's language (role badges, and the names of
//! levels, attitudes and relationship degrees in [`MapVocab`]), so that the map knows nothing of
//! the contact model.
mod legend;
mod map;
mod table;

pub use crate::chart::people_map::MapLink;
pub use crate::chart::people_svg::{MapCard, MapVocab};
pub use map::people_map;
pub use table::people_table;

use crate::chart::people_map::{layout, MapLayout};

/// The people and the lines between them, with the words for them.
pub struct PeopleProps {
    pub lang: crate::i18n::Lang,
    pub people: Vec<MapCard>,
    pub links: Vec<MapLink>,
    pub vocab: MapVocab,
    /// Ends the ids of the map's elements: unique among the maps on the page.
    pub ids: &'static str,
}

impl PeopleProps {
    fn layout(&self) -> MapLayout {
        let people: Vec<_> = self.people.iter().map(MapCard::person).collect();
        layout(&people, &self.links)
    }
}
