//! Exact amounts in 万元 (10,000 yuan) and numbers of years.
//!
//! Every amount is a [`rust_decimal::Decimal`]; no `f32`/`f64` arithmetic touches money.
//! A JSON *number* is read as JavaScript reads it — the IEEE double it denotes, taken
//! by its shortest decimal text — so a browser and a server that receive the same JSON
//! see the same amount (`0.1` is exactly 0.1). Decimal *strings* are read exactly.

use crate::error::Reason;
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::fmt;

/// The largest amount accepted: 1e12 万元.
pub const MAX_MONEY: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
/// At most six decimal places: one fen is 0.000001 万元.
pub const MAX_SCALE: u32 = 6;

/// A non-negative amount in 万元 with at most six decimal places, at most 1e12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

impl Money {
    /// Zero.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// An amount from a decimal, checked (≥ 0, ≤ 6 places once trailing zeros are
    /// dropped, ≤ 1e12) and normalized.
    ///
    /// # Errors
    /// The [`Reason`] the value is refused for.
    pub fn new(d: Decimal) -> Result<Money, Reason> {
        let d = d.normalize();
        if d.is_sign_negative() && !d.is_zero() {
            return Err(Reason::Negative);
        }
        if d.scale() > MAX_SCALE {
            return Err(Reason::TooPrecise);
        }
        if d > MAX_MONEY {
            return Err(Reason::TooBig);
        }
        Ok(Money(d.abs()))
    }

    /// Whole 万元, for constants.
    pub const fn wan(n: u32) -> Money {
        Money(Decimal::from_parts(n, 0, 0, false, 0))
    }

    /// Reads a decimal string such as `"1280.5"` (digits with at most one `.`).
    ///
    /// # Errors
    /// The [`Reason`] the text is refused for.
    pub fn parse(text: &str) -> Result<Money, Reason> {
        Money::new(parse_plain_decimal(text).ok_or(Reason::Money)?)
    }

