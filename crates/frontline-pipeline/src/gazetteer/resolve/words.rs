//! Word lists the recognition rules ask about the words around a name, and
//! [`LISTS`], which answers the commonest of them with one lookup.

use std::sync::LazyLock;

use crate::vocabulary::{
    COMPASS, COMPASS_SIDES, COUNTRYSIDE, GENERIC_HEADS, NEAR, PLACE_KINDS, PLACE_PREPOSITIONS, ROUTES, concat,
};

/// Arabic definite articles, which may start a name in lowercase
/// ("al-Qaim"); all of them are connectors.
pub(super) const ARABIC_ARTICLES: &[&str] = &["al", "el", "ad", "as", "ar", "az", "at", "an", "ash", "ez", "es", "ed"];

/// Arabic articles that are also English words: written apart and in
/// lowercase they are the English word ("at Moscow", "as Geneva"), so a name
/// that starts with them is taken only as the gazetteer spells it, not as a
/// variant spelling of the name after them.
pub(super) const ENGLISH_ARTICLES: &[&str] = &["at", "as", "an"];

/// Generic words of Arabic place names ("Ein", "Tal", "Kafr"): part of a
/// name, never a place by themselves. [`GENERIC_HEADS`], and the others,
/// which notes keep in a village's name ("Kafr", "Deir", "Umm").
pub(super) const GENERIC: &[&str] = &concat::<25>(&[
    GENERIC_HEADS,
    &[
        "ein", "ain", "ayn", "tel", "deir", "dayr", "kafr", "jebel", "wadi", "bir", "ras", "umm", "abu", "bab", "qasr",
        "hayy", "jurud", "jroud", "jrud",
    ],
]);

/// Words before a name that make it a place: [`PLACE_PREPOSITIONS`] and
/// the others that do where no outlet is in question.
pub(super) const LOCATIVE: &[&str] = &concat::<11>(&[PLACE_PREPOSITIONS, &["at", "from", "to", "across", "via"]]);

/// Words before a name that make it a person's ("Mr Dunn", "President Lincoln").
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "secretary",
    "minister",
    "gen",
    "general",
    "col",
    "colonel",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "mayor",
    "judge",
    "officer",
    "spokesman",
    "spokeswoman",
    "chief",
    "director",
    "professor",
    "prof",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "lt",
    "sgt",
    "capt",
    "captain",
    "commander",
    "brig",
    "maj",
    "sir",
    "lady",
    "lord",
    "saint",
    "pope",
    "father",
    "rev",
    "coach",
    "chairman",
    "councilman",
    "councilwoman",
    "commissioner",
    "sheriff",
    "deputy",
    "trooper",
    "pastor",
    "bishop",
    "detective",
    "sergeant",
    "lieutenant",
];

/// Words after a name that make it a speaker ("Dunn said").
pub(super) const SPEECH: &[&str] =
    &["said", "says", "told", "added", "stated", "wrote", "explained", "noted", "argued"];

/// Words before a name that make it a surname ("Mr Walker", "Dr. Patric").
pub(super) const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "miss"];

/// Words after a small place's name that make it a person's or a group's
/// ("Khalid bin Walid", "Hamza Division").
pub(super) const ORGANISATION: &[&str] = &[
    "bin",
    "ibn",
    "bint",
    "division",
    "brigade",
    "brigades",
    "battalion",
    "regiment",
    "army",
    "front",
    "movement",
    "corps",
    "faction",
    "militia",
    "operation",
    "legion",
];

/// Capitalised words after a place name that make it part of an outlet's or
/// a company's name ("Fars News Agency", "Syria TV", "Iraqi Airways").
pub(super) const OUTLET: &[&str] = &[
    "news",
    "agency",
    "observatory",
    "times",
    "tv",
    "television",
    "radio",
    "gazette",
    "herald",
    "tribune",
    "post",
    "daily",
    "journal",
    "press",
    "broadcasting",
    "airlines",
    "airways",
];

