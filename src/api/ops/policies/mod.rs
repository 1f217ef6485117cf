//! Resource-based policies of streams (and, once they are simulated, consumers), by ARN: PutResourcePolicy,
//! GetResourcePolicy, DeleteResourcePolicy. The playground keeps the document and checks it is an IAM policy in
//! JSON; it does not evaluate it (every call here acts as the account's owner).

pub mod delete_resource_policy;
pub mod document;
pub mod get_resource_policy;
pub mod put_resource_policy;
