//! The types that cross stage boundaries: the article as read, the ACLED
//! vocabulary (event types, inter codes, precision codes), mentions, events.
//!
//! Field names follow the ACLED export and `SPEC.md` section 2, so that the
//! serialised forms are the output contract.

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
/// fields are `None` for the other kinds and are then left out.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MentionRecord {
    pub article_id: String,
    pub kind: Option<MentionKind>,
    pub start: usize,
    pub end: usize,
    pub text: String,
    // place
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature_code: Option<String>,
    // date and count
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    // actor
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inter: Option<Inter>,
    // count
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what: Option<String>,
}

impl MentionRecord {
    /// Appends the record as one line of JSON, the bytes `serde_json`
    /// writes for it (a test checks), without going through serde: the
    /// mentions file is most of extract's output.
    pub fn write_json_line(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
        out.extend_from_slice(b"{\"article_id\":");
        json_str(out, &self.article_id);
        out.extend_from_slice(b",\"kind\":");
        out.extend_from_slice(match self.kind {
            None => b"null",
            Some(MentionKind::Place) => b"\"place\"",
            Some(MentionKind::Actor) => b"\"actor\"",
            Some(MentionKind::Date) => b"\"date\"",
            Some(MentionKind::Count) => b"\"count\"",
        });
        out.extend_from_slice(b",\"start\":");
        json_uint(out, self.start as u64);
        out.extend_from_slice(b",\"end\":");
        json_uint(out, self.end as u64);
        out.extend_from_slice(b",\"text\":");
        json_str(out, &self.text);
        let opt_str = |out: &mut Vec<u8>, key: &[u8], v: &Option<String>| {
            if let Some(v) = v {
                out.extend_from_slice(key);
                json_str(out, v);
            }
        };
        opt_str(out, b",\"name\":", &self.name);
        if let Some(id) = self.geonameid {
            out.extend_from_slice(b",\"geonameid\":");
            json_uint(out, id);
        }
        for (key, v) in [(&b",\"latitude\":"[..], self.latitude), (&b",\"longitude\":"[..], self.longitude)] {
            if let Some(v) = v {
                out.extend_from_slice(key);
                serde_json::to_writer(&mut *out, &v)?;
            }
        }
        opt_str(out, b",\"country\":", &self.country);
        opt_str(out, b",\"admin1\":", &self.admin1);
        opt_str(out, b",\"feature_code\":", &self.feature_code);
        if let Some(v) = &self.value {
            out.extend_from_slice(b",\"value\":");
            match v {
                serde_json::Value::String(s) => json_str(out, s),
                v => serde_json::to_writer(&mut *out, v)?,
            }
        }
        opt_str(out, b",\"actor\":", &self.actor);
        if let Some(inter) = self.inter {
            out.extend_from_slice(b",\"inter\":");
            json_uint(out, u64::from(inter.code()));
        }
        opt_str(out, b",\"what\":", &self.what);
        out.extend_from_slice(b"}\n");
        Ok(())
    }
}

/// A JSON string as `serde_json` writes it: `"` and `\\` escaped, control
/// characters as `\n`-style or `\u00XX` escapes, everything else as is.
fn json_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut kept = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Skip eight plain bytes at a time.
        if i + 8 <= bytes.len() && !needs_escape(&bytes[i..i + 8]) {
            i += 8;
            continue;
        }
        let b = bytes[i];
        i += 1;
        if b >= 0x20 && b != b'"' && b != b'\\' {
            continue;
        }
        out.extend_from_slice(&bytes[kept..i - 1]);
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
        kept = i;
    }
    out.extend_from_slice(&bytes[kept..]);
    out.push(b'"');
}

/// Whether any of eight bytes is a control character, `"` or `\\`: the
/// zero-byte and less-than tests on a word, exact for "any byte".
fn needs_escape(chunk: &[u8]) -> bool {
    let x = swar::word(chunk);
    swar::has_below(x, 0x20) || swar::has_byte(x, b'"') || swar::has_byte(x, b'\\')
}

/// An unsigned integer in decimal, two digits per division.
fn json_uint(out: &mut Vec<u8>, mut n: u64) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
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

/// Everything `process` learns from one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extraction {
    pub events: Vec<Event>,
    pub mentions: Vec<MentionRecord>,
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
            admin1: Some(String::new()),
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
            ..Default::default()
        };
        for r in [place, actor, date, count, odd, MentionRecord::default()] {
            let mut want = serde_json::to_vec(&r).unwrap();
            want.push(b'\n');
            let mut got = Vec::new();
            r.write_json_line(&mut got).unwrap();
            assert_eq!(String::from_utf8(got).unwrap(), String::from_utf8(want).unwrap());
        }
    }

    #[test]
    fn integers_are_written_as_display_writes_them() {
        for n in [0, 7, 9, 10, 42, 99, 100, 101, 999, 1000, 12_345, 170_794, 9_000_000_123, u64::MAX] {
            let mut out = Vec::new();
            json_uint(&mut out, n);
            assert_eq!(String::from_utf8(out).unwrap(), n.to_string());
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
