//! Browser-test harness for keyplan.
//!
//! Drives the single self-contained `dist/keyplan.html` (opened from `file://`) in headless
//! Chromium through a chromedriver ([`Browser::start`]), or in headless Firefox through a
//! geckodriver ([`Browser::start_firefox`]), that each [`Browser`] spawns for itself, with a
//! fresh browser profile (so fresh localStorage) per browser.
//!
//! Environment:
//! - `KEYPLAN_HTML`: absolute path of the built page (required; a relative path is taken from
//!   the workspace root). Missing or absent file fails the test: build it with `make dist`.
//! - `CHROMEDRIVER` (default `/usr/bin/chromedriver`), `CHROMIUM` (default `/usr/bin/chromium`).
//! - `GECKODRIVER` (default `$CARGO_HOME/bin/geckodriver`), `FIREFOX` (default
//!   `/usr/bin/firefox-esr`).
//!
//! All waits poll a condition with a deadline ([`WAIT`]); nothing sleeps for a fixed time.

use std::collections::BTreeSet;
use std::future::Future;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use base64::Engine as _;
use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

pub mod faults;

pub use fantoccini;
pub use serde_json;

/// How long any wait for a condition may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(10);
/// How often a condition is re-checked while waiting.
pub const POLL: Duration = Duration::from_millis(50);
/// How long the driver may take to accept connections and to start a session.
const STARTUP: Duration = Duration::from_secs(30);

/// localStorage key of the plan.
pub const PLAN_KEY: &str = "keyplan.plan.v1";
/// The start of every backup key: `keyplan.backup.<kind>.<milliseconds>`.
pub const BACKUP_PREFIX: &str = "keyplan.backup.";
/// localStorage key of the UI preferences (language).
pub const PREFS_KEY: &str = "keyplan.prefs.v1";

const HOW_TO_BUILD: &str = "build it with `make dist`; run browser tests with `make test`";

/// CSS selector for `[data-testid="<id>"]`.
pub fn tid(id: &str) -> String {
    format!("[data-testid=\"{}\"]", css_escape(id))
}

/// Escapes a string for use inside a double-quoted CSS attribute value.
pub fn css_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\a "),
            _ => out.push(c),
        }
    }
    out
}

/// The `file://` URL of the page under test, from `KEYPLAN_HTML`.
///
/// Panics (never skips) when the variable is unset or the file does not exist.
pub fn page_url() -> String {
    match page_url_from(std::env::var_os("KEYPLAN_HTML")) {
        Ok(url) => url,
        Err(msg) => panic!("{msg}"),
    }
}

/// The logic of [`page_url`], separated so it can be tested without touching the environment.
pub fn page_url_from(var: Option<std::ffi::OsString>) -> Result<String, String> {
    let Some(raw) = var.filter(|v| !v.is_empty()) else {
        return Err(format!(
            "KEYPLAN_HTML is not set: it must name the built single-file page \
             (e.g. /work/main/dist/keyplan.html); {HOW_TO_BUILD}"
        ));
    };
    let mut path = PathBuf::from(&raw);
    if path.is_relative() {
        path = workspace_root().join(path);
    }
    if !path.is_file() {
        return Err(format!(
            "KEYPLAN_HTML={} does not exist (looked at {}); {HOW_TO_BUILD}",
            raw.to_string_lossy(),
            path.display()
        ));
    }
    let path = path
        .canonicalize()
        .map_err(|e| format!("cannot resolve {}: {e}", path.display()))?;
    file_url(&path)
}

/// `file://` URL of an absolute path.
pub fn file_url(path: &Path) -> Result<String, String> {
    url::Url::from_file_path(path)
        .map(String::from)
        .map_err(|()| format!("{} is not an absolute path", path.display()))
}

/// The cargo workspace root (parent of this crate).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("e2e crate lives inside the workspace")
        .to_path_buf()
}

/// Where screenshots go: `e2e/screenshots/` (gitignored).
pub fn screenshot_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots")
}

/// URLs among `requested` that are neither the page's own URL (fragment ignored) nor
/// `data:` / `blob:` URLs. Empty means the page made no network request of its own.
pub fn foreign_requests(requested: &[String], own_url: &str) -> Vec<String> {
    let strip = |u: &str| u.split('#').next().unwrap_or(u).to_string();
    let own = strip(own_url);
    let mut bad: Vec<String> = requested
        .iter()
        .filter(|u| !(u.starts_with("data:") || u.starts_with("blob:") || strip(u) == own))
        .map(|u| truncate(u, 200))
        .collect();
    bad.dedup();
    bad
}

/// URLs of Chromium's own pages (new-tab page, settings, devtools), not of any web page.
fn is_browser_internal(url: &str) -> bool {
    [
        "chrome://",
        "chrome-untrusted://",
        "devtools://",
        "chrome-search://",
    ]
    .iter()
    .any(|p| url.starts_with(p))
}

