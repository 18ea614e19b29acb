//! The solvers of a benchmark run and how each is started.
//!
//! Every solver runs as a subprocess with the same time limit, thread count and
//! relative gap, its standard output and error going to one log file, in a scratch
//! folder of its own (HiGHS writes `Highs.log` into the current folder):
//!
//! | solver | command |
//! |---|---|
//! | `relumip` | `relumip solve MODEL --time-limit L --threads N --gap G --stats S.json [--first-solution]` |
//! | `relumip-verify` | `relumip verify NET PROP --timeout L --threads N` (network instances only) |
//! | `highs` | `highs --options_file O --time_limit L MODEL` with `threads = N`, `mip_rel_gap = G`, `random_seed = 0` [, `mip_max_improving_sols = 1`] in `O` |
//! | `cbc` | `cbc MODEL -sec L -threads N -ratio G [-maxSolutions 1] -solve` |
//!
//! A configuration of relumip (`relumip[branching=babsr]`, see [`crate::config`])
//! adds its options at the end of relumip's command.
//!
//! A run that outlives its limit by [`grace`] is killed with its whole process group
//! (CBC's launcher is a Python script that starts the real binary as a child).

use crate::parse_cbc::parse_cbc_log;
use crate::parse_highs::parse_highs_log;
use crate::parse_relumip::{parse_stats_json, parse_verify_output};
use crate::{RunResult, RunStatus};
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The solvers that a benchmark can run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SolverKind {
    /// `relumip solve` on the MPS file.
    Relumip,
    /// `relumip verify` on the network and property (network suites only).
    RelumipVerify,
    /// The `highs` command (HiGHS).
    Highs,
    /// The `cbc` command (COIN-OR CBC).
    Cbc,
}

impl SolverKind {
    /// Every solver, in the default order.
    pub const ALL: [SolverKind; 4] = [
        SolverKind::RelumipVerify,
        SolverKind::Relumip,
        SolverKind::Highs,
        SolverKind::Cbc,
    ];

    /// Parses a solver name as given to `--solvers`.
    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "relumip" => Some(SolverKind::Relumip),
            "relumip-verify" => Some(SolverKind::RelumipVerify),
            "highs" => Some(SolverKind::Highs),
            "cbc" => Some(SolverKind::Cbc),
            _ => None,
        }
    }

    /// The name in reports (of the plain solver).
    pub fn name(self) -> &'static str {
        match self {
            SolverKind::Relumip => "relumip",
            SolverKind::RelumipVerify => "relumip-verify",
            SolverKind::Highs => "highs",
            SolverKind::Cbc => "cbc",
        }
    }

    /// The program looked up on `PATH` (relumip runs its own executable instead).
    pub fn program(self) -> &'static str {
        match self {
            SolverKind::Relumip | SolverKind::RelumipVerify => "relumip",
            SolverKind::Highs => "highs",
            SolverKind::Cbc => "cbc",
        }
    }

    /// Whether the solver is relumip itself (always available).
    pub fn is_relumip(self) -> bool {
        matches!(self, SolverKind::Relumip | SolverKind::RelumipVerify)
    }
}

/// Settings shared by every solver of a run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunSpec {
    /// Time limit in seconds.
    pub time_limit: f64,
    /// Threads.
    pub threads: usize,
    /// Relative gap at which a run counts as optimal.
    pub relative_gap: f64,
    /// Stop at the first feasible solution (verification MILPs: feasible = answer).
    pub first_solution: bool,
}

/// How long a run may outlive its time limit before it is killed.
pub fn grace(time_limit: f64) -> f64 {
    (0.1 * time_limit).max(5.0)
}

/// Finds `program` on `PATH` (an executable file).
pub fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|p| is_executable(p))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// A solver and the program that runs it.
#[derive(Clone, Debug, PartialEq)]
pub struct Solver {
    /// Which solver.
    pub kind: SolverKind,
    /// The executable.
    pub program: PathBuf,
    /// The name in reports: the kind's name, or a configuration of relumip such as
    /// `relumip[branching=babsr]`.
    pub name: String,
    /// The folder of its logs and scratch files (a file-system-safe name).
    pub folder: String,
    /// Options that a configuration adds to relumip's command.
    pub options: Vec<String>,
}

/// Files of one run in its scratch folder.
const STATS_FILE: &str = "relumip-stats.json";
const HIGHS_OPTIONS: &str = "highs.options";

