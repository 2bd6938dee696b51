//! The types that cross stage boundaries: the article as read, the ACLED
//! vocabulary (event types, inter codes, precision codes), mentions, events.
//!
//! Field names follow the ACLED export and `SPEC.md` section 2, so that the
//! serialised forms are the output contract.

use std::borrow::Cow;

use crate::gazetteer::Place;
use crate::swar;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One article as read, before cleaning. `text` is the text the offsets of
/// every output span count into (for HTML input: the extracted main text).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Article {
    pub id: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date; `None` when unknown (then inferred, see `published_inferred`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The day the article was read: the publication date of last resort,
    /// used only when the article neither carries nor states one. Not part
    /// of the record (never read, written or hashed), so re-reading an
    /// undated article another day changes nothing.
    #[serde(skip)]
    pub read_on: Option<NaiveDate>,
}

/// ACLED disorder types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DisorderType {
    #[serde(rename = "Political violence")]
    PoliticalViolence,
    #[serde(rename = "Demonstrations")]
    Demonstrations,
    #[serde(rename = "Political violence; Demonstrations")]
    PoliticalViolenceDemonstrations,
    #[serde(rename = "Strategic developments")]
    StrategicDevelopments,
}

impl DisorderType {
    pub fn as_str(self) -> &'static str {
        match self {
            DisorderType::PoliticalViolence => "Political violence",
            DisorderType::Demonstrations => "Demonstrations",
            DisorderType::PoliticalViolenceDemonstrations => "Political violence; Demonstrations",
            DisorderType::StrategicDevelopments => "Strategic developments",
        }
    }
}

/// ACLED event types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EventType {
    Battles,
    Protests,
    Riots,
    #[serde(rename = "Explosions/Remote violence")]
    ExplosionsRemoteViolence,
    #[serde(rename = "Violence against civilians")]
    ViolenceAgainstCivilians,
    #[serde(rename = "Strategic developments")]
    StrategicDevelopments,
}

impl EventType {
    /// Every event type, in the codebook's order.
    pub const ALL: &'static [EventType] = &[
        EventType::Battles,
        EventType::Protests,
        EventType::Riots,
        EventType::ExplosionsRemoteViolence,
        EventType::ViolenceAgainstCivilians,
        EventType::StrategicDevelopments,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Battles => "Battles",
            EventType::Protests => "Protests",
            EventType::Riots => "Riots",
            EventType::ExplosionsRemoteViolence => "Explosions/Remote violence",
            EventType::ViolenceAgainstCivilians => "Violence against civilians",
            EventType::StrategicDevelopments => "Strategic developments",
        }
    }
}

macro_rules! sub_event_types {
    ($( $variant:ident => $name:literal, $event:ident, $disorder:ident; )*) => {
        /// The 25 ACLED sub-event types, declared in the codebook's priority
        /// order (earlier variants win when one event fits several).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum SubEventType {
            $( #[serde(rename = $name)] $variant, )*
        }

        impl SubEventType {
            /// Every sub-event type, in priority order.
            pub const ALL: &'static [SubEventType] = &[$( SubEventType::$variant, )*];

            /// The exact ACLED string.
            pub fn as_str(self) -> &'static str {
                match self { $( SubEventType::$variant => $name, )* }
            }

            pub fn event_type(self) -> EventType {
                match self { $( SubEventType::$variant => EventType::$event, )* }
            }

            pub fn disorder_type(self) -> DisorderType {
                match self { $( SubEventType::$variant => DisorderType::$disorder, )* }
            }

            /// Parses the exact ACLED string.
            pub fn from_acled(s: &str) -> Option<SubEventType> {
                match s { $( $name => Some(SubEventType::$variant), )* _ => None }
            }
        }
    };
}

sub_event_types! {
    GovernmentRegainsTerritory => "Government regains territory", Battles, PoliticalViolence;
    NonStateActorOvertakesTerritory => "Non-state actor overtakes territory", Battles, PoliticalViolence;
    ArmedClash => "Armed clash", Battles, PoliticalViolence;
    ExcessiveForceAgainstProtesters => "Excessive force against protesters", Protests, PoliticalViolenceDemonstrations;
    ProtestWithIntervention => "Protest with intervention", Protests, Demonstrations;
    PeacefulProtest => "Peaceful protest", Protests, Demonstrations;
    ViolentDemonstration => "Violent demonstration", Riots, Demonstrations;
    MobViolence => "Mob violence", Riots, PoliticalViolence;
    ChemicalWeapon => "Chemical weapon", ExplosionsRemoteViolence, PoliticalViolence;
    AirDroneStrike => "Air/drone strike", ExplosionsRemoteViolence, PoliticalViolence;
    SuicideBomb => "Suicide bomb", ExplosionsRemoteViolence, PoliticalViolence;
    ShellingArtilleryMissileAttack => "Shelling/artillery/missile attack", ExplosionsRemoteViolence, PoliticalViolence;
    RemoteExplosiveLandmineIed => "Remote explosive/landmine/IED", ExplosionsRemoteViolence, PoliticalViolence;
    Grenade => "Grenade", ExplosionsRemoteViolence, PoliticalViolence;
    SexualViolence => "Sexual violence", ViolenceAgainstCivilians, PoliticalViolence;
    Attack => "Attack", ViolenceAgainstCivilians, PoliticalViolence;
    AbductionForcedDisappearance => "Abduction/forced disappearance", ViolenceAgainstCivilians, PoliticalViolence;
    Agreement => "Agreement", StrategicDevelopments, StrategicDevelopments;
    Arrests => "Arrests", StrategicDevelopments, StrategicDevelopments;
    ChangeToGroupActivity => "Change to group/activity", StrategicDevelopments, StrategicDevelopments;
    DisruptedWeaponsUse => "Disrupted weapons use", StrategicDevelopments, StrategicDevelopments;
    HeadquartersOrBaseEstablished => "Headquarters or base established", StrategicDevelopments, StrategicDevelopments;
    LootingPropertyDestruction => "Looting/property destruction", StrategicDevelopments, StrategicDevelopments;
    NonViolentTransferOfTerritory => "Non-violent transfer of territory", StrategicDevelopments, StrategicDevelopments;
    Other => "Other", StrategicDevelopments, StrategicDevelopments;
}

