//! Just enough HTML handling for the Trunk entry page: find tags by name, read their
//! attributes, and splice text in. Everything that is not understood is an error, so a
//! new Trunk directive in `index.html` cannot silently go missing from the release.

/// A tag's attributes in source order: lower-cased name, value if it has one.
pub type Attrs = Vec<(String, Option<String>)>;

/// One start tag: its byte range in the source and its attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub start: usize,
    pub end: usize,
    pub attrs: Attrs,
}

impl Tag {
    pub fn has(&self, name: &str) -> bool {
        self.attrs.iter().any(|(n, _)| n == name)
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.as_deref())
    }
}

/// All start tags named `name` (ASCII case-insensitive), skipping `<!-- comments -->`.
pub fn find_tags(html: &str, name: &str) -> Result<Vec<Tag>, String> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(rel) = html[i..].find('<') {
        let start = i + rel;
        if html[start..].starts_with("<!--") {
            i = match html[start + 4..].find("-->") {
                Some(end) => start + 4 + end + 3,
                None => return Err(format!("unterminated <!-- comment at byte {start}")),
            };
            continue;
        }
        let after = start + 1 + name.len();
        let is_match = bytes.len() > after
            && html.is_char_boundary(after)
            && html[start + 1..after].eq_ignore_ascii_case(name)
            && matches!(
                bytes[after],
                b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'
            );
        if is_match {
            let (attrs, end) = parse_attrs(html, after)
                .ok_or_else(|| format!("unterminated <{name}> tag at byte {start}"))?;
            tags.push(Tag { start, end, attrs });
            i = end;
        } else {
            i = start + 1;
        }
    }
    Ok(tags)
}

/// Parses attributes from `pos` up to and including the closing `>`; returns them and the
/// index just past `>`, or `None` when the tag never closes.
fn parse_attrs(html: &str, mut pos: usize) -> Option<(Attrs, usize)> {
    let b = html.as_bytes();
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c');
    let mut attrs = Vec::new();
    loop {
        while pos < b.len() && (is_space(b[pos]) || b[pos] == b'/') {
            pos += 1;
        }
        match b.get(pos)? {
            b'>' => return Some((attrs, pos + 1)),
            _ => {
                let name_start = pos;
                while pos < b.len() && !is_space(b[pos]) && !matches!(b[pos], b'=' | b'>' | b'/') {
                    pos += 1;
                }
                let name = html[name_start..pos].to_ascii_lowercase();
                while pos < b.len() && is_space(b[pos]) {
                    pos += 1;
                }
                let mut value = None;
                if b.get(pos) == Some(&b'=') {
                    pos += 1;
                    while pos < b.len() && is_space(b[pos]) {
                        pos += 1;
                    }
                    let first = *b.get(pos)?;
                    if first == b'"' || first == b'\'' {
                        let close = html[pos + 1..].find(first as char)? + pos + 1;
                        value = Some(html[pos + 1..close].to_string());
                        pos = close + 1;
                    } else {
                        let start = pos;
                        while pos < b.len() && !is_space(b[pos]) && b[pos] != b'>' {
                            pos += 1;
                        }
                        value = Some(html[start..pos].to_string());
                    }
                }
                attrs.push((name, value));
            }
        }
    }
}

