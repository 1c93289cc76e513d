//! JavaScript mock handlers for the CLI: the user's mock file runs in an embedded engine (QuickJS)
//! under the same runtime as the page's worker (`integrations::MOCK_RUNTIME`), so a sample or a
//! tutorial answer is checked by the same mocks in CI as in the browser. A handler that runs past
//! the time limit is interrupted and reported as such.

use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use rquickjs::context::EvalOptions;
use rquickjs::promise::PromiseState;
use rquickjs::{Context, Ctx, Function, Object, Promise, Runtime};

use crate::asl::json::Value;
use crate::integrations::handler::{HandlerCall, HandlerReply, Outcome};
use crate::integrations::MOCK_RUNTIME;

/// How much memory a mock file may use.
const MEMORY_LIMIT: usize = 256 * 1024 * 1024;

/// A loaded mock file, ready to answer handler calls.
pub struct JsMocks {
    // Declared before the runtime: a context must go before its runtime.
    context: Context,
    _runtime: Runtime,
    deadline: Rc<Cell<Option<Instant>>>,
    interrupted: Rc<Cell<bool>>,
    limit: Duration,
    keys: Vec<String>,
    setup: Option<Value>,
}

/// Why a mock file could not be loaded, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadError {
    /// What went wrong (`SyntaxError: …`).
    pub message: String,
    /// 1-based line in the mock file.
    pub line: Option<u32>,
    /// 1-based column.
    pub column: Option<u32>,
}

impl JsMocks {
    /// Evaluates the mock file `source`; `seed` seeds `Math.random`; `limit` bounds each handler call
    /// (and the file's own top-level code) in real time.
    pub fn load(source: &str, seed: u64, limit: Duration) -> Result<JsMocks, LoadError> {
        let internal = |e: rquickjs::Error| LoadError { message: format!("the JavaScript engine failed: {e}"), line: None, column: None };
        let runtime = Runtime::new().map_err(internal)?;
        runtime.set_memory_limit(MEMORY_LIMIT);
        let deadline: Rc<Cell<Option<Instant>>> = Rc::new(Cell::new(None));
        let interrupted = Rc::new(Cell::new(false));
        let (d, i) = (deadline.clone(), interrupted.clone());
        runtime.set_interrupt_handler(Some(Box::new(move || {
            let hit = d.get().is_some_and(|at| Instant::now() >= at);
            if hit {
                i.set(true);
            }
            hit
        })));
        let context = Context::full(&runtime).map_err(internal)?;
        deadline.set(Some(Instant::now() + limit));
        let loaded = context.with(|ctx| -> Result<String, LoadError> {
            ctx.eval::<(), _>(MOCK_RUNTIME).map_err(internal)?;
            let api: Object = ctx.globals().get("__aslplay").map_err(internal)?;
            let seed_fn: Function = api.get("seed").map_err(internal)?;
            seed_fn.call::<_, ()>(((seed ^ (seed >> 32)) as u32,)).map_err(internal)?;
            let mut options = EvalOptions::default();
            options.strict = false;
            options.filename = Some("mocks.js".into());
            let evaluated = ctx.eval_with_options::<(), _>(source, options);
            while ctx.execute_pending_job() {}
            if interrupted.get() {
                return Err(LoadError { message: format!("the mock file did not finish loading within {} s", limit.as_secs_f64()), line: None, column: None });
            }
            if evaluated.is_err() {
                let thrown = ctx.catch();
                let failure: Function = api.get("failure").map_err(internal)?;
                let text: String = failure.call((thrown,)).map_err(internal)?;
                return Err(load_error(&text));
            }
            let loaded_fn: Function = api.get("loaded").map_err(internal)?;
            loaded_fn.call::<_, String>(()).map_err(internal)
        });
        deadline.set(None);
        let loaded = Value::parse(&loaded?).map_err(|e| LoadError { message: format!("the mock runtime answered badly: {e}"), line: None, column: None })?;
        let keys = loaded.get("keys").and_then(Value::as_array).unwrap_or_default().iter().filter_map(Value::as_str).map(str::to_string).collect();
        let setup = match loaded.get("setup").and_then(Value::as_str) {
            Some(text) => Some(Value::parse(text).map_err(|e| LoadError { message: format!("setup(...): {e}"), line: None, column: None })?),
            None => None,
        };
        Ok(JsMocks { context, _runtime: runtime, deadline, interrupted, limit, keys, setup })
    }

    /// The keys the file registered handlers under, in order.
    pub fn keys(&self) -> &[String] {
        &self.keys
    }

