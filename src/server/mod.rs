//! The simulator on the wire: a local Kinesis for real clients (`kinesis-console serve`). Native only.
//!
//! The AWS CLI and the SDKs point at it with `--endpoint-url http://127.0.0.1:4567`: `POST /` with
//! `X-Amz-Target: Kinesis_20131202.<Operation>` and an `application/x-amz-json-1.1` or `application/x-amz-cbor-1.1`
//! body goes to [`crate::api::dispatch_request`] over the same engine the console and the page use, so the answers
//! are the playground's, byte for byte. HTTP/1.1 and HTTP/2 (h2c, prior knowledge) on the same port. The served
//! state lives in one [`crate::session::Recorder`], so console lines sent to `/_playground/console` (`sim producer
//! add ...`, `sim clock advance 30s`) act on what the clients see, and `--state` saves it as a saved session.
//! Signatures are parsed, not checked.
//!
//! | file | concern |
//! |---|---|
//! | [`served`] | [`Served`]: the recorder and its clock, one request at a time; [`SessionConfig`] |
//! | [`clock`] | [`ServedClock`]: real (follows the wall clock) or manual |
//! | [`control`] | the `/_playground/` endpoints: read, advance and set the clock, run a console line |
//! | [`http`] | HTTP requests to answers: routing, the body limit, CORS, the request ids |
//! | [`gate`] | the connection-level answers: content type, target, credentials |
//! | [`cbor`] | `application/x-amz-cbor-1.1` to and from the JSON documents |
//! | [`subscribe`], [`eventstream`] | SubscribeToShard's `application/vnd.amazon.eventstream` answer |
//! | [`state`] | `--state FILE`: load on start, save on an interval and on stop |
//! | [`request_id`] | `x-amzn-RequestId` and `x-amz-id-2` |
//! | `mod.rs` | [`Server`]: listen, serve HTTP/1.1 and HTTP/2 connections, stop cleanly |

pub mod cbor;
pub mod clock;
pub mod control;
pub mod eventstream;
pub mod gate;
pub mod http;
pub mod request_id;
pub mod served;
pub mod state;
pub mod subscribe;

pub use clock::{ClockMode, ServedClock};
pub use served::{ClockError, Served, SessionConfig};
pub use state::StateFile;

use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

/// How long a stopping server waits for the requests in flight before it closes their connections.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(5);

/// How often a real clock moves the simulation on between requests (so simulated producers write steadily).
pub const TICK: Duration = Duration::from_millis(500);

/// A bound server, not serving yet.
pub struct Server {
    listener: TcpListener,
    shared: Arc<http::Shared>,
    real_clock: bool,
    state: Option<StateFile>,
}

impl Server {
    /// Listens on `host:port` (port 0: any free port, see [`Server::local_addr`]) with a fresh simulation.
    ///
    /// # Errors
    /// When the address cannot be listened on (taken, not local, not resolvable).
    pub async fn bind(host: &str, port: u16, session: &SessionConfig) -> io::Result<Server> {
        Server::bind_served(host, port, Served::new(session), session.seed).await
    }

    /// Listens on `host:port` serving `served` (a fresh simulation, or one loaded from a state file).
    ///
    /// # Errors
    /// When the address cannot be listened on.
    pub async fn bind_served(host: &str, port: u16, served: Served, seed: u64) -> io::Result<Server> {
        let listener = TcpListener::bind((host, port)).await?;
        let real_clock = served.clock_mode() == ClockMode::Real;
        Ok(Server { listener, shared: Arc::new(http::Shared::new(served, seed)), real_clock, state: None })
    }

    /// Saves the served session to `state` on an interval and on stop.
    pub fn save_to(mut self, state: StateFile) -> Server {
        self.state = Some(state);
        self
    }

    /// The address listened on.
    ///
    /// # Errors
    /// When the socket cannot tell (it always can once bound).
    pub fn local_addr(&self) -> io::Result<SocketAddr> {
        self.listener.local_addr()
    }

    /// Serves until `shutdown` completes, then stops taking connections, lets the requests in flight finish (for at
    /// most [`DRAIN_TIMEOUT`]) and returns.
    ///
    /// With a state file, a failed save is reported on standard error (and tried again at the next interval).
    pub async fn serve(self, shutdown: impl Future<Output = ()>) {
        let Server { listener, shared, real_clock, state } = self;
        let ticker = real_clock.then(|| {
            let shared = Arc::clone(&shared);
            tokio::spawn(async move {
                let mut interval = tokio::time::interval(TICK);
                loop {
                    interval.tick().await;
                    shared.lock().sync();
                    shared.touch();
                }
            })
        });
        let saver = state.clone().map(|file| {
            let shared = Arc::clone(&shared);
            tokio::spawn(async move {
                let mut last = shared.lock().version();
                let mut interval = tokio::time::interval(state::SAVE_INTERVAL);
                interval.tick().await;
                loop {
                    interval.tick().await;
                    let (version, document) = {
                        let served = shared.lock();
                        (served.version(), (served.version() != last).then(|| served.to_json()))
                    };
                    if let Some(document) = document {
                        match file.save(&document) {
                            Ok(()) => last = version,
                            Err(e) => eprintln!("kinesis-console serve: cannot save {}: {e}", file.path().display()),
                        }
                    }
                }
            })
        });
        let graceful = GracefulShutdown::new();
        let mut shutdown = std::pin::pin!(shutdown);
        loop {
            let accepted = tokio::select! {
                accepted = listener.accept() => accepted,
                () = &mut shutdown => break,
            };
            let stream = match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors or a connection reset before it was taken: try again shortly.
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            };
            let _ = stream.set_nodelay(true);
            let shared = Arc::clone(&shared);
            let service = service_fn(move |req| http::answer(Arc::clone(&shared), req));
            let watcher = graceful.watcher();
            tokio::spawn(async move {
                // HTTP/1.1, or HTTP/2 when the connection opens with its preface (h2c with prior knowledge).
                let mut builder = auto::Builder::new(TokioExecutor::new());
                builder.http1().timer(TokioTimer::new());
                let connection = builder.serve_connection(TokioIo::new(stream), service);
                let _ = watcher.watch(connection).await;
            });
        }
        drop(listener);
        // Event streams end, so their connections can close.
        shared.stop();
        for task in [ticker, saver].into_iter().flatten() {
            task.abort();
        }
        tokio::select! {
            () = graceful.shutdown() => {}
            () = tokio::time::sleep(DRAIN_TIMEOUT) => {}
        }
        if let Some(file) = state {
            let document = shared.lock().to_json();
            if let Err(e) = file.save(&document) {
                eprintln!("kinesis-console serve: cannot save {}: {e}", file.path().display());
            }
        }
    }
}
