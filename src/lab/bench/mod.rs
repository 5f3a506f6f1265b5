//! Benchmarks: [`extract`] times attribution extraction on article texts, [`link`] times
//! candidate generation and linking on generated claims, [`inputs`] times loading and
//! analysis against the size of hostile and large inputs, [`memory`] reads the peak
//! resident memory of a run, and [`parse`] times tagging and parsing. Speed and memory are
//! measured here, never asserted in tests.

pub mod extract;
pub mod inputs;
pub mod link;
pub mod memory;
pub mod parse;

/// Seconds the whole process has spent on cores (every thread's, those that have ended
/// too, from the process's CPU-time clock), where the system says: unlike the wall clock,
/// it does not count the time other programs held the cores.
pub fn process_cpu() -> f64 {
    // a sum over `/proc/self/task` would lose the time of a thread that has ended, and
    // could go backwards
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ProcessCPUTime);
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}

/// The median of some numbers (the mean of the middle two for an even count; 0 for none).
pub fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => 0.0,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// The machine the benchmark ran on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Machine {
    /// Cores available to the process (`std::thread::available_parallelism`, 1 when unknown).
    pub cores: usize,
    /// The CPU model from `/proc/cpuinfo`, when readable.
    pub cpu: Option<String>,
}

impl Machine {
    /// The current machine.
    pub fn detect() -> Machine {
        Machine {
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpu: std::fs::read_to_string("/proc/cpuinfo")
                .ok()
                .and_then(|s| cpu_model(&s)),
        }
    }
}

/// The first `model name` (or, on some ARM kernels, `Hardware` or `Processor`) value of a
/// `/proc/cpuinfo` text.
pub fn cpu_model(cpuinfo: &str) -> Option<String> {
    for key in ["model name", "Hardware", "Processor"] {
        for line in cpuinfo.lines() {
            if let Some((k, v)) = line.split_once(':') {
                let v = v.trim();
                if k.trim() == key && !v.is_empty() {
                    return Some(v.to_string());
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_time_grows_with_work() {
        let before = process_cpu();
        let mut x = 0u64;
        for i in 0..20_000_000u64 {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(i));
        }
        let after = process_cpu();
        assert!(after > before, "{before} -> {after} ({x})");
    }

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[4.0, 1.0, 9.0]), 4.0);
        assert_eq!(median(&[3.0, 1.0, 2.0, 10.0]), 2.5);
        assert_eq!(median(&[]), 0.0);
    }

    #[test]
    fn cpu_model_from_cpuinfo() {
        let info = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7B13\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B13\n";
        assert_eq!(cpu_model(info).as_deref(), Some("AMD EPYC 7B13"));
        assert_eq!(
            cpu_model("Hardware\t: BCM2835\n").as_deref(),
            Some("BCM2835")
        );
        assert_eq!(cpu_model("processor: 0\n"), None);
    }
}
