//! Resolve: a scanned expression plus the publication date (the anchor) gives
//! a TimeML value and the days it covers.
//!
//! Conventions (TimeML/TimeBank, which news follows): a bare weekday is the
//! last one on or before the anchor unless its clause speaks of the future;
//! a day or month without a year is the last one in a past clause, the next
//! in a future one (unless this year's is only weeks past), otherwise the
//! last unless the next is within about three months; "that year" and "the
//! following month" count from the date the text named before;
//! "last week" is the ISO week before the anchor's; "a year ago" in an
//! article about quarters is the last completed quarter a year back. Without
//! an anchor only expressions that carry their year resolve.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::Granularity;
use super::scan::{Expr, Found, Part, QuarterRef, Rel, Tense, Unit};

/// A resolved expression.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Resolved {
    pub value: String,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub granularity: Granularity,
    /// The year was written (needs no anchor).
    pub absolute: bool,
}

/// What resolution knows beyond the expression.
pub(super) struct Context {
    pub anchor: Option<NaiveDate>,
    /// The document so far (this sentence included) speaks of quarters or
    /// periods: then "a year ago" is the quarter a year back. False in a
    /// sentence that counts months: "the period" and "a year ago" are years.
    pub quarters: bool,
    /// The first day of the last date the text named before the expression.
    pub previous: Option<NaiveDate>,
    /// The same of the last date written with its year ("2015", "March 2,
    /// 1995"): what "the following year" counts from, not a weekday.
    pub previous_year: Option<NaiveDate>,
    /// The last day the text named: what "the next day" counts from.
    pub previous_day: Option<NaiveDate>,
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `y` then `rest`: what `format!("{y:04}{rest}")` writes, without the
/// formatting machinery for the four-digit years news names.
fn year_then(y: i32, rest: &str) -> String {
    let mut s = String::with_capacity(4 + rest.len());
    if (0..=9999).contains(&y) {
        let y = y as u32;
        s.extend([y / 1000, y / 100 % 10, y / 10 % 10, y % 10].map(|d| char::from(b'0' + d as u8)));
    } else {
        s = format!("{y:04}");
    }
    s.push_str(rest);
    s
}

/// `n` as two digits at least, as `{n:02}` writes it.
fn push_two(s: &mut String, n: u32) {
    if n < 100 {
        s.extend([n / 10, n % 10].map(|d| char::from(b'0' + d as u8)));
    } else {
        s.push_str(&n.to_string());
    }
}

/// `y-m` or `y-Wm` and the like: the year, `sep`, then `n` as two digits.
fn year_two(y: i32, sep: &str, n: u32) -> String {
    let mut s = year_then(y, sep);
    push_two(&mut s, n);
    s
}

/// `d` as `YYYY-MM-DD` bytes, what chrono writes, for the four-digit years
/// news names (`None` outside them: chrono's own formatting then).
pub(crate) fn iso_day(d: NaiveDate) -> Option<[u8; 10]> {
    let y = u32::try_from(d.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (m, day) = (d.month(), d.day());
    Some([
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ])
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1)?.pred_opt()
}

fn day(d: NaiveDate) -> Resolved {
    Resolved {
        value: match iso_day(d) {
            Some(digits) => digits.iter().map(|&b| char::from(b)).collect(),
            None => d.format("%Y-%m-%d").to_string(),
        },
        first: d,
        last: d,
        granularity: Granularity::Day,
        absolute: false,
    }
}

fn month(y: i32, m: u32) -> Option<Resolved> {
    Some(Resolved {
        value: year_two(y, "-", m),
        first: ymd(y, m, 1)?,
        last: month_end(y, m)?,
        granularity: Granularity::Month,
        absolute: false,
    })
}

fn year(y: i32) -> Option<Resolved> {
    Some(Resolved {
        value: year_then(y, ""),
        first: ymd(y, 1, 1)?,
        last: ymd(y, 12, 31)?,
        granularity: Granularity::Year,
        absolute: false,
    })
}

/// The ISO week containing `d`.
fn week(d: NaiveDate) -> Option<Resolved> {
    let w = d.iso_week();
    let first = d.checked_sub_days(Days::new(d.weekday().num_days_from_monday() as u64))?;
    Some(Resolved {
        value: year_two(w.year(), "-W", w.week()),
        first,
        last: first.checked_add_days(Days::new(6))?,
        granularity: Granularity::Week,
        absolute: false,
    })
}

/// The decade whose years start with `d` ("the 1990s" is 199).
fn decade(d: i32) -> Option<Resolved> {
    Some(Resolved {
        value: format!("{d:03}"),
        first: ymd(d * 10, 1, 1)?,
        last: ymd(d * 10 + 9, 12, 31)?,
        granularity: Granularity::Decade,
        absolute: false,
    })
}

fn quarter(y: i32, q: u32) -> Option<Resolved> {
    Some(Resolved {
        value: format!("{y:04}-Q{q}"),
        first: ymd(y, q * 3 - 2, 1)?,
        last: month_end(y, q * 3)?,
        granularity: Granularity::Quarter,
        absolute: false,
    })
}

fn quarter_of(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month0() / 3 + 1)
}

