//! Release tooling for keyplan.
//!
//! ```text
//! cargo run -q -p xtask --release -- bundle --html index.html \
//!     --js target/bindgen/keyplan/keyplan.js --wasm target/bindgen/keyplan/keyplan_opt.wasm \
//!     --out dist/keyplan.html [--forbid /abs/path]...
//! cargo run -q -p xtask --release -- size --html dist/keyplan.html \
//!     --wasm-before target/bindgen/keyplan/keyplan_bg.wasm \
//!     --wasm-after target/bindgen/keyplan/keyplan_opt.wasm \
//!     --twiggy-csv target/size/twiggy.csv [--top 20]
//! ```
//!
//! `bundle` turns the Trunk entry `index.html`, the wasm-bindgen `--target web` glue and the
//! optimised wasm into one self-contained HTML file that works from `file://` with no network.
//! `size` reports where the page's bytes go (`make size`).
//! Arguments are parsed by hand: this is a tiny CLI and needs no argument-parsing crate.

mod bundle;
mod compress;
mod csp;
mod forbid;
mod html;
mod script;
mod shrink;
mod size;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: xtask bundle --html <index.html> --js <wasm-bindgen glue .js> --wasm <optimised .wasm>
                    --out <output .html> [--forbid <string>]...

Bundles the app into one offline HTML file (CSS, glue JS and gzipped wasm inlined, the
gzip as 7-bit text,
Content-Security-Policy pinned to the script's sha256 hash). --forbid may be repeated:
the build is refused if the wasm, JS, CSS or HTML contains any of those strings or any
absolute build-machine path prefix (/root/, /home/, /work/, /tmp/, /Users/, C:\\).

usage: xtask size --html <page .html> --wasm-before <wasm-bindgen .wasm>
                  --wasm-after <optimised .wasm> --twiggy-csv <twiggy top -f csv output>
                  [--top <rows, default 20>]

Prints the page's size raw and gzipped, the wasm before and after wasm-opt, and the largest
contributors by crate and by keyplan module (`make size` runs it).";

/// Parsed `bundle` arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BundleArgs {
    pub html: PathBuf,
    pub js: PathBuf,
    pub wasm: PathBuf,
    pub out: PathBuf,
    pub forbid: Vec<String>,
}

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    Bundle(BundleArgs),
    Size(size::SizeArgs),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = parse_args(&args).and_then(|command| match command {
        Command::Help => {
            println!("{USAGE}");
            Ok(())
        }
        Command::Bundle(args) => bundle::run(&args),
        Command::Size(args) => size::run(&args),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(args: &[String]) -> Result<Command, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(format!("missing command\n\n{USAGE}"));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => Ok(Command::Help),
        "bundle" => parse_bundle_args(rest),
        "size" => parse_size_args(rest),
        other => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    }
}

fn parse_bundle_args(args: &[String]) -> Result<Command, String> {
    let (mut html, mut js, mut wasm, mut out) = (None, None, None, None);
    let mut forbid = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        // Accept both `--flag value` and `--flag=value`.
        let (flag, inline_value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        if !matches!(flag, "--html" | "--js" | "--wasm" | "--out" | "--forbid") {
            return Err(format!("unknown argument `{arg}`\n\n{USAGE}"));
        }
        let value = match inline_value {
            Some(value) => value,
            None => iter
                .next()
                .cloned()
                .ok_or_else(|| format!("`{flag}` needs a value\n\n{USAGE}"))?,
        };
        if value.is_empty() {
            return Err(format!("`{flag}` needs a non-empty value"));
        }
        let slot = match flag {
            "--html" => &mut html,
            "--js" => &mut js,
            "--wasm" => &mut wasm,
            "--out" => &mut out,
            _ => {
                forbid.push(value);
                continue;
            }
        };
        if slot.replace(PathBuf::from(value)).is_some() {
            return Err(format!("`{flag}` given more than once"));
        }
    }
    let required = |slot: Option<PathBuf>, flag: &str| {
        slot.ok_or_else(|| format!("missing required `{flag}`\n\n{USAGE}"))
    };
    Ok(Command::Bundle(BundleArgs {
        html: required(html, "--html")?,
        js: required(js, "--js")?,
        wasm: required(wasm, "--wasm")?,
        out: required(out, "--out")?,
        forbid,
    }))
}

