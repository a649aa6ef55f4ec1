//! Linear scales from a data domain `[0, max]` (money in minor units, or counts) onto pixels,
//! and "nice" round axis ticks. Values stay exact `i128`; only pixels are floats.

/// A linear map from the data domain `[0, max]` onto the pixel range `from..to`.
/// `to` may be smaller than `from` (a y axis growing upwards).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    /// The largest value of the domain; never negative.
    pub max: i128,
    /// The pixel of zero.
    pub from: f64,
    /// The pixel of `max`.
    pub to: f64,
}

impl Linear {
    /// A scale over `[0, max]`; a negative `max` counts as zero.
    pub fn new(max: i128, from: f64, to: f64) -> Linear {
        Linear {
            max: max.max(0),
            from,
            to,
        }
    }

    /// A scale whose domain ends at the last of `ticks` (zero when there are none).
    pub fn over_ticks(ticks: &[i128], from: f64, to: f64) -> Linear {
        Linear::new(ticks.last().copied().unwrap_or(0), from, to)
    }

    /// The pixel of `value`, clamped to the domain. With an empty domain (`max` zero) every value
    /// sits at `from`.
    pub fn at(&self, value: i128) -> f64 {
        if self.max <= 0 {
            return self.from;
        }
        let value = value.clamp(0, self.max);
        self.from + (self.to - self.from) * (value as f64 / self.max as f64)
    }

    /// How many pixels `value` spans from zero; never negative.
    pub fn length(&self, value: i128) -> f64 {
        (self.at(value) - self.from).abs()
    }
}

/// The round step (1, 2, 2.5 or 5 × 10^k, whole numbers only) that covers `max` in at most
/// `target` steps (a `target` of zero counts as one). Zero or negative `max` gives 1.
pub fn nice_step(max: i128, target: usize) -> i128 {
    if max <= 0 {
        return 1;
    }
    let target = i128::try_from(target.max(1)).unwrap_or(i128::MAX);
    let mut magnitude: i128 = 1;
    loop {
        let candidates = [
            Some(magnitude),
            magnitude.checked_mul(2),
            (magnitude >= 10)
                .then(|| (magnitude / 2).checked_mul(5))
                .flatten(),
            magnitude.checked_mul(5),
        ];
        for step in candidates.into_iter().flatten() {
            if ceil_div(max, step) <= target {
                return step;
            }
        }
        match magnitude.checked_mul(10) {
            Some(next) => magnitude = next,
            None => return max,
        }
    }
}

/// Round tick values from 0 up to the first multiple of [`nice_step`] at or above `max`:
/// `nice_ticks(1_234, 5)` is `[0, 250, 500, 750, 1000, 1250]`. At most `target + 1` ticks; a zero or
/// negative `max` gives just `[0]`.
pub fn nice_ticks(max: i128, target: usize) -> Vec<i128> {
    if max <= 0 {
        return vec![0];
    }
    let step = nice_step(max, target);
    let count = ceil_div(max, step);
    let ticks: Option<Vec<i128>> = (0..=count).map(|i| i.checked_mul(step)).collect();
    ticks.unwrap_or_else(|| vec![0, max])
}

/// `a / b` rounded up, for positive `a` and `b`.
fn ceil_div(a: i128, b: i128) -> i128 {
    a / b + i128::from(a % b != 0)
}
