//! Behaviour of the public API: host variables, the clock and randomness, limits, outputs.

use super::*;

fn eval_with(source: &str, input: Option<&Value>, vars: &Value) -> Result<Output, JsonataError> {
    let mut random = Random::new(42);
    let mut env = Environment::new(input, vars, &mut random);
    env.now_ms = 1_700_000_000_000;
    parse(source)?.evaluate(&mut env)
}

fn eval(source: &str) -> Result<Output, JsonataError> {
    eval_with(source, None, &Value::Null)
}

fn value(source: &str) -> Value {
    match eval(source) {
        Ok(Output::Value(v)) => v,
        other => panic!("{source}: {other:?}"),
    }
}

fn code(source: &str) -> &'static str {
    match eval(source) {
        Err(e) => e.code,
        other => panic!("{source}: expected an error, got {other:?}"),
    }
}

fn json(text: &str) -> Value {
    Value::parse(text).unwrap()
}

#[test]
fn host_variables_are_read_in_place() {
    let vars = json(r#"{"states":{"input":{"order":{"items":[1,2,3]}}},"limit":2}"#);
    let out = eval_with("$states.input.order.items[$ < $limit]", None, &vars).unwrap();
    assert_eq!(out, Output::Value(Value::int(1)));
    let out = eval_with("$count($states.input.order.items)", None, &vars).unwrap();
    assert_eq!(out, Output::Value(Value::int(3)));
}

#[test]
fn integral_results_print_as_integers() {
    assert_eq!(value("1 + 1").to_json(), "2");
    assert_eq!(value("[1.5 * 2, 0.1 + 0.2]").to_json(), "[3,0.30000000000000004]");
    let input = json("[1.0, 2.5]");
    assert_eq!(eval_with("$", Some(&input), &Value::Null).unwrap(), Output::Value(json("[1,2.5]")));
}

#[test]
fn outcomes_distinguish_undefined_and_functions() {
    assert_eq!(eval("nothing").unwrap(), Output::Undefined);
    assert_eq!(eval("function($x){$x}").unwrap(), Output::Function);
    assert_eq!(value("{'f': $sum, 'a': [$sum]}").to_json(), r#"{"a":[null]}"#);
    assert_eq!(code("1/0"), "D1001");
}

#[test]
fn clock_comes_from_the_environment() {
    assert_eq!(value("$millis()"), Value::int(1_700_000_000_000));
    assert_eq!(value("$now()"), Value::str("2023-11-14T22:13:20.000Z"));
    assert_eq!(value("$now('[Y0001]-[M01]-[D01]', '+0100')"), Value::str("2023-11-14"));
}

#[test]
fn randomness_comes_from_the_environment_or_the_seed() {
    assert_eq!(value("$random(7) = $random(7)"), Value::Bool(true));
    assert_eq!(value("$random() = $random()"), Value::Bool(false));
    let r = value("$random()").as_f64().unwrap();
    assert!((0.0..1.0).contains(&r));
    let uuid = value("$uuid()");
    assert_eq!(uuid.as_str().map(str::len), Some(36));
    assert_eq!(eval("$uuid()").unwrap(), eval("$uuid()").unwrap(), "same seed, same uuid");
}

#[test]
fn step_functions_extras() {
    assert_eq!(value("$partition([1,2,3,4,5], 2)"), json("[[1,2],[3,4],[5]]"));
    assert_eq!(value("$partition([0], 1)"), json("[[0]]"));
    assert_eq!(value("$range(0, 10, 2)"), json("[0,2,4,6,8,10]"));
    assert_eq!(value("$range(10, 0, -5)"), json("[10,5,0]"));
    assert_eq!(value("$range(1, 9, 9)"), json("1"));
    assert_eq!(value("$hash('input', 'MD5')"), Value::str("a43c1b0aa53a0c908810c06ab1ff3967"));
    assert_eq!(
        value("$hash('input', 'SHA-256')"),
        Value::str("c96c6d5be8d08a12e7b5cdc1b207fa6b2430974c86803d8891675e76fd992c20")
    );
    assert_eq!(value(r#"$parse('{"a":[1,true]}').a[1]"#), Value::Bool(true));
    assert_eq!(code("$parse('{oops')"), "D3153");
    assert_eq!(code("$hash('x', 'SHA-3')"), "D3152");
    assert_eq!(code("$partition([1], 0)"), "D3150");
    assert_eq!(code("$range(1, 2, 0)"), "D3151");
    assert_eq!(code("$eval('1')"), "T1006");
}

/// The error code of evaluating under a small step budget (to keep the test quick).
fn code_within(source: &str, max_steps: u64) -> &'static str {
    let mut random = Random::new(1);
    let mut env = Environment::new(None, &(), &mut random);
    env.limits.max_steps = max_steps;
    match parse(source).and_then(|e| e.evaluate(&mut env)) {
        Err(e) => e.code,
        other => panic!("{source}: expected an error, got {other:?}"),
    }
}

#[test]
fn recursion_and_loops_are_bounded() {
    assert_eq!(code("($f := function($n){ $n + $f($n - 1) }; $f(1))"), "U1001");
    assert_eq!(code_within("($f := function(){ $f() }; $f())", 100_000), "U1001");
    assert_eq!(code_within("$reduce([1..100000], function($a, $x){ {'a': $a} }, {})", 1_000_000), "U1001");
    assert_eq!(code_within("[1..10000].[1..10000].[1..10000]", 1_000_000), "U1001");
    assert_eq!(value("($loop := function($n){ $n = 0 ? 'done' : $loop($n - 1) }; $loop(10000))"), Value::str("done"));
}

#[test]
fn limits_are_configurable() {
    let e = parse("($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(50))").unwrap();
    let mut random = Random::new(1);
    let mut env = Environment::new(None, &(), &mut random);
    assert_eq!(e.evaluate(&mut env).unwrap(), Output::Value(Value::int(50)));
    env.limits.max_depth = 40;
    assert_eq!(e.evaluate(&mut env).unwrap_err().code, "U1001");
    env.limits = Limits { max_depth: 500, max_steps: 100 };
    assert_eq!(e.evaluate(&mut env).unwrap_err().code, "U1001");
}

#[test]
fn errors_carry_code_message_position_and_token() {
    let e = eval("1 + 'a'").unwrap_err();
    assert_eq!((e.code, e.token.as_deref()), ("T2002", Some("+")));
    assert_eq!(e.message, "The right side of the \"+\" operator must evaluate to a number");
    assert_eq!(e.position, Some(3));
    assert_eq!(e.value, Some(Value::str("a")));
    let e = parse("(1 + ").unwrap_err();
    assert_eq!(e.code, "S0207");
}

#[test]
fn odd_input_never_panics() {
    let sources = [
        "", "(", ")", "[", "{", "$", "$$", "%", "%.a", "a.%", "**", "*", "?", ":", "~>", "|", "||", "a@$x@$y",
        "a#$i#$j", "a^(b)^(c)", "a{}{}", "a[]", "[][]", "{}.{}", "'\\u'", "/", "//", "/(/", "$f(?)", "$sum(?)(?)",
        "function(){}", "function($a)<x:x>{$a}(1, 2, 3)", "$substring('abc', -99, 1e300)", "$pad('x', -1e9)",
        "$formatNumber(1e300, '#,##0.00e0')", "$formatInteger(1e300, 'w')", "$formatInteger(-5, 'I')",
        "$fromMillis(1e300)", "$toMillis('99999-99-99')", "$toMillis('x', '[Y]')", "$formatBase(-1e300, 36)", "$formatBase(10/0, 2)",
        "$split('a', '', -1)", "$match('aaa', /a*/)", "$replace('abc', /x*/, '-')", "$sort([1, 'a'])",
        "$lookup([[[[[]]]]], 'a')", "$zip()", "$merge([])", "$single([])", "$distinct([[1], [1]])",
        "$string(function(){1})", "$number('0x')", "$round(1e308, -400)", "$power(-8, 1/3)", "1e308 * 10",
        "-(1/0)", "$keys(nothing)", "$each({'a': 1}, $string)", "$sift({}, $boolean)", "$spread(1)",
        "| $ | {} |", "$ ~> | * | {} |", "$clone := 1; $ ~> | a | {} |", "`a", "`", "\"\\", "1..2", "[1..]",
        "[..2]", "$x := ", "a.(b := 1)", "%%", "$.%", "($x := %)", "a[%]", "$not($not)", "\u{1F600}.a",
        "$uppercase('ß')", "$length('😀')", "$substring('😀a', 1)", "$encodeUrl('\u{FFFF}')", "$decodeUrl('%')",
        "$base64decode('====')", "$range(1, 1e300, 1e-300)", "$partition([], 1)",
    ];
    for source in sources {
        let _ = eval(source);
    }
}

#[test]
fn default_depth_fits_in_a_small_stack() {
    // The browser build has a 1 MiB stack; unoptimised frames are several times larger.
    let stack = if cfg!(debug_assertions) { 16 << 20 } else { 1 << 20 };
    let sources = [
        "($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000))",
        "($f := function($n){ {'a': $f($n - 1)}.a }; $f(100000))",
        "($f := function($n){ $map([1], function($x){ $f($n - 1) }) }; $f(100000))",
        "($f := function($n){ $sort([1, 2], function($a, $b){ $f($n) }) }; $f(100000))",
        "($f := function($n){ $replace('ab', /a/, function($m){ $f($n) }) }; $f(100000))",
        "($f := function($n){ $n.($f($n - 1)) }; $f(100000))",
    ];
    let handle = std::thread::Builder::new().stack_size(stack).spawn(move || {
        sources.iter().map(|s| code_within(s, 10_000_000)).collect::<Vec<_>>()
    });
    let codes = handle.unwrap().join().unwrap();
    assert!(codes.iter().all(|c| *c == "U1001"), "{codes:?}");
}
