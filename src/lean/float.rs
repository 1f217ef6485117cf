//! `f64` to text without core's `flt2dec` (Grisu and Dragon4, their tables and the `fmt::float` glue: about 16 KB of
//! wasm).
//!
//! [`Shortest`] prints what `{}` prints (the shortest digits that read back as the same `f64`, never an exponent);
//! the digits come from serde_json's formatter (zmij), which the page carries anyway; [`Exp`] prints them as `{:e}`
//! does. [`Fixed`] prints what `{:.N}`
//! prints: the exact binary value rounded to `N` decimals, ties to even, worked out in integers (`u128`, and a small
//! decimal big number for values of 2^75 and more). Both write `NaN`, `inf` and `-inf` as std does and keep the sign
//! of negative zero. They ignore width, fill and sign flags: no caller uses them on a float.

use std::fmt;

/// `format!("{x}")`, without core's float formatting.
#[derive(Clone, Copy, Debug)]
pub struct Shortest(pub f64);

/// `format!("{x:e}")`, without core's float formatting.
#[derive(Clone, Copy, Debug)]
pub struct Exp(pub f64);

/// `format!("{x:.prec$}")` (`Fixed(x, prec)`), without core's float formatting.
#[derive(Clone, Copy, Debug)]
pub struct Fixed(pub f64, pub usize);

impl fmt::Display for Shortest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if let Some(special) = special(x) {
            return f.write_str(special);
        }
        let (digits, exp) = shortest_digits(x);
        let mut out = String::new();
        if x.is_sign_negative() {
            out.push('-');
        }
        layout(&mut out, &digits, exp, 0);
        f.write_str(&out)
    }
}

impl fmt::Display for Exp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        if let Some(special) = special(x) {
            return f.write_str(special);
        }
        let (digits, exp) = shortest_digits(x);
        let sign = if x.is_sign_negative() { "-" } else { "" };
        let (first, rest) = digits.split_at(digits.len().min(1));
        let point = if rest.is_empty() { "" } else { "." };
        let first = if first.is_empty() { "0" } else { first };
        write!(f, "{sign}{first}{point}{rest}e{}", if digits.is_empty() { 0 } else { exp - 1 })
    }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (x, prec) = (self.0, self.1);
        if let Some(special) = special(x) {
            return f.write_str(special);
        }
        let mut out = String::new();
        if x.is_sign_negative() {
            out.push('-');
        }
        let (digits, exp) = fixed_digits(x.abs(), prec);
        layout(&mut out, &digits, exp, prec);
        f.write_str(&out)
    }
}

fn special(x: f64) -> Option<&'static str> {
    if x.is_nan() {
        Some("NaN")
    } else if x.is_infinite() {
        Some(if x < 0.0 { "-inf" } else { "inf" })
    } else {
        None
    }
}

/// Writes the number `0.DIGITS × 10^exp` (digits without leading zeros, or empty for zero) in positional notation
/// with at least `min_frac` decimals: `1234`, `0.001`, `12.50`.
fn layout(out: &mut String, digits: &str, exp: i32, min_frac: usize) {
    let int_len = exp.max(0) as usize;
    if digits.is_empty() || exp <= 0 {
        out.push('0');
    } else if digits.len() >= int_len {
        out.push_str(&digits[..int_len]);
    } else {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', int_len - digits.len()));
    }
    let lead = (-exp).max(0) as usize;
    let frac = if digits.is_empty() { "" } else { digits.get(int_len..).unwrap_or("") };
    let frac_len = if frac.is_empty() { 0 } else { lead + frac.len() };
    let width = frac_len.max(min_frac);
    if width > 0 {
        out.push('.');
        if frac_len > 0 {
            out.extend(std::iter::repeat_n('0', lead));
            out.push_str(frac);
        }
        out.extend(std::iter::repeat_n('0', width - frac_len));
    }
}

