//! Distances between places.

use crate::gazetteer::Place;

/// Whether two places are less than `limit` km apart: [`km`] behind a cheap
/// bound, as the distance is at least the north–south one (1 km of slack
/// for rounding).
pub(super) fn within(a: &Place, b: &Place, limit: f64) -> bool {
    6371.0 * (a.latitude - b.latitude).abs().to_radians() <= limit + 1.0 && km(a, b) < limit
}

/// Great-circle distance in km.
pub fn km(a: &Place, b: &Place) -> f64 {
    let (la1, lo1, la2, lo2) =
        (a.latitude.to_radians(), a.longitude.to_radians(), b.latitude.to_radians(), b.longitude.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}
