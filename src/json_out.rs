//! A JSON writer for the hot output paths that writes what `serde_json::to_writer` writes, byte
//! for byte, at a fraction of the cost.
//!
//! Why: `earshot classify` spent an eighth to a sixth of its time serialising its output (on
//! 48,450 demo texts, 11.5 k instructions a record of 67 k). serde_json escapes every key and
//! every string one byte at a time, keys included, though a record's keys are fixed. Here keys are
//! written as literal bytes (the caller spells them with their quotes and colon) and strings are
//! scanned eight bytes at a time for the three things JSON escapes (`"`, `\`, control
//! characters). Floats of at most four places (scores, valences, confidences) are spelt from their
//! ten-thousandths; other numbers go through serde_json's own formatter. Both are spelt exactly as
//! serde_json spells them.
//!
//! The equivalence with serde_json is tested on every byte value, on generated strings and on
//! whole records (here and in `cli`).

use serde_json::ser::{CompactFormatter, Formatter};

/// How serde_json escapes the bytes below 0x20: its short forms, else `\u00XX` in lower case.
fn write_control(out: &mut Vec<u8>, b: u8) {
    match b {
        0x08 => out.extend_from_slice(b"\\b"),
        0x09 => out.extend_from_slice(b"\\t"),
        0x0A => out.extend_from_slice(b"\\n"),
        0x0C => out.extend_from_slice(b"\\f"),
        0x0D => out.extend_from_slice(b"\\r"),
        _ => {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xF)]);
        }
    }
}

/// Whether any of the eight bytes in `w` is `"`, `\` or below 0x20 (the classic "has a zero byte"
/// and "has a byte below n" tests; exact, no false positives, for n <= 128).
#[inline]
fn needs_escape(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    (has_zero(w ^ (ONES * u64::from(b'"'))) | has_zero(w ^ (ONES * u64::from(b'\\'))) | below_space)
        != 0
}

/// `s` as a JSON string, quotes included.
pub fn string(out: &mut Vec<u8>, s: &str) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let bytes = s.as_bytes();
    // Start of the bytes not yet copied.
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if i + 8 <= bytes.len() {
            let w = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
            if !needs_escape(w) {
                i += 8;
                continue;
            }
        }
        // A word with something to escape, or the tail: byte by byte up to the next word.
        let stop = (i + 8).min(bytes.len());
        while i < stop {
            let b = bytes[i];
            if b == b'"' || b == b'\\' || b < 0x20 {
                out.extend_from_slice(&bytes[start..i]);
                match b {
                    b'"' => out.extend_from_slice(b"\\\""),
                    b'\\' => out.extend_from_slice(b"\\\\"),
                    _ => write_control(out, b),
                }
                start = i + 1;
            }
            i += 1;
        }
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// A float as serde_json writes it: its shortest round-trip form, `null` when not finite.
///
/// Most floats of a record are rounded to four decimals (scores, valences, confidences): those are
/// spelt from their ten-thousandths, at a fraction of the cost of the general shortest-form search
/// (which had been about a third of writing a record).
pub fn f64(out: &mut Vec<u8>, v: f64) {
    if let Some(k) = ten_thousandths(v) {
        write_ten_thousandths(out, k);
    } else if v.is_finite() {
        CompactFormatter
            .write_f64(out, v)
            .expect("writing to a Vec cannot fail");
    } else {
        out.extend_from_slice(b"null");
    }
}

/// The largest number of ten-thousandths spelt by [`write_ten_thousandths`]: 10^7, so values below
/// a thousand, which serde_json spells without an exponent.
const MAX_TEN_THOUSANDTHS: f64 = 1e7;

/// `v` as a whole number `k` of ten-thousandths, when `v` is the double nearest to `k / 10^4` and
/// `k` is at most [`MAX_TEN_THOUSANDTHS`] in size. Then `k / 10^4`, written with its trailing
/// zeros dropped, is `v`'s shortest round-trip form: any other decimal of at most four places is
/// at least 10^-4 away, far more than the spacing of doubles below a thousand, so it names another
/// double, and a decimal of more places is longer. Negative zero is left to the general path (it
/// is `-0.0`).
fn ten_thousandths(v: f64) -> Option<i64> {
    let k = (v * 10_000.0).round();
    (k.abs() <= MAX_TEN_THOUSANDTHS && k / 10_000.0 == v && (v != 0.0 || v.is_sign_positive()))
        .then_some(k as i64)
}