    /// The exact decimal.
    pub const fn get(self) -> Decimal {
        self.0
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::str::FromStr for Money {
    type Err = Reason;
    fn from_str(s: &str) -> Result<Money, Reason> {
        Money::parse(s)
    }
}

impl serde::Serialize for Money {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_decimal(&self.0, s)
    }
}

/// Serializes a decimal as the string its `Display` writes (what `collect_str` gives),
/// without the formatting machinery: ~500 instructions an amount otherwise, and a change
/// verdict writes about twenty.
pub(crate) fn serialize_decimal<S: serde::Serializer>(
    d: &Decimal,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(plain_text(*d, &mut [0; 64]).unwrap_or_default())
}

/// `d` as `Decimal`'s `Display` writes it, for messages (`to_string` without the
/// formatting machinery).
pub(crate) fn decimal_text(d: Decimal) -> String {
    plain_text(d, &mut [0; 64]).unwrap_or_default().to_owned()
}

/// The text `Decimal`'s `Display` writes: `-` for a negative sign, then the mantissa's
/// digits with the point `scale` places from the right (`0.05`, `1280.50`, `0`). Never
/// `None`: a decimal has at most 29 digits and a scale of at most 28, so its text is at
/// most 31 bytes.
fn plain_text(d: Decimal, buf: &mut [u8; 64]) -> Option<&str> {
    let negative = d.is_sign_negative();
    let scale = usize::try_from(d.scale()).ok()?;
    let mut m = d.mantissa().unsigned_abs();
    // The digits, least significant first, padded with zeros to at least `scale` digits.
    let mut digits = [b'0'; 40];
    let mut n = 0;
    while m > 0 {
        *digits.get_mut(n)? = b'0' + (m % 10) as u8;
        m /= 10;
        n += 1;
    }
    let n = n.max(scale);
    let whole = n - scale;
    let mut len = 0;
    let mut put = |c: u8| -> Option<()> {
        *buf.get_mut(len)? = c;
        len += 1;
        Some(())
    };
    if negative {
        put(b'-')?;
    }
    if whole == 0 {
        put(b'0')?;
    }
    for i in 0..n {
        if i == whole && scale > 0 {
            put(b'.')?;
        }
        put(*digits.get(n - 1 - i)?)?;
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}

/// Reads `[+]digits[.digits]` exactly; `None` for anything else (signs other than a
/// lone leading `-`, exponents, separators, blanks).
pub(crate) fn parse_plain_decimal(text: &str) -> Option<Decimal> {
    let (neg, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    if int.is_empty() || !int.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    if body.contains('.') && (frac.is_empty() || !frac.bytes().all(|c| c.is_ascii_digit())) {
        return None;
    }
    // Trailing zeros of the fraction carry no value ("1.5000000" is 1.5).
    let frac = frac.trim_end_matches('0');
    let int = int.trim_start_matches('0');
    if int.len() + frac.len() > 28 {
        // Beyond Decimal's 96-bit mantissa: far above the 1e12 limit or far finer than
        // one fen — either way refused by the caller's checks, a negative one as
        // negative (its sign is the first thing wrong with it).
        return Some(match (int.len() > 13, neg) {
            (true, false) => Decimal::MAX,
            (true, true) => Decimal::MIN,
            (false, false) => Decimal::new(1, 28),
            (false, true) => Decimal::new(-1, 28),
        });
    }
    let mut mantissa: i128 = 0;
    for c in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa * 10 + i128::from(c - b'0');
    }
    let scale = u32::try_from(frac.len()).ok()?;
    let d =
        Decimal::try_from_i128_with_scale(if neg { -mantissa } else { mantissa }, scale).ok()?;
    Some(d)
}

/// Reads a JSON number's text as JavaScript does: the double it denotes, by its shortest
/// decimal text. Up to 15 significant digits the text already is that shortest text and
/// is read directly.
///
/// # Errors
/// [`Reason::NonFinite`] for a number beyond the double range (`1e400`),
/// [`Reason::Money`] for text that is no number.
pub(crate) fn parse_json_number(text: &str) -> Result<Decimal, Reason> {
    let simple = !text.contains(['e', 'E']);
    if simple {
        let significant = text
            .bytes()
            .filter(u8::is_ascii_digit)
            .skip_while(|&c| c == b'0')
            .count();
        if significant <= 15 {
            return parse_plain_decimal(text).ok_or(Reason::Money);
        }
    }
    via_double(text)
}

/// Native: the text may be any JSON number, so it goes through the double it denotes.
#[cfg(not(target_arch = "wasm32"))]
fn via_double(text: &str) -> Result<Decimal, Reason> {
    shortest_via_f64(text)
}

/// Wasm: every number's text was written by `JSON.stringify` (the binding's only way in),
/// which already is the shortest text of its double — read it exactly, and the package
/// carries no float parsing or formatting code. `exact_shortest_agrees` proves both
/// readings equal on such texts.
#[cfg(target_arch = "wasm32")]
fn via_double(text: &str) -> Result<Decimal, Reason> {
    exact_with_exponent(text)
}

/// The double `text` denotes, by its shortest decimal text.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn shortest_via_f64(text: &str) -> Result<Decimal, Reason> {
    let x: f64 = text.parse().map_err(|_| Reason::Money)?;
    if !x.is_finite() {
        return Err(Reason::NonFinite);
    }
    if x == 0.0 {
        return Ok(Decimal::ZERO);
    }
    // Rust's `Display` for f64 prints the shortest text that reads back to the same
    // double, without an exponent — the digits JavaScript's `String(x)` shows.
    parse_plain_decimal(&x.to_string()).ok_or(Reason::Money)
}

/// Reads `-?digits[.digits][e±digits]` exactly, by moving the decimal point. Numbers
/// beyond the largest double read as the double would: non-finite; exponents below
/// -400, zero.
#[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
fn exact_with_exponent(text: &str) -> Result<Decimal, Reason> {
    let (mantissa, exp) = match text.find(['e', 'E']) {
        Some(i) => (
            text.get(..i).unwrap_or(""),
            text.get(i + 1..)
                .and_then(|e| e.strip_prefix('+').unwrap_or(e).parse::<i32>().ok())
                .ok_or(Reason::Money)?,
        ),
        None => (text, 0),
    };
    let (neg, body) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits: String = int.chars().chain(frac.chars()).collect();
    if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
        return Err(Reason::Money);
    }
    if digits.bytes().all(|c| c == b'0') {
        return Ok(Decimal::ZERO);
    }
    if exp > 400 {
        return Err(Reason::NonFinite);
    }
    if exp < -400 {
        return Ok(Decimal::ZERO);
    }
    // The point sits after `point` digits.
    let point = i32::try_from(int.len()).map_err(|_| Reason::Money)? + exp;
    // Beyond the largest double (1.7976931348623157e308, which rounds up to infinity
    // from 1.797693134862315807…e308 on) the number is what JS reads as Infinity: what
    // the package writes for NaN and ±Infinity (`1e400`) reads so too.
    let zeros = digits.bytes().take_while(|&c| c == b'0').count();
    let magnitude = point - i32::try_from(zeros).map_err(|_| Reason::Money)?;
    let significant = digits.get(zeros..).unwrap_or("");
    if magnitude > 309 || (magnitude == 309 && significant >= "17976931348623158079") {
        return Err(Reason::NonFinite);
    }
    let mut plain = String::with_capacity(digits.len() + 404);
    if neg {
        plain.push('-');
    }
    if point <= 0 {
        plain.push_str("0.");
        plain.extend(std::iter::repeat_n(
            '0',
            usize::try_from(-point).unwrap_or(0),
        ));
        plain.push_str(&digits);
    } else {
        let p = usize::try_from(point).unwrap_or(0);
        if p >= digits.len() {
            plain.push_str(&digits);
            plain.extend(std::iter::repeat_n('0', p - digits.len()));
        } else {
            plain.push_str(digits.get(..p).unwrap_or(""));
            plain.push('.');
            plain.push_str(digits.get(p..).unwrap_or(""));
        }
    }
    parse_plain_decimal(&plain).ok_or(Reason::Money)
}

