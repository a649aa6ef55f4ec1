//! Geometry of the forecast charts: scales, ticks, bands, stacked and centred bars.
use keyplan::chart::bars::{centred, stacked, Bands, Span};
use keyplan::chart::scale::{nice_step, nice_ticks, Linear};
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn span_is(span: Span, start: f64, size: f64) -> bool {
    close(span.start, start) && close(span.size, size)
}

// ---- ticks ----

#[test]
fn ticks_are_round_and_cover_the_max() {
    assert_eq!(nice_ticks(100, 5), [0, 20, 40, 60, 80, 100]);
    assert_eq!(nice_ticks(101, 5), [0, 25, 50, 75, 100, 125]);
    assert_eq!(nice_ticks(1_234, 5), [0, 250, 500, 750, 1_000, 1_250]);
    assert_eq!(nice_ticks(9, 4), [0, 5, 10]);
    assert_eq!(nice_ticks(7, 10), [0, 1, 2, 3, 4, 5, 6, 7]);
}

#[test]
fn money_ticks_are_round_in_yuan() {
    // ¥1,250,000.00 in fen over four steps: ¥500,000 each
    assert_eq!(
        nice_ticks(125_000_000, 4),
        [0, 50_000_000, 100_000_000, 150_000_000]
    );
    // ¥266,000.00: steps of ¥50,000 up to ¥300,000
    assert_eq!(
        nice_ticks(26_600_000, 6),
        [0, 5_000_000, 10_000_000, 15_000_000, 20_000_000, 25_000_000, 30_000_000]
    );
}

#[test]
fn steps_are_one_two_two_and_a_half_or_five_times_a_power_of_ten() {
    assert_eq!(nice_step(10, 10), 1);
    assert_eq!(nice_step(20, 10), 2);
    assert_eq!(nice_step(250, 10), 25);
    assert_eq!(nice_step(50, 10), 5);
    assert_eq!(nice_step(100, 10), 10);
    assert_eq!(nice_step(3, 1), 5);
    // 2.5 is no step for whole units
    assert_eq!(nice_step(25, 10), 5);
}

#[test]
fn a_max_that_is_a_tick_ends_the_axis_exactly() {
    assert_eq!(nice_ticks(50, 5), [0, 10, 20, 30, 40, 50]);
    assert_eq!(nice_ticks(1, 5), [0, 1]);
}

#[test]
fn zero_or_negative_max_gives_a_single_zero_tick() {
    assert_eq!(nice_ticks(0, 5), [0]);
    assert_eq!(nice_ticks(-40, 5), [0]);
}

#[test]
fn a_target_of_zero_counts_as_one_step() {
    assert_eq!(nice_ticks(7, 0), [0, 10]);
    assert_eq!(nice_ticks(7, 1), [0, 10]);
}

#[test]
fn huge_maxima_do_not_overflow() {
    // 5 × 10^37 would need a last tick of 2 × 10^38, beyond i128: the axis ends at max
    assert_eq!(nice_ticks(i128::MAX, 5), [0, i128::MAX]);
    assert_eq!(nice_step(i128::MAX, 1), i128::MAX);
}

// ---- linear scale ----

#[test]
fn a_scale_maps_zero_and_max_onto_its_ends() {
    let x = Linear::new(200, 10.0, 410.0);
    assert!(close(x.at(0), 10.0));
    assert!(close(x.at(200), 410.0));
    assert!(close(x.at(50), 110.0));
    assert!(close(x.length(50), 100.0));
}

#[test]
fn an_upward_y_scale_decreases_and_lengths_stay_positive() {
    let y = Linear::new(100, 300.0, 20.0);
    assert!(close(y.at(0), 300.0));
    assert!(close(y.at(100), 20.0));
    assert!(close(y.at(25), 230.0));
    assert!(close(y.length(25), 70.0));
}

#[test]
fn values_outside_the_domain_are_clamped() {
    let x = Linear::new(100, 0.0, 50.0);
    assert!(close(x.at(-30), 0.0));
    assert!(close(x.at(1_000), 50.0));
}

#[test]
fn an_empty_domain_puts_everything_at_zero() {
    let x = Linear::over_ticks(&nice_ticks(0, 5), 0.0, 50.0);
    assert_eq!(x.max, 0);
    assert!(close(x.at(0), 0.0));
    assert!(close(x.at(99), 0.0));
    assert!(close(x.length(99), 0.0));
    let none = Linear::over_ticks(&[], 5.0, 50.0);
    assert!(close(none.at(1), 5.0));
    assert_eq!(Linear::new(-5, 0.0, 1.0).max, 0);
}

