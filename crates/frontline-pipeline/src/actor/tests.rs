//! Tests of the actor dictionary on invented sentences: aliases, case and
//! word boundaries, country specialisation, validity dates, coreference.

use std::sync::LazyLock;

use chrono::NaiveDate;

use super::*;

static DICT: LazyLock<ActorDictionary> = LazyLock::new(ActorDictionary::builtin);

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn mentions(text: &str, country: Option<&str>, date: Option<&str>) -> Vec<ActorMention> {
    let clean = CleanText::verbatim(text);
    DICT.recognise_at(&clean, &[], country, date.map(day))
}

/// Names of the mentions, in order, for a Syrian article in mid-2019.
fn check(text: &str, expect: &[&str]) {
    check_at(text, Some("SY"), Some("2019-06-01"), expect);
}

fn check_at(text: &str, country: Option<&str>, date: Option<&str>, expect: &[&str]) {
    let got: Vec<String> = mentions(text, country, date).into_iter().map(|m| m.actor.name).collect();
    assert_eq!(got, expect, "in {text:?}");
}

#[test]
fn builtin_tables_parse() {
    let (entries, aliases) = DICT.size();
    assert!(entries > 150 && aliases > 1000, "{entries} entries, {aliases} aliases");
}

#[test]
fn aliases() {
    check(
        "Daesh fighters attacked regime forces near Palmyra.",
        &["Islamic State (Syria)", "Military Forces of Syria (2000-)"],
    );
    check("ISIS and ISIL are the same as the Islamic State group.", &["Islamic State (Syria)"; 3]);
    check("Hay'at Tahrir al-Sham shelled the town.", &["HTS: Hayat Tahrir al Sham"]);
    check("Hayat Tahrir al Sham shelled the town.", &["HTS: Hayat Tahrir al Sham"]);
    check(
        "The Syrian Democratic Forces and the YPG advanced.",
        &["QSD: Syrian Democratic Forces", "YPG: Peoples Protection Units"],
    );
    check("Unknown gunmen shot dead a civilian.", &["Unidentified Armed Group (Syria)", "Civilians (Syria)"]);
    check(
        "Pro-regime militias clashed with rebel factions.",
        &["Militia (Pro-Government)", "Opposition Rebels (Syria)"],
    );
    check("A 4th Armored Division soldier was killed.", &["Military Forces of Syria (2000-) 4th Armored Division"]);
    check("LaQ members clashed with tribesmen.", &["LaQ: Quds Brigade", "Unidentified Tribal Militia (Syria)"]);
}

#[test]
fn case_and_word_boundaries() {
    check("The crisis is over, this is the end.", &[]);
    check("It is said the SDF is advancing.", &["QSD: Syrian Democratic Forces"]);
    check("Hamas is not Hama.", &["Hamas Movement"]);
    check("Tip the scales; the tip of the army.", &["Military Forces of Syria (2000-)"]);
}

#[test]
fn syrian_phrases_stay_in_syria() {
    check_at(
        "The Libyan National Army offered an olive branch; the organisation said State Security was calm.",
        None,
        Some("2020-01-01"),
        &[],
    );
    check_at(
        "Rebels and State Security clashed.",
        Some("SY"),
        Some("2020-01-01"),
        &["Opposition Rebels (Syria)", "Police Forces of Syria (2000-) State Security"],
    );
}

#[test]
fn qualifiers_and_sponsors() {
    check("Shelling hit regime-held areas and SDF-controlled villages.", &[]);
    check(
        "Turkish-backed factions clashed with the SDF.",
        &["Opposition Rebels (Syria)", "QSD: Syrian Democratic Forces"],
    );
    check("Anti-IS operations continued.", &[]);
    check("IS militants and SDF troops clashed.", &["Islamic State (Syria)", "QSD: Syrian Democratic Forces"]);
}

