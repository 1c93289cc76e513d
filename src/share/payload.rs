//! What a link carries: the whole workspace (its three texts, its test cases), the query language
//! the page was set to, and the sample or exercise open. Format v1 is this as compact JSON, packed
//! ([`super::pack`]) and written in base64url, after the length of that text and a dot
//! (`812.xVRNb…`): a link shorter than it says was cut, one that fails its checksum was changed.
//! Changing the format means a new version; v1 links keep opening through [`decode_v1`].

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::{DecodeError, Engine};
use serde::{Deserialize, Serialize};

use crate::asl::definition::QueryLanguage;
use crate::testcases::{TestCase, Workspace};

use super::error::ShareError;
use super::pack::{pack, unpack};

/// A shared workspace.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shared {
    /// The definition, input and mocks, exactly as written.
    pub workspace: Workspace,
    /// The query language the page was set to, if it says.
    pub query_language: Option<QueryLanguage>,
    /// The sample or exercise that was open.
    pub selected: Option<Selected>,
    /// The workspace's saved test cases.
    pub tests: Vec<TestCase>,
}

/// A sample or an exercise, by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "lowercase")]
pub enum Selected {
    Sample(String),
    Exercise(String),
}

/// Format v1, with one-letter keys to keep links short.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct V1 {
    d: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    i: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    m: String,
    /// `JSONPath` or `JSONata`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    q: Option<String>,
    /// A sample's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    s: Option<String>,
    /// An exercise's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    e: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    t: Vec<TestCase>,
}

/// The data of a v1 link.
pub fn encode_v1(shared: &Shared) -> String {
    let (s, e) = match &shared.selected {
        Some(Selected::Sample(id)) => (Some(id.clone()), None),
        Some(Selected::Exercise(id)) => (None, Some(id.clone())),
        None => (None, None),
    };
    let v1 = V1 {
        d: shared.workspace.definition.clone(),
        i: shared.workspace.input.clone(),
        m: shared.workspace.mocks.clone(),
        q: shared.query_language.map(|q| query_language_name(q).to_string()),
        s,
        e,
        t: shared.tests.clone(),
    };
    // Serializing plain strings and test cases cannot fail.
    let json = serde_json::to_vec(&v1).unwrap_or_default();
    let data = URL_SAFE_NO_PAD.encode(pack(&json));
    format!("{}.{data}", data.len())
}

/// Reads the data of a v1 link.
pub fn decode_v1(text: &str) -> Result<Shared, ShareError> {
    let Some((length, data)) = text.split_once('.') else {
        return Err(if text.bytes().all(|b| b.is_ascii_digit()) { ShareError::Truncated } else { ShareError::Corrupted("it does not begin with its length".into()) });
    };
    let length: usize = length.parse().map_err(|_| ShareError::Corrupted("it does not begin with its length".into()))?;
    if data.len() < length {
        return Err(ShareError::Truncated);
    }
    if data.len() > length {
        return Err(ShareError::Corrupted(format!("it is {} characters longer than it says", data.len() - length)));
    }
    let packed = URL_SAFE_NO_PAD.decode(data).map_err(|e| match e {
        DecodeError::InvalidByte(_, byte) => ShareError::Corrupted(format!("it holds the character {:?}, which no link has", byte as char)),
        _ => ShareError::Corrupted("its data is not base64url".into()),
    })?;
    let json = unpack(&packed)?;
    // Read as text like every other stored JSON, so the wasm holds one reader of these types, not two.
    let json = String::from_utf8(json).map_err(|_| ShareError::Corrupted("its workspace is not UTF-8 text".into()))?;
    let v1: V1 = serde_json::from_str(&json).map_err(|e| ShareError::Corrupted(format!("its workspace does not read: {e}")))?;
    let language = match v1.q.as_deref() {
        None => None,
        Some(name) => Some(query_language(name).ok_or_else(|| ShareError::Corrupted(format!("\"{name}\" is not a query language")))?),
    };
    let selected = match (v1.s, v1.e) {
        (Some(sample), None) => Some(Selected::Sample(sample)),
        (None, Some(exercise)) => Some(Selected::Exercise(exercise)),
        (None, None) => None,
        (Some(_), Some(_)) => return Err(ShareError::Corrupted("it names both a sample and an exercise".into())),
    };
    Ok(Shared { workspace: Workspace::new(v1.d, v1.i, v1.m), query_language: language, selected, tests: v1.t })
}

/// How links and saved workspaces name a query language: `JSONPath` or `JSONata`.
pub fn query_language_name(language: QueryLanguage) -> &'static str {
    if language == QueryLanguage::Jsonata { "JSONata" } else { "JSONPath" }
}

/// The query language named `name` ([`query_language_name`]'s words).
pub fn query_language(name: &str) -> Option<QueryLanguage> {
    match name {
        "JSONPath" => Some(QueryLanguage::JsonPath),
        "JSONata" => Some(QueryLanguage::Jsonata),
        _ => None,
    }
}
