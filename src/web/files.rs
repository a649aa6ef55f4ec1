//! Reading files the person picked or dropped, as text.
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList};

use super::clock;
use crate::domain::plan_file::{check_size, read, Mode, Parsed, Unreadable};

/// The files of a file list, in order.
pub fn files_of(list: &FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads and parses one plan file leniently; a file over the size limit is refused before it is
/// read, and one the browser cannot read is reported as such.
pub async fn read_plan_file(file: &File) -> (String, Result<Parsed, Unreadable>) {
    let name = file.name();
    if let Err(too_big) = check_size(file.size() as usize) {
        return (name, Err(too_big));
    }
    // the bytes, copied once into wasm memory (as text they would be decoded into a JS string,
    // then encoded again); text that is not UTF-8 is read by the browser, which puts U+FFFD for
    // what it cannot decode
    let Ok(buffer) = JsFuture::from(file.array_buffer()).await else {
        return (name, Err(Unreadable::CannotRead));
    };
    let text = match String::from_utf8(js_sys::Uint8Array::new(&buffer).to_vec()) {
        Ok(text) => text,
        Err(_) => match JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|t| t.as_string())
        {
            Some(text) => text,
            None => return (name, Err(Unreadable::CannotRead)),
        },
    };
    super::bench::mark("keyplan-import-read");
    let parsed = read(&text, Mode::Lenient { now: clock::now() });
    super::bench::mark("keyplan-import-parsed");
    (name, parsed)
}