/// News outlets whose names hold a place's ("Al Jazeera" is also the
/// Jazira region, "Sky News Arabia" Arabia), folded, with whether a town
/// has the name too (the outlet "Al Mayadeen", the town Al Mayadin): such
/// a name is the outlet only where the words around it say so.
pub(super) const OUTLET_NAMES: &[(&str, bool)] = &[
    ("al jazeera", false),
    ("aljazeera", false),
    ("al arabiya", false),
    ("al arabiyya", false),
    ("al ikhbariya", false),
    ("al ikhbariyah", false),
    ("sky news arabia", false),
    ("asharq al awsat", false),
    ("al quds al arabi", false),
    ("al mayadeen", true),
    ("al hadath", true),
    ("al manar", true),
];

/// Words before a name that make it a place even where it also names an
/// outlet ("clashes in Al Jazeera region"; an outlet is spoken "to",
/// worked "at" and quoted "from"): [`PLACE_PREPOSITIONS`] and "around".
pub(super) const PLACED_BEFORE: &[&str] = &concat::<7>(&[PLACE_PREPOSITIONS, &["around"]]);

/// Words after a name that make it a place even where it also names an
/// outlet ("Al Jazeera state", "Al Hadath village").
pub(super) const PLACED_AFTER: &[&str] =
    &concat::<10>(&[PLACE_KINDS, &["region", "state", "province", "governorate", "countryside", "desert"]]);

/// Words that make a name an outlet's where a town has it too ("Al
/// Mayadeen reported", "told Al Hadath", "Al Manar TV").
pub(super) const OUTLET_CUES: &[&str] = &["reported", "reports", "channel", "correspondent", "reporter", "website"];

/// Capitalised words after a place name that make it part of a street's
/// name ("Clinton Street", "Orchard St.", "Denver Ave.").
pub(super) const STREETS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "drive",
    "boulevard",
    "blvd",
    "lane",
    "ln",
    "trail",
    "parkway",
    "pkwy",
    "pike",
];

/// Abbreviated words that begin a name: "St. Petersburg", "Ft. Worth",
/// "Mt. Pleasant", "Sault Ste. Marie", "W. Va." (the gazetteer lists the
/// short forms).
pub(super) const ABBREVIATIONS: &[&str] = &["st", "ste", "ft", "mt", "w"];

/// Lowercase words joined to a name by a hyphen that make it a sponsor's or
/// a stance's, not a place ("Turkish-backed factions", "Iranian-led
/// militias", "pro-Iran militias", "anti-US protests", "HTS-held town",
/// "Russian-made jets", a group-run clinic, a cartel-linked gang). ("Based"
/// is not one: a firm based in a town is placed there.)
pub(super) const SPONSORED: &[&str] = &[
    "backed",
    "led",
    "run",
    "linked",
    "supported",
    "sponsored",
    "aligned",
    "affiliated",
    "funded",
    "allied",
    "held",
    "controlled",
    "trained",
    "made",
    "pro",
    "anti",
];

/// Words after two places joined by a hyphen that make the pair a route or
/// a line between them ("the Damascus-Daraa road", "the Saraqib-Nayrab
/// axis"): an event there is at neither end. [`ROUTES`] (the village
/// lookup, `extract::village`, codes an event on one at its first end), and
/// the lines that are no route: a border, a corridor, a railway, a triangle.
pub(super) const LINES_BETWEEN: &[&str] = &concat::<11>(&[ROUTES, &["triangle", "railway", "corridor", "border"]]);

/// Words of a division named by its direction alone ("South West",
/// "Western", "Central"); a hyphened one is keyed with a space
/// ("North-Western" is "north western").
pub(super) const COMPASS_WORDS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "far",
    "north east",
    "north west",
    "south east",
    "south west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north eastern",
    "north western",
    "south eastern",
    "south western",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
];

