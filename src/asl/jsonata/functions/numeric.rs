//! Numeric and aggregation functions.

use crate::asl::jsonata::error::{Error, ErrorExt, Res};
use crate::asl::jsonata::eval::{Env, Evaluator};
use crate::asl::jsonata::value::{format_number, Val};

use super::{arg, num_arg};

fn numbers(args: &[Val]) -> Option<Vec<f64>> {
    match args.first() {
        Some(Val::Array(a)) => Some(a.iter().filter_map(|v| v.as_num()).collect()),
        _ => None,
    }
}

pub(super) fn sum(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    Ok(numbers(&args).map_or(Val::Undefined, |ns| Val::Num(ns.iter().sum())))
}

pub(super) fn count(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    Ok(Val::Num(match args.first() {
        Some(Val::Array(a)) => a.len() as f64,
        _ => 0.0,
    }))
}

fn extreme(args: &[Val], pick: fn(f64, f64) -> f64) -> Val {
    match numbers(args) {
        Some(ns) if !ns.is_empty() => Val::Num(ns.into_iter().reduce(pick).unwrap_or(f64::NAN)),
        _ => Val::Undefined,
    }
}

/// `Math.max`: NaN wins.
fn js_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() { f64::NAN } else { a.max(b) }
}

fn js_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() { f64::NAN } else { a.min(b) }
}

pub(super) fn max(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    Ok(extreme(&args, js_max))
}

pub(super) fn min(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    Ok(extreme(&args, js_min))
}

pub(super) fn average(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    Ok(match numbers(&args) {
        Some(ns) if !ns.is_empty() => Val::Num(ns.iter().sum::<f64>() / ns.len() as f64),
        _ => Val::Undefined,
    })
}

/// `$number`: decimal text (JSON number syntax), `0x`/`0o`/`0b` integers, booleans.
pub(super) fn number(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    let v = arg(&args, 0);
    let n = match &v {
        Val::Undefined => return Ok(Val::Undefined),
        Val::Num(n) => Some(*n),
        Val::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Val::Str(s) => parse_number(s),
        _ => None,
    };
    match n {
        Some(n) => Ok(Val::Num(n)),
        None => Err(Error::new("D3030").value(v).index(1)),
    }
}

fn parse_number(s: &str) -> Option<f64> {
    for (prefix, radix) in [("0x", 16), ("0X", 16), ("0o", 8), ("0O", 8), ("0b", 2), ("0B", 2)] {
        if let Some(digits) = s.strip_prefix(prefix) {
            if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
                return None;
            }
            return Some(digits.chars().fold(0.0, |n, c| n * radix as f64 + c.to_digit(radix).unwrap_or(0) as f64));
        }
    }
    let body = s.strip_prefix('-').unwrap_or(s);
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (mantissa, None),
    };
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['+', '-']).unwrap_or(e)));
    if !digits(int) || !frac.is_none_or(digits) || !exponent_ok {
        return None;
    }
    s.parse::<f64>().ok().filter(|n| n.is_finite())
}

fn unary(args: &[Val], f: fn(f64) -> f64) -> Val {
    num_arg(args, 0).map_or(Val::Undefined, |n| Val::Num(f(n)))
}

pub(super) fn floor(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    Ok(unary(&args, f64::floor))
}

pub(super) fn ceil(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    Ok(unary(&args, f64::ceil))
}

pub(super) fn abs(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    Ok(unary(&args, f64::abs))
}

pub(super) fn sqrt(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    match num_arg(&args, 0) {
        None => Ok(Val::Undefined),
        Some(n) if n < 0.0 => Err(Error::new("D3060").value(Val::Num(n)).index(1)),
        Some(n) => Ok(Val::Num(n.sqrt())),
    }
}

pub(super) fn power(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    let Some(base) = num_arg(&args, 0) else { return Ok(Val::Undefined) };
    let exp = num_arg(&args, 1).unwrap_or(f64::NAN);
    let r = base.powf(exp);
    if !r.is_finite() {
        return Err(Error::new("D3061").value(Val::Num(base)).index(1).extra(format_number(exp)));
    }
    Ok(Val::Num(r))
}

