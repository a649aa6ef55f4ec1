//! Where the keyboard focus goes. A dialog opens on its first field (not on its ×, where a
//! space would close it) and gives the focus back to what opened it when it closes; a card that
//! moves to another column keeps the focus on the control that moved it. Yew re-creates an
//! element that changes parents, so an element that is gone is found again by its deal id and
//! `data-testid`.
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Fields a dialog opens on, in order of preference: one marked for it, a field of the dialog's
/// body or form, any field, then the first button that is not an icon (×).
const FIRST: [&str; 4] = [
    "[data-autofocus]",
    ":is(.tab-body, form) :is(input:not([type=hidden]), select, textarea):not([disabled])",
    ":is(input:not([type=hidden]), select, textarea):not([disabled])",
    "button:not([disabled]):not(.icon)",
];

/// Focuses the first field of an open dialog.
pub fn first_field(dialog: &Element) {
    let found = FIRST
        .iter()
        .find_map(|css| dialog.query_selector(css).ok().flatten());
    if let Some(field) = found.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = field.focus();
    }
}

/// What had the focus when a dialog opened, to give it back when the dialog closes.
pub struct Opener {
    element: Option<HtmlElement>,
    deal: Option<String>,
    testid: Option<String>,
}

impl Opener {
    /// The element that has the focus now (nothing when that is the page itself).
    pub fn now() -> Opener {
        let element = document()
            .and_then(|d| d.active_element())
            .filter(|e| e.tag_name() != "BODY")
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        let deal = element
            .as_ref()
            .and_then(|e| e.closest("[data-deal-id]").ok().flatten())
            .and_then(|e| e.get_attribute("data-deal-id"));
        let testid = element
            .as_ref()
            .and_then(|e| e.get_attribute("data-testid"));
        Opener {
            element,
            deal,
            testid,
        }
    }

    /// Gives the focus back once the page has been drawn again: to the same element if it is
    /// still there and usable, else to the same control of the same deal, else to the deal.
    pub fn give_back(self) {
        Timeout::new(0, move || {
            let usable = |e: &HtmlElement| e.is_connected() && !is_disabled(e);
            if let Some(element) = self.element.as_ref().filter(|e| usable(e)) {
                let _ = element.focus();
                return;
            }
            let found = (self.deal.as_deref())
                .is_some_and(|deal| focus_in_deal(deal, self.testid.as_deref()));
            // a deal that was deleted: its Undo is where the person wants to be
            if !found {
                focus_first("[data-testid=undo]");
            }
        })
        .forget();
    }
}

/// After the page is drawn again, focuses the control `testid` of the deal `id` (its card or
/// row), or the deal's open button when that control is gone or disabled.
pub fn deal_control_soon(id: String, testid: &'static str) {
    Timeout::new(0, move || {
        focus_in_deal(&id, Some(testid));
    })
    .forget();
}

/// After the page is drawn again, focuses the first element matching `css` (nothing happens
/// when a modal dialog opened meanwhile: what is behind it cannot take the focus).
pub fn soon(css: &'static str) {
    Timeout::new(0, move || focus_first(css)).forget();
}

fn focus_first(css: &str) {
    let found = document().and_then(|d| d.query_selector(css).ok().flatten());
    if let Some(element) = found.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// Whether the deal is on the page (and so got the focus).
fn focus_in_deal(id: &str, testid: Option<&str>) -> bool {
    let Some(holder) = deal_element(id) else {
        return false;
    };
    let in_holder = |testid: &str| {
        holder
            .query_selector(&format!("[data-testid=\"{testid}\"]"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .filter(|e| !is_disabled(e))
    };
    let target = testid
        .and_then(in_holder)
        .or_else(|| in_holder("open-deal"))
        .or_else(|| {
            holder
                .query_selector("button")
                .ok()
                .flatten()?
                .dyn_into()
                .ok()
        });
    if let Some(target) = target {
        let _ = target.focus();
    }
    true
}

/// The first element on the page that stands for deal `id` (a card, or a row of the list).
fn deal_element(id: &str) -> Option<Element> {
    let all = document()?.query_selector_all("[data-deal-id]").ok()?;
    (0..all.length())
        .filter_map(|i| all.item(i)?.dyn_into::<Element>().ok())
        .find(|e| e.get_attribute("data-deal-id").as_deref() == Some(id))
}

fn is_disabled(element: &HtmlElement) -> bool {
    element.has_attribute("disabled")
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}