/// Replaces every `<link data-trunk …>`: `rel="css"` becomes an inline `<style>` with the
/// file's contents (from `load_css(href)`), `rel="rust"` is dropped (the bundler supplies the
/// script); any other Trunk directive is an error.
pub fn inline_trunk_links(
    html: &str,
    mut load_css: impl FnMut(&str) -> Result<String, String>,
) -> Result<String, String> {
    let mut out = String::with_capacity(html.len());
    let mut copied_to = 0;
    for tag in find_tags(html, "link")?
        .into_iter()
        .filter(|t| t.has("data-trunk"))
    {
        let source = &html[tag.start..tag.end];
        match tag.get("rel").map(str::to_ascii_lowercase).as_deref() {
            Some("css") => {
                let href = tag
                    .get("href")
                    .ok_or_else(|| format!("`{source}` has no href"))?;
                let css = load_css(href)?;
                if find_ci(&css, "</style").is_some() {
                    return Err(format!(
                        "{href} contains `</style`, which would end the inline <style> early"
                    ));
                }
                out.push_str(&html[copied_to..tag.start]);
                out.push_str("<style>\n");
                out.push_str(&css);
                if !css.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("</style>");
                copied_to = tag.end;
            }
            Some("rust") => {
                let (start, end) = whole_line(html, tag.start, tag.end);
                out.push_str(&html[copied_to..start.max(copied_to)]);
                copied_to = end;
            }
            _ => {
                return Err(format!(
                    "unsupported Trunk directive `{source}` in index.html: the release bundler \
                     (xtask/src/html.rs) only knows rel=\"css\" and rel=\"rust\""
                ))
            }
        }
    }
    out.push_str(&html[copied_to..]);
    if find_ci(&without_comments(&out), "data-trunk").is_some() {
        return Err(
            "a `data-trunk` directive the bundler does not handle is left in index.html".into(),
        );
    }
    Ok(out)
}

/// `html` with its `<!-- comments -->` cut out (an unterminated one runs to the end).
pub fn without_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("<!--") {
        out.push_str(&rest[..open]);
        rest = rest[open + 4..]
            .find("-->")
            .map_or("", |close| &rest[open + 4 + close + 3..]);
    }
    out.push_str(rest);
    out
}

/// Widens `start..end` to its whole line (with the newline) when the tag is alone on it.
fn whole_line(html: &str, start: usize, end: usize) -> (usize, usize) {
    let line_start = html[..start].rfind('\n').map_or(0, |i| i + 1);
    let rest = &html[end..];
    let trailing = rest.len() - rest.trim_start_matches([' ', '\t', '\r']).len();
    let alone = html[line_start..start].trim().is_empty()
        && (rest[trailing..].starts_with('\n') || trailing == rest.len());
    if alone {
        let line_end = (end + trailing + 1).min(html.len());
        (line_start, line_end)
    } else {
        (start, end)
    }
}

/// Inserts `text` right after the `<meta charset=…>` tag.
pub fn insert_after_meta_charset(html: &str, text: &str) -> Result<String, String> {
    let meta = find_tags(html, "meta")?
        .into_iter()
        .find(|t| t.has("charset"))
        .ok_or(
            "index.html has no <meta charset=\"utf-8\"> to put the Content-Security-Policy after",
        )?;
    Ok(format!(
        "{}\n{text}{}",
        &html[..meta.end],
        &html[meta.end..]
    ))
}

/// Inserts `text` just before the last `</body>`.
pub fn insert_before_body_end(html: &str, text: &str) -> Result<String, String> {
    let at = rfind_ci(html, "</body").ok_or("index.html has no </body>")?;
    Ok(format!("{}{text}\n{}", &html[..at], &html[at..]))
}

/// ASCII case-insensitive search (byte offset of the first match).
pub fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn rfind_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?)
        .rev()
        .find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>keyplan</title>
<link data-trunk rel="css" href="styles/main.css">
  <link data-trunk rel="rust" data-bin="keyplan" data-wasm-opt="z">
