//! The one inline `<script type="module">`: the wasm-bindgen `--target web` glue, verbatim,
//! followed by a bootstrap that inflates the embedded stylesheet and wasm and starts the app.

use crate::html::find_ci;

/// Placeholder in [`BOOTSTRAP`] for the base64 of the gzipped wasm.
const WASM_PLACEHOLDER: &str = "@WASM_GZIP_BASE64@";
/// Placeholder in [`BOOTSTRAP`] for the base64 of the gzipped stylesheet (empty: none).
const CSS_PLACEHOLDER: &str = "@CSS_GZIP_BASE64@";

/// Runs after the glue, in the same module, so it can call the glue's `__wbg_init` directly.
/// Failures (no `DecompressionStream` in an old browser, a trap while the app starts, …) are
/// shown in `#boot` as plain text and logged. The app removes `#boot` itself once it mounts.
const BOOTSTRAP: &str = r#"
// keyplan bootstrap (added by `xtask bundle`): inflate the embedded stylesheet and wasm, start
// the app.
const keyplanCssGzipBase64 = "@CSS_GZIP_BASE64@";
const keyplanWasmGzipBase64 = "@WASM_GZIP_BASE64@";

function keyplanInflate(base64) {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    bytes[i] = text.charCodeAt(i);
  }
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip")));
}

async function keyplanStart() {
  if (typeof WebAssembly !== "object" || typeof DecompressionStream !== "function") {
    const error = new Error("this browser lacks WebAssembly or DecompressionStream");
    error.keyplanUnsupported = true;
    throw error;
  }
  if (keyplanCssGzipBase64) {
    const style = document.createElement("style");
    style.textContent = await keyplanInflate(keyplanCssGzipBase64).text();
    document.head.append(style);
  }
  const buffer = await keyplanInflate(keyplanWasmGzipBase64).arrayBuffer();
  await __wbg_init({ module_or_path: buffer });
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

/// Builds the module script text from the glue and the base64 of the gzipped wasm.
///
/// The result never contains `</script` (it is escaped as `<\/script`, which means the same
/// inside JS strings, template literals, regular expressions and comments) nor `<!--`
/// (refused: it can switch the HTML parser into a mode that swallows the rest of the page).
pub fn module_script(
    glue: &str,
    wasm_gzip_base64: &str,
    css_gzip_base64: &str,
) -> Result<String, String> {
    let plain = |text: &str| {
        text.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
    };
    if !plain(wasm_gzip_base64) {
        return Err("the embedded wasm is not plain base64".into());
    }
    if !plain(css_gzip_base64) {
        return Err("the embedded stylesheet is not plain base64".into());
    }
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
    script.push_str(
        &BOOTSTRAP
            .replace(CSS_PLACEHOLDER, css_gzip_base64)
            .replace(WASM_PLACEHOLDER, wasm_gzip_base64),
    );
    if let Some(at) = find_ci(&script, "<!--") {
        return Err(format!(
            "the JS glue contains `<!--` (at byte {at}), which is unsafe inside an inline <script>"
        ));
    }
    debug_assert!(find_ci(&script, "</script").is_none());
    Ok(script)
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
        let script = module_script(GLUE, "AAEC+/8=", "H4sI").unwrap();
        assert!(script.starts_with(GLUE));
        assert!(script.contains("const keyplanWasmGzipBase64 = \"AAEC+/8=\";"));
        assert!(script.contains("const keyplanCssGzipBase64 = \"H4sI\";"));
        assert!(script.contains("document.head.append(style);"));
        assert!(script.contains("await __wbg_init({ module_or_path: buffer });"));
        assert!(script.contains("new DecompressionStream(\"gzip\")"));
        assert!(script.contains("box.textContent ="));
        assert!(!script.contains("innerHTML"));
        assert!(
            !script.contains(".remove()"),
            "the app, not the bootstrap, removes #boot"
        );
        assert!(!script.contains(WASM_PLACEHOLDER) && !script.contains(CSS_PLACEHOLDER));
    }

    #[test]
    fn script_end_tags_are_escaped() {
        let glue = format!("{GLUE}const s = \"</script><SCRIPT>x</Script >\";\n");
        let script = module_script(&glue, "", "").unwrap();
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
        assert!(module_script(&glue, "", "").unwrap_err().contains("<!--"));
    }

    #[test]
    fn non_base64_payload_is_refused() {
        assert!(module_script(GLUE, "AA</script>", "")
            .unwrap_err()
            .contains("base64"));
    }

    #[test]
    fn wrong_glue_is_refused() {
        let err = module_script("export default 1;", "", "").unwrap_err();
        assert!(err.contains("--target web"), "{err}");
        let glue = format!("import * as s from './snippets/x/inline0.js';\n{GLUE}");
        assert!(module_script(&glue, "", "")
            .unwrap_err()
            .contains("snippets"));
    }

    #[test]
    fn crlf_is_normalised_so_the_hash_matches_what_the_parser_sees() {
        let script = module_script(&GLUE.replace('\n', "\r\n"), "", "").unwrap();
        assert!(!script.contains('\r'));
    }
}
