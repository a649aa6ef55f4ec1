//! Offers text as a file download through a `blob:` URL (works from `file://`, sends nothing anywhere).
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Downloads `content` as `file_name` with the given MIME type.
pub fn download_text(file_name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Offers a plan (or a part of one, named by `part`) as an indented plan file named after its
/// title, the part and today's date.
pub fn download_plan(plan: &crate::domain::Plan, part: Option<&str>) -> Result<(), JsValue> {
    use crate::domain::file_name::export_file_name;
    use crate::domain::plan_file::encode_pretty;
    use crate::web::clock;
    let stem = match (plan.title.as_deref(), part) {
        (title, None) => title.unwrap_or("keyplan").to_string(),
        (Some(title), Some(part)) => format!("{title}-{part}"),
        (None, Some(part)) => format!("keyplan-{part}"),
    };
    let name = export_file_name(Some(&stem), clock::today(), "json");
    download_text(
        &name,
        "application/json",
        &encode_pretty(plan, clock::now()),
    )
}