impl SubEventType {
    /// Sub-event types that change who controls a place (feed the control timeline).
    pub fn is_territorial(self) -> bool {
        matches!(
            self,
            SubEventType::GovernmentRegainsTerritory
                | SubEventType::NonStateActorOvertakesTerritory
                | SubEventType::NonViolentTransferOfTerritory
        )
    }
}

/// ACLED inter codes (actor types).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Inter {
    StateForces = 1,
    RebelGroup = 2,
    PoliticalMilitia = 3,
    IdentityMilitia = 4,
    Rioters = 5,
    Protesters = 6,
    Civilians = 7,
    ExternalOtherForces = 8,
}

impl Inter {
    pub fn code(self) -> u8 {
        self as u8
    }

    pub fn from_code(code: u8) -> Option<Inter> {
        Some(match code {
            1 => Inter::StateForces,
            2 => Inter::RebelGroup,
            3 => Inter::PoliticalMilitia,
            4 => Inter::IdentityMilitia,
            5 => Inter::Rioters,
            6 => Inter::Protesters,
            7 => Inter::Civilians,
            8 => Inter::ExternalOtherForces,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Inter::StateForces => "State forces",
            Inter::RebelGroup => "Rebel group",
            Inter::PoliticalMilitia => "Political militia",
            Inter::IdentityMilitia => "Identity militia",
            Inter::Rioters => "Rioters",
            Inter::Protesters => "Protesters",
            Inter::Civilians => "Civilians",
            Inter::ExternalOtherForces => "External/Other forces",
        }
    }
}

/// ACLED interaction code: the two inter digits, lower first; one digit
/// times ten when there is no second actor.
pub fn interaction(inter1: Option<Inter>, inter2: Option<Inter>) -> Option<u8> {
    match (inter1, inter2) {
        (Some(a), Some(b)) => {
            let (lo, hi) = if a.code() <= b.code() { (a, b) } else { (b, a) };
            Some(lo.code() * 10 + hi.code())
        }
        (Some(a), None) | (None, Some(a)) => Some(a.code() * 10),
        (None, None) => None,
    }
}

/// ACLED time precision: 1 exact day, 2 within a week, 3 within a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimePrecision {
    Day = 1,
    Week = 2,
    Month = 3,
}

/// ACLED geo precision: 1 the town itself, 2 near a town / part of a region,
/// 3 a larger region represented by a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GeoPrecision {
    Town = 1,
    NearTown = 2,
    Region = 3,
}

macro_rules! serialize_as_number {
    ($($t:ident),*) => {$(
        impl Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_u8(*self as u8)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let n = u8::deserialize(d)?;
                $t::try_from(n).map_err(serde::de::Error::custom)
            }
        }
    )*};
}
serialize_as_number!(Inter, TimePrecision, GeoPrecision);

impl TryFrom<u8> for Inter {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        Inter::from_code(n).ok_or_else(|| format!("bad inter code {n}"))
    }
}

impl TryFrom<u8> for TimePrecision {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        match n {
            1 => Ok(TimePrecision::Day),
            2 => Ok(TimePrecision::Week),
            3 => Ok(TimePrecision::Month),
            _ => Err(format!("bad time precision {n}")),
        }
    }
}

impl TryFrom<u8> for GeoPrecision {
    type Error = String;
    fn try_from(n: u8) -> Result<Self, String> {
        match n {
            1 => Ok(GeoPrecision::Town),
            2 => Ok(GeoPrecision::NearTown),
            3 => Ok(GeoPrecision::Region),
            _ => Err(format!("bad geo precision {n}")),
        }
    }
}

/// A span of the article text that supports an event. Offsets count Unicode
/// scalar values in `Article::text`, end exclusive.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub article_id: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// Who the claim is attributed to ("SANA", "the observatory"), or the outlet.
    #[serde(default)]
    pub source: String,
}

