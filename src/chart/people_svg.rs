//! The 渔网图 as SVG markup, from its layout and the people's words: bands named by level, lines
//! under the cards, one card per person. Written as text rather than as a virtual DOM, which costs
//! the page kilobytes less and can be tested (and looked at) natively; every person's text is
//! escaped and fitted to its card.
use std::fmt::Write;

use super::label::{fit, width};
use super::people_map::{CardBox, LinkKind, MapLayout, MapPerson, CARD_H, CARD_W, LABEL_W};

/// One person on the map, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapCard {
    /// Unique on the map (the contact's id); links name people by it.
    pub key: String,
    pub name: String,
    /// The job title (and department).
    pub title: String,
    /// 0 top, 1 middle, 2 operational.
    pub level: u8,
    /// Short badges for the roles in this decision: `决策者`, `Coach`…
    pub roles: Vec<String>,
    /// 0 high, 1 medium, 2 low.
    pub influence: u8,
    /// 0 opposed … 4 champion; `None` not known yet.
    pub attitude: Option<u8>,
    /// The relationship ladder: 0 (陌生, a stranger) … 4 (同盟, an ally).
    pub degree: u8,
    /// Who on our team owns the relationship; empty when no one does.
    pub owner: String,
}

impl MapCard {
    /// What the layout needs of the person.
    pub fn person(&self) -> MapPerson {
        MapPerson {
            key: self.key.clone(),
            level: self.level,
        }
    }
}

/// The names of levels, attitudes, degrees and influence in the reader's language, lowest index
/// first as in [`MapCard`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapVocab {
    pub levels: [&'static str; 3],
    pub attitudes: [&'static str; 5],
    pub attitude_unknown: &'static str,
    pub degrees: [&'static str; 5],
    pub influences: [&'static str; 3],
}

impl MapVocab {
    pub fn level(&self, level: u8) -> &'static str {
        self.levels[usize::from(level).min(2)]
    }

    pub fn attitude(&self, attitude: Option<u8>) -> &'static str {
        attitude.map_or(self.attitude_unknown, |a| {
            self.attitudes[usize::from(a).min(4)]
        })
    }

    pub fn degree(&self, degree: u8) -> &'static str {
        self.degrees[usize::from(degree).min(4)]
    }

    pub fn influence(&self, influence: u8) -> &'static str {
        self.influences[usize::from(influence).min(2)]
    }
}

/// The fixed words of the map in the reader's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MapWords<'a> {
    /// The map's title and its description for screen readers.
    pub title: &'a str,
    pub desc: &'a str,
    /// `：` or `: `.
    pub colon: &'a str,
    pub influence: &'a str,
    pub attitude: &'a str,
    pub relationship: &'a str,
    pub owner: &'a str,
    /// Written for an owner no one is.
    pub no_value: &'a str,
    /// Ends the ids of the map's elements, so that two maps on one page (the dialog's and the
    /// printed account plan's) never share one.
    pub ids: &'a str,
}

/// The glyph that tells an attitude apart without colour: `−−` opposed … `++` champion.
pub fn attitude_glyph(attitude: Option<u8>) -> &'static str {
    match attitude {
        Some(0) => "−−",
        Some(1) => "−",
        Some(2) => "○",
        Some(3) => "+",
        Some(_) => "++",
        None => "?",
    }
}

/// The CSS class of an attitude: `att-0` … `att-4`, `att-none`.
pub fn attitude_class(attitude: Option<u8>) -> &'static str {
    match attitude {
        Some(0) => "att-0",
        Some(1) => "att-1",
        Some(2) => "att-2",
        Some(3) => "att-3",
        Some(_) => "att-4",
        None => "att-none",
    }
}

/// The id of the arrowhead of influence lines; one definition serves every map on the page.
pub const ARROW: &str = "people-map-arrow";

/// Font sizes of the map's texts (styles/main.css `.people-map`), in the map's units.
pub const NAME_PX: f64 = 14.0;
pub const TITLE_PX: f64 = 12.0;
pub const SMALL_PX: f64 = 11.0;
pub const BAND_PX: f64 = 13.0;
/// Bold text is about a seventh wider than `label::fit` estimates for regular text.
const NAME_FIT_PX: f64 = NAME_PX * 1.15;
/// A card's inner margin, and the room for the attitude glyph right of the name.
const PAD: i32 = 10;
const GLYPH_ROOM: i32 = 28;
/// Where the relationship degree's name starts, right of the ladder.
const DEGREE_X: i32 = 54;

/// `text` with `&`, `<`, `>` and `"` escaped, for SVG text and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The relationship ladder with its top-left corner at (`x`, `y`): five steps 6 wide rising to
/// the right up to 12 high, those up to `degree` filled.
pub fn ladder(out: &mut String, x: i32, y: i32, degree: u8) {
    for k in 0..5 {
        let on = if k <= i32::from(degree) { " on" } else { "" };
        let h = 4 + 2 * k;
        let _ = write!(
            out,
            r#"<rect class="step{on}" x="{}" y="{}" width="6" height="{h}"/>"#,
            x + 8 * k,
            y + 12 - h
        );
    }
}

/// The role badges of a card, left to right: whole while they fit (a lone first one is cut to
/// fit), then `+n` for the rest; blank roles take no badge. Each is (x within the card, width,
/// text).
pub fn badges(roles: &[String]) -> Vec<(i32, i32, String)> {
    let roles: Vec<&str> = roles
        .iter()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut x = PAD;
    let right = CARD_W - PAD;
    for (i, role) in roles.iter().enumerate() {
        let rest = roles.len() - i - 1;
        let more = if rest > 0 { 28 } else { 0 };
        let mut text = role.to_string();
        let mut w = width(&text, SMALL_PX) as i32 + 9;
        if x + w > right - more {
            if i > 0 {
                out.push((x, 24, format!("+{}", rest + 1)));
                break;
            }
            text = fit(&text, f64::from(right - x - more - 9), SMALL_PX);
            w = width(&text, SMALL_PX) as i32 + 9;
        }
        out.push((x, w, text));
        x += w + 4;
    }
    out
}

