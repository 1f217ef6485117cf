//! Calendar arithmetic and the timestamp formats that Kinesis and the AWS CLI print.
//!
//! Simulated time is a count of milliseconds since the Unix epoch (UTC), [`Millis`]. Nothing here reads the wall
//! clock: the formats are pure functions, so the same simulated instant always prints the same way.
//!
//! Formats:
//! - [`format_iso`]: what AWS CLI v2 prints for timestamps (Python's `datetime.isoformat()` in UTC):
//!   `2024-01-01T00:00:05.123000+00:00`, or `2024-01-01T00:00:05+00:00` when the milliseconds are zero.
//! - [`format_java_date`]: `java.util.Date#toString` in UTC, used inside some Kinesis error messages:
//!   `Tue Jan 02 03:04:05 UTC 2024`.
//! - [`format_epoch_seconds`]: the JSON wire format, epoch seconds with a millisecond fraction (`1704067205.123`).
//! - [`parse_timestamp`]: what the CLI accepts for a timestamp parameter: ISO-8601 / RFC 3339 (with `Z` or an offset,
//!   or no zone meaning UTC, a date alone meaning midnight) or epoch seconds (`1459799926.480`).

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Millis = i64;

/// One second in milliseconds.
pub const SECOND: Millis = 1_000;
/// One minute in milliseconds.
pub const MINUTE: Millis = 60 * SECOND;
/// One hour in milliseconds.
pub const HOUR: Millis = 60 * MINUTE;
/// One day in milliseconds.
pub const DAY: Millis = 24 * HOUR;

/// The earliest instant the playground accepts (0001-01-01T00:00:00Z), so calendar fields always have four digits.
pub const MIN_MILLIS: Millis = -62_135_596_800_000;
/// The latest instant the playground accepts (9999-12-31T23:59:59.999Z).
pub const MAX_MILLIS: Millis = 253_402_300_799_999;

/// A broken-down UTC date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Civil {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    pub second: u32,
    pub millisecond: u32,
}

/// Days since the epoch for a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day counted from the epoch (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Breaks an instant into UTC calendar fields.
pub fn to_civil(ms: Millis) -> Civil {
    let days = ms.div_euclid(DAY);
    let in_day = ms.rem_euclid(DAY);
    let (year, month, day) = civil_from_days(days);
    Civil {
        year,
        month,
        day,
        hour: (in_day / HOUR) as u32,
        minute: (in_day % HOUR / MINUTE) as u32,
        second: (in_day % MINUTE / SECOND) as u32,
        millisecond: (in_day % SECOND) as u32,
    }
}

/// The instant of UTC calendar fields.
pub fn from_civil(c: &Civil) -> Millis {
    days_from_civil(c.year, c.month, c.day) * DAY
        + i64::from(c.hour) * HOUR
        + i64::from(c.minute) * MINUTE
        + i64::from(c.second) * SECOND
        + i64::from(c.millisecond)
}

/// AWS CLI v2's rendering of a timestamp: `2024-01-01T00:00:05.123000+00:00` (microseconds shown only when non-zero).
pub fn format_iso(ms: Millis) -> String {
    let c = to_civil(ms);
    let mut s = format!("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", c.year, c.month, c.day, c.hour, c.minute, c.second);
    if c.millisecond != 0 {
        s.push_str(&format!(".{:03}000", c.millisecond));
    }
    s.push_str("+00:00");
    s
}

/// A compact UTC rendering for the page: `2024-01-01 00:00:05.123`.
pub fn format_short(ms: Millis) -> String {
    let c = to_civil(ms);
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}:{:02}.{:03}",
        c.year, c.month, c.day, c.hour, c.minute, c.second, c.millisecond
    )
}

/// RFC 3339 in UTC with milliseconds: `2024-01-01T00:00:05.123Z`.
pub fn format_rfc3339(ms: Millis) -> String {
    let c = to_civil(ms);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z",
        c.year, c.month, c.day, c.hour, c.minute, c.second, c.millisecond
    )
}

/// `java.util.Date#toString` in UTC: `Tue Jan 02 03:04:05 UTC 2024`.
pub fn format_java_date(ms: Millis) -> String {
    const DAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let c = to_civil(ms);
    let weekday = DAYS[ms.div_euclid(DAY).rem_euclid(7) as usize];
    format!(
        "{} {} {:02} {:02}:{:02}:{:02} UTC {}",
        weekday,
        MONTHS[(c.month - 1) as usize],
        c.day,
        c.hour,
        c.minute,
        c.second,
        c.year
    )
}

