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