/// Capitalised words after a place name that do not make it a person's.
const QUALIFIERS: &[&str] = &[
    "province",
    "governorate",
    "city",
    "county",
    "airport",
    "international",
    "university",
    "region",
    "district",
    "river",
    "valley",
    "desert",
    "mountains",
    "state",
    "border",
    "crossing",
    "countryside",
    "military",
    "air",
    "base",
    "police",
    "army",
    "forces",
    "government",
    "council",
    "hospital",
    "camp",
    "prison",
    "dam",
    "road",
    "highway",
    "street",
    "square",
    "bridge",
    "port",
    "bay",
    "island",
    "islands",
    "lake",
    "sea",
    "gulf",
    "health",
    "department",
    "times",
    "post",
    "news",
    "daily",
    "herald",
    "tribune",
    "journal",
    "press",
    "fire",
    "board",
    "chamber",
    "town",
    "township",
    "village",
    "regional",
    "mayor",
    "selectman",
    "selectmen",
    "school",
    "schools",
    "high",
    "library",
    "church",
    "community",
    "medical",
    "club",
    "society",
    "public",
    "volunteer",
    "historical",
    "parks",
    "court",
    "superior",
    "circuit",
    "municipal",
    "commission",
    "authority",
    "rescue",
    "republican",
    "democrat",
    "democratic",
    "chief",
    "senior",
    "seniors",
    "elks",
    "rotary",
    "lions",
];

/// Lowercase words that end an area name ("Sweida desert"), or a
/// facility's the gazetteer names with the word ("Shayrat airbase", "Tanf
/// base", "Mezzeh military airport"): the longer name is taken only where
/// a row has it.
pub(super) const AREA_WORDS: &[&str] = &[
    "desert",
    "countryside",
    "valley",
    "crossing",
    "border",
    "mountains",
    "camp",
    "plains",
    "plain",
    "pocket",
    "airbase",
    "base",
    "airport",
    "airfield",
    "station",
    "field",
    "fields",
];

/// Words before a name that put the event near it, not in it: [`NEAR`] and
/// the words that say so of a name right after them.
pub(super) const NEAR_BEFORE: &[&str] = &concat::<23>(&[
    NEAR,
    &["outside", "around", "nearby"],
    COUNTRYSIDE,
    COMPASS,
    COMPASS_SIDES,
    &["surroundings", "edge", "between"],
]);

/// Words after a name that put the event near it, not in it.
const NEAR_AFTER: &[&str] = &["countryside", "outskirts", "surroundings", "area", "suburbs", "environs", "desert"];

/// Words after a name that make it a division ("Hama province", "Bauchi
/// state"): [`FIRST_LEVEL`] ones a first-level division, also with "of"
/// before the name ("the state of Washington"); the others one of the first
/// or second level.
const DIVISION_AFTER: &[&str] = &[
    "province",
    "governorate",
    "oblast",
    "prefecture",
    "district",
    "county",
    "counties",
    "parish",
    "provinces",
    "districts",
];

/// Words before a name that name a part of the place or the land around
/// it ("downtown Greenville", "Greater Lagos", "unincorporated Cobb"): the
/// name after them is the place's, never a surname after a first name.
const PART_BEFORE: &[&str] =
    &["downtown", "uptown", "midtown", "greater", "metro", "metropolitan", "suburban", "unincorporated", "inner"];