/// Money text as a form user types it (the decisions are documented in
/// docs/README-robustness.md):
///
/// - accepted: surrounding blanks, ASCII or full-width (`"  12 "`, `"\u{3000}12"`), and
///   full-width digits and point (`"１２．５"`, what a Chinese IME types), read as their ASCII
///   forms — the value is unambiguous;
/// - refused, each with a message that says how to write it: `""` ([`Reason::Empty`]),
///   group separators `"1,000"` ([`Reason::Separator`]), units or currency signs `"12万"`,
///   `"¥12"` ([`Reason::Unit`]), exponents `"1e3"` ([`Reason::Exponent`]), `NaN` and
///   `Infinity` in any case ([`Reason::NonFinite`]), anything else ([`Reason::Money`]).
pub(crate) fn parse_money_text(s: &str) -> Result<Decimal, Reason> {
    let t = s.trim();
    if t.is_empty() {
        return Err(Reason::Empty);
    }
    let ascii: Cow<'_, str> = if t.is_ascii() {
        Cow::Borrowed(t)
    } else {
        Cow::Owned(t.chars().map(fold_full_width).collect())
    };
    if let Some(d) = parse_plain_decimal(&ascii) {
        return Ok(d);
    }
    // "287." is 287: a trailing point is what a form holds on the way to "287.5"
    // (contract §8).
    if let Some(d) = ascii
        .strip_suffix('.')
        .filter(|int| !int.contains('.'))
        .and_then(parse_plain_decimal)
    {
        return Ok(d);
    }
    Err(money_text_reason(&ascii))
}

/// Full-width digits, point and minus as their ASCII forms; anything else unchanged.
fn fold_full_width(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(u32::from(c) - 0xFF10 + u32::from(b'0')).unwrap_or(c),
        '．' => '.',
        '－' => '-',
        c => c,
    }
}

