//! Compiles the method content in without the indentation it has in the repository:
//! `src/domain/method/default_method.json` stays readable, the wasm carries it minified (about
//! 20 KB less data, 1 KB less gzipped).
use std::path::Path;

const METHOD: &str = "src/domain/method/default_method.json";

fn main() {
    println!("cargo:rerun-if-changed={METHOD}");
    println!("cargo:rerun-if-changed=build.rs");
    let text = std::fs::read_to_string(METHOD).expect("read the default method");
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(
        Path::new(&out).join("default_method.json"),
        minify_json(&text),
    )
    .expect("write the minified method");
}

/// `json` without whitespace outside its strings (the JSON it means is unchanged; malformed
/// input stays malformed and the tests reading the file report it).
fn minify_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if matches!(c, ' ' | '\t' | '\n' | '\r') {
            continue;
        }
        out.push(c);
    }
    out
}