/// Epoch seconds with a millisecond fraction, as the JSON wire carries timestamps: `1704067205.123`, `1704067205`.
pub fn format_epoch_seconds(ms: Millis) -> String {
    let secs = ms.div_euclid(SECOND);
    let frac = ms.rem_euclid(SECOND);
    if frac == 0 {
        format!("{secs}")
    } else {
        let f = format!("{frac:03}");
        format!("{secs}.{}", f.trim_end_matches('0'))
    }
}

/// The wire value of a timestamp as a JSON number (epoch seconds, fractional).
pub fn to_epoch_seconds_f64(ms: Millis) -> f64 {
    ms as f64 / 1000.0
}

/// Rounds a JSON epoch-seconds number to milliseconds; `None` when it is not finite or out of range.
pub fn from_epoch_seconds_f64(secs: f64) -> Option<Millis> {
    if !secs.is_finite() {
        return None;
    }
    let ms = (secs * 1000.0).round();
    if ms < MIN_MILLIS as f64 || ms > MAX_MILLIS as f64 {
        return None;
    }
    Some(ms as Millis)
}

/// Parses a timestamp as the AWS CLI accepts it: RFC 3339 / ISO-8601 (`2016-04-04T19:58:46.480-00:00`,
/// `2024-01-01T00:00:05Z`, `2024-01-01T00:00:05` as UTC, `2024-01-01`) or epoch seconds (`1459799926.480`).
pub fn parse_timestamp(text: &str) -> Option<Millis> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if let Some(ms) = parse_iso(t) {
        return Some(ms);
    }
    let numeric = t.strip_prefix('-').unwrap_or(t);
    if !numeric.is_empty() && numeric.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return crate::lean::parse_f64(t).and_then(from_epoch_seconds_f64);
    }
    None
}

/// Parses an RFC 3339 / ISO-8601 date-time (see [`parse_timestamp`]).
pub fn parse_iso(t: &str) -> Option<Millis> {
    let b = t.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let s = b.get(from..from + len)?;
        if !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(s).ok()?.parse().ok()
    };
    let year = num(0, 4)?;
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let month = num(5, 2)?;
    let day = num(8, 2)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(i64::from(year), month) {
        return None;
    }
    let mut c = Civil { year: i64::from(year), month, day, hour: 0, minute: 0, second: 0, millisecond: 0 };
    let mut i = 10;
    let mut offset_ms: Millis = 0;
    if i < b.len() {
        if !matches!(b[i], b'T' | b't' | b' ') {
            return None;
        }
        c.hour = num(i + 1, 2)?;
        if b.get(i + 3) != Some(&b':') {
            return None;
        }
        c.minute = num(i + 4, 2)?;
        i += 6;
        if b.get(i) == Some(&b':') {
            c.second = num(i + 1, 2)?;
            i += 3;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return None;
            }
            let digits = &t[start..i];
            let padded: String = digits.chars().chain("000".chars()).take(3).collect();
            c.millisecond = padded.parse().ok()?;
        }
        if c.hour > 23 || c.minute > 59 || c.second > 59 {
            return None;
        }
        match b.get(i) {
            None => {}
            Some(b'Z') | Some(b'z') if i + 1 == b.len() => {}
            Some(&sign @ (b'+' | b'-')) => {
                let oh = num(i + 1, 2)?;
                let om = match b.get(i + 3) {
                    Some(b':') => num(i + 4, 2)?,
                    _ => num(i + 3, 2)?,
                };
                let consumed = if b.get(i + 3) == Some(&b':') { 6 } else { 5 };
                if i + consumed != b.len() || oh > 23 || om > 59 {
                    return None;
                }
                let off = i64::from(oh) * HOUR + i64::from(om) * MINUTE;
                offset_ms = if sign == b'+' { off } else { -off };
            }
            _ => return None,
        }
    }
    let ms = from_civil(&c) - offset_ms;
    (MIN_MILLIS..=MAX_MILLIS).contains(&ms).then_some(ms)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Parses a duration such as `1500ms`, `30s`, `5m`, `25h`, `2d`, or a combination like `1h30m`.
pub fn parse_duration(text: &str) -> Option<Millis> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    let mut total: Millis = 0;
    let mut rest = t;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let value: Millis = rest[..digits].parse().ok()?;
        rest = &rest[digits..];
        let unit_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
        let unit = &rest[..unit_len];
        rest = &rest[unit_len..];
        let scale = match unit {
            "ms" => 1,
            "s" | "sec" | "secs" => SECOND,
            "m" | "min" | "mins" => MINUTE,
            "h" | "hr" | "hrs" => HOUR,
            "d" | "day" | "days" => DAY,
            _ => return None,
        };
        total = total.checked_add(value.checked_mul(scale)?)?;
    }
    Some(total)
}