/// Firefox's own services (settings, updates, telemetry…) at Mozilla's hosts: the browser's
/// traffic, not the page's (the page's Content-Security-Policy would refuse them anyway).
fn is_firefox_service(target: &str) -> bool {
    let host = target
        .split("://")
        .nth(1)
        .unwrap_or(target)
        .split(['/', ':'])
        .next()
        .unwrap_or_default();
    [
        "mozilla.com",
        "mozilla.net",
        "mozilla.org",
        "firefox.com",
        "mozaws.net",
    ]
    .iter()
    .any(|domain| host == *domain || host.ends_with(&format!(".{domain}")))
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let head: String = s.chars().take(max).collect();
        format!("{head}…")
    }
}

/// Median of the values (mean of the two middle ones for an even count).
pub fn median(values: &[f64]) -> f64 {
    assert!(!values.is_empty(), "median of nothing");
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Parses a displayed amount such as `¥1,250,000.00`, `-¥5.00`, `88万`, `1.2亿` or
/// `USD 1,000.00` into a number (yuan). `None` when there is no number in it.
pub fn parse_amount(text: &str) -> Option<f64> {
    let t = text.trim();
    let multiplier = if t.contains('亿') {
        1e8
    } else if t.contains('万') {
        1e4
    } else {
        1.0
    };
    let negative = t.contains('-') || t.contains('−');
    let digits: String = t
        .chars()
        .map(|c| match c {
            // full-width digits
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if digits.is_empty() {
        return None;
    }
    let n: f64 = digits.parse().ok()?;
    Some(if negative { -n } else { n } * multiplier)
}

/// A chromedriver command: `POST /session/{id}/{path}` with a JSON body. The performance log
/// (`se/log`, `{"type": "performance"}`: each call returns and drains the entries logged since
/// the previous one) and Chrome DevTools commands (`goog/cdp/execute`).
#[derive(Debug)]
struct Post(&'static str, Value);

impl WebDriverCompatibleCommand for Post {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let id = session_id.unwrap_or_default();
        base_url.join(&format!("session/{id}/{}", self.0))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.1.to_string()))
    }
}

/// Which browser a [`Browser`] drives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
}

/// A headless Chromium (or Firefox) driven through its own chromedriver (or geckodriver), with
/// a fresh profile.
pub struct Browser {
    /// The WebDriver client, for anything the helpers don't cover.
    pub client: Client,
    engine: Engine,
    driver: Child,
    port: u16,
    session_id: String,
    /// URL of the last page opened: the page's own URL for [`Browser::assert_no_network`].
    own_url: Mutex<Option<String>>,
    /// Every request URL seen in the performance log so far (the log drains when read); in
    /// Firefox, every resource-timing entry and proxied request seen so far.
    requests: Mutex<Vec<String>>,
    closed: bool,
    /// Firefox: the proxy every connection of the browser goes through, which records it.
    proxy: Option<RecordingProxy>,
    // Dropped last (fields drop in order): the browser must be gone before its profile is
    // removed. Firefox: geckodriver makes its profile inside, next to `downloads/`.
    profile: tempfile::TempDir,
}

/// Checks that the page under test exists (failing before any browser starts if not), then
/// starts a browser.
pub async fn start() -> Browser {
    page_url();
    Browser::start().await
}

impl Browser {
    /// Types `keys` into whatever has the keyboard focus.
    pub async fn keys(&self, keys: &str) {
        let el = self
            .client
            .active_element()
            .await
            .expect("a focused element");
        el.send_keys(keys).await.expect("typing");
    }

    /// Creates a deal in P0 through the editor (name, customer, amount as typed) and waits until
    /// the editor has closed.
    pub async fn new_deal(&self, name: &str, customer: &str, amount: &str) {
        self.click(&tid("new-deal")).await;
        self.wait_for(&tid("deal-editor")).await;
        self.fill("#deal-name", name).await;
        self.fill("#deal-customer", customer).await;
        self.fill("#deal-amount", amount).await;
        self.select_value("#deal-stage", "P0").await;
        self.click(&tid("save-deal")).await;
        self.wait_gone(&tid("deal-editor")).await;
    }

    /// Opens the app on an empty plan and loads the training case.
    pub async fn load_sample(&self) {
        self.open().await;
        self.wait_for(&tid("empty-state")).await;
        self.click(&tid("load-sample")).await;
        self.wait_for(&tid("board")).await;
        self.wait_for(&tid("deal-card")).await;
        self.wait_gone(&tid("empty-state")).await;
    }

    /// Spawns chromedriver on a free port and opens a session with a fresh profile.
    pub async fn start() -> Browser {
        let driver_bin =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let chromium_bin = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        for (what, bin) in [("CHROMEDRIVER", &driver_bin), ("CHROMIUM", &chromium_bin)] {
            assert!(
                Path::new(bin).exists(),
                "{what}: {bin} not found; install with \
                 `apt-get install -y --no-install-recommends chromium chromium-driver`"
            );
        }

        // A failure screenshot left by an earlier run of this test would mislead.
        let _ = std::fs::remove_file(screenshot_dir().join(format!("{}.png", failure_name())));

        let port = free_port();
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .arg("--log-level=SEVERE")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver_bin}: {e}"));

