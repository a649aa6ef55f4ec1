//! Reading files the person picked or dropped, as text.
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList};

use crate::domain::import::{check_size, parse_file, Parsed};
use crate::domain::storage::Unreadable;

/// The files of a file list, in order.
pub fn files_of(list: &FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads and parses one file; a file over the size limit is refused before it is read.
pub async fn read_plan_file(file: &File) -> (String, Result<Parsed, Unreadable>) {
    let name = file.name();
    if let Err(too_big) = check_size(file.size() as usize) {
        return (name, Err(too_big));
    }
    let result = match JsFuture::from(file.text()).await {
        Ok(text) => {
            // the parse is measured (`performance` entry "keyplan-import-parse") for the import
            // timing the browser tests report
            let performance = web_sys::window().and_then(|w| w.performance());
            if let Some(p) = &performance {
                let _ = p.mark("keyplan-import-parse-start");
            }
            let parsed = parse_file(&text.as_string().unwrap_or_default());
            if let Some(p) = &performance {
                let _ =
                    p.measure_with_start_mark("keyplan-import-parse", "keyplan-import-parse-start");
            }
            parsed
        }
        Err(_) => Err(Unreadable::NotAPlan(
            "the browser could not read the file".to_string(),
        )),
    };
    (name, result)
}
