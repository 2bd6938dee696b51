//! The benchmark corpus: invented news articles about armed conflict, as
//! JSON Lines records, generated from our own templates.
//!
//! Every article is a function of `(seed, index)` alone, so a corpus of
//! 10 MB is a prefix of the corpus of 50 MB with the same seed, and runs on
//! different machines measure the same text. Articles vary in length (a few
//! hundred bytes to tens of kilobytes), in form (plain text, or a whole HTML
//! page with navigation, scripts and a footer), in country, places and
//! actors, and carry every ACLED sub-event type, background history, hedged
//! statements, non-conflict news and page furniture. The generator records
//! which sub-event types it planted, for the benchmark's sanity table.
//!
//! The place names are real towns (so the built-in gazetteer can resolve
//! them) and the actor names are the ones news uses; every sentence is ours.

use frontline_pipeline::SubEventType;
use serde::Serialize;

/// A tiny deterministic PRNG (splitmix64): no dependency, same stream on
/// every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// True with probability `percent / 100`.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub seed: u64,
    /// Percentage of articles written as whole HTML pages (0..=100).
    pub html_percent: usize,
}

/// One generated article: its JSON Lines record and what was planted in it.
pub struct Generated {
    pub line: Vec<u8>,
    pub html: bool,
    pub planted: Vec<SubEventType>,
}

/// A country's vocabulary: places (town, first-level division) and the
/// actors that news about it names, by role.
struct Country {
    name: &'static str,
    adjective: &'static str,
    places: &'static [(&'static str, &'static str)],
    state: &'static [&'static str],
    rebels: &'static [&'static str],
    militias: &'static [&'static str],
    air: &'static [&'static str],
    monitors: &'static [&'static str],
    /// Who is the state changes on a day: the sides' words from then on.
    later: Option<&'static Later>,
}

/// A country's state and rebel words from a day (year, month, day) on, as
/// the actor dictionary dates them.
struct Later {
    from: (i32, u32, u32),
    state: &'static [&'static str],
    rebels: &'static [&'static str],
}

/// Afghanistan from 15 August 2021: the Taliban are the state, and the
/// National Resistance Front fights them.
const AFGHANISTAN_2021: Later = Later {
    from: (2021, 8, 15),
    state: &["Taliban security forces", "Taliban police", "Taliban government forces"],
    rebels: &["Islamic State Khorasan militants", "National Resistance Front fighters"],
};

