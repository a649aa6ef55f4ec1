//! The people who decide (决策链), the competition and the post-mortem of one deal: its
//! contacts (重点客户档案), the links between them (the 渔网图's lines), its competitors (the
//! 金三角's third corner), a SWOT with the TWOS strategies and, once closed, the 销售项目总结.
//!
//! All of it is one [`People`] value on the deal, written into the deal's object in plan files
//! (`contacts`, `links`, `competitors`, `swot`, `review`), each key only when it holds
//! something: a deal without people reads and writes exactly as before.
//!
//! The roles follow the Blue Sheet's buying influences: its economic buyer is the
//! [`Role::DecisionMaker`], its technical buyer the [`Role::Technical`] evaluator, its user buyer
//! the [`Role::User`] and its coach the [`Role::Coach`]; [`Role::Buyer`] (采购, procurement) and
//! [`Role::Influencer`] are the two roles Chinese key-account practice adds. The attitude's five
//! steps map onto the Blue Sheet's −5…+5 rating as −4, −2, 0, +2, +4.
use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// Declares a closed set of values with their codes in plan files, in order.
macro_rules! coded {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            /// Every code, in the order of [`Self::ALL`] (what a plan file may hold).
            pub const CODES: &'static [&'static str] = &[$($code,)*];

            /// The code in plan files.
            pub fn code(self) -> &'static str {
                Self::CODES[self as usize]
            }

            /// The value of a code.
            pub fn parse(code: &str) -> Option<$name> {
                Self::CODES.iter().position(|c| *c == code).map(|i| Self::ALL[i])
            }

            /// The position in [`Self::ALL`], 0 first.
            pub fn rank(self) -> u8 {
                self as u8
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }
    };
}

coded! {
    /// Where in the customer's organisation a person sits: the 渔网图's rows.
    Level {
        /// 高层: the leadership that signs off.
        Top = "top",
        /// 中层: department heads and managers.
        Middle = "middle",
        /// 基层: engineers, users and clerks.
        Operational = "operational",
    }
}

coded! {
    /// A person's part in this decision (Blue-Sheet compatible, see the module docs).
    Role {
        /// 决策者: the economic buyer, who gives the final yes.
        DecisionMaker = "decision_maker",
        /// 技术评估者: judges the solution's technical fit.
        Technical = "technical",
        /// 使用者: will use what is bought, judges its effect on the job.
        User = "user",
        /// 采购: runs the purchase, terms and price.
        Buyer = "buyer",
        /// 影响者: sways the decision without a formal part in it.
        Influencer = "influencer",
        /// 内线/教练: guides our sale from inside.
        Coach = "coach",
    }
}

impl Role {
    /// `roles` each once, in [`Role::ALL`]'s order.
    pub fn in_order(roles: &[Role]) -> Vec<Role> {
        Role::ALL
            .iter()
            .copied()
            .filter(|r| roles.contains(r))
            .collect()
    }
}

coded! {
    /// How much a person weighs on this decision.
    Influence {
        High = "high",
        Medium = "medium",
        Low = "low",
    }
}

coded! {
    /// A person's attitude to us, five steps from 反对 to 支持者.
    Attitude {
        /// 反对: works against us.
        Opposed = "opposed",
        /// 怀疑: doubts us.
        Doubtful = "doubtful",
        /// 中立: neither way.
        Neutral = "neutral",
        /// 支持: favours us.
        Supportive = "supportive",
        /// 支持者: champions us.
        Champion = "champion",
    }
}

coded! {
    /// 客户关系程度: how close the relationship with us (or a competitor) is, a ladder.
    Relationship {
        /// 陌生: no relationship yet.
        Stranger = "stranger",
        /// 认识: we have met.
        Acquainted = "acquainted",
        /// 熟悉: we know each other and talk openly about the project.
        Familiar = "familiar",
        /// 信任: they trust us and share what they know.
        Trusted = "trusted",
        /// 同盟: they work with us for our win.
        Ally = "ally",
    }
}