        let profile = tempfile::Builder::new()
            .prefix("keyplan-e2e-profile-")
            .tempdir()
            .expect("create browser profile dir");

        // From here on a failure must still kill the driver: build a guard first.
        let mut guard = DriverGuard(Some(driver));
        wait_driver_ready(port, guard.0.as_mut().expect("driver present"));

        let mut caps = Capabilities::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("pageLoadStrategy".into(), json!("normal"));
        caps.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": chromium_bin,
                "args": [
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--no-default-browser-check",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--window-size=1366,900",
                    "--lang=en-US",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                "perfLoggingPrefs": {"enableNetwork": true, "enablePage": false},
            }),
        );
        caps.insert("goog:loggingPrefs".into(), json!({"performance": "ALL"}));
        Browser::connect(Engine::Chromium, guard, port, caps, profile).await
    }

    /// Spawns geckodriver on a free port and opens a headless Firefox session with a fresh
    /// profile. `security.fileuri.strict_origin_policy` is set back to Firefox's default (`true`;
    /// geckodriver turns it off), so that each `file://` path keeps its own storage, as people
    /// see it. Downloads go to [`Browser::downloads_dir`] without asking.
    pub async fn start_firefox() -> Browser {
        let driver_bin = std::env::var("GECKODRIVER").unwrap_or_else(|_| {
            let cargo_home = std::env::var("CARGO_HOME").unwrap_or_else(|_| {
                format!("{}/.cargo", std::env::var("HOME").unwrap_or_default())
            });
            format!("{cargo_home}/bin/geckodriver")
        });
        let firefox_bin =
            std::env::var("FIREFOX").unwrap_or_else(|_| "/usr/bin/firefox-esr".into());
        for (what, bin, install) in [
            (
                "GECKODRIVER",
                &driver_bin,
                "cargo install geckodriver --locked",
            ),
            (
                "FIREFOX",
                &firefox_bin,
                "apt-get install -y --no-install-recommends firefox-esr",
            ),
        ] {
            assert!(
                Path::new(bin).exists(),
                "{what}: {bin} not found; install with `{install}` (or `make test-tools`)"
            );
        }
        let _ = std::fs::remove_file(screenshot_dir().join(format!("{}.png", failure_name())));

        let profile = tempfile::Builder::new()
            .prefix("keyplan-e2e-firefox-")
            .tempdir()
            .expect("create browser profile dir");
        let downloads = profile.path().join("downloads");
        std::fs::create_dir(&downloads).expect("create downloads dir");

        let port = free_port();
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .arg("--log=fatal")
            .arg("--profile-root")
            .arg(profile.path())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver_bin}: {e}"));
        let mut guard = DriverGuard(Some(driver));
        wait_driver_ready(port, guard.0.as_mut().expect("driver present"));

        let proxy = RecordingProxy::start();
        let mut caps = Capabilities::new();
        caps.insert("browserName".into(), json!("firefox"));
        caps.insert("pageLoadStrategy".into(), json!("normal"));
        caps.insert(
            "moz:firefoxOptions".into(),
            json!({
                "binary": firefox_bin,
                "args": ["-headless", "-width=1366", "-height=900"],
                "prefs": {
                    "security.fileuri.strict_origin_policy": true,
                    "intl.accept_languages": "en-US",
                    "intl.locale.requested": "en-US",
                    "browser.download.dir": downloads.display().to_string(),
                    "browser.download.folderList": 2,
                    "browser.download.useDownloadDir": true,
                    "browser.download.always_ask_before_handling_new_types": false,
                    "browser.helperApps.neverAsk.saveToDisk": "application/json,text/csv",
                    "browser.download.alwaysOpenPanel": false,
                    // every connection, to any host (localhost included), goes to the proxy
                    "network.proxy.type": 1,
                    "network.proxy.http": "127.0.0.1",
                    "network.proxy.http_port": proxy.port,
                    "network.proxy.ssl": "127.0.0.1",
                    "network.proxy.ssl_port": proxy.port,
                    "network.proxy.no_proxies_on": "",
                    "network.proxy.allow_hijacking_localhost": true,
                    // Firefox's own services, quiet (what still calls is left out, see
                    // `is_firefox_service`)
                    "services.settings.server": "data:,#remote-settings-dummy/v1",
                    "app.normandy.enabled": false,
                    "browser.region.network.url": "",
                    "browser.search.update": false,
                    "dom.push.connection.enabled": false,
                    "network.connectivity-service.enabled": false,
                },
            }),
        );
        let mut b = Browser::connect(Engine::Firefox, guard, port, caps, profile).await;
        b.proxy = Some(proxy);
        b.client
            .set_window_size(1366, 900)
            .await
            .expect("set the window size");
        b
    }

    /// Opens the WebDriver session on the driver at `port`.
    async fn connect(
        engine: Engine,
        mut guard: DriverGuard,
        port: u16,
        caps: Capabilities,
        profile: tempfile::TempDir,
    ) -> Browser {
        let webdriver_url = format!("http://127.0.0.1:{port}");
        let client = tokio::time::timeout(
            STARTUP,
            ClientBuilder::new(HttpConnector::new())
                .capabilities(caps)
                .connect(&webdriver_url),
        )
        .await
        .unwrap_or_else(|_| {
            panic!("the {engine:?} driver did not open a session within {STARTUP:?}")
        })
        .unwrap_or_else(|e| panic!("cannot open a {engine:?} session via {webdriver_url}: {e}"));
        let session_id = client
            .session_id()
            .await
            .expect("session id")
            .expect("session has an id");

        Browser {
            client,
            engine,
            driver: guard.0.take().expect("driver present"),
            port,
            session_id,
            own_url: Mutex::new(None),
            requests: Mutex::new(Vec::new()),
            closed: false,
            proxy: None,
            profile,
        }
    }

    /// The browser this drives.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Where downloads go: Firefox saves there from the start; Chromium once
    /// [`Browser::keep_downloads`] was called (else its default, `~/Downloads`).
    pub fn downloads_dir(&self) -> PathBuf {
        self.profile.path().join("downloads")
    }

    /// The `count` files with this extension in [`Browser::downloads_dir`], sorted, once every
    /// download there has finished: none still partial (`.crdownload`, `.part`) and none empty
    /// (Chromium reserves the final name with an empty file before it writes the bytes).
    pub async fn saved_downloads(&self, extension: &str, count: usize) -> Vec<PathBuf> {
        let dir = self.downloads_dir();
        self.eventually(&format!("{count} .{extension} downloads"), || {
            let dir = dir.clone();
            async move {
                let all: Vec<PathBuf> = std::fs::read_dir(&dir)
                    .ok()?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .collect();
                let finished = all.iter().all(|p| {
                    let partial = p
                        .extension()
                        .is_some_and(|e| e == "crdownload" || e == "part");
                    !partial && std::fs::metadata(p).is_ok_and(|m| m.len() > 0)
                });
                let mut found: Vec<PathBuf> = all
                    .into_iter()
                    .filter(|p| p.extension().is_some_and(|e| e == extension))
                    .collect();
                found.sort();
                (finished && found.len() == count).then_some(found)
            }
        })
        .await
    }

    /// Chromium: saves downloads into [`Browser::downloads_dir`] from now on.
    pub async fn keep_downloads(&self) {
        let dir = self.downloads_dir();
        std::fs::create_dir_all(&dir).expect("create downloads dir");
        self.cdp(
            "Browser.setDownloadBehavior",
            json!({"behavior": "allow", "downloadPath": dir.display().to_string()}),
        )
        .await;
    }

    /// Chromium: runs a DevTools command on the current window's page (through chromedriver)
    /// and gives back its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Post(
                "goog/cdp/execute",
                json!({"cmd": cmd, "params": params}),
            ))
            .await
            .unwrap_or_else(|e| panic!("DevTools command {cmd} refused: {e}"))
    }

    /// Ends the session (the browser quits) and stops the driver. Dropping does the same.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        self.closed = true;
    }

    /// Opens the page under test ([`page_url`]).
    pub async fn open(&self) {
        self.open_url(&page_url()).await;
    }

    /// Opens `url` and remembers it as the page's own URL for the network check.
    pub async fn open_url(&self, url: &str) {
        *self.own_url.lock().unwrap() = Some(url.to_string());
        self.client
            .goto(url)
            .await
            .unwrap_or_else(|e| panic!("cannot open {url}: {e}"));
    }

    /// Reloads the current page and waits for its `load` event.
    pub async fn refresh(&self) {
        self.client.refresh().await.expect("reload the page");
    }

    /// Waits (at most [`WAIT`]) for an element matching `css` that is displayed.
    pub async fn wait_for(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(WAIT)
            .every(POLL)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| self.fail_wait(&format!("element `{css}` to appear"), e));
        self.eventually(&format!("element `{css}` to be displayed"), || async {
            for el in self.client.find_all(Locator::Css(css)).await.ok()? {
                if el.is_displayed().await.unwrap_or(false) {
                    return Some(el);
                }
            }
            None
        })
        .await
    }

    /// Waits until no displayed element matches `css`.
    pub async fn wait_gone(&self, css: &str) {
        self.eventually(&format!("element `{css}` to disappear"), || async {
            let els = self.client.find_all(Locator::Css(css)).await.ok()?;
            for el in els {
                if el.is_displayed().await.unwrap_or(false) {
                    return None;
                }
            }
            Some(())
        })
        .await
    }

    /// Waits for the element and clicks it.
    pub async fn click(&self, css: &str) {
        let el = self.wait_for(css).await;
        el.click()
            .await
            .unwrap_or_else(|e| panic!("cannot click `{css}`: {e}"));
    }

    /// Clears the input and types `text` into it.
    pub async fn fill(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        el.clear()
            .await
            .unwrap_or_else(|e| panic!("cannot clear `{css}`: {e}"));
        if !text.is_empty() {
            el.send_keys(text)
                .await
                .unwrap_or_else(|e| panic!("cannot type into `{css}`: {e}"));
        }
    }

    /// Sets an input's value from script and fires `input` and `change`, as a user edit would.
    /// For inputs whose typing is locale-dependent (`type=date`); value must be in wire form
    /// (`YYYY-MM-DD` for dates).
    pub async fn set_value(&self, css: &str, value: &str) {
        let el = self.wait_for(css).await;
        let ok = self
            .client
            .execute(
                "const el = arguments[0], v = arguments[1];
                 const proto = Object.getPrototypeOf(el);
                 const desc = Object.getOwnPropertyDescriptor(proto, 'value');
                 if (desc && desc.set) { desc.set.call(el, v); } else { el.value = v; }
                 el.dispatchEvent(new Event('input', {bubbles: true}));
                 el.dispatchEvent(new Event('change', {bubbles: true}));
                 return el.value === v;",
                vec![
                    serde_json::to_value(&el).expect("element as JSON"),
                    json!(value),
                ],
            )
            .await
            .unwrap_or_else(|e| panic!("cannot set value of `{css}`: {e}"));
        assert_eq!(ok, json!(true), "`{css}` did not accept value {value:?}");
    }

    /// Selects the `<option>` with `value` in the `<select>` matching `css`.
    pub async fn select_value(&self, css: &str, value: &str) {
        let el = self.wait_for(css).await;
        el.select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("cannot select {value:?} in `{css}`: {e}"));
    }

    /// Visible text of the first displayed element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        let el = self.wait_for(css).await;
        el.text()
            .await
            .unwrap_or_else(|e| panic!("cannot read text of `{css}`: {e}"))
    }

    /// Attribute of the first displayed element matching `css`.
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        let el = self.wait_for(css).await;
        el.attr(name)
            .await
            .unwrap_or_else(|e| panic!("cannot read [{name}] of `{css}`: {e}"))
    }

    /// Number of elements (displayed or not) matching `css` right now.
    pub async fn count(&self, css: &str) -> usize {
        self.client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("cannot search `{css}`: {e}"))
            .len()
    }

    /// Runs `script` as a function body (use `return` to give a value back).
    pub async fn js(&self, script: &str) -> Value {
        self.js_args(script, vec![]).await
    }

    /// Runs `script` with `arguments[0..]` = `args`.
    pub async fn js_args(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n--- script ---\n{script}"))
    }

    /// `localStorage.getItem(key)`.
    pub async fn storage_get(&self, key: &str) -> Option<String> {
        match self
            .js_args(
                "return window.localStorage.getItem(arguments[0]);",
                vec![json!(key)],
            )
            .await
        {
            Value::String(s) => Some(s),
            Value::Null => None,
            other => panic!("localStorage.getItem({key:?}) gave {other}"),
        }
    }

    /// `localStorage.setItem(key, value)`.
    pub async fn storage_set(&self, key: &str, value: &str) {
        self.js_args(
            "window.localStorage.setItem(arguments[0], arguments[1]);",
            vec![json!(key), json!(value)],
        )
        .await;
    }

    /// The texts of every backup of one kind (`unreadable`, `before-import`,
    /// `before-restore`), oldest first.
    pub async fn backups(&self, kind: &str) -> Vec<String> {
        let found = self
            .js_args(
                "const p = arguments[0]; const out = [];
                 for (let i = 0; i < localStorage.length; i++) {
                   const k = localStorage.key(i);
                   if (k.startsWith(p)) out.push([k, localStorage.getItem(k)]);
                 }
                 out.sort((a, b) => {
                   const n = k => k.slice(p.length).split('.').map(Number);
                   const x = n(a[0]), y = n(b[0]);
                   return (x[0] - y[0]) || ((x[1] || 0) - (y[1] || 0));
                 });
                 return out.map(e => e[1]);",
                vec![json!(format!("{BACKUP_PREFIX}{kind}."))],
            )
            .await;
        serde_json::from_value(found).expect("a list of texts")
    }

    /// Chooses the file at `path` in the import picker and waits for the import dialog.
    pub async fn import_file(&self, path: &str) {
        let input = self
            .client
            .find(fantoccini::Locator::Css(&tid("import-input")))
            .await
            .expect("the file input");
        input.send_keys(path).await.expect("choose the file");
        self.wait_for(&tid("import-dialog")).await;
    }

    /// `document.documentElement.lang`.
    pub async fn html_lang(&self) -> String {
        self.js("return document.documentElement.lang;")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Polls `probe` every [`POLL`] until it gives `Some`, failing after [`WAIT`].
    pub async fn eventually<T, F, Fut>(&self, what: &str, mut probe: F) -> T
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Option<T>>,
    {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(v) = probe().await {
                return v;
            }
            if Instant::now() >= deadline {
                panic!("timed out after {WAIT:?} waiting for {what}");
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Waits until `script` (a function body) returns `true`.
    pub async fn wait_js(&self, what: &str, script: &str) {
        self.eventually(what, || async {
            match self.client.execute(script, vec![]).await {
                Ok(Value::Bool(true)) => Some(()),
                _ => None,
            }
        })
        .await
    }

    /// Saves a PNG of the viewport to `e2e/screenshots/<name>.png` and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self
            .client
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
        save_png(name, &png)
    }

    /// `performance.getEntriesByName('keyplan-board')[0].startTime` of the current page, if
    /// the app has set that mark.
    pub async fn time_to_board_ms(&self) -> Option<f64> {
        self.js("const e = performance.getEntriesByName('keyplan-board');
             return e.length ? e[0].startTime : null;")
            .await
            .as_f64()
    }

    /// Every request URL the browser has sent since the session started
    /// (`Network.requestWillBeSent` and `Network.webSocketCreated` in the performance log).
    ///
    /// Firefox has no performance log. There, every connection the browser opens goes through
    /// a local proxy that records it (a request that fails leaves no other trace offline), and
    /// the Resource Timing API of the current document is read too (the document itself, under
    /// its URL, and every resource entry: fetches, images, scripts, styles); both add to what
    /// was seen before.
    pub async fn network_requests(&self) -> Vec<String> {
        if let Some(proxy) = &self.proxy {
            let seen = self
                .js("return [location.href]
                        .concat(performance.getEntriesByType('resource').map(e => e.name));")
                .await;
            let timed = seen
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str);
            let proxied = proxy.seen.lock().unwrap().clone();
            let proxied = proxied.into_iter().filter(|t| !is_firefox_service(t));
            let mut requests = self.requests.lock().unwrap();
            for url in timed.map(str::to_string).chain(proxied) {
                if !requests.contains(&url) {
                    requests.push(url);
                }
            }
            return requests.clone();
        }
        let log = self
            .client
            .issue_cmd(Post("se/log", json!({"type": "performance"})))
            .await
            .unwrap_or_else(|e| panic!("cannot read chromedriver's performance log: {e}"));
        let entries = log
            .as_array()
            .unwrap_or_else(|| panic!("performance log is not an array: {log}"));
        let mut requests = self.requests.lock().unwrap();
        for entry in entries {
            let Some(text) = entry.get("message").and_then(Value::as_str) else {
                continue;
            };
            let Ok(msg) = serde_json::from_str::<Value>(text) else {
                continue;
            };
            let msg = msg.get("message").unwrap_or(&msg);
            let method = msg.get("method").and_then(Value::as_str).unwrap_or("");
            let params = msg.get("params").unwrap_or(&Value::Null);
            let url = match method {
                "Network.requestWillBeSent" => params.pointer("/request/url"),
                "Network.webSocketCreated" => params.get("url"),
                _ => None,
            };
            // Chromium's own UI pages (the initial new-tab page and its chrome:// resources)
            // show up in the log too; they are not the page under test.
            let document = params
                .get("documentURL")
                .and_then(Value::as_str)
                .unwrap_or("");
            if is_browser_internal(document) {
                continue;
            }
            if let Some(u) = url.and_then(Value::as_str) {
                if is_browser_internal(u) && document.is_empty() {
                    continue;
                }
                requests.push(u.to_string());
            }
        }
        requests.clone()
    }

    /// Request URLs that were not the page itself nor `data:`/`blob:`, plus a note for each
    /// non-inline resource-timing entry of the current document.
    pub async fn network_violations(&self, own_url: &str) -> Vec<String> {
        let requested = self.network_requests().await;
        let mut bad = foreign_requests(&requested, own_url);
        if self.proxy.is_some() {
            // the resource entries are among the requests read above
            return bad;
        }
        let resources = self
            .js("return performance.getEntriesByType('resource')
                    .map(e => e.name)
                    .filter(n => !n.startsWith('data:') && !n.startsWith('blob:'));")
            .await;
        for r in resources.as_array().into_iter().flatten() {
            bad.push(format!(
                "resource timing entry: {}",
                truncate(r.as_str().unwrap_or_default(), 200)
            ));
        }
        bad
    }

    /// Fails unless every request was the page's own URL (or `data:`/`blob:`) and the
    /// current document has no resource-timing entries.
    pub async fn assert_no_network(&self) {
        let own = self
            .own_url
            .lock()
            .unwrap()
            .clone()
            .expect("assert_no_network before any page was opened");
        self.assert_no_network_for(&own).await;
    }

    /// [`Browser::assert_no_network`] with an explicit own URL.
    pub async fn assert_no_network_for(&self, own_url: &str) {
        let bad = self.network_violations(own_url).await;
        assert!(
            bad.is_empty(),
            "the page made network requests (only {own_url}, data: and blob: are allowed):\n  {}",
            bad.join("\n  ")
        );
        let total = self.requests.lock().unwrap().len();
        assert!(
            total > 0,
            "the performance log (Firefox: resource timing) saw no request at all, not even the \
             page itself: the network check is not working"
        );
    }

    fn fail_wait(&self, what: &str, e: CmdError) -> ! {
        match e {
            CmdError::WaitTimeout => panic!("timed out after {WAIT:?} waiting for {what}"),
            e => panic!("error while waiting for {what}: {e}"),
        }
    }

    /// The driver's address (for tests that need raw access).
    pub fn driver_addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }

    /// The browser profile directory.
    pub fn profile_dir(&self) -> &Path {
        self.profile.path()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let addr = self.driver_addr();
        if std::thread::panicking() && !self.closed {
            // Best effort: keep a picture of the page the failing test left behind.
            let name = failure_name();
            if let Some(body) = blocking_http(
                addr,
                "GET",
                &format!("/session/{}/screenshot", self.session_id),
            ) {
                if let Some(b64) = serde_json::from_slice::<Value>(&body)
                    .ok()
                    .and_then(|v| v.get("value")?.as_str().map(str::to_string))
                {
                    if let Ok(png) = base64::engine::general_purpose::STANDARD.decode(b64) {
                        let path = save_png(&name, &png);
                        eprintln!("screenshot of the failing page: {}", path.display());
                    }
                }
            }
        }
        if !self.closed {
            // Ends the browser before its driver goes, so no browser outlives the test.
            let _ = blocking_http(addr, "DELETE", &format!("/session/{}", self.session_id));
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Kills a driver that never made it into a [`Browser`].
struct DriverGuard(Option<Child>);

impl Drop for DriverGuard {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// `failure-<test name>`: libtest names each test's thread after the test.
fn failure_name() -> String {
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("test").replace("::", "-");
    format!("failure-{test}")
}

fn save_png(name: &str, png: &[u8]) -> PathBuf {
    let dir = screenshot_dir();
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("create {}: {e}", dir.display()));
    let path = dir.join(format!("{name}.png"));
    std::fs::write(&path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    path
}

/// A local HTTP proxy that records the target of every request it receives (`GET
/// http://host/path`, `CONNECT host:443` as `https://host:443`) and answers each with
/// `502 Bad Gateway`: nothing it is asked for leaves the machine.
struct RecordingProxy {
    port: u16,
    seen: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
}

impl RecordingProxy {
    fn start() -> RecordingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind the recording proxy");
        let port = listener.local_addr().expect("proxy address").port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (log, done) = (seen.clone(), stop.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if done.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(mut stream) = stream else { continue };
                let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
                let mut head = Vec::new();
                let mut buf = [0u8; 4096];
                while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                    match stream.read(&mut buf) {
                        Ok(n) if n > 0 => head.extend_from_slice(&buf[..n]),
                        _ => break,
                    }
                }
                let head = String::from_utf8_lossy(&head);
                let mut words = head.split_whitespace();
                if let (Some(method), Some(target)) = (words.next(), words.next()) {
                    let target = if method == "CONNECT" {
                        format!("https://{target}")
                    } else {
                        target.to_string()
                    };
                    log.lock().unwrap().push(target);
                }
                let _ = stream.write_all(
                    b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                );
            }
        });
        RecordingProxy { port, seen, stop }
    }
}

impl Drop for RecordingProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // wakes the accepting thread, which then ends
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.local_addr().expect("local addr").port()
}

/// Polls the driver's `/status` until it says ready, within [`STARTUP`].
fn wait_driver_ready(port: u16, driver: &mut Child) {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let deadline = Instant::now() + STARTUP;
    loop {
        if let Ok(Some(status)) = driver.try_wait() {
            panic!("the driver exited before accepting connections: {status}");
        }
        if let Some(body) = blocking_http(addr, "GET", "/status") {
            let ready = serde_json::from_slice::<Value>(&body)
                .ok()
                .and_then(|v| v.pointer("/value/ready")?.as_bool())
                .unwrap_or(false);
            if ready {
                return;
            }
        }
        if Instant::now() >= deadline {
            panic!("the driver on port {port} was not ready within {STARTUP:?}");
        }
        std::thread::sleep(POLL);
    }
}

/// A minimal blocking HTTP/1.1 request to chromedriver (used where no async runtime can be
/// relied on: startup polling and `Drop`). Returns the body of a 2xx response.
fn blocking_http(addr: SocketAddr, method: &str, path: &str) -> Option<Vec<u8>> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_millis(500)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .ok()?;
    stream
        .set_write_timeout(Some(Duration::from_secs(5)))
        .ok()?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\
         Content-Length: 0\r\n\r\n",
        addr.port()
    );
    stream.write_all(request.as_bytes()).ok()?;
    // chromedriver may keep the connection open despite `Connection: close`: read the head,
    // then exactly Content-Length bytes (or chunks up to the terminating one).
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    let split = loop {
        if let Some(pos) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break pos;
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let mut body = raw[split + 4..].to_vec();
    let status_ok = head
        .split_whitespace()
        .nth(1)
        .is_some_and(|code| code.starts_with('2'));
    let header = |name: &str| {
        head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim() == name).then(|| v.trim().to_string())
        })
    };
    if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        while !body.ends_with(b"0\r\n\r\n") {
            let n = stream.read(&mut buf).ok()?;
            if n == 0 {
                break;
            }
            body.extend_from_slice(&buf[..n]);
        }
        body = dechunk(&body);
    } else if let Some(len) = header("content-length").and_then(|v| v.parse::<usize>().ok()) {
        while body.len() < len {
            let n = stream.read(&mut buf).ok()?;
            if n == 0 {
                return None;
            }
            body.extend_from_slice(&buf[..n]);
        }
        body.truncate(len);
    } else {
        stream.read_to_end(&mut body).ok()?;
    }
    status_ok.then_some(body)
}

fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = body.windows(2).position(|w| w == b"\r\n") {
        let size_text = String::from_utf8_lossy(&body[..eol]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            break;
        };
        body = &body[eol + 2..];
        if size == 0 || body.len() < size {
            break;
        }
        out.extend_from_slice(&body[..size]);
        body = body.get(size + 2..).unwrap_or(&[]);
    }
    out
}

/// The open deal card of deal `id`.
pub fn card(id: &str) -> String {
    format!("{}[data-deal-id=\"{}\"]", tid("deal-card"), css_escape(id))
}

/// Writes `text` to a fresh file named `name` in a new temp dir and returns the dir (keep it
/// while the file is needed) and the file's absolute path.
pub fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write the file");
    let path = path.to_str().expect("utf-8 path").to_string();
    (dir, path)
}

/// Ids (`data-deal-id`) of the deal cards on the board right now, in document order.
pub async fn card_ids(b: &Browser) -> Vec<String> {
    let v = b
        .js(
            "return Array.from(document.querySelectorAll('[data-testid=\"deal-card\"]'))
                .map(c => c.getAttribute('data-deal-id'));",
        )
        .await;
    v.as_array()
        .expect("array of ids")
        .iter()
        .map(|x| x.as_str().unwrap_or_default().to_string())
        .collect()
}

