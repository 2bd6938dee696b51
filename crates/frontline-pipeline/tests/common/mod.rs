//! What the golden tests on articles coded in the seeds' layout share
//! (`seeds.rs` on `../shared/seeds`, `world.rs` on our own world articles).

use frontline_pipeline::Event;
use serde_json::Value;

/// Great-circle distance in kilometres.
fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = (p2 - p1, (lon2 - lon1).to_radians());
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0088 * a.sqrt().min(1.0).asin()
}

/// Whether an event has the gold event's type, a place within its
/// tolerance, and its date (or a day of its window).
pub fn located(e: &Event, g: &Value) -> bool {
    if e.sub_event_type.as_str() != g["sub_event_type"].as_str().unwrap_or_default() {
        return false;
    }
    let (Some(la), Some(lo)) = (e.latitude, e.longitude) else { return false };
    let f = |k: &str| g[k].as_f64().unwrap_or_default();
    if km(f("lat"), f("lon"), la, lo) > f("tolerance_km") {
        return false;
    }
    let d = e.event_date.to_string();
    match g.get("date_window").and_then(Value::as_array) {
        Some(w) => w[0].as_str().unwrap_or_default() <= d.as_str() && d.as_str() <= w[1].as_str().unwrap_or_default(),
        None => g["date"].as_str() == Some(d.as_str()),
    }
}