#[test]
fn a_scale_over_ticks_ends_at_the_last_tick() {
    let ticks = nice_ticks(1_234, 5);
    let x = Linear::over_ticks(&ticks, 0.0, 500.0);
    assert_eq!(x.max, 1_250);
    assert!(close(x.at(1_250), 500.0));
    assert!(close(x.at(250), 100.0));
}

// ---- bands and sub-bars ----

#[test]
fn bands_split_the_plot_evenly_with_their_gap() {
    let bands = Bands {
        start: 40.0,
        length: 600.0,
        count: 3,
        gap: 0.2,
    };
    assert!(close(bands.step(), 200.0));
    assert!(span_is(bands.band(0), 60.0, 160.0));
    assert!(span_is(bands.band(1), 260.0, 160.0));
    assert!(span_is(bands.band(2), 460.0, 160.0));
    assert!(close(bands.band(2).end(), 620.0));
    assert!(close(bands.band(1).mid(), 340.0));
}

#[test]
fn sub_bars_sit_side_by_side_within_their_band() {
    let bands = Bands {
        start: 0.0,
        length: 300.0,
        count: 3,
        gap: 0.0,
    };
    // band 1 is 100..200: two slots of 50, each keeping 10% free
    assert!(span_is(bands.sub(1, 0, 2, 0.1), 102.5, 45.0));
    assert!(span_is(bands.sub(1, 1, 2, 0.1), 152.5, 45.0));
    assert!(span_is(bands.sub(1, 0, 1, 0.0), 100.0, 100.0));
}

#[test]
fn one_band_fills_the_plot_and_no_bands_have_no_step() {
    let one = Bands {
        start: 10.0,
        length: 100.0,
        count: 1,
        gap: 0.5,
    };
    assert!(span_is(one.band(0), 35.0, 50.0));
    let none = Bands {
        start: 10.0,
        length: 100.0,
        count: 0,
        gap: 0.5,
    };
    assert!(close(none.step(), 0.0));
    assert!(span_is(none.band(0), 10.0, 0.0));
}

#[test]
fn odd_gaps_and_lengths_never_give_negative_or_nan_sizes() {
    for gap in [-1.0, 0.0, 0.5, 1.0, 3.0, f64::NAN] {
        for length in [-50.0, 0.0, 100.0] {
            for count in [0, 1, 7] {
                let bands = Bands {
                    start: 0.0,
                    length,
                    count,
                    gap,
                };
                for i in 0..count.max(1) {
                    let b = bands.band(i);
                    assert!(b.size >= 0.0 && b.start.is_finite(), "{bands:?} {i}: {b:?}");
                    let s = bands.sub(i, 1, 2, gap);
                    assert!(s.size >= 0.0 && s.start.is_finite(), "{bands:?} {i}: {s:?}");
                }
            }
        }
    }
    let empty = Span {
        start: 5.0,
        size: 10.0,
    }
    .slot(0, 0, 0.1);
    assert!(span_is(empty, 5.0, 0.0));
}

// ---- stacked and centred bars ----

#[test]
fn stacked_segments_sit_on_each_other_along_an_upward_axis() {
    let y = Linear::new(100, 300.0, 100.0); // 2 px per unit
    let won = stacked(&y, 0, 30);
    let open = stacked(&y, 30, 20);
    assert!(span_is(won, 240.0, 60.0));
    assert!(span_is(open, 200.0, 40.0));
    assert!(close(open.end(), won.start), "no gap and no overlap");
}

#[test]
fn stacked_segments_work_along_a_rightward_axis_and_ignore_negatives() {
    let x = Linear::new(10, 0.0, 100.0);
    assert!(span_is(stacked(&x, 2, 3), 20.0, 30.0));
    assert!(span_is(stacked(&x, 2, -3), 20.0, 0.0));
    assert!(span_is(stacked(&x, 8, 5), 80.0, 20.0), "clamped at max");
    assert!(span_is(
        stacked(&Linear::new(0, 0.0, 100.0), 0, 5),
        0.0,
        0.0
    ));
}

#[test]
fn funnel_bars_are_centred_and_proportional() {
    let width = Linear::new(1_000, 0.0, 400.0);
    let full = centred(&width, 300.0, 1_000);
    let quarter = centred(&width, 300.0, 250);
    assert!(span_is(full, 100.0, 400.0));
    assert!(span_is(quarter, 250.0, 100.0));
    assert!(close(full.mid(), quarter.mid()));
    assert!(span_is(centred(&width, 300.0, 0), 300.0, 0.0));
}

#[test]
fn tiny_bars_can_be_made_visible_around_their_middle() {
    let width = Linear::new(1_000_000, 0.0, 400.0);
    let tiny = centred(&width, 300.0, 1).at_least(2.0);
    assert!(span_is(tiny, 299.0, 2.0));
    let wide = centred(&width, 300.0, 500_000).at_least(2.0);
    assert!(span_is(wide, 200.0, 200.0));
}

