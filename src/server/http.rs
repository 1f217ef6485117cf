//! From HTTP requests to answers: the Kinesis protocol on `POST /` (JSON 1.1 or CBOR, checked in the service's
//! order by [`super::gate`]), SubscribeToShard's event stream ([`super::subscribe`]), the playground's endpoints
//! under `/_playground/`, CORS, and the headers every answer carries.

use super::cbor::{self, AMZ_CBOR};
use super::control;
use super::gate::{self, Protocol};
use super::request_id::RequestIds;
use super::served::Served;
use super::subscribe::{self, EVENT_STREAM};
use crate::api::{self, TARGET_PREFIX};
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderName, HeaderValue, ALLOW, AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, ORIGIN};
use hyper::{Method, Request, Response, StatusCode};
use serde_json::{json, Value};
use std::convert::Infallible;
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::watch;

/// The largest request body taken (7 MiB: a PutRecords of 5 MiB of data grows by a third in base64); a larger one is
/// answered 413 without being read.
pub const MAX_REQUEST_BYTES: usize = 7 * 1024 * 1024;

/// The content type of the Kinesis JSON protocol.
pub const AMZ_JSON: &str = "application/x-amz-json-1.1";

/// An answer's body: all at once, or an event stream.
pub type Body = BoxBody<Bytes, Infallible>;

/// What every connection shares: the simulation, the request identifiers, and two signals for the event streams
/// (simulated time may have moved; the server is stopping).
pub struct Shared {
    served: Mutex<Served>,
    ids: RequestIds,
    moved: watch::Sender<u64>,
    stopping: watch::Sender<bool>,
}

impl Shared {
    /// Shares `served`; request identifiers derive from `seed`.
    pub fn new(served: Served, seed: u64) -> Self {
        Shared {
            served: Mutex::new(served),
            ids: RequestIds::new(seed),
            moved: watch::Sender::new(0),
            stopping: watch::Sender::new(false),
        }
    }

    /// The simulation, for one request. A request that panicked (the engine is built never to) leaves the lock
    /// poisoned; the state is still served rather than taking every later request down with it.
    pub fn lock(&self) -> MutexGuard<'_, Served> {
        self.served.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Tells the event streams that simulated time may have moved.
    pub fn touch(&self) {
        self.moved.send_modify(|n| *n = n.wrapping_add(1));
    }

    /// Changes each time [`Shared::touch`] is called.
    pub fn moved(&self) -> watch::Receiver<u64> {
        self.moved.subscribe()
    }

    /// Ends every event stream.
    pub fn stop(&self) {
        self.stopping.send_replace(true);
    }

    /// Changes when the server stops.
    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.stopping.subscribe()
    }
}

/// Answers one request.
pub async fn answer(shared: Arc<Shared>, req: Request<Incoming>) -> Result<Response<Body>, Infallible> {
    let id = shared.ids.next();
    let origin = req.headers().contains_key(ORIGIN);
    let preflight = origin && req.method() == Method::OPTIONS;
    let mut response = if preflight { preflight_reply(&req) } else { route(&shared, req).await };
    shared.touch();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&id.request_id) {
        headers.insert("x-amzn-RequestId", v);
    }
    // A CORS preflight's answer has no x-amz-id-2.
    if !preflight {
        if let Ok(v) = HeaderValue::from_str(&id.id_2) {
            headers.insert("x-amz-id-2", v);
        }
    }
    if origin {
        headers.insert("access-control-allow-origin", HeaderValue::from_static("*"));
        if !preflight {
            headers.insert("access-control-expose-headers", HeaderValue::from_static("x-amz-request-id, x-amz-id-2"));
        }
    }
    Ok(response)
}

/// A CORS preflight (`OPTIONS` with an `Origin`): allowed, echoing what was asked, for 2 days.
fn preflight_reply(req: &Request<Incoming>) -> Response<Body> {
    let mut response = reply(StatusCode::OK, None, Bytes::new());
    let headers = response.headers_mut();
    for (asked, allowed) in [
        ("access-control-request-headers", "access-control-allow-headers"),
        ("access-control-request-method", "access-control-allow-methods"),
    ] {
        if let Some(v) = req.headers().get(asked) {
            headers.insert(HeaderName::from_static(allowed), v.clone());
        }
    }
    headers.insert("access-control-max-age", HeaderValue::from_static("172800"));
    headers.insert(CONTENT_LENGTH, HeaderValue::from_static("0"));
    response
}

