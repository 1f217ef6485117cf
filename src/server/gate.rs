//! The connection-level answers: what the service says before an operation runs, about the content type, the
//! target and the credentials. As kinesalite recorded them from the service (its `index.js` and
//! `test/connection.js`); signatures are parsed for their parts, never verified against a secret.
//!
//! | request | answer |
//! |---|---|
//! | a content type other than `application/x-amz-json-1.1`, `application/x-amz-cbor-1.1` or `application/json` (and any method but POST without one) | 403, no content type, `<AccessDeniedException>` XML with an Authorization header, `<MissingAuthenticationTokenException>` without |
//! | an unknown or missing `X-Amz-Target` | 400 `{"__type": "UnknownOperationException"}` |
//! | a body that does not parse | 400 `{"__type": "SerializationException"}` |
//! | both an Authorization header and `X-Amz-Algorithm` in the query | 400 `InvalidSignatureException` |
//! | neither | 400 `MissingAuthenticationTokenException`, "Missing Authentication Token" |
//! | an Authorization header without Credential, Signature or SignedHeaders, or no X-Amz-Date / Date header | 400 `IncompleteSignatureException`, each part missing named |
//! | query credentials missing a part | 400 `IncompleteSignatureException` |
//! | `application/json` (the protocol before JSON 1.1) | 200 `{"Output": {"__type": "com.amazon.coral.service#UnknownOperationException", ...}, "Version": "1.0"}` |

/// The three encodings a request can come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    /// `application/x-amz-json-1.1`.
    Json,
    /// `application/x-amz-cbor-1.1`.
    Cbor,
    /// `application/json`: the service answers it, but serves no operation through it.
    LegacyJson,
}

impl Protocol {
    /// The protocol of a `Content-Type` value (compared whole, as the service does), or `None`.
    pub fn of(content_type: Option<&str>) -> Option<Protocol> {
        match content_type? {
            super::http::AMZ_JSON => Some(Protocol::Json),
            super::cbor::AMZ_CBOR => Some(Protocol::Cbor),
            "application/json" => Some(Protocol::LegacyJson),
            _ => None,
        }
    }
}

/// The XML body (403) of a request with no protocol the service reads: whether it carried an Authorization header
/// decides which.
pub fn no_protocol_body(has_authorization: bool) -> &'static str {
    if has_authorization {
        "<AccessDeniedException>\n  <Message>Unable to determine service/operation name to be authorized</Message>\n\
         </AccessDeniedException>\n"
    } else {
        "<MissingAuthenticationTokenException>\n  <Message>Missing Authentication Token</Message>\n\
         </MissingAuthenticationTokenException>\n"
    }
}

/// A refusal of the credentials: the error type and message (status 400).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthRefusal {
    pub error_type: &'static str,
    pub message: String,
}

/// Checks the credentials' shape: the `Authorization` header, the query string (without `?`), and whether an
/// `X-Amz-Date` or `Date` header came. `None`: the request goes on (the signature itself is not checked).
pub fn check_credentials(authorization: Option<&str>, query: &str, has_date: bool) -> Option<AuthRefusal> {
    let params: Vec<(&str, &str)> =
        query.split('&').filter(|p| !p.is_empty()).map(|p| p.split_once('=').unwrap_or((p, ""))).collect();
    let query_value = |name: &str| params.iter().find(|(k, _)| *k == name).map(|(_, v)| *v);
    let query_auth = query_value("X-Amz-Algorithm").is_some();
    let refusal = |error_type, message: String| Some(AuthRefusal { error_type, message });
    match (authorization, query_auth) {
        (Some(_), true) => refusal(
            "InvalidSignatureException",
            "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.".into(),
        ),
        (None, false) => refusal("MissingAuthenticationTokenException", "Missing Authentication Token".into()),
        (Some(header), false) => {
            // `AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...`: the parts after the scheme,
            // separated by commas or spaces.
            let parts: Vec<(&str, &str)> = header
                .split([',', ' '])
                .skip(1)
                .filter(|p| !p.is_empty())
                .map(|p| p.trim().split_once('=').unwrap_or((p.trim(), "")))
                .collect();
            let mut message = String::new();
            for name in ["Credential", "Signature", "SignedHeaders"] {
                if !parts.iter().any(|(k, v)| *k == name && !v.is_empty()) {
                    message.push_str(&format!("Authorization header requires '{name}' parameter. "));
                }
            }
            if !has_date {
                message
                    .push_str("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
            }
            if message.is_empty() {
                return None;
            }
            message.push_str(&format!("Authorization={header}"));
            refusal("IncompleteSignatureException", message)
        }
        (None, true) => {
            let mut message = String::new();
            for name in ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"]
            {
                if query_value(name).is_none_or(str::is_empty) {
                    message.push_str(&format!("AWS query-string parameters must include '{name}'. "));
                }
            }
            if message.is_empty() {
                return None;
            }
            message.push_str("Re-examine the query-string parameters.");
            refusal("IncompleteSignatureException", message)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIGNED: &str = "AWS4-HMAC-SHA256 Credential=x/20240101/us-east-1/kinesis/aws4_request, \
                          SignedHeaders=content-type;host;x-amz-date, Signature=00ff";

    #[test]
    fn a_signed_request_goes_on_unverified() {
        assert_eq!(check_credentials(Some(SIGNED), "", true), None);
        let q = "X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-SignedHeaders=d&X-Amz-Date=e";
        assert_eq!(check_credentials(None, q, false), None);
    }

    #[test]
    fn missing_and_malformed_credentials_are_named() {
        let missing = check_credentials(None, "", true).expect("refused");
        assert_eq!(missing.error_type, "MissingAuthenticationTokenException");
        assert_eq!(missing.message, "Missing Authentication Token");
        let x = check_credentials(Some("X"), "", false).expect("refused");
        assert_eq!(x.error_type, "IncompleteSignatureException");
        assert_eq!(
            x.message,
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' \
             parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires \
             existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=X"
        );
        let two = check_credentials(Some("AWS4- Signature=b, Credential=a"), "", true).expect("refused");
        assert_eq!(
            two.message,
            "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4- Signature=b, Credential=a"
        );
        let both = check_credentials(Some(SIGNED), "X-Amz-Algorithm", true).expect("refused");
        assert_eq!(both.error_type, "InvalidSignatureException");
        let query =
            check_credentials(None, "X-Amz-Algorithm=a&X-Amz-Credential=b&X-Amz-Signature=c&X-Amz-Date=d", true)
                .expect("refused");
        assert_eq!(
            query.message,
            "AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters."
        );
        let no_algorithm = check_credentials(None, "X-Amz-Credential=a&X-Amz-Signature=b", true).expect("refused");
        assert_eq!(no_algorithm.error_type, "MissingAuthenticationTokenException");
    }

    #[test]
    fn the_content_type_is_compared_whole() {
        assert_eq!(Protocol::of(Some("application/x-amz-json-1.1")), Some(Protocol::Json));
        assert_eq!(Protocol::of(Some("application/x-amz-cbor-1.1")), Some(Protocol::Cbor));
        assert_eq!(Protocol::of(Some("application/json")), Some(Protocol::LegacyJson));
        assert_eq!(Protocol::of(Some("application/x-amz-json-1.0")), None);
        assert_eq!(Protocol::of(None), None);
        assert!(no_protocol_body(true).starts_with("<AccessDeniedException>"));
        assert!(no_protocol_body(false).starts_with("<MissingAuthenticationTokenException>"));
    }
}