coded! {
    /// The kind of line between two contacts.
    LinkKind {
        /// `from` reports to `to` (the org chart; a solid line).
        ReportsTo = "reports_to",
        /// `from` informally influences `to` (a dashed line).
        Influences = "influences",
    }
}

coded! {
    /// A competitor's price against ours.
    PricePosition {
        Lower = "lower",
        Similar = "similar",
        Higher = "higher",
    }
}

/// A contact's stable id, unique within its deal. Never reused, never shown.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ContactId(pub String);

impl ContactId {
    pub fn new(id: impl Into<String>) -> ContactId {
        ContactId(id.into())
    }

    /// A fresh id from the clock (milliseconds) and a random number: `c-19c2a3b4f00-3e8a1f`.
    pub fn generate(unix_millis: i64, random: u64) -> ContactId {
        ContactId(format!(
            "c-{:x}-{:x}",
            unix_millis.unsigned_abs(),
            random & 0xff_ffff
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One person of the customer (重点客户档案表).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub id: ContactId,
    /// Required, not blank.
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub department: String,
    /// `None`: not known yet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Parts in this decision, each once, in [`Role::ALL`]'s order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub influence: Option<Influence>,
    /// `None`: not known yet (counts as neutral for the flags and the score).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attitude: Option<Attitude>,
    /// `None`: no relationship yet (陌生).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<Relationship>,
    /// Who on our team owns the relationship.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// The last day someone of ours spoke with them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_contact: Option<NaiveDate>,
    /// What they want for the organisation (组织利益).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub wants_result: String,
    /// What they want for themselves (个人赢).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub wants_win: String,
    /// Notes, e.g. the plan for a blocker.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Fields this version does not know, kept as they came.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Contact {
    /// A contact with a name and nothing else known.
    pub fn named(id: ContactId, name: impl Into<String>) -> Contact {
        Contact {
            id,
            name: name.into(),
            title: String::new(),
            department: String::new(),
            level: None,
            roles: Vec::new(),
            influence: None,
            attitude: None,
            relationship: None,
            owner: String::new(),
            last_contact: None,
            wants_result: String::new(),
            wants_win: String::new(),
            notes: String::new(),
            extra: BTreeMap::new(),
        }
    }

    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// The attitude, unknown counted as neutral.
    pub fn attitude_or_neutral(&self) -> Attitude {
        self.attitude.unwrap_or(Attitude::Neutral)
    }

    /// The relationship, none counted as 陌生.
    pub fn relationship_or_none(&self) -> Relationship {
        self.relationship.unwrap_or(Relationship::Stranger)
    }
}

/// A line of the map between two contacts of the same deal.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Link {
    pub from: ContactId,
    pub to: ContactId,
    pub kind: LinkKind,
}

/// A competitor for this deal (金三角's third corner).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Competitor {
    /// Required, not blank; unique in the deal ([`same_name`]).
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub strengths: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub weaknesses: String,
    /// Their relationship with the customer, on our ladder.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<Relationship>,
    /// Their price against ours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price: Option<PricePosition>,
    /// Fields this version does not know, kept as they came.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// The deal's SWOT and the four TWOS strategies drawn from it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Swot {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub strengths: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub weaknesses: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub opportunities: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub threats: String,
    /// Use strengths to take opportunities.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub so: String,
    /// Use strengths to meet threats.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub st: String,
    /// Overcome weaknesses by taking opportunities.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub wo: String,
    /// Limit weaknesses and avoid threats.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub wt: String,
    /// Fields this version does not know, kept as they came.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Swot {
    /// Nothing written in it. Field by field, with every field named (a new one must be added
    /// here): every deal's save asks, and comparing with a default built for the purpose took a
    /// quarter of a plan's encoding.
    pub fn is_empty(&self) -> bool {
        let Swot {
            strengths,
            weaknesses,
            opportunities,
            threats,
            so,
            st,
            wo,
            wt,
            extra,
        } = self;
        [
            strengths,
            weaknesses,
            opportunities,
            threats,
            so,
            st,
            wo,
            wt,
        ]
        .iter()
        .all(|text| text.is_empty())
            && extra.is_empty()
    }
}

/// The post-mortem of a closed deal (销售项目总结).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Review {
    /// Why it was won or lost.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub why: String,
    /// Against which competitor.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub competitor: String,
    /// What the team learned.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub learned: String,
    /// Fields this version does not know, kept as they came.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Review {
    /// Nothing written in it (field by field, like [`Swot::is_empty`]).
    pub fn is_empty(&self) -> bool {
        let Review {
            why,
            competitor,
            learned,
            extra,
        } = self;
        why.is_empty() && competitor.is_empty() && learned.is_empty() && extra.is_empty()
    }
}