const COUNTRIES: &[Country] = &[
    Country {
        name: "Syria",
        adjective: "Syrian",
        places: &[
            ("Abu Kamal", "Deir ez-Zor"),
            ("Mayadin", "Deir ez-Zor"),
            ("Deir ez-Zor", "Deir ez-Zor"),
            ("Raqqa", "Raqqa"),
            ("Tabqa", "Raqqa"),
            ("Idlib", "Idlib"),
            ("Maarat al-Numan", "Idlib"),
            ("Saraqib", "Idlib"),
            ("Jisr al-Shughur", "Idlib"),
            ("Aleppo", "Aleppo"),
            ("Manbij", "Aleppo"),
            ("Al-Bab", "Aleppo"),
            ("Afrin", "Aleppo"),
            ("Daraa", "Daraa"),
            ("Busra al-Sham", "Daraa"),
            ("Palmyra", "Homs"),
            ("Homs", "Homs"),
            ("Qamishli", "Hasakah"),
            ("Hama", "Hama"),
            ("Douma", "Rif Dimashq"),
        ],
        state: &["Syrian government forces", "the Syrian army", "regime forces", "pro-government forces"],
        rebels: &["Islamic State fighters", "Hayat Tahrir al-Sham", "rebel fighters", "the Syrian Democratic Forces"],
        militias: &["pro-government militiamen", "National Defence Forces militiamen", "tribal fighters"],
        air: &["Russian warplanes", "Syrian government helicopters", "US-led coalition aircraft", "a Turkish drone"],
        monitors: &["the Syrian Observatory for Human Rights", "local activists", "the White Helmets"],
        later: None,
    },
    Country {
        name: "Iraq",
        adjective: "Iraqi",
        places: &[
            ("Mosul", "Nineveh"),
            ("Tal Afar", "Nineveh"),
            ("Sinjar", "Nineveh"),
            ("Kirkuk", "Kirkuk"),
            ("Hawija", "Kirkuk"),
            ("Tikrit", "Salah al-Din"),
            ("Samarra", "Salah al-Din"),
            ("Baiji", "Salah al-Din"),
            ("Fallujah", "Anbar"),
            ("Ramadi", "Anbar"),
            ("Al-Qaim", "Anbar"),
            ("Baqubah", "Diyala"),
            ("Khanaqin", "Diyala"),
        ],
        state: &["Iraqi security forces", "the Iraqi army", "Iraqi counter-terrorism troops", "federal police"],
        rebels: &["Islamic State militants", "IS fighters", "Daesh militants"],
        militias: &["Popular Mobilisation Forces", "Kataib Hezbollah fighters", "tribal militiamen"],
        air: &["US-led coalition aircraft", "Iraqi F-16 jets", "a Turkish drone"],
        monitors: &["security sources", "a local official", "the Joint Operations Command"],
        later: None,
    },
    Country {
        name: "Yemen",
        adjective: "Yemeni",
        places: &[
            ("Taiz", "Taiz"),
            ("Hodeidah", "Al Hudaydah"),
            ("Marib", "Marib"),
            ("Aden", "Aden"),
            ("Sanaa", "Amanat al Asimah"),
            ("Saada", "Saada"),
            ("Al Bayda", "Al Bayda"),
            ("Mokha", "Taiz"),
        ],
        state: &["Yemeni government forces", "government-aligned troops", "the Giants Brigades"],
        rebels: &["Houthi fighters", "the Houthis", "al-Qaeda in the Arabian Peninsula militants"],
        militias: &["Southern Transitional Council fighters", "tribal gunmen"],
        air: &["Saudi-led coalition warplanes", "coalition aircraft", "a US drone"],
        monitors: &["medical sources", "a local official", "Houthi-run Al-Masirah TV"],
        later: None,
    },
    Country {
        name: "Nigeria",
        adjective: "Nigerian",
        places: &[
            ("Maiduguri", "Borno"),
            ("Bama", "Borno"),
            ("Gwoza", "Borno"),
            ("Damboa", "Borno"),
            ("Monguno", "Borno"),
            ("Konduga", "Borno"),
            ("Gusau", "Zamfara"),
            ("Kaduna", "Kaduna"),
            ("Jos", "Plateau"),
            ("Makurdi", "Benue"),
        ],
        state: &["Nigerian troops", "the Nigerian army", "Nigerian police"],
        rebels: &["Boko Haram fighters", "ISWAP militants", "jihadists"],
        militias: &["bandits", "armed herders", "Civilian JTF vigilantes"],
        air: &["the Nigerian air force", "a military jet"],
        monitors: &["a local official", "residents", "Amnesty International"],
        later: None,
    },
    Country {
        name: "Somalia",
        adjective: "Somali",
        places: &[
            ("Mogadishu", "Banaadir"),
            ("Baidoa", "Bay"),
            ("Kismayo", "Lower Juba"),
            ("Beledweyne", "Hiraan"),
            ("Afgooye", "Lower Shabelle"),
            ("Marka", "Lower Shabelle"),
            ("Bosaso", "Bari"),
        ],
        state: &["Somali National Army troops", "Somali security forces", "African Union troops"],
        rebels: &["al-Shabaab militants", "al-Shabaab fighters", "Islamic State Somalia"],
        militias: &["clan militiamen", "Macawisley militia fighters"],
        air: &["US Africa Command", "a US drone"],
        monitors: &["police officer Abdi Hassan", "residents", "Radio Mogadishu"],
        later: None,
    },
    Country {
        name: "Ukraine",
        adjective: "Ukrainian",
        places: &[
            ("Bakhmut", "Donetsk"),
            ("Avdiivka", "Donetsk"),
            ("Kramatorsk", "Donetsk"),
            ("Pokrovsk", "Donetsk"),
            ("Kharkiv", "Kharkiv"),
            ("Kupiansk", "Kharkiv"),
            ("Kherson", "Kherson"),
            ("Zaporizhzhia", "Zaporizhzhia"),
            ("Sumy", "Sumy"),
            ("Odesa", "Odesa"),
        ],
        state: &["Ukrainian forces", "the Ukrainian army", "Ukraine's armed forces"],
        rebels: &["Russian forces", "Russian troops", "Wagner mercenaries"],
        militias: &["Russian-backed separatists", "Chechen units"],
        air: &["Russian missiles", "Russian Shahed drones", "Russian glide bombs"],
        monitors: &["the regional governor", "Ukraine's general staff", "the mayor"],
        later: None,
    },
    Country {
        name: "Mali",
        adjective: "Malian",
        places: &[
            ("Gao", "Gao"),
            ("Timbuktu", "Tombouctou"),
            ("Mopti", "Mopti"),
            ("Menaka", "Menaka"),
            ("Kidal", "Kidal"),
            ("Douentza", "Mopti"),
            ("Segou", "Segou"),
        ],
        state: &["Malian soldiers", "the Malian army", "Malian troops and Russian paramilitaries"],
        rebels: &["JNIM militants", "Islamic State Sahel fighters", "Tuareg separatist rebels"],
        militias: &["Dan Na Ambassagou militiamen", "Dozo hunters"],
        air: &["Malian army drones", "a Malian helicopter"],
        monitors: &["a local elected official", "MINUSMA", "security sources"],
        later: None,
    },
    Country {
        name: "Burkina Faso",
        adjective: "Burkinabe",
        places: &[
            ("Djibo", "Sahel"),
            ("Dori", "Sahel"),
            ("Ouahigouya", "Nord"),
            ("Fada N'Gourma", "Est"),
            ("Kaya", "Centre-Nord"),
            ("Dedougou", "Boucle du Mouhoun"),
        ],
        state: &["Burkinabe soldiers", "the Burkinabe army", "VDP volunteers and soldiers"],
        rebels: &["JNIM militants", "jihadists", "Ansarul Islam fighters"],
        militias: &["VDP volunteers", "Koglweogo vigilantes"],
        air: &["Burkinabe army drones", "an army helicopter"],
        monitors: &["a security source", "residents", "Human Rights Watch"],
        later: None,
    },
    Country {
        name: "Sudan",
        adjective: "Sudanese",
        places: &[
            ("El Fasher", "North Darfur"),
            ("Nyala", "South Darfur"),
            ("Omdurman", "Khartoum"),
            ("Wad Madani", "Al Jazirah"),
            ("El Geneina", "West Darfur"),
            ("El Obeid", "North Kordofan"),
        ],
        state: &["the Sudanese army", "Sudanese Armed Forces", "army troops"],
        rebels: &["the Rapid Support Forces", "RSF fighters", "SPLM-N rebels"],
        militias: &["Arab militiamen", "Janjaweed fighters"],
        air: &["Sudanese army warplanes", "RSF drones"],
        monitors: &["the Sudan Doctors Network", "local activists", "the Emergency Lawyers group"],
        later: None,
    },
    Country {
        name: "Afghanistan",
        adjective: "Afghan",
        places: &[
            ("Kunduz", "Kunduz"),
            ("Ghazni", "Ghazni"),
            ("Lashkar Gah", "Helmand"),
            ("Kandahar", "Kandahar"),
            ("Jalalabad", "Nangarhar"),
            ("Herat", "Herat"),
        ],
        state: &["Afghan security forces", "the Afghan army", "Afghan commandos"],
        rebels: &["Taliban fighters", "Islamic State Khorasan militants"],
        militias: &["local militiamen", "pro-government militias"],
        air: &["US drones", "the Afghan air force"],
        monitors: &["a provincial spokesman", "hospital officials", "UNAMA"],
        later: Some(&AFGHANISTAN_2021),
    },
    Country {
        name: "Democratic Republic of Congo",
        adjective: "Congolese",
        places: &[
            ("Goma", "North Kivu"),
            ("Beni", "North Kivu"),
            ("Butembo", "North Kivu"),
            ("Rutshuru", "North Kivu"),
            ("Bunia", "Ituri"),
            ("Uvira", "South Kivu"),
        ],
        state: &["Congolese troops", "FARDC soldiers", "the Congolese army"],
        rebels: &["M23 rebels", "ADF rebels", "Allied Democratic Forces fighters"],
        militias: &["CODECO militiamen", "Mai-Mai fighters", "Wazalendo militias"],
        air: &["Congolese army jets", "army helicopters"],
        monitors: &["civil society leaders", "the Kivu Security Tracker", "a local administrator"],
        later: None,
    },
    Country {
        name: "Myanmar",
        adjective: "Myanmar",
        places: &[
            ("Lashio", "Shan"),
            ("Myawaddy", "Kayin"),
            ("Hpakant", "Kachin"),
            ("Sagaing", "Sagaing"),
            ("Mandalay", "Mandalay"),
            ("Sittwe", "Rakhine"),
        ],
        state: &["junta troops", "the Myanmar military", "regime soldiers"],
        rebels: &["People's Defence Force fighters", "the Arakan Army", "the Kachin Independence Army"],
        militias: &["Pyu Saw Htee militiamen", "pro-junta militias"],
        air: &["junta aircraft", "military jets"],
        monitors: &["local media", "a resistance spokesman", "residents"],
        later: None,
    },
    Country {
        name: "Kenya",
        adjective: "Kenyan",
        places: &[("Nairobi", "Nairobi"), ("Mombasa", "Mombasa"), ("Kisumu", "Kisumu"), ("Nakuru", "Nakuru")],
        state: &["Kenyan police", "anti-riot police", "Kenya Defence Forces"],
        rebels: &["al-Shabaab militants", "gunmen"],
        militias: &["armed youths", "cattle raiders"],
        air: &["a police helicopter"],
        monitors: &["the Independent Policing Oversight Authority", "Amnesty Kenya", "police"],
        later: None,
    },
    Country {
        name: "Pakistan",
        adjective: "Pakistani",
        places: &[
            ("Peshawar", "Khyber Pakhtunkhwa"),
            ("Quetta", "Balochistan"),
            ("Karachi", "Sindh"),
            ("Bannu", "Khyber Pakhtunkhwa"),
            ("Lahore", "Punjab"),
        ],
        state: &["Pakistani security forces", "police", "paramilitary Frontier Corps troops"],
        rebels: &["Pakistani Taliban militants", "Baloch separatists", "TTP fighters"],
        militias: &["tribal lashkar members", "armed men"],
        air: &["Pakistani jets", "military helicopters"],
        monitors: &["the military's media wing", "a police official", "hospital officials"],
        later: None,
    },
];

