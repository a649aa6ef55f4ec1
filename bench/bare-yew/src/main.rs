//! A bare Yew counter: what keyplan's startup is compared with (`KEYPLAN_BENCH=startup`).
//! Opened with `?bench`, it marks `bare-yew-shown` once its first render is on the page, as
//! keyplan marks `keyplan-board`.
#[cfg(target_arch = "wasm32")]
mod app {
    use yew::prelude::*;

    fn mark_when_benchmarking(name: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let benchmarking = window
            .location()
            .search()
            .is_ok_and(|query| query.contains("bench"));
        if let (true, Some(performance)) = (benchmarking, window.performance()) {
            let _ = performance.mark(name);
        }
    }

    #[function_component]
    pub fn Counter() -> Html {
        let count = use_state(|| 0u32);
        use_effect_with((), |_| mark_when_benchmarking("bare-yew-shown"));
        let add = {
            let count = count.clone();
            Callback::from(move |_| count.set(*count + 1))
        };
        html! {
            <main>
                <p data-testid="count">{ *count }</p>
                <button data-testid="add" onclick={add}>{ "+1" }</button>
            </main>
        }
    }

    pub fn start() {
        let boot = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("boot"));
        if let Some(boot) = boot {
            boot.remove();
        }
        yew::Renderer::<Counter>::new().render();
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("bare-yew runs in the browser: `make bare-yew` builds dist/bare-yew.html.");
}