#[test]
fn country_specialisation() {
    check_at(
        "Islamic State fighters attacked civilians.",
        Some("IQ"),
        Some("2019-01-01"),
        &["Islamic State (Iraq)", "Civilians (Iraq)"],
    );
    check_at(
        "Security forces arrested protesters.",
        Some("IQ"),
        Some("2021-01-01"),
        &["Military Forces of Iraq (2020-2022)", "Protesters (Iraq)"],
    );
    check_at(
        "Hashd al-Shaabi units shelled IS.",
        Some("IQ"),
        Some("2017-05-01"),
        &["Military Forces of Iraq (2014-2018) Popular Mobilization Forces", "Islamic State (Iraq)"],
    );
    let ms = mentions("Turkish forces shelled SDF positions.", Some("SY"), Some("2020-01-01"));
    assert_eq!(ms[0].actor.name, "Military Forces of Turkey (2016-)");
    assert_eq!(ms[0].actor.inter, Inter::ExternalOtherForces);
    let ms = mentions("Turkish soldiers clashed with PKK militants.", Some("TR"), Some("2020-01-01"));
    assert_eq!(ms[0].actor.inter, Inter::StateForces);
    assert_eq!(ms[1].actor.name, "PKK: Kurdistan Workers Party");
}

#[test]
fn country_inferred_when_unknown() {
    check_at(
        "The SDF said the army shelled its positions.",
        None,
        Some("2019-01-01"),
        &["QSD: Syrian Democratic Forces", "Military Forces of Syria (2000-)"],
    );
    check_at(
        "Iraqi forces and the army killed IS militants.",
        None,
        Some("2019-01-01"),
        &["Military Forces of Iraq (2018-2020)", "Military Forces of Iraq (2018-2020)", "Islamic State (Iraq)"],
    );
    check_at("Gunmen killed a man.", None, None, &[]);
}

#[test]
fn validity_dates() {
    for (date, name) in [
        ("2020-05-01", "Military Forces of Israel (2009-2021)"),
        ("2021-08-01", "Military Forces of Israel (2021-2022)"),
        ("2023-03-01", "Military Forces of Israel (2022-)"),
    ] {
        check_at("Israeli warplanes struck a depot.", Some("SY"), Some(date), &[name]);
    }
    for (date, name) in [
        ("2015-06-01", "Jabhat al Nusra"),
        ("2016-10-01", "Jabhat Fateh al Sham"),
        ("2018-03-01", "HTS: Hayat Tahrir al Sham"),
    ] {
        check_at("Nusra Front fighters attacked the village.", Some("SY"), Some(date), &[name]);
    }
    check_at(
        "US warplanes struck IS.",
        Some("SY"),
        Some("2018-01-01"),
        &["Military Forces of the United States (2017-2021)", "Islamic State (Syria)"],
    );
    check_at("Jabhat Fateh al Sham fighters attacked.", Some("SY"), Some("2018-03-01"), &["Jabhat Fateh al Sham"]);
}

#[test]
fn coreference() {
    let ms = mentions(
        "Islamic State fighters attacked Sukhnah. The militants later withdrew, the group said.",
        Some("SY"),
        Some("2019-01-01"),
    );
    let names: Vec<(&str, bool)> = ms.iter().map(|m| (m.actor.name.as_str(), m.coreferent)).collect();
    assert_eq!(
        names,
        [("Islamic State (Syria)", false), ("Islamic State (Syria)", true), ("Islamic State (Syria)", true)]
    );
    check("The militants withdrew.", &[]);
    check(
        "IS attacked Albu Kamal. Hezbollah fought back; the militants withdrew and the militia advanced.",
        &["Islamic State (Syria)", "Hezbollah", "Islamic State (Syria)", "Hezbollah"],
    );
    check(
        "HTS shelled the regime. The extremists also struck civilians.",
        &[
            "HTS: Hayat Tahrir al Sham",
            "Military Forces of Syria (2000-)",
            "HTS: Hayat Tahrir al Sham",
            "Civilians (Syria)",
        ],
    );
}

