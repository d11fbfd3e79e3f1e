//! The instruments every figure is measured with: a row of the results
//! table, the median of samples with their spread, and a clock of
//! wall-clock and processor time together.

use std::time::{Duration, Instant};

/// One row of the results table.
pub(super) struct Row {
    pub(super) figure: String,
    pub(super) value: String,
    pub(super) note: String,
}

/// Median and spread (min–max) of durations, in milliseconds.
pub(super) fn stats(samples: &mut [f64]) -> (f64, f64, f64) {
    samples.sort_by(f64::total_cmp);
    let n = samples.len();
    let median = if n % 2 == 1 {
        samples[n / 2]
    } else {
        (samples[n / 2 - 1] + samples[n / 2]) / 2.0
    };
    (median, samples[0], samples[n - 1])
}

pub(super) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Wall-clock and processor time (all threads of this process) together.
pub(super) struct Clock {
    wall: Instant,
    cpu: f64,
}

impl Clock {
    pub(super) fn now() -> Self {
        Self {
            wall: Instant::now(),
            cpu: process_cpu_ms(),
        }
    }

    /// Milliseconds per item since `now`: (wall, processor).
    pub(super) fn per(&self, items: usize) -> (f64, f64) {
        let n = items.max(1) as f64;
        (
            ms(self.wall.elapsed()) / n,
            (process_cpu_ms() - self.cpu) / n,
        )
    }
}

/// User and system time of this process so far, in milliseconds.
#[expect(unsafe_code, reason = "std has no getrusage")]
fn process_cpu_ms() -> f64 {
    // SAFETY: getrusage writes into the struct we own; RUSAGE_SELF is valid.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let millis = |t: libc::timeval| t.tv_sec as f64 * 1000.0 + t.tv_usec as f64 / 1000.0;
    millis(usage.ru_utime) + millis(usage.ru_stime)
}
