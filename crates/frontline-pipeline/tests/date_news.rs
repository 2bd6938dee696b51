//! Date forms of conflict news that TimeBank lacks, on sentences we wrote:
//! coder-note openings, weekday glosses, datelines, ISO and dotted dates, a
//! day of the month alone, scheduled acts and days without a year across a
//! year boundary. Each case gives the publication date and the expected
//! TimeML values of the `date` mentions (a day named with a part of it or a
//! clock time is a TimeML TIME, not a `date` mention).

use chrono::NaiveDate;
use frontline_pipeline::clean::CleanText;
use frontline_pipeline::date;
use frontline_pipeline::model::TimePrecision;
use frontline_pipeline::segment::sentences;

fn ymd(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// The expected (text, value) of a sentence's date mentions.
type Expected = &'static [(&'static str, &'static str)];

/// (publication date, sentence, expected date mentions).
const CASES: &[(&str, &str, Expected)] = &[
    (
        "2025-05-06",
        "On 3 May 2025, unidentified gunmen attacked a checkpoint near the town.",
        &[("3 May 2025", "2025-05-03")],
    ),
    ("2025-05-06", "Early on Sunday, militants shelled the village.", &[("Sunday", "2025-05-04")]),
    ("2025-05-06", "Late on Friday, a car bomb exploded outside a police station.", &[("Friday", "2025-05-02")]),
    ("2025-05-06", "In the early hours of Saturday, gunmen raided a farm.", &[]),
    ("2025-05-06", "The attack came at 6 a.m. on Sunday.", &[]),
    ("2025-05-06", "Clashes broke out last weekend in the north of the province.", &[("last weekend", "2025-W18-WE")]),
    ("2025-05-06", "Fighting intensified in mid-April around the airport.", &[("mid-April", "2025-04")]),
    (
        "2025-05-06",
        "Soldiers were killed on Tuesday (29 April) in an ambush on the highway.",
        &[("Tuesday (29 April)", "2025-04-29")],
    ),
    (
        "2025-05-04",
        "GOMBE, May 4 (Wire) - Herders and farmers fought over a well, residents said.",
        &[("May 4", "2025-05-04")],
    ),
    ("2025-05-06", "The truce was signed on 2025-04-27 in the capital.", &[("2025-04-27", "2025-04-27")]),
    ("2025-05-06", "Police detained twelve students on 03.05.2025.", &[("03.05.2025", "2025-05-03")]),
    ("2025-05-06", "The patrol was ambushed on the 3rd, a district official said.", &[("the 3rd", "2025-05-03")]),
    ("2025-05-06", "Reinforcements reached the garrison on the 28th.", &[("the 28th", "2025-04-28")]),
    ("2025-05-06", "The engineers worked on the 10th floor.", &[]),
    ("2025-05-06", "On Wednesday, April 30, the army retook the bridge.", &[("Wednesday, April 30", "2025-04-30")]),
    ("2025-05-06", "On Sunday 4 May, the militia attacked a convoy.", &[("Sunday 4 May", "2025-05-04")]),
    ("2025-05-06", "The fighters crossed the river on the 3rd of May.", &[("3rd of May", "2025-05-03")]),
    ("2025-05-06", "The mayor said three days ago that the hill was retaken.", &[("three days ago", "2025-05-03")]),
    ("2025-05-06", "The raid happened the day before yesterday.", &[("the day before yesterday", "2025-05-04")]),
    ("2025-05-06", "Shelling resumed earlier this week.", &[("earlier this week", "2025-W19")]),
    ("2025-05-06", "Militants shelled the camp last month.", &[("last month", "2025-04")]),
    (
        "2025-05-14",
        "Gunmen stormed the village on May 3. The next day, troops arrived.",
        &[("May 3", "2025-05-03"), ("The next day", "2025-05-04")],
    ),
    (
        "2025-05-14",
        "The army shelled the town on Sunday and retook it the following day.",
        &[("Sunday", "2025-05-11"), ("the following day", "2025-05-12")],
    ),
    (
        "2025-05-14",
        "Police held him on 6 May; the previous day he had fled.",
        &[("6 May", "2025-05-06"), ("the previous day", "2025-05-05")],
    ),
    ("2025-05-14", "That day, three shells hit the market.", &[]),
    ("2025-05-06", "Since early March, more than 40 people have died.", &[("early March", "2025-03")]),
    ("2025-05-06", "The front line has barely moved since mid-2024.", &[("mid-2024", "2024")]),
    (
        "2025-05-06",
        "Raids peaked in late 2024 and in the summer of 2023.",
        &[("late 2024", "2024"), ("the summer of 2023", "2023-SU")],
    ),
    ("2025-01-03", "Rebels took the ridge on 28 December.", &[("28 December", "2024-12-28")]),
    ("2025-01-03", "The offensive began in December.", &[("December", "2024-12")]),
    ("2024-12-29", "A runoff will be held on 5 January.", &[("5 January", "2025-01-05")]),
    ("2025-06-10", "The curfew law takes effect Jan. 1, the ministry said.", &[("Jan. 1", "2026-01-01")]),
    ("2025-06-10", "The new border rules come into force on 1 January.", &[("1 January", "2026-01-01")]),
    ("2025-06-10", "The levy, which took effect on May 1, was scrapped.", &[("May 1", "2025-05-01")]),
    ("2025-11-20", "The truce expires on Feb. 2 unless both sides extend it.", &[("Feb. 2", "2026-02-02")]),
    ("2025-11-20", "The inquiry's report is due in April.", &[("April", "2026-04")]),
    ("2025-12-01", "The referendum is scheduled for Jan. 15.", &[("Jan. 15", "2026-01-15")]),
    ("2025-06-10", "The two delegations meet again on Monday in Doha.", &[("Monday", "2025-06-16")]),
    ("2025-06-10", "The trial of the four officers resumes Thursday.", &[("Thursday", "2025-06-12")]),
    ("2025-04-20", "Families sheltered in the schools return home on June 9.", &[("June 9", "2025-06-09")]),
    ("2025-06-10", "The state meet on Friday drew forty schools.", &[("Friday", "2025-06-06")]),
];

#[test]
fn news_date_forms() {
    let mut failed = Vec::new();
    for &(published, text, expect) in CASES {
        let clean = CleanText::verbatim(text);
        let sents = sentences(&clean);
        let dates = date::recognise(&clean, &sents, Some(ymd(published)));
        let got: Vec<(&str, &str)> =
            dates.iter().filter(|m| !m.time_of_day).map(|m| (&clean.text[m.start..m.end], m.value.as_str())).collect();
        if got != expect {
            failed.push(format!("{text:?} ({published}): got {got:?}, expected {expect:?}"));
        }
    }
    assert!(failed.is_empty(), "{} of {} cases:\n{}", failed.len(), CASES.len(), failed.join("\n"));
}

/// The event's date for a trigger word: ranges of days at their middle day
/// (precision 2), a day with a part of it like the day.
#[test]
fn news_event_dates() {
    let cases: &[(&str, &str, &str, &str, TimePrecision)] = &[
        ("2025-05-06", "Between 1 and 3 May, air strikes hit the city.", "strikes", "2025-05-02", TimePrecision::Week),
        (
            "2025-05-06",
            "On the night of 4-5 May, drones struck a fuel depot.",
            "struck",
            "2025-05-05",
            TimePrecision::Week,
        ),
        (
            "2025-05-06",
            "Late on Friday, a car bomb exploded outside a police station.",
            "exploded",
            "2025-05-02",
            TimePrecision::Day,
        ),
        (
            "2025-05-06",
            "In the early hours of Saturday, gunmen raided a farm.",
            "raided",
            "2025-05-03",
            TimePrecision::Day,
        ),
        (
            "2025-05-06",
            "Soldiers were killed on Tuesday (29 April) in an ambush.",
            "killed",
            "2025-04-29",
            TimePrecision::Day,
        ),
    ];
    for &(published, text, trigger, day, precision) in cases {
        let clean = CleanText::verbatim(text);
        let sents = sentences(&clean);
        let published = Some(ymd(published));
        let dates = date::recognise(&clean, &sents, published);
        let at = text.find(trigger).unwrap();
        let got = date::event_date(&dates, &clean, &sents, 0, at, published);
        assert_eq!(got, Some((ymd(day), precision)), "in {text:?}");
    }
}