async fn route(shared: &Arc<Shared>, req: Request<Incoming>) -> Response<Body> {
    let declared_length =
        req.headers().get(CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<u64>().ok());
    if declared_length.is_some_and(|n| n > MAX_REQUEST_BYTES as u64) {
        return reply(StatusCode::PAYLOAD_TOO_LARGE, None, Bytes::new());
    }
    let (parts, body) = req.into_parts();
    let body = match Limited::new(body, MAX_REQUEST_BYTES).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => {
            return reply(StatusCode::PAYLOAD_TOO_LARGE, None, Bytes::new())
        }
        Err(_) => return reply(StatusCode::BAD_REQUEST, None, Bytes::new()),
    };
    let path = parts.uri.path();
    if path.starts_with(control::PREFIX) || path == control::PREFIX.trim_end_matches('/') {
        let answer = control::handle(&mut shared.lock(), parts.method.as_str(), path, &body);
        let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = reply(status, Some("application/json"), Bytes::from(format!("{}\n", answer.body)));
        if let Some(allow) = answer.allow {
            response.headers_mut().insert(ALLOW, HeaderValue::from_static(allow));
        }
        return response;
    }
    let header = |name| parts.headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok());
    let authorization = header(AUTHORIZATION);
    let Some(protocol) = Protocol::of(header(CONTENT_TYPE)) else {
        let body = gate::no_protocol_body(parts.headers.contains_key(AUTHORIZATION));
        return reply(StatusCode::FORBIDDEN, None, Bytes::from_static(body.as_bytes()));
    };
    let target = header(HeaderName::from_static("x-amz-target")).unwrap_or("");
    let operation = target
        .strip_prefix(TARGET_PREFIX)
        .filter(|op| !op.contains('.') && (api::operation(op).is_some() || *op == api::SUBSCRIBE_TO_SHARD));
    let request = match protocol {
        Protocol::LegacyJson => return legacy_json(&body, operation.is_some()),
        _ if operation.is_none() => return error(protocol, 400, "UnknownOperationException", None),
        Protocol::Json => match serde_json::from_slice::<Value>(&body) {
            Ok(v) => v,
            Err(_) => return error(protocol, 400, "SerializationException", None),
        },
        Protocol::Cbor => match cbor::request_to_json(&body) {
            Ok(v) => v,
            Err(_) => return error(protocol, 400, "SerializationException", None),
        },
    };
    let has_date = parts.headers.contains_key("x-amz-date") || parts.headers.contains_key("date");
    if let Some(refusal) = gate::check_credentials(authorization, parts.uri.query().unwrap_or(""), has_date) {
        return error(protocol, 400, refusal.error_type, Some(&refusal.message));
    }
    let operation = operation.unwrap_or_default();
    if operation == api::SUBSCRIBE_TO_SHARD {
        let opened = shared.lock().subscribe(&request);
        return match opened {
            Ok(stream) => {
                let mut response = Response::new(subscribe::start(Arc::clone(shared), stream, protocol));
                response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(EVENT_STREAM));
                response
            }
            Err(e) => encoded(protocol, api::error_reply(&e)),
        };
    }
    let api_reply = shared.lock().call_value(target, &request);
    encoded(protocol, api_reply)
}

/// An API answer in the request's protocol.
fn encoded(protocol: Protocol, answer: api::HttpReply) -> Response<Body> {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    match protocol {
        Protocol::Cbor => reply(status, Some(AMZ_CBOR), Bytes::from(cbor::answer_text_to_cbor(&answer.body))),
        _ => reply(status, Some(AMZ_JSON), Bytes::from(answer.body)),
    }
}

/// `{"__type": ..., "message": ...}` (no message member when `None`), in the request's protocol.
fn error(protocol: Protocol, status: u16, error_type: &str, message: Option<&str>) -> Response<Body> {
    let mut body = json!({ "__type": error_type });
    if let Some(m) = message {
        body["message"] = json!(m);
    }
    encoded(protocol, api::HttpReply { status, body: body.to_string() })
}

/// `application/json`, the protocol before JSON 1.1: the service still answers, 200 with the error wrapped, and
/// serves no operation through it.
fn legacy_json(body: &[u8], known_operation: bool) -> Response<Body> {
    let serialization = known_operation && !body.is_empty() && serde_json::from_slice::<Value>(body).is_err();
    let output = if serialization {
        json!({"__type": "com.amazon.coral.service#SerializationException", "Message": null})
    } else {
        json!({"__type": "com.amazon.coral.service#UnknownOperationException", "message": null})
    };
    let body = json!({ "Output": output, "Version": "1.0" }).to_string();
    reply(StatusCode::OK, Some("application/json"), Bytes::from(body))
}

fn reply(status: StatusCode, content_type: Option<&'static str>, body: Bytes) -> Response<Body> {
    let mut response = Response::new(Full::new(body).boxed());
    *response.status_mut() = status;
    if let Some(ct) = content_type {
        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(ct));
    }
    response
}