const CIVILIANS: &[&str] =
    &["civilians", "villagers", "farmers", "displaced people", "aid workers", "worshippers", "traders", "women"];
const PROTESTERS: &[&str] =
    &["hundreds of protesters", "students", "teachers", "residents", "demonstrators", "opposition supporters"];
const DEMANDS: &[&str] = &[
    "the release of detained activists",
    "better protection from attacks",
    "the resignation of the governor",
    "lower fuel prices",
    "an end to power cuts",
    "the payment of overdue salaries",
];
const VENUES: &[&str] = &["market", "mosque", "checkpoint", "bus station", "wedding party", "restaurant", "funeral"];
const OUTLETS: &[&str] = &["Reuters", "AFP", "the Associated Press", "Al Jazeera", "the BBC", "Anadolu", "Xinhua"];
const NUMBER_WORDS: &[&str] =
    &["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Event sentences per sub-event type: each template plants one event.
/// Slots: `{state}`, `{rebel}`, `{militia}`, `{air}`, `{civ}`, `{prot}`,
/// `{place}`, `{admin}`, `{country}`, `{adj}`, `{date}`, `{n}` (a killed
/// figure), `{n2}` (a wounded figure), `{nw}` (a number word), `{venue}`,
/// `{demand}`, `{monitor}`, `{outlet}`; a capitalised slot capitalises its
/// value.
const EVENTS: &[(SubEventType, &[&str])] = &[
    (
        SubEventType::GovernmentRegainsTerritory,
        &[
            "{State} retook {place} from {rebel} {date} after {nw} days of heavy fighting, the {adj} defence ministry said.",
            "{State} recaptured the town of {place} in {admin} province {date}, driving out {rebel} after a two-week offensive.",
            "After fierce clashes with {rebel}, {state} regained control of {place} {date}, according to {monitor}.",
        ],
    ),
    (
        SubEventType::NonStateActorOvertakesTerritory,
        &[
            "{Rebel} seized control of {place} {date} after government troops withdrew following heavy fighting.",
            "{Rebel} captured the town of {place}, in {admin}, {date}, after overrunning the last army positions there.",
        ],
    ),
    (
        SubEventType::ArmedClash,
        &[
            "{State} clashed with {rebel} near {place} {date}, leaving {n} fighters dead on both sides.",
            "Heavy fighting broke out between {rebel} and {state} on the outskirts of {place} {date}.",
            "{Rebel} attacked an army checkpoint in {place} {date}, killing {n} soldiers before withdrawing.",
            "{State} ambushed a column of {rebel} near {place} in {admin} {date}; {n} militants were killed.",
        ],
    ),
    (
        SubEventType::ExcessiveForceAgainstProtesters,
        &[
            "Security forces opened fire on protesters in {place} {date}, killing {n} people, {monitor} said.",
            "{State} shot dead {n} demonstrators during a march in {place} {date}.",
        ],
    ),
    (
        SubEventType::ProtestWithIntervention,
        &[
            "Police fired tear gas to disperse {prot} who had gathered in {place} {date} to demand {demand}.",
            "Police arrested {nw} demonstrators during a protest in central {place} {date}.",
        ],
    ),
    (
        SubEventType::PeacefulProtest,
        &[
            "{Prot} marched through {place} {date} to demand {demand}.",
            "Hundreds of people rallied peacefully outside the governor's office in {place} {date}, calling for {demand}.",
        ],
    ),
    (
        SubEventType::ViolentDemonstration,
        &[
            "Protesters burned tyres and threw stones at the police station in {place} {date} after a young man died in custody.",
            "Demonstrators demanding {demand} stormed and set fire to a government building in {place} {date}.",
        ],
    ),
    (
        SubEventType::MobViolence,
        &[
            "A mob beat {nw} men accused of theft to death in {place} {date}, police said.",
            "Rival groups of youths fought with machetes and clubs in {place} {date}, leaving {n} people dead.",
        ],
    ),
    (
        SubEventType::ChemicalWeapon,
        &[
            "Dozens of people suffered breathing difficulties after a suspected chlorine gas attack on {place} {date}, medics said.",
        ],
    ),
    (
        SubEventType::AirDroneStrike,
        &[
            "{Air} carried out air strikes on {place} {date}, killing {n} civilians, according to {monitor}.",
            "A drone strike hit a vehicle near {place} {date}, killing {n} suspected militants.",
            "{Air} bombed a market in {place} {date}; {monitor} said {n} people were killed.",
        ],
    ),
    (
        SubEventType::SuicideBomb,
        &[
            "A suicide bomber blew himself up at a {venue} in {place} {date}, killing {n} people and wounding {n2}.",
            "A suicide car bomb exploded at the gate of an army base in {place} {date}.",
        ],
    ),
    (
        SubEventType::ShellingArtilleryMissileAttack,
        &[
            "{State} shelled residential areas of {place} {date}, killing {n} civilians.",
            "Rockets and artillery fire struck {place} {date}, wounding {n2} people, {monitor} said.",
            "{Rebel} fired mortar rounds at government positions in {place} {date}.",
        ],
    ),
    (
        SubEventType::RemoteExplosiveLandmineIed,
        &[
            "A roadside bomb exploded near a military convoy outside {place} {date}, killing {n} soldiers.",
            "An improvised explosive device went off in a crowded {venue} in {place} {date}, killing {n} people.",
            "A landmine killed {nw} shepherds near {place} {date}.",
        ],
    ),
    (
        SubEventType::Grenade,
        &["An attacker threw a hand grenade into a {venue} in {place} {date}, wounding {n2} people."],
    ),
    (
        SubEventType::SexualViolence,
        &["{Militia} raped {nw} women in a village near {place} {date}, a local rights group said."],
    ),
    (
        SubEventType::Attack,
        &[
            "Gunmen killed {n} {civ} in an attack on a village near {place} {date}.",
            "{Rebel} executed {n} {civ} they accused of working with the government in {place} {date}.",
            "{Militia} stormed {place} {date} and shot dead {n} {civ}, {monitor} said.",
        ],
    ),
    (
        SubEventType::AbductionForcedDisappearance,
        &[
            "Gunmen kidnapped {nw} {civ} from their homes in {place} {date}.",
            "{Rebel} abducted {nw} {civ} travelling on the road to {place} {date}.",
        ],
    ),
    (
        SubEventType::Agreement,
        &[
            "{State} and {rebel} agreed to a ceasefire around {place} {date}, mediators said.",
            "{Rebel} released {nw} prisoners in {place} {date} as part of an exchange.",
        ],
    ),
    (
        SubEventType::Arrests,
        &[
            "Police arrested {nw} suspected members of {rebel} in a raid in {place} {date}.",
            "{State} detained {nw} men during a search operation in {place} {date}.",
        ],
    ),
    (
        SubEventType::ChangeToGroupActivity,
        &["{Rebel} announced {date} that they had named a new commander for {place}, in a statement."],
    ),
    (
        SubEventType::DisruptedWeaponsUse,
        &[
            "Army engineers defused an explosive device found on the road to {place} {date}.",
            "{State} said they had shot down {nw} drones launched towards {place} {date}.",
        ],
    ),
    (
        SubEventType::HeadquartersOrBaseEstablished,
        &["{Rebel} set up a new headquarters in {place} {date}, residents said."],
    ),
    (
        SubEventType::LootingPropertyDestruction,
        &["{Militia} looted shops and burned dozens of houses in {place} {date}."],
    ),
    (
        SubEventType::NonViolentTransferOfTerritory,
        &["{State} withdrew from {place} {date} and handed the town to {rebel} without a fight."],
    ),
    (
        SubEventType::Other,
        &[
            "{Rebel} ordered the residents of {place} to leave their homes within three days {date}, {monitor} said.",
            "{Rebel} imposed a new tax on traders in {place} {date}, residents said.",
        ],
    ),
];

/// Sentences that follow a violent event sentence in its paragraph:
/// casualty details, sources, quotes. They plant no new event.
const FOLLOW_UPS_VIOLENT: &[&str] = &[
    "\u{201c}We heard the explosions all night,\u{201d} a resident of {place} told {outlet} by phone.",
    "{Monitor} said the toll was likely to rise because several of the wounded were in critical condition.",
    "Footage shared on social media showed smoke rising over {place}.",
    "The wounded were taken to the main hospital in {admin}, a doctor there said.",
    "\"They came on motorbikes and started shooting,\" said a witness who asked not to be named.",
    "Among the dead were {nw} children, according to {monitor}.",
    "It was the deadliest attack in {admin} since {month}.",
];

/// Sentences that may follow any event sentence.
const FOLLOW_UPS: &[&str] = &[
    "The {adj} military did not respond to a request for comment.",
    "{Outlet} could not independently verify the reports.",
    "No group has commented on the reports so far.",
    "A spokesman for {rebel} confirmed the account in a message to journalists.",
    "Local officials in {admin} gave a similar account.",
];

/// Sub-event types whose sentences report deaths or wounded.
fn violent(sub: SubEventType) -> bool {
    use SubEventType as S;
    !matches!(
        sub,
        S::PeacefulProtest
            | S::ProtestWithIntervention
            | S::Agreement
            | S::Arrests
            | S::ChangeToGroupActivity
            | S::DisruptedWeaponsUse
            | S::HeadquartersOrBaseEstablished
            | S::NonViolentTransferOfTerritory
            | S::Other
    )
}

/// Background, history, hedges and forecasts: no new event at the
/// publication date.
const BACKGROUND: &[&str] = &[
    "{Rebel} overran {place} in 2014 and held it for {nw} years before being driven out.",
    "The conflict has killed hundreds of thousands of people and displaced millions since it began.",
    "Analysts expect {rebel} to try to retake the area in the coming weeks.",
    "Officials warned that {rebel} could launch new attacks on {place} before the elections.",
    "The United Nations says more than 1.2 million people have fled their homes in {admin} since {month}.",
    "Food prices in {place} have risen sharply since the start of the year, traders said.",
    "Talks between the government and {rebel} are expected to resume next month.",
    "{State} are preparing for a final push on the remaining pockets held by {rebel}.",
    "Aid agencies say access to {admin} remains difficult because of insecurity on the main roads.",
    "The {adj} government has repeatedly accused foreign powers of arming {rebel}.",
    "Residents of {place} say electricity and water supplies have been cut for weeks.",
    "Last year, a similar offensive in {admin} stalled after heavy losses on both sides.",
    "If the talks fail, the fighting could spread to neighbouring districts, diplomats fear.",
    "The region is rich in farmland, and control of its roads has long been contested.",
    "In March 2016, {state} launched a broad offensive to push {rebel} out of {admin}.",
    "The town changed hands several times between 2012 and 2017.",
    "Thousands of families returned to {place} after the previous truce, only to flee again.",
    "{Rebel} have been weakened by the loss of several senior commanders over the past year.",
    "Human rights groups have documented abuses by all sides in the conflict.",
    "The government says it will rebuild schools and clinics once the area is secure.",
    "A spokesman for the {adj} presidency said the security situation was under control.",
    "Diplomats in {place} said a new round of negotiations could begin after Ramadan.",
    "Prices of bread and fuel in {admin} have more than doubled since {month}, according to the World Food Programme.",
    "Many residents depend on remittances from relatives working abroad.",
    "The main road between {place} and the provincial capital has been closed for months.",
    "Earlier this year, the army announced it had cleared {admin} of militants, a claim residents dispute.",
    "Most of the displaced live in makeshift camps with little access to clean water.",
    "The {adj} parliament is due to debate a new security law later this month.",
    "Mobile phone networks in parts of {admin} have been cut off since the spring.",
    "Observers say {rebel} are recruiting young men from poor villages around {place}.",
];

/// Whole non-conflict stories: weather, sport, economy, diplomacy.
const NON_CONFLICT: &[&str] = &[
    "Heavy rains caused floods in {place} {date}, killing {n} people and destroying hundreds of homes, officials said.",
    "The national football team beat the visitors 2-1 in {place} {date} in front of a capacity crowd.",
    "The central bank raised its main interest rate by 1.5 percentage points {date}, citing inflation.",
    "The foreign minister met his counterpart in {place} {date} to discuss trade and energy cooperation.",
    "A fire at a textile factory in {place} {date} was brought under control after six hours, firefighters said.",
    "Farmers in {admin} expect a record wheat harvest this year after good rains.",
    "The ministry of health launched a vaccination campaign in {place} {date}, aiming to reach 300,000 children.",
];

/// Page furniture that scraped text carries.
const FURNITURE: &[&str] = &[
    "READ MORE: {headline}",
    "WATCH: {headline}",
    "Get breaking news alerts from {outlet} on your phone",
    "Share this article",
    "(AFP photo)",
    "Source: Reuters",
    "Comments",
    "Subscribe to our newsletter",
    "Photo: {outlet}",
];

const HEADLINES: &[&str] = &[
    "{N} killed in {place} as fighting intensifies",
    "{Rebel} claim control of {place}",
    "Air strikes hit {place} for a second day",
    "Protesters rally in {place} over {demand}",
    "Aid convoy reaches {place} after weeks of delays",
    "{Adj} army says it repelled attack near {place}",
    "Ceasefire talks stall as {rebel} press on",
];

/// The slot values of one event (or paragraph) context.
struct Slots<'a> {
    country: &'a Country,
    place: &'a str,
    admin: &'a str,
    date: String,
    /// The event's day, in days since 2015-01-01.
    day: u32,
    n: String,
    n2: String,
    nw: &'static str,
    rng: u64,
}