#[test]
fn resolve_respecialises() {
    let ms = mentions("IS fighters attacked.", Some("SY"), Some("2019-01-01"));
    let iraq = DICT.resolve(ms[0].entry, Some("IQ"), None).unwrap();
    assert_eq!(iraq.name, "Islamic State (Iraq)");
}

#[test]
fn offsets_are_bytes_of_the_clean_text() {
    let text = "«Daesh» — the militants struck Deir ez-Zor; Syrian Democratic Forces responded.";
    for m in mentions(text, Some("SY"), None) {
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(!text[m.start..m.end].trim().is_empty());
    }
}

/// Fields of RFC 4180 CSV records (quoted fields may hold commas, quotes
/// and newlines).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// ACLED's unit suffixes do not count: "Military Forces of Syria (2000-)
/// 4th Armored Division" is "Military Forces of Syria (2000-)" (as the scorer).
fn actor_base(name: &str) -> String {
    let name = name.trim();
    let base = match (name.starts_with("Military Forces of ") || name.starts_with("Police Forces of "), name.find(')'))
    {
        (true, Some(i)) => &name[..=i],
        _ => name,
    };
    base.to_lowercase()
}

/// On ACLED's Syria dev notes: how many gold actor1/actor2 names are among
/// the recognised mentions (recall proxy), and how many recognised names
/// per note are not gold actors (over-generation). Country not given: it
/// is inferred as in an article with no recognised place.
#[test]
fn acled_dev_actor_recall() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/eval/dev/acled-syria-dev.csv");
    let Ok(text) = std::fs::read_to_string(path) else {
        println!("skipped: {path} is absent");
        return;
    };
    let records = csv_records(&text);
    let header = &records[0];
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    let (notes, a1, a2, date) = (col("notes"), col("actor1"), col("actor2"), col("event_date"));
    let (mut gold_n, mut found, mut extra, mut rows) = (0, 0, 0, 0);
    let mut misses: HashMap<String, usize> = HashMap::new();
    for r in records.iter().skip(1).filter(|r| r.len() == header.len()) {
        rows += 1;
        let d = NaiveDate::parse_from_str(&r[date], "%d %B %Y").ok();
        let clean = CleanText::verbatim(&r[notes]);
        let got: Vec<String> =
            DICT.recognise_at(&clean, &[], None, d).into_iter().map(|m| actor_base(&m.actor.name)).collect();
        let gold: Vec<String> = [&r[a1], &r[a2]].iter().filter(|a| !a.is_empty()).map(|a| actor_base(a)).collect();
        for g in &gold {
            gold_n += 1;
            if got.contains(g) {
                found += 1;
            } else {
                *misses.entry(g.clone()).or_default() += 1;
            }
        }
        let mut distinct = got.clone();
        distinct.sort();
        distinct.dedup();
        extra += distinct.iter().filter(|g| !gold.contains(g)).count();
    }
    let recall = found as f64 / gold_n as f64;
    let mut top: Vec<_> = misses.into_iter().collect();
    top.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    println!(
        "acled dev: {rows} notes, gold actors found {found}/{gold_n} = {:.1}%, non-gold names {:.2} per note",
        100.0 * recall,
        extra as f64 / rows as f64
    );
    println!("most missed: {:?}", &top[..top.len().min(25)]);
    assert!(recall >= 0.85, "recall proxy fell to {recall:.3}");
}

#[test]
fn units_and_identified_groups() {
    check(
        "Gunmen attacked a regime State Security checkpoint.",
        &["Unidentified Armed Group (Syria)", "Police Forces of Syria (2000-) State Security"],
    );
    check(
        "Unknown gunmen believed to be IS members fired on a QSD patrol near the silos.",
        &["Islamic State (Syria)", "QSD: Syrian Democratic Forces"],
    );
}

#[test]
fn adjective_heading_a_list_of_forces() {
    check(
        "Turkish and pro-Turkish faction fighters shelled the YPG.",
        &["Military Forces of Turkey (2016-)", "YPG: Peoples Protection Units"],
    );
    check("Syrian and Iraqi officials met in Baghdad.", &[]);
}

