//! The browser's localStorage as the session's [`Store`]: tells "absent" from "not allowed" and
//! reports refused writes with the browser's reason.
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

use crate::session::{StorageError, Store};

/// This origin's localStorage.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LocalStore;

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
        "" => StorageError::Other("Error".to_string()),
        _ => StorageError::Other(name),
    }
}

impl Store for LocalStore {
    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        storage()?.get_item(key).map_err(classify)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        storage()?.set_item(key, value).map_err(classify)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        storage()?.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let storage = storage()?;
        let count = storage.length().map_err(classify)?;
        let mut keys = Vec::with_capacity(count as usize);
        for i in 0..count {
            if let Some(key) = storage.key(i).map_err(classify)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }

    fn used_chars(&self) -> Result<usize, StorageError> {
        let storage = storage()?;
        let count = storage.length().map_err(classify)?;
        // each value's length as the browser has it (UTF-16 units, what the quota counts),
        // without copying a plan of megabytes into wasm memory to count it again
        let get_item: js_sys::Function = js_sys::Reflect::get(&storage, &"getItem".into())
            .map_err(classify)?
            .unchecked_into();
        let mut chars = 0;
        for i in 0..count {
            if let Some(key) = storage.key(i).map_err(classify)? {
                let value = get_item
                    .call1(&storage, &JsValue::from_str(&key))
                    .map_err(classify)?;
                chars += key.encode_utf16().count()
                    + value
                        .dyn_ref::<js_sys::JsString>()
                        .map_or(0, |text| text.length() as usize);
            }
        }
        Ok(chars)
    }
}

/// A fresh random stamp for a save (see [`crate::session::STAMP_KEY`]).
pub fn new_stamp() -> String {
    format!(
        "{:x}-{:x}",
        js_sys::Date::now() as u64,
        (js_sys::Math::random() * 2f64.powi(48)) as u64
    )
}
