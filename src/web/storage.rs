//! The browser's localStorage as the session's [`Store`]: tells "absent" from "not allowed" and
//! reports refused writes with the browser's reason.
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

use crate::session::{fingerprint, StorageError, Store};

thread_local! {
    /// The text last written with its fingerprint or last fingerprinted, as the browser has it,
    /// with its key and fingerprint: a plan of megabytes the browser still holds unchanged
    /// (`===`) is not copied into wasm memory and hashed again at every save. Other writes (a
    /// backup) leave it be.
    static KNOWN: std::cell::RefCell<Option<(String, JsValue, u64)>> = const { std::cell::RefCell::new(None) };
}

/// `storage.getItem(key)` as the browser's own string (or `null`), not copied into wasm memory.
fn get_item(storage: &Storage, key: &str) -> Result<JsValue, StorageError> {
    let get_item: js_sys::Function = js_sys::Reflect::get(storage, &"getItem".into())
        .map_err(classify)?
        .unchecked_into();
    get_item
        .call1(storage, &JsValue::from_str(key))
        .map_err(classify)
}

/// `storage.setItem(key, text)` with the browser's own string, so that it can be remembered.
fn set_item(key: &str, text: &JsValue) -> Result<(), StorageError> {
    let storage = storage()?;
    let set_item: js_sys::Function = js_sys::Reflect::get(&storage, &"setItem".into())
        .map_err(classify)?
        .unchecked_into();
    set_item
        .call2(&storage, &JsValue::from_str(key), text)
        .map(|_| ())
        .map_err(classify)
}

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
        set_item(key, &JsValue::from_str(value))
    }

    fn write_printed(&self, key: &str, value: &str, print: u64) -> Result<(), StorageError> {
        let text = JsValue::from_str(value);
        set_item(key, &text)?;
        // what is remembered only counts while the browser holds exactly that text, so an entry
        // left behind is never wrong
        KNOWN.with(|known| *known.borrow_mut() = Some((key.to_string(), text, print)));
        Ok(())
    }

    fn fingerprint(&self, key: &str) -> Result<u64, StorageError> {
        let value = get_item(&storage()?, key)?;
        let known = KNOWN.with(|known| match &*known.borrow() {
            Some((k, text, print)) if k == key && *text == value => Some(*print),
            _ => None,
        });
        if let Some(print) = known {
            return Ok(print);
        }
        let Some(text) = value.as_string() else {
            return Ok(fingerprint(None));
        };
        let print = fingerprint(Some(&text));
        KNOWN.with(|known| *known.borrow_mut() = Some((key.to_string(), value, print)));
        Ok(print)
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
        let mut chars = 0;
        for i in 0..count {
            if let Some(key) = storage.key(i).map_err(classify)? {
                let value = get_item(&storage, &key)?;
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
