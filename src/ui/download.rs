//! Downloading a text as a file, through a Blob URL.

use wasm_bindgen::JsCast;

use crate::ui::export_files::File;

/// Offers `file` as a download.
pub fn download(file: &File) -> Result<(), String> {
    let failed = |e: wasm_bindgen::JsValue| format!("Could not download {}: {e:?}", file.name);
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(file.mime);
    let parts = js_sys::Array::of1(&file.text.as_str().into());
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").map_err(failed)?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(&file.name);
    anchor.click();
    // The download has its own copy of the blob once it started.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
