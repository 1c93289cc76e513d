//! A sample's files, fetched from beside the page (`samples/<id>/…`, copied there by trunk), so
//! their texts stay out of the wasm.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::ui::samples::{Sample, FILES};
use crate::ui::state::Texts;

/// The sample's definition, input and mocks.
pub async fn fetch(sample: &Sample) -> Result<Texts, String> {
    let [definition, input, mocks] = FILES;
    let get = |file| text(format!("samples/{}/{file}", sample.id));
    Ok(Texts { definition: get(definition).await?.into(), input: get(input).await?.into(), mocks: get(mocks).await?.into() })
}

/// The text of the file at `url`, relative to the page.
pub async fn text(url: String) -> Result<String, String> {
    let failed = |e: wasm_bindgen::JsValue| format!("Could not load {url}: {e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url)).await.map_err(failed)?.unchecked_into();
    if !response.ok() {
        return Err(format!("Could not load {url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(failed)?).await.map_err(failed)?;
    text.as_string().ok_or_else(|| format!("Could not load {url}"))
}
