//! The Mocks pane's mock-configuration controls: "Import mock config" (a Step Functions Local JSON
//! file replaces the Mocks text, which the workspace keeps like any text) and, when the Mocks pane
//! holds a configuration, the test case Run uses.

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::bridge::mock_config;

#[derive(Properties, PartialEq)]
pub struct MockConfigProps {
    pub mocks: Rc<str>,
    /// The test case picked (Run uses the first when it is not one of the file's).
    pub test_case: Option<Rc<str>>,
    pub on_import: Callback<String>,
    pub on_pick: Callback<Rc<str>>,
}

#[function_component]
pub fn MockConfigBar(props: &MockConfigProps) -> Html {
    let on_file = {
        let on_import = props.on_import.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            // Cleared, so that picking the same file again imports it again.
            input.set_value("");
            let on_import = on_import.clone();
            yew::platform::spawn_local(async move {
                if let Some(text) = JsFuture::from(file.text()).await.ok().and_then(|t| t.as_string()) {
                    on_import.emit(text);
                }
            });
        })
    };
    let cases = if mock_config::is_config(&props.mocks) { mock_config::test_cases(&props.mocks) } else { Vec::new() };
    let picked = props.test_case.as_deref().filter(|c| cases.iter().any(|n| n == c)).or(cases.first().map(String::as_str));
    let on_pick = props.on_pick.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value().into());
    html! {
        <div class="mock-config-bar">
            <label class="import-config" title="Replace the mocks with a Step Functions Local mock configuration (JSON)">
                { "Import mock config" }
                <input type="file" accept=".json,application/json" onchange={on_file} />
            </label>
            if !cases.is_empty() {
                <label class="test-case">
                    { "Test case " }
                    <select onchange={on_pick}>
                        { for cases.iter().map(|c| html! { <option value={c.clone()} selected={Some(c.as_str()) == picked}>{ c }</option> }) }
                    </select>
                </label>
            }
        </div>
    }
}