/// Everything of a deal about people and competition. Its keys sit in the deal's object in plan
/// files, each only when not empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct People {
    /// The decision chain, in the order they were added.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Lines between contacts of this deal; each once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub competitors: Vec<Competitor>,
    #[serde(skip_serializing_if = "Swot::is_empty")]
    pub swot: Swot,
    /// The post-mortem, recorded when the deal closes.
    #[serde(skip_serializing_if = "Review::is_empty")]
    pub review: Review,
}

/// Why a change to a deal's people was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeopleError {
    /// A contact or competitor needs a name.
    NameRequired,
    /// A contact needs an id that is not blank.
    IdRequired,
    /// A contact with this id is already there (adding) or none is (changing, linking).
    ContactIdUsed(ContactId),
    NoSuchContact(ContactId),
    /// A link from a contact to itself.
    SelfLink,
    /// A competitor of this name is already there.
    CompetitorTwice(String),
    NoSuchCompetitor(String),
}

/// A change to a deal's people: the reducer's verbs ([`People::apply`]).
#[derive(Clone, Debug, PartialEq)]
pub enum PeopleEdit {
    /// Adds a contact with a fresh id.
    AddContact(Contact),
    /// Replaces the contact of the same id (its links stay).
    UpdateContact(Contact),
    /// Removes a contact and every link to or from it.
    RemoveContact(ContactId),
    /// Adds a link (nothing when it is there already).
    AddLink(Link),
    RemoveLink(Link),
    AddCompetitor(Competitor),
    /// Replaces the competitor of this name (by name, not position: another tab's save may have
    /// changed the list since it was shown).
    UpdateCompetitor(String, Competitor),
    /// Removes the competitor of this name.
    RemoveCompetitor(String),
    SetSwot(Swot),
    SetReview(Review),
}

/// Whether two competitor names are the same, ignoring surrounding blanks and the case of
/// ASCII letters (Unicode case tables would cost the download more than they are worth here).
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// A competitor's name as [`same_name`] compares it: two names are the same exactly when their
/// keys are equal.
pub fn name_key(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}

impl People {
    /// No contact, link or competitor, and nothing in the SWOT and the review.
    pub fn is_empty(&self) -> bool {
        let People {
            contacts,
            links,
            competitors,
            swot,
            review,
        } = self;
        contacts.is_empty()
            && links.is_empty()
            && competitors.is_empty()
            && swot.is_empty()
            && review.is_empty()
    }

    pub fn contact(&self, id: &ContactId) -> Option<&Contact> {
        self.contacts.iter().find(|c| &c.id == id)
    }

    /// Applies an edit; `Ok(true)` when something changed.
    pub fn apply(&mut self, edit: PeopleEdit) -> Result<bool, PeopleError> {
        let before = self.clone();
        match edit {
            PeopleEdit::AddContact(contact) => {
                let contact = checked(contact)?;
                if self.contact(&contact.id).is_some() {
                    return Err(PeopleError::ContactIdUsed(contact.id));
                }
                self.contacts.push(contact);
            }
            PeopleEdit::UpdateContact(contact) => {
                let contact = checked(contact)?;
                let at = self.contact_at(&contact.id)?;
                self.contacts[at] = contact;
            }
            PeopleEdit::RemoveContact(id) => {
                let at = self.contact_at(&id)?;
                self.contacts.remove(at);
                self.links.retain(|l| l.from != id && l.to != id);
            }
            PeopleEdit::AddLink(link) => {
                self.contact_at(&link.from)?;
                self.contact_at(&link.to)?;
                if link.from == link.to {
                    return Err(PeopleError::SelfLink);
                }
                if !self.links.contains(&link) {
                    self.links.push(link);
                }
            }
            PeopleEdit::RemoveLink(link) => self.links.retain(|l| *l != link),
            PeopleEdit::AddCompetitor(competitor) => {
                let competitor = self.checked_competitor(competitor, None)?;
                self.competitors.push(competitor);
            }
            PeopleEdit::UpdateCompetitor(name, competitor) => {
                let at = self.competitor_at(&name)?;
                self.competitors[at] = self.checked_competitor(competitor, Some(at))?;
            }
            PeopleEdit::RemoveCompetitor(name) => {
                let at = self.competitor_at(&name)?;
                self.competitors.remove(at);
            }
            PeopleEdit::SetSwot(swot) => self.swot = swot,
            PeopleEdit::SetReview(review) => self.review = review,
        }
        Ok(*self != before)
    }

