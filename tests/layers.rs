//! The code runs in one direction. In the core, each domain module uses only the modules of the
//! layers above it (as `src/domain/mod.rs` lists them); the domain knows nothing of the app's
//! state, languages, charts or the browser; the session knows nothing of languages or the
//! browser; the core names no browser crate at all.
use std::fs;
use std::path::{Path, PathBuf};

/// The domain's modules by layer, lowest first (a module may use only lower layers).
const LAYERS: &[&[&str]] = &[
    &[
        "file_name",
        "fingerprint",
        "iso_date",
        "money",
        "period",
        "stage",
        "workshop_header",
    ],
    &[
        "category",
        "csv",
        "method",
        "people",
        "read_problem",
        "split",
    ],
    &["deal"],
    &["quota", "snapshot", "split_draft", "target"],
    &["gates"],
    &["weighting", "coverage", "score"],
    &["filter"],
    &["plan"],
    &["facts"],
    &["forecast", "list", "month_close", "summary", "validate"],
    &["plan_file"],
    &["import"],
    &["sample_snapshots"],
    &["sample"],
    &["workshop"],
    &["report"],
];

fn layer_of(module: &str) -> usize {
    LAYERS
        .iter()
        .position(|layer| layer.contains(&module))
        .unwrap_or_else(|| panic!("src/domain/{module} is in no layer of tests/layers.rs"))
}

fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The code of a file without its comments (a comment may name anything).
fn code(path: &Path) -> String {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The identifiers that follow `prefix` in `text` (`super::deal::Deal` → `deal`).
fn names_after<'t>(text: &'t str, prefix: &str) -> Vec<&'t str> {
    text.match_indices(prefix)
        .map(|(at, _)| {
            let rest = &text[at + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// Domain modules a file uses, with the module the file belongs to.
fn domain_uses(root: &Path, path: &Path) -> (String, Vec<String>) {
    let relative = path.strip_prefix(root).unwrap();
    let parts: Vec<&str> = relative.iter().map(|p| p.to_str().unwrap()).collect();
    let module = parts[0].trim_end_matches(".rs").to_string();
    let top_level = parts.len() == 1 || parts.get(1) == Some(&"mod.rs");
    let text = code(path);
    let mut used: Vec<String> = names_after(&text, "crate::domain::")
        .into_iter()
        .map(str::to_string)
        .collect();
    // `super::super::x` in a file two levels down names the domain module `x`
    let two_down = (parts.len() == 2 && parts[1] != "mod.rs") || parts.len() == 3;
    if two_down {
        used.extend(
            names_after(&text, "super::super::")
                .into_iter()
                .map(str::to_string),
        );
    }
    if top_level {
        used.extend(
            names_after(&text, "super::")
                .into_iter()
                .filter(|name| *name != "super")
                .map(str::to_string),
        );
        // `use super::{a, b}` names several modules at once
        for group in names_after_group(&text, "super::{") {
            used.push(group);
        }
    }
    used.retain(|name| {
        name != &module && LAYERS.iter().any(|layer| layer.contains(&name.as_str()))
    });
    used.sort();
    used.dedup();
    (module, used)
}

/// The first path segments inside `prefix{ … }` groups.
fn names_after_group(text: &str, prefix: &str) -> Vec<String> {
    text.match_indices(prefix)
        .flat_map(|(at, _)| {
            let rest = &text[at + prefix.len()..];
            let inner = &rest[..rest.find('}').unwrap_or(rest.len())];
            inner
                .split(',')
                .map(|item| item.trim().split("::").next().unwrap_or("").to_string())
                .collect::<Vec<_>>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn every_domain_module_uses_only_the_layers_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut wrong = Vec::new();
    let mut checked = 0;
    for path in sources(&root) {
        if path.file_name().unwrap() == "mod.rs" && path.parent().unwrap() == root {
            continue;
        }
        let (module, used) = domain_uses(&root, &path);
        let layer = layer_of(&module);
        for name in used {
            checked += 1;
            if layer_of(&name) >= layer {
                wrong.push(format!(
                    "{} ({module}, layer {layer}) uses {name} (layer {})",
                    path.display(),
                    layer_of(&name)
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows that run back up:\n{}",
        wrong.join("\n")
    );
    assert!(
        checked > 40,
        "the scan found only {checked} uses: is it still reading the code?"
    );
}

#[test]
fn the_layer_list_names_every_domain_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let listed: usize = LAYERS.iter().map(|l| l.len()).sum();
    let modules = fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap() != "mod.rs")
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "rs"))
        .inspect(|p| {
            layer_of(p.file_stem().unwrap().to_str().unwrap());
        })
        .count();
    assert_eq!(listed, modules);
}

/// Which parts of the crate a part of the core must not name.
#[test]
fn the_core_never_reaches_up_or_into_the_browser() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let rules: &[(&str, &[&str])] = &[
        (
            "chart",
            &[
                "crate::domain",
                "crate::session",
                "crate::i18n",
                "crate::ui",
                "crate::web",
            ],
        ),
        (
            "domain",
            &[
                "crate::session",
                "crate::i18n",
                "crate::chart",
                "crate::ui",
                "crate::web",
            ],
        ),
        (
            "session",
            &["crate::i18n", "crate::chart", "crate::ui", "crate::web"],
        ),
        ("i18n", &["crate::ui", "crate::web", "crate::chart"]),
    ];
    let browser = ["yew", "web_sys", "wasm_bindgen", "js_sys", "gloo"];
    let mut wrong = Vec::new();
    for (part, forbidden) in rules {
        for path in sources(&src.join(part)) {
            let text = code(&path);
            for name in forbidden.iter() {
                if text.contains(name) {
                    wrong.push(format!("{} names {name}", path.display()));
                }
            }
            for name in browser {
                if names_after(&text, "use ").contains(&name) || text.contains(&format!("{name}::"))
                {
                    wrong.push(format!("{} names {name}", path.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