fn shift_quarter((y, q): (i32, u32), n: i32) -> (i32, u32) {
    let k = y * 4 + q as i32 - 1 + n;
    (k.div_euclid(4), k.rem_euclid(4) as u32 + 1)
}

fn shift_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 { d.checked_add_days(Days::new(n as u64)) } else { d.checked_sub_days(Days::new(n.unsigned_abs())) }
}

fn shift_months(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_months(Months::new(n as u32))
    } else {
        d.checked_sub_months(Months::new(n.unsigned_abs()))
    }
}

/// How far ahead of the anchor a date without year or tense may lie: about
/// a quarter ("in January" written in late October is the coming one).
const NEAR_FUTURE_DAYS: i64 = 100;

/// How far behind the anchor a date in a future clause may lie and still be
/// this year's: a date of the last weeks is no plan a year ahead, the clause
/// was misread ("pleased to note that your Oct. 23 issue", "as of Sept. 30").
const RECENT_PAST_DAYS: i64 = 31;

/// How far after the anchor a day in a past clause may lie and still be
/// this year's: a publication date a day or two off the story's ("the
/// soldier died of his wounds on 28 August" filed on the 27th) is likelier
/// than a date a year back. A month has no such slack.
const DATELINE_SLACK_DAYS: i64 = 3;

/// The year for a date written without one: in a past clause the last
/// occurrence on or before the anchor (or at most `slack` days after it),
/// in a future one the next on or after it unless this year's is only weeks
/// past, otherwise the last one unless the next is near (news announces
/// what is coming within a few months: "payable Nov. 22", "a vote in
/// January").
fn pick_year(anchor: NaiveDate, tense: Tense, slack: i64, at: impl Fn(i32) -> Option<NaiveDate>) -> Option<NaiveDate> {
    let y = anchor.year();
    let c = at(y)?;
    let ahead = (c - anchor).num_days();
    match tense {
        Tense::Past if ahead > slack => at(y - 1),
        Tense::Future if ahead < -RECENT_PAST_DAYS => at(y + 1),
        Tense::Unknown if ahead > NEAR_FUTURE_DAYS => at(y - 1),
        Tense::Unknown if ahead < 0 => match at(y + 1) {
            Some(next) if (next - anchor).num_days() <= NEAR_FUTURE_DAYS => Some(next),
            _ => Some(c),
        },
        _ => Some(c),
    }
}

/// The weekday `wd` (0 = Monday) relative to the anchor.
fn weekday(anchor: NaiveDate, wd: u32, rel: Rel, tense: Tense) -> Option<NaiveDate> {
    let today = anchor.weekday().num_days_from_monday() as i64;
    let back = (today - wd as i64).rem_euclid(7);
    let fwd = (wd as i64 - today).rem_euclid(7);
    let n = match rel {
        Rel::Last => -(if back == 0 { 7 } else { back }),
        Rel::Next => {
            if fwd == 0 {
                7
            } else {
                fwd
            }
        }
        Rel::This | Rel::None if tense == Tense::Future => fwd,
        Rel::This | Rel::None => -back,
    };
    shift_days(anchor, n)
}

fn season(y: i32, s: u32) -> Option<Resolved> {
    let (code, first, last) = match s {
        1 => ("-SP", ymd(y, 3, 1)?, ymd(y, 5, 31)?),
        2 => ("-SU", ymd(y, 6, 1)?, ymd(y, 8, 31)?),
        3 => ("-FA", ymd(y, 9, 1)?, ymd(y, 11, 30)?),
        _ => ("-WI", ymd(y, 12, 1)?, month_end(y + 1, 2)?),
    };
    Some(Resolved { value: year_then(y, code), first, last, granularity: Granularity::Season, absolute: false })
}