/// Why money text that is no plain decimal is refused, as specifically as can be told,
/// with the amount as it should be written where that is certain (it is only shown in
/// the message, never used).
fn money_text_reason(t: &str) -> Reason {
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if matches!(body, "nan" | "inf" | "infinity") {
        return Reason::NonFinite;
    }
    let has_digit = t.chars().any(|c| c.is_ascii_digit());
    if has_digit && t.chars().any(|c| UNIT_CHARS.contains(&c)) {
        return Reason::Unit {
            written: written_without_unit(t),
        };
    }
    if has_digit && t.chars().any(|c| GROUP_SEPARATORS.contains(&c)) {
        return Reason::Separator {
            written: without_group_separators(t).and_then(|d| written(d.as_ref())),
        };
    }
    if let Some((m, e)) = t.split_once(['e', 'E']) {
        let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        if let (Some(m), false, true) = (
            parse_plain_decimal(m),
            digits.is_empty(),
            digits.bytes().all(|c| c.is_ascii_digit()),
        ) {
            let exp = e.parse::<i32>().ok().filter(|x| x.abs() <= 20);
            let value = exp.and_then(|x| {
                let p = Decimal::try_from_i128_with_scale(10i128.pow(x.unsigned_abs()), 0).ok()?;
                if x >= 0 {
                    m.checked_mul(p)
                } else {
                    m.checked_div(p)
                }
            });
            return Reason::Exponent {
                written: value
                    .and_then(|d| Money::new(d).ok())
                    .map(|m| decimal_text(m.get())),
            };
        }
    }
    Reason::Money
}

/// Characters that mark a unit or a currency.
const UNIT_CHARS: &[char] = &['万', '元', '亿', '千', '百', '¥', '￥', '圆', '块', '$'];
/// Characters people put between groups of digits.
const GROUP_SEPARATORS: &[char] = &[',', '，', '、', '\'', '_', ' '];

/// The plain text of a valid amount (`None` when it is not one).
fn written(text: &str) -> Option<String> {
    Money::new(parse_plain_decimal(text)?)
        .ok()
        .map(|m| decimal_text(m.get()))
}

/// `"1,234,567.5"` → `"1234567.5"`, only when the separators stand between groups of
/// three digits of the integer part (so `"1,5"`, a decimal comma elsewhere, is not
/// read as fifteen).
fn without_group_separators(t: &str) -> Option<Cow<'_, str>> {
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let mut groups = int.split(GROUP_SEPARATORS);
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    let mut out = String::from(first);
    for g in groups {
        if g.len() != 3 {
            return None;
        }
        out.push_str(g);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    parse_plain_decimal(&out).map(|_| Cow::Owned(out))
}

/// `"12万"`, `"12万元"` → 12; `"3亿"` → 30000; `"120000元"`, `"¥120000"` → 12 (万元).
fn written_without_unit(t: &str) -> Option<String> {
    let (body, factor) = if let Some(b) = t.strip_prefix(['¥', '￥']) {
        (b.strip_suffix('元').unwrap_or(b), Decimal::new(1, 4))
    } else if let Some(b) = t.strip_suffix("万元").or_else(|| t.strip_suffix('万')) {
        (b, Decimal::ONE)
    } else if let Some(b) = t.strip_suffix("亿元").or_else(|| t.strip_suffix('亿')) {
        (b, Decimal::from(10_000))
    } else if let Some(b) = t.strip_suffix(['元', '圆', '块']) {
        (b, Decimal::new(1, 4))
    } else {
        return None;
    };
    let body = body.trim();
    let plain = match without_group_separators(body) {
        Some(b) => b,
        None => Cow::Borrowed(body),
    };
    let d = parse_plain_decimal(&plain)?.checked_mul(factor)?;
    Money::new(d).ok().map(|m| decimal_text(m.get()))
}

#[cfg(test)]
mod tests {