/// The shortest round-trip digits of a finite `x` and its decimal exponent (`x = ±0.DIGITS × 10^exp`); zero has no
/// digits. zmij prints `1.5`, `1e16`, `1.2345e-7`: the digits are read back from its text.
fn shortest_digits(x: f64) -> (String, i32) {
    let text = serde_json::Number::from_f64(x.abs()).map(|n| n.to_string()).unwrap_or_default();
    let (mantissa, e) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.trim_start_matches('+').parse::<i32>().unwrap_or(0)),
        None => (text.as_str(), 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all: String = int.chars().chain(frac.chars()).collect();
    let trimmed = all.trim_start_matches('0');
    let leading_zeros = (all.len() - trimmed.len()) as i32;
    let digits = trimmed.trim_end_matches('0');
    if digits.is_empty() {
        return (String::new(), 0);
    }
    let exp = int.len() as i32 - leading_zeros + e;
    // When the exact value lies halfway between two shortest candidates, std takes the upper one and zmij may take
    // the lower: then the exact digits are ours plus a final 5.
    if let Some(exact) = exact_digits(x.abs()) {
        if exact.len() == digits.len() + 1 && exact.ends_with('5') && exact.starts_with(digits) {
            return round_up(digits, exp);
        }
    }
    (digits.to_owned(), exp)
}

/// `0.DIGITS × 10^exp` plus one unit in the last digit, trailing zeros dropped.
fn round_up(digits: &str, exp: i32) -> (String, i32) {
    let mut bytes = digits.as_bytes().to_vec();
    while let Some(last) = bytes.pop() {
        if last != b'9' {
            bytes.push(last + 1);
            return (String::from_utf8_lossy(&bytes).into_owned(), exp);
        }
    }
    ("1".to_owned(), exp + 1)
}

/// The exact significant digits of a finite `x > 0` (trailing zeros dropped), when there are at most 18 of them:
/// only then can it lie halfway between two candidates of 17 digits or fewer.
fn exact_digits(x: f64) -> Option<String> {
    let (mut m, mut e) = decompose(x);
    if m == 0 {
        return None;
    }
    while e < 0 && m & 1 == 0 {
        m >>= 1;
        e += 1;
    }
    let text = if e >= 0 {
        let mut n = Big::from(u128::from(m));
        n.mul_pow2(e as u32);
        n.to_decimal()
    } else if e >= -30 {
        // m / 2^k = m × 5^k / 10^k: m × 5^30 < 2^53 × 2^70 fits in u128. Past k = 30 an odd m has over 20 digits.
        (u128::from(m) * 5u128.pow((-e) as u32)).to_string()
    } else {
        return None;
    };
    let digits = text.trim_end_matches('0');
    (digits.len() <= 18).then(|| digits.to_owned())
}

/// `x` (finite, not negative) rounded to `prec` decimals, ties to even, as digits and a decimal exponent
/// (`0.DIGITS × 10^exp`, digits without leading zeros, trailing zeros kept up to the last decimal asked for).
fn fixed_digits(x: f64, prec: usize) -> (String, i32) {
    let (m, e) = decompose(x);
    // x = m × 2^e. The integer N = round(x × 10^prec), then the digits of N with the point `prec` from the right.
    let n = if m == 0 {
        Big::zero()
    } else if e >= 0 {
        let mut n = Big::from(u128::from(m));
        n.mul_pow2(e as u32);
        n.mul_pow10(prec);
        n
    } else {
        // N = m × 10^prec / 2^k, rounded half to even.
        let mut num = Big::from(u128::from(m));
        num.mul_pow10(prec);
        num.div_pow2_round_even((-e) as u32)
    };
    let text = n.to_decimal();
    if text == "0" {
        return (String::new(), 0);
    }
    let exp = text.len() as i32 - prec as i32;
    (text, exp)
}

/// `x = m × 2^e` for a finite `x` (its sign dropped), `m` below 2^53.
fn decompose(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    }
}

/// A non-negative integer in base 10^9 limbs, least significant first: just enough arithmetic for [`Fixed`].
struct Big(Vec<u32>);

const LIMB: u64 = 1_000_000_000;

impl Big {
    fn zero() -> Big {
        Big(Vec::new())
    }

    fn from(mut v: u128) -> Big {
        let mut limbs = Vec::new();
        while v > 0 {
            limbs.push((v % u128::from(LIMB)) as u32);
            v /= u128::from(LIMB);
        }
        Big(limbs)
    }

