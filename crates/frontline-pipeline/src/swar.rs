//! Eight bytes at a time: the word tests the byte scanners of `clean` and
//! the mention writer in `model` share (SIMD within a register, no unsafe).

/// Repeated in every byte, for the per-byte tests.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Eight bytes as one little-endian word (`chunk` is exactly eight long).
pub(crate) fn word(chunk: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(chunk);
    u64::from_le_bytes(w)
}

/// Whether every byte of the word is ASCII.
pub(crate) fn all_ascii(x: u64) -> bool {
    x & HIGH == 0
}

/// Whether some byte of the word equals `b`: a zero byte in `x ^ b*ONES`.
pub(crate) fn has_byte(x: u64, b: u8) -> bool {
    let y = x ^ (u64::from(b) * ONES);
    y.wrapping_sub(ONES) & !y & HIGH != 0
}

/// Whether some byte of the word is an ASCII digit.
pub(crate) fn has_digit(x: u64) -> bool {
    let y = x & !HIGH;
    // Bytes from '0' and bytes past '9' (no carry: y ≤ 0x7f).
    let from_0 = y.wrapping_add(u64::from(0x80 - b'0') * ONES);
    let past_9 = y.wrapping_add(u64::from(0x80 - b'9' - 1) * ONES);
    from_0 & !past_9 & !x & HIGH != 0
}

/// Whether some byte of `bytes` is an ASCII digit.
pub(crate) fn any_digit(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(8);
    chunks.any(|c| has_digit(word(c))) || chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// Whether some byte of the word is below `n` (exact for `n` ≤ 0x80).
pub(crate) fn has_below(x: u64, n: u8) -> bool {
    x.wrapping_sub(u64::from(n) * ONES) & !x & HIGH != 0
}

/// The high bit of each byte of `x` that is an ASCII letter or digit: the
/// byte with its case bit set is tested against `a..=z`, its low seven bits
/// against `0..=9`, by additions that cannot carry between bytes.
pub(crate) fn alnum(x: u64) -> u64 {
    let l = (x | (0x20 * ONES)) & !HIGH;
    let letter = (l + 0x1f * ONES) & !(l + 0x05 * ONES);
    let d = x & !HIGH;
    let digit = (d + 0x50 * ONES) & !(d + 0x46 * ONES);
    (letter | digit) & !x & HIGH
}

/// The end of the run of ASCII letters and digits that goes on at byte
/// `i` of `b`, eight bytes at a time.
pub(crate) fn alnum_end(b: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = b.get(i..i + 8) {
        let other = !alnum(word(chunk)) & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < b.len() && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_byte_at_each_place_is_seen() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"plain  x";
                chunk[at] = b;
                let x = word(&chunk);
                assert!(has_byte(x, b), "byte {b} at {at}");
                assert_eq!(has_byte(x, b'`'), chunk.contains(&b'`'), "backtick, byte {b} at {at}");
                assert_eq!(has_below(x, 0x20), chunk.iter().any(|&c| c < 0x20), "byte {b} at {at}");
                assert_eq!(all_ascii(x), chunk.is_ascii(), "byte {b} at {at}");
                assert_eq!(has_digit(x), chunk.iter().any(u8::is_ascii_digit), "byte {b} at {at}");
                assert_eq!(any_digit(&chunk[at..]), chunk[at..].iter().any(u8::is_ascii_digit), "byte {b} at {at}");
                let alnum_at = |k: usize| alnum(x) >> (8 * k + 7) & 1 == 1;
                assert!((0..8).all(|k| alnum_at(k) == chunk[k].is_ascii_alphanumeric()), "byte {b} at {at}");
                let run = format!("ab{}cd", String::from_utf8_lossy(&chunk));
                let end = run.bytes().skip(1).position(|c| !c.is_ascii_alphanumeric()).map_or(run.len(), |p| p + 1);
                assert_eq!(alnum_end(run.as_bytes(), 1), end, "byte {b} at {at}");
            }
        }
    }
}
