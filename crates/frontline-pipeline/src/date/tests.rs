//! Tests of the date layer on invented sentences: recognition with values,
//! ACLED precision, event dates and inferred publication dates.

use super::*;
use crate::segment::sentences;

fn ymd(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn mentions(text: &str, published: Option<&str>) -> (CleanText, Vec<Sentence>, Vec<DateMention>) {
    let clean = CleanText::verbatim(text);
    let sents = sentences(&clean);
    let dates = recognise(&clean, &sents, published.map(ymd));
    (clean, sents, dates)
}

/// `expect` lists (text of the expression, TimeML value), in order.
fn check(text: &str, published: &str, expect: &[(&str, &str)]) {
    let (clean, _, dates) = mentions(text, Some(published));
    let got: Vec<(&str, &str)> = dates.iter().map(|m| (&clean.text[m.start..m.end], m.value.as_str())).collect();
    assert_eq!(got, expect, "in {text:?} published {published}");
}

#[test]
fn absolute_dates() {
    check("The town fell on November 3, 2017.", "2017-11-19", &[("November 3, 2017", "2017-11-03")]);
    check("The town fell on 3 Nov 2017, officials said.", "2017-11-19", &[("3 Nov 2017", "2017-11-03")]);
    check("The town fell on 17/11/2018.", "2018-11-19", &[("17/11/2018", "2018-11-17")]);
    check("The town fell on 2017-11-03.", "2017-11-19", &[("2017-11-03", "2017-11-03")]);
    check(
        "It fell on Nov. 3 and was retaken in June 1994.",
        "2017-11-19",
        &[("Nov. 3", "2017-11-03"), ("June 1994", "1994-06")],
    );
    check("Rebels held it until the 25th of July 2016.", "2017-11-19", &[("25th of July 2016", "2016-07-25")]);
}

#[test]
fn partial_dates_take_the_year_that_is_not_later() {
    check("In the July 25 attack, 250 people were killed.", "2018-11-17", &[("July 25", "2018-07-25")]);
    check("The siege began on December 28.", "2019-01-05", &[("December 28", "2018-12-28")]);
    check("The talks will resume on January 10.", "2018-12-20", &[("January 10", "2019-01-10")]);
    check("The vote is set for Nov. 22.", "1989-10-26", &[("Nov. 22", "1989-11-22")]);
}

#[test]
fn weekdays_are_the_last_one_on_or_before_publication() {
    check("Forces on Saturday took back control of the hill.", "2018-11-17", &[("Saturday", "2018-11-17")]);
    check("The agency reported Saturday that a general was killed.", "2017-11-19", &[("Saturday", "2017-11-18")]);
    check("Talks will resume on Tuesday.", "2017-11-19", &[("Tuesday", "2017-11-21")]);
    check("The army said last Friday that it had won.", "1989-10-30", &[("last Friday", "1989-10-27")]);
}

#[test]
fn relative_expressions() {
    check("The militants left the town ten days ago.", "2017-11-19", &[("ten days ago", "2017-11-09")]);
    check(
        "Two soldiers were killed yesterday and one last night.",
        "2017-11-19",
        &[("yesterday", "2017-11-18"), ("last night", "2017-11-18")],
    );
    check("Clashes erupted last week.", "2017-11-19", &[("last week", "2017-W45")]);
    check("Clashes erupted earlier this month.", "2017-11-19", &[("earlier this month", "2017-11")]);
    check("In recent weeks, air strikes increased.", "2018-11-17", &[("recent weeks", "PAST_REF")]);
    check("The siege was lifted in early September.", "2017-11-03", &[("early September", "2017-09")]);
    check("Fighting resumed in late August.", "2017-11-03", &[("late August", "2017-08")]);
    check(
        "It was driven this year from Mosul; last year it held it.",
        "2017-11-03",
        &[("this year", "2017"), ("last year", "2016")],
    );
    check("Two weeks ago the town fell.", "2017-11-19", &[("Two weeks ago", "2017-W44")]);
    check("The group overran the city in 2014.", "2017-11-19", &[("2014", "2014")]);
    check("The attack came a month ago.", "2017-11-19", &[("a month ago", "2017-10")]);
}

#[test]
fn timeml_conventions() {
    check(
        "Profit rose in the third quarter from a year ago.",
        "1989-10-26",
        &[("the third quarter", "1989-Q3"), ("a year ago", "1988-Q3")],
    );
    check("The company is now profitable.", "1989-10-26", &[("now", "PRESENT_REF")]);
    check(
        "Prices fell in the 1990s and in the summer.",
        "1998-03-03",
        &[("the 1990s", "199"), ("the summer", "1998-SU")],
    );
    check("He was born in nineteen seventy-nine.", "1998-03-03", &[("nineteen seventy-nine", "1979")]);
    check("Sales fell last fall.", "1998-02-06", &[("last fall", "1997-FA")]);
    check("Two helicopters crashed last February.", "1998-03-01", &[("last February", "1997-02")]);
    check(
        "The stock market closed Wednesday; talks will resume Monday.",
        "1989-10-27",
        &[("Wednesday", "1989-10-25"), ("Monday", "1989-10-30")],
    );
    check("The loan is to be repaid by February.", "1989-10-30", &[("February", "1990-02")]);
}

#[test]
fn centuries_decades_and_the_year() {
    check("The shrine dates from the 12th century.", "2017-11-19", &[("the 12th century", "11")]);
    check("She is a 21st-century leader.", "2017-11-19", &[("21st-century", "20")]);
    check("Wages fell in the last decade.", "1998-02-06", &[("the last decade", "198")]);
    check("The mill closed two decades ago.", "2017-11-19", &[("two decades ago", "199")]);
    check("For the year, output was flat.", "1989-11-02", &[("the year", "1989")]);
    check("He was named Man of the Year by the paper.", "2023-06-04", &[]);
    check("Exports rose in the year to April.", "2023-06-04", &[("April", "2023-04")]);
    check("They will hold events throughout the year to mark it.", "2023-06-04", &[("the year", "2023")]);
    check("He sold the studio to 21st Century Fox.", "2023-06-04", &[]);
    check("The 21st Century began quietly.", "2023-06-04", &[("The 21st Century", "20")]);
    check("Prices hit a high for the year on June 5.", "1989-10-30", &[("the year", "1989"), ("June 5", "1989-06-05")]);
    // Other years, or a fiscal year: not the anchor's.
    check("The year before, the dam broke.", "1989-11-02", &[]);
    check("Revenue rose in the year ended March 31.", "1989-11-02", &[("March 31", "1989-03-31")]);
    check("In the year 2000 it opened.", "1998-03-01", &[("2000", "2000")]);
    check("The number is 10th century.", "2017-11-19", &[("10th century", "09")]);
}

#[test]
fn anaphora_count_from_the_date_named_before() {
    check(
        "He became a general on March 2, 1995, and the following year an envoy.",
        "1998-04-18",
        &[("March 2, 1995", "1995-03-02"), ("the following year", "1996")],
    );
    check("Imports peaked in 1988; exports fell that year.", "1989-11-02", &[("1988", "1988"), ("that year", "1988")]);
    check(
        "The board met in March. The following month, the firm was sold.",
        "1989-10-27",
        &[("March", "1989-03"), ("The following month", "1989-04")],
    );
    // Without a date before, there is nothing to count from.
    check("The following year, the plant closed.", "1989-10-27", &[]);
    // A year counts from a date written with its year, not from a weekday.
    check(
        "The town fell in 2015. Rebels shelled it on Monday. The following year, it was rebuilt.",
        "2023-06-04",
        &[("2015", "2015"), ("Monday", "2023-05-29"), ("The following year", "2016")],
    );
    // In a past clause, not after the publication date.
    check("The dam broke in 2023. The following year, it was rebuilt.", "2023-06-04", &[("2023", "2023")]);
}

#[test]
fn halves_and_the_future() {
    check("Earnings fell in the last half of 1989.", "1989-10-26", &[("the last half of 1989", "1989-H2")]);
    check("Sales rose in the first half.", "1989-10-26", &[("the first half", "1989-H1")]);
    check("Sales grew in the last half of the decade.", "1989-10-26", &[]);
    check("They fear for the future of the town.", "2017-11-19", &[]);
    check("Talks may resume in the future.", "2017-11-19", &[("the future", "FUTURE_REF")]);
}

#[test]
fn vague_references() {
    check("Prices fell in the last few months.", "1998-02-06", &[("the last few months", "PAST_REF")]);
    check("There were sell-offs in past years, too.", "1989-10-30", &[("past years", "PAST_REF")]);
    check("Sales fell over the past three months.", "1989-10-30", &[]);
    check("It will sell the unit at a later date.", "1989-10-26", &[("a later date", "FUTURE_REF")]);
    check("It wants to leave as soon as possible.", "1989-10-30", &[("soon as possible", "FUTURE_REF")]);
    check("They left as soon as the shelling stopped.", "2017-11-19", &[]);
}

#[test]
fn titles_are_not_dates() {
    check("The minister spoke to USA Today about the raid.", "2017-11-19", &[]);
    check("Baker said on ABC News' \"This Week\" that troops would stay.", "1990-08-13", &[]);
    check("Today, the army holds the town.", "2017-11-19", &[("Today", "2017-11-19")]);
    check("This is VOA Today.", "1998-03-01", &[]);
    check("He founded the First Amendment Now Campaign.", "1998-03-01", &[]);
    // A name that is not a title's: the subject of the sentence.
    check("Assad Today announced a truce.", "2017-11-19", &[("Today", "2017-11-19")]);
    check("He said the town fell today.", "2017-11-19", &[("today", "2017-11-19")]);
}

#[test]
fn tense_of_deadlines_and_clause_openers() {
    // A deadline ahead, unless a past clause governs it.
    check("Rebels must leave by Friday.", "2017-11-15", &[("Friday", "2017-11-17")]);
    check("All members had filed reports by Wednesday.", "1990-08-16", &[("Wednesday", "1990-08-15")]);
    check("The parent asked the unit to respond by Oct. 31.", "1989-10-26", &[("Oct. 31", "1989-10-31")]);
    // A future cue before a date only weeks past is a misread clause.
    check("I was glad to see your Oct. 23 edition carried it.", "1989-11-01", &[("Oct. 23", "1989-10-23")]);
    check("Talks will resume on October 2.", "2017-11-19", &[("October 2", "2018-10-02")]);
    // Without a tense, a month or day just ahead in the next year is the next one.
    check("The dividend is to holders on a date in January.", "1989-10-26", &[("January", "1990-01")]);
    check("The merger vote falls in January.", "2017-11-19", &[("January", "2018-01")]);
    check("The plant opened in April.", "2017-11-19", &[("April", "2017-04")]);
    // A clause opened by the expression takes the tense of the verb after it.
    check("In January, the firm bought a rival.", "1989-10-27", &[("January", "1989-01")]);
    check("In January, the firm will buy a rival.", "1989-10-27", &[("January", "1990-01")]);
}

#[test]
fn numbers_that_are_not_dates() {
    check("Some 2000 fighters and 3,000 civilians left; 1.5 million fled.", "2017-11-19", &[]);
    check("A quarter of the town was destroyed.", "2017-11-19", &[]);
    check("May God protect them, said the imam.", "2017-11-19", &[]);
    check("The 18th March Division shelled the town.", "2017-11-19", &[]);
    check("Rebels held the 6 October Bridge.", "2017-11-19", &[]);
}

#[test]
fn no_anchor_keeps_only_absolute_dates() {
    let (_, _, dates) = mentions("On Saturday, 3 November 2017, the town fell. It fell again yesterday.", None);
    let values: Vec<&str> = dates.iter().map(|m| m.value.as_str()).collect();
    assert_eq!(values, ["2017-11-03"]);
}

fn acled(text: &str, published: &str) -> Option<(String, u8)> {
    let (_, _, dates) = mentions(text, Some(published));
    dates.first()?.acled_date().map(|(d, p)| (d.to_string(), p as u8))
}

/// (sentence, publication date, expected ACLED date and precision).
type Case = (&'static str, &'static str, Option<(&'static str, u8)>);

#[test]
fn acled_precision() {
    let cases: &[Case] = &[
        ("It fell on Saturday.", "2018-11-17", Some(("2018-11-17", 1))),
        ("It fell ten days ago.", "2017-11-19", Some(("2017-11-09", 2))),
        ("It fell last week.", "2017-11-19", Some(("2017-11-09", 2))),
        ("It fell in early September.", "2017-11-03", Some(("2017-09-01", 3))),
        ("It fell in late August.", "2017-11-03", Some(("2017-08-31", 3))),
        ("It fell in September.", "2017-11-03", Some(("2017-09-15", 3))),
        ("It fell in 2014.", "2017-11-03", None),
        ("It fell recently.", "2017-11-03", None),
    ];
    for (text, published, expect) in cases {
        let expect = expect.map(|(d, p)| (d.to_string(), p));
        assert_eq!(acled(text, published), expect, "{text}");
    }
}

/// The event date for the trigger word `trigger` (its first occurrence) in
/// the sentence that contains it.
fn check_event(text: &str, published: &str, trigger: &str, expect: Option<(&str, u8)>) {
    let (clean, sents, dates) = mentions(text, Some(published));
    let at = clean.text.find(trigger).unwrap();
    let index = sents.iter().position(|s| s.start <= at && at < s.end).unwrap();
    let got = event_date(&dates, &clean, &sents, index, at, Some(ymd(published)));
    let expect = expect.map(|(d, p)| (ymd(d), TimePrecision::try_from(p).unwrap()));
    assert_eq!(got, expect, "{trigger} in {text:?}");
}

#[test]
fn event_dates() {
    check_event(
        "Allied forces on Saturday took back control of the hill, a monitor said.",
        "2018-11-17",
        "took back",
        Some(("2018-11-17", 1)),
    );
    check_event(
        "A general was killed by a mortar shell, the agency reported Saturday.",
        "2017-11-19",
        "killed",
        Some(("2017-11-18", 2)),
    );
    check_event(
        "The army said on Monday that rebels attacked the base on Friday.",
        "2017-11-21",
        "attacked",
        Some(("2017-11-17", 1)),
    );
    check_event("The group overran the city in 2014.", "2017-11-19", "overran", None);
    check_event("Rebels have held the town since July.", "2017-11-19", "held", Some(("2017-11-19", 1)));
    check_event(
        "In the July 25 attack, militants killed 250 people. They also kidnapped 30 women.",
        "2018-11-17",
        "kidnapped",
        Some(("2018-07-25", 1)),
    );
    check_event("Forces recaptured the village.", "2018-11-17", "recaptured", Some(("2018-11-17", 1)));
    check_event(
        "Officials will investigate the attack on Tuesday that killed five.",
        "2017-11-19",
        "attack",
        Some(("2017-11-14", 1)),
    );
    check_event(
        "On 12 May 2022, overnight, Turkish forces shelled the frontline.",
        "2022-05-14",
        "shelled",
        Some(("2022-05-12", 1)),
    );
}

#[test]
fn published_is_inferred_from_the_modal_year() {
    let text = "On November 3, 2017, forces entered the town.\nThey had left it on October 30, 2017.\n\
                Related: a plane crashed on December 20, 2024.";
    let (clean, sents, dates) = mentions(text, None);
    assert_eq!(infer_published(&clean, &sents, &dates), Some(ymd("2017-11-03")));
    let (clean, sents, dates) = mentions("Forces entered the town on Saturday.", None);
    assert_eq!(infer_published(&clean, &sents, &dates), None);
}

/// Words and pieces that exercise every branch of the scanner.
const PIECES: &[&str] = &[
    "the",
    "a",
    "last",
    "next",
    "this",
    "past",
    "early",
    "late",
    "mid",
    "-",
    "of",
    "in",
    "on",
    "since",
    "said",
    "reported",
    "will",
    "ago",
    "earlier",
    "later",
    "year",
    "years",
    "week",
    "weekend",
    "month",
    "quarter",
    "half",
    "period",
    "third",
    "first",
    "fourth",
    "0th",
    "31st",
    "Friday",
    "Saturday",
    "May",
    "March",
    "Sept.",
    "Dec",
    "December",
    "nineteen",
    "ninety",
    "two",
    "thousand",
    "ten",
    "days",
    "1990",
    "1990s",
    "2017",
    "3",
    "31",
    "0",
    "99",
    "2017-11-03",
    "31/12/2018",
    "45/45/2018",
    "'",
    "s",
    ",",
    ".",
    ";",
    "\u{2014}",
    "é",
    "now",
    "recent",
    "summer",
    "fall",
    "year-end",
    "nineties",
    "fiscal",
    "yesterday",
    "overnight",
    "also",
];

#[test]
fn letters_eight_at_a_time_are_the_letter_bytes() {
    for b in 0..=255u8 {
        for at in 0..8 {
            let mut chunk = *b"a1 Z.\xc3z@";
            chunk[at] = b;
            let mask = scan::letters(crate::swar::word(&chunk));
            for (k, &c) in chunk.iter().enumerate() {
                let letter = c.is_ascii_alphabetic() || c >= 0x80;
                assert_eq!((mask >> (8 * k + 7)) & 1 == 1, letter, "byte {c:#x} at {k} of {chunk:?}");
            }
        }
    }
}

#[test]
fn prepositions_start_only_their_references() {
    check(
        "In the past, at present and in the summer, in 2014 at night.",
        "2017-11-19",
        &[("In the past", "PAST_REF"), ("at present", "PRESENT_REF"), ("the summer", "2017-SU"), ("2014", "2014")],
    );
}

/// Once a sentence speaks of quarters, "a year ago" is the quarter a year
/// back in it and in later sentences, not in earlier ones.
#[test]
fn quarters_count_from_the_sentence_that_names_them() {
    check(
        "Sales fell from a year ago. Profit rose in the third quarter from a year ago. Costs grew from a year ago.",
        "1989-11-01",
        &[
            ("a year ago", "1988"),
            ("the third quarter", "1989-Q3"),
            ("a year ago", "1988-Q3"),
            ("a year ago", "1988-Q3"),
        ],
    );
}

/// A quarter as a measure ("a quarter of", "quarter-century") does not make
/// the article a quarterly report.
#[test]
fn measured_quarters_are_no_fiscal_quarters() {
    check(
        "Fuel stood near a quarter-century high. Bread prices climbed from a year earlier.",
        "2019-04-10",
        &[("a year earlier", "2018")],
    );
    check("A quarter of the wells ran dry. Rainfall fell from a year ago.", "2019-04-10", &[("a year ago", "2018")]);
}

/// Only the whole word makes a quarterly report ("headquarters" and
/// "periodically" do not), and "a quarter" compared with is a quarter.
#[test]
fn quarters_are_whole_words() {
    check(
        "Gunmen raided the customs headquarters at the port. A year ago, a similar raid failed.",
        "2021-05-03",
        &[("A year ago", "2020")],
    );
    check("The crossing is shelled periodically. Trade fell from a year ago.", "2021-05-03", &[("a year ago", "2020")]);
    check(
        "Grain output rose 4% from a quarter earlier. Rice output fell from a year earlier.",
        "2021-05-03",
        &[("a year earlier", "2020-Q1")],
    );
}

/// A sentence that counts months compares years: "a year earlier" and "the
/// 2020 period" beside "the six months" are years, not the quarter.
#[test]
fn months_counted_compare_years() {
    check(
        "Exports rose in the second quarter from a year ago. Over the six months, tolls grew to $8 million from \
         $6 million a year earlier. In the first six months, imports fell from the 2020 period.",
        "2021-07-28",
        &[
            ("the second quarter", "2021-Q2"),
            ("a year ago", "2020-Q2"),
            ("a year earlier", "2020"),
            ("the 2020 period", "2020"),
        ],
    );
}

/// A "headquarters" in a sentence that counts months names no quarter: the
/// sentence still compares years.
#[test]
fn months_counted_beside_headquarters_compare_years() {
    check(
        "Freight rose in the second quarter from a year ago. Over the first six months, the port authority, whose \
         headquarters moved inland, earned $9 million against $7 million a year earlier.",
        "2021-07-28",
        &[("the second quarter", "2021-Q2"), ("a year ago", "2020-Q2"), ("a year earlier", "2020")],
    );
}

/// A day named with a part of it or a clock time is a TimeML time: it is
/// recognised (it dates events) but flagged, and written as no date mention.
#[test]
fn days_with_a_time_of_day_are_flagged() {
    let flagged = |text: &str| {
        let (clean, _, dates) = mentions(text, Some("2022-03-10"));
        dates.iter().map(|m| (clean.text[m.start..m.end].to_string(), m.time_of_day)).collect::<Vec<_>>()
    };
    let one = |text: &str, expr: &str, flag: bool| {
        assert_eq!(flagged(text), vec![(expr.to_string(), flag)], "in {text:?}");
    };
    one("Shells hit the depot on Tuesday evening.", "Tuesday", true);
    one("The convoy left the border town at 6 a.m. Monday.", "Monday", true);
    one("The ferry sails at 11 pm Friday from the island.", "Friday", true);
    one("The bids close at 4 p.m. GMT, March 15.", "March 15", true);
    one("Drones struck the airfield at midnight Wednesday.", "Wednesday", true);
    one("On the morning of March 2, the bridge collapsed.", "March 2", true);
    one("The mayor will speak tonight.", "tonight", true);
    one("Looters raided the shops overnight.", "overnight", true);
    one("Sirens sounded this afternoon in the north.", "this afternoon", true);
    one("The markets reopen on Tuesday, traders said.", "Tuesday", false);
    one("Late Monday the council voted to close the schools.", "Late Monday", false);
    assert_eq!(
        flagged("Ferries sail on Saturday and Sunday nights."),
        vec![("Saturday".to_string(), true), ("Sunday".to_string(), true)]
    );
    one("The strike began on 3 March.", "3 March", false);
}

/// A clock time joined to its day makes one TimeML time whichever side it
/// stands on, so every order is flagged alike; a day with other words after
/// "at" is still a date.
#[test]
fn a_clock_time_on_either_side_of_the_day_is_a_time() {
    let flag = |text: &str| {
        let (_, _, dates) = mentions(text, Some("2022-03-10"));
        assert_eq!(dates.len(), 1, "in {text:?}");
        dates[0].time_of_day
    };
    for text in [
        "The ferry docked at 7 a.m. on Tuesday.",
        "The ferry docked at 7 a.m. local time on Tuesday.",
        "The ferry docked at noon on Tuesday.",
        "The ferry docked on Tuesday at 7 a.m.",
        "The ferry docked Tuesday at around 7 p.m., the port said.",
        "The ferry docked on Tuesday, at about 0700 GMT.",
        "The ferry docked on Tuesday at 19:40.",
        "The ferry docked on Tuesday at 7pm.",
        "The ferry docked on March 8 at midnight.",
    ] {
        assert!(flag(text), "{text:?} is a time");
    }
    for text in [
        "The ferry docked on Tuesday at the old pier.",
        "On Tuesday 7 crew members left the ferry.",
        "The club holds a film night on Tuesday.",
        "The ferry docked on Tuesday. At 7 p.m. the crew left.",
    ] {
        assert!(!flag(text), "{text:?} is a date");
    }
}

/// A past request names what it asks for, which may lie ahead: the tense
/// stays open, so a month just ahead is this year's and a weekday the last.
#[test]
fn past_requests_leave_the_tense_open() {
    check("Farmers' unions called for a march on the capital in May.", "2023-03-20", &[("May", "2023-05")]);
    check("The teachers asked for talks on April 4.", "2023-03-20", &[("April 4", "2023-04-04")]);
    check("The teachers asked for talks on Friday.", "2023-03-20", &[("Friday", "2023-03-17")]);
    check("The guards asked for help in August.", "2023-03-20", &[("August", "2022-08")]);
}

/// "Fall" is autumn only as a time: the fall of a town, of rockets or in
/// prices is a falling (and must not take an event's date away); a season
/// takes the year written after it, with or without "of".
#[test]
fn the_fall_of_a_place_is_no_season() {
    check("Since the fall of the old capital, trade has shrunk.", "2021-06-01", &[]);
    check("Bakers blamed the fall in wheat prices.", "2021-06-01", &[]);
    check("The students return in the fall.", "2021-06-01", &[("the fall", "2021-FA")]);
    check("Rains came early in the fall in the hills.", "2021-06-01", &[("the fall", "2021-FA")]);
    check("The dam was finished in the fall of 2015.", "2021-06-01", &[("the fall of 2015", "2015-FA")]);
    check("The dam was finished in autumn 2015.", "2021-06-01", &[("autumn 2015", "2015-FA")]);
    check_event(
        "On 3 May, shelling on the market killed two men, and the fall of rockets on the camp went on.",
        "2021-05-04",
        "killed",
        Some(("2021-05-03", 1)),
    );
}

/// A four-digit number before an area or a street is no year: a house
/// number, a block of a street, square kilometres.
#[test]
fn areas_and_house_numbers_are_no_years() {
    check("Rebels took 1500 square kilometres of desert.", "2022-04-01", &[]);
    check("The clinic at 1420 Harbor Road reopened.", "2022-04-01", &[]);
    check("She lives at 1711 N. Grove St., police said.", "2022-04-01", &[]);
    check("Police were called to the 1800 block of Pine.", "2022-04-01", &[]);
    check("In 1995 Main Street was rebuilt.", "2022-04-01", &[("1995", "1995")]);
    check("The 2012 Harvest Festival drew crowds.", "2022-04-01", &[("2012", "2012")]);
}

/// A span of days within a week dates the event at its middle day (the
/// later of two), precision 2; a span in brackets glosses the date before it.
#[test]
fn ranges_of_days_date_events_at_their_middle() {
    let range = |text: &str, trigger: &str, expect: (&str, u8)| check_event(text, "2021-06-20", trigger, Some(expect));
    range("Between 4 and 8 June, militias shelled the farms.", "shelled", ("2021-06-06", 2));
    range("Between June 4th and 5th, militias shelled the farms.", "shelled", ("2021-06-05", 2));
    range("Militias shelled the farms over the night of 14-15 June.", "shelled", ("2021-06-15", 2));
    range("From June 10 to 12, militias shelled the farms.", "shelled", ("2021-06-11", 2));
    range("Militias shelled the farms on June 3 - 12 people were hurt.", "shelled", ("2021-06-03", 1));
    range("Between June 1 and 20, militias shelled the farms.", "shelled", ("2021-06-01", 1));
    range("Around 9 June (from 7 - 9 June), militias shelled the farms.", "shelled", ("2021-06-09", 1));
}

/// The nearest governing verb of the clause places a date without a year.
#[test]
fn the_nearest_verb_sets_the_tense() {
    check(
        "Since the militia seized the port in March, it has taxed every ship.",
        "2023-09-14",
        &[("March", "2023-03")],
    );
    check(
        "The council moved from a monthly budget to a yearly budget in November.",
        "2022-10-05",
        &[("November", "2021-11")],
    );
    check(
        "The envoy will travel with a small team of engineers and medics to the northern camps in August.",
        "2021-03-02",
        &[("August", "2021-08")],
    );
    check(
        "The ministry agreed to halt payments to the northern grain and fuel depots in April.",
        "2020-12-01",
        &[("April", "2020-04")],
    );
    check("The new sanctions will hit the exporters on Feb. 11.", "2022-06-10", &[("Feb. 11", "2023-02-11")]);
    check(
        "The evacuees are expected to travel on to the United Arab Emirates Friday.",
        "2021-07-05",
        &[("Friday", "2021-07-09")],
    );
}

/// Words that look past but do not place the date: an adjective before a
/// noun, a reporting verb of another clause, a past act that sets a bound.
#[test]
fn past_looking_words_that_do_not_govern() {
    check(
        "The council holds the seized rifles it may destroy on Sept. 14.",
        "2022-09-02",
        &[("Sept. 14", "2022-09-14")],
    );
    check("The mediator said the truce talks resume on June 3.", "2022-05-20", &[("June 3", "2022-06-03")]);
    check("The rebels postponed to June 2 the handover of the airport.", "2023-05-25", &[("June 2", "2023-06-02")]);
}

/// A participle ("stranded by", "the detained") is no finite verb, and "will
/// have" is a future, not a past like "would have".
#[test]
fn participles_and_future_perfects_are_not_past() {
    check("Fishermen stranded by the storm sail home in July.", "2022-04-12", &[("July", "2022-07")]);
    check(
        "A hearing for the detained in the capital starts in Nairobi on Aug. 8.",
        "2022-07-20",
        &[("Aug. 8", "2022-08-08")],
    );
    check("The last mine clearers will have finished the work on Nov. 4.", "2022-09-01", &[("Nov. 4", "2022-11-04")]);
}

/// A past date a day or two after publication is this year's: the dateline
/// is off, the story is not a year old.
#[test]
fn past_dates_just_after_publication_keep_the_year() {
    check("The soldier succumbed to his wounds on 28 August.", "2021-08-27", &[("28 August", "2021-08-28")]);
    check("The soldier succumbed to his wounds on 28 August.", "2021-08-20", &[("28 August", "2020-08-28")]);
    check("The firm bought the mill in November.", "2021-10-30", &[("November", "2020-11")]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    #[test]
    fn any_sequence_is_safe(
        parts in proptest::collection::vec(0..PIECES.len(), 0..40),
        day in -800_000i32..800_000,
    ) {
        let text: Vec<&str> = parts.iter().map(|&i| PIECES[i]).collect();
        let text = text.join(" ");
        let published = NaiveDate::from_num_days_from_ce_opt(day);
        let clean = CleanText::verbatim(&text);
        let sents = sentences(&clean);
        for anchor in [published, None] {
            let dates = recognise(&clean, &sents, anchor);
            for m in &dates {
                proptest::prop_assert!(m.start < m.end && m.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                proptest::prop_assert!(m.first <= m.last);
                let _ = m.acled_date();
            }
            for (i, s) in sents.iter().enumerate() {
                for trigger in [s.start, (s.start + s.end) / 2, s.end] {
                    let _ = event_date(&dates, &clean, &sents, i, trigger, anchor);
                }
            }
            let _ = infer_published(&clean, &sents, &dates);
        }
    }
}

#[test]
fn an_ordinal_of_a_list_or_a_rank_is_no_day_of_the_month() {
    let none: &[(&str, &str)] = &[];
    let p = "2024-05-08";
    check("Militants attacked positions held by the 2nd, 4th and 6th brigades near Bakhmut, the army said.", p, none);
    check("Soldiers from the 3rd, 4th and 7th battalions were deployed to the border.", p, none);
    check("He finished on the 3rd, behind two Kenyan runners.", p, none);
    check("Water reached the flats from the 1st and 2nd floors up.", p, none);
    check("She ran on the 5th, ahead of her rivals, and won.", p, none);
    // A day alone before a clause break or a reporting tail still is one.
    check("The convoy was shelled on the 3rd, a local official said.", p, &[("the 3rd", "2024-05-03")]);
    check("The road stayed shut until the 6th.", p, &[("the 6th", "2024-05-06")]);
    check("Rebels attacked on the 2nd, killing four guards.", p, &[("the 2nd", "2024-05-02")]);
}