    /// Where the competitor of this name is ([`same_name`]).
    fn competitor_at(&self, name: &str) -> Result<usize, PeopleError> {
        self.competitors
            .iter()
            .position(|c| same_name(&c.name, name))
            .ok_or_else(|| PeopleError::NoSuchCompetitor(name.to_string()))
    }

    fn contact_at(&self, id: &ContactId) -> Result<usize, PeopleError> {
        self.contacts
            .iter()
            .position(|c| &c.id == id)
            .ok_or_else(|| PeopleError::NoSuchContact(id.clone()))
    }

    fn checked_competitor(
        &self,
        competitor: Competitor,
        replacing: Option<usize>,
    ) -> Result<Competitor, PeopleError> {
        if competitor.name.trim().is_empty() {
            return Err(PeopleError::NameRequired);
        }
        let twice = self
            .competitors
            .iter()
            .enumerate()
            .any(|(i, c)| Some(i) != replacing && same_name(&c.name, &competitor.name));
        if twice {
            return Err(PeopleError::CompetitorTwice(competitor.name));
        }
        Ok(competitor)
    }

    /// `chosen` (the version a merge took) with what only `other` has: contacts whose id
    /// `chosen` lacks (appended, in `other`'s order), links between contacts that are then
    /// present, competitors whose name `chosen` lacks, and the SWOT and the review when `chosen`'s
    /// is empty. Where both have a contact (or competitor), `chosen`'s version stands. So a merge
    /// never loses a person someone recorded; a contact removed on one side comes back from a
    /// copy that still has it (remove it again).
    pub fn merged(chosen: &People, other: &People) -> People {
        let mut out = chosen.clone();
        // sets, so that merging many people takes linear time
        let mut ids: HashSet<ContactId> = out.contacts.iter().map(|c| c.id.clone()).collect();
        for contact in &other.contacts {
            if ids.insert(contact.id.clone()) {
                out.contacts.push(contact.clone());
            }
        }
        let mut links: HashSet<Link> = out.links.iter().cloned().collect();
        for link in &other.links {
            let ends = ids.contains(&link.from) && ids.contains(&link.to);
            if ends && links.insert(link.clone()) {
                out.links.push(link.clone());
            }
        }
        let mut names: HashSet<String> =
            out.competitors.iter().map(|c| name_key(&c.name)).collect();
        for competitor in &other.competitors {
            if names.insert(name_key(&competitor.name)) {
                out.competitors.push(competitor.clone());
            }
        }
        if out.swot.is_empty() {
            out.swot = other.swot.clone();
        }
        if out.review.is_empty() {
            out.review = other.review.clone();
        }
        out
    }
}

/// A contact as stored: a name, and each role once in [`Role::ALL`]'s order.
fn checked(mut contact: Contact) -> Result<Contact, PeopleError> {
    if contact.name.trim().is_empty() {
        return Err(PeopleError::NameRequired);
    }
    // the file's reader refuses a blank id: a plan holding one could not be read again
    if contact.id.as_str().trim().is_empty() {
        return Err(PeopleError::IdRequired);
    }
    contact.roles = Role::in_order(&contact.roles);
    Ok(contact)
}
