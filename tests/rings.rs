//! Geometry of the three-cycle ring diagram.
use keyplan::chart::rings::{Point, Rings};

fn rings() -> Rings {
    Rings {
        centre: Point { x: 200.0, y: 200.0 },
        segments: 8,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn segment_zero_is_at_twelve_and_the_rest_go_clockwise() {
    let r = rings();
    let top = r.label(0, 80.0, 120.0);
    assert!(close(top.x, 200.0) && close(top.y, 100.0), "{top:?}");
    let right = r.label(2, 80.0, 120.0);
    assert!(close(right.x, 300.0) && close(right.y, 200.0), "{right:?}");
    let bottom = r.label(4, 80.0, 120.0);
    assert!(
        close(bottom.x, 200.0) && close(bottom.y, 300.0),
        "{bottom:?}"
    );
}

#[test]
fn every_label_is_on_its_rings_middle_circle() {
    let r = rings();
    for k in 0..8 {
        let p = r.label(k, 60.0, 100.0);
        let d = ((p.x - 200.0).powi(2) + (p.y - 200.0).powi(2)).sqrt();
        assert!(close(d, 80.0), "segment {k}: {d}");
    }
}

#[test]
fn segment_paths_are_closed_annular_sectors() {
    let r = rings();
    let path = r.segment_path(0, 80.0, 120.0, 0.0);
    assert!(path.starts_with('M') && path.ends_with('Z'));
    assert_eq!(path.matches('A').count(), 2);
    // segment 0 spans −22.5°…22.5°: its outer corners are mirror images around x = 200
    let nums: Vec<f64> = path
        .split(|c: char| c.is_ascii_alphabetic())
        .flat_map(|part| part.split_whitespace())
        .filter_map(|n| n.parse().ok())
        .collect();
    let (x1, y1) = (nums[0], nums[1]);
    let (x2, y2) = (nums[7], nums[8]);
    assert!(
        close(x1 + x2, 400.0) || (x1 + x2 - 400.0).abs() < 0.02,
        "{path}"
    );
    assert!((y1 - y2).abs() < 0.02, "{path}");
    assert!(x1 < 200.0 && x2 > 200.0);
}

#[test]
fn a_gap_narrows_the_segment() {
    let r = rings();
    assert_ne!(
        r.segment_path(3, 80.0, 120.0, 0.0),
        r.segment_path(3, 80.0, 120.0, 0.02)
    );
}

#[test]
fn labels_follow_the_ring_and_never_read_upside_down() {
    let r = rings();
    let turns: Vec<f64> = (0..8).map(|k| r.label_rotation(k)).collect();
    assert_eq!(turns, [0.0, 45.0, 90.0, -45.0, 0.0, 45.0, -90.0, -45.0]);
    assert!(turns.iter().all(|t| (-90.0..=90.0).contains(t)));
}
