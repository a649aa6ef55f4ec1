//! The one inline `<script type="module">`: the wasm-bindgen `--target web` glue, verbatim,
//! followed by a bootstrap that inflates the embedded stylesheet and wasm and starts the app.

use crate::compress::seven_bit;
use crate::html::find_ci;

/// Placeholders in [`BOOTSTRAP`]: the gzipped wasm and stylesheet as 7-bit text
/// ([`crate::compress::seven_bit`]) and their byte counts.
const WASM_PLACEHOLDER: &str = "@WASM_GZIP_7BIT@";
const WASM_LEN_PLACEHOLDER: &str = "@WASM_GZIP_LEN@";
const CSS_PLACEHOLDER: &str = "@CSS_GZIP_7BIT@";
const CSS_LEN_PLACEHOLDER: &str = "@CSS_GZIP_LEN@";

/// Runs after the glue, in the same module, so it can call the glue's `__wbg_init` directly.
/// Failures (no `DecompressionStream` in an old browser, a trap while the app starts, …) are
/// shown in `#boot` as plain text and logged. The app removes `#boot` itself once it mounts.
/// Opened with `?bench`, it marks its phases for the startup benchmark (e2e/src/bin/bench.rs).
const BOOTSTRAP: &str = r#"
// keyplan bootstrap (added by `xtask bundle`): unpack and inflate the embedded stylesheet and
// wasm, start the app.
const keyplanCss = ["@CSS_GZIP_7BIT@", @CSS_GZIP_LEN@];
const keyplanWasm = ["@WASM_GZIP_7BIT@", @WASM_GZIP_LEN@];
const keyplanBench = location.search.includes("bench");

function keyplanMark(name) {
  if (keyplanBench) performance.mark(name);
}

// 7 bits a character, most bits first; a character from U+0100 holds an awkward value (one of
// the six a string cannot hold as itself) and the next 7 bits, one from U+0400 a final awkward
// value (see `seven_bit` in xtask/src/compress.rs).
function keyplanUnpack([text, length]) {
  const awkward = [0, 10, 13, 34, 60, 92];
  const bytes = new Uint8Array(length);
  let acc = 0, bits = 0, at = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      acc = (acc << 7) | c;
      bits += 7;
    } else if (c < 1024) {
      acc = (acc << 14) | (awkward[(c - 256) >> 7] << 7) | (c & 127);
      bits += 14;
    } else {
      acc = (acc << 7) | awkward[c - 1024];
      bits += 7;
    }
    while (bits >= 8) {
      bits -= 8;
      bytes[at++] = acc >> bits;
    }
    acc &= (1 << bits) - 1;
  }
  return bytes;
}

function keyplanInflate(bytes) {
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")));
}

async function keyplanStart() {
  keyplanMark("keyplan-boot");
  if (typeof WebAssembly !== "object" || typeof DecompressionStream !== "function") {
    const error = new Error("this browser lacks WebAssembly or DecompressionStream");
    error.keyplanUnsupported = true;
    throw error;
  }
  if (keyplanCss[1]) {
    const style = document.createElement("style");
    style.textContent = await keyplanInflate(keyplanUnpack(keyplanCss)).text();
    document.head.append(style);
  }
  const packed = keyplanUnpack(keyplanWasm);
  keyplanMark("keyplan-unpacked");
  const buffer = await keyplanInflate(packed).arrayBuffer();
  keyplanMark("keyplan-inflated");
  const module = await WebAssembly.compile(buffer);
  keyplanMark("keyplan-compiled");
  await __wbg_init({ module_or_path: module });
  keyplanMark("keyplan-started");
}

function keyplanBootFailed(error) {
  console.error("keyplan 启动失败 / keyplan failed to start:", error);
  let box = document.getElementById("boot");
  if (!box) {
    box = document.createElement("div");
    box.id = "boot";
    document.body.prepend(box);
  }
  box.setAttribute("role", "alert");
  const detail = error && error.message ? error.message : String(error);
  box.textContent = error && error.keyplanUnsupported
    ? "此浏览器版本过旧，无法运行 keyplan。请用最新版的 Chrome、Edge、Firefox 或 Safari 打开此文件。 " +
      "This browser is too old to run keyplan. Please open this file in a current version of " +
      "Chrome, Edge, Firefox or Safari."
    : "keyplan 无法启动，请重新打开此文件；若问题依旧，请把以下信息告诉管理员。 " +
      "keyplan could not start. Please open the file again; if that does not help, " +
      "report this message: " + detail;
}

keyplanStart().catch(keyplanBootFailed);
"#;