<!-- <link data-trunk rel="copy-file" href="ignored-in-comment"> -->
</head>
<body>
<div id="boot">…</div>
</body>
</html>
"#;

    fn css(href: &str) -> Result<String, String> {
        match href {
            "styles/main.css" => Ok("body { color: #123; }".into()),
            _ => Err(format!("no such file {href}")),
        }
    }

    #[test]
    fn parses_attributes_in_all_quoting_styles() {
        let tags = find_tags(
            r#"<LINK Data-Trunk rel=css href='a b.css' x = "y>z" />"#,
            "link",
        )
        .unwrap();
        assert_eq!(tags.len(), 1);
        let tag = &tags[0];
        assert!(tag.has("data-trunk"));
        assert_eq!(tag.get("rel"), Some("css"));
        assert_eq!(tag.get("href"), Some("a b.css"));
        assert_eq!(tag.get("x"), Some("y>z"));
        assert_eq!(tag.get("data-trunk"), None);
        assert!(find_tags("<linked>", "link").unwrap().is_empty());
        let tags = find_tags("<link a= b=>text", "link").unwrap();
        assert_eq!(tags[0].end, "<link a= b=>".len());
        assert_eq!(tags[0].get("a"), Some("b="));
        assert!(find_tags("<link rel=x", "link")
            .unwrap_err()
            .contains("unterminated <link>"));
    }

    #[test]
    fn inlines_css_and_removes_trunk_links() {
        let out = inline_trunk_links(INDEX, css).unwrap();
        assert!(
            out.contains("<style>\nbody { color: #123; }\n</style>\n<!--"),
            "{out}"
        );
        assert!(!out.contains("rel=\"rust\""), "{out}");
        assert!(!out.contains("<link data-trunk rel=\"css\""));
        // The rust link's whole line went, nothing else did.
        assert!(out.contains("</style>\n<!-- <link data-trunk rel=\"copy-file\""));
        assert!(out.contains("<title>keyplan</title>\n<style>"));
        assert!(out.ends_with("</body>\n</html>\n"));
    }

    #[test]
    fn missing_css_file_error_is_passed_through() {
        let html = r#"<head><link data-trunk rel="css" href="styles/gone.css"></head>"#;
        let err = inline_trunk_links(html, css).unwrap_err();
        assert!(err.contains("styles/gone.css"), "{err}");
    }

    #[test]
    fn unknown_trunk_directives_are_errors() {
        let html = r#"<link data-trunk rel="copy-dir" href="assets">"#;
        assert!(inline_trunk_links(html, css)
            .unwrap_err()
            .contains("unsupported Trunk directive"));
        let html = r#"<script data-trunk src="x.js"></script>"#;
        assert!(inline_trunk_links(html, css)
            .unwrap_err()
            .contains("data-trunk"));
        let html = r#"<link data-trunk rel="css">"#;
        assert!(inline_trunk_links(html, css)
            .unwrap_err()
            .contains("has no href"));
    }

    #[test]
    fn css_that_would_close_the_style_element_is_refused() {
        let html = r#"<link data-trunk rel="css" href="x.css">"#;
        let err = inline_trunk_links(html, |_| Ok("a{}</STYLE><script>".into())).unwrap_err();
        assert!(err.contains("x.css") && err.contains("</style"), "{err}");
    }

    #[test]
    fn inserts_after_meta_charset_and_before_body_end() {
        let html = "<head><META CHARSET=UTF-8><title>t</title></head><body><p>x</p></BODY></html>";
        let html = insert_after_meta_charset(html, "<meta csp>").unwrap();
        assert!(
            html.starts_with("<head><META CHARSET=UTF-8>\n<meta csp><title>"),
            "{html}"
        );
        let html = insert_before_body_end(&html, "<script></script>").unwrap();
        assert!(
            html.ends_with("<p>x</p><script></script>\n</BODY></html>"),
            "{html}"
        );
        assert!(insert_after_meta_charset("<head></head>", "x")
            .unwrap_err()
            .contains("meta charset"));
        assert!(insert_before_body_end("<p>", "x")
            .unwrap_err()
            .contains("</body>"));
    }

    #[test]
    fn comments_are_cut() {
        assert_eq!(without_comments("a<!-- b -->c<!-- d"), "ac");
    }

    #[test]
    fn case_insensitive_search() {
        assert_eq!(find_ci("ab</ScRiPt", "</script"), Some(2));
        assert_eq!(find_ci("ab", "abc"), None);
        assert_eq!(rfind_ci("</body></BODY>", "</body"), Some(7));
    }
}