/// One coded event, as written to the events JSONL (`SPEC.md` section 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub event_id: String,
    pub article_id: String,
    pub event_date: NaiveDate,
    pub time_precision: TimePrecision,
    pub disorder_type: DisorderType,
    pub event_type: EventType,
    pub sub_event_type: SubEventType,
    pub actor1: String,
    pub assoc_actor_1: String,
    pub inter1: Option<Inter>,
    pub actor2: String,
    pub assoc_actor_2: String,
    pub inter2: Option<Inter>,
    pub interaction: Option<u8>,
    pub civilian_targeting: String,
    pub country: String,
    pub iso: Option<u16>,
    pub admin1: String,
    pub admin2: String,
    pub admin3: String,
    pub location: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: GeoPrecision,
    /// GeoNames id of the coded location, when it came from the gazetteer.
    #[serde(default)]
    pub geonameid: Option<u64>,
    pub fatalities: u32,
    pub fatalities_low: u32,
    pub fatalities_best: u32,
    pub fatalities_high: u32,
    pub source: String,
    pub notes: String,
    pub confidence: f64,
    pub evidence: Vec<Evidence>,
}

impl Event {
    /// Appends the event as one line of JSON, the bytes `serde_json`
    /// writes for it (a test checks), without going through serde: each
    /// key is copied with the punctuation around it, and a string with
    /// nothing to escape (almost all) is copied whole.
    pub fn write_json_line(&self, out: &mut Vec<u8>) {
        fn string(out: &mut Vec<u8>, key: &[u8], value: &str) {
            out.extend_from_slice(key);
            json_chars(out, value);
            out.push(b'"');
        }
        fn number(out: &mut Vec<u8>, key: &[u8], value: Option<u64>) {
            out.extend_from_slice(key);
            match value {
                Some(n) => json_uint(out, n),
                None => out.extend_from_slice(b"null"),
            }
        }
        fn float(out: &mut Vec<u8>, key: &[u8], value: Option<f64>) {
            out.extend_from_slice(key);
            match value {
                Some(v) => json_f64(out, v),
                None => out.extend_from_slice(b"null"),
            }
        }
        let inter = |i: Option<Inter>| i.map(|i| u64::from(i.code()));
        string(out, b"{\"event_id\":\"", &self.event_id);
        string(out, b",\"article_id\":\"", &self.article_id);
        out.extend_from_slice(b",\"event_date\":\"");
        json_date(out, self.event_date);
        out.push(b'"');
        number(out, b",\"time_precision\":", Some(self.time_precision as u64));
        string(out, b",\"disorder_type\":\"", self.disorder_type.as_str());
        string(out, b",\"event_type\":\"", self.event_type.as_str());
        string(out, b",\"sub_event_type\":\"", self.sub_event_type.as_str());
        string(out, b",\"actor1\":\"", &self.actor1);
        string(out, b",\"assoc_actor_1\":\"", &self.assoc_actor_1);
        number(out, b",\"inter1\":", inter(self.inter1));
        string(out, b",\"actor2\":\"", &self.actor2);
        string(out, b",\"assoc_actor_2\":\"", &self.assoc_actor_2);
        number(out, b",\"inter2\":", inter(self.inter2));
        number(out, b",\"interaction\":", self.interaction.map(u64::from));
        string(out, b",\"civilian_targeting\":\"", &self.civilian_targeting);
        string(out, b",\"country\":\"", &self.country);
        number(out, b",\"iso\":", self.iso.map(u64::from));
        string(out, b",\"admin1\":\"", &self.admin1);
        string(out, b",\"admin2\":\"", &self.admin2);
        string(out, b",\"admin3\":\"", &self.admin3);
        string(out, b",\"location\":\"", &self.location);
        float(out, b",\"latitude\":", self.latitude);
        float(out, b",\"longitude\":", self.longitude);
        number(out, b",\"geo_precision\":", Some(self.geo_precision as u64));
        number(out, b",\"geonameid\":", self.geonameid);
        number(out, b",\"fatalities\":", Some(u64::from(self.fatalities)));
        number(out, b",\"fatalities_low\":", Some(u64::from(self.fatalities_low)));
        number(out, b",\"fatalities_best\":", Some(u64::from(self.fatalities_best)));
        number(out, b",\"fatalities_high\":", Some(u64::from(self.fatalities_high)));
        string(out, b",\"source\":\"", &self.source);
        string(out, b",\"notes\":\"", &self.notes);
        float(out, b",\"confidence\":", Some(self.confidence));
        out.extend_from_slice(b",\"evidence\":[");
        for (k, e) in self.evidence.iter().enumerate() {
            string(out, if k == 0 { b"{\"article_id\":\"" } else { b",{\"article_id\":\"" }, &e.article_id);
            number(out, b",\"start\":", Some(e.start as u64));
            number(out, b",\"end\":", Some(e.end as u64));
            string(out, b",\"text\":\"", &e.text);
            string(out, b",\"source\":\"", &e.source);
            out.push(b'}');
        }
        out.extend_from_slice(b"]}\n");
    }
}

