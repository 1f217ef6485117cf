//! The simulator on the wire: a local Kinesis for real clients (`kinesis-console serve`). Native only.
//!
//! The AWS CLI and the SDKs point at it with `--endpoint-url http://127.0.0.1:4567`: `POST /` with
//! `X-Amz-Target: Kinesis_20131202.<Operation>` and an `application/x-amz-json-1.1` body goes to [`crate::api::dispatch`]
//! over the same engine the console and the page use, so the answers are the playground's, byte for byte. The served
//! state lives in one [`crate::cli::Console`], so console lines sent to `/_playground/console` (`sim producer add ...`,
//! `sim clock advance 30s`) act on what the clients see. Signatures are not checked.
//!
//! | file | concern |
//! |---|---|
//! | [`served`] | [`Served`]: the console and its clock, one request at a time; [`SessionConfig`] |
//! | [`clock`] | [`ServedClock`]: real (follows the wall clock) or manual |
//! | [`control`] | the `/_playground/` endpoints: read, advance and set the clock, run a console line |
//! | [`http`] | HTTP requests to answers: routing, the body limit, content types |
//! | [`request_id`] | `x-amzn-RequestId` and `x-amz-id-2` |
//! | `mod.rs` | [`Server`]: listen, serve HTTP/1.1 connections, stop cleanly |

pub mod clock;
pub mod control;
pub mod http;
pub mod request_id;
pub mod served;

pub use clock::{ClockMode, ServedClock};
pub use served::{ClockError, Served, SessionConfig};

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
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
}

impl Server {
    /// Listens on `host:port` (port 0: any free port, see [`Server::local_addr`]) with a fresh simulation.
    ///
    /// # Errors
    /// When the address cannot be listened on (taken, not local, not resolvable).
    pub async fn bind(host: &str, port: u16, session: &SessionConfig) -> io::Result<Server> {
        let listener = TcpListener::bind((host, port)).await?;
        let served = Served::new(session);
        Ok(Server {
            listener,
            shared: Arc::new(http::Shared::new(served, session.seed)),
            real_clock: session.clock == ClockMode::Real,
        })
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
    pub async fn serve(self, shutdown: impl Future<Output = ()>) {
        let Server { listener, shared, real_clock } = self;
        let ticker = real_clock.then(|| {
            let shared = Arc::clone(&shared);
            tokio::spawn(async move {
                let mut interval = tokio::time::interval(TICK);
                loop {
                    interval.tick().await;
                    shared.lock().sync();
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
            let connection =
                http1::Builder::new().timer(TokioTimer::new()).serve_connection(TokioIo::new(stream), service);
            let connection = graceful.watch(connection);
            tokio::spawn(async move {
                let _ = connection.await;
            });
        }
        drop(listener);
        if let Some(ticker) = ticker {
            ticker.abort();
        }
        tokio::select! {
            () = graceful.shutdown() => {}
            () = tokio::time::sleep(DRAIN_TIMEOUT) => {}
        }
    }
}
