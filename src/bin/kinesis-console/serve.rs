//! `kinesis-console serve`: the simulator as a local Kinesis for real clients (see `kinesis_playground::server`).

use clap::{Args, ValueEnum};
use kinesis_playground::engine::DEFAULT_START_MS;
use kinesis_playground::server::{ClockMode, Served, Server, SessionConfig, StateFile};
use kinesis_playground::time::{format_rfc3339, parse_duration, Millis};
use std::io::Write;

/// Serve the simulator over HTTP as a local Kinesis, for the AWS CLI and the SDKs (--endpoint-url).
///
/// The Kinesis JSON protocol on POST / (X-Amz-Target: Kinesis_20131202.<Operation>); the playground's own endpoints
/// under /_playground/: GET clock, POST clock/advance {"by": "30s"}, POST clock/set {"to": "<RFC 3339>"}, POST
/// console {"line": "sim producer list"}. Signatures are not checked. Stops cleanly on Ctrl-C or SIGTERM.
#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// The address to listen on
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1")]
    pub host: String,
    /// The port to listen on (0: any free port; the address is printed on start)
    #[arg(long, value_name = "PORT", default_value_t = 4567)]
    pub port: u16,
    /// real: simulated time follows the wall clock; manual: it moves only when told (/_playground/clock/...)
    #[arg(long, value_enum, value_name = "CLOCK", default_value_t = ClockArg::Real)]
    pub clock: ClockArg,
    /// The simulated start time (RFC 3339) [default: now with the real clock, 2024-01-01T00:00:00Z with the manual one]
    #[arg(long, value_name = "RFC 3339", value_parser = crate::native::parse_start_time)]
    pub start_time: Option<i64>,
    /// The seed of the simulated producers' random generator
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub seed: u64,
    /// How long a new stream stays CREATING (500ms, 5s, 1m)
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = parse_delay)]
    pub create_delay: Millis,
    /// How long a stream stays UPDATING after a reshard or a mode change
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = parse_delay)]
    pub update_delay: Millis,
    /// How long a stream stays DELETING
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = parse_delay)]
    pub delete_delay: Millis,
    /// Keep the session in FILE (a saved session, as the page saves): loaded on start when it exists (its start
    /// time, seed and settings then apply), written every 5 s when changed and on stop
    #[arg(long, value_name = "FILE")]
    pub state: Option<std::path::PathBuf>,
}

/// `--clock`.
#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockArg {
    Real,
    Manual,
}

fn parse_delay(v: &str) -> Result<Millis, String> {
    parse_duration(v).ok_or_else(|| format!("not a duration such as 500ms, 5s or 1m: {v}"))
}

impl ServeArgs {
    /// The session these options describe; `wall_now_ms` is the default start of a real clock.
    pub fn session(&self, wall_now_ms: Millis) -> SessionConfig {
        let clock = match self.clock {
            ClockArg::Real => ClockMode::Real,
            ClockArg::Manual => ClockMode::Manual,
        };
        let default_start = if clock == ClockMode::Real { wall_now_ms } else { DEFAULT_START_MS };
        SessionConfig {
            clock,
            start_time_ms: self.start_time.unwrap_or(default_start),
            seed: self.seed,
            create_delay_ms: self.create_delay,
            update_delay_ms: self.update_delay,
            delete_delay_ms: self.delete_delay,
        }
    }
}

/// Serves until Ctrl-C or SIGTERM; the exit code is 0 after a clean stop, 1 when the server cannot start.
pub fn run(args: &ServeArgs) -> i32 {
    let wall_now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(DEFAULT_START_MS, |d| Millis::try_from(d.as_millis()).unwrap_or(DEFAULT_START_MS));
    let session = args.session(wall_now_ms);
    let state = args.state.as_ref().map(StateFile::new);
    let loaded = match state.as_ref().map(|file| file.load(session.clock)) {
        None | Some(Ok(None)) => None,
        Some(Ok(Some(served))) => Some(served),
        Some(Err(message)) => {
            eprintln!("kinesis-console serve: {message}");
            return 1;
        }
    };
    let resumed = loaded.as_ref().map(|s| (s.console().engine().now_ms(), s.console().seed()));
    let served = loaded.unwrap_or_else(|| Served::new(&session));
    let seed = resumed.map_or(session.seed, |(_, seed)| seed);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("kinesis-console serve: cannot start the runtime: {e}");
            return 1;
        }
    };
    runtime.block_on(async {
        let server = match Server::bind_served(&args.host, args.port, served, seed).await {
            Ok(s) => match state {
                Some(file) => s.save_to(file),
                None => s,
            },
            Err(e) => {
                eprintln!("kinesis-console serve: cannot listen on {}:{}: {e}", args.host, args.port);
                return 1;
            }
        };
        let url = match server.local_addr() {
            Ok(addr) => format!("http://{addr}"),
            Err(_) => format!("http://{}:{}", args.host, args.port),
        };
        let mut shown = session.clone();
        if let Some((now_ms, _)) = resumed {
            shown.start_time_ms = now_ms;
        }
        print_banner(&url, &shown, args.state.as_deref(), resumed.is_some());
        server.serve(stop_signal()).await;
        println!("Stopped.");
        0
    })
}

fn print_banner(url: &str, session: &SessionConfig, state: Option<&std::path::Path>, resumed: bool) {
    let mut out = std::io::stdout().lock();
    let start = format_rfc3339(session.start_time_ms);
    let _ = writeln!(out, "Kinesis Playground is serving the Kinesis API on {url}");
    if let Some(path) = state {
        let _ = if resumed {
            writeln!(out, "State: resumed from {} (saved there every 5 s and on stop).", path.display())
        } else {
            writeln!(out, "State: a fresh session, saved to {} every 5 s and on stop.", path.display())
        };
    }
    let _ = match session.clock {
        ClockMode::Real => writeln!(out, "Clock: real, starting at {start} and following the wall clock."),
        ClockMode::Manual => writeln!(
            out,
            "Clock: manual, at {start}. Move it with: curl -d '{{\"by\": \"30s\"}}' {url}/_playground/clock/advance"
        ),
    };
    let _ = writeln!(out, "Try: aws kinesis list-streams --endpoint-url {url}");
    let _ = writeln!(out, "Stop with Ctrl-C.");
    let _ = out.flush();
}

async fn stop_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = ctrl_c.await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}