/// A date as chrono's `Serialize` writes it (`YYYY-MM-DD`; a year outside
/// 0..=9999 with its sign and at least four digits, as `Display` does).
fn json_date(out: &mut Vec<u8>, d: NaiveDate) {
    match crate::date::iso_day(d) {
        Some(digits) => out.extend_from_slice(&digits),
        None => out.extend_from_slice(d.to_string().as_bytes()),
    }
}

/// What a mention is of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    Place,
    Actor,
    Date,
    Count,
}

/// One recognised mention, as written to the mentions JSONL. Kind-specific
/// fields are `None` for the other kinds and are then left out. The strings
/// borrow from the article and the dictionaries (`'a`) where they can, so
/// making a record allocates nothing.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MentionRecord<'a> {
    pub article_id: Cow<'a, str>,
    pub kind: Option<MentionKind>,
    pub start: usize,
    pub end: usize,
    pub text: Cow<'a, str>,
    // place
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_code: Option<Cow<'a, str>>,
    // date and count
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    // actor
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Cow<'a, str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inter: Option<Inter>,
    // count
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what: Option<Cow<'a, str>>,
}

impl MentionRecord<'_> {
    /// Appends the record as one line of JSON, the bytes `serde_json`
    /// writes for it (a test checks), without going through serde: the
    /// mentions file is most of extract's output. [`write_json_lines`]
    /// writes many records faster.
    pub fn write_json_line(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        write_json_lines(std::slice::from_ref(self), out)
    }
}

/// Appends each record as [`MentionRecord::write_json_line`] does, doing
/// once what repeats: an article's records share its id, and a place named
/// again repeats its name, coordinates, country and codes, so the id is
/// escaped once and a place's fields are written once and then copied.
/// Keys are copied with the quote that opens their string value, and a
/// string that needs no escape (almost all) is copied whole.
pub fn write_json_lines(records: &[MentionRecord<'_>], out: &mut Vec<u8>) -> serde_json::Result<()> {
    // About what a line takes (a place's is ~200 bytes), so the buffer seldom grows.
    out.reserve(records.len() * 160);
    let mut id: Option<&str> = None;
    let mut prefix = Vec::new();
    let mut places: Vec<(PlaceFields, std::ops::Range<usize>)> = Vec::new();
    let mut tails = Vec::new();
    for r in records {
        if !id.is_some_and(|id| std::ptr::eq(id, &*r.article_id)) {
            id = Some(&r.article_id);
            prefix.clear();
            prefix.extend_from_slice(b"{\"article_id\":\"");
            json_chars(&mut prefix, &r.article_id);
        }
        out.extend_from_slice(&prefix);
        out.extend_from_slice(match r.kind {
            None => b"\",\"kind\":null,\"start\":",
            Some(MentionKind::Place) => b"\",\"kind\":\"place\",\"start\":",
            Some(MentionKind::Actor) => b"\",\"kind\":\"actor\",\"start\":",
            Some(MentionKind::Date) => b"\",\"kind\":\"date\",\"start\":",
            Some(MentionKind::Count) => b"\",\"kind\":\"count\",\"start\":",
        });
        json_uint(out, r.start as u64);
        out.extend_from_slice(b",\"end\":");
        json_uint(out, r.end as u64);
        out.extend_from_slice(b",\"text\":\"");
        json_chars(out, &r.text);
        out.push(b'"');
        match PlaceFields::of(r) {
            Some(key) => {
                let range = match places.iter().rev().find(|(k, _)| k.same(&key)) {
                    Some((_, range)) => range.clone(),
                    None => {
                        let start = tails.len();
                        write_rest(r, &mut tails)?;
                        places.push((key, start..tails.len()));
                        start..tails.len()
                    }
                };
                out.extend_from_slice(&tails[range]);
            }
            None => write_rest(r, out)?,
        }
        out.extend_from_slice(b"}\n");
    }
    Ok(())
}

/// Writes one article's mention lines straight from the recognised
/// mentions, with no [`MentionRecord`] made: the bytes [`write_json_lines`]
/// writes for the records of the same mentions (a test compares), for a
/// caller that only writes lines (`extract`). The article id is escaped
/// once, and a place named again copies the bytes of its fields written
/// the first time (the same gazetteer entry, by identity).
pub struct MentionLines<'p> {
    /// `{"article_id":"`, the escaped id and each kind's field up to its
    /// start's value (place, actor, date, count): one copy per line.
    heads: [Vec<u8>; 4],
    /// Each place written so far and where its fields are in `tails`.
    places: Vec<(&'p Place, std::ops::Range<usize>)>,
    tails: Vec<u8>,
    /// Lines written.
    pub lines: usize,
}

impl<'p> MentionLines<'p> {
    pub fn new(article_id: &str) -> MentionLines<'p> {
        let heads = [PLACE, ACTOR, DATE, COUNT].map(|kind| {
            let mut head = Vec::with_capacity(article_id.len() + 48);
            head.extend_from_slice(b"{\"article_id\":\"");
            json_chars(&mut head, article_id);
            head.extend_from_slice(KINDS[kind]);
            head
        });
        MentionLines { heads, places: Vec::new(), tails: Vec::new(), lines: 0 }
    }

    /// The fields every line has: id, kind (an index of [`KINDS`]),
    /// character span, text.
    fn head(&mut self, out: &mut Vec<u8>, kind: usize, start: usize, end: usize, text: &str) {
        self.lines += 1;
        out.extend_from_slice(&self.heads[kind]);
        json_uint(out, start as u64);
        out.extend_from_slice(b",\"end\":");
        json_uint(out, end as u64);
        out.extend_from_slice(b",\"text\":\"");
        json_chars(out, text);
        out.push(b'"');
    }

    /// A place mention of `text` at character span `start..end`.
    pub fn place(&mut self, out: &mut Vec<u8>, start: usize, end: usize, text: &str, place: &'p Place) {
        self.head(out, PLACE, start, end, text);
        let range = match self.places.iter().rev().find(|(p, _)| std::ptr::eq(*p, place)) {
            Some((_, range)) => range.clone(),
            None => {
                let from = self.tails.len();
                let t = &mut self.tails;
                json_field(t, b",\"name\":\"", Some(&place.name));
                t.extend_from_slice(b",\"geonameid\":");
                json_uint(t, place.geonameid);
                t.extend_from_slice(b",\"latitude\":");
                json_f64(t, place.latitude);
                t.extend_from_slice(b",\"longitude\":");
                json_f64(t, place.longitude);
                json_field(t, b",\"country\":\"", Some(&place.country));
                json_field(t, b",\"admin1\":\"", Some(&place.admin1));
                json_field(t, b",\"feature_code\":\"", Some(&place.feature_code));
                self.places.push((place, from..t.len()));
                from..t.len()
            }
        };
        out.extend_from_slice(&self.tails[range]);
        out.extend_from_slice(b"}\n");
    }

    /// An actor mention: the actor's canonical name and its inter code.
    pub fn actor(&mut self, out: &mut Vec<u8>, start: usize, end: usize, text: &str, name: &str, inter: Inter) {
        self.head(out, ACTOR, start, end, text);
        json_field(out, b",\"actor\":\"", Some(name));
        out.extend_from_slice(b",\"inter\":");
        json_uint(out, u64::from(inter.code()));
        out.extend_from_slice(b"}\n");
    }

    /// A date mention and its value.
    pub fn date(&mut self, out: &mut Vec<u8>, start: usize, end: usize, text: &str, value: &str) {
        self.head(out, DATE, start, end, text);
        json_field(out, b",\"value\":\"", Some(value));
        out.extend_from_slice(b"}\n");
    }

    /// A count mention: the number and what it counts.
    pub fn count(&mut self, out: &mut Vec<u8>, start: usize, end: usize, text: &str, value: u64, what: &str) {
        self.head(out, COUNT, start, end, text);
        out.extend_from_slice(b",\"value\":");
        json_uint(out, value);
        json_field(out, b",\"what\":\"", Some(what));
        out.extend_from_slice(b"}\n");
    }
}