impl Solver {
    /// The plain solver of `kind`, run by `program`.
    pub fn new(kind: SolverKind, program: PathBuf) -> Self {
        Solver {
            kind,
            program,
            name: kind.name().to_string(),
            folder: kind.name().to_string(),
            options: Vec::new(),
        }
    }

    /// The command line that runs the solver on one instance, with placeholders for
    /// the files and limits (`relumip solve MODEL --time-limit L ... --branching babsr`).
    pub fn command_pattern(&self) -> String {
        let base = match self.kind {
            SolverKind::Relumip => {
                "relumip solve MODEL --time-limit L --threads N --gap G --stats S.json [--first-solution]"
            }
            SolverKind::RelumipVerify => "relumip verify NET PROP --timeout L --threads N",
            SolverKind::Highs => "highs --options_file O --time_limit L MODEL",
            SolverKind::Cbc => "cbc MODEL -sec L -threads N -ratio G [-maxSolutions 1] -solve",
        };
        std::iter::once(base.to_string())
            .chain(self.options.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The command that solves `model` (an MPS file); writes option files into
    /// `scratch`, where the command runs.
    pub fn mps_command(
        &self,
        model: &Path,
        spec: &RunSpec,
        scratch: &Path,
    ) -> std::io::Result<Command> {
        // The command runs in `scratch`: every path it is given must be absolute.
        let model = &std::path::absolute(model)?;
        let scratch = &std::path::absolute(scratch)?;
        let mut cmd = Command::new(&self.program);
        let limit = format!("{}", spec.time_limit);
        let threads = spec.threads.to_string();
        let gap = format!("{:e}", spec.relative_gap);
        match self.kind {
            SolverKind::Relumip | SolverKind::RelumipVerify => {
                cmd.arg("solve")
                    .arg(model)
                    .args(["--time-limit", &limit, "--threads", &threads, "--gap", &gap])
                    .arg("--stats")
                    .arg(scratch.join(STATS_FILE));
                if spec.first_solution {
                    cmd.arg("--first-solution");
                }
                cmd.args(&self.options);
            }
            SolverKind::Highs => {
                let mut options =
                    format!("threads = {threads}\nmip_rel_gap = {gap}\nrandom_seed = 0\n");
                if spec.first_solution {
                    options.push_str("mip_max_improving_sols = 1\n");
                }
                let path = scratch.join(HIGHS_OPTIONS);
                std::fs::write(&path, options)?;
                cmd.arg("--options_file")
                    .arg(path)
                    .args(["--time_limit", &limit])
                    .arg(model);
            }
            SolverKind::Cbc => {
                cmd.arg(model)
                    .args(["-sec", &limit, "-threads", &threads, "-ratio", &gap]);
                if spec.first_solution {
                    cmd.args(["-maxSolutions", "1"]);
                }
                cmd.arg("-solve");
            }
        }
        cmd.current_dir(scratch);
        Ok(cmd)
    }

    /// The command of `relumip verify` on a network instance.
    pub fn verify_command(
        &self,
        onnx: &Path,
        vnnlib: &Path,
        spec: &RunSpec,
        scratch: &Path,
    ) -> Command {
        let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        let (onnx, vnnlib) = (absolute(onnx), absolute(vnnlib));
        let mut cmd = Command::new(&self.program);
        cmd.arg("verify")
            .arg(onnx)
            .arg(vnnlib)
            .args(["--timeout", &format!("{}", spec.time_limit)])
            .args(["--threads", &spec.threads.to_string()])
            .args(&self.options)
            .current_dir(scratch);
        cmd
    }

    /// The command that prints the solver's version (`--version`; `-quit` for CBC,
    /// which prints its banner), run in `scratch`.
    pub fn version_command(&self, scratch: &Path) -> Command {
        let mut cmd = Command::new(&self.program);
        match self.kind {
            SolverKind::Cbc => cmd.arg("-quit"),
            _ => cmd.arg("--version"),
        };
        cmd.current_dir(scratch);
        cmd
    }

    /// Reads the outcome of a finished run from its log (and, for relumip, its
    /// statistics file in `scratch`).
    pub fn parse_output(&self, log: &str, scratch: &Path) -> RunResult {
        match self.kind {
            SolverKind::Relumip => match std::fs::read_to_string(scratch.join(STATS_FILE)) {
                Ok(text) => parse_stats_json(&text),
                Err(_) => RunResult::error(last_line(log).unwrap_or("no statistics file written")),
            },
            SolverKind::RelumipVerify => parse_verify_output(log),
            SolverKind::Highs => parse_highs_log(log),
            SolverKind::Cbc => parse_cbc_log(log),
        }
    }

    /// Runs `cmd` (built by [`Solver::mps_command`] or [`Solver::verify_command`])
    /// with its output in `log`, kills it when it outlives the limit, and reads its
    /// outcome. Never fails: a solver that cannot start, crashes or prints nothing
    /// readable gives an error result. Returns the result and the wall-clock seconds.
    pub fn run(
        &self,
        cmd: Command,
        spec: &RunSpec,
        scratch: &Path,
        log: &Path,
    ) -> (RunResult, f64) {
        let hard = Duration::from_secs_f64(spec.time_limit + grace(spec.time_limit));
        let finished = match run_logged(cmd, log, hard) {
            Ok(f) => f,
            Err(e) => {
                return (
                    RunResult::error(format!("cannot run {}: {e}", self.program.display())),
                    0.0,
                )
            }
        };
        let text = read_log(log);
        let mut result = self.parse_output(&text, scratch);
        if finished.killed && !result.status.is_decided() {
            result = RunResult {
                status: RunStatus::Timeout,
                time: Some(spec.time_limit),
                message: Some(format!(
                    "killed after {:.1} s (limit {} s)",
                    finished.wall, spec.time_limit
                )),
                ..result
            };
        } else if result.status == RunStatus::Error {
            let mut message = result.message.take().unwrap_or_default();
            if !finished.success {
                let why = finished.exit.map_or("killed by a signal".to_string(), |c| {
                    format!("exit status {c}")
                });
                message = format!("{why}: {message}");
            }
            if let Some(last) = last_line(&text).filter(|l| !message.contains(*l)) {
                message = format!("{message}; the log ends with: {last}");
            }
            result.message = Some(message);
        }
        if result.time.is_none() {
            result.time = Some(finished.wall);
        }
        (result, finished.wall)
    }
}

/// The text of a log file, invalid UTF-8 replaced (empty when it cannot be read).
pub fn read_log(path: &Path) -> String {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

fn last_line(text: &str) -> Option<&str> {
    text.lines().rev().map(str::trim).find(|l| !l.is_empty())
}

/// How a subprocess ended.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Finished {
    /// Exit code (`None` when ended by a signal).
    pub exit: Option<i32>,
    /// Whether it exited with status 0.
    pub success: bool,
    /// Whether it was killed for outliving its hard limit.
    pub killed: bool,
    /// Wall-clock seconds.
    pub wall: f64,
}

/// Runs `cmd` with standard output and error appended to `log` and no input; kills it
/// (with its process group on Unix) after `hard_limit`, or at once when a stop is
/// requested (see [`relumip_solver::interrupt`]; the child runs in its own process
/// group, so a terminal's Ctrl-C does not reach it).
pub fn run_logged(mut cmd: Command, log: &Path, hard_limit: Duration) -> std::io::Result<Finished> {
    let out = File::create(log)?;
    let err = out.try_clone()?;
    cmd.stdin(Stdio::null())
        .stdout(Stdio::from(out))
        .stderr(Stdio::from(err));
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let mut pause = Duration::from_millis(2);
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Finished {
                exit: status.code(),
                success: status.success(),
                killed: false,
                wall: start.elapsed().as_secs_f64(),
            });
        }
        if start.elapsed() >= hard_limit || relumip_solver::interrupt::requested() {
            kill_group(&mut child);
            let status = child.wait()?;
            return Ok(Finished {
                exit: status.code(),
                success: false,
                killed: true,
                wall: start.elapsed().as_secs_f64(),
            });
        }
        std::thread::sleep(pause);
        pause = (pause * 2).min(Duration::from_millis(25));
    }
}

