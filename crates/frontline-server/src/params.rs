//! Query parameters: the event filters (`from`, `to`, `bbox`, `type`,
//! `actor`, `country`, `q`) and paging (`limit`, `cursor`, `sort`), checked
//! here so that every bad value is a 400 `bad_parameter` naming it.

use chrono::NaiveDate;
use frontline_pipeline::model::{EventType, SubEventType};
use frontline_store::query::{Cursor, EventQuery, Sort};

use crate::error::ApiError;

/// Longest accepted text value (actor, country, q, cursor).
const MAX_TEXT: usize = 200;

/// Which parameters an endpoint accepts, and its largest `limit`.
pub struct Accept {
    pub paging: bool,
    pub max_limit: u32,
    pub default_limit: u32,
}

pub const EVENTS: Accept = Accept { paging: true, max_limit: 1000, default_limit: 100 };
pub const POINTS: Accept = Accept { paging: false, max_limit: 50_000, default_limit: 20_000 };
pub const STATS: Accept = Accept { paging: false, max_limit: 0, default_limit: 0 };

/// Parses the query pairs into an [`EventQuery`].
pub fn event_query(pairs: &[(String, String)], accept: &Accept) -> Result<EventQuery, ApiError> {
    let mut q = EventQuery { limit: accept.default_limit, ..EventQuery::default() };
    let mut cursor = None;
    for (key, value) in pairs {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match key.as_str() {
            "from" => q.from = Some(date(key, value)?),
            "to" => q.to = Some(date(key, value)?),
            "bbox" => q.bbox = Some(bbox(value)?),
            "type" => q.event_type = Some(event_type(value)?),
            "actor" => q.actor = Some(text(key, value)?),
            "country" => q.country = Some(text(key, value)?),
            "q" => q.text = Some(text(key, value)?),
            "limit" if accept.max_limit > 0 => q.limit = limit(value, accept.max_limit)?,
            "cursor" if accept.paging => cursor = Some(text(key, value)?),
            "sort" if accept.paging => q.sort = sort(value)?,
            _ => return Err(ApiError::bad_parameter(format!("unknown parameter `{key}`"))),
        }
    }
    if let Some(c) = cursor {
        q.cursor =
            Some(Cursor::parse(&c, q.sort).ok_or_else(|| {
                ApiError::bad_parameter(format!("bad `cursor` {c:?}: pass back the `next` of a page"))
            })?);
    }
    if let (Some(from), Some(to)) = (q.from, q.to)
        && from > to
    {
        return Err(ApiError::bad_parameter(format!("`from` {from} is after `to` {to}")));
    }
    Ok(q)
}

/// Accepts no parameter but `limit` (up to `max`).
pub fn only_limit(pairs: &[(String, String)], max: u32, default: u32) -> Result<u32, ApiError> {
    let mut out = default;
    for (key, value) in pairs {
        match key.as_str() {
            "limit" => out = limit(value.trim(), max)?,
            _ => return Err(ApiError::bad_parameter(format!("unknown parameter `{key}`"))),
        }
    }
    Ok(out)
}

/// Accepts no parameter.
pub fn none(pairs: &[(String, String)]) -> Result<(), ApiError> {
    match pairs.first() {
        Some((key, _)) => Err(ApiError::bad_parameter(format!("unknown parameter `{key}`"))),
        None => Ok(()),
    }
}

/// Accepts only `on` (a date), if anything.
pub fn only_on(pairs: &[(String, String)]) -> Result<Option<NaiveDate>, ApiError> {
    let mut out = None;
    for (key, value) in pairs {
        match key.as_str() {
            "on" => out = Some(date(key, value.trim())?),
            _ => return Err(ApiError::bad_parameter(format!("unknown parameter `{key}`"))),
        }
    }
    Ok(out)
}

fn date(key: &str, value: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| ApiError::bad_parameter(format!("bad `{key}` {value:?}: expected a date YYYY-MM-DD")))
}

fn text(key: &str, value: &str) -> Result<String, ApiError> {
    if value.chars().count() > MAX_TEXT {
        return Err(ApiError::bad_parameter(format!("`{key}` is longer than {MAX_TEXT} characters")));
    }
    Ok(value.to_string())
}