    /// What the file passed to `setup(...)`, if anything.
    pub fn setup(&self) -> Option<&Value> {
        self.setup.as_ref()
    }

    /// Runs one handler call to its end (virtual sleeps included); `Err` when the runtime itself failed.
    pub fn call(&self, call: &HandlerCall) -> Result<HandlerReply, String> {
        self.interrupted.set(false);
        self.deadline.set(Some(Instant::now() + self.limit));
        let text = self.context.with(|ctx| self.drive(&ctx, call));
        self.deadline.set(None);
        match text? {
            Some(text) => HandlerReply::from_json(&Value::parse(&text).map_err(|e| e.to_string())?),
            None => Ok(HandlerReply { outcome: Outcome::TimedOut, elapsed_ms: 0, effects: Vec::new(), store: Vec::new() }),
        }
    }

    /// The reply's JSON text, or `None` when the handler was interrupted.
    fn drive(&self, ctx: &Ctx, call: &HandlerCall) -> Result<Option<String>, String> {
        let fail = |e: rquickjs::Error| format!("the mock runtime failed: {e}");
        let api: Object = ctx.globals().get("__aslplay").map_err(fail)?;
        let call_fn: Function = api.get("call").map_err(fail)?;
        let wake: Function = api.get("wake").map_err(fail)?;
        let promise: Promise = call_fn.call((call.to_json().to_json(),)).map_err(fail)?;
        loop {
            while ctx.execute_pending_job() {}
            if self.interrupted.get() {
                return Ok(None);
            }
            match promise.state() {
                PromiseState::Resolved => return promise.result::<String>().unwrap_or(Err(rquickjs::Error::Unknown)).map(Some).map_err(fail),
                PromiseState::Rejected => return Err("the mock runtime's call was rejected".into()),
                PromiseState::Pending => {
                    let woken: u32 = wake.call(()).map_err(fail)?;
                    if woken == 0 {
                        return Err("the mock runtime stalled".into());
                    }
                }
            }
        }
    }
}