/// Common given names: a place's name right after one is a surname ("Paul
/// Henderson", "Jessica Orellana"), however big the place. None is an
/// English word ("Gene", "Dale", "Mike", "Rick" are left out: a headline's
/// capitalised noun before a place is no first name), but "Bill", a name
/// far more often than a capitalised noun right before a place (without
/// it, one false place comes back on LGL, none right is gained), nor names
/// a big place itself ("Virginia", "Douglas", "Nancy" are left out), so a
/// name starting with one ("Virginia Beach") stays whole.
const GIVEN_NAMES: &[&str] = &[
    "aaron",
    "abdul",
    "abdullah",
    "adam",
    "adrian",
    "ahmad",
    "ahmed",
    "aisha",
    "alan",
    "albert",
    "alex",
    "alexander",
    "alexandra",
    "alfred",
    "ali",
    "alice",
    "alicia",
    "allison",
    "amanda",
    "amy",
    "andrea",
    "andrew",
    "angela",
    "anita",
    "ann",
    "anna",
    "anne",
    "annie",
    "anthony",
    "antonio",
    "ashley",
    "audrey",
    "barbara",
    "barry",
    "ben",
    "benjamin",
    "bernard",
    "beth",
    "betty",
    "beverly",
    "bill",
    "billy",
    "bob",
    "bobby",
    "brad",
    "bradley",
    "brenda",
    "brett",
    "brian",
    "bruce",
    "bryan",
    "carl",
    "carlos",
    "caroline",
    "carolyn",
    "catherine",
    "cathy",
    "charles",
    "cheryl",
    "chris",
    "christina",
    "christine",
    "christopher",
    "cindy",
    "claire",
    "claudia",
    "clifford",
    "colin",
    "connie",
    "craig",
    "cynthia",
    "daniel",
    "danielle",
    "darren",
    "dave",
    "david",
    "deborah",
    "debra",
    "denise",
    "dennis",
    "derek",
    "diane",
    "donald",
    "donna",
    "doris",
    "dorothy",
    "doug",
    "duane",
    "dustin",
    "eddie",
    "edward",
    "eileen",
    "elaine",
    "eleanor",
    "elizabeth",
    "ellen",
    "emily",
    "emma",
    "eric",
    "erica",
    "erin",
    "ernest",
    "esther",
    "ethel",
    "evelyn",
    "fatima",
    "francis",
    "fred",
    "frederick",
    "gail",
    "gary",
    "geoffrey",
    "george",
    "gerald",
    "gloria",
    "gordon",
    "graham",
    "greg",
    "gregory",
    "gwen",
    "harold",
    "harriet",
    "helen",
    "henry",
    "herbert",
    "howard",
    "hussein",
    "ian",
    "irene",
    "isaac",
    "jacob",
    "jacqueline",
    "james",
    "jamie",
    "jane",
    "janet",
    "janice",
    "jason",
    "jean",
    "jeff",
    "jeffrey",
    "jennifer",
    "jenny",
    "jeremy",
    "jerry",
    "jesse",
    "jessica",
    "jill",
    "jim",
    "jimmy",
    "joan",
    "joanne",
    "joe",
    "joel",
    "john",
    "johnny",
    "jonathan",
    "joseph",
    "joshua",
    "joyce",
    "juan",
    "judith",
    "judy",
    "julia",
    "julie",
    "justin",
    "karen",
    "katherine",
    "kathleen",
    "kathy",
    "katie",
    "keith",
    "kelly",
    "kenneth",
    "kevin",
    "kim",
    "kimberly",
    "kristen",
    "kyle",
    "larry",
    "laura",
    "lauren",
    "lawrence",
    "leonard",
    "leslie",
    "lillian",
    "linda",
    "lisa",
    "lois",
    "louis",
    "louise",
    "lucy",
    "luis",
    "marie",
    "marilyn",
    "mario",
    "marjorie",
    "martha",
    "marvin",
    "mary",
    "matthew",
    "megan",
    "melissa",
    "michael",
    "michelle",
    "mildred",
    "mohamed",
    "mohammad",
    "mohammed",
    "muhammad",
    "natalie",
    "nathan",
    "neil",
    "nicholas",
    "nicole",
    "omar",
    "pamela",
    "patricia",
    "patrick",
    "paul",
    "paula",
    "peggy",
    "philip",
    "phillip",
    "phyllis",
    "rachel",
    "ralph",
    "raymond",
    "rebecca",
    "richard",
    "rita",
    "robert",
    "roberto",
    "roger",
    "ronald",
    "russell",
    "ruth",
    "ryan",
    "samantha",
    "samuel",
    "sandra",
    "sara",
    "sarah",
    "scott",
    "sean",
    "sharon",
    "shawn",
    "sheila",
    "shirley",
    "stephanie",
    "stephen",
    "steve",
    "steven",
    "susan",
    "tammy",
    "teresa",
    "terry",
    "theresa",
    "thomas",
    "timothy",
    "tina",
    "todd",
    "tom",
    "tony",
    "tracy",
    "travis",
    "valerie",
    "vanessa",
    "vera",
    "vincent",
    "walter",
    "wanda",
    "wayne",
    "wendy",
    "william",
    "willie",
    "yusuf",
];

