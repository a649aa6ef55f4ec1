//! `xtask bundle`: read the inputs, assemble the single HTML file, write it atomically and
//! print a one-line size report.

use crate::{compress, csp, forbid, html, script, shrink, BundleArgs};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Byte counts for the size report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    pub html: usize,
    pub html_gzip: usize,
    pub wasm: usize,
    pub wasm_gzip: usize,
}

impl Sizes {
    fn report(&self, out: &Path) -> String {
        let kib = |n: usize| n as f64 / 1024.0;
        format!(
            "bundled {}: html {} B ({:.1} KiB) raw, {} B ({:.1} KiB) gzip -9; \
             wasm {} B ({:.1} KiB) after wasm-opt, {} B ({:.1} KiB) gzip",
            out.display(),
            self.html,
            kib(self.html),
            self.html_gzip,
            kib(self.html_gzip),
            self.wasm,
            kib(self.wasm),
            self.wasm_gzip,
            kib(self.wasm_gzip),
        )
    }
}

/// The whole command: read, assemble, write, report.
pub fn run(args: &BundleArgs) -> Result<(), String> {
    let index = read_text(&args.html)?;
    let glue = read_text(&args.js)?;
    let wasm = read(&args.wasm)?;
    let index_dir = args.html.parent().unwrap_or(Path::new(""));
    let (page, sizes) = assemble(&index, index_dir, &glue, &wasm, args)?;
    write_atomic(&args.out, page.as_bytes())?;
    println!("{}", sizes.report(&args.out));
    Ok(())
}

/// Builds the page from the inputs' contents. CSS files named by `index.html` are read
/// relative to `index_dir`. `args` supplies the input names (for messages) and `--forbid`.
pub fn assemble(
    index: &str,
    index_dir: &Path,
    glue: &str,
    wasm: &[u8],
    args: &BundleArgs,
) -> Result<(String, Sizes), String> {
    forbid::check(&args.wasm.display().to_string(), wasm, &args.forbid)?;
    forbid::check(
        &args.js.display().to_string(),
        glue.as_bytes(),
        &args.forbid,
    )?;
    forbid::check(
        &args.html.display().to_string(),
        index.as_bytes(),
        &args.forbid,
    )?;
    if !wasm.starts_with(b"\0asm") {
        return Err(format!(
            "{} is not a WebAssembly module",
            args.wasm.display()
        ));
    }
    if !html::find_tags(index, "script")?.is_empty() {
        return Err(format!(
            "{} has a <script> of its own; the bundle's Content-Security-Policy would block it",
            args.html.display()
        ));
    }
    if html::find_ci(&html::without_comments(index), "content-security-policy").is_some() {
        return Err(format!(
            "{} already sets a Content-Security-Policy; the bundler writes its own",
            args.html.display()
        ));
    }

    // the stylesheet goes into the script, gzipped like the wasm (a fifth of its size); the
    // bootstrap puts it in place before the app starts
    let mut css = String::new();
    let page = html::inline_trunk_links(index, |href| {
        if href.starts_with('/') || href.contains("://") {
            return Err(format!("stylesheet href `{href}` must be a relative path"));
        }
        let path = index_dir.join(href);
        let text = read_text(&path)?;
        forbid::check(&path.display().to_string(), text.as_bytes(), &args.forbid)?;
        let shrunk = shrink::css(&text);
        if let Some(line) = unbalanced(&shrunk) {
            return Err(format!(
                "{href}: a `{{` is never closed or a `}}` closes nothing (near `{line}`); the \
                 browser would drop every rule after it"
            ));
        }
        css.push_str(&shrunk);
        Ok(String::new())
    })?;
    let page = page.replace("<style>\n\n</style>", "");
    let css_gzip = if css.is_empty() {
        Vec::new()
    } else {
        compress::gzip_smallest(css.as_bytes())
    };

    let wasm_gzip = compress::gzip_smallest(wasm);
    let script = script::module_script(&shrink::js(glue), &wasm_gzip, &css_gzip)?;
    let page = html::insert_after_meta_charset(&page, &csp::meta_tag(&script))?;
    let page =
        html::insert_before_body_end(&page, &format!("<script type=\"module\">{script}</script>"))?;

    let sizes = Sizes {
        html: page.len(),
        html_gzip: compress::gzip_best(page.as_bytes()).len(),
        wasm: wasm.len(),
        wasm_gzip: wasm_gzip.len(),
    };
    Ok((page, sizes))
}

/// Where the braces of a stylesheet go wrong (a few characters around the place), if they do;
/// quoted strings are skipped.
fn unbalanced(css: &str) -> Option<String> {
    let mut depth = 0usize;
    let mut quote = None;
    let mut escaped = false;
    let near = |at: usize| {
        let from = (0..=at.saturating_sub(40))
            .rev()
            .find(|i| css.is_char_boundary(*i))
            .unwrap_or(0);
        css[from..at].to_string()
    };
    for (at, c) in css.char_indices() {
        match (quote, c) {
            (Some(_), _) if escaped => escaped = false,
            (Some(_), '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{') => depth += 1,
            (None, '}') if depth == 0 => return Some(near(at)),
            (None, '}') => depth -= 1,
            _ => {}
        }
    }
    (depth > 0).then(|| near(css.len()))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    String::from_utf8(read(path)?).map_err(|_| format!("{} is not valid UTF-8", path.display()))
}