/// The `data-stage` of the board column that holds the card with `id`, if the card is on
/// the board.
pub async fn column_of(b: &Browser, id: &str) -> Option<String> {
    b.js_args(
        "const card = Array.from(document.querySelectorAll('[data-testid=\"deal-card\"]'))
             .find(c => c.getAttribute('data-deal-id') === arguments[0]);
         if (!card) return null;
         const col = card.closest('[data-testid=\"stage-column\"]');
         return col ? col.getAttribute('data-stage') : '';",
        vec![json!(id)],
    )
    .await
    .as_str()
    .map(str::to_string)
}

/// `(data-stage, column-count as shown, number of deal cards in the column)` per column.
pub async fn columns(b: &Browser) -> Vec<(String, String, usize)> {
    let v = b
        .js("return Array.from(document.querySelectorAll(
                '[data-testid=\"board\"] [data-testid=\"stage-column\"]')).map(col => {
                const c = col.querySelector('[data-testid=\"column-count\"]');
                return [col.getAttribute('data-stage'),
                        c ? c.textContent.trim() : null,
                        col.querySelectorAll('[data-testid=\"deal-card\"]').length];
            });")
        .await;
    v.as_array()
        .expect("array of columns")
        .iter()
        .map(|c| {
            (
                c[0].as_str().unwrap_or_default().to_string(),
                c[1].as_str().unwrap_or("<no column-count>").to_string(),
                c[2].as_u64().unwrap_or_default() as usize,
            )
        })
        .collect()
}

/// Set of the given ids.
pub fn id_set(ids: &[String]) -> BTreeSet<String> {
    ids.iter().cloned().collect()
}

/// Finds, anywhere in `v`, the JSON object whose `"id"` is `id`.
pub fn find_by_id<'a>(v: &'a Value, id: &str) -> Option<&'a Value> {
    match v {
        Value::Object(map) => {
            if map.get("id").and_then(Value::as_str) == Some(id) {
                return Some(v);
            }
            map.values().find_map(|x| find_by_id(x, id))
        }
        Value::Array(items) => items.iter().find_map(|x| find_by_id(x, id)),
        _ => None,
    }
}