/// Kills a child and, on Unix, the process group it leads (its own children).
fn kill_group(child: &mut Child) {
    #[cfg(unix)]
    {
        let group = format!("-{}", child.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    let _ = child.kill();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in SolverKind::ALL {
            assert_eq!(SolverKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(SolverKind::from_name(" HiGHS "), Some(SolverKind::Highs));
        assert_eq!(SolverKind::from_name("gurobi"), None);
    }

    #[test]
    fn commands_carry_the_same_limits() {
        let dir = tempfile::tempdir().expect("temp dir");
        let spec = RunSpec {
            time_limit: 60.0,
            threads: 1,
            relative_gap: 1e-6,
            first_solution: true,
        };
        let model = Path::new("/data/m.mps");
        let args = |kind| {
            let solver = Solver::new(kind, PathBuf::from("x"));
            let cmd = solver
                .mps_command(model, &spec, dir.path())
                .expect("command");
            cmd.get_args()
                .map(|a| a.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let relumip = args(SolverKind::Relumip);
        assert!(
            relumip.starts_with("solve /data/m.mps --time-limit 60 --threads 1 --gap 1e-6 --stats"),
            "{relumip}"
        );
        assert!(relumip.ends_with("--first-solution"), "{relumip}");
        let highs = args(SolverKind::Highs);
        assert!(highs.ends_with("--time_limit 60 /data/m.mps"), "{highs}");
        let options = std::fs::read_to_string(dir.path().join(HIGHS_OPTIONS)).expect("options");
        assert_eq!(
            options,
            "threads = 1\nmip_rel_gap = 1e-6\nrandom_seed = 0\nmip_max_improving_sols = 1\n"
        );
        assert_eq!(
            args(SolverKind::Cbc),
            "/data/m.mps -sec 60 -threads 1 -ratio 1e-6 -maxSolutions 1 -solve"
        );
    }

    #[test]
    fn a_configuration_adds_its_options_last() {
        let dir = tempfile::tempdir().expect("temp dir");
        let spec = RunSpec {
            time_limit: 20.0,
            threads: 1,
            relative_gap: 1e-6,
            first_solution: false,
        };
        let words = |cmd: Command| {
            cmd.get_args()
                .map(|a| a.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let solver = Solver {
            name: "relumip[branching=babsr;seed=2]".into(),
            folder: "relumip-branching=babsr_seed=2".into(),
            options: ["--branching", "babsr", "--seed", "2"]
                .map(String::from)
                .to_vec(),
            ..Solver::new(SolverKind::Relumip, PathBuf::from("relumip"))
        };
        let cmd = solver
            .mps_command(Path::new("/data/m.mps"), &spec, dir.path())
            .expect("command");
        let line = words(cmd);
        assert!(
            line.starts_with("solve /data/m.mps --time-limit 20 "),
            "{line}"
        );
        assert!(line.ends_with("--branching babsr --seed 2"), "{line}");
        assert_eq!(
            solver.command_pattern(),
            "relumip solve MODEL --time-limit L --threads N --gap G --stats S.json [--first-solution] --branching babsr --seed 2"
        );
        let verify = Solver {
            options: ["--strategy", "milp"].map(String::from).to_vec(),
            ..Solver::new(SolverKind::RelumipVerify, PathBuf::from("relumip"))
        };
        let cmd = verify.verify_command(
            Path::new("/n.onnx"),
            Path::new("/p.vnnlib"),
            &spec,
            dir.path(),
        );
        assert_eq!(
            words(cmd),
            "verify /n.onnx /p.vnnlib --timeout 20 --threads 1 --strategy milp"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_missing_or_hanging_program_never_aborts() {
        let dir = tempfile::tempdir().expect("temp dir");
        let log = dir.path().join("run.log");
        let spec = RunSpec {
            time_limit: 0.2,
            threads: 1,
            relative_gap: 1e-6,
            first_solution: false,
        };
        let missing = Solver::new(SolverKind::Highs, dir.path().join("no-such-highs"));
        let cmd = missing
            .mps_command(Path::new("m.mps"), &spec, dir.path())
            .expect("cmd");
        let (result, _) = missing.run(cmd, &spec, dir.path(), &log);
        assert_eq!(result.status, RunStatus::Error);
        assert!(result.message.unwrap_or_default().contains("cannot run"));
        // A run that hangs is killed (limit 0.2 s + 5 s grace), with its children.
        let hang = Solver::new(SolverKind::Cbc, PathBuf::from("sh"));
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo started; sleep 30 & sleep 30"]);
        let started = Instant::now();
        let (result, wall) = hang.run(cmd, &spec, dir.path(), &log);
        assert!(started.elapsed() < Duration::from_secs(15));
        assert!(wall >= 5.0);
        assert_eq!(result.status, RunStatus::Timeout);
        assert!(result.message.unwrap_or_default().contains("killed"));
        // A crash (non-zero exit, nothing readable) is an error with the exit status.
        let mut cmd = Command::new("sh");
        cmd.args(["-c", "echo boom; exit 3"]);
        let (result, _) = hang.run(cmd, &spec, dir.path(), &log);
        assert_eq!(result.status, RunStatus::Error);
        let message = result.message.unwrap_or_default();
        assert!(message.contains("exit status 3"), "{message}");
    }
}