fn load_error(text: &str) -> LoadError {
    let reply = Value::parse(text).unwrap_or(Value::Null);
    let field = |k: &str| reply.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
    let number = |k: &str| reply.get(k).and_then(Value::as_i64).and_then(|n| u32::try_from(n).ok());
    LoadError { message: format!("{}: {}", field("error"), field("cause")), line: number("line"), column: number("column") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::integrations::handler::EffectKind;

    fn call(key: &str, input: &str, context: &str) -> HandlerCall {
        HandlerCall { id: 1, key: key.into(), input: Value::parse(input).unwrap(), context: Value::parse(context).unwrap() }
    }

    fn load(source: &str) -> JsMocks {
        JsMocks::load(source, 7, Duration::from_millis(500)).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn runs_handlers_with_virtual_sleep_store_and_callbacks() {
        let mocks = load(
            r#"mocks({
              "Hello": (input) => ({ statusCode: 200, body: "Hello from " + input.who }),
              "Slow": async (input, ctx) => {
                await Promise.all([ctx.sleep(1000), ctx.sleep(3000)]);
                ctx.sendTaskSuccess(ctx.taskToken, "approved");
                ctx.store.set("seen", (ctx.store.get("seen") ?? 0) + 1);
              },
            });
            setup({ store: { seen: 41 } });"#,
        );
        assert_eq!(mocks.keys(), ["Hello", "Slow"]);
        assert_eq!(mocks.setup().unwrap().to_json(), r#"{"store":{"seen":41}}"#);
        let r = mocks.call(&call("Hello", r#"{"who":"you"}"#, "{}")).unwrap();
        assert_eq!(r.outcome, Outcome::Returned(Value::parse(r#"{"statusCode":200,"body":"Hello from you"}"#).unwrap()));
        let r = mocks.call(&call("Slow", "{}", r#"{"taskToken":"t1","store":{"seen":41}}"#)).unwrap();
        assert_eq!((r.outcome, r.elapsed_ms), (Outcome::Nothing, 3000));
        assert_eq!((r.effects[0].at_ms, &r.effects[0].kind), (3000, &EffectKind::Success(Value::str("approved"))));
        assert_eq!(r.store, vec![("seen".into(), Some(Value::int(42)))]);
    }

    #[test]
    fn reports_throws_bad_results_and_endless_handlers() {
        let mocks = load(
            "class CustomError extends Error { constructor(m) { super(m); this.name = 'CustomError'; } }\n\
             mocks({\n\
               Throw: () => { throw Object.assign(new Error('no winners'), { name: 'CustomError' }); },\n\
               Str: () => { throw 'oops'; },\n\
               Fn: () => ({ f() {} }),\n\
               Cycle: () => { const a = {}; a.self = a; return a; },\n\
               Loop: () => { for (;;) {} },\n\
               Never: () => new Promise(() => {}),\n\
               Custom: () => { throw new CustomError('mine'); },\n\
               Flaky: failTimes(2, 'Lambda.ServiceException', { ok: true }),\n\
             });",
        );
        let Outcome::Threw(t) = mocks.call(&call("Throw", "{}", "{}")).unwrap().outcome else { panic!() };
        assert_eq!((t.name.as_str(), t.message.as_str(), t.thrown.as_str(), t.at.line), ("CustomError", "no winners", "Error", Some(3)));
        let Outcome::Threw(t) = mocks.call(&call("Custom", "{}", "{}")).unwrap().outcome else { panic!() };
        assert_eq!((t.name.as_str(), t.trace[0].as_str()), ("CustomError", "CustomError: mine"));
        let Outcome::Threw(t) = mocks.call(&call("Str", "{}", "{}")).unwrap().outcome else { panic!() };
        assert_eq!((t.name.as_str(), t.message.as_str(), t.thrown.as_str()), ("Error", "oops", "string"));
        let Outcome::NotJson(at) = mocks.call(&call("Fn", "{}", "{}")).unwrap().outcome else { panic!() };
        assert_eq!(at.message, "returned a function at $.f, which is not JSON");
        let Outcome::NotJson(at) = mocks.call(&call("Cycle", "{}", "{}")).unwrap().outcome else { panic!() };
        assert_eq!(at.message, "returned a cycle at $.self, which is not JSON");
        assert_eq!(mocks.call(&call("Loop", "{}", "{}")).unwrap().outcome, Outcome::TimedOut);
        assert_eq!(mocks.call(&call("Never", "{}", "{}")).unwrap().outcome, Outcome::NeverSettled);
        assert!(matches!(mocks.call(&call("Flaky", "{}", r#"{"call":2}"#)).unwrap().outcome, Outcome::Threw(t) if t.name == "Lambda.ServiceException"));
        assert_eq!(mocks.call(&call("Flaky", "{}", r#"{"call":3}"#)).unwrap().outcome, Outcome::Returned(Value::parse(r#"{"ok":true}"#).unwrap()));
        // The engine is still usable after an interrupted handler.
        assert!(matches!(mocks.call(&call("Throw", "{}", "{}")).unwrap().outcome, Outcome::Threw(_)));
    }

    #[test]
    fn bigints_undefined_and_thrown_objects_are_reported() {
        let mocks = load(
            "mocks({\n\
               Big: () => ({ n: [1, 2n] }),\n\
               Undef: () => undefined,\n\
               Typed: () => { throw { errorType: 'Payment.Declined', errorMessage: 'card refused' }; },\n\
               Plain: () => { throw { code: 7 }; },\n\
             });",
        );
        let Outcome::NotJson(at) = mocks.call(&call("Big", "{}", "{}")).unwrap().outcome else { panic!() };
        assert_eq!(at.message, "returned a BigInt at $.n[1], which is not JSON");
        assert_eq!(mocks.call(&call("Undef", "{}", "{}")).unwrap().outcome, Outcome::Nothing);
        let Outcome::Threw(t) = mocks.call(&call("Typed", "{}", "{}")).unwrap().outcome else { panic!() };
        assert_eq!((t.name.as_str(), t.message.as_str(), t.thrown.as_str()), ("Payment.Declined", "card refused", "object"));
        let Outcome::Threw(t) = mocks.call(&call("Plain", "{}", "{}")).unwrap().outcome else { panic!() };
        assert_eq!((t.name.as_str(), t.message.as_str()), ("Error", r#"{"code":7}"#));
    }

    #[test]
    fn load_errors_point_at_the_line() {
        let e = JsMocks::load("mocks({\n  A: () => 1,\n  B: () => {,\n});", 0, Duration::from_secs(1)).err().unwrap();
        assert!(e.message.starts_with("SyntaxError"), "{e:?}");
        assert_eq!(e.line, Some(3));
        let e = JsMocks::load("mocks({ A: 42 });", 0, Duration::from_secs(1)).err().unwrap();
        assert!(e.message.contains("is a number, not a function"), "{e:?}");
        let e = JsMocks::load("for (;;) {}", 0, Duration::from_millis(100)).err().unwrap();
        assert!(e.message.contains("did not finish loading"), "{e:?}");
    }
}