/// Resolves one expression.
pub(super) fn resolve(f: &Found, cx: &Context) -> Option<Resolved> {
    let mut r = resolve_expr(&f.expr, f.tense, cx)?;
    apply_part(&mut r, f.part, cx.anchor);
    Some(r)
}

fn resolve_expr(e: &Expr, tense: Tense, cx: &Context) -> Option<Resolved> {
    let anchor = cx.anchor;
    let absolute = |mut r: Resolved| {
        r.absolute = true;
        Some(r)
    };
    match *e {
        Expr::Date { y: Some(y), m, d } => absolute(day(ymd(y, m, d)?)),
        Expr::Date { y: None, m, d } => Some(day(pick_year(anchor?, tense, DATELINE_SLACK_DAYS, |y| ymd(y, m, d))?)),
        Expr::DayOfMonth(d) => {
            // This month's unless that is still ahead of a past clause,
            // beyond a publication date's slack (or already past in a future
            // one): then the month before (after).
            let a = anchor?;
            let first = a.with_day(1)?;
            let at = |n: i32| shift_months(first, n).and_then(|m| ymd(m.year(), m.month(), d));
            let found = match (at(0), tense) {
                (Some(this), Tense::Future) if this >= a => this,
                (_, Tense::Future) => at(1)?,
                (Some(this), _) if (this - a).num_days() <= DATELINE_SLACK_DAYS => this,
                _ => at(-1)?,
            };
            Some(day(found))
        }
        Expr::Month { y: Some(y), m, .. } => absolute(month(y, m)?),
        Expr::Month { y: None, m, rel } => {
            let a = anchor?;
            let am = a.month();
            let y = match rel {
                // "last February" said in March is a year back: the month
                // just past is "last month".
                Rel::Last => a.year() - i32::from(m + 1 >= am),
                Rel::Next => a.year() + i32::from(m <= am),
                Rel::This => a.year(),
                Rel::None if m == am => a.year(),
                Rel::None => pick_year(a, tense, 0, |y| ymd(y, m, 1))?.year(),
            };
            month(y, m)
        }
        Expr::MonthOfYear { m, shift } => month(anchor?.year() + shift, m),
        Expr::Year(y) => absolute(year(y)?),
        Expr::Weekday { wd, rel } => Some(day(weekday(anchor?, wd, rel, tense)?)),
        Expr::DayShift(n) => Some(day(shift_days(anchor?, n as i64)?)),
        Expr::Ago { unit, n } | Expr::UnitShift { unit, n } => {
            let a = anchor?;
            match unit {
                Unit::Day => Some(day(shift_days(a, n as i64)?)),
                Unit::Week => week(shift_days(a, 7 * n as i64)?),
                Unit::Month => {
                    let d = shift_months(a, n)?;
                    month(d.year(), d.month())
                }
                Unit::Quarter => {
                    let (y, q) = shift_quarter(quarter_of(a), n);
                    quarter(y, q)
                }
                Unit::Year if matches!(e, Expr::Ago { .. }) && cx.quarters => {
                    let (y, q) = shift_quarter(quarter_of(a), -1);
                    quarter(y + n, q)
                }
                Unit::Year => year(a.year() + n),
                Unit::Decade => decade(a.year().div_euclid(10) + n),
            }
        }
        Expr::Weekend(rel) => {
            let a = anchor?;
            let sat = match rel {
                Rel::Last => weekday(a, 5, Rel::Last, tense)?,
                Rel::Next => weekday(a, 5, Rel::Next, tense)?,
                _ if a.weekday().num_days_from_monday() == 6 => a.pred_opt()?,
                _ => weekday(a, 5, Rel::None, tense)?,
            };
            let w = sat.iso_week();
            Some(Resolved {
                value: format!("{:04}-W{:02}-WE", w.year(), w.week()),
                first: sat,
                last: sat.succ_opt()?,
                granularity: Granularity::Week,
                absolute: false,
            })
        }
        Expr::Season { s, y: Some(y), .. } => absolute(season(y, s)?),
        Expr::Season { s, y: None, rel } => {
            let a = anchor?.year();
            season(
                match rel {
                    Rel::Last => a - 1,
                    Rel::Next => a + 1,
                    _ => a,
                },
                s,
            )
        }
        Expr::Quarter { q, y, shift } => {
            let (qy, qq) = match q {
                QuarterRef::Ordinal(q) => match y {
                    Some(y) => (y, q),
                    None => (anchor?.year() + shift, q),
                },
                QuarterRef::Current => quarter_of(anchor?),
                QuarterRef::Context | QuarterRef::YearAgo if !cx.quarters => {
                    // "the 2020 period" beside "the six months": that year.
                    let (cy, _) = shift_quarter(quarter_of(anchor?), -1);
                    let r = year(y.unwrap_or(cy + shift))?;
                    return if y.is_some() { absolute(r) } else { Some(r) };
                }
                QuarterRef::Context => {
                    let (cy, cq) = shift_quarter(quarter_of(anchor?), -1);
                    (y.unwrap_or(cy + shift), cq)
                }
                QuarterRef::YearAgo => {
                    let (cy, cq) = shift_quarter(quarter_of(anchor?), -1);
                    return quarter(cy + shift, cq);
                }
            };
            let r = quarter(qy, qq)?;
            if y.is_some() { absolute(r) } else { Some(r) }
        }
        Expr::YearAgoQuarter => {
            let a = anchor?;
            if cx.quarters {
                let (cy, cq) = shift_quarter(quarter_of(a), -1);
                quarter(cy - 1, cq)
            } else {
                year(a.year() - 1)
            }
        }
        Expr::Half { h, y } => {
            let y = match y {
                Some(y) => y,
                None => anchor?.year(),
            };
            Some(Resolved {
                value: format!("{y:04}-H{h}"),
                first: ymd(y, h * 6 - 5, 1)?,
                last: month_end(y, h * 6)?,
                granularity: Granularity::Half,
                absolute: false,
            })
        }
        Expr::Decade(d) => absolute(decade(d)?),
        Expr::DecadeOfCentury(k) => {
            let d = anchor?.year() / 100 * 10 + k;
            resolve_expr(&Expr::Decade(d), tense, cx).map(|mut r| {
                r.absolute = false;
                r
            })
        }
        Expr::Century(c) => absolute(Resolved {
            value: format!("{c:02}"),
            first: ymd(c * 100, 1, 1)?,
            last: ymd(c * 100 + 99, 12, 31)?,
            granularity: Granularity::Century,
            absolute: true,
        }),
        Expr::Anaphor { unit, n } => match unit {
            Unit::Day => Some(day(shift_days(cx.previous_day.or(anchor)?, n as i64)?)),
            Unit::Month => {
                let d = shift_months(cx.previous?.with_day(1)?, n)?;
                month(d.year(), d.month())
            }
            _ => {
                // Counted from a year the text wrote; in a past clause it
                // cannot lie after the anchor.
                let r = year(cx.previous_year?.year() + n)?;
                let future = tense == Tense::Past && anchor.is_some_and(|a| r.first > a);
                (!future).then_some(r)
            }
        },
        Expr::Ref(name) => {
            let a = anchor?;
            let (first, last) = match name {
                "PAST_REF" => (shift_days(a, -365)?, a),
                "FUTURE_REF" => (a, shift_days(a, 365)?),
                _ => (a, a),
            };
            Some(Resolved { value: name.to_string(), first, last, granularity: Granularity::Ref, absolute: false })
        }
    }
}