/// A long article is many paragraphs recognised alike: each repeat of a
/// paragraph yields the mentions the paragraph alone yields (speed is the
/// bench's business: `frontline bench`).
#[test]
fn long_article_is_paragraphs_recognised_alike() {
    let para = "On 3 June 2023, Daesh fighters attacked regime forces and pro-Iran militias near Palmyra, killing \
                two soldiers. The militants withdrew after Russian warplanes struck their positions, the SDF said. \
                Unknown gunmen shot dead a civilian in Dar'a, while Turkish-backed factions shelled YPG positions \
                near Tell Rifaat. Hayat Tahrir al-Sham denied any role; the group said the crisis was over.\n\n";
    let recognise = |text: &str| DICT.recognise_at(&CleanText::verbatim(text), &[], None, Some(day("2023-06-04")));
    let one = recognise(para).len();
    assert!(one >= 8, "{one} mentions in one paragraph");
    let repeats = 200;
    assert_eq!(recognise(&para.repeat(repeats)).len(), one * repeats);
}

#[test]
fn given_country_is_a_strong_vote() {
    // A village misresolved abroad does not outvote a Syrian group and a
    // Syrian province; alone, the given country names the actors.
    check_at(
        "IS members attacked a QSD checkpoint in Deir ez-Zor.",
        Some("ML"),
        Some("2023-04-24"),
        &["Islamic State (Syria)", "QSD: Syrian Democratic Forces"],
    );
    check_at("Gunmen attacked a checkpoint.", Some("ML"), Some("2023-04-24"), &["Unidentified Armed Group (Mali)"]);
}

#[test]
fn allies_join_the_previous_mention() {
    let joined = |text: &str| -> Vec<bool> {
        mentions(text, Some("SY"), Some("2019-06-01")).iter().map(|m| m.joins_previous).collect()
    };
    assert_eq!(joined("Regime forces and allied militias clashed with IS."), [false, true, false]);
    assert_eq!(joined("The SDF, backed by Coalition warplanes, attacked IS."), [false, true, false]);
    assert_eq!(joined("Clashes took place between regime forces and IS."), [false, false]);
    assert_eq!(joined("Clashes between regime forces and pro-regime militias against HTS."), [false, true, false]);
    assert_eq!(joined("HTS, TIP and Islamist factions attacked regime positions."), [false, true, true, false]);
    // Two sides listed as the subject of fighting each other.
    assert_eq!(joined("Regime forces and HTS exchanged shelling near the dam."), [false, false]);
    assert_eq!(joined("The SDF and IS clashed on the outskirts of the town."), [false, false]);
    assert_eq!(joined("Regime forces and the NDF clashed with IS."), [false, true, false]);
    assert_eq!(joined("Regime forces and the NDF exchanged fire with HTS."), [false, true, false]);
    assert_eq!(joined("Regime forces, backed by Hezbollah and the NDF, fought IS."), [false, true, true, false]);
    assert_eq!(joined("Regime forces and rebel factions engaged in clashes near the dam."), [false, false]);
    assert_eq!(joined("Regime forces supported by allied militias against HTS near the dam."), [false, true, false]);
    assert_eq!(joined("Regime forces supported by local men against HTS near the dam."), [false, false]);
}

/// Spans of the alias matches in `text` with a small invented dictionary.
fn check_hits(text: &str, expect: &[&str]) {
    static SMALL: LazyLock<ActorDictionary> = LazyLock::new(|| {
        let countries = "SY\tSyria\tSyria\tSyrian\t2000-01-01=2000-\tHoms\n";
        let actors = "Ward Men\t2\tSY\t*\t\t\tWard Men|the Ward Men|Ward|WM|(WM)|W.M. group\n";
        ActorDictionary::from_tables(countries, actors).unwrap()
    });
    let got: Vec<&str> = SMALL.hits(text).iter().map(|h| &text[h.start..h.end]).collect();
    assert_eq!(got, expect, "in {text:?}");
}

