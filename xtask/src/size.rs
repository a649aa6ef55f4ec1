//! `xtask size`: where the bytes of the page go. Prints the page raw and gzipped, the wasm
//! before and after wasm-opt, and the largest contributors grouped by crate and by keyplan
//! module, read from `twiggy top -f csv` of a wasm that still carries its names section.

use crate::compress;
use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;

/// Parsed `size` arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SizeArgs {
    pub html: PathBuf,
    pub wasm_before: PathBuf,
    pub wasm_after: PathBuf,
    pub twiggy_csv: PathBuf,
    pub top: usize,
}

/// One row of `twiggy top -f csv`: an item's name and its own (shallow) size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub name: String,
    pub bytes: u64,
}

/// The whole command: read the files, print the report.
pub fn run(args: &SizeArgs) -> Result<(), String> {
    let read =
        |path: &PathBuf| fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()));
    let html = read(&args.html)?;
    let before = read(&args.wasm_before)?.len();
    let after = read(&args.wasm_after)?.len();
    let csv = String::from_utf8(read(&args.twiggy_csv)?)
        .map_err(|_| format!("{} is not UTF-8", args.twiggy_csv.display()))?;
    let items =
        parse_twiggy_csv(&csv).map_err(|e| format!("{}: {e}", args.twiggy_csv.display()))?;
    let html_gzip = compress::gzip_best(&html).len();
    println!(
        "{}: {} B raw, {html_gzip} B gzip -9",
        args.html.display(),
        html.len()
    );
    println!(
        "wasm: {before} B before wasm-opt ({}), {after} B after ({})",
        args.wasm_before.display(),
        args.wasm_after.display()
    );
    let code: Vec<&Item> = items
        .iter()
        .filter(|i| !is_custom_section(&i.name))
        .collect();
    let total: u64 = code.iter().map(|i| i.bytes).sum();
    println!(
        "\nby crate ({total} B of code and data in {}, names section left out; \
         sizes before wasm-opt):",
        args.twiggy_csv.display()
    );
    print!("{}", table(&group(&code, crate_of), total, args.top));
    let ours: Vec<&Item> = code
        .iter()
        .copied()
        .filter(|i| crate_of(&i.name) == "keyplan")
        .collect();
    println!("\nby keyplan module:");
    print!("{}", table(&group(&ours, module_of), total, args.top));
    Ok(())
}

/// Reads twiggy's CSV (header `Name,ShallowSize,...`; names are quoted when they hold a comma
/// or a quote, with quotes doubled).
pub fn parse_twiggy_csv(csv: &str) -> Result<Vec<Item>, String> {
    let mut lines = csv.lines();
    match lines.next() {
        Some(header) if header.starts_with("Name,ShallowSize") => {}
        _ => return Err("not `twiggy top -f csv` output (no `Name,ShallowSize` header)".into()),
    }
    let mut items = Vec::new();
    for (n, line) in lines.enumerate() {
        let row = n + 2;
        let (name, rest) = split_name(line).ok_or_else(|| format!("row {row}: unreadable"))?;
        let size = rest.split(',').next().unwrap_or_default();
        let bytes = size
            .parse()
            .map_err(|_| format!("row {row}: size `{size}` is not a byte count"))?;
        items.push(Item { name, bytes });
    }
    Ok(items)
}

/// The first CSV field (unquoted) and what follows its comma.
fn split_name(line: &str) -> Option<(String, &str)> {
    let Some(quoted) = line.strip_prefix('"') else {
        let (name, rest) = line.split_once(',')?;
        return Some((name.to_string(), rest));
    };
    let mut name = String::new();
    let mut chars = quoted.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != '"' {
            name.push(c);
        } else if chars.peek().is_some_and(|(_, next)| *next == '"') {
            chars.next();
            name.push('"');
        } else {
            return quoted[at + 1..].strip_prefix(',').map(|rest| (name, rest));
        }
    }
    None
}

/// Names sections and the like: stripped from the shipped wasm, so not counted.
fn is_custom_section(name: &str) -> bool {
    name.ends_with("subsection") || name.starts_with("custom section")
}

/// The crate an item belongs to: the first path of its name, `<T as Trait>` going to the
/// trait's crate when `T` is a bare type parameter, `drop_in_place<X>` to `X`'s crate, the
/// disambiguator `[0123abcd]` dropped. Items with no path are `(data)` (data segments),
/// `(glue)` (wasm-bindgen imports and shims) or `(other)`.
pub fn crate_of(name: &str) -> String {
    let name = name
        .strip_prefix("core::ptr::drop_in_place<")
        .unwrap_or(name);
    if name.starts_with("data segment") {
        return "(data)".into();
    }
    if name.starts_with("import ") || name.contains("externref shim") || name.starts_with("elem[") {
        return "(glue)".into();
    }
    let mut rest = name.trim_start_matches(['<', '&', '*', '(', '[']);
    for prefix in ["mut ", "const ", "dyn "] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let first = path_head(rest);
    let generic = first.len() == 1 && first.chars().all(|c| c.is_ascii_uppercase());
    if generic {
        if let Some((_, trait_path)) = rest.split_once(" as ") {
            return path_head(trait_path).to_string();
        }
    }
    match first {
        "" => "(other)".into(),
        "str" | "char" | "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" | "f64"
        | "bool" => "core".into(),
        first if is_path(&rest[first.len()..]) => first.to_string(),
        _ => "(other)".into(),
    }
}