/// `Math.round`: halves go up.
fn js_round(x: f64) -> f64 {
    let f = x.floor();
    if x - f >= 0.5 { f + 1.0 } else { f }
}

/// Shifts the decimal point by editing the exponent of the number's text, which avoids the
/// error of multiplying by a power of ten.
fn shift(x: f64, places: f64) -> f64 {
    let text = format_number(x);
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m.to_string(), e.parse::<f64>().unwrap_or(0.0)),
        None => (text.clone(), 0.0),
    };
    format!("{mantissa}e{}", exponent + places).parse().unwrap_or(x)
}

/// Rounds half to even at `precision` decimal places.
pub(crate) fn round_half_even(x: f64, precision: f64) -> f64 {
    let precision = precision.trunc();
    let shifted = if precision != 0.0 { shift(x, precision) } else { x };
    let mut r = js_round(shifted);
    if (r - shifted).abs() == 0.5 && (r % 2.0).abs() == 1.0 {
        r -= 1.0;
    }
    let r = if precision != 0.0 { shift(r, -precision) } else { r };
    if r == 0.0 { 0.0 } else { r }
}

pub(super) fn round(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    let Some(n) = num_arg(&args, 0) else { return Ok(Val::Undefined) };
    Ok(Val::Num(round_half_even(n, num_arg(&args, 1).unwrap_or(0.0))))
}

pub(super) fn format_base(_: &mut Evaluator, args: Vec<Val>, _: &Val, _: &Env) -> Res<Val> {
    let Some(n) = num_arg(&args, 0) else { return Ok(Val::Undefined) };
    let radix = num_arg(&args, 1).map_or(10.0, |r| round_half_even(r, 0.0));
    if !(2.0..=36.0).contains(&radix) {
        return Err(Error::new("D3100").value(Val::Num(radix)));
    }
    Ok(Val::string(to_radix(round_half_even(n, 0.0), radix as u32)))
}

/// An integer in base `radix`, as `Number.prototype.toString(radix)` writes it (an infinity, which
/// the loop below would halve for ever, as `Infinity`).
fn to_radix(n: f64, radix: u32) -> String {
    if !n.is_finite() {
        return if n.is_nan() { "NaN" } else if n > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if radix == 10 {
        return format_number(n);
    }
    let negative = n < 0.0;
    let mut m = n.abs();
    let mut digits = Vec::new();
    while m >= 1.0 {
        let d = (m % radix as f64) as u32;
        digits.push(std::char::from_digit(d, radix).unwrap_or('0'));
        m = ((m - d as f64) / radix as f64).floor();
    }
    if digits.is_empty() {
        digits.push('0');
    }
    if negative {
        digits.push('-');
    }
    digits.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_to_even() {
        assert_eq!(round_half_even(2.5, 0.0), 2.0);
        assert_eq!(round_half_even(3.5, 0.0), 4.0);
        assert_eq!(round_half_even(-2.5, 0.0), -2.0);
        assert_eq!(round_half_even(1.125, 2.0), 1.12);
        assert_eq!(round_half_even(12345.0, -2.0), 12300.0);
        assert_eq!(round_half_even(0.49999999999999994, 0.0), 0.0);
    }

    #[test]
    fn parses_numbers_and_radix_text() {
        assert_eq!(parse_number("-1.5e3"), Some(-1500.0));
        assert_eq!(parse_number("0x1F"), Some(31.0));
        assert_eq!(parse_number("1."), None);
        assert_eq!(parse_number(" 1"), None);
        assert_eq!(to_radix(-255.0, 16), "-ff");
        assert_eq!((to_radix(f64::INFINITY, 2), to_radix(f64::NEG_INFINITY, 36)), ("Infinity".into(), "-Infinity".into()));
    }
}