#[test]
fn aliases_start_words_and_the_longest_wins() {
    check_hits("The Ward Men met WM in Homs.", &["The Ward Men", "WM", "Homs"]);
    // The longest alias running into a word hides the shorter ones there.
    check_hits("the Ward Mens and Wardens met wm, Ward.", &["Ward"]);
    check_hits("(WM) and W.M. group fighters; WM-held Homs", &["(WM)", "W.M. group", "WM", "Homs"]);
    check_hits("Syrian, Syrian-backed and Ward–Men", &["Syrian", "Syrian", "Ward"]);
    check_hits("the-Ward Men;Ward", &["the-Ward Men", "Ward"]);
}

#[test]
fn groups_operating_under_an_umbrella_are_named_by_it() {
    check(
        "Clashes took place between rebel factions, which operate under OPS, and the QSD near the town.",
        &["Operation Peace Spring", "QSD: Syrian Democratic Forces"],
    );
    check(
        "Syrian National Army forces operating as part of Operation Peace Spring seized a hilltop outpost held by the SDF.",
        &["Operation Peace Spring", "QSD: Syrian Democratic Forces"],
    );
    check(
        "Pro-Turkey factions and JWS, which operate under Operation Peace Spring, mortared a QSD position at dawn.",
        &["Operation Peace Spring", "QSD: Syrian Democratic Forces"],
    );
    check(
        "Fighters of Ahrar al Sham operating under the umbrella of the National Liberation Front attacked regime forces.",
        &["JTW: National Liberation Front", "Military Forces of Syria (2000-)"],
    );
    // Only a named umbrella replaces the group; a command is not an umbrella.
    check(
        "JWS, operating under orders of Turkish forces, attacked the SDF.",
        &["JWS: Syrian National Army", "Military Forces of Turkey (2016-)", "QSD: Syrian Democratic Forces"],
    );
    check(
        "Turkish forces, supported by rebels whom are operating under OPS, shelled the QSD.",
        &["Operation Peace Spring", "QSD: Syrian Democratic Forces"],
    );
    let joined: Vec<bool> = mentions(
        "The SDF, backed by the Coalition, clashed with JWS operating under OPS and Hamza Division.",
        Some("SY"),
        Some("2020-06-01"),
    )
    .iter()
    .map(|m| m.joins_previous)
    .collect();
    assert_eq!(joined, [false, true, false, true]);
}

#[test]
fn former_rebels_and_local_councils_are_coded_as_acled_does() {
    check(
        "Former rebels attacked a Military Intelligence checkpoint.",
        &["Unidentified Armed Group (Syria)", "Military Forces of Syria (2000-) Military Intelligence"],
    );
    check(
        "The Manbij Military Council repelled an IS attack; MMC fighters captured two.",
        &["QSD: Syrian Democratic Forces", "Islamic State (Syria)", "QSD: Syrian Democratic Forces"],
    );
    check("The Deir-ez-Zor Military Council arrested a man.", &["QSD: Syrian Democratic Forces", "Civilians (Syria)"]);
}

#[test]
fn fighters_of_a_known_tribe_are_named_by_the_tribe() {
    check(
        "Shaitat tribal militiamen traded fire with LaQ members by the ferry crossing.",
        &["Shaitat Tribal Militia (Syria)", "LaQ: Quds Brigade"],
    );
    check(
        "Ekeidat tribesmen attacked a QSD post.",
        &["Ekeidat Tribal Militia (Syria)", "QSD: Syrian Democratic Forces"],
    );
    check(
        "Tribal fighters attacked a QSD post.",
        &["Unidentified Tribal Militia (Syria)", "QSD: Syrian Democratic Forces"],
    );
}