/// The tooltip of a card: every fact about the person, one a line.
fn tip(p: &MapCard, v: &MapVocab, w: &MapWords) -> String {
    let said = |label: &str, value: &str| format!("{label}{}{value}", w.colon);
    let owner = if p.owner.is_empty() {
        w.no_value
    } else {
        &p.owner
    };
    [
        p.name.clone(),
        p.title.clone(),
        v.level(p.level).to_string(),
        p.roles.join(" · "),
        said(w.influence, v.influence(p.influence)),
        said(w.attitude, v.attitude(p.attitude)),
        said(w.relationship, v.degree(p.degree)),
        said(w.owner, owner),
    ]
    .into_iter()
    .filter(|line| !line.trim().is_empty())
    .collect::<Vec<_>>()
    .join("\n")
}

/// One card at `at`.
fn card(out: &mut String, p: &MapCard, at: CardBox, v: &MapVocab, w: &MapWords) {
    let room = f64::from(CARD_W - 2 * PAD);
    let _ = write!(
        out,
        r#"<g class="person {} infl-{}" transform="translate({} {})"><title>{}</title><rect class="card" width="{CARD_W}" height="{CARD_H}" rx="6"/>"#,
        attitude_class(p.attitude),
        p.influence.min(2),
        at.x,
        at.y,
        escape(&tip(p, v, w)),
    );
    let gx = CARD_W - PAD - 12;
    let _ = write!(
        out,
        r#"<text class="name" x="{PAD}" y="21">{}</text><circle class="attitude" cx="{gx}" cy="16" r="12"/><text class="glyph" x="{gx}" y="17" text-anchor="middle" dominant-baseline="middle">{}</text><text class="job" x="{PAD}" y="39">{}</text>"#,
        escape(&fit(&p.name, room - f64::from(GLYPH_ROOM), NAME_FIT_PX)),
        attitude_glyph(p.attitude),
        escape(&fit(&p.title, room, TITLE_PX)),
    );
    for (x, bw, text) in badges(&p.roles) {
        let _ = write!(
            out,
            r#"<g class="badge"><rect x="{x}" y="47" width="{bw}" height="16" rx="3"/><text x="{}" y="56" text-anchor="middle" dominant-baseline="middle">{}</text></g>"#,
            x + bw / 2,
            escape(&text)
        );
    }
    if !p.owner.is_empty() {
        let owner = format!("{}{}{}", w.owner, w.colon, p.owner);
        let _ = write!(
            out,
            r#"<text class="owner" x="{PAD}" y="79">{}</text>"#,
            escape(&fit(&owner, room, SMALL_PX))
        );
    }
    ladder(out, PAD, 83, p.degree);
    let degree = fit(
        v.degree(p.degree),
        f64::from(CARD_W - PAD - DEGREE_X),
        SMALL_PX,
    );
    let _ = write!(
        out,
        r#"<text class="degree" x="{DEGREE_X}" y="94">{}</text></g>"#,
        escape(&degree)
    );
}

/// The whole map as one `<svg>` element, as wide and high as `map` says (it scales to its box).
/// `people` are the people `map` was laid out for, in the same order.
pub fn people_svg(people: &[MapCard], map: &MapLayout, v: &MapVocab, w: &MapWords) -> String {
    let mut out = String::with_capacity(2048 + people.len() * 1024);
    let ids = w.ids;
    let _ = write!(
        out,
        r#"<svg viewBox="0 0 {} {}" role="img" aria-labelledby="people-map-title{ids} people-map-desc{ids}"><title id="people-map-title{ids}">{}</title><desc id="people-map-desc{ids}">{}</desc>"#,
        map.width,
        map.height,
        escape(w.title),
        escape(w.desc)
    );
    let _ = write!(
        out,
        r#"<defs><marker id="{ARROW}{ids}" class="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10Z"/></marker></defs>"#
    );
    for b in &map.bands {
        let (x, y) = (LABEL_W / 2, b.y + b.height / 2);
        let name = v.level(b.level);
        // across the column when it fits, else along it
        let along = width(name, BAND_PX) > f64::from(LABEL_W - 10);
        let (name, turn) = if along {
            (
                fit(name, f64::from(b.height - 12), BAND_PX),
                format!(r#" transform="rotate(-90 {x} {y})""#),
            )
        } else {
            (name.to_string(), String::new())
        };
        let _ = write!(
            out,
            r#"<g class="band level-{}"><rect class="band-ground" y="{}" width="{}" height="{}"/><rect class="band-head" y="{}" width="{LABEL_W}" height="{}"/><text class="band-name" x="{x}" y="{y}"{turn} text-anchor="middle" dominant-baseline="middle">{}</text></g>"#,
            b.level,
            b.y,
            map.width,
            b.height,
            b.y,
            b.height,
            escape(&name)
        );
    }
    out.push_str(r#"<g class="lines">"#);
    for l in &map.links {
        let _ = match l.kind {
            LinkKind::ReportsTo => write!(out, r#"<path class="reports" d="{}"/>"#, l.d),
            LinkKind::Influences => write!(
                out,
                r#"<path class="influences" d="{}" marker-end="url(#{ARROW}{ids})"/>"#,
                l.d
            ),
        };
    }
    out.push_str("</g>");
    for (p, at) in people.iter().zip(&map.cards) {
        card(&mut out, p, *at, v, w);
    }
    out.push_str("</svg>");
    out
}