    fn mul_small(&mut self, by: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(by) + carry;
            *limb = (v % LIMB) as u32;
            carry = v / LIMB;
        }
        while carry > 0 {
            self.0.push((carry % LIMB) as u32);
            carry /= LIMB;
        }
    }

    fn mul_pow2(&mut self, mut e: u32) {
        while e > 0 {
            let step = e.min(30);
            self.mul_small(1 << step);
            e -= step;
        }
    }

    fn mul_pow10(&mut self, mut p: usize) {
        while p > 0 {
            let step = p.min(9);
            self.mul_small(10u32.pow(step as u32));
            p -= step;
        }
    }

    /// Divides by 2^k, rounding half to even.
    fn div_pow2_round_even(mut self, mut k: u32) -> Big {
        // Halve k times, remembering the last bit shifted out (half) and whether any bit below it was set (sticky).
        let (mut half, mut sticky) = (false, false);
        while k > 0 && !self.0.is_empty() {
            let step = k.min(30);
            let mut rem = 0u64;
            for limb in self.0.iter_mut().rev() {
                let v = rem * LIMB + u64::from(*limb);
                *limb = (v >> step) as u32;
                rem = v & ((1 << step) - 1);
            }
            sticky |= half || rem & ((1 << (step - 1)) - 1) != 0;
            half = rem >> (step - 1) == 1;
            while self.0.last() == Some(&0) {
                self.0.pop();
            }
            k -= step;
        }
        if k > 0 {
            // Shifted out entirely before k ran out: what is left is below one half.
            return Big::zero();
        }
        let odd = self.0.first().is_some_and(|l| l & 1 == 1);
        if half && (sticky || odd) {
            self.add_one();
        }
        self
    }

    fn add_one(&mut self) {
        for limb in &mut self.0 {
            if *limb + 1 < LIMB as u32 {
                *limb += 1;
                return;
            }
            *limb = 0;
        }
        self.0.push(1);
    }

    fn to_decimal(&self) -> String {
        let Some((top, rest)) = self.0.split_last() else { return "0".to_owned() };
        let mut out = top.to_string();
        for limb in rest.iter().rev() {
            let s = limb.to_string();
            out.extend(std::iter::repeat_n('0', 9 - s.len()));
            out.push_str(&s);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::{Exp, Fixed, Shortest};

    fn samples() -> Vec<f64> {
        let mut v = vec![
            0.0,
            -0.0,
            0.25,
            0.125,
            2.5,
            0.5,
            1.5,
            -0.01,
            1e300,
            1e16,
            1.0,
            1.234_567_890_123_456_8e20,
            0.1 + 0.2,
            1e-7,
            5e-324,
            f64::MIN_POSITIVE,
            f64::MAX,
            -f64::MAX,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            99.95,
            0.05,
            1.005,
            9.995,
            1048575.0 / 1048576.0,
            1_658_206_780_088_562.0 + 0.25,
            233_115_890_514_796.0 + 0.125,
            9.5,
            0.95,
            12.5,
            100.0,
            1e21,
            1e22,
            1e23,
            123.456,
            0.000123,
            1704067205.123,
        ];
        // A seeded xorshift over bit patterns (all magnitudes) and over "everyday" values.
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        for i in 0..20_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            v.push(if i % 2 == 0 {
                f64::from_bits(s)
            } else {
                (s % 10_000_000) as f64 / [1.0, 8.0, 100.0, 1024.0, 3.0][i % 5]
            });
        }
        v
    }

    #[test]
    fn shortest_and_exp_match_std_display_and_lower_exp() {
        for x in samples() {
            assert_eq!(Shortest(x).to_string(), format!("{x}"), "{:?}", x.to_bits());
            assert_eq!(Exp(x).to_string(), format!("{x:e}"), "{:?}", x.to_bits());
        }
    }

    #[test]
    fn fixed_matches_std_precision() {
        for x in samples() {
            for prec in [0, 1, 2, 3, 4, 6, 17, 25] {
                assert_eq!(Fixed(x, prec).to_string(), format!("{x:.prec$}"), "{:?} {prec}", x.to_bits());
            }
        }
    }
}