/// Names of a people, an ethnic or religious group or a language, as
/// nouns or adjectives ("Kurds", "Hispanic", "Muslim", "Yiddish"): alone,
/// such a word is no town of that name. (The countries' demonyms, "Syrian",
/// come with the gazetteer's country names.)
const PEOPLES: &[&str] = &[
    "african",
    "africans",
    "alawite",
    "alawites",
    "amish",
    "anglican",
    "anglicans",
    "arab",
    "arabic",
    "arabs",
    "asian",
    "asians",
    "assyrian",
    "assyrians",
    "baptist",
    "baptists",
    "basque",
    "basques",
    "bedouin",
    "bedouins",
    "berber",
    "berbers",
    "buddhist",
    "buddhists",
    "catholic",
    "catholics",
    "celtic",
    "christian",
    "christians",
    "coptic",
    "copts",
    "creole",
    "druze",
    "english",
    "european",
    "europeans",
    "evangelical",
    "evangelicals",
    "gaelic",
    "hebrew",
    "hindu",
    "hindus",
    "hispanic",
    "hispanics",
    "jew",
    "jewish",
    "jews",
    "kurd",
    "kurdish",
    "kurds",
    "latina",
    "latino",
    "latinos",
    "lutheran",
    "lutherans",
    "methodist",
    "methodists",
    "mormon",
    "mormons",
    "muslim",
    "muslims",
    "pashtun",
    "pashtuns",
    "persian",
    "persians",
    "protestant",
    "protestants",
    "scandinavian",
    "shia",
    "shiite",
    "shiites",
    "sikh",
    "sikhs",
    "slavic",
    "sunni",
    "sunnis",
    "tamil",
    "tamils",
    "turkmen",
    "uyghur",
    "uyghurs",
    "welsh",
    "yazidi",
    "yazidis",
    "yiddish",
];

/// Words that begin a place's or a storm's name whose next word may be a
/// given name ("Lake Charles", "Fort Wayne", "Hurricane Ian", "St.
/// Joseph"): that given name is no person's.
pub(super) const BEFORE_GIVEN_NAME: &[&str] =
    &["st", "saint", "san", "lake", "cape", "port", "fort", "prince", "hurricane", "typhoon", "cyclone", "storm"];

/// Bits of [`LISTS`]: the word lists the candidate loop asks most often
/// about a word.
pub(super) const IN_TITLES: u32 = 1;
pub(super) const IN_QUALIFIERS: u32 = 2;
pub(super) const IN_NEAR_BEFORE: u32 = 4;
pub(super) const IN_NEAR_AFTER: u32 = 8;
pub(super) const IN_LOCATIVE: u32 = 16;
const IN_DIVISION_AFTER: u32 = 32;
const IN_FIRST_LEVEL: u32 = 64;
pub(super) const IN_PART_BEFORE: u32 = 128;
pub(super) const IN_GIVEN_NAMES: u32 = 256;
pub(super) const IN_PEOPLES: u32 = 512;