    #[test]
    fn plain_text_is_decimal_display() {
        let mantissas: [i128; 10] = [
            0,
            1,
            5,
            10,
            12_345,
            1_000_000,
            i128::from(u64::MAX),
            (1i128 << 96) - 1,
            -42,
            -(1i128 << 96) + 1,
        ];
        for m in mantissas {
            for scale in 0..=28 {
                let Ok(d) = Decimal::try_from_i128_with_scale(m, scale) else {
                    continue;
                };
                let mut buf = [0u8; 64];
                assert_eq!(plain_text(d, &mut buf), Some(d.to_string().as_str()));
                let neg = -d;
                assert_eq!(plain_text(neg, &mut buf), Some(neg.to_string().as_str()));
            }
        }
        for text in ["0", "0.000001", "12.5", "1280.50", "1000000000000"] {
            let m = Money::parse(text).unwrap();
            assert_eq!(
                crate::json_out::to_string(&m).unwrap(),
                format!("\"{}\"", m.0)
            );
        }
    }
    use super::*;

    fn m(s: &str) -> Result<String, Reason> {
        Money::parse(s).map(|m| m.to_string())
    }

    #[test]
    fn strings_are_exact_and_normalized() {
        assert_eq!(m("1500"), Ok("1500".into()));
        assert_eq!(m("49.999999"), Ok("49.999999".into()));
        assert_eq!(m("1.5000000"), Ok("1.5".into()));
        assert_eq!(m("0012.50"), Ok("12.5".into()));
        assert_eq!(m("0"), Ok("0".into()));
        assert_eq!(m("-0"), Ok("0".into()));
        assert_eq!(m("0.000001"), Ok("0.000001".into()));
        assert_eq!(m("1000000000000"), Ok("1000000000000".into()));
        assert_eq!(m("1000000000000.000000"), Ok("1000000000000".into()));
    }

    #[test]
    fn strings_refused() {
        assert_eq!(m("1.0000001"), Err(Reason::TooPrecise));
        assert_eq!(m("0.0000001"), Err(Reason::TooPrecise));
        assert_eq!(m("-1"), Err(Reason::Negative));
        assert_eq!(m("-0.000001"), Err(Reason::Negative));
        assert_eq!(m("1000000000000.000001"), Err(Reason::TooBig));
        for bad in [
            "", " ", "1,000", "1e3", "１２", "12万", ".5", "5.", "+5", "1.2.3", "0x10", "NaN",
        ] {
            assert_eq!(m(bad), Err(Reason::Money), "{bad:?}");
        }
        assert!(matches!(
            m("99999999999999999999999999999999999"),
            Err(Reason::TooBig)
        ));
        assert!(matches!(
            m("0.00000000000000000000000000000000001"),
            Err(Reason::TooPrecise)
        ));
    }

    #[test]
    fn form_text_decisions() {
        let t = |s: &str| parse_money_text(s).map(|d| d.normalize().to_string());
        // Accepted.
        assert_eq!(t("  12 "), Ok("12".into()));
        assert_eq!(t("\u{3000}12\t"), Ok("12".into()));
        assert_eq!(t("１２"), Ok("12".into()));
        assert_eq!(t("１２．５０"), Ok("12.5".into()));
        assert_eq!(t("-0"), Ok("0".into()));
        // Refused, each with its own reason.
        assert_eq!(t(""), Err(Reason::Empty));
        assert_eq!(t("   "), Err(Reason::Empty));
        let sep = |w: Option<&str>| Reason::Separator {
            written: w.map(String::from),
        };
        assert_eq!(t("1,000"), Err(sep(Some("1000"))));
        assert_eq!(t("1，000"), Err(sep(Some("1000"))));
        assert_eq!(t("1 000"), Err(sep(Some("1000"))));
        assert_eq!(t("1_234_567.50"), Err(sep(Some("1234567.5"))));
        assert_eq!(t("12,345.5"), Err(sep(Some("12345.5"))));
        // A decimal comma or odd grouping is not read: no suggestion.
        assert_eq!(t("1,5"), Err(sep(None)));
        assert_eq!(t("1,0000"), Err(sep(None)));
        assert_eq!(t("1234,567"), Err(sep(None)));
        let unit = |w: Option<&str>| Reason::Unit {
            written: w.map(String::from),
        };
        assert_eq!(t("12万"), Err(unit(Some("12"))));
        assert_eq!(t("12.5万元"), Err(unit(Some("12.5"))));
        assert_eq!(t("１２万"), Err(unit(Some("12"))));
        assert_eq!(t("3亿"), Err(unit(Some("30000"))));
        assert_eq!(t("120000元"), Err(unit(Some("12"))));
        assert_eq!(t("1,200,000元"), Err(unit(Some("120"))));
        assert_eq!(t("¥12"), Err(unit(Some("0.0012"))));
        assert_eq!(t("0.001元"), Err(unit(None))); // finer than one fen
        assert_eq!(t("$12"), Err(unit(None))); // not yuan
        assert_eq!(t("12千"), Err(unit(None)));
        let exp = |w: Option<&str>| Reason::Exponent {
            written: w.map(String::from),
        };
        assert_eq!(t("1e3"), Err(exp(Some("1000"))));
        assert_eq!(t("1E-2"), Err(exp(Some("0.01"))));
        assert_eq!(t("2.5e+3"), Err(exp(Some("2500"))));
        assert_eq!(t("1e99"), Err(exp(None)));
        assert_eq!(t("1e-9"), Err(exp(None)));
        for s in ["NaN", "nan", "Infinity", "-Infinity", "+inf", "INF"] {
            assert_eq!(t(s), Err(Reason::NonFinite), "{s:?}");
        }
        // A trailing point is read (a form on the way to "287.5"), a leading one is not.
        assert_eq!(t("287."), Ok("287".into()));
        assert_eq!(t("２８７．"), Ok("287".into()));
        assert_eq!(t("0."), Ok("0".into()));
        for s in [
            "abc", ".5", ".", "5..", "1.5.", "-.", "+5", "0x10", "e3", "1e", "万", "1.2.3",
        ] {
            assert_eq!(t(s), Err(Reason::Money), "{s:?}");
        }
    }