/// The four-byte load keys a word as the byte-by-byte fold does.
#[test]
fn start_key_is_the_bytewise_key() {
    let bytewise = |word: &[u8]| {
        let mut k = word.len().min(255) as u64;
        for &b in &word[..word.len().min(4)] {
            k = k << 8 | u64::from(b | 0x20);
        }
        k.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    };
    for word in ["", "a", "IS", "the", "SDF", "Daesh", "al", "HTS3", "Turkish", "x".repeat(300).as_str()] {
        assert_eq!(start_key(word.as_bytes()), bytewise(word.as_bytes()), "{word:?}");
    }
}

/// The automaton's own walk finds the match the library's anchored
/// leftmost-longest search finds, at every byte: aliases that are
/// prefixes of others, that end inside others, and none.
#[test]
fn longest_at_is_the_library_search() {
    use aho_corasick::{AhoCorasick, Input};
    let pats = ["IS", "ISIS", "SDF", "the militants", "militants", "al Nusra", "al Nusra Front", "Front"];
    for fold in [true, false] {
        let ids = (0..pats.len() as u32).collect();
        let mut starts = Starts { first: vec![0; 1 << START_BITS], second: vec![0; 1 << START_BITS] };
        let a = Automaton::build(&pats, ids, fold, &mut starts, FOLDED, &mut [false; 256]);
        let lib = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(fold)
            .start_kind(StartKind::Anchored)
            .build(pats)
            .unwrap();
        let hay = b"The militants of ISIS and al Nusra Front fought the SDF; isis, AL NUSRA and the militant";
        for start in 0..=hay.len() {
            let want = lib
                .find(Input::new(hay).span(start..hay.len()).anchored(Anchored::Yes))
                .map(|m| (m.pattern().as_usize(), m.end()));
            assert_eq!(a.longest_at(hay, start), want, "fold {fold}, at {start}");
        }
    }
}

#[test]
fn words_end_at_the_first_byte_no_ascii_letter_or_digit() {
    for c in 0..=255u8 {
        for at in 0..12 {
            let mut text = *b"Abcdefghij9kZ";
            text[at + 1] = c;
            let expect = if c.is_ascii_alphanumeric() { text.len() } else { at + 1 };
            assert_eq!(crate::swar::alnum_end(&text, 1), expect, "byte {c} at {}", at + 1);
        }
    }
    assert_eq!(crate::swar::alnum_end(b"ab", 1), 2);
    assert_eq!(crate::swar::alnum_end(b"ab-cd", 1), 2);
}

#[test]
fn armed_groups_of_other_conflicts_are_named() {
    check_at(
        "Boko Haram fighters killed 12 villagers near the market, police said.",
        Some("NG"),
        Some("2021-03-01"),
        &[
            "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
            "Civilians (Nigeria)",
            "Police Forces of Nigeria (2015-2023)",
        ],
    );
    check_at(
        "ISWAP insurgents attacked the army; the militants took weapons.",
        Some("NG"),
        Some("2021-03-01"),
        &["Islamic State (West Africa)", "Military Forces of Nigeria (2015-2023)", "Islamic State (West Africa)"],
    );
    check_at(
        "JNIM fighters ambushed a convoy of soldiers.",
        Some("ML"),
        Some("2022-02-01"),
        &["JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali (2021-)"],
    );
    check_at(
        "The M23 seized two villages from the army.",
        Some("CD"),
        Some("2023-01-01"),
        &["M23: March 23 Movement", "Military Forces of the Democratic Republic of Congo (2019-)"],
    );
    check_at("The Arakan Army took the town.", Some("MM"), Some("2024-01-01"), &["AA: Arakan Army"]);
    check_at(
        "TTP militants attacked a police post.",
        Some("PK"),
        Some("2023-01-01"),
        &["TTP: Tehreek-i-Taliban Pakistan", "Police Forces of Pakistan"],
    );
    check_at(
        "NPA guerrillas ambushed troops.",
        Some("PH"),
        Some("2019-01-01"),
        &["NPA: New People's Army", "Military Forces of the Philippines (2016-2022)"],
    );
}