/// Narrows the covered days to the part named; the value stays (TimeML
/// writes "early September" as `2017-09`).
fn apply_part(r: &mut Resolved, part: Part, anchor: Option<NaiveDate>) {
    let len = (r.last - r.first).num_days();
    let third = len / 3;
    let (first, last) = match part {
        Part::Whole => return,
        Part::Early => (r.first, shift_days(r.first, third)),
        Part::Mid => (shift_days(r.first, third).unwrap_or(r.first), shift_days(r.last, -third)),
        Part::Late => (shift_days(r.last, -third).unwrap_or(r.first), Some(r.last)),
        Part::Before => match anchor {
            Some(a) if a >= r.first && a <= r.last => (r.first, Some(a)),
            _ => return,
        },
        Part::After => match anchor {
            Some(a) if a >= r.first && a <= r.last => (a, Some(r.last)),
            _ => return,
        },
    };
    r.first = first;
    r.last = last.unwrap_or(r.last);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_written_as_format_writes_them() {
        for y in [-262_000, -10_000, -1, 0, 7, 99, 999, 1989, 9999, 10_000, 262_000] {
            assert_eq!(year_then(y, "-SU"), format!("{y:04}-SU"), "year {y}");
            assert_eq!(year_two(y, "-W", 7), format!("{y:04}-W07"), "year {y}");
            for (m, d) in [(1, 1), (3, 9), (12, 31)] {
                let date = ymd(y, m, d).unwrap();
                assert_eq!(day(date).value, date.format("%Y-%m-%d").to_string(), "{date:?}");
            }
        }
    }
}