/// The fields of a line between the article id and the start's value, by
/// kind: [`PLACE`], [`ACTOR`], [`DATE`], [`COUNT`].
const KINDS: [&[u8]; 4] = [
    b"\",\"kind\":\"place\",\"start\":",
    b"\",\"kind\":\"actor\",\"start\":",
    b"\",\"kind\":\"date\",\"start\":",
    b"\",\"kind\":\"count\",\"start\":",
];
const PLACE: usize = 0;
const ACTOR: usize = 1;
const DATE: usize = 2;
const COUNT: usize = 3;

/// The fields of a record after its text, when they are a place's only,
/// compared by identity: two records whose strings are the same strings
/// (not merely equal ones) and whose numbers are equal write the same
/// bytes. Records borrowed from one article share the gazetteer's strings.
struct PlaceFields<'r> {
    strings: [&'r str; 4],
    geonameid: Option<u64>,
    coordinates: [Option<u64>; 2],
}

impl<'r> PlaceFields<'r> {
    fn of(r: &'r MentionRecord<'_>) -> Option<PlaceFields<'r>> {
        if r.value.is_some() || r.actor.is_some() || r.inter.is_some() || r.what.is_some() {
            return None;
        }
        Some(PlaceFields {
            strings: [r.name.as_deref()?, r.country.as_deref()?, r.admin1.as_deref()?, r.feature_code.as_deref()?],
            geonameid: r.geonameid,
            coordinates: [r.latitude.map(f64::to_bits), r.longitude.map(f64::to_bits)],
        })
    }

    fn same(&self, other: &PlaceFields) -> bool {
        self.geonameid == other.geonameid
            && self.coordinates == other.coordinates
            && self.strings.iter().zip(other.strings).all(|(a, b)| std::ptr::eq(*a, b))
    }
}