// ---- properties ----

proptest! {
    #[test]
    fn ticks_start_at_zero_increase_strictly_and_cover_the_max(
        max in 0i128..=1_000_000_000_000_000_000,
        target in 0usize..=12,
    ) {
        let ticks = nice_ticks(max, target);
        prop_assert_eq!(ticks[0], 0);
        prop_assert!(ticks.windows(2).all(|w| w[0] < w[1]), "{:?}", ticks);
        prop_assert!(*ticks.last().unwrap() >= max, "{:?}", ticks);
        prop_assert!(ticks.len() <= target + 2, "{:?}", ticks);
        if max > 0 {
            let step = ticks[1];
            prop_assert!(ticks.windows(2).all(|w| w[1] - w[0] == step));
            let mut mantissa = step;
            while mantissa % 10 == 0 {
                mantissa /= 10;
            }
            prop_assert!([1, 2, 5, 25].contains(&mantissa), "step {}", step);
            // the step is the smallest round one: the last tick is less than a step above max
            prop_assert!(*ticks.last().unwrap() - max < step);
        }
    }

    #[test]
    fn scaled_values_stay_within_the_pixel_range(
        max in 0i128..=1_000_000_000_000_000,
        value in -1_000i128..=2_000_000_000_000_000,
    ) {
        let y = Linear::new(max, 300.0, 20.0);
        let p = y.at(value);
        prop_assert!((20.0..=300.0).contains(&p), "{}", p);
        prop_assert!(y.length(value) >= 0.0);
    }
}

#[test]
fn crowded_band_labels_are_thinned_out() {
    use keyplan::chart::bars::label_every;
    assert_eq!(label_every(60.0, 52.0), 1);
    assert_eq!(label_every(52.0, 52.0), 1);
    assert_eq!(label_every(40.0, 52.0), 2);
    assert_eq!(label_every(12.0, 52.0), 5);
    assert_eq!(label_every(0.0, 52.0), 1);
    assert_eq!(label_every(f64::NAN, 52.0), 1);
    assert_eq!(label_every(1e-320, 52.0), usize::MAX);
}

#[test]
fn svg_numbers_are_written_without_float_formatting() {
    use keyplan::chart::svg_number;
    assert_eq!(svg_number(12.345, 2), "12.35");
    assert_eq!(svg_number(12.344, 2), "12.34");
    assert_eq!(svg_number(-0.05, 1), "-0.1");
    assert_eq!(svg_number(-0.04, 1), "0.0");
    assert_eq!(svg_number(360.0, 2), "360.00");
    assert_eq!(svg_number(7.0, 0), "7");
    assert_eq!(svg_number(f64::NAN, 1), "0");
    for v in [0.0, 1.25, 179.99, 1234.5678, -45.5] {
        assert_eq!(svg_number(v, 2), format!("{v:.2}"), "{v}");
    }
}

#[test]
fn a_label_that_fits_is_whole_and_a_long_one_is_cut_with_an_ellipsis() {
    use keyplan::chart::label::{fit, width};
    assert_eq!(fit("王经理", 130.0, 13.0), "王经理");
    assert_eq!(fit("  Li Lei ", 130.0, 13.0), "Li Lei");
    let long = "O".repeat(200);
    let cut = fit(&long, 130.0, 13.0);
    assert!(cut.ends_with('…') && cut.len() < long.len(), "{cut}");
    assert!(width(&cut, 13.0) <= 130.0);
    let han = fit(&"王".repeat(30), 130.0, 13.0);
    assert_eq!(han, format!("{}…", "王".repeat(9)));
}

proptest! {
    /// Whatever the text, the label fits its room (when the room holds an ellipsis at all) and
    /// is the text itself or a beginning of it followed by "…".
    #[test]
    fn labels_fit_their_room(text in "\\PC{0,80}", room in 20.0f64..400.0) {
        use keyplan::chart::label::{fit, width};
        let shown = fit(&text, room, 13.0);
        prop_assert!(width(&shown, 13.0) <= room + 1e-9, "{shown:?}");
        match shown.strip_suffix('…') {
            Some(start) if shown != text.trim() => prop_assert!(text.trim().starts_with(start)),
            _ => prop_assert_eq!(shown, text.trim()),
        }
    }
}

proptest! {
    /// The chart's own sine agrees with the standard one over a few turns either way.
    #[test]
    fn the_chart_sine_is_the_sine(angle in -30.0f64..30.0) {
        let ours = keyplan::chart::rings::sin(angle);
        prop_assert!((ours - angle.sin()).abs() < 1e-9, "{angle}: {ours} vs {}", angle.sin());
    }
}