#[test]
fn ambiguous_acronyms_mean_a_group_only_in_its_conflict() {
    check_at("The ADF raided a village.", Some("CD"), Some("2022-01-01"), &["ADF: Allied Democratic Forces"]);
    check_at("The ADF raided a village.", Some("CM"), Some("2022-01-01"), &["Ambazonian Separatists"]);
    check_at("The ADF sent a frigate.", Some("AU"), Some("2022-01-01"), &[]);
    check_at("RSF shelled the market.", Some("SD"), Some("2024-01-01"), &["Rapid Support Forces"]);
    check_at(
        "RSF shelled the market.",
        Some("SD"),
        Some("2021-01-01"),
        &["Military Forces of Sudan (2019-) Rapid Support Forces"],
    );
    check_at("RSF condemned the arrest.", Some("FR"), Some("2024-01-01"), &[]);
    check_at("The ELN and the NPA issued statements.", Some("US"), Some("2024-01-01"), &[]);
    check_at("The ELN bombed a pipeline.", Some("CO"), Some("2024-01-01"), &["ELN: National Liberation Army"]);
    check_at("The AA said the M23 was closed; the KIA report is a PDF.", Some("GB"), Some("2024-01-01"), &[]);
}

/// Mentions come by start and none overlaps another (an adjective's noun,
/// a unit after a description, an umbrella folded in), so [`covers`]
/// answers as a look at every mention would.
#[test]
fn mentions_are_ordered_and_covers_agrees_with_every_mention() {
    let text = "Turkish-backed factions and regime forces, backed by Russian warplanes, shelled \
                the SDF-held town while IS militants, believed to be Daesh members, and the \
                Free Syrian Army fought Hezbollah near the Iraqi border.";
    let found = mentions(text, Some("SY"), Some("2019-06-01"));
    assert!(found.len() >= 5, "{found:?}");
    assert!(found.windows(2).all(|w| w[0].end <= w[1].start && w[0].start < w[0].end), "{found:?}");
    for start in 0..text.len() {
        for end in start..=text.len().min(start + 40) {
            let every = found.iter().any(|a| a.start <= start && end <= a.end);
            assert_eq!(covers(&found, start, end), every, "{start}..{end}");
        }
    }
}

#[test]
fn state_forces_and_groups_of_world_conflicts_by_their_nicknames() {
    check_at(
        "Kremlin forces shelled the village.",
        Some("UA"),
        Some("2024-03-01"),
        &["Military Forces of Russia (2000-)"],
    );
    check_at(
        "A Russian missile strike hit the port.",
        Some("UA"),
        Some("2024-03-01"),
        &["Military Forces of Russia (2000-)"],
    );
    check_at("Iranian-made drones hit the port.", Some("UA"), Some("2024-03-01"), &[]);
    check_at(
        "Russia's troops entered the village.",
        Some("UA"),
        Some("2024-03-01"),
        &["Military Forces of Russia (2000-)"],
    );
    check_at(
        "Junta troops burned the village.",
        Some("MM"),
        Some("2024-01-01"),
        &["Military Forces of Myanmar (2021-)"],
    );
    check_at(
        "Regime forces shelled the town.",
        Some("MM"),
        Some("2024-01-01"),
        &["Military Forces of Myanmar (2021-)"],
    );
    check_at("Regime forces shelled the town.", Some("SY"), Some("2019-01-01"), &["Military Forces of Syria (2000-)"]);
    check_at("The paramilitaries stormed the camp.", Some("SD"), Some("2024-05-01"), &["Rapid Support Forces"]);
    check_at("Armed gangs attacked the prison.", Some("HT"), Some("2024-03-01"), &["Unidentified Gang (Haiti)"]);
    check_at(
        "Bandits kidnapped farmers.",
        Some("NG"),
        Some("2023-09-01"),
        &["Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"],
    );
    check_at(
        "FARDC soldiers retook the hill.",
        Some("CD"),
        Some("2024-02-01"),
        &["Military Forces of the Democratic Republic of Congo (2019-)"],
    );
}

