//! Instants on the wire, as the API writes them: RFC 3339 in UTC, `2026-12-08T23:30:00Z`.
//!
//! Read by hand rather than by chrono's general parser, which would cost every reader's
//! phone some kilobytes of wasm for formats the API never sends.

use chrono::{DateTime, NaiveDate, NaiveTime, SecondsFormat, TimeDelta, Utc};
use serde::{de::Error, Deserialize, Deserializer, Serializer};

pub fn serialize<S: Serializer>(instant: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&instant.to_rfc3339_opts(SecondsFormat::AutoSi, true))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(d)?;
    parse(&text).ok_or_else(|| D::Error::custom(format!("not a UTC instant: {text:?}")))
}

/// An optional instant, for `#[serde(with = "instant::option")]`.
pub mod option {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(
        instant: &Option<DateTime<Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match instant {
            Some(instant) => super::serialize(instant, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
        #[derive(Deserialize)]
        struct Wrapped(#[serde(with = "super")] DateTime<Utc>);
        Ok(Option::<Wrapped>::deserialize(d)?.map(|Wrapped(instant)| instant))
    }
}

/// `YYYY-MM-DDTHH:MM:SS`, an optional fraction of a second, then `Z`.
pub fn parse(text: &str) -> Option<DateTime<Utc>> {
    let body = text.strip_suffix('Z')?;
    let (whole, fraction) = match body.split_once('.') {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (body, ""),
    };
    let b = whole.as_bytes();
    if b.len() != 19
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let number = |from: usize, to: usize| {
        let digits = whole.get(from..to)?;
        digits
            .bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| digits.parse::<u32>().ok())?
    };
    let date = NaiveDate::from_ymd_opt(number(0, 4)? as i32, number(5, 7)?, number(8, 10)?)?;
    let time = NaiveTime::from_hms_opt(number(11, 13)?, number(14, 16)?, number(17, 19)?)?;
    let nanos = if fraction.is_empty() {
        0
    } else if fraction.len() <= 9 && fraction.bytes().all(|c| c.is_ascii_digit()) {
        fraction.parse::<i64>().ok()? * 10_i64.pow(9 - fraction.len() as u32)
    } else {
        return None;
    };
    Some(date.and_time(time).and_utc() + TimeDelta::nanoseconds(nanos))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_chrono_reads_for_the_api_format() {
        for text in [
            "2026-12-08T23:30:00Z",
            "2028-02-29T00:00:59Z",
            "2026-12-08T23:30:00.5Z",
            "2026-12-08T23:30:00.123456789Z",
        ] {
            let ours = parse(text).unwrap();
            let chrono: DateTime<Utc> = text.parse().unwrap();
            assert_eq!(ours, chrono, "{text}");
        }
        for bad in [
            "2026-12-08T23:30:00",
            "2026-12-08 23:30:00Z",
            "2026-02-30T10:00:00Z",
            "2026-12-08T24:00:00Z",
            "2026-12-08T23:30:00+01:00",
            "+026-12-08T23:30:00Z",
            "2026-12-08T23:30:00.Z",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn writes_what_it_reads() {
        let t = parse("2026-12-08T23:30:00Z").unwrap();
        let json = serde_json::to_string(&Wrapper(t)).unwrap();
        assert_eq!(json, "\"2026-12-08T23:30:00Z\"");
    }

    #[derive(serde::Serialize)]
    struct Wrapper(#[serde(with = "super")] DateTime<Utc>);
}
