//! Reading files the person picked or dropped, as text.
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList};

use super::clock;
use crate::domain::import::table::{utf8, Encoding};
use crate::domain::plan_file::{check_size, read, Mode, Parsed, Unreadable};
use crate::session::TableFile;

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

/// Whether a file is a spreadsheet by its name: `.csv`, `.tsv` or `.txt`.
pub fn is_table(file: &File) -> bool {
    let name = file.name().to_lowercase();
    [".csv", ".tsv", ".txt"]
        .iter()
        .any(|end| name.ends_with(end))
}

/// A spreadsheet file's bytes as they are (decoded in the import dialog, with the encoding the
/// person may switch); one over the size limit or that cannot be read is refused.
pub async fn read_table_file(file: &File) -> Result<TableFile, (String, Unreadable)> {
    let name = file.name();
    if let Err(too_big) = check_size(file.size() as usize) {
        return Err((name, too_big));
    }
    match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(TableFile {
            name,
            bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
            pasted: false,
            left: Vec::new(),
        }),
        Err(_) => Err((name, Unreadable::CannotRead)),
    }
}

/// Spreadsheet bytes as text in `encoding`: UTF-8 here (a byte-order mark dropped), GB18030 by
/// the browser's `TextDecoder` (no tables in the page); what cannot be decoded becomes U+FFFD.
pub fn decode(bytes: &[u8], encoding: Encoding) -> String {
    if encoding == Encoding::Utf8 {
        if let Some(text) = utf8(bytes) {
            return text.to_string();
        }
    }
    let label = match encoding {
        Encoding::Utf8 => "utf-8",
        Encoding::Gb18030 => "gb18030",
    };
    web_sys::TextDecoder::new_with_label(label)
        .and_then(|decoder| decoder.decode_with_u8_array(bytes))
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
}
