//! Geometry of a waterfall: the opening total as a bar from zero, each change as a floating bar
//! from the running total before it to the one after, and the closing total from zero. Values
//! are clamped at zero (the scale starts there); all sizes are pixels.
use super::bars::{Bands, Span};
use super::scale::{nice_ticks, Linear};

/// One column of the waterfall: from which value to which.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub from: i128,
    pub to: i128,
}

impl Step {
    /// Up (or level) rather than down.
    pub fn rises(&self) -> bool {
        self.to >= self.from
    }
}

/// The columns: opening (0 → opening), each change (running → running + change), closing
/// (0 → the final running total).
pub fn steps(opening: i128, changes: &[i128]) -> Vec<Step> {
    let mut running = opening;
    let mut steps = vec![Step {
        from: 0,
        to: opening,
    }];
    for change in changes {
        steps.push(Step {
            from: running,
            to: running + change,
        });
        running += change;
    }
    steps.push(Step {
        from: 0,
        to: running,
    });
    steps
}

/// The y axis ticks for `steps`: from zero to at least the highest running total.
pub fn ticks(steps: &[Step]) -> Vec<i128> {
    let highest = steps.iter().map(|s| s.from.max(s.to)).max().unwrap_or(0);
    nice_ticks(highest, 5)
}

/// A column's vertical span on `scale` (an upward y axis), at least `min` pixels tall when it
/// moves at all, so that a small change stays visible.
pub fn column(scale: &Linear, step: Step, min: f64) -> Span {
    let (a, b) = (scale.at(step.from), scale.at(step.to));
    let span = Span {
        start: a.min(b),
        size: (a - b).abs(),
    };
    if step.from == step.to {
        span
    } else {
        span.at_least(min)
    }
}

/// Equal bands for `count` columns across `start..start + length`.
pub fn bands(start: f64, length: f64, count: usize) -> Bands {
    Bands {
        start,
        length,
        count,
        gap: 0.25,
    }
}