impl Slots<'_> {
    fn value(&self, key: &str, rng: &mut Rng) -> String {
        let c = self.country;
        let pick = |xs: &[&str], rng: &mut Rng| xs[rng.below(xs.len())].to_string();
        let later = c.later.filter(|l| self.day >= day_index(l.from));
        match key {
            "state" => pick(later.map_or(c.state, |l| l.state), rng),
            "rebel" => pick(later.map_or(c.rebels, |l| l.rebels), rng),
            "militia" => pick(c.militias, rng),
            "air" => pick(c.air, rng),
            "monitor" => pick(c.monitors, rng),
            "civ" => pick(CIVILIANS, rng),
            "prot" => pick(PROTESTERS, rng),
            "demand" => pick(DEMANDS, rng),
            "venue" => pick(VENUES, rng),
            "outlet" => pick(OUTLETS, rng),
            "headline" => {
                let t = HEADLINES[rng.below(HEADLINES.len())];
                let mut s = String::new();
                fill(&mut s, t, self, rng);
                s
            }
            "place" => self.place.to_string(),
            "admin" => self.admin.to_string(),
            "country" => c.name.to_string(),
            "adj" => c.adjective.to_string(),
            "date" => self.date.clone(),
            "n" => self.n.clone(),
            "n2" => self.n2.clone(),
            "nw" => self.nw.to_string(),
            "month" => MONTHS[(self.rng % 12) as usize].to_string(),
            _ => format!("{{{key}}}"),
        }
    }
}