/// `k / 10^4` as serde_json spells a float: the integer part, a point, and the decimals without
/// trailing zeros, at least one (`1.0`, `-0.5`, `0.8807`).
fn write_ten_thousandths(out: &mut Vec<u8>, k: i64) {
    // Spelt backwards into a buffer, then copied once: sign, at most four integer digits (the
    // value is at most a thousand), the point, at most four decimals.
    let mut buf = [0u8; 10];
    let mut at = buf.len();
    let mut put = |b: u8| {
        at -= 1;
        buf[at] = b;
    };
    let a = k.unsigned_abs();
    let (mut int, mut frac) = (a / 10_000, a % 10_000);
    if frac == 0 {
        put(b'0');
    } else {
        let mut places = 4;
        while frac % 10 == 0 {
            frac /= 10;
            places -= 1;
        }
        for _ in 0..places {
            put(b'0' + (frac % 10) as u8);
            frac /= 10;
        }
    }
    put(b'.');
    loop {
        put(b'0' + (int % 10) as u8);
        int /= 10;
        if int == 0 {
            break;
        }
    }
    if k < 0 {
        put(b'-');
    }
    out.extend_from_slice(&buf[at..]);
}

/// An unsigned integer as serde_json writes it.
pub fn u64(out: &mut Vec<u8>, v: u64) {
    CompactFormatter
        .write_u64(out, v)
        .expect("writing to a Vec cannot fail");
}

/// A list: `[`, each item written by `item` with commas between, `]`.
pub fn list<T>(out: &mut Vec<u8>, items: &[T], mut item: impl FnMut(&mut Vec<u8>, &T)) {
    out.push(b'[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        item(out, x);
    }
    out.push(b']');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(s: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn every_ascii_byte_escapes_as_serde_json_does() {
        for b in 0u8..=0x7F {
            let c = char::from(b);
            // Alone, inside a word-sized run, and at each position of one.
            for s in [
                c.to_string(),
                format!("abcdefg{c}"),
                format!("{c}bcdefghijklmnop"),
                format!("abc{c}{c}defghij{c}"),
            ] {
                assert_eq!(
                    ours(&s),
                    serde_json::to_string(&s).unwrap(),
                    "byte {b:#04x}"
                );
            }
        }
    }

    #[test]
    fn generated_strings_escape_as_serde_json_does() {
        // Every length up to 40, from an alphabet heavy in what needs escaping, plus multi-byte
        // characters (whose bytes are all >= 0x80 and never escaped).
        let alphabet = [
            'a', '"', '\\', '\n', '\u{1}', '\u{1f}', ' ', 'é', '😀', 'ي', '\u{7f}',
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..40 {
            for _ in 0..50 {
                let s: String = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        alphabet[(seed % alphabet.len() as u64) as usize]
                    })
                    .collect();
                assert_eq!(ours(&s), serde_json::to_string(&s).unwrap(), "{s:?}");
            }
        }
    }

    #[test]
    fn numbers_are_spelt_as_serde_json_spells_them() {
        for v in [
            0.0,
            -0.0,
            1.0,
            -0.8807,
            0.925,
            9.8,
            1e21,
            1e-7,
            123456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            let mut out = Vec::new();
            f64(&mut out, v);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&v).unwrap()
            );
        }
        for v in [0, 7, 10, 99, 100, 12_345, u64::MAX] {
            let mut out = Vec::new();
            u64(&mut out, v);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&v).unwrap()
            );
        }
    }

    fn spelt(v: f64) -> String {
        let mut out = Vec::new();
        f64(&mut out, v);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn four_place_floats_are_spelt_as_serde_json_spells_them() {
        // Every value of at most four places below 20 either way (scores, valences, confidences
        // and weights all are), as the rounding in the classifier makes them.
        for k in -200_000i64..=200_000 {
            let v = (k as f64 / 10_000.0 * 10_000.0).round() / 10_000.0;
            assert_eq!(spelt(v), serde_json::to_string(&v).unwrap(), "{k}");
        }
        // Across the fast path's whole range and just past it, values on the grid and off it.
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let k = (seed % 20_000_002) as f64 - 10_000_001.0;
            for v in [
                k / 10_000.0,
                k / 10_000.0 + 1e-9,
                k / 1_000.0,
                k / 100_000.0,
            ] {
                assert_eq!(spelt(v), serde_json::to_string(&v).unwrap(), "{v:e}");
            }
        }
        for v in [
            999.9999,
            1000.0,
            -1000.0,
            1000.0001,
            1e-4,
            -1e-4,
            5e-5,
            0.1 + 0.2,
        ] {
            assert_eq!(spelt(v), serde_json::to_string(&v).unwrap(), "{v:e}");
        }
        // The fast path takes what it is for, and leaves negative zero alone.
        assert_eq!(ten_thousandths(-0.8807), Some(-8807));
        assert_eq!(ten_thousandths(1.0), Some(10_000));
        assert_eq!(ten_thousandths(-0.0), None);
        assert_eq!(ten_thousandths(0.1 + 0.2), None);
    }

    #[test]
    fn the_word_test_finds_exactly_the_bytes_to_escape() {
        // Each byte value at each of the eight positions, among bytes that need nothing.
        for b in 0u8..=255 {
            for pos in 0..8 {
                let mut w = [b'a'; 8];
                w[pos] = b;
                let expect = b == b'"' || b == b'\\' || b < 0x20;
                assert_eq!(
                    needs_escape(u64::from_le_bytes(w)),
                    expect,
                    "{b:#04x} at {pos}"
                );
            }
        }
    }
}
