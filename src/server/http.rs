//! From HTTP requests to answers: the Kinesis protocol on `POST /`, the playground's endpoints under
//! `/_playground/`, and the headers every answer carries.

use super::control;
use super::request_id::RequestIds;
use super::served::Served;
use crate::api::TARGET_PREFIX;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, ALLOW, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use std::convert::Infallible;
use std::sync::{Arc, Mutex, MutexGuard};

/// The largest request body taken (7 MiB: a PutRecords of 5 MiB of data grows by a third in base64); a larger one is
/// answered 413 without being read.
pub const MAX_REQUEST_BYTES: usize = 7 * 1024 * 1024;

/// The content type of the Kinesis JSON protocol.
pub const AMZ_JSON: &str = "application/x-amz-json-1.1";

/// What every connection shares: the simulation and the request identifiers.
pub struct Shared {
    served: Mutex<Served>,
    ids: RequestIds,
}

impl Shared {
    /// Shares `served`; request identifiers derive from `seed`.
    pub fn new(served: Served, seed: u64) -> Self {
        Shared { served: Mutex::new(served), ids: RequestIds::new(seed) }
    }

    /// The simulation, for one request. A request that panicked (the engine is built never to) leaves the lock
    /// poisoned; the state is still served rather than taking every later request down with it.
    pub fn lock(&self) -> MutexGuard<'_, Served> {
        self.served.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// Answers one request.
pub async fn answer(shared: Arc<Shared>, req: Request<Incoming>) -> Result<Response<Full<Bytes>>, Infallible> {
    let id = shared.ids.next();
    let mut response = route(&shared, req).await;
    let headers = response.headers_mut();
    for (name, value) in [("x-amzn-RequestId", id.request_id), ("x-amz-id-2", id.id_2)] {
        if let Ok(v) = HeaderValue::from_str(&value) {
            headers.insert(name, v);
        }
    }
    Ok(response)
}

async fn route(shared: &Shared, req: Request<Incoming>) -> Response<Full<Bytes>> {
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
    if parts.method != Method::POST {
        // As kinesalite records the service's answer to a GET (or any method but POST).
        let body = "<AccessDeniedException>\n  <Message>Unable to determine service/operation name to be \
                    authorized</Message>\n</AccessDeniedException>\n";
        return reply(StatusCode::FORBIDDEN, None, Bytes::from_static(body.as_bytes()));
    }
    let target = parts.headers.get("x-amz-target").and_then(|v| v.to_str().ok()).unwrap_or("");
    // On the wire the service prefix is required (`api::dispatch` also takes a bare operation name).
    let target = if target.starts_with(TARGET_PREFIX) { target } else { "" };
    // Not UTF-8, so not JSON: the same answer as malformed JSON.
    let text = std::str::from_utf8(&body).unwrap_or("\u{0}");
    let api_reply = shared.lock().call(target, text);
    let status = StatusCode::from_u16(api_reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    reply(status, Some(AMZ_JSON), Bytes::from(api_reply.body))
}

fn reply(status: StatusCode, content_type: Option<&'static str>, body: Bytes) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    if let Some(ct) = content_type {
        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static(ct));
    }
    response
}
