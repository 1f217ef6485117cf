//! The CLI's shorthand syntax.

use kinesis_playground::cli::aws::shorthand::parse;
use serde_json::json;

#[test]
fn key_values_lists_and_nesting() {
    assert_eq!(parse("Data=aGk=,PartitionKey=1").unwrap(), json!({"Data": "aGk=", "PartitionKey": "1"}));
    assert_eq!(parse("StreamMode=ON_DEMAND").unwrap(), json!({"StreamMode": "ON_DEMAND"}));
    assert_eq!(parse("Key1=Value1,Key2=Value2").unwrap(), json!({"Key1": "Value1", "Key2": "Value2"}));
    assert_eq!(parse("K=a,b,c,L=d").unwrap(), json!({"K": ["a", "b", "c"], "L": "d"}));
    assert_eq!(parse("K=[a,b],M={x=1,y=[]}").unwrap(), json!({"K": ["a", "b"], "M": {"x": "1", "y": []}}));
    assert_eq!(parse("K='a,b',L=\"c=d\"").unwrap(), json!({"K": "a,b", "L": "c=d"}));
    assert_eq!(parse("K=a\\,b").unwrap(), json!({"K": "a,b"}));
    assert_eq!(parse("K=").unwrap(), json!({"K": ""}));
    assert_eq!(parse(" K = v ").unwrap(), json!({"K": "v"}));
    assert_eq!(parse("Data=a=b").unwrap(), json!({"Data": "a=b"}));
}

#[test]
fn errors_point_at_the_problem() {
    let e = parse("Data").unwrap_err();
    assert_eq!(e.message(), "Expected: '=', received: 'EOF' for input:\n Data\n    ^");
    let e = parse("K=[a,b").unwrap_err();
    assert_eq!(e.expected, "]");
    assert!(parse("=v").is_err());
    assert!(parse("K='open").is_err());
}
