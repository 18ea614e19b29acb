//! The memory watch of a search: the process's resident memory against the run's
//! limit. At [`DIVE_SHARE`] of the limit the workers dive (always continue with a
//! child, so the open nodes stop growing); at the limit the search stops with
//! [`super::Status::MemoryLimit`], keeping its incumbent and bound.

/// Share of the machine's memory that a search may use by default.
pub const DEFAULT_MACHINE_SHARE: f64 = 0.75;
/// Share of the limit from which the workers dive.
pub const DIVE_SHARE: f64 = 0.8;
/// Time between two reads of the resident memory.
pub const CHECK_INTERVAL: std::time::Duration = std::time::Duration::from_millis(100);

/// Where the process stands against its memory limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemoryState {
    /// Below [`DIVE_SHARE`] of the limit (or unknown).
    Fine,
    /// Past [`DIVE_SHARE`] of the limit: dive.
    Dive,
    /// At or past the limit: stop.
    Exceeded,
}

/// The state of a process using `resident` bytes under a limit of `limit` bytes.
pub fn state_of(resident: u64, limit: u64) -> MemoryState {
    if resident >= limit {
        MemoryState::Exceeded
    } else if resident as f64 >= DIVE_SHARE * limit as f64 {
        MemoryState::Dive
    } else {
        MemoryState::Fine
    }
}

/// The state of this process under `limit` bytes (`Fine` where the resident size
/// cannot be read).
pub fn state(limit: u64) -> MemoryState {
    resident_bytes().map_or(MemoryState::Fine, |r| state_of(r, limit))
}

/// The default limit: [`DEFAULT_MACHINE_SHARE`] of the machine's memory (`None`
/// where it cannot be read).
pub fn default_limit() -> Option<u64> {
    machine_bytes().map(|b| (DEFAULT_MACHINE_SHARE * b as f64) as u64)
}

/// Resident memory of this process in bytes (`VmRSS` of `/proc/self/status`).
pub fn resident_bytes() -> Option<u64> {
    kib_field(
        &std::fs::read_to_string("/proc/self/status").ok()?,
        "VmRSS:",
    )
}

/// Memory of the machine in bytes (`MemTotal` of `/proc/meminfo`).
pub fn machine_bytes() -> Option<u64> {
    kib_field(&std::fs::read_to_string("/proc/meminfo").ok()?, "MemTotal:")
}

/// The value in bytes of a `Name:   123 kB` line of a `/proc` file.
fn kib_field(text: &str, name: &str) -> Option<u64> {
    let line = text.lines().find(|l| l.starts_with(name))?;
    let kib: u64 = line[name.len()..].split_whitespace().next()?.parse().ok()?;
    kib.checked_mul(1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_proc_fields() {
        let text = "Name:\tx\nVmRSS:\t   2048 kB\nThreads:\t1\n";
        assert_eq!(kib_field(text, "VmRSS:"), Some(2048 * 1024));
        assert_eq!(kib_field(text, "VmHWM:"), None);
        assert_eq!(kib_field("VmRSS: lots kB", "VmRSS:"), None);
    }

    #[test]
    fn states_follow_the_shares() {
        assert_eq!(state_of(10, 100), MemoryState::Fine);
        assert_eq!(state_of(80, 100), MemoryState::Dive);
        assert_eq!(state_of(100, 100), MemoryState::Exceeded);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_has_a_resident_size_below_the_machine() {
        let resident = resident_bytes().expect("VmRSS");
        let machine = machine_bytes().expect("MemTotal");
        assert!(resident > 0 && resident < machine);
        assert!(default_limit().is_some_and(|l| l < machine));
    }
}
