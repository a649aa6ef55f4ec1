//! Geometry of bar charts: equal bands for categories, sub-bars side by side within a band,
//! stacked segments along a scale, and funnel bars centred on an axis. All sizes are pixels.
use super::scale::Linear;

/// An interval along one axis, from `start` to `start + size`; `size` is never negative.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    pub start: f64,
    pub size: f64,
}

impl Span {
    pub fn end(&self) -> f64 {
        self.start + self.size
    }

    pub fn mid(&self) -> f64 {
        self.start + self.size / 2.0
    }

    /// The same interval grown around its middle to at least `min` pixels (for a non-zero value
    /// that would otherwise be invisible).
    pub fn at_least(self, min: f64) -> Span {
        if self.size >= min {
            return self;
        }
        Span {
            start: self.mid() - min / 2.0,
            size: min,
        }
    }

    /// Sub-interval `slot` of `slots` equal slots side by side, each leaving `gap` (a ratio of
    /// the slot, 0 to 1) free, half on either side. No slots gives an empty interval at `start`.
    pub fn slot(&self, slot: usize, slots: usize, gap: f64) -> Span {
        if slots == 0 {
            return Span {
                start: self.start,
                size: 0.0,
            };
        }
        let width = self.size / slots as f64;
        let gap = ratio(gap);
        Span {
            start: self.start + width * slot as f64 + width * gap / 2.0,
            size: width * (1.0 - gap),
        }
    }
}

/// `count` equal bands (one per category) across `start..start + length`, each leaving `gap`
/// (a ratio of its step, 0 to 1) free, half on either side.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bands {
    pub start: f64,
    pub length: f64,
    pub count: usize,
    pub gap: f64,
}

impl Bands {
    /// The distance from one band's start to the next; zero without bands.
    pub fn step(&self) -> f64 {
        if self.count == 0 {
            0.0
        } else {
            self.length.max(0.0) / self.count as f64
        }
    }

    /// Band `index` without its gap.
    pub fn band(&self, index: usize) -> Span {
        Span {
            start: self.start,
            size: self.length.max(0.0),
        }
        .slot(index, self.count, self.gap)
    }

    /// Sub-bar `slot` of `slots` inside band `index`, each leaving `gap` of its slot free.
    pub fn sub(&self, index: usize, slot: usize, slots: usize, gap: f64) -> Span {
        self.band(index).slot(slot, slots, gap)
    }
}

/// The segment of a stacked bar that holds `value` on top of `below`, along `scale`.
/// Works for either direction: `start` is the smaller pixel (the top of an upward y axis).
pub fn stacked(scale: &Linear, below: i128, value: i128) -> Span {
    let a = scale.at(below);
    let b = scale.at(below.saturating_add(value.max(0)));
    Span {
        start: a.min(b),
        size: (a - b).abs(),
    }
}

/// A bar for `value` centred on `axis`, as long as `scale` makes `value` (a funnel row).
pub fn centred(scale: &Linear, axis: f64, value: i128) -> Span {
    let size = scale.length(value);
    Span {
        start: axis - size / 2.0,
        size,
    }
}

/// A ratio clamped to 0..=1; NaN counts as 0.
fn ratio(r: f64) -> f64 {
    if r.is_nan() {
        0.0
    } else {
        r.clamp(0.0, 1.0)
    }
}

/// Label every how-many-th band so that labelled bands are at least `min_gap` pixels apart
/// (1 when every band has room; 1 too without bands).
pub fn label_every(step: f64, min_gap: f64) -> usize {
    if step > 0.0 && min_gap > step {
        // `as` saturates: an absurdly small step labels only the first band
        (min_gap / step).ceil() as usize
    } else {
        1
    }
}