/// Builds the module script text from the glue and the gzipped wasm and stylesheet (empty:
/// none), which it embeds as 7-bit text.
///
/// The result never contains `</script` (it is escaped as `<\/script`, which means the same
/// inside JS strings, template literals, regular expressions and comments) nor `<!--`
/// (refused: it can switch the HTML parser into a mode that swallows the rest of the page).
pub fn module_script(glue: &str, wasm_gzip: &[u8], css_gzip: &[u8]) -> Result<String, String> {
    // The HTML parser turns CR LF and lone CR into LF before the CSP hash is checked.
    let glue = glue.replace("\r\n", "\n").replace('\r', "\n");
    if !glue.contains("function __wbg_init(") {
        return Err(
            "the JS glue defines no `__wbg_init`: pass the `wasm-bindgen --target web` output"
                .into(),
        );
    }
    if let Some(line) = glue.lines().find(|l| l.starts_with("import ")) {
        return Err(format!(
            "the JS glue imports another module (`{line}`); wasm-bindgen snippets cannot be \
             inlined into the single-file bundle"
        ));
    }
    let mut script = escape_script_end(&glue);
    script.push_str(&fill(
        BOOTSTRAP,
        &[
            (CSS_PLACEHOLDER, seven_bit(css_gzip)),
            (CSS_LEN_PLACEHOLDER, css_gzip.len().to_string()),
            (WASM_PLACEHOLDER, seven_bit(wasm_gzip)),
            (WASM_LEN_PLACEHOLDER, wasm_gzip.len().to_string()),
        ],
    ));
    if let Some(at) = find_ci(&script, "<!--") {
        return Err(format!(
            "the JS glue contains `<!--` (at byte {at}), which is unsafe inside an inline <script>"
        ));
    }
    debug_assert!(find_ci(&script, "</script").is_none());
    Ok(script)
}

/// Puts each value in place of its placeholder, in the order given, each searched for only
/// after the previous value (a payload that happens to spell a later placeholder stays as is).
fn fill(template: &str, values: &[(&str, String)]) -> String {
    let mut out =
        String::with_capacity(template.len() + values.iter().map(|v| v.1.len()).sum::<usize>());
    let mut rest = template;
    for (placeholder, value) in values {
        let at = rest
            .find(placeholder)
            .expect("placeholders in template order");
        out.push_str(&rest[..at]);
        out.push_str(value);
        rest = &rest[at + placeholder.len()..];
    }
    out.push_str(rest);
    out
}

/// Replaces every `</script` (any case) with `<\/script`.
fn escape_script_end(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(at) = find_ci(rest, "</script") {
        out.push_str(&rest[..at + 1]);
        out.push('\\');
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "let wasm;\nasync function __wbg_init(module_or_path) {}\nexport { initSync, __wbg_init as default };\n";

    #[test]
    fn glue_comes_verbatim_then_the_bootstrap() {
        let script = module_script(GLUE, b"A", b"AA").unwrap();
        assert!(script.starts_with(GLUE));
        assert!(
            script.contains("const keyplanWasm = [\" @\", 1];"),
            "{script}"
        );
        assert!(
            script.contains("const keyplanCss = [\" P \", 2];"),
            "{script}"
        );
        assert!(script.contains("document.head.append(style);"));
        assert!(script.contains("await __wbg_init({ module_or_path: module });"));
        assert!(script.contains("keyplanMark(\"keyplan-compiled\")"));
        assert!(script.contains("new DecompressionStream(\"gzip\")"));
        assert!(script.contains("box.textContent ="));
        assert!(!script.contains("innerHTML"));
        assert!(
            !script.contains(".remove()"),
            "the app, not the bootstrap, removes #boot"
        );
        for placeholder in [
            WASM_PLACEHOLDER,
            WASM_LEN_PLACEHOLDER,
            CSS_PLACEHOLDER,
            CSS_LEN_PLACEHOLDER,
        ] {
            assert!(!script.contains(placeholder), "{placeholder}");
        }
    }

    #[test]
    fn script_end_tags_are_escaped() {
        let glue = format!("{GLUE}const s = \"</script><SCRIPT>x</Script >\";\n");
        let script = module_script(&glue, b"", b"").unwrap();
        assert!(find_ci(&script, "</script").is_none(), "{script}");
        assert!(
            script.contains(r#"const s = "<\/script><SCRIPT>x<\/Script >";"#),
            "{script}"
        );
        assert_eq!(escape_script_end("a</script"), "a<\\/script");
    }

    #[test]
    fn comment_openers_are_refused() {
        let glue = format!("{GLUE}const s = \"<!--\";\n");
        assert!(module_script(&glue, b"", b"").unwrap_err().contains("<!--"));
    }

    #[test]
    fn payloads_cannot_end_the_script_or_fill_a_placeholder() {
        let evil = b"</script><!-- @WASM_GZIP_7BIT@ \"\\\n\r\0";
        let script = module_script(GLUE, evil, evil).unwrap();
        assert!(find_ci(&script, "</script").is_none() && !script.contains("<!--"));
        assert_eq!(script.matches(&seven_bit(evil)).count(), 2, "{script}");
        let filled = fill("a@X@b@Y@c", &[("@X@", "@Y@".into()), ("@Y@", "!".into())]);
        assert_eq!(filled, "a@Y@b!c");
    }

    #[test]
    fn wrong_glue_is_refused() {
        let err = module_script("export default 1;", b"", b"").unwrap_err();
        assert!(err.contains("--target web"), "{err}");
        let glue = format!("import * as s from './snippets/x/inline0.js';\n{GLUE}");
        assert!(module_script(&glue, b"", b"")
            .unwrap_err()
            .contains("snippets"));
    }

    #[test]
    fn crlf_is_normalised_so_the_hash_matches_what_the_parser_sees() {
        let script = module_script(&GLUE.replace('\n', "\r\n"), b"", b"").unwrap();
        assert!(!script.contains('\r'));
    }
}