/// Appends `template` to `out` with its slots filled.
fn fill(out: &mut String, template: &str, slots: &Slots<'_>, rng: &mut Rng) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            out.push_str(&rest[open..]);
            return;
        };
        let key = &rest[open + 1..open + close];
        let capital = key.starts_with(|c: char| c.is_ascii_uppercase());
        let value = slots.value(&key.to_ascii_lowercase(), rng);
        if capital {
            let mut chars = value.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(&value);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
}

/// A date in days since 2015-01-01, and its calendar fields.
#[derive(Clone, Copy)]
struct Day {
    year: i32,
    month: u32,
    day: u32,
    weekday: usize,
}

fn day_from_index(index: u32) -> Day {
    use chrono::Datelike;
    let d = first_day() + chrono::Days::new(u64::from(index));
    Day { year: d.year(), month: d.month(), day: d.day(), weekday: d.weekday().num_days_from_monday() as usize }
}

fn first_day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default()
}

/// Days since 2015-01-01 of a (year, month, day).
fn day_index((year, month, day): (i32, u32, u32)) -> u32 {
    chrono::NaiveDate::from_ymd_opt(year, month, day)
        .map_or(0, |d| u32::try_from((d - first_day()).num_days()).unwrap_or(0))
}

/// How an event sentence `back` days before publication states its date.
fn date_phrase(published: u32, back: u32, rng: &mut Rng) -> String {
    let d = day_from_index(published.saturating_sub(back));
    let month = MONTHS[d.month as usize - 1];
    match rng.below(8) {
        0 | 1 if back > 0 => format!("on {}", WEEKDAYS[d.weekday]),
        2 if back > 0 => format!("late on {}", WEEKDAYS[d.weekday]),
        3 => format!("on {} {month}", d.day),
        4 => format!("on {month} {}", d.day),
        5 => format!("on {month} {}, {}", d.day, d.year),
        6 if back == 1 => "yesterday".to_string(),
        6 if back == 0 => "today".to_string(),
        _ => format!("on {} {month} {}", d.day, d.year),
    }
}

