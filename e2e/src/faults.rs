//! Fault injection for the browser tests: writes the browser refuses (an exhausted quota),
//! storage that cannot be reached at all, scripts that run before the page's own, downloads
//! caught in the page, two windows of one browser, and the ledger of texts that must never
//! vanish from every storage key at once.

use std::collections::BTreeSet;

use fantoccini::wd::WindowHandle;
use keyplan::domain::plan_file::packed::{plain, PACKED};
use serde_json::json;

use crate::{Browser, BACKUP_PREFIX, PLAN_KEY};

/// localStorage key of the stamp every save rewrites.
pub const STAMP_KEY: &str = "keyplan.plan.v1.stamp";
/// What Chromium allows one origin in localStorage: 5 Mi UTF-16 characters, keys included.
pub const QUOTA_CHARS: usize = 5 * 1024 * 1024;

/// Makes `script` run in every document the current window loads from now on, before any
/// script of the page.
pub async fn before_every_page(b: &Browser, script: &str) {
    let added = b
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({"source": script}),
        )
        .await;
    assert!(
        added["identifier"].is_string(),
        "the script was not added: {added}"
    );
}

/// Injected before the page: `window.localStorage` throws, as in a browser that forbids
/// storage to the page.
pub const STORAGE_DENIED: &str = "Object.defineProperty(window, 'localStorage', {
    configurable: true,
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }
});";

/// From now on every `localStorage.setItem` of the current page throws a `QuotaExceededError`,
/// as when the quota is exhausted (reads and removals still work).
pub async fn refuse_writes(b: &Browser) {
    b.js(
        "if (!window.__kpSetItem) window.__kpSetItem = Storage.prototype.setItem;
          Storage.prototype.setItem = function () {
            window.__kpRefused = (window.__kpRefused || 0) + 1;
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          };
          return true;",
    )
    .await;
}

/// Lets the current page write again after [`refuse_writes`].
pub async fn allow_writes(b: &Browser) {
    b.js(
        "if (window.__kpSetItem) Storage.prototype.setItem = window.__kpSetItem;
          return true;",
    )
    .await;
}

/// How many writes the current page had refused since [`refuse_writes`].
pub async fn refused_writes(b: &Browser) -> u64 {
    b.js("return window.__kpRefused || 0;")
        .await
        .as_u64()
        .unwrap_or_default()
}

/// Catches the page's downloads from now on (until it reloads): the file name and the blob
/// are kept in the page, and nothing reaches the disk.
pub async fn catch_downloads(b: &Browser) {
    b.js("if (window.__kpDownloads) return true;
          window.__kpDownloads = [];
          const blobs = new Map();
          const create = URL.createObjectURL;
          URL.createObjectURL = function (o) { const u = create.call(URL, o); blobs.set(u, o); return u; };
          const click = HTMLAnchorElement.prototype.click;
          HTMLAnchorElement.prototype.click = function () {
            if (this.download && blobs.has(this.href)) {
              window.__kpDownloads.push({ name: this.download, blob: blobs.get(this.href) });
              return;
            }
            return click.call(this);
          };
          return true;")
        .await;
}

/// The downloads caught so far: `(file name, text)`, oldest first.
pub async fn downloads(b: &Browser) -> Vec<(String, String)> {
    let found = b
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             Promise.all((window.__kpDownloads || []).map(d => d.blob.text().then(t => [d.name, t])))
               .then(done, e => done('error: ' + e));",
            vec![],
        )
        .await
        .unwrap_or_else(|e| panic!("cannot read the caught downloads: {e}"));
    serde_json::from_value(found.clone()).unwrap_or_else(|e| {
        panic!(
            "caught downloads: {e}: {}",
            crate::truncate(&found.to_string(), 300)
        )
    })
}

/// How many downloads were caught so far.
pub async fn download_count(b: &Browser) -> usize {
    b.js("return (window.__kpDownloads || []).length;")
        .await
        .as_u64()
        .unwrap_or_default() as usize
}

