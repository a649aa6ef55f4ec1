//! Geometry of the three aligned cycles drawn as concentric rings of eight segments each:
//! segment k of every ring sits at the same angle, so one radius crosses one row of the method.

/// The sine of `angle` (radians), to within 1e-9: what a chart needs. `f64::sin` would bring the
/// whole of libm's argument reduction into the page (about 5 KB of wasm) for angles that are never
/// larger than a few turns.
pub fn sin(angle: f64) -> f64 {
    use std::f64::consts::{PI, TAU};
    // into [-π, π], then into [-π/2, π/2] by sin(π - x) = sin(x)
    let mut x = angle - TAU * (angle / TAU).round();
    if x > PI / 2.0 {
        x = PI - x;
    } else if x < -PI / 2.0 {
        x = -PI - x;
    }
    // Taylor series to x^17: the first term left out is below 3e-12 for |x| <= π/2
    let x2 = x * x;
    let mut term = x;
    let mut sum = x;
    for n in 1..=8 {
        term *= -x2 / f64::from((2 * n) * (2 * n + 1));
        sum += term;
    }
    sum
}

/// A point in SVG user units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Rings centred at `centre`; segment 0 is centred at twelve o'clock, the rest follow clockwise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rings {
    pub centre: Point,
    pub segments: usize,
}

impl Rings {
    /// The angle (radians, clockwise from twelve o'clock) of the middle of segment `index`.
    pub fn mid_angle(&self, index: usize) -> f64 {
        std::f64::consts::TAU * index as f64 / self.segments as f64
    }

    /// The point at `radius` and `angle` (clockwise from twelve o'clock).
    pub fn at(&self, radius: f64, angle: f64) -> Point {
        Point {
            x: self.centre.x + radius * sin(angle),
            y: self.centre.y - radius * sin(angle + std::f64::consts::FRAC_PI_2),
        }
    }

    /// Where to write segment `index`'s label on the ring between `inner` and `outer`.
    pub fn label(&self, index: usize, inner: f64, outer: f64) -> Point {
        self.at((inner + outer) / 2.0, self.mid_angle(index))
    }

    /// The rotation (degrees, clockwise) that lays segment `index`'s label along its ring,
    /// turned so that no label reads upside down: 0° at twelve, 90° at three, 0° again at six.
    pub fn label_rotation(&self, index: usize) -> f64 {
        let degrees = 360.0 * index as f64 / self.segments as f64;
        if degrees > 90.0 && degrees < 270.0 {
            degrees - 180.0
        } else if degrees >= 270.0 {
            degrees - 360.0
        } else {
            degrees
        }
    }

    /// The SVG path of segment `index` of the ring between radii `inner` and `outer`,
    /// leaving `gap` radians free on each side.
    pub fn segment_path(&self, index: usize, inner: f64, outer: f64, gap: f64) -> String {
        let half = std::f64::consts::PI / self.segments as f64;
        let mid = self.mid_angle(index);
        let (start, end) = (mid - half + gap, mid + half - gap);
        let large = u8::from(end - start > std::f64::consts::PI);
        let (o1, o2) = (self.at(outer, start), self.at(outer, end));
        let (i2, i1) = (self.at(inner, end), self.at(inner, start));
        let n = |v: f64| super::svg_number(v, 2);
        format!(
            "M{} {}A{} {} 0 {large} 1 {} {}L{} {}A{} {} 0 {large} 0 {} {}Z",
            n(o1.x),
            n(o1.y),
            n(outer),
            n(outer),
            n(o2.x),
            n(o2.y),
            n(i2.x),
            n(i2.y),
            n(inner),
            n(inner),
            n(i1.x),
            n(i1.y)
        )
    }
}
