//! SubscribeToShard on the wire: an `application/vnd.amazon.eventstream` answer that stays open while the
//! subscription lives (HTTP/2 as the SDKs use it, or HTTP/1.1 chunked as the AWS CLI does).
//!
//! The answer's body is fed by a task: first the `initial-response` event, then, each time simulated time moves
//! (a manual clock when advanced, a real clock on the server's ticker, any request that moves it), the events the
//! engine pushed ([`Served::poll`]): `SubscribeToShardEvent`s, an exception event, and the end (after 5 simulated
//! minutes, at a closed shard's end, after an exception), when the body closes. A client that goes away cancels the
//! subscription; a stopping server ends every stream.

use super::cbor;
use super::eventstream;
use super::gate::Protocol;
use super::http::{Shared, AMZ_JSON};
use crate::api::ops::consumers::subscribe_to_shard::{EventStream, StreamMessage};
use http_body_util::BodyExt;
use hyper::body::{Body, Bytes, Frame};
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use tokio::sync::mpsc;

/// The content type of the answer.
pub const EVENT_STREAM: &str = "application/vnd.amazon.eventstream";

/// A body fed message by message from a channel; it ends when the sender is dropped.
pub struct ChannelBody {
    rx: mpsc::Receiver<Bytes>,
}

impl Body for ChannelBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        self.rx.poll_recv(cx).map(|m| m.map(|bytes| Ok(Frame::data(bytes))))
    }
}

/// Starts feeding an open subscription's messages to a new body, encoded as the request was (JSON or CBOR).
pub fn start(
    shared: Arc<Shared>,
    stream: EventStream,
    protocol: Protocol,
) -> http_body_util::combinators::BoxBody<Bytes, Infallible> {
    let (tx, rx) = mpsc::channel::<Bytes>(32);
    tokio::spawn(pump(shared, stream, protocol, tx));
    ChannelBody { rx }.boxed()
}

fn payload(protocol: Protocol, value: &serde_json::Value) -> (&'static str, Vec<u8>) {
    match protocol {
        Protocol::Cbor => (cbor::AMZ_CBOR, cbor::response_to_cbor(Some(value))),
        Protocol::Json | Protocol::LegacyJson => (AMZ_JSON, value.to_string().into_bytes()),
    }
}

/// One message's frame, or `None` for the end.
pub fn frame(protocol: Protocol, message: &StreamMessage) -> Option<Vec<u8>> {
    let event_type = message.event_type()?;
    let (content_type, body) = payload(protocol, &message.payload()?);
    Some(match message {
        StreamMessage::Exception { .. } => eventstream::exception(event_type, content_type, &body),
        _ => eventstream::event(event_type, content_type, &body),
    })
}

async fn pump(shared: Arc<Shared>, stream: EventStream, protocol: Protocol, tx: mpsc::Sender<Bytes>) {
    let mut moved = shared.moved();
    let mut stopping = shared.stopping();
    let (content_type, initial) = payload(protocol, &serde_json::json!({}));
    if tx.send(Bytes::from(eventstream::event("initial-response", content_type, &initial))).await.is_err() {
        shared.lock().cancel(&stream);
        return;
    }
    loop {
        let messages = shared.lock().poll(&stream);
        for message in &messages {
            let Some(bytes) = frame(protocol, message) else {
                // The end: dropping the sender closes the body.
                return;
            };
            if tx.send(Bytes::from(bytes)).await.is_err() {
                shared.lock().cancel(&stream);
                return;
            }
        }
        tokio::select! {
            changed = moved.changed() => if changed.is_err() { break },
            _ = stopping.changed() => break,
            () = tx.closed() => break,
        }
    }
    shared.lock().cancel(&stream);
}
