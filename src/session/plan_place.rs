//! Where the plan lives: in this browser's storage and, in Firefox, for this file's location only.
//!
//! Firefox (with its default `security.fileuri.strict_origin_policy`) gives every `file://` path
//! storage of its own: the same keyplan moved, renamed or copied — or a newer copy saved as
//! `keyplan (1).html` — opens on an empty plan while the plan waits at the old path. Chromium
//! shares one storage among all `file://` pages. A page cannot tell by behaviour which it is in:
//! the storage it sees is the only storage it can read, so it never sees another path's plan.
//! Hence the user agent: Firefox and the browsers built on it (LibreWolf, Tor Browser, …) say
//! `Firefox/`; Chromium says `like Gecko` but never `Firefox/`.

/// The file's location as a person would write it, when this browser keeps one plan per file
/// path (Firefox, page opened from `file://`); `None` when the plan is the browser's alone.
/// `href` is the page's URL; `decode` undoes its percent-encoding (the browser's
/// `decodeURIComponent`).
pub fn per_file_location(
    user_agent: &str,
    href: &str,
    decode: impl Fn(&str) -> String,
) -> Option<String> {
    let firefox = user_agent.as_bytes().windows(8).any(|w| w == b"Firefox/");
    let rest = href.strip_prefix("file://").filter(|_| firefox)?;
    let end = rest.find(['?', '#']).unwrap_or(rest.len());
    let url = decode(&rest[..end]);
    let (host, path) = url.split_at(url.find('/').unwrap_or(url.len()));
    let b = path.as_bytes();
    // `/C:/Users/…` (a Windows drive) and `//server/share/…` (a network share) read with
    // backslashes, as Windows writes them
    let drive = b.len() > 2 && b[1].is_ascii_alphabetic() && b[2] == b':';
    let windows = |p: &str| p.chars().map(|c| if c == '/' { '\\' } else { c }).collect();
    Some(if drive {
        windows(&path[1..])
    } else if !host.is_empty() {
        windows(&format!("//{url}"))
    } else {
        path.to_string()
    })
}
