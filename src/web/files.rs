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
    let Some(text) = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
    else {
        return (name, Err(Unreadable::CannotRead));
    };
    super::bench::mark("keyplan-import-read");
    let parsed = read(&text, Mode::Lenient { now: clock::now() });
    super::bench::mark("keyplan-import-parsed");
    (name, parsed)
}
