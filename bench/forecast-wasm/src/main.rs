//! keyplan's forecast over 100,000 deals, timed in the browser (`make bench-forecast`, read by
//! `KEYPLAN_BENCH=forecast cargo run -p e2e --bin bench`). The plan is the native benchmark's
//! (`benches/common/plan_of.rs`); the page writes its timings, in milliseconds, as JSON into
//! `#result`: the median of several runs of each step.
#[cfg(target_arch = "wasm32")]
#[path = "../../../benches/common/plan_of.rs"]
mod plan_of;

#[cfg(target_arch = "wasm32")]
mod run {
    use std::rc::Rc;

    use chrono::NaiveDate;
    use keyplan::domain::facts::Facts;
    use keyplan::domain::filter::Dimension;
    use keyplan::domain::forecast::{forecast, forecast_of, Query};
    use keyplan::domain::weighting::Basis;
    use keyplan::domain::Money;

    const DEALS: usize = 100_000;
    const RUNS: usize = 15;

    fn now() -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map(|p| p.now())
            .unwrap_or_default()
    }

    /// How long `step` takes, in milliseconds.
    fn timed<T>(step: impl FnOnce() -> T) -> f64 {
        let start = now();
        std::hint::black_box(step());
        now() - start
    }

    /// The median of `RUNS` runs of `run`, each telling its own time.
    fn median(mut run: impl FnMut() -> f64) -> f64 {
        let mut times: Vec<f64> = (0..RUNS).map(|_| run()).collect();
        times.sort_by(f64::total_cmp);
        times[RUNS / 2]
    }

    pub fn start() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 27).expect("a day");
        let built = now();
        let plan = super::plan_of::plan_of(DEALS);
        let build_ms = now() - built;
        let claimed = Query::rolling_year(today);
        let verified = Query {
            basis: Basis::Verified,
            ..claimed.clone()
        };
        let by_owner = Query {
            group_by: Some(Dimension::Owner),
            basis: Basis::Verified,
            ..claimed.clone()
        };
        let kept = Rc::new(plan.clone());
        let mut facts = Facts::default();
        let derive_ms = timed(|| facts.refresh(&kept));
        let mut edited = plan.clone();
        Rc::make_mut(&mut edited.deals[DEALS / 2]).amount = Money::from_minor(123_456);
        let edited = Rc::new(edited);
        let figures = [
            ("deals", DEALS as f64),
            ("build_plan", build_ms),
            ("derive_all_facts", derive_ms),
            (
                "kept_facts_claimed",
                median(|| timed(|| forecast_of(&facts, &plan, &claimed))),
            ),
            (
                "kept_facts_verified",
                median(|| timed(|| forecast_of(&facts, &plan, &verified))),
            ),
            (
                "kept_facts_verified_by_owner",
                median(|| timed(|| forecast_of(&facts, &plan, &by_owner))),
            ),
            (
                "one_edit_refresh_and_verified",
                median(|| {
                    let mut f = facts.clone();
                    timed(|| {
                        f.refresh(&edited);
                        forecast_of(&f, &edited, &verified)
                    })
                }),
            ),
            (
                "one_shot_verified",
                median(|| timed(|| forecast(&plan, &verified))),
            ),
        ];
        let json = figures
            .iter()
            .map(|(name, ms)| format!("\"{name}\": {ms:.3}"))
            .collect::<Vec<_>>()
            .join(", ");
        let document = web_sys::window().and_then(|w| w.document());
        if let Some(out) = document
            .as_ref()
            .and_then(|d| d.get_element_by_id("result"))
        {
            out.set_text_content(Some(&format!("{{{json}}}")));
        }
        if let Some(boot) = document.and_then(|d| d.get_element_by_id("boot")) {
            boot.remove();
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    run::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("forecast-wasm runs in the browser: `make bench-forecast` builds and times it.");
}