fn parse_size_args(args: &[String]) -> Result<Command, String> {
    let mut values: [Option<String>; 5] = Default::default();
    let flags = [
        "--html",
        "--wasm-before",
        "--wasm-after",
        "--twiggy-csv",
        "--top",
    ];
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        let (flag, inline_value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        let slot = flags
            .iter()
            .position(|f| *f == flag)
            .ok_or_else(|| format!("unknown argument `{arg}`\n\n{USAGE}"))?;
        let value = match inline_value {
            Some(value) => value,
            None => iter
                .next()
                .cloned()
                .ok_or_else(|| format!("`{flag}` needs a value\n\n{USAGE}"))?,
        };
        if values[slot].replace(value).is_some() {
            return Err(format!("`{flag}` given more than once"));
        }
    }
    let [html, before, after, csv, top] = values;
    let required = |slot: Option<String>, flag: &str| {
        slot.map(PathBuf::from)
            .ok_or_else(|| format!("missing required `{flag}`\n\n{USAGE}"))
    };
    let top = match top {
        None => 20,
        Some(top) => top
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| format!("`--top {top}` is not a positive number of rows"))?,
    };
    Ok(Command::Size(size::SizeArgs {
        html: required(html, "--html")?,
        wasm_before: required(before, "--wasm-before")?,
        wasm_after: required(after, "--wasm-after")?,
        twiggy_csv: required(csv, "--twiggy-csv")?,
        top,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_full_bundle_command() {
        let args = strings(&[
            "bundle",
            "--html",
            "index.html",
            "--js=g/keyplan.js",
            "--wasm",
            "o.wasm",
            "--out",
            "dist/keyplan.html",
            "--forbid",
            "/srv/x",
            "--forbid=/c",
        ]);
        assert_eq!(
            parse_args(&args).unwrap(),
            Command::Bundle(BundleArgs {
                html: "index.html".into(),
                js: "g/keyplan.js".into(),
                wasm: "o.wasm".into(),
                out: "dist/keyplan.html".into(),
                forbid: vec!["/srv/x".into(), "/c".into()],
            })
        );
    }

    #[test]
    fn rejects_bad_command_lines() {
        let cases: &[(&[&str], &str)] = &[
            (&[], "missing command"),
            (&["build"], "unknown command `build`"),
            (&["bundle", "--html"], "`--html` needs a value"),
            (&["bundle", "--nope", "x"], "unknown argument `--nope`"),
            (
                &["bundle", "--html", "a", "--js", "b", "--wasm", "c"],
                "missing required `--out`",
            ),
            (
                &["bundle", "--html", "a", "--html", "b"],
                "given more than once",
            ),
            (&["bundle", "--forbid", ""], "non-empty"),
        ];
        for (args, expected) in cases {
            let err = parse_args(&strings(args)).unwrap_err();
            assert!(err.contains(expected), "{args:?}: {err}");
        }
    }

    #[test]
    fn parses_the_size_command() {
        let args = strings(&[
            "size",
            "--html=p.html",
            "--wasm-before",
            "a.wasm",
            "--wasm-after",
            "b.wasm",
            "--twiggy-csv",
            "t.csv",
        ]);
        assert_eq!(
            parse_args(&args).unwrap(),
            Command::Size(size::SizeArgs {
                html: "p.html".into(),
                wasm_before: "a.wasm".into(),
                wasm_after: "b.wasm".into(),
                twiggy_csv: "t.csv".into(),
                top: 20,
            })
        );
        let mut with_top = args.clone();
        with_top.extend(strings(&["--top", "5"]));
        assert!(matches!(parse_args(&with_top).unwrap(), Command::Size(s) if s.top == 5));
        with_top.extend(strings(&["--top", "6"]));
        assert!(parse_args(&with_top)
            .unwrap_err()
            .contains("more than once"));
        let err = parse_args(&strings(&["size", "--top", "0"])).unwrap_err();
        assert!(err.contains("positive"), "{err}");
        let err = parse_args(&strings(&["size", "--html", "p"])).unwrap_err();
        assert!(err.contains("--wasm-before"), "{err}");
    }

    #[test]
    fn help_is_recognised() {
        assert_eq!(parse_args(&strings(&["--help"])).unwrap(), Command::Help);
        assert_eq!(
            parse_args(&strings(&["bundle", "-h"])).unwrap(),
            Command::Help
        );
    }
}
