//! Distances between places.

use crate::gazetteer::Place;

/// Whether two places are less than `limit` km apart: [`km`] behind a cheap
/// bound, as the distance is at least the north–south one (1 km of slack
/// for rounding).
pub(super) fn within(a: &Place, b: &Place, limit: f64) -> bool {
    6371.0 * (a.latitude - b.latitude).abs().to_radians() <= limit + 1.0 && km(a, b) < limit
}

/// Great-circle distance in km between two places.
pub fn km(a: &Place, b: &Place) -> f64 {
    great_circle_km(a.latitude, a.longitude, b.latitude, b.longitude)
}

/// Great-circle distance in km between two points (haversine on a sphere
/// of radius 6371 km; the square root is clamped so rounding never asks
/// `asin` of more than 1).
pub fn great_circle_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let (dp, dl) = (p2 - p1, (lon2 - lon1).to_radians());
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}