    /// The Wasm build reads JS-written number texts exactly; natively they go through the
    /// double. Both must agree on every text `JSON.stringify` can write: the shortest
    /// digits, in plain or exponent form.
    #[test]
    fn exact_shortest_agrees() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut texts = vec![
            "0".to_string(),
            "-0".into(),
            "1e+21".into(),
            "1.5e-7".into(),
            "5e-324".into(),
            "1.7976931348623157e+308".into(),
            "1.7976931348623158e+308".into(),
            "1.797693134862315807e+308".into(),
            "-1.8e+308".into(),
            "1e+309".into(),
            "1e+400".into(),
            "-1e+400".into(),
            "0.001e+311".into(),
            "0.30000000000000004".into(),
            "123456789012.12346".into(),
            "2027".into(),
            "1e-7".into(),
            "49.999999".into(),
            "50.000001".into(),
        ];
        for _ in 0..20_000 {
            // xorshift: doubles of every magnitude, and small decimals of up to 6 places
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let f = f64::from_bits(x);
            if f.is_finite() {
                texts.push(format!("{f}"));
                texts.push(format!("{f:e}"));
            }
            let small = (x % 2_000_000_000_000) as f64 / 1_000_000.0;
            texts.push(format!("{small}"));
            texts.push(format!("{small:e}"));
        }
        for t in &texts {
            // JS writes a positive exponent with its sign: 1e+21.
            let t = if t.contains("e-") || t.contains("e+") {
                t.clone()
            } else {
                t.replace('e', "e+")
            };
            assert_eq!(exact_with_exponent(&t), shortest_via_f64(&t), "{t}");
        }
    }

    #[test]
    fn json_numbers_by_shortest_text() {
        let n = |t: &str| parse_json_number(t).map(|d| d.normalize().to_string());
        assert_eq!(n("0.1"), Ok("0.1".into()));
        assert_eq!(n("0.10000000000000001"), Ok("0.1".into()));
        assert_eq!(n("1e2"), Ok("100".into()));
        assert_eq!(n("1.5E-1"), Ok("0.15".into()));
        assert_eq!(n("-0"), Ok("0".into()));
        assert_eq!(n("-0.0e5"), Ok("0".into()));
        assert_eq!(n("1e400"), Err(Reason::NonFinite));
        assert_eq!(n("-1e400"), Err(Reason::NonFinite));
        assert_eq!(n("123456789012.123456"), Ok("123456789012.12346".into()));
    }
}
