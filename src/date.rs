//! Calendar dates (`YYYY-MM-DD`) and the period arithmetic of the 民法典.

use crate::locale::en_format;
use std::fmt;

/// A real calendar date in the proleptic Gregorian calendar, years 0001–9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// A date, or `None` when it does not exist (2026-02-29, month 13, year 0).
    pub const fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if year == 0 || year > 9999 || month == 0 || month > 12 || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// A date known to exist, for constants (falls back to 0001-01-01 if it does not).
    pub const fn ymd(year: u16, month: u8, day: u8) -> Date {
        match Date::new(year, month, day) {
            Some(d) => d,
            None => Date {
                year: 1,
                month: 1,
                day: 1,
            },
        }
    }

    /// Reads exactly `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let year = num(0..4)?;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// The year.
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1–12.
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month.
    pub const fn day(self) -> u8 {
        self.day
    }

    /// The end of a period of `months` months starting the day after `self`
    /// (民法典 第二百零一条、第二百零二条): the same day of the month `months` later,
    /// or that month's last day when it has no such day. `None` past 9999-12-31.
    pub fn add_months(self, months: u32) -> Option<Date> {
        let total = (u32::from(self.year) * 12 + u32::from(self.month) - 1).checked_add(months)?;
        let year = u16::try_from(total / 12).ok()?;
        let month = u8::try_from(total % 12 + 1).ok()?;
        if year > 9999 {
            return None;
        }
        let day = self.day.min(days_in_month(year, month));
        Date::new(year, month, day)
    }
}

/// Leap years of the Gregorian calendar.
pub const fn is_leap(year: u16) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`.
pub const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `{:04}-{:02}-{:02}` without the formatting machinery (a verdict writes up to
        // three dates); the year is 1..=9999 by construction.
        let digit = |n: u16| b'0' + (n % 10) as u8;
        let (y, m, d) = (self.year, u16::from(self.month), u16::from(self.day));
        let text = [
            digit(y / 1000),
            digit(y / 100),
            digit(y / 10),
            digit(y),
            b'-',
            digit(m / 10),
            digit(m),
            b'-',
            digit(d / 10),
            digit(d),
        ];
        f.write_str(std::str::from_utf8(&text).unwrap_or("0001-01-01"))
    }
}

impl std::str::FromStr for Date {
    type Err = crate::error::Reason;
    fn from_str(s: &str) -> Result<Date, Self::Err> {
        Date::parse(s).ok_or(crate::error::Reason::Date)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A due date as every message words it (one wording everywhere, revision 3): 「2026-09-30
/// 前（含当日）」, "by 2026-09-30 (that day included)" — the last day counts.
pub fn by_date(d: Date, locale: crate::locale::Locale) -> String {
    match locale {
        crate::locale::Locale::Zh => format!("{d} 前（含当日）"),
        crate::locale::Locale::En => en_format!("by {d} (that day included)", d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(Date::parse("2028-02-29"), Some(Date::ymd(2028, 2, 29)));
        assert_eq!(
            Date::parse("2000-02-29").map(|d| d.to_string()),
            Some("2000-02-29".into())
        );
        assert_eq!(
            Date::parse("9999-12-31").map(|d| d.to_string()),
            Some("9999-12-31".into())
        );
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "0000-01-01",
            "2026-1-01",
            "2026/01/01",
            "20260101",
            "2026-01-01T00:00",
            " 2026-01-01",
            "２０２６-01-01",
            "+026-01-01",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn one_month_periods() {
        let one = |s: &str| {
            Date::parse(s)
                .and_then(|d| d.add_months(1))
                .map(|d| d.to_string())
        };
        assert_eq!(one("2026-07-10"), Some("2026-08-10".into()));
        assert_eq!(one("2026-01-31"), Some("2026-02-28".into()));
        assert_eq!(one("2028-01-31"), Some("2028-02-29".into()));
        assert_eq!(one("2026-03-31"), Some("2026-04-30".into()));
        assert_eq!(one("2026-12-15"), Some("2027-01-15".into()));
        assert_eq!(one("9999-12-01"), None);
        assert_eq!(Date::ymd(2026, 1, 1).add_months(u32::MAX), None);
    }
}