/// The fields after the text, each when present.
fn write_rest(r: &MentionRecord<'_>, out: &mut Vec<u8>) -> serde_json::Result<()> {
    json_field(out, b",\"name\":\"", r.name.as_deref());
    if let Some(id) = r.geonameid {
        out.extend_from_slice(b",\"geonameid\":");
        json_uint(out, id);
    }
    if let Some(v) = r.latitude {
        out.extend_from_slice(b",\"latitude\":");
        json_f64(out, v);
    }
    if let Some(v) = r.longitude {
        out.extend_from_slice(b",\"longitude\":");
        json_f64(out, v);
    }
    json_field(out, b",\"country\":\"", r.country.as_deref());
    json_field(out, b",\"admin1\":\"", r.admin1.as_deref());
    json_field(out, b",\"feature_code\":\"", r.feature_code.as_deref());
    match &r.value {
        None => {}
        Some(serde_json::Value::String(s)) => json_field(out, b",\"value\":\"", Some(s)),
        Some(serde_json::Value::Number(n)) if n.is_u64() => {
            out.extend_from_slice(b",\"value\":");
            json_uint(out, n.as_u64().unwrap_or_default());
        }
        Some(v) => {
            out.extend_from_slice(b",\"value\":");
            serde_json::to_writer(&mut *out, v)?;
        }
    }
    json_field(out, b",\"actor\":\"", r.actor.as_deref());
    if let Some(inter) = r.inter {
        out.extend_from_slice(b",\"inter\":");
        json_uint(out, u64::from(inter.code()));
    }
    json_field(out, b",\"what\":\"", r.what.as_deref());
    Ok(())
}

/// A string field when present: `key` ends with the value's opening quote.
fn json_field(out: &mut Vec<u8>, key: &[u8], value: Option<&str>) {
    if let Some(v) = value {
        out.extend_from_slice(key);
        json_chars(out, v);
        out.push(b'"');
    }
}

/// The inside of a JSON string as `serde_json` writes it: `"` and `\\`
/// escaped, control characters as `\n`-style or `\u00XX` escapes,
/// everything else as is.
fn json_chars(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if plain(bytes) {
        out.extend_from_slice(bytes);
        return;
    }
    let mut kept = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[kept..i]);
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0C => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xF)]);
            }
        }
        kept = i + 1;
    }
    out.extend_from_slice(&bytes[kept..]);
}

/// Whether no byte needs an escape, eight at a time; the last few bytes
/// are tested as one word padded with spaces.
fn plain(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    if chunks.by_ref().any(needs_escape) {
        return false;
    }
    let rest = chunks.remainder();
    let mut last = [b' '; 8];
    last[..rest.len()].copy_from_slice(rest);
    !needs_escape(&last)
}

/// Whether any of eight bytes is a control character, `"` or `\\`: the
/// zero-byte and less-than tests on a word, exact for "any byte".
fn needs_escape(chunk: &[u8]) -> bool {
    let x = swar::word(chunk);
    swar::has_below(x, 0x20) || swar::has_byte(x, b'"') || swar::has_byte(x, b'\\')
}

/// A float as `serde_json` writes it: the shortest representation that
/// reads back the same (zmij, as serde_json), `null` when not finite.
fn json_f64(out: &mut Vec<u8>, v: f64) {
    if v.is_finite() {
        out.extend_from_slice(zmij::Buffer::new().format_finite(v).as_bytes());
    } else {
        out.extend_from_slice(b"null");
    }
}

/// An unsigned integer in decimal. Below 100,000 (nearly every offset and
/// code) with a copy of fixed length, which the compiler writes inline (a
/// copy of a variable length is a call to `memcpy`), its digits read two
/// at a time from a table; above, two digits per division.
fn json_uint(out: &mut Vec<u8>, mut n: u64) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    // The two digits of `k` (below 100).
    let pair = |k: u64| {
        let i = k as usize * 2;
        [PAIRS[i], PAIRS[i + 1]]
    };
    let digit = |k: u64| b'0' + k as u8;
    match n {
        0..=9 => return out.push(digit(n)),
        10..=99 => return out.extend_from_slice(&pair(n)),
        100..=999 => {
            let [c, d] = pair(n % 100);
            return out.extend_from_slice(&[digit(n / 100), c, d]);
        }
        1000..=9999 => {
            let ([a, b], [c, d]) = (pair(n / 100), pair(n % 100));
            return out.extend_from_slice(&[a, b, c, d]);
        }
        10_000..=99_999 => {
            let ([b, c], [d, e]) = (pair(n / 100 % 100), pair(n % 100));
            return out.extend_from_slice(&[digit(n / 10_000), b, c, d, e]);
        }
        _ => {}
    }
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    while n >= 100 {
        let r = (n % 100) as usize * 2;
        n /= 100;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[r..r + 2]);
    }
    if n >= 10 {
        let r = n as usize * 2;
        i -= 2;
        buf[i..i + 2].copy_from_slice(&PAIRS[r..r + 2]);
    } else {
        i -= 1;
        buf[i] = b'0' + n as u8;
    }
    out.extend_from_slice(&buf[i..]);
}

