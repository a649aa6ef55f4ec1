//! Where the plan lives: the file's location is named only where the browser keeps one plan per
//! file path (Firefox from `file://`), decoded, as people write paths.
use keyplan::session::per_file_location;

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
const CHROMIUM: &str = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                        Chrome/142.0.0.0 Safari/537.36";
const SAFARI: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 \
                      (KHTML, like Gecko) Version/18.0 Safari/605.1.15";

/// Percent-decoding as `decodeURIComponent` does it, for the few escapes these tests use.
fn decode(text: &str) -> String {
    text.replace("%20", " ")
        .replace("%E9%94%80%E5%94%AE", "销售")
        .replace("%23", "#")
}

fn location(user_agent: &str, href: &str) -> Option<String> {
    per_file_location(user_agent, href, decode)
}

#[test]
fn only_firefox_from_a_file_keeps_a_plan_per_path() {
    let href = "file:///home/wang/keyplan.html";
    assert_eq!(
        location(FIREFOX, href).as_deref(),
        Some("/home/wang/keyplan.html")
    );
    assert_eq!(location(CHROMIUM, href), None);
    assert_eq!(location(SAFARI, href), None);
    assert_eq!(location(FIREFOX, "https://example.org/keyplan.html"), None);
    assert_eq!(location(FIREFOX, "http://localhost:8080/"), None);
}

#[test]
fn the_path_is_decoded_without_query_or_fragment() {
    assert_eq!(
        location(
            FIREFOX,
            "file:///home/wang/%E9%94%80%E5%94%AE/keyplan%20(1)%23.html?x=1#deal"
        )
        .as_deref(),
        Some("/home/wang/销售/keyplan (1)#.html")
    );
    assert_eq!(
        location(FIREFOX, "file:///home/wang/keyplan.html#%E9%94%80").as_deref(),
        Some("/home/wang/keyplan.html")
    );
}

#[test]
fn windows_paths_read_as_windows_paths() {
    assert_eq!(
        location(FIREFOX, "file:///C:/Users/Wang/Desktop/keyplan.html").as_deref(),
        Some("C:\\Users\\Wang\\Desktop\\keyplan.html")
    );
    assert_eq!(
        location(FIREFOX, "file://fileserver/sales/keyplan.html").as_deref(),
        Some("\\\\fileserver\\sales\\keyplan.html")
    );
}
