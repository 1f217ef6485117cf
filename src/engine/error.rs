//! Errors that mirror the AWS error types, with AWS's message texts.
//!
//! The [`ErrorType`] names are exactly the `__type` values of the Kinesis JSON protocol. The message is the service's
//! own text; the explanation a learner sees beside it lives in [`ErrorType::explanation`], never inside the message.

use std::fmt;

/// The Kinesis (and generic AWS JSON protocol) error types the playground can answer with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorType {
    ResourceNotFound,
    ResourceInUse,
    InvalidArgument,
    LimitExceeded,
    ProvisionedThroughputExceeded,
    ExpiredIterator,
    ExpiredNextToken,
    Validation,
    Serialization,
    UnknownOperation,
    AccessDenied,
    InternalFailure,
}

impl ErrorType {
    /// Every error type, in a stable order.
    pub const ALL: [ErrorType; 12] = [
        ErrorType::ResourceNotFound,
        ErrorType::ResourceInUse,
        ErrorType::InvalidArgument,
        ErrorType::LimitExceeded,
        ErrorType::ProvisionedThroughputExceeded,
        ErrorType::ExpiredIterator,
        ErrorType::ExpiredNextToken,
        ErrorType::Validation,
        ErrorType::Serialization,
        ErrorType::UnknownOperation,
        ErrorType::AccessDenied,
        ErrorType::InternalFailure,
    ];

    /// The wire name (`__type`), e.g. `ResourceNotFoundException`.
    pub fn aws_name(self) -> &'static str {
        match self {
            ErrorType::ResourceNotFound => "ResourceNotFoundException",
            ErrorType::ResourceInUse => "ResourceInUseException",
            ErrorType::InvalidArgument => "InvalidArgumentException",
            ErrorType::LimitExceeded => "LimitExceededException",
            ErrorType::ProvisionedThroughputExceeded => "ProvisionedThroughputExceededException",
            ErrorType::ExpiredIterator => "ExpiredIteratorException",
            ErrorType::ExpiredNextToken => "ExpiredNextTokenException",
            ErrorType::Validation => "ValidationException",
            ErrorType::Serialization => "SerializationException",
            ErrorType::UnknownOperation => "UnknownOperationException",
            ErrorType::AccessDenied => "AccessDeniedException",
            ErrorType::InternalFailure => "InternalFailure",
        }
    }

    /// Looks an error type up by its wire name.
    pub fn from_aws_name(name: &str) -> Option<ErrorType> {
        ErrorType::ALL.into_iter().find(|t| t.aws_name() == name)
    }

    /// The HTTP status the service answers with: 500 for internal failures, 400 for everything else.
    pub fn http_status(self) -> u16 {
        match self {
            ErrorType::InternalFailure => 500,
            _ => 400,
        }
    }

    /// One line, for learners, on why this kind of error happens. Shown beside the AWS message, never inside it.
    pub fn explanation(self) -> &'static str {
        match self {
            ErrorType::ResourceNotFound => {
                "The stream or shard named in the request does not exist, or is not ready yet (a stream still CREATING cannot take records)."
            }
            ErrorType::ResourceInUse => {
                "The stream exists but is busy: it must be ACTIVE for this change, or the name is already taken."
            }
            ErrorType::InvalidArgument => {
                "The request was well formed, but a value in it does not make sense for the current state of the stream."
            }
            ErrorType::LimitExceeded => {
                "A quota was reached: too many shards, too many changes in a short time, or the playground's record cap."
            }
            ErrorType::ProvisionedThroughputExceeded => {
                "A shard takes at most 1,000 records a second and 1 MiB a second on average in (its write tank holds 10 MiB for bursts), and 2 MiB or 5 reads a second out; slow down or add shards."
            }
            ErrorType::ExpiredIterator => {
                "Shard iterators are valid for 300 seconds; ask for a new one with get-shard-iterator (or use the NextShardIterator you were given)."
            }
            ErrorType::ExpiredNextToken => "Pagination tokens expire; start the listing again without the token.",
            ErrorType::Validation => {
                "A parameter broke a rule of the API's model (a length, a pattern, an allowed value); the service checked it before doing anything."
            }
            ErrorType::Serialization => "A parameter had the wrong JSON type (for example text where a number belongs).",
            ErrorType::UnknownOperation => "Kinesis has no operation by that name.",
            ErrorType::AccessDenied => "The caller is not allowed to do this.",
            ErrorType::InternalFailure => "The service failed; retrying usually helps.",
        }
    }
}

impl fmt::Display for ErrorType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.aws_name())
    }
}

/// An error as the service returns it: a type and AWS's message text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KinesisError {
    pub error_type: ErrorType,
    pub message: String,
}

impl KinesisError {
    /// An error of the given type with the given message.
    pub fn new(error_type: ErrorType, message: impl Into<String>) -> Self {
        KinesisError { error_type, message: message.into() }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorType::ResourceNotFound, message)
    }

    pub fn in_use(message: impl Into<String>) -> Self {
        Self::new(ErrorType::ResourceInUse, message)
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorType::InvalidArgument, message)
    }

    pub fn limit(message: impl Into<String>) -> Self {
        Self::new(ErrorType::LimitExceeded, message)
    }

    pub fn validation(message: impl Into<String>) -> Self {
        Self::new(ErrorType::Validation, message)
    }

    pub fn serialization(message: impl Into<String>) -> Self {
        Self::new(ErrorType::Serialization, message)
    }
}

impl fmt::Display for KinesisError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.error_type.aws_name(), self.message)
    }
}

impl std::error::Error for KinesisError {}

/// The result of an engine or API operation.
pub type KinesisResult<T> = Result<T, KinesisError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_statuses() {
        for t in ErrorType::ALL {
            assert_eq!(ErrorType::from_aws_name(t.aws_name()), Some(t));
            assert!(!t.explanation().is_empty());
        }
        assert_eq!(ErrorType::InternalFailure.http_status(), 500);
        assert_eq!(ErrorType::ResourceNotFound.http_status(), 400);
        assert_eq!(ErrorType::from_aws_name("Nope"), None);
    }
}
