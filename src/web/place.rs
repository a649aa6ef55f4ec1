//! The page's address and browser, for saying where the plan lives
//! (the rule is [`crate::session::per_file_location`]).

/// This file's location when the browser keeps one plan per file path (Firefox), else `None`.
pub fn plan_file_location() -> Option<String> {
    let window = web_sys::window()?;
    crate::session::per_file_location(
        &window.navigator().user_agent().ok()?,
        &window.location().href().ok()?,
        // text that is not UTF-8 once decoded is shown as the URL has it
        |text| js_sys::decode_uri_component(text).map_or_else(|_| text.to_string(), String::from),
    )
}

/// The page address's fragment (`#…`), if any.
pub fn hash() -> Option<String> {
    web_sys::window()?.location().hash().ok()
}

/// Puts `hash` into the page address without a new history entry, or takes projector mode's
/// fragment out of it (`None`); the page is not reloaded.
pub fn show_hash(hash: Option<String>) {
    let now = self::hash().unwrap_or_default();
    let to = match hash {
        Some(hash) if hash != now => hash,
        None if now.starts_with("#projector") => "#".to_string(),
        _ => return,
    };
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(&to);
    }
}
