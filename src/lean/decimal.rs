//! A decimal-to-`f64` parser without core's `dec2flt` (about 15 KB of wasm).
//!
//! It accepts what `str::parse::<f64>` accepts (an optional sign, then digits with an optional point and an optional
//! exponent, or `inf`, `infinity`, `nan` in any case) and rejects the rest. Inputs of at most 19 significant digits
//! times a power of ten from 10^-21 up to what 128-bit integers hold (timestamps, sizes, shares, speeds: every
//! number a learner types) come out exactly as `str::parse` gives them, correctly rounded. Others (more than 19
//! significant digits, or tiny or huge exponents) go through serde_json's number parser, which the page carries
//! anyway; it can differ from the correctly rounded value in the last bit or two.

/// 10^0 ..= 10^22: every one is exact in an `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Parses `text` as `str::parse::<f64>` would (see the module docs for the rounding of unusual inputs).
pub fn parse_f64(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let (negative, rest) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    if rest.eq_ignore_ascii_case(b"inf") || rest.eq_ignore_ascii_case(b"infinity") {
        return Some(sign * f64::INFINITY);
    }
    if rest.eq_ignore_ascii_case(b"nan") {
        return Some(f64::NAN);
    }
    let mut i = 0;
    // Significant digits (leading zeros skipped), at most 19 kept in `mantissa`.
    let mut mantissa: u64 = 0;
    let mut kept = 0usize;
    let mut dropped_nonzero = false;
    // Digits seen, and where the point was (as a count of digits before it).
    let mut exp10: i64 = 0;
    let mut any_digit = false;
    let mut seen_point = false;
    while i < rest.len() {
        match rest[i] {
            d @ b'0'..=b'9' => {
                any_digit = true;
                if mantissa == 0 && d == b'0' {
                    if seen_point {
                        exp10 -= 1;
                    }
                } else if kept < 19 {
                    mantissa = mantissa * 10 + u64::from(d - b'0');
                    kept += 1;
                    if seen_point {
                        exp10 -= 1;
                    }
                } else {
                    dropped_nonzero |= d != b'0';
                    if !seen_point {
                        exp10 += 1;
                    }
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if !any_digit {
        return None;
    }
    if i < rest.len() {
        if rest[i] != b'e' && rest[i] != b'E' {
            return None;
        }
        i += 1;
        let (exp_negative, digits) = match rest.get(i) {
            Some(b'-') => (true, &rest[i + 1..]),
            Some(b'+') => (false, &rest[i + 1..]),
            _ => (false, &rest[i..]),
        };
        if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        // Saturate: an exponent past a few thousand means 0 or infinity whatever the digits are.
        let e = digits.iter().fold(0i64, |acc, d| (acc * 10 + i64::from(d - b'0')).min(1_000_000));
        exp10 += if exp_negative { -e } else { e };
    }
    if mantissa == 0 {
        return Some(sign * 0.0);
    }
    if !dropped_nonzero {
        if let Some(value) = exact(mantissa, exp10) {
            return Some(sign * value);
        }
    }
    // The decimal exponent of the leading digit: past f64's range the answer is infinity or zero.
    let magnitude = exp10 + kept as i64 - 1;
    if magnitude > 308 {
        return Some(sign * f64::INFINITY);
    }
    if magnitude < -343 {
        return Some(sign * 0.0);
    }
    let json = format!("{mantissa}e{exp10}");
    match serde_json::from_str::<serde_json::Value>(&json).ok().and_then(|v| v.as_f64()) {
        Some(v) => Some(sign * v),
        // serde_json refuses what overflows; underflow comes back as 0.
        None => Some(sign * if magnitude > 0 { f64::INFINITY } else { 0.0 }),
    }
}

/// `mantissa * 10^exp10` correctly rounded, when 128-bit integers hold the work: Clinger's fast path (a mantissa
/// below 2^53 and a power of ten up to 10^22, both exact in an `f64`: one rounding), else an exact product below
/// 2^128 (`u128 as f64` rounds once), else a quotient of at least 55 bits with the remainder as a sticky bit.
fn exact(mantissa: u64, exp10: i64) -> Option<f64> {
    if mantissa < (1 << 53) && exp10.abs() <= 22 {
        let m = mantissa as f64;
        return Some(if exp10 >= 0 { m * POW10[exp10 as usize] } else { m / POW10[(-exp10) as usize] });
    }
    if exp10 >= 0 {
        let scale = 10u128.checked_pow(u32::try_from(exp10).ok()?)?;
        return Some(u128::from(mantissa).checked_mul(scale)? as f64);
    }
    // 10^21 < 2^70, so the quotient below keeps at least 127 - 70 - 1 = 56 bits.
    let divisor = 10u128.checked_pow(u32::try_from(-exp10).ok()?).filter(|d| *d < (1 << 70))?;
    let shift = 127 - (64 - mantissa.leading_zeros());
    let numerator = u128::from(mantissa) << shift;
    let (q, r) = (numerator / divisor, numerator % divisor);
    // The remainder only matters as "a little more than q": a set lowest bit, below the rounding position.
    let q = q | u128::from(r != 0);
    // q * 2^-shift: q's rounding to 53 bits is the only rounding (2^-shift is exact and the result is normal).
    Some((q as f64) * f64::powi(2.0, -(shift as i32)))
}

#[cfg(test)]
mod tests {
    use super::parse_f64;

    fn std_parse(s: &str) -> Option<f64> {
        s.parse::<f64>().ok()
    }

    fn same(a: Option<f64>, b: Option<f64>) -> bool {
        match (a, b) {
            (Some(x), Some(y)) => (x.is_nan() && y.is_nan()) || x.to_bits() == y.to_bits(),
            (None, None) => true,
            _ => false,
        }
    }

    #[test]
    fn agrees_with_std_on_the_grammar_and_on_fast_path_values() {
        for s in [
            "0",
            "-0",
            "+0",
            "1",
            "-1",
            "1.",
            ".5",
            "-.5",
            "0.1",
            "1.5",
            "3.14159",
            "1e3",
            "1E3",
            "1e+3",
            "1e-3",
            "2.5e-7",
            "1459799926.480",
            "1700000000.123",
            "100",
            "0.000001",
            "123456789012345678",
            "9007199254740991",
            "inf",
            "-inf",
            "Infinity",
            "INF",
            "+infinity",
            "nan",
            "NaN",
            "-nan",
            "",
            ".",
            "-",
            "+",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "1x",
            " 1",
            "1 ",
            "--1",
            "0x10",
            "1_000",
            "1,5",
            "١",
            "00012.5000",
            "1e22",
            "1e-22",
        ] {
            assert!(same(parse_f64(s), std_parse(s)), "{s:?}: {:?} vs {:?}", parse_f64(s), std_parse(s));
        }
    }

    #[test]
    fn out_of_range_values_saturate_as_std_does() {
        for s in ["1e400", "-1e400", "1e-400", "-1e-400", "1e1000000000000", "0e999999", "1e-99999999999"] {
            assert!(same(parse_f64(s), std_parse(s)), "{s:?}: {:?} vs {:?}", parse_f64(s), std_parse(s));
        }
    }

    #[test]
    fn values_beyond_128_bit_work_are_within_two_bits_of_std() {
        for s in [
            "1e300",
            "1.7976931348623157e308",
            "2.2250738585072014e-308",
            "123456789012345678901234567890",
            "0.1234567890123456789012345",
            "6.02214076e23",
            "1e23",
            "4.9e-324",
            "5e-324",
            "1e-310",
        ] {
            let (ours, theirs) = (parse_f64(s).unwrap(), std_parse(s).unwrap());
            let ulps = (ours.to_bits() as i64 - theirs.to_bits() as i64).abs();
            assert!(ulps <= 2, "{s}: {ours:e} vs {theirs:e}");
        }
    }

    #[test]
    fn random_decimals_in_the_common_shape_are_exact() {
        // A small deterministic generator (no OS randomness): digits, a point somewhere, an exponent now and then.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..50_000 {
            let digits = (next() % 19 + 1) as usize;
            let mut s: String = (0..digits).map(|_| char::from(b'0' + (next() % 10) as u8)).collect();
            let point = (next() % (digits as u64 + 1)) as usize;
            s.insert(point, '.');
            if next() % 3 == 0 {
                s.push_str(&format!("e{}", (next() % 6) as i64 - 2));
            }
            if next() % 2 == 0 {
                s.insert(0, '-');
            }
            let theirs = std_parse(&s);
            let ours = parse_f64(&s);
            if s.trim_start_matches('-') == "." {
                assert_eq!(ours, None);
                continue;
            }
            assert!(same(ours, theirs), "{s}: {ours:?} vs {theirs:?}");
        }
    }
}