/// Dispatches a cancelable `beforeunload` event at the window, as leaving the page does, and
/// tells whether the page asked to stay (it cancelled the event or set a return value).
pub async fn leaving_is_questioned(b: &Browser) -> bool {
    b.js("const e = new Event('beforeunload', { cancelable: true });
          window.dispatchEvent(e);
          return e.defaultPrevented || (typeof e.returnValue === 'string' && e.returnValue !== '')
              || e.returnValue === false;")
        .await
        .as_bool()
        .expect("a boolean")
}

/// Characters the origin's localStorage holds, keys included (what the quota counts).
pub async fn used_chars(b: &Browser) -> usize {
    b.js("let n = 0;
          for (let i = 0; i < localStorage.length; i++) {
            const k = localStorage.key(i);
            n += k.length + localStorage.getItem(k).length;
          }
          return n;")
        .await
        .as_u64()
        .expect("a count") as usize
}

/// Every key the origin's localStorage holds, sorted.
pub async fn storage_keys(b: &Browser) -> Vec<String> {
    let keys = b
        .js("const out = [];
             for (let i = 0; i < localStorage.length; i++) out.push(localStorage.key(i));
             return out.sort();")
        .await;
    serde_json::from_value(keys).expect("a list of keys")
}

/// The keys of the backups kept, sorted.
pub async fn backup_keys(b: &Browser) -> Vec<String> {
    storage_keys(b)
        .await
        .into_iter()
        .filter(|k| k.starts_with(BACKUP_PREFIX))
        .collect()
}

/// The texts a test wrote into the plan (deal names, notes, quotas…): each must stay in the
/// plan key or in some backup key, unless the test deleted it on purpose. Checked after every
/// step: no text ever disappears from every key at once.
#[derive(Debug, Default)]
pub struct Ledger {
    written: Vec<String>,
    deleted: BTreeSet<String>,
}

impl Ledger {
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// `text` is in storage now (the test waits until it is) and must stay somewhere, even if
    /// it was deleted before.
    pub async fn saved(&mut self, b: &Browser, text: &str) {
        b.eventually(&format!("{text:?} to be saved"), || async {
            self.missing(b, &[text.to_string()])
                .await
                .is_empty()
                .then_some(())
        })
        .await;
        self.deleted.remove(text);
        self.written.push(text.to_string());
    }

    /// The test deleted `text` on purpose: it may go.
    pub fn deleted(&mut self, text: &str) {
        self.deleted.insert(text.to_string());
    }

    /// Fails unless every text written and not deleted is in the plan key or a backup key.
    pub async fn check(&self, b: &Browser, step: &str) {
        let expected: Vec<String> = self
            .written
            .iter()
            .filter(|t| !self.deleted.contains(*t))
            .cloned()
            .collect();
        let missing = self.missing(b, &expected).await;
        assert!(
            missing.is_empty(),
            "after {step}: gone from the plan and from every backup: {missing:?} (keys: {:?})",
            storage_keys(b).await
        );
    }

    /// The texts among `texts` found in no plan or backup key (searched in the page).
    async fn missing(&self, b: &Browser, texts: &[String]) -> Vec<String> {
        // searched in the page; a large plan kept packed is brought out and unpacked by the
        // app's own reader
        let found = b
            .js_args(
                "const [plan, prefix, packed, texts] = arguments; const held = [], large = [];
                 for (let i = 0; i < localStorage.length; i++) {
                   const k = localStorage.key(i);
                   if (k !== plan && !k.startsWith(prefix)) continue;
                   const v = localStorage.getItem(k);
                   (v.startsWith(packed) ? large : held).push(v);
                 }
                 return [texts.filter(t => !held.some(v => v.includes(t))), large];",
                vec![
                    json!(PLAN_KEY),
                    json!(BACKUP_PREFIX),
                    json!(PACKED),
                    json!(texts),
                ],
            )
            .await;
        let (missing, large): (Vec<String>, Vec<String>) =
            serde_json::from_value(found).expect("a list of texts and the packed ones");
        let large: Vec<String> = large.into_iter().map(plain).collect();
        missing
            .into_iter()
            .filter(|t| !large.iter().any(|v| v.contains(t.as_str())))
            .collect()
    }
}

/// Two windows of one browser on the page: one localStorage, `storage` events between them.
pub struct Tabs {
    pub a: WindowHandle,
    pub b: WindowHandle,
}

impl Tabs {
    /// Opens a second window on the page (the current one is `a`) and comes back to `a`. A
    /// window, not a tab: both stay visible, so neither's timers are slowed down.
    pub async fn open(b: &Browser) -> Tabs {
        let a = b.client.window().await.expect("the current window");
        let second = b
            .client
            .new_window(false)
            .await
            .expect("a second window")
            .handle;
        b.client
            .switch_to_window(second.clone())
            .await
            .expect("switch to the second window");
        b.open().await;
        b.client
            .switch_to_window(a.clone())
            .await
            .expect("switch back to the first window");
        Tabs { a, b: second }
    }

    /// Makes window `a` current.
    pub async fn to_a(&self, b: &Browser) {
        b.client
            .switch_to_window(self.a.clone())
            .await
            .expect("switch to window A");
    }

    /// Makes window `b` current.
    pub async fn to_b(&self, b: &Browser) {
        b.client
            .switch_to_window(self.b.clone())
            .await
            .expect("switch to window B");
    }
}