fn bbox(value: &str) -> Result<[f64; 4], ApiError> {
    let bad = |why: &str| ApiError::bad_parameter(format!("bad `bbox` {value:?}: {why}"));
    let parts: Vec<f64> = value
        .split(',')
        .map(|p| p.trim().parse::<f64>().map_err(|_| bad("expected four numbers west,south,east,north")))
        .collect::<Result<_, _>>()?;
    let [w, s, e, n] = parts[..] else { return Err(bad("expected four numbers west,south,east,north")) };
    if !parts.iter().all(|x| x.is_finite()) {
        return Err(bad("numbers must be finite"));
    }
    if !(-180.0..=180.0).contains(&w) || !(-180.0..=180.0).contains(&e) {
        return Err(bad("longitudes must be within -180..180"));
    }
    if !(-90.0..=90.0).contains(&s) || !(-90.0..=90.0).contains(&n) {
        return Err(bad("latitudes must be within -90..90"));
    }
    if w > e || s > n {
        return Err(bad("west must not exceed east, nor south north"));
    }
    Ok([w, s, e, n])
}

/// An ACLED event type or sub-event type, by its exact name (case-insensitive).
fn event_type(value: &str) -> Result<String, ApiError> {
    let names = EventType::ALL.iter().map(|t| t.as_str()).chain(SubEventType::ALL.iter().map(|t| t.as_str()));
    for name in names {
        if name.eq_ignore_ascii_case(value) {
            return Ok(name.to_string());
        }
    }
    Err(ApiError::bad_parameter(format!("bad `type` {value:?}: expected an ACLED event type or sub-event type")))
}

fn limit(value: &str, max: u32) -> Result<u32, ApiError> {
    match value.parse::<u32>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(ApiError::bad_parameter(format!("bad `limit` {value:?}: expected a number from 1 to {max}"))),
    }
}

fn sort(value: &str) -> Result<Sort, ApiError> {
    match value {
        "newest" => Ok(Sort::Newest),
        "oldest" => Ok(Sort::Oldest),
        "deadliest" => Ok(Sort::Deadliest),
        _ => Err(ApiError::bad_parameter(format!("bad `sort` {value:?}: expected newest, oldest or deadliest"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(query: &str, expect: &str) {
        let pairs: Vec<(String, String)> = query
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (k.to_string(), v.to_string())
            })
            .collect();
        let got = match event_query(&pairs, &EVENTS) {
            Ok(q) => format!(
                "from={:?} to={:?} bbox={:?} type={:?} limit={} sort={:?}",
                q.from, q.to, q.bbox, q.event_type, q.limit, q.sort
            ),
            Err(e) => format!("{} {}", e.code, e.message),
        };
        assert_eq!(got, expect, "query {query:?}");
    }

    #[test]
    fn parses_filters_and_names_bad_values() {
        check("", "from=None to=None bbox=None type=None limit=100 sort=Newest");
        check(
            "from=2017-10-01&to=2017-11-30&bbox=38,33,42.5,37&type=air/drone strike&limit=5&sort=oldest",
            "from=Some(2017-10-01) to=Some(2017-11-30) bbox=Some([38.0, 33.0, 42.5, 37.0]) type=Some(\"Air/drone strike\") limit=5 sort=Oldest",
        );
        check(
            "type=Battles&sort=deadliest",
            "from=None to=None bbox=None type=Some(\"Battles\") limit=100 sort=Deadliest",
        );
        check("type=armed clash", "from=None to=None bbox=None type=Some(\"Armed clash\") limit=100 sort=Newest");
        check("from=2017-13-01", "bad_parameter bad `from` \"2017-13-01\": expected a date YYYY-MM-DD");
        check("from=2017-11-02&to=2017-11-01", "bad_parameter `from` 2017-11-02 is after `to` 2017-11-01");
        check("bbox=1,2,3", "bad_parameter bad `bbox` \"1,2,3\": expected four numbers west,south,east,north");
        check(
            "bbox=40,30,39,31",
            "bad_parameter bad `bbox` \"40,30,39,31\": west must not exceed east, nor south north",
        );
        check("bbox=0,-95,1,0", "bad_parameter bad `bbox` \"0,-95,1,0\": latitudes must be within -90..90");
        check("type=war", "bad_parameter bad `type` \"war\": expected an ACLED event type or sub-event type");
        check("limit=0", "bad_parameter bad `limit` \"0\": expected a number from 1 to 1000");
        check("limit=5000", "bad_parameter bad `limit` \"5000\": expected a number from 1 to 1000");
        check("sort=random", "bad_parameter bad `sort` \"random\": expected newest, oldest or deadliest");
        check("cursor=2017-11-01~ev1", "from=None to=None bbox=None type=None limit=100 sort=Newest");
        check("cursor=7~ev1", "bad_parameter bad `cursor` \"7~ev1\": pass back the `next` of a page");
        check("colour=red", "bad_parameter unknown parameter `colour`");
    }
}