/// Every word list with its bit in [`LISTS`].
const ALL_LISTS: [(&[&str], u32); 10] = [
    (TITLES, IN_TITLES),
    (QUALIFIERS, IN_QUALIFIERS),
    (NEAR_BEFORE, IN_NEAR_BEFORE),
    (NEAR_AFTER, IN_NEAR_AFTER),
    (LOCATIVE, IN_LOCATIVE),
    (DIVISION_AFTER, IN_DIVISION_AFTER),
    (FIRST_LEVEL, IN_FIRST_LEVEL),
    (PART_BEFORE, IN_PART_BEFORE),
    (GIVEN_NAMES, IN_GIVEN_NAMES),
    (PEOPLES, IN_PEOPLES),
];

/// Which of those lists hold a word (its [`LISTS`] bits), by word: one
/// lookup answers them all, where scanning [`TITLES`], [`QUALIFIERS`] and
/// [`NEAR_BEFORE`] compared up to 131 words per name found.
pub(super) static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut lists = Lists { buckets: vec![Vec::new(); (LIST_LEN + 1) << 8] };
    for (list, bit) in ALL_LISTS {
        for &w in list {
            let bucket = &mut lists.buckets[Lists::bucket(w.as_bytes()).expect("a listed word is short")];
            match bucket.iter_mut().find(|(x, _)| *x == w) {
                Some((_, bits)) => *bits |= bit,
                None => bucket.push((w, bit)),
            }
        }
    }
    lists
});

/// The listed words by length and first byte: a bucket holds a word or
/// two, compared whole. Asked about the words around every name found, so
/// no hashing: that cost more than the rest of a look-up.
pub(super) struct Lists {
    buckets: Vec<Vec<(&'static str, u32)>>,
}

/// The longest listed word, in bytes.
const LIST_LEN: usize = 16;

impl Lists {
    /// A word's [`LISTS`] bits (0 for a word in no list).
    pub(super) fn bits(&self, w: &str) -> u32 {
        let b = w.as_bytes();
        let Some(at) = Lists::bucket(b) else { return 0 };
        // A bucket's words have the word's length: a byte loop over a few
        // bytes costs less than a call to `memcmp` per word.
        self.buckets[at].iter().find(|(x, _)| x.bytes().zip(b).all(|(p, q)| p == *q)).map_or(0, |&(_, bits)| bits)
    }

    /// The bucket of a word of one to [`LIST_LEN`] bytes.
    fn bucket(b: &[u8]) -> Option<usize> {
        let &first = b.first()?;
        (b.len() <= LIST_LEN).then_some(b.len() << 8 | usize::from(first))
    }
}

/// Division words only a first-level division takes: no county is called a
/// "region" or a "state", so "the Pacific region" is no Pacific County.
const FIRST_LEVEL: &[&str] = &["region", "state"];

/// [`Raw::division`](super::Raw::division) bits: a word of [`DIVISION_AFTER`], of [`FIRST_LEVEL`].
pub(super) const ANY_DIVISION: u8 = 1;
pub(super) const FIRST_DIVISION: u8 = 2;

/// What a word next to a name says of it, from the word's [`LISTS`] bits:
/// [`ANY_DIVISION`], [`FIRST_DIVISION`] or 0.
pub(super) fn division_word(bits: u32) -> u8 {
    if bits & IN_FIRST_LEVEL != 0 {
        FIRST_DIVISION
    } else if bits & IN_DIVISION_AFTER != 0 {
        ANY_DIVISION
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_bits_are_the_lists_holding_the_word() {
        let all = ALL_LISTS;
        let expect = |w: &str| all.iter().filter(|(list, _)| list.contains(&w)).fold(0, |b, (_, bit)| b | bit);
        for w in all.iter().flat_map(|(list, _)| list.iter()) {
            assert_eq!(LISTS.bits(w), expect(w), "{w:?}");
        }
        for w in ["", "x", "zzz", "walker", "presidents", "a-very-long-unlisted-word", "é"] {
            assert_eq!(LISTS.bits(w), expect(w), "{w:?}");
        }
    }
}