fn killed_figure(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => NUMBER_WORDS[rng.below(NUMBER_WORDS.len())].to_string(),
        1 => format!("at least {}", 2 + rng.below(40)),
        2 => format!("more than {}", 5 + rng.below(60)),
        3 => "dozens of".to_string(),
        _ => (1 + rng.below(25)).to_string(),
    }
}

/// Target length in bytes of an article's text: mostly 2–6 KB, with short
/// briefs and a long tail of features.
fn target_length(rng: &mut Rng) -> usize {
    match rng.below(20) {
        0..=3 => 600 + rng.below(1400),
        4..=13 => 2000 + rng.below(4000),
        14..=18 => 6000 + rng.below(9000),
        _ => 15_000 + rng.below(25_000),
    }
}

#[derive(Serialize)]
struct Record<'a> {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    html: Option<&'a str>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    url: String,
    outlet: &'a str,
}

/// The `index`th article of the corpus with this spec.
pub fn article(spec: Spec, index: u64) -> Generated {
    let mut rng = Rng::new(spec.seed ^ index.wrapping_mul(0x2545_f491_4f6c_dd1d));
    rng.next_u64();
    let country = &COUNTRIES[rng.below(COUNTRIES.len())];
    let published = 30 + rng.below(3600) as u32;
    let pub_day = day_from_index(published);
    let outlet = rng.pick(OUTLETS);
    let curly = rng.chance(50);
    let slots_at = |rng: &mut Rng| {
        let (place, admin) = rng.pick(country.places);
        let back = rng.below(7) as u32;
        Slots {
            country,
            place,
            admin,
            date: date_phrase(published, back, rng),
            day: published.saturating_sub(back),
            n: killed_figure(rng),
            n2: (2 + rng.below(30)).to_string(),
            nw: rng.pick(NUMBER_WORDS),
            rng: rng.next_u64(),
        }
    };
    let lead = slots_at(&mut rng);
    let mut title = String::new();
    fill(&mut title, rng.pick(HEADLINES), &lead, &mut rng);

    let events = match rng.below(100) {
        0..=9 => 0,
        10..=59 => 1,
        60..=87 => 2,
        _ => 3,
    };
    let target = target_length(&mut rng);
    let mut planted = Vec::with_capacity(events);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut p = String::new();
    if rng.chance(40) {
        p.push_str(&lead.place.to_uppercase());
        p.push_str(", ");
        p.push_str(country.name);
        p.push_str(" (");
        p.push_str(outlet);
        p.push_str(") \u{2014} ");
    }
    if events == 0 {
        fill(&mut p, rng.pick(NON_CONFLICT), &lead, &mut rng);
        paragraphs.push(std::mem::take(&mut p));
    }
    for i in 0..events {
        let slots = if i == 0 { &lead } else { &slots_at(&mut rng) };
        let (sub, templates) = rng.pick(EVENTS);
        planted.push(sub);
        fill(&mut p, rng.pick(templates), slots, &mut rng);
        for _ in 0..rng.below(3) {
            p.push(' ');
            let pool = if violent(sub) && rng.chance(70) { FOLLOW_UPS_VIOLENT } else { FOLLOW_UPS };
            fill(&mut p, rng.pick(pool), slots, &mut rng);
        }
        paragraphs.push(std::mem::take(&mut p));
        if rng.chance(30) {
            fill(&mut p, rng.pick(FURNITURE), slots, &mut rng);
            paragraphs.push(std::mem::take(&mut p));
        }
    }
    let mut length: usize = paragraphs.iter().map(|p| p.len() + 2).sum();
    while length < target {
        let slots = slots_at(&mut rng);
        let sentences = 1 + rng.below(4);
        for k in 0..sentences {
            if k > 0 {
                p.push(' ');
            }
            let pool = if events == 0 && rng.chance(50) { NON_CONFLICT } else { BACKGROUND };
            fill(&mut p, rng.pick(pool), &slots, &mut rng);
        }
        if rng.chance(8) {
            paragraphs.push(std::mem::take(&mut p));
            fill(&mut p, rng.pick(FURNITURE), &slots, &mut rng);
        }
        length += p.len() + 2;
        paragraphs.push(std::mem::take(&mut p));
    }
    if rng.chance(50) {
        paragraphs.push("Related".to_string());
        for _ in 0..3 + rng.below(3) {
            let slots = slots_at(&mut rng);
            fill(&mut p, rng.pick(HEADLINES), &slots, &mut rng);
            paragraphs.push(std::mem::take(&mut p));
        }
    }
    if !curly {
        for para in &mut paragraphs {
            if para.contains(['\u{201c}', '\u{201d}', '\u{2014}']) {
                *para = para.replace(['\u{201c}', '\u{201d}'], "\"").replace('\u{2014}', "-");
            }
        }
    }

    let html = rng.below(100) < spec.html_percent;
    let date_iso = format!("{:04}-{:02}-{:02}", pub_day.year, pub_day.month, pub_day.day);
    let id = format!("bench-{}-{index}", spec.seed);
    let url = format!("https://news.example/{}/{index}", country.adjective.to_ascii_lowercase());
    let body;
    let record = if html {
        body = html_page(&title, &paragraphs, &date_iso, outlet, &mut rng);
        Record {
            id,
            text: None,
            html: Some(&body),
            title: &title,
            published: rng.chance(50).then(|| date_iso.clone()),
            url,
            outlet,
        }
    } else {
        body = paragraphs.join("\n\n");
        Record {
            id,
            text: Some(&body),
            html: None,
            title: &title,
            published: (!rng.chance(10)).then(|| date_iso.clone()),
            url,
            outlet,
        }
    };
    let mut line = Vec::with_capacity(body.len() + 256);
    // Serialising a struct of strings into a Vec cannot fail.
    serde_json::to_writer(&mut line, &record).unwrap_or_default();
    line.push(b'\n');
    Generated { line, html, planted }
}

