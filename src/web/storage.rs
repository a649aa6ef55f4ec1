//! localStorage access that tells "absent" from "unreadable" from "not allowed", and reports failed writes.
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

/// Why the browser refused to read or write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage for this page (private mode, disabled, some browsers' `file://`).
    Unavailable,
    /// The quota is exhausted.
    Full,
    /// Anything else the browser said.
    Other(String),
}

fn storage() -> Result<Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError::Unavailable),
        Err(e) => Err(classify(e)),
    }
}

fn classify(error: JsValue) -> StorageError {
    let name = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.name()))
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" => StorageError::Unavailable,
        _ => StorageError::Other(
            error
                .dyn_ref::<js_sys::Error>()
                .map(|e| format!("{name}: {}", String::from(e.message())))
                .unwrap_or_else(|| format!("{error:?}")),
        ),
    }
}

/// The text under `key`, `None` when absent.
pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    storage()?.get_item(key).map_err(classify)
}

/// Writes `value` under `key`; the browser's refusal is returned, never swallowed.
pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(classify)
}

/// Characters this origin holds in localStorage, keys included (what the quota counts).
pub fn used_chars() -> Result<usize, StorageError> {
    let storage = storage()?;
    let count = storage.length().map_err(classify)?;
    let mut chars = 0;
    for i in 0..count {
        if let Some(key) = storage.key(i).map_err(classify)? {
            let value = storage
                .get_item(&key)
                .map_err(classify)?
                .unwrap_or_default();
            chars += key.encode_utf16().count() + value.encode_utf16().count();
        }
    }
    Ok(chars)
}

/// A fresh random stamp for [`crate::domain::storage::STAMP_KEY`].
pub fn new_stamp() -> String {
    format!(
        "{:x}-{:x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 2f64.powi(48)) as u64
    )
}
