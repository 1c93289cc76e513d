//! The tutorial track's texts, fetched from beside the page (`tutorials.json`, bundled by
//! `www/js/tutorials.mjs`) so that they stay out of the wasm.

use std::collections::HashMap;

use crate::asl::json::Value;
use crate::tutorial::fetched;
use crate::ui::sample_files::text;

/// Fetches the texts and installs them for the catalog.
pub async fn fetch() -> Result<(), String> {
    let bundle = text("tutorials.json".into()).await?;
    let bundle = Value::parse(&bundle).map_err(|e| format!("tutorials.json does not read: {e}"))?;
    let files = bundle.as_object().ok_or("tutorials.json is not an object")?;
    fetched::install(files.iter().filter_map(|(path, text)| Some((path.to_string(), text.as_str()?.to_string()))).collect::<HashMap<_, _>>());
    Ok(())
}
