//! Fewer bytes for what every user downloads: the stylesheet without comments and spare white
//! space, and the generated JS glue without indentation, blank lines and whole-line comments.
//! Both are plain text transformations that keep every token and every line break of the code.

/// The stylesheet without comments, with runs of white space as one space and none around
/// `{`, `}`, `;` and `,`.
pub fn css(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut quote: Option<char> = None;
    let mut space = false;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                if let Some(next) = chars.next() {
                    out.push(next);
                }
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '"' | '\'' => {
                if space && !ends_with_tight(&out) {
                    out.push(' ');
                }
                space = false;
                quote = Some(c);
                out.push(c);
            }
            '{' | '}' | ';' | ',' => {
                while out.ends_with(' ') {
                    out.pop();
                }
                space = false;
                out.push(c);
            }
            c => {
                if space && !out.is_empty() && !ends_with_tight(&out) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

fn ends_with_tight(text: &str) -> bool {
    text.ends_with(['{', '}', ';', ','])
}

/// The JS glue without indentation, blank lines, whole-line `//` comments and comment blocks
/// that start a line. Line breaks stay (automatic semicolon insertion depends on them).
pub fn js(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_block = false;
    for line in text.lines() {
        let line = line.trim();
        if in_block {
            in_block = !line.ends_with("*/");
            continue;
        }
        if line.starts_with("/*") {
            in_block = !line.ends_with("*/");
            continue;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_loses_comments_and_spare_space_only() {
        let text = "/* the page */\n.a,  .b > .c {\n  color: red;  /* why */\n  content: \"a  /* b */  ;\";\n}\n\n@media print { .d { margin: 0 auto } }\n";
        assert_eq!(
            css(text),
            ".a,.b > .c{color: red;content: \"a  /* b */  ;\";}@media print{.d{margin: 0 auto}}"
        );
        assert_eq!(
            css("a :hover{x:y}"),
            "a :hover{x:y}",
            "a descendant stays one"
        );
    }

    #[test]
    fn js_keeps_every_line_of_code() {
        let text = "let wasm;\n\n/**\n * docs\n */\nfunction f(a) {\n    // a comment\n    return `${a}`; // kept\n}\n/* one line */\nexport { f };\n";
        assert_eq!(
            js(text),
            "let wasm;\nfunction f(a) {\nreturn `${a}`; // kept\n}\nexport { f };\n"
        );
    }
}