/// A duration for people: `1h 30m`, `25h`, `300ms`, `4m 59.5s`.
pub fn format_duration(ms: Millis) -> String {
    if ms < 0 {
        return format!("-{}", format_duration(-ms));
    }
    if ms < SECOND {
        return format!("{ms}ms");
    }
    let mut parts = Vec::new();
    let days = ms / DAY;
    let hours = ms % DAY / HOUR;
    let minutes = ms % HOUR / MINUTE;
    let secs = ms % MINUTE / SECOND;
    let millis = ms % SECOND;
    if days > 0 {
        parts.push(format!("{days}d"));
    }
    if hours > 0 {
        parts.push(format!("{hours}h"));
    }
    if minutes > 0 {
        parts.push(format!("{minutes}m"));
    }
    if secs > 0 || millis > 0 {
        if millis > 0 {
            let frac = format!("{millis:03}");
            parts.push(format!("{secs}.{}s", frac.trim_end_matches('0')));
        } else {
            parts.push(format!("{secs}s"));
        }
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const JAN_1_2024: Millis = 1_704_067_200_000;

    #[test]
    fn iso_matches_python_isoformat() {
        assert_eq!(format_iso(JAN_1_2024), "2024-01-01T00:00:00+00:00");
        assert_eq!(format_iso(JAN_1_2024 + 5_123), "2024-01-01T00:00:05.123000+00:00");
        assert_eq!(format_iso(1_572_297_168_000), "2019-10-28T21:12:48+00:00");
    }

    #[test]
    fn java_date_matches_kinesis_messages() {
        assert_eq!(format_java_date(1_704_164_645_000), "Tue Jan 02 03:04:05 UTC 2024");
        assert_eq!(format_java_date(0), "Thu Jan 01 00:00:00 UTC 1970");
    }

    #[test]
    fn epoch_seconds_wire_format() {
        assert_eq!(format_epoch_seconds(1_704_067_205_123), "1704067205.123");
        assert_eq!(format_epoch_seconds(1_704_067_205_100), "1704067205.1");
        assert_eq!(format_epoch_seconds(1_704_067_205_000), "1704067205");
        assert_eq!(from_epoch_seconds_f64(1_704_067_205.123), Some(1_704_067_205_123));
        assert_eq!(from_epoch_seconds_f64(f64::NAN), None);
        assert_eq!(from_epoch_seconds_f64(1e300), None);
    }

    #[test]
    fn parses_what_the_cli_accepts() {
        assert_eq!(parse_timestamp("2016-04-04T19:58:46.480-00:00"), Some(1_459_799_926_480));
        assert_eq!(parse_timestamp("1459799926.480"), Some(1_459_799_926_480));
        assert_eq!(parse_timestamp("1459799926"), Some(1_459_799_926_000));
        assert_eq!(parse_timestamp("2024-01-01T00:00:00Z"), Some(JAN_1_2024));
        assert_eq!(parse_timestamp("2024-01-01T02:00:00+02:00"), Some(JAN_1_2024));
        assert_eq!(parse_timestamp("2024-01-01T00:00:00"), Some(JAN_1_2024));
        assert_eq!(parse_timestamp("2024-01-01"), Some(JAN_1_2024));
        assert_eq!(parse_timestamp("2024-01-01T00:00"), Some(JAN_1_2024));
        for bad in ["", "yesterday", "2024-13-01", "2024-02-30", "2024-01-01T25:00:00Z", "2024-01-01Tx", "1-2-3"] {
            assert_eq!(parse_timestamp(bad), None, "{bad}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("1500ms"), Some(1500));
        assert_eq!(parse_duration("30s"), Some(30_000));
        assert_eq!(parse_duration("5m"), Some(300_000));
        assert_eq!(parse_duration("25h"), Some(25 * HOUR));
        assert_eq!(parse_duration("1h30m"), Some(90 * MINUTE));
        assert_eq!(parse_duration("2d"), Some(2 * DAY));
        for bad in ["", "s", "5", "5x", "-5s", "99999999999999999999s"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
        assert_eq!(format_duration(90 * MINUTE), "1h 30m");
        assert_eq!(format_duration(299_500), "4m 59.5s");
        assert_eq!(format_duration(300), "300ms");
    }

    #[test]
    fn civil_round_trip_over_a_wide_range() {
        let mut ms = MIN_MILLIS;
        while ms < MAX_MILLIS {
            let c = to_civil(ms);
            assert_eq!(from_civil(&c), ms);
            assert_eq!(parse_iso(&format_rfc3339(ms)), Some(ms));
            ms += 987_654_321_987;
        }
    }
}