/// Whether what follows a crate name continues a path: `::`, or `[disambiguator]::`.
fn is_path(after: &str) -> bool {
    let after = match after.strip_prefix('[') {
        Some(tail) => match tail.split_once(']') {
            Some((hash, tail)) if hash.chars().all(|c| c.is_ascii_hexdigit()) => tail,
            _ => return false,
        },
        None => after,
    };
    after.starts_with("::")
}

/// The leading identifier of a path.
fn path_head(path: &str) -> &str {
    let end = path
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(path.len());
    &path[..end]
}

/// `keyplan::<area>::<module>` for an item of ours (two levels under the crate, fewer when the
/// path is shorter).
pub fn module_of(name: &str) -> String {
    let start = name.find("keyplan::").unwrap_or(0);
    let segments: Vec<&str> = name[start..]
        .split("::")
        .map(path_head)
        .take_while(|s| !s.is_empty())
        .collect();
    // the last segment of a path is the item itself (a function, a type), not a module
    let depth = segments.len().saturating_sub(1).clamp(1, 3);
    segments[..depth].join("::")
}

fn group(items: &[&Item], key: fn(&str) -> String) -> Vec<(String, u64)> {
    let mut sums: HashMap<String, u64> = HashMap::new();
    for item in items {
        *sums.entry(key(&item.name)).or_default() += item.bytes;
    }
    let mut rows: Vec<(String, u64)> = sums.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    rows
}

/// The `top` largest rows, their share of `total`, and one line for the rest.
fn table(rows: &[(String, u64)], total: u64, top: usize) -> String {
    let percent = |bytes: u64| 100.0 * bytes as f64 / total.max(1) as f64;
    let mut out = String::new();
    for (name, bytes) in rows.iter().take(top) {
        out.push_str(&format!(
            "  {bytes:>9} B {:>5.1} %  {name}\n",
            percent(*bytes)
        ));
    }
    if rows.len() > top {
        let rest: u64 = rows[top..].iter().map(|r| r.1).sum();
        let n = rows.len() - top;
        out.push_str(&format!(
            "  {rest:>9} B {:>5.1} %  ({n} more)\n",
            percent(rest)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twiggy_csv_is_read_with_quoted_names() {
        let csv = "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent\n\
            \"\"\"function names\"\" subsection\",442879,22.5,,\n\
            keyplan::domain::money::parse::h1,40911,2.0,,\n\
            \"<a::B<C,D> as e::F>::g::h2\",12,0.1,,\n";
        let items = parse_twiggy_csv(csv).unwrap();
        assert_eq!(
            items,
            vec![
                Item {
                    name: "\"function names\" subsection".into(),
                    bytes: 442879
                },
                Item {
                    name: "keyplan::domain::money::parse::h1".into(),
                    bytes: 40911
                },
                Item {
                    name: "<a::B<C,D> as e::F>::g::h2".into(),
                    bytes: 12
                },
            ]
        );
        assert!(is_custom_section(&items[0].name));
        assert!(parse_twiggy_csv("a,b\n").unwrap_err().contains("header"));
        let err = parse_twiggy_csv("Name,ShallowSize\nx,many,1\n").unwrap_err();
        assert!(err.contains("row 2") && err.contains("`many`"), "{err}");
    }

    #[test]
    fn items_go_to_their_crate() {
        let cases = [
            ("keyplan::session::reduce::next::h9f", "keyplan"),
            ("<keyplan::ui::deal::dialog::DealDialog as yew::functional::FunctionProvider>::run::h", "keyplan"),
            ("<yew::html::component::lifecycle::CompStateInner<COMP> as yew::Stateful>::view::h6", "yew"),
            ("core::ptr::drop_in_place<serde_json::value::Value>::h1", "serde_json"),
            ("<dlmalloc[e24a27700634d609]::dlmalloc::Dlmalloc<A>>::malloc::h1", "dlmalloc"),
            ("<T as core::any::Any>::type_id::h2", "core"),
            ("<&T as core::fmt::Debug>::fmt::h3", "core"),
            ("<str>::to_lowercase::h4", "core"),
            ("data segment \".rodata\"", "(data)"),
            ("import ./keyplan_bg.js::__wbg_get_1", "(glue)"),
            ("Ref(String) -> Externref externref shim", "(glue)"),
            ("func[12]", "(other)"),
        ];
        for (name, expected) in cases {
            assert_eq!(crate_of(name), expected, "{name}");
        }
    }

    #[test]
    fn our_items_go_to_their_module() {
        assert_eq!(
            module_of("keyplan::session::reduce::next::h9f"),
            "keyplan::session::reduce"
        );
        assert_eq!(
            module_of("<keyplan::ui::deal::dialog::DealDialog as yew::FunctionProvider>::run::h"),
            "keyplan::ui::deal"
        );
        assert_eq!(module_of("keyplan::main::h1"), "keyplan::main");
        assert_eq!(module_of("keyplan::ui::h1"), "keyplan::ui");
    }

    #[test]
    fn tables_show_the_top_rows_and_the_rest() {
        let a = Item {
            name: "keyplan::a::x::f".into(),
            bytes: 60,
        };
        let b = Item {
            name: "keyplan::b::y::f".into(),
            bytes: 30,
        };
        let c = Item {
            name: "keyplan::a::x::g".into(),
            bytes: 10,
        };
        let rows = group(&[&a, &b, &c], module_of);
        assert_eq!(
            rows,
            vec![("keyplan::a::x".into(), 70), ("keyplan::b::y".into(), 30)]
        );
        let text = table(&rows, 100, 1);
        assert_eq!(
            text,
            "         70 B  70.0 %  keyplan::a::x\n         30 B  30.0 %  (1 more)\n"
        );
    }
}
