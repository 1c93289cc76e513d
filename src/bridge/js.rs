//! Bindings to the page's JavaScript glue (www/js/main.js), the global `aslplay`.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::bridge::call_input::{CallInputs, Sent};
use crate::integrations::handler::HandlerCall;

#[wasm_bindgen]
extern "C" {
    /// A CodeMirror editor (www/js/editor.js).
    pub type EditorHandle;

    /// Creates an editor in `parent`: `language` is `json`, `json-live` or `javascript`;
    /// `on_change(text)` runs after each edit, `on_run()` on Ctrl/Cmd+Enter.
    #[wasm_bindgen(js_namespace = aslplay, js_name = createEditor)]
    pub fn create_editor(
        parent: &web_sys::Element,
        language: &str,
        doc: &str,
        on_change: &Function,
        on_run: &Function,
    ) -> EditorHandle;

    /// Replaces the whole text.
    #[wasm_bindgen(method, js_name = setText)]
    pub fn set_text(this: &EditorHandle, text: &str);

    /// Shows diagnostics: JSON `[{from, to, severity, message}]` in UTF-16 offsets.
    #[wasm_bindgen(method, js_name = setDiagnostics)]
    pub fn set_diagnostics(this: &EditorHandle, json: &str);

    /// Moves the cursor to a UTF-16 offset and focuses the editor.
    #[wasm_bindgen(method)]
    pub fn reveal(this: &EditorHandle, offset: u32);

    /// Removes the editor.
    #[wasm_bindgen(method)]
    pub fn destroy(this: &EditorHandle);

    /// The mock sandbox (www/js/mock-host.js).
    type MockHost;

    #[wasm_bindgen(js_namespace = aslplay, js_name = mocks)]
    fn mock_host() -> MockHost;

    #[wasm_bindgen(method)]
    fn load(this: &MockHost, runtime: &str, source: &str, seed: u32) -> Promise;

    #[wasm_bindgen(method)]
    fn call(this: &MockHost, call: &str, timeout_ms: u32, execution_input: JsValue) -> Promise;

    #[wasm_bindgen(method)]
    fn reset(this: &MockHost);

    /// The mock file's syntax error as reply JSON, or null.
    #[wasm_bindgen(js_namespace = aslplay, js_name = mockSyntaxError)]
    pub fn mock_syntax_error(source: &str) -> Option<String>;
}

/// Evaluates the mock runtime, then the mock file, in a fresh worker, with `Math.random` seeded;
/// the reply JSON lists the handler keys (see `integrations::MOCK_RUNTIME`).
pub async fn load_mocks(runtime: &str, source: &str, seed: u32) -> String {
    settle(mock_host().load(runtime, source, seed)).await
}

/// Makes a handler call; resolves to the reply JSON. The execution's input goes with it only when
/// `inputs` did not send it before (see `call_input`).
pub async fn call_mock(call: &HandlerCall, inputs: &mut CallInputs, timeout_ms: u32) -> String {
    let mut json = call.to_json();
    let input = match inputs.split(&mut json) {
        Sent::Whole => JsValue::UNDEFINED,
        Sent::Same => JsValue::NULL,
        Sent::New(text) => JsValue::from_str(&text),
    };
    settle(mock_host().call(&json.to_json(), timeout_ms, input)).await
}

/// Stops whatever the mocks are doing (the Stop button).
pub fn stop_mocks() {
    mock_host().reset();
}

/// The string a glue promise resolves to (they never reject; a rejection is reported as a reply).
async fn settle(promise: Promise) -> String {
    match JsFuture::from(promise).await {
        Ok(value) => value.as_string().unwrap_or_default(),
        Err(error) => {
            let cause = error.as_string().unwrap_or_else(|| format!("{error:?}"));
            serde_json::json!({ "ok": false, "error": "Error", "cause": cause }).to_string()
        }
    }
}