#[test]
fn a_force_named_by_its_aircraft_or_weapon() {
    // Aircraft without a country are not the article's forces: a foreign
    // state may fly them.
    check_at("A military helicopter fired on a wedding party.", Some("MM"), Some("2024-05-01"), &[]);
    check_at("Military drones hit an oil depot in Novorossiysk.", Some("RU"), Some("2024-05-01"), &[]);
    check_at(
        "An army air strike flattened two houses.",
        Some("SD"),
        Some("2024-05-01"),
        &["Military Forces of Sudan (2019-)"],
    );
    check_at(
        "Government warplanes bombed the market.",
        Some("SD"),
        Some("2024-05-01"),
        &["Military Forces of Sudan (2019-)"],
    );
    check_at(
        "A Russian cruise missile hit the depot.",
        Some("UA"),
        Some("2024-05-01"),
        &["Military Forces of Russia (2000-)"],
    );
    // The adjective of a weapon someone else fired names its maker.
    check_at("Iranian Shahed drones hit a power plant near Odesa.", Some("UA"), Some("2024-05-01"), &[]);
    check_at("North Korean ballistic missiles fired by Moscow hit a school.", Some("UA"), Some("2024-05-01"), &[]);
    check_at("Iranian cruise missiles launched by Russia hit a depot in Kharkiv.", Some("UA"), Some("2024-05-01"), &[]);
    check_at("Iranian-made missiles struck a depot.", Some("UA"), Some("2024-05-01"), &[]);
}

#[test]
fn settlers_are_israeli_only_in_israel_and_palestine() {
    check_at("Israeli settlers set fire to two cars.", Some("PS"), Some("2024-05-01"), &["Settlers (Israel)"]);
    check_at("Armed settlers stoned a school bus near Nablus.", Some("PS"), Some("2024-05-01"), &["Settlers (Israel)"]);
    check_at("Jewish settlers torched an olive grove.", Some("IL"), Some("2024-05-01"), &["Settlers (Israel)"]);
    check_at("Armed settlers raided a farming village.", Some("NG"), Some("2024-05-01"), &[]);
    check_at("Herders and settlers fought over a well.", Some("SD"), Some("2024-05-01"), &[]);
    check_at("A settler militia burned a hamlet.", Some("CM"), Some("2024-05-01"), &[]);
}

/// The names of the mentions that own the place after them.
fn owners(text: &str, country: &str) -> Vec<String> {
    mentions(text, Some(country), Some("2024-05-01"))
        .into_iter()
        .filter(|m| m.owns_place)
        .map(|m| m.actor.name)
        .collect()
}

#[test]
fn a_name_before_a_place_it_owns_marks_the_owner() {
    let fsb = "Police Forces of Russia (2000-) Federal Security Service";
    assert_eq!(owners("Drones crashed into an FSB building near Belgorod.", "RU"), [fsb]);
    assert_eq!(owners("Gunmen torched a police station and a police post.", "NG").len(), 2);
    assert_eq!(owners("Mortar rounds fell on the army base overnight.", "ML").len(), 1);
    assert_eq!(owners("Jets destroyed a Hamas tunnel under the orchard.", "PS"), ["Hamas Movement"]);
    // A unit acts; the owner of a possessive is not a modifier.
    assert!(owners("FSB officers searched a flat in Bryansk.", "RU").is_empty());
    assert!(owners("A police patrol stopped the lorry.", "NG").is_empty());
    assert!(owners("The army's base was shelled at dawn.", "ML").is_empty());
    assert!(owners("Hamas fighters fired rockets at the crossing.", "PS").is_empty());
    assert!(owners("A police checkpoint fired on the minibus.", "NG").is_empty());
    assert_eq!(owners("A police checkpoint attacked by gunmen burned.", "NG").len(), 1);
}
