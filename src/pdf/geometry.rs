//! Points, matrices and rectangles in PDF's conventions: a point is a row
//! vector, `p' = p × M`, and `cm` prepends its matrix to the current one.

/// `[a b c d e f]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    pub a: f32,
    pub b: f32,
    pub c: f32,
    pub d: f32,
    pub e: f32,
    pub f: f32,
}

pub type Point = [f32; 2];

impl Matrix {
    pub const IDENTITY: Self = Self {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    pub fn new(m: [f32; 6]) -> Self {
        let [a, b, c, d, e, f] = m;
        Self { a, b, c, d, e, f }
    }

    pub fn translate(x: f32, y: f32) -> Self {
        Self {
            e: x,
            f: y,
            ..Self::IDENTITY
        }
    }

    /// `self × other`: first `self`, then `other`.
    pub fn then(&self, o: &Self) -> Self {
        Self {
            a: self.a * o.a + self.b * o.c,
            b: self.a * o.b + self.b * o.d,
            c: self.c * o.a + self.d * o.c,
            d: self.c * o.b + self.d * o.d,
            e: self.e * o.a + self.f * o.c + o.e,
            f: self.e * o.b + self.f * o.d + o.f,
        }
    }

    pub fn apply(&self, [x, y]: Point) -> Point {
        [
            x * self.a + y * self.c + self.e,
            x * self.b + y * self.d + self.f,
        ]
    }

    /// A vector (no translation).
    pub fn apply_vector(&self, [x, y]: Point) -> Point {
        [x * self.a + y * self.c, x * self.b + y * self.d]
    }

    /// How much the matrix scales lengths, on average.
    pub fn scale(&self) -> f32 {
        (self.a * self.d - self.b * self.c).abs().sqrt()
    }

    pub fn is_finite(&self) -> bool {
        [self.a, self.b, self.c, self.d, self.e, self.f]
            .iter()
            .all(|v| v.is_finite())
    }
}

pub fn length([x, y]: Point) -> f32 {
    (x * x + y * y).sqrt()
}

pub fn add([a, b]: Point, [c, d]: Point) -> Point {
    [a + c, b + d]
}

pub fn sub([a, b]: Point, [c, d]: Point) -> Point {
    [a - c, b - d]
}

pub fn scaled([a, b]: Point, k: f32) -> Point {
    [a * k, b * k]
}

pub fn dot([a, b]: Point, [c, d]: Point) -> f32 {
    a * c + b * d
}

/// The z of the cross product: positive where `v` lies anticlockwise of `u`.
pub fn cross([a, b]: Point, [c, d]: Point) -> f32 {
    a * d - b * c
}

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    /// The smallest rectangle holding every point (`None` for none).
    pub fn around(points: impl IntoIterator<Item = Point>) -> Option<Self> {
        let mut out: Option<Self> = None;
        for [x, y] in points {
            if !x.is_finite() || !y.is_finite() {
                continue;
            }
            out = Some(match out {
                None => Self {
                    x0: x,
                    y0: y,
                    x1: x,
                    y1: y,
                },
                Some(r) => Self {
                    x0: r.x0.min(x),
                    y0: r.y0.min(y),
                    x1: r.x1.max(x),
                    y1: r.y1.max(y),
                },
            });
        }
        out
    }

    /// From `[x0 y0 x1 y1]` in any corner order.
    pub fn from_array(v: &[f32]) -> Option<Self> {
        match v {
            [a, b, c, d] => Self::around([[*a, *b], [*c, *d]]),
            _ => None,
        }
    }

    pub fn contains(&self, [x, y]: Point) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    pub fn intersect(&self, o: &Self) -> Self {
        Self {
            x0: self.x0.max(o.x0),
            y0: self.y0.max(o.y0),
            x1: self.x1.min(o.x1).max(self.x0.max(o.x0)),
            y1: self.y1.min(o.y1).max(self.y0.max(o.y0)),
        }
    }

    pub fn union(&self, o: &Self) -> Self {
        Self {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }

    /// Grown by `by` on every side.
    pub fn grown(&self, by: f32) -> Self {
        Self {
            x0: self.x0 - by,
            y0: self.y0 - by,
            x1: self.x1 + by,
            y1: self.y1 + by,
        }
    }

    /// The corners mapped through `m`, and the rectangle around them.
    pub fn transformed(&self, m: &Matrix) -> Self {
        Self::around(
            [
                [self.x0, self.y0],
                [self.x1, self.y0],
                [self.x0, self.y1],
                [self.x1, self.y1],
            ]
            .map(|p| m.apply(p)),
        )
        .unwrap_or(*self)
    }
}

/// Whether `p` is inside the polygons (closed implicitly), by the nonzero
/// winding rule or the even-odd rule.
pub fn inside(p: Point, polygons: &[Vec<Point>], even_odd: bool) -> bool {
    let mut winding = 0i32;
    let mut crossings = 0u32;
    for poly in polygons {
        if poly.len() < 3 {
            continue;
        }
        for i in 0..poly.len() {
            let a = poly[i];
            let b = poly[(i + 1) % poly.len()];
            if (a[1] <= p[1]) != (b[1] <= p[1]) {
                let t = (p[1] - a[1]) / (b[1] - a[1]);
                let x = a[0] + t * (b[0] - a[0]);
                if x > p[0] {
                    crossings += 1;
                    winding += if b[1] > a[1] { 1 } else { -1 };
                }
            }
        }
    }
    if even_odd {
        crossings % 2 == 1
    } else {
        winding != 0
    }
}

/// The distance from `p` to the segment `a`–`b`.
pub fn distance_to_segment(p: Point, a: Point, b: Point) -> f32 {
    let ab = sub(b, a);
    let len2 = dot(ab, ab);
    let t = if len2 > 0.0 {
        (dot(sub(p, a), ab) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    length(sub(p, add(a, scaled(ab, t))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_as_pdf_does() {
        let scale = Matrix::new([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 0.0);
        // cm: the new matrix first, then the current one.
        assert_eq!(shift.then(&scale).apply([1.0, 1.0]), [22.0, 2.0]);
        assert_eq!(scale.then(&shift).apply([1.0, 1.0]), [12.0, 2.0]);
    }

    #[test]
    fn points_inside_polygons() {
        let square = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        assert!(inside([5.0, 5.0], std::slice::from_ref(&square), false));
        assert!(!inside([15.0, 5.0], std::slice::from_ref(&square), false));
        let hole = vec![[2.0, 2.0], [2.0, 8.0], [8.0, 8.0], [8.0, 2.0]];
        assert!(!inside([5.0, 5.0], &[square.clone(), hole.clone()], false));
        assert!(!inside([5.0, 5.0], &[square, hole], true));
        assert!((distance_to_segment([5.0, 3.0], [0.0, 0.0], [10.0, 0.0]) - 3.0).abs() < 1e-6);
    }
}