/// A whole news page around the paragraphs: head metadata, scripts,
/// navigation, the article, a related list, a footer.
fn html_page(title: &str, paragraphs: &[String], date: &str, outlet: &str, rng: &mut Rng) -> String {
    let mut h = String::with_capacity(paragraphs.iter().map(|p| p.len() + 16).sum::<usize>() * 2 + 4096);
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>");
    h.push_str(&esc(title));
    h.push_str(" | ");
    h.push_str(outlet);
    h.push_str("</title>\n<meta property=\"og:title\" content=\"");
    h.push_str(&esc(title).replace('"', "&quot;"));
    h.push_str("\">\n<meta property=\"article:published_time\" content=\"");
    h.push_str(date);
    h.push_str("T08:30:00Z\">\n<link rel=\"stylesheet\" href=\"/static/site.css\">\n");
    h.push_str("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());</script>\n");
    h.push_str("</head><body>\n<div class=\"cookie-banner\">We use cookies to improve your experience. <button>Accept</button></div>\n<header><nav><ul>");
    for section in ["World", "Middle East", "Africa", "Europe", "Asia", "Business", "Sport", "Opinion", "Video"] {
        h.push_str("<li><a href=\"/");
        h.push_str(&section.to_ascii_lowercase().replace(' ', "-"));
        h.push_str("\">");
        h.push_str(section);
        h.push_str("</a></li>");
    }
    h.push_str("</ul></nav></header>\n<main><article>\n<h1>");
    h.push_str(&esc(title));
    h.push_str("</h1>\n<p class=\"byline\">By staff writers | ");
    h.push_str(date);
    h.push_str("</p>\n");
    let mut in_related = false;
    for p in paragraphs {
        if p == "Related" {
            in_related = true;
            h.push_str("</article>\n<aside class=\"related\"><h2>Related</h2><ul>\n");
            continue;
        }
        if in_related {
            h.push_str("<li><a href=\"/news/");
            h.push_str(&rng.next_u64().to_string());
            h.push_str("\">");
            h.push_str(&esc(p));
            h.push_str("</a></li>\n");
        } else {
            h.push_str("<p>");
            h.push_str(&esc(p));
            h.push_str("</p>\n");
        }
    }
    h.push_str(if in_related { "</ul></aside>\n" } else { "</article>\n" });
    h.push_str("</main>\n<footer><p>&copy; ");
    h.push_str(outlet);
    h.push_str(". All rights reserved.</p><ul><li><a href=\"/about\">About us</a></li><li><a href=\"/contact\">Contact</a></li><li><a href=\"/privacy\">Privacy</a></li></ul></footer>\n</body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> Spec {
        Spec { seed: 7, html_percent: 25 }
    }

    #[test]
    fn same_seed_and_index_same_article() {
        for i in [0, 1, 99] {
            assert_eq!(article(spec(), i).line, article(spec(), i).line);
        }
        assert_ne!(article(spec(), 0).line, article(spec(), 1).line);
    }

    #[test]
    fn records_are_json_with_text_or_html() {
        let mut html = 0;
        for i in 0..200 {
            let g = article(spec(), i);
            let v: serde_json::Value = serde_json::from_slice(&g.line).expect("record is JSON");
            assert!(v.get("text").is_some() != v.get("html").is_some(), "record {i} has one body");
            assert_eq!(v.get("html").is_some(), g.html);
            html += usize::from(g.html);
        }
        assert!((20..=80).contains(&html), "{html} of 200 articles are HTML pages");
    }

    #[test]
    fn every_sub_event_type_is_planted() {
        let mut seen = std::collections::HashSet::new();
        for i in 0..3000 {
            seen.extend(article(spec(), i).planted);
        }
        let missing: Vec<_> = SubEventType::ALL.iter().filter(|t| !seen.contains(t)).collect();
        assert!(missing.is_empty(), "never planted: {missing:?}");
    }

    #[test]
    fn templates_name_only_known_slots() {
        let all = EVENTS
            .iter()
            .flat_map(|(_, ts)| ts.iter())
            .chain(FOLLOW_UPS)
            .chain(FOLLOW_UPS_VIOLENT)
            .chain(BACKGROUND)
            .chain(NON_CONFLICT)
            .chain(FURNITURE)
            .chain(HEADLINES);
        let slots = Slots {
            country: &COUNTRIES[0],
            place: "P",
            admin: "A",
            date: "D".into(),
            day: 0,
            n: "1".into(),
            n2: "2".into(),
            nw: "two",
            rng: 0,
        };
        let mut rng = Rng::new(1);
        for t in all {
            let mut out = String::new();
            fill(&mut out, t, &slots, &mut rng);
            assert!(!out.contains('{'), "unknown slot in {t:?}: {out:?}");
        }
    }

    #[test]
    fn the_taliban_are_the_state_from_august_2021_only() {
        let afghanistan = COUNTRIES.iter().find(|c| c.name == "Afghanistan").expect("Afghanistan");
        let slots = |day: (i32, u32, u32)| Slots {
            country: afghanistan,
            place: "P",
            admin: "A",
            date: "D".into(),
            day: day_index(day),
            n: "1".into(),
            n2: "2".into(),
            nw: "two",
            rng: 0,
        };
        let mut rng = Rng::new(3);
        for _ in 0..50 {
            let before = slots((2021, 8, 14)).value("state", &mut rng);
            let after = slots((2021, 8, 15)).value("state", &mut rng);
            assert!(!before.contains("Taliban") && after.contains("Taliban"), "{before:?} then {after:?}");
            assert!(!slots((2019, 3, 1)).value("rebel", &mut rng).contains("National Resistance"));
            assert!(!slots((2023, 3, 1)).value("rebel", &mut rng).contains("Taliban"));
        }
    }

    #[test]
    fn lengths_vary() {
        let lens: Vec<usize> = (0..500).map(|i| article(spec(), i).line.len()).collect();
        let (min, max) = (lens.iter().min().copied().unwrap_or(0), lens.iter().max().copied().unwrap_or(0));
        assert!(min < 2500 && max > 15_000, "lengths from {min} to {max}");
    }
}