/// A problem met while processing one article. Never fatal for the batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub article_id: String,
    pub severity: Severity,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The article could not be processed at all.
    Error,
    /// Processed, but something was dropped or guessed (with the reason).
    Note,
}

/// Everything `process` learns from one article; the mentions borrow from
/// the article and the resources it was processed with (`'a`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction<'a> {
    pub events: Vec<Event>,
    pub mentions: Vec<MentionRecord<'a>>,
    pub diagnostics: Vec<Diagnostic>,
    /// The publication date used, and whether it was inferred from the text.
    pub published: Option<NaiveDate>,
    pub published_inferred: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_event_strings_round_trip_and_are_25() {
        assert_eq!(SubEventType::ALL.len(), 25);
        for t in SubEventType::ALL {
            assert_eq!(SubEventType::from_acled(t.as_str()), Some(*t));
            let json = serde_json::to_string(t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.as_str()));
        }
    }

    #[test]
    fn interaction_is_lower_code_first() {
        assert_eq!(interaction(Some(Inter::RebelGroup), Some(Inter::StateForces)), Some(12));
        assert_eq!(interaction(Some(Inter::Civilians), None), Some(70));
        assert_eq!(interaction(None, None), None);
    }

    #[test]
    fn mention_lines_are_what_serde_json_writes() {
        let place = MentionRecord {
            article_id: "a\"1\\\u{1}\u{7f}é".into(),
            kind: Some(MentionKind::Place),
            start: 0,
            end: 12_345_678_901,
            text: "Deir ez-Zor\n\t\r\u{8}\u{c}\u{1f}".into(),
            name: Some("Dayr az Zawr".into()),
            geonameid: Some(170_794),
            latitude: Some(35.336_11),
            longitude: Some(-40.0),
            country: Some("Syria".into()),
            admin1: Some("".into()),
            feature_code: Some("PPLA".into()),
            ..Default::default()
        };
        let actor = MentionRecord {
            kind: Some(MentionKind::Actor),
            actor: Some("Military Forces of Syria (2000-)".into()),
            inter: Some(Inter::StateForces),
            ..Default::default()
        };
        let date =
            MentionRecord { kind: Some(MentionKind::Date), value: Some("2023-06-02".into()), ..Default::default() };
        let count = MentionRecord {
            kind: Some(MentionKind::Count),
            value: Some(serde_json::json!(12)),
            what: Some("killed".into()),
            ..Default::default()
        };
        let odd = MentionRecord {
            value: Some(serde_json::json!({"a": [1.5, null]})),
            latitude: Some(1e21),
            longitude: Some(f64::NAN),
            ..Default::default()
        };
        let negative = MentionRecord {
            value: Some(serde_json::json!(-3)),
            latitude: Some(-0.0),
            longitude: Some(f64::NEG_INFINITY),
            ..Default::default()
        };
        let fraction =
            MentionRecord { value: Some(serde_json::json!(2.5)), latitude: Some(5e-324), ..Default::default() };
        // Escapes in the eight-byte words and in the padded last word, at lengths around a word.
        let long = MentionRecord {
            article_id: "exactly8".into(),
            text: "sixteen bytes ok".into(),
            name: Some("nine byt\\".into()),
            country: Some("\\ne byte first".into()),
            admin1: Some("1234567\\".into()),
            actor: Some("a word then \\u\\\\".into()),
            what: Some("seventeen bytes..\u{0}".into()),
            ..Default::default()
        };
        for r in [place, actor, date, count, odd, negative, fraction, long, MentionRecord::default()] {
            let mut want = serde_json::to_vec(&r).unwrap();
            want.push(b'\n');
            let mut got = Vec::new();
            r.write_json_line(&mut got).unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap());
        }
    }

    /// Lines written together are the lines written one by one, whatever
    /// repeats: a place's fields are reused only for the same strings and
    /// numbers, and the id prefix only for the same id.
    #[test]
    fn mention_lines_written_together_are_each_what_serde_json_writes() {
        fn place<'a>(id: &'a str, name: &'a str, lat: f64) -> MentionRecord<'a> {
            MentionRecord {
                article_id: id.into(),
                kind: Some(MentionKind::Place),
                start: 3,
                end: 10,
                text: name.into(),
                name: Some(name.into()),
                geonameid: Some(170_794),
                latitude: Some(lat),
                longitude: Some(40.45),
                country: Some("Syria".into()),
                admin1: Some("Deir ez-Zor".into()),
                feature_code: Some("PPL".into()),
                ..Default::default()
            }
        }
        let (name, namesake) = ("Mayadin".to_string(), "Mayadin".to_string());
        let (id, other_id) = ("a1".to_string(), "a\"2".to_string());
        let (name, namesake, id, other_id) = (name.as_str(), namesake.as_str(), id.as_str(), other_id.as_str());
        let mut records = vec![
            place(id, name, 35.01),
            place(id, name, 35.01),
            place(id, name, 35.02),
            place(id, namesake, 35.01),
            MentionRecord {
                article_id: id.into(),
                kind: Some(MentionKind::Date),
                value: Some("2021".into()),
                ..Default::default()
            },
            place(other_id, name, 35.01),
            place(other_id, namesake, 35.02),
        ];
        records[2].feature_code = Some("PPLA".into());
        records[6].geonameid = None;
        let mut want = Vec::new();
        for r in &records {
            want.extend(serde_json::to_vec(r).unwrap());
            want.push(b'\n');
        }
        let mut got = Vec::new();
        write_json_lines(&records, &mut got).unwrap();
        assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap());
    }

    /// Event lines are what serde_json writes, whatever is present:
    /// missing codes and coordinates, escapes, several evidence spans or
    /// none, odd floats and dates.
    #[test]
    fn event_lines_are_what_serde_json_writes() {
        let evidence = |text: &str| Evidence {
            article_id: "a\"1".into(),
            start: 7,
            end: 1_234,
            text: text.into(),
            source: "SANA".into(),
        };
        let full = Event {
            event_id: "a1-1".into(),
            article_id: "a\"1".into(),
            event_date: NaiveDate::from_ymd_opt(2023, 6, 2).unwrap(),
            time_precision: TimePrecision::Week,
            disorder_type: DisorderType::PoliticalViolence,
            event_type: EventType::ExplosionsRemoteViolence,
            sub_event_type: SubEventType::ShellingArtilleryMissileAttack,
            actor1: "Military Forces of Syria (2000-)".into(),
            assoc_actor_1: "".into(),
            inter1: Some(Inter::StateForces),
            actor2: "Civilians (Syria)".into(),
            assoc_actor_2: "Farmers\\Herders".into(),
            inter2: Some(Inter::Civilians),
            interaction: Some(17),
            civilian_targeting: "Civilian targeting".into(),
            country: "Syria".into(),
            iso: Some(760),
            admin1: "Idlib".into(),
            admin2: "Ariha".into(),
            admin3: "".into(),
            location: "Ariha".into(),
            latitude: Some(35.8137),
            longitude: Some(-0.0),
            geo_precision: GeoPrecision::NearTown,
            geonameid: Some(173_480),
            fatalities: 3,
            fatalities_low: 2,
            fatalities_best: 3,
            fatalities_high: 10,
            source: "SANA; \u{1}SOHR".into(),
            notes: "On 2 June 2023, shelling hit Ariha.\n\t\"Two\" died, é.".into(),
            confidence: 0.85,
            evidence: vec![evidence("shelling hit Ariha"), evidence("Two died\u{1f}")],
        };
        let empty = Event {
            inter1: None,
            inter2: None,
            interaction: None,
            iso: None,
            latitude: None,
            longitude: Some(f64::NAN),
            geonameid: None,
            geo_precision: GeoPrecision::Region,
            time_precision: TimePrecision::Day,
            sub_event_type: SubEventType::Other,
            event_type: EventType::StrategicDevelopments,
            disorder_type: DisorderType::PoliticalViolenceDemonstrations,
            event_date: NaiveDate::from_ymd_opt(12_345, 1, 31).unwrap(),
            confidence: 1e21,
            evidence: Vec::new(),
            ..full.clone()
        };
        let ancient =
            Event { event_date: NaiveDate::from_ymd_opt(-44, 3, 15).unwrap(), confidence: 5e-324, ..empty.clone() };
        let early = Event { event_date: NaiveDate::from_ymd_opt(7, 12, 1).unwrap(), confidence: 0.0, ..full.clone() };
        for e in [full, empty, ancient, early] {
            let mut want = serde_json::to_vec(&e).unwrap();
            want.push(b'\n');
            let mut got = Vec::new();
            e.write_json_line(&mut got);
            assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap());
        }
    }

    #[test]
    fn integers_are_written_as_display_writes_them() {
        for n in [
            0,
            7,
            9,
            10,
            42,
            99,
            100,
            101,
            999,
            1000,
            4_096,
            9_999,
            10_000,
            10_099,
            12_345,
            99_999,
            100_000,
            170_794,
            9_000_000_123,
            u64::MAX,
        ] {
            let mut out = Vec::new();
            json_uint(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
        }
    }

    #[test]
    fn plain_strings_are_those_with_no_byte_to_escape() {
        for len in 0..20 {
            for at in 0..len {
                for b in [0u8, 0x1F, b'"', b'\\', b' ', 0x7F, 0xC3] {
                    let mut bytes = vec![b'x'; len];
                    bytes[at] = b;
                    let want = !bytes.iter().any(|&c| c < 0x20 || c == b'"' || c == b'\\');
                    assert_eq!(plain(&bytes), want, "byte {b} at {at} of {len}");
                }
            }
        }
    }

    #[test]
    fn needs_escape_finds_each_byte_at_each_place() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"plain  x";
                chunk[at] = b;
                let want = chunk.iter().any(|&c| c < 0x20 || c == b'"' || c == b'\\');
                assert_eq!(needs_escape(&chunk), want, "byte {b} at {at}");
            }
        }
    }
}