/// Writes `bytes` to a temporary file beside `path`, syncs it and renames it over `path`, so
/// readers see either the old file or the complete new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let name = path
        .file_name()
        .ok_or_else(|| format!("--out {} names no file", path.display()))?;
    let tmp = dir.join(format!(
        ".{}.tmp-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        format!("cannot write {}: {e}", path.display())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::GzDecoder;
    use std::io::Read as _;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const INDEX: &str = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
        <title>keyplan</title>\n<link data-trunk rel=\"css\" href=\"styles/main.css\">\n\
        <link data-trunk rel=\"rust\" data-bin=\"keyplan\" data-wasm-opt=\"z\">\n</head>\n<body>\n\
        <div id=\"boot\" class=\"boot\" role=\"status\">正在加载 keyplan…</div>\n</body>\n</html>\n";
    const CSS: &str = ".boot { color: #555; }\n";
    const GLUE: &str = "let wasm;\nasync function __wbg_init(module_or_path) {}\n\
        export { initSync, __wbg_init as default };\n";
    const WASM: &[u8] = b"\0asm\x01\0\0\0 pretend code, pretend code, pretend code";

    /// A fresh directory holding index.html, styles/main.css, keyplan.js and opt.wasm.
    struct Fixture {
        dir: PathBuf,
        args: BundleArgs,
    }

    impl Fixture {
        fn new() -> Fixture {
            static N: AtomicUsize = AtomicUsize::new(0);
            let dir = std::env::temp_dir().join(format!(
                "xtask-bundle-test-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::SeqCst)
            ));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(dir.join("styles")).unwrap();
            fs::write(dir.join("index.html"), INDEX).unwrap();
            fs::write(dir.join("styles/main.css"), CSS).unwrap();
            fs::write(dir.join("keyplan.js"), GLUE).unwrap();
            fs::write(dir.join("opt.wasm"), WASM).unwrap();
            let args = BundleArgs {
                html: dir.join("index.html"),
                js: dir.join("keyplan.js"),
                wasm: dir.join("opt.wasm"),
                out: dir.join("dist/keyplan.html"),
                forbid: vec![],
            };
            Fixture { dir, args }
        }

        fn output(&self) -> String {
            fs::read_to_string(&self.args.out).unwrap()
        }
    }

    impl Drop for Fixture {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }

    fn between<'a>(text: &'a str, open: &str, close: &str) -> &'a str {
        let start = text.find(open).unwrap() + open.len();
        &text[start..start + text[start..].find(close).unwrap()]
    }

    fn bundle(fx: &Fixture) -> Result<(), String> {
        run(&fx.args)
    }

    #[test]
    fn bundles_into_one_self_contained_page() {
        let fx = Fixture::new();
        bundle(&fx).unwrap();
        let page = fx.output();
        assert!(!page.contains("data-trunk"), "{page}");
        assert!(
            !page.contains("<style"),
            "the stylesheet travels gzipped in the script"
        );
        assert!(page.contains(
            "<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        ));
        assert_eq!(page.matches("<script").count(), 1);
        assert!(page.contains("</script>\n</body>\n</html>\n"));
        assert!(
            page.contains("<div id=\"boot\""),
            "the bootstrap leaves #boot to the app"
        );
        // No temporary file is left beside the output.
        let names: Vec<_> = fs::read_dir(fx.dir.join("dist")).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn csp_hash_matches_the_script_text() {
        let fx = Fixture::new();
        bundle(&fx).unwrap();
        let page = fx.output();
        let script = between(&page, "<script type=\"module\">", "</script>");
        let policy = between(&page, "content=\"", "\"");
        assert!(policy.contains(&format!("script-src {} ", csp::script_source(script))));
        assert!(
            script.starts_with(&crate::shrink::js(GLUE)),
            "the glue comes first, shrunk"
        );
    }

    /// The gzip embedded as `const <name> = ["<7-bit text>", <length>];`.
    fn embedded_gzip(page: &str, name: &str) -> Vec<u8> {
        let text = between(page, &format!("const {name} = [\""), "\", ");
        let len: usize = between(page, &format!("const {name} = [\"{text}\", "), "]")
            .parse()
            .unwrap();
        let gz = compress::seven_bit_decode(text, len);
        assert_eq!(compress::seven_bit(&gz), text);
        gz
    }

    #[test]
    fn embedded_wasm_decodes_back_to_the_input() {
        let fx = Fixture::new();
        bundle(&fx).unwrap();
        let page = fx.output();
        let gz = embedded_gzip(&page, "keyplanWasm");
        let mut wasm = Vec::new();
        GzDecoder::new(&gz[..]).read_to_end(&mut wasm).unwrap();
        assert_eq!(wasm, WASM);
    }

    #[test]
    fn embedded_stylesheet_decodes_back_to_the_shrunk_css() {
        let fx = Fixture::new();
        bundle(&fx).unwrap();
        let page = fx.output();
        let gz = embedded_gzip(&page, "keyplanCss");
        let mut css = String::new();
        GzDecoder::new(&gz[..]).read_to_string(&mut css).unwrap();
        assert_eq!(css, ".boot{color: #555;}");
    }

    #[test]
    fn a_stylesheet_with_a_brace_left_open_is_refused() {
        assert_eq!(unbalanced(".a{b:c}@media print{.d{e:f}}"), None);
        assert_eq!(unbalanced(".a{content:\"{\"}.b{content:'}'}"), None);
        assert!(unbalanced("@media print{.d{e:f}").is_some());
        assert!(unbalanced(".a{b:c}}").is_some());
        let fx = Fixture::new();
        fs::write(
            fx.dir.join("styles/main.css"),
            "@media print {\n.boot{color: #555;}\n",
        )
        .unwrap();
        let err = bundle(&fx).unwrap_err();
        assert!(err.contains("never closed"), "{err}");
    }

    #[test]
    fn output_is_deterministic() {
        let (a, b) = (Fixture::new(), Fixture::new());
        bundle(&a).unwrap();
        let first = fs::read(&a.args.out).unwrap();
        bundle(&a).unwrap();
        assert_eq!(first, fs::read(&a.args.out).unwrap(), "rebuild in place");
        bundle(&b).unwrap();
        assert_eq!(
            first,
            fs::read(&b.args.out).unwrap(),
            "build in another directory"
        );
    }

    #[test]
    fn missing_inputs_are_named() {
        for (victim, name) in [
            ("index.html", "index.html"),
            ("keyplan.js", "keyplan.js"),
            ("opt.wasm", "opt.wasm"),
            ("styles/main.css", "styles/main.css"),
        ] {
            let fx = Fixture::new();
            fs::remove_file(fx.dir.join(victim)).unwrap();
            let err = bundle(&fx).unwrap_err();
            assert!(
                err.starts_with("cannot read ") && err.contains(name),
                "{err}"
            );
            assert!(!fx.args.out.exists());
        }
    }

    #[test]
    fn forbidden_strings_refuse_the_build() {
        let fx = Fixture::new();
        fs::write(
            fx.dir.join("keyplan.js"),
            format!("{GLUE}// /home/dev/keyplan/src\n"),
        )
        .unwrap();
        let err = bundle(&fx).unwrap_err();
        assert!(
            err.contains("`/home/`") && err.contains("keyplan.js"),
            "{err}"
        );
        assert!(!fx.args.out.exists(), "nothing written");

        let mut fx = Fixture::new();
        fx.args.forbid.push("pretend code".into());
        let err = bundle(&fx).unwrap_err();
        assert!(
            err.contains("`pretend code` found in") && err.contains("opt.wasm"),
            "{err}"
        );
    }

    #[test]
    fn script_end_in_glue_is_escaped_in_the_page() {
        let fx = Fixture::new();
        fs::write(
            fx.dir.join("keyplan.js"),
            format!("{GLUE}const t = '</script>';\n"),
        )
        .unwrap();
        bundle(&fx).unwrap();
        let page = fx.output();
        assert_eq!(
            html::find_ci(&page, "</script").map(|at| &page[at..]),
            Some("</script>\n</body>\n</html>\n")
        );
    }

    #[test]
    fn pages_that_cannot_work_under_the_policy_are_refused() {
        let fx = Fixture::new();
        fs::write(
            fx.dir.join("index.html"),
            INDEX.replace("</head>", "<script>1</script></head>"),
        )
        .unwrap();
        assert!(bundle(&fx).unwrap_err().contains("<script>"));
        fs::write(fx.dir.join("opt.wasm"), b"not wasm").unwrap();
        fs::write(fx.dir.join("index.html"), INDEX).unwrap();
        assert!(bundle(&fx)
            .unwrap_err()
            .contains("not a WebAssembly module"));
    }

    #[test]
    fn size_report_is_one_line() {
        let sizes = Sizes {
            html: 2048,
            html_gzip: 1024,
            wasm: 4096,
            wasm_gzip: 512,
        };
        let line = sizes.report(Path::new("dist/keyplan.html"));
        assert!(!line.contains('\n'));
        assert!(
            line.contains("html 2048 B (2.0 KiB) raw, 1024 B (1.0 KiB) gzip -9"),
            "{line}"
        );
        assert!(
            line.contains("wasm 4096 B (4.0 KiB) after wasm-opt, 512 B (0.5 KiB) gzip"),
            "{line}"
        );
    }
}
