//! Network exposure: `network-no-public-ingress`.
//!
//! Arguments: `port` (number, required), `scope` (`"internet"`, the default: only sources of
//! prefix length 0 such as `0.0.0.0/0` and `::/0`; or `"public"`: any source not entirely inside
//! private or reserved space) and `resource_type` (optional: the resource type, when the engine
//! knows it; otherwise the shape is recognised from the attributes).
//!
//! Resource shapes read:
//! - `aws_security_group` (and `aws_default_security_group`) `ingress` blocks: `protocol`,
//!   `from_port`, `to_port`, `cidr_blocks`, `ipv6_cidr_blocks`;
//! - `aws_security_group_rule`: the same plus `type` (`egress` never opens ingress);
//! - `aws_vpc_security_group_ingress_rule`: `ip_protocol`, `from_port`, `to_port`, `cidr_ipv4`,
//!   `cidr_ipv6`;
//! - `aws_network_acl_rule` (`egress`, `rule_action`, `protocol`, ports, `cidr_block`,
//!   `ipv6_cidr_block`) and `aws_network_acl` / `aws_default_network_acl` `ingress` blocks
//!   (`action`, `rule_no`, ...): only `allow` opens, and a lower-numbered `deny` entry covering
//!   the port from a containing range shadows it;
//! - `azurerm_network_security_rule` and `azurerm_network_security_group` `security_rule` blocks:
//!   `direction` Inbound, `access` Allow, `protocol`, `destination_port_range(s)`,
//!   `source_address_prefix(es)` (`*`, `Internet`, `Any` count as the internet), and within a
//!   group a higher-priority `Deny` rule shadows an `Allow`;
//! - `google_compute_firewall`: `direction` (default INGRESS), `disabled`, `allow` blocks with
//!   `protocol` and `ports` (none = every port), `source_ranges` (an ingress rule with no
//!   `source_ranges`, `source_tags` or `source_service_accounts` gets `0.0.0.0/0`).
//!
//! Protocols `-1` / `all` / `*` cover every port (Azure `*` still limited by its port ranges);
//! `tcp` / `6` and `udp` / `17` cover their port range; any other protocol (ICMP, ESP, ...) never
//! covers a TCP or UDP port.

use super::{arg_str, block_elements, check_arg_names, combine, Elements, Hit, Verdict};
use crate::value::{Kind, Map, Tri, Value};
use std::net::{Ipv4Addr, Ipv6Addr};

mod aws;
mod azure;
mod cidr;
mod entries;
mod google;
mod values;

use aws::*;
use azure::*;
use cidr::*;
pub use cidr::{cidr_is_internet, cidr_is_public, port_range_covers};
use entries::*;
use google::*;
use values::*;

const NAME: &str = "network-no-public-ingress";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Internet,
    Public,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    SecurityGroup,
    SecurityGroupRule,
    VpcIngressRule,
    NetworkAclRule,
    NetworkAcl,
    /// `ingress` blocks of unknown kind: each is read as a security group or network ACL entry
    /// by its attributes.
    IngressBlocks,
    AzureRule,
    AzureGroup,
    GoogleFirewall,
    /// Nothing this builtin reads.
    Unrecognised,
}

struct Opts {
    port: i64,
    scope: Scope,
}

fn parse_args(args: &Map) -> Result<(Opts, Option<Shape>), String> {
    check_arg_names(NAME, args, &["port", "scope", "resource_type"])?;
    let port = match args.get("port") {
        None => return Err(format!("builtin `{NAME}` needs argument `port` (a port number)")),
        Some(v) => v
            .as_number()
            .filter(|n| n.fract() == 0.0 && (0.0..=65535.0).contains(n))
            .map(|n| n as i64)
            .ok_or_else(|| {
                format!(
                    "builtin `{NAME}`: argument `port` must be a port number from 0 to 65535, not {}",
                    v.display()
                )
            })?,
    };
    let scope = match arg_str(NAME, args, "scope")? {
        None | Some("internet") => Scope::Internet,
        Some("public") => Scope::Public,
        Some(other) => {
            return Err(format!(
            "builtin `{NAME}`: argument `scope` must be \"internet\" or \"public\", not {other:?}"
        ))
        }
    };
    let shape = match arg_str(NAME, args, "resource_type")? {
        None => None,
        Some(t) => Some(match t {
            "aws_security_group" | "aws_default_security_group" => Shape::SecurityGroup,
            "aws_security_group_rule" => Shape::SecurityGroupRule,
            "aws_vpc_security_group_ingress_rule" => Shape::VpcIngressRule,
            "aws_network_acl_rule" => Shape::NetworkAclRule,
            "aws_network_acl" | "aws_default_network_acl" => Shape::NetworkAcl,
            "azurerm_network_security_rule" => Shape::AzureRule,
            "azurerm_network_security_group" => Shape::AzureGroup,
            "google_compute_firewall" => Shape::GoogleFirewall,
            other => {
                return Err(format!(
                    "builtin `{NAME}` does not read resources of type `{other}`"
                ))
            }
        }),
    };
    Ok((Opts { port, scope }, shape))
}

/// The shape of a resource from its attributes, for when the engine does not pass its type.
fn detect(r: &Map) -> Shape {
    let has = |keys: &[&str]| keys.iter().any(|k| r.contains_key(*k));
    if has(&["security_rule"]) {
        Shape::AzureGroup
    } else if has(&[
        "access",
        "source_address_prefix",
        "source_address_prefixes",
        "destination_port_range",
        "destination_port_ranges",
    ]) {
        Shape::AzureRule
    } else if has(&[
        "allow",
        "deny",
        "source_ranges",
        "source_tags",
        "source_service_accounts",
    ]) {
        Shape::GoogleFirewall
    } else if has(&["rule_action", "rule_number", "network_acl_id"]) {
        Shape::NetworkAclRule
    } else if has(&[
        "ip_protocol",
        "cidr_ipv4",
        "cidr_ipv6",
        "referenced_security_group_id",
    ]) {
        Shape::VpcIngressRule
    } else if has(&["type"]) && has(&["from_port", "to_port", "protocol", "cidr_blocks"]) {
        Shape::SecurityGroupRule
    } else if has(&["ingress"]) {
        Shape::IngressBlocks
    } else {
        Shape::Unrecognised
    }
}

/// `network-no-public-ingress`: no ingress rule of the resource opens `port` to the internet
/// (or, with `scope = "public"`, to any public address).
pub fn no_public_ingress(resource: &Value, args: &Map) -> Result<Verdict, String> {
    let (opts, shape) = parse_args(args)?;
    let Some(map) = resource.as_object() else {
        return Ok(Verdict::unknown(
            None,
            "the resource is known only after apply",
        ));
    };
    let shape = shape.unwrap_or_else(|| detect(map));
    let mut hits = Vec::new();
    let mut entries = Vec::new();
    match shape {
        Shape::SecurityGroup => {
            ingress_blocks(resource, Some(false), &opts, &mut entries, &mut hits)
        }
        Shape::NetworkAcl => ingress_blocks(resource, Some(true), &opts, &mut entries, &mut hits),
        Shape::IngressBlocks => ingress_blocks(resource, None, &opts, &mut entries, &mut hits),
        Shape::SecurityGroupRule => entries.push(aws_entry(resource, "", &SG_RULE, &opts)),
        Shape::VpcIngressRule => entries.push(aws_entry(resource, "", &VPC_RULE, &opts)),
        Shape::NetworkAclRule => entries.push(aws_entry(resource, "", &NACL_RULE, &opts)),
        Shape::AzureRule => entries.push(azure_entry(resource, "", &opts)),
        Shape::AzureGroup => match block_elements(resource, "security_rule", "") {
            Elements::Unknown => hits.push(Hit::unknown(
                Some("security_rule".to_string()),
                "the security rules are known only after apply",
            )),
            Elements::Known(rules) => {
                for (path, rule) in rules {
                    if rule.as_object().is_some() {
                        entries.push(azure_entry(rule, &path, &opts));
                    } else {
                        hits.push(element_unknown(path));
                    }
                }
            }
        },
        Shape::GoogleFirewall => google_entries(resource, &opts, &mut entries, &mut hits),
        Shape::Unrecognised => {}
    }
    hits.extend(evaluate(&entries, &opts));
    Ok(combine(hits))
}

fn element_unknown(path: String) -> Hit {
    let detail = format!("{path} is known only after apply");
    Hit::unknown(Some(path), detail)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn args(port: i64, scope: Option<&str>) -> Map {
        let mut m = Map::new();
        m.insert("port".into(), Value::number(port as f64));
        if let Some(s) = scope {
            m.insert("scope".into(), Value::string(s));
        }
        m
    }

    fn check(r: serde_json::Value, port: i64) -> Verdict {
        no_public_ingress(&Value::from_json(&r), &args(port, None)).unwrap()
    }

    fn check_public(r: serde_json::Value, port: i64) -> Verdict {
        no_public_ingress(&Value::from_json(&r), &args(port, Some("public"))).unwrap()
    }

    fn with(value: Value, key: &str, v: Value) -> Value {
        let mut m = value.as_object().cloned().unwrap();
        m.insert(key.into(), v);
        Value::object(m)
    }

    // ----- helpers ---------------------------------------------------------------------------

    #[test]
    fn cidr_helpers() {
        assert_eq!(cidr_is_internet("0.0.0.0/0"), Some(true));
        assert_eq!(cidr_is_internet(" ::/0 "), Some(true));
        assert_eq!(cidr_is_internet("10.0.0.0/8"), Some(false));
        assert_eq!(cidr_is_internet("8.8.8.8"), Some(false));
        assert_eq!(cidr_is_internet("Internet"), None);
        assert_eq!(cidr_is_internet("10.0.0.0/33"), None);
        assert_eq!(cidr_is_internet("10.0.0.0/"), None);
        assert_eq!(cidr_is_internet("10.0.0.0/+8"), None);
        assert_eq!(cidr_is_internet(""), None);

        for private in [
            "10.0.0.0/8",
            "10.1.2.0/24",
            "172.16.0.0/12",
            "172.31.255.0/24",
            "192.168.1.1",
            "100.64.0.0/10",
            "127.0.0.1/32",
            "169.254.169.254",
            "fd00::/8",
            "fe80::1/64",
            "::1",
            "::1/128",
            "::ffff:10.0.0.0/104",
        ] {
            assert_eq!(cidr_is_public(private), Some(false), "{private}");
        }
        for public in [
            "0.0.0.0/0",
            "::/0",
            "8.8.8.0/24",
            "10.0.0.0/7",
            "172.32.0.0/16",
            "100.128.0.0/10",
            "2001:db8::/32",
            "::ffff:8.8.8.8/128",
        ] {
            assert_eq!(cidr_is_public(public), Some(true), "{public}");
        }
        assert_eq!(cidr_is_public("VirtualNetwork"), None);

        assert!(port_range_covers(0, 65535, 22));
        assert!(port_range_covers(22, 22, 22));
        assert!(!port_range_covers(20, 21, 22));
        assert!(!port_range_covers(23, 22, 22));
    }

    #[test]
    fn net_containment() {
        let n = |s: &str| parse_cidr(s).unwrap();
        assert!(n("0.0.0.0/0").contains(n("1.2.3.4/32")));
        assert!(n("10.0.0.0/8").contains(n("10.1.0.0/16")));
        assert!(!n("10.1.0.0/16").contains(n("10.0.0.0/8")));
        assert!(!n("0.0.0.0/0").contains(n("::/0")));
        assert!(n("10.0.0.5/8").contains(n("10.9.9.9")));
    }

    // ----- aws_security_group ----------------------------------------------------------------

    fn sg(ingress: serde_json::Value) -> serde_json::Value {
        json!({"name": "sg", "ingress": ingress, "egress": [
            {"from_port": 0, "to_port": 0, "protocol": "-1", "cidr_blocks": ["0.0.0.0/0"]}
        ]})
    }

    #[test]
    fn security_group_ingress() {
        let r = sg(json!([
            {"from_port": 443, "to_port": 443, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]},
            {"from_port": 0, "to_port": 65535, "protocol": "tcp", "cidr_blocks": ["10.0.0.0/8", "0.0.0.0/0"]}
        ]));
        let o = check(r.clone(), 22);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("ingress.1.cidr_blocks"));
        assert_eq!(
            o.detail.as_deref(),
            Some("ingress from 0.0.0.0/0 to port 22 (ports 0-65535, protocol tcp)")
        );
        let o = check(r, 443);
        assert_eq!(o.attribute.as_deref(), Some("ingress.0.cidr_blocks"));
        assert_eq!(
            o.detail.as_deref(),
            Some("ingress from 0.0.0.0/0 to port 443 (protocol tcp)")
        );
    }

    #[test]
    fn port_ranges_and_protocols() {
        let one = |p: serde_json::Value, from: serde_json::Value, to: serde_json::Value| {
            sg(
                json!([{"from_port": from, "to_port": to, "protocol": p, "cidr_blocks": ["0.0.0.0/0"]}]),
            )
        };
        assert_eq!(
            check(one(json!("tcp"), json!(20), json!(21)), 22).result,
            Tri::True
        );
        assert_eq!(
            check(one(json!("tcp"), json!(23), json!(30)), 22).result,
            Tri::True
        );
        assert_eq!(
            check(one(json!("tcp"), json!("20"), json!("30")), 22).result,
            Tri::False
        );
        assert_eq!(
            check(one(json!("6"), json!(22), json!(22)), 22).result,
            Tri::False
        );
        assert_eq!(
            check(one(json!("udp"), json!(0), json!(100)), 22).result,
            Tri::False
        );
        assert_eq!(
            check(one(json!(17), json!(0), json!(100)), 22).result,
            Tri::False
        );
        assert_eq!(
            check(one(json!("TCP"), json!(22), json!(22)), 22).result,
            Tri::False
        );
        let o = check(one(json!("-1"), json!(0), json!(0)), 22);
        assert_eq!(o.result, Tri::False);
        assert_eq!(
            o.detail.as_deref(),
            Some("ingress from 0.0.0.0/0 to port 22 (all ports, protocol -1)")
        );
        assert_eq!(
            check(one(json!(-1), json!(0), json!(0)), 3389).result,
            Tri::False
        );
        assert_eq!(
            check(one(json!("all"), json!(0), json!(0)), 22).result,
            Tri::False
        );
        assert_eq!(
            check(one(json!("icmp"), json!(-1), json!(-1)), 22).result,
            Tri::True
        );
        assert_eq!(
            check(one(json!("icmp"), json!(0), json!(65535)), 22).result,
            Tri::True
        );
        assert_eq!(
            check(one(json!("58"), json!(0), json!(65535)), 22).result,
            Tri::True
        );
    }

    #[test]
    fn ipv6_internet() {
        let r = sg(json!([{"from_port": 22, "to_port": 22, "protocol": "tcp",
            "cidr_blocks": ["10.0.0.0/8"], "ipv6_cidr_blocks": ["::/0"]}]));
        let o = check(r, 22);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("ingress.0.ipv6_cidr_blocks"));
        assert_eq!(
            o.detail.as_deref(),
            Some("ingress from ::/0 to port 22 (protocol tcp)")
        );
    }

    #[test]
    fn scopes() {
        let r = |cidr: &str| {
            sg(json!([{"from_port": 22, "to_port": 22, "protocol": "tcp", "cidr_blocks": [cidr]}]))
        };
        assert_eq!(check(r("10.0.0.0/8"), 22).result, Tri::True);
        assert_eq!(check_public(r("10.0.0.0/8"), 22).result, Tri::True);
        assert_eq!(check(r("8.8.8.0/24"), 22).result, Tri::True);
        assert_eq!(check_public(r("8.8.8.0/24"), 22).result, Tri::False);
        assert_eq!(check_public(r("0.0.0.0/0"), 22).result, Tri::False);
        assert_eq!(check_public(r("192.168.0.0/16"), 22).result, Tri::True);
        // Not a CIDR: cannot judge.
        assert_eq!(check(r("somewhere"), 22).result, Tri::Unknown);
    }

    #[test]
    fn security_group_without_cidr_sources_or_ingress() {
        let r = sg(json!([{"from_port": 22, "to_port": 22, "protocol": "tcp",
            "security_groups": ["sg-1"], "self": true}]));
        assert_eq!(check(r, 22).result, Tri::True);
        assert_eq!(check(json!({"name": "x"}), 22).result, Tri::True);
        assert_eq!(check(sg(json!([])), 22).result, Tri::True);
        // Plan JSON style nulls.
        let r = sg(json!([{"from_port": 22, "to_port": 22, "protocol": "tcp",
            "cidr_blocks": null, "ipv6_cidr_blocks": [], "prefix_list_ids": []}]));
        assert_eq!(check(r, 22).result, Tri::True);
    }

    #[test]
    fn single_block_as_object() {
        let r = json!({"ingress": {"from_port": 22, "to_port": 22, "protocol": "tcp",
            "cidr_blocks": ["0.0.0.0/0"]}});
        let o = check(r, 22);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("ingress.cidr_blocks"));
    }

    #[test]
    fn unknowns() {
        let base = Value::from_json(&json!({"from_port": 22, "to_port": 22, "protocol": "tcp"}));
        let resource = |block: Value| {
            let mut m = Map::new();
            m.insert("ingress".into(), Value::list(vec![block]));
            Value::object(m)
        };
        let run = |r: &Value| no_public_ingress(r, &args(22, None)).unwrap();

        // Unknown CIDR list, unknown CIDR element.
        let o = run(&resource(with(
            base.clone(),
            "cidr_blocks",
            Value::unknown("var"),
        )));
        assert_eq!(o.result, Tri::Unknown);
        assert_eq!(o.attribute.as_deref(), Some("ingress.0.cidr_blocks"));
        assert_eq!(
            o.detail.as_deref(),
            Some("cannot tell whether ingress.0 opens port 22")
        );
        let o = run(&resource(with(
            base.clone(),
            "cidr_blocks",
            Value::list(vec![Value::unknown("var")]),
        )));
        assert_eq!(o.result, Tri::Unknown);

        // Unknown ports: unknown when the CIDR is open, compliant when it is not.
        let open = with(
            base.clone(),
            "cidr_blocks",
            Value::from_json(&json!(["0.0.0.0/0"])),
        );
        let closed = with(
            base.clone(),
            "cidr_blocks",
            Value::from_json(&json!(["10.0.0.0/8"])),
        );
        assert_eq!(
            run(&resource(with(
                open.clone(),
                "to_port",
                Value::unknown("v")
            )))
            .result,
            Tri::Unknown
        );
        assert_eq!(
            run(&resource(with(
                closed.clone(),
                "to_port",
                Value::unknown("v")
            )))
            .result,
            Tri::True
        );
        // from_port above the port decides even with to_port unknown.
        let above = with(open.clone(), "from_port", Value::number(80.0));
        assert_eq!(
            run(&resource(with(above, "to_port", Value::unknown("v")))).result,
            Tri::True
        );
        // Unknown protocol.
        assert_eq!(
            run(&resource(with(
                open.clone(),
                "protocol",
                Value::unknown("v")
            )))
            .result,
            Tri::Unknown
        );

        // Unknown blocks, unknown block element.
        let mut m = Map::new();
        m.insert("ingress".into(), Value::unknown("dynamic"));
        let o = run(&Value::object(m));
        assert_eq!(o.result, Tri::Unknown);
        assert_eq!(o.attribute.as_deref(), Some("ingress"));
        let mut m = Map::new();
        m.insert("ingress".into(), Value::list(vec![Value::unknown("x")]));
        assert_eq!(run(&Value::object(m)).result, Tri::Unknown);

        // A known violation wins over unknown parts.
        let mut m = Map::new();
        m.insert(
            "ingress".into(),
            Value::list(vec![
                Value::unknown("x"),
                with(closed, "cidr_blocks", Value::unknown("v")),
                open,
            ]),
        );
        let o = run(&Value::object(m));
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("ingress.2.cidr_blocks"));

        // The whole resource unknown.
        assert_eq!(run(&Value::unknown("r")).result, Tri::Unknown);
    }

    // ----- aws_security_group_rule -----------------------------------------------------------

    #[test]
    fn security_group_rule() {
        let rule = |t: serde_json::Value| {
            json!({"type": t, "from_port": 0, "to_port": 65535, "protocol": "tcp",
                "cidr_blocks": ["0.0.0.0/0"], "security_group_id": "sg-1"})
        };
        let o = check(rule(json!("ingress")), 22);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("cidr_blocks"));
        assert_eq!(check(rule(json!("egress")), 22).result, Tri::True);
        let r = with(
            Value::from_json(&rule(json!("x"))),
            "type",
            Value::unknown("v"),
        );
        let o = no_public_ingress(&r, &args(22, None)).unwrap();
        assert_eq!(o.result, Tri::Unknown);
        assert_eq!(
            o.detail.as_deref(),
            Some("cannot tell whether the rule opens port 22")
        );
        let ipv6 = json!({"type": "ingress", "from_port": 22, "to_port": 22, "protocol": "6",
            "ipv6_cidr_blocks": ["::/0"], "security_group_id": "sg-1"});
        assert_eq!(check(ipv6, 22).result, Tri::False);
    }

    // ----- aws_vpc_security_group_ingress_rule -----------------------------------------------

    #[test]
    fn vpc_ingress_rule() {
        let r = json!({"security_group_id": "sg-1", "ip_protocol": "tcp", "from_port": 22,
            "to_port": 22, "cidr_ipv4": "0.0.0.0/0"});
        let o = check(r, 22);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("cidr_ipv4"));
        let r = json!({"security_group_id": "sg-1", "ip_protocol": "-1", "cidr_ipv6": "::/0"});
        let o = check(r, 5432);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("cidr_ipv6"));
        let r = json!({"security_group_id": "sg-1", "ip_protocol": "tcp", "from_port": 443,
            "to_port": 443, "cidr_ipv4": "0.0.0.0/0"});
        assert_eq!(check(r, 22).result, Tri::True);
        let r = json!({"security_group_id": "sg-1", "ip_protocol": "tcp", "from_port": 22,
            "to_port": 22, "referenced_security_group_id": "sg-2"});
        assert_eq!(check(r, 22).result, Tri::True);
        let r = json!({"ip_protocol": "icmpv6", "cidr_ipv6": "::/0"});
        assert_eq!(check(r, 22).result, Tri::True);
    }

    // ----- network ACLs ----------------------------------------------------------------------

    #[test]
    fn network_acl_rule() {
        let rule = |egress: serde_json::Value, action: &str| {
            json!({"network_acl_id": "acl-1", "rule_number": 100, "egress": egress,
                "protocol": "tcp", "rule_action": action, "cidr_block": "0.0.0.0/0",
                "from_port": 22, "to_port": 22})
        };
        let o = check(rule(json!(false), "allow"), 22);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("cidr_block"));
        assert_eq!(check(rule(json!(null), "allow"), 22).result, Tri::False);
        assert_eq!(check(rule(json!(true), "allow"), 22).result, Tri::True);
        assert_eq!(check(rule(json!(false), "deny"), 22).result, Tri::True);
        let r = with(
            Value::from_json(&rule(json!(false), "allow")),
            "egress",
            Value::unknown("v"),
        );
        assert_eq!(
            no_public_ingress(&r, &args(22, None)).unwrap().result,
            Tri::Unknown
        );
        let all = json!({"network_acl_id": "acl-1", "rule_number": 100, "protocol": "-1",
            "rule_action": "allow", "ipv6_cidr_block": "::/0", "from_port": 0, "to_port": 0});
        let o = check(all, 3389);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("ipv6_cidr_block"));
    }

    fn nacl(ingress: serde_json::Value) -> serde_json::Value {
        json!({"vpc_id": "vpc-1", "ingress": ingress, "egress": [
            {"rule_no": 100, "action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}
        ]})
    }

    #[test]
    fn network_acl_blocks() {
        let r = nacl(json!([
            {"rule_no": 100, "action": "allow", "protocol": "tcp", "cidr_block": "10.0.0.0/8", "from_port": 22, "to_port": 22},
            {"rule_no": 200, "action": "allow", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 1024}
        ]));
        let o = check(r, 22);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("ingress.1.cidr_block"));
        let r = nacl(json!([
            {"rule_no": 100, "action": "deny", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}
        ]));
        assert_eq!(check(r, 22).result, Tri::True);
    }

    #[test]
    fn network_acl_deny_ahead_shadows_allow() {
        let r = nacl(json!([
            {"rule_no": 100, "action": "deny", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22},
            {"rule_no": 200, "action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}
        ]));
        assert_eq!(check(r.clone(), 22).result, Tri::True);
        // Port 80 is not denied.
        assert_eq!(check(r, 80).result, Tri::False);
        // A deny after the allow does not shadow it.
        let r = nacl(json!([
            {"rule_no": 300, "action": "deny", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22},
            {"rule_no": 200, "action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}
        ]));
        assert_eq!(check(r, 22).result, Tri::False);
        // A deny of a smaller range does not shadow a wider allow.
        let r = nacl(json!([
            {"rule_no": 100, "action": "deny", "protocol": "tcp", "cidr_block": "1.0.0.0/8", "from_port": 22, "to_port": 22},
            {"rule_no": 200, "action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}
        ]));
        assert_eq!(check(r, 22).result, Tri::False);
        // A deny with an unknown rule number: cannot tell.
        let deny = with(
            Value::from_json(
                &json!({"action": "deny", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}),
            ),
            "rule_no",
            Value::unknown("v"),
        );
        let allow = Value::from_json(&json!({"rule_no": 200, "action": "allow", "protocol": "-1",
            "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}));
        let mut m = Map::new();
        m.insert("ingress".into(), Value::list(vec![deny, allow]));
        let o = no_public_ingress(&Value::object(m), &args(22, None)).unwrap();
        assert_eq!(o.result, Tri::Unknown);
    }

    // ----- Azure -----------------------------------------------------------------------------

    fn azure_rule(extra: serde_json::Value) -> serde_json::Value {
        let mut base = json!({
            "name": "ssh", "priority": 100, "direction": "Inbound", "access": "Allow",
            "protocol": "Tcp", "source_port_range": "*", "destination_port_range": "22",
            "source_address_prefix": "*", "destination_address_prefix": "*",
            "resource_group_name": "rg", "network_security_group_name": "nsg"
        });
        if let (Some(b), Some(e)) = (base.as_object_mut(), extra.as_object()) {
            for (k, v) in e {
                b.insert(k.clone(), v.clone());
            }
        }
        base
    }

    #[test]
    fn azure_network_security_rule() {
        let o = check(azure_rule(json!({})), 22);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("source_address_prefix"));
        assert_eq!(
            o.detail.as_deref(),
            Some("inbound from * to port 22 (protocol Tcp)")
        );
        for prefix in ["Internet", "Any", "0.0.0.0/0", "internet"] {
            let r = azure_rule(json!({"source_address_prefix": prefix}));
            assert_eq!(check(r, 22).result, Tri::False, "{prefix}");
        }
        for prefix in ["VirtualNetwork", "AzureLoadBalancer", "10.0.0.0/16"] {
            let r = azure_rule(json!({"source_address_prefix": prefix}));
            assert_eq!(check(r, 22).result, Tri::True, "{prefix}");
        }
        assert_eq!(
            check(azure_rule(json!({"direction": "Outbound"})), 22).result,
            Tri::True
        );
        assert_eq!(
            check(azure_rule(json!({"access": "Deny"})), 22).result,
            Tri::True
        );
        assert_eq!(
            check(azure_rule(json!({"protocol": "Icmp"})), 22).result,
            Tri::True
        );
        assert_eq!(
            check(azure_rule(json!({"protocol": "*"})), 22).result,
            Tri::False
        );
        assert_eq!(
            check(
                azure_rule(json!({"protocol": "*", "destination_port_range": "80"})),
                22
            )
            .result,
            Tri::True
        );
        assert_eq!(
            check(azure_rule(json!({"destination_port_range": "20-30"})), 22).result,
            Tri::False
        );
        assert_eq!(
            check(azure_rule(json!({"destination_port_range": "*"})), 3389).result,
            Tri::False
        );
        assert_eq!(
            check(azure_rule(json!({"destination_port_range": "20-21"})), 22).result,
            Tri::True
        );
        let r = azure_rule(json!({"destination_port_range": null,
            "destination_port_ranges": ["80", "443", "3000-4000"]}));
        assert_eq!(check(r.clone(), 3389).result, Tri::False);
        assert_eq!(check(r, 22).result, Tri::True);
        let r = azure_rule(json!({"source_address_prefix": null,
            "source_address_prefixes": ["10.0.0.0/8", "8.8.8.0/24"]}));
        assert_eq!(check(r.clone(), 22).result, Tri::True);
        let o = check_public(r, 22);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("source_address_prefixes"));
        // Unknown direction: cannot tell.
        let r = with(
            Value::from_json(&azure_rule(json!({}))),
            "direction",
            Value::unknown("v"),
        );
        assert_eq!(
            no_public_ingress(&r, &args(22, None)).unwrap().result,
            Tri::Unknown
        );
        // Unknown port range.
        let r = with(
            Value::from_json(&azure_rule(json!({}))),
            "destination_port_range",
            Value::unknown("v"),
        );
        assert_eq!(
            no_public_ingress(&r, &args(22, None)).unwrap().result,
            Tri::Unknown
        );
    }

    #[test]
    fn azure_network_security_group() {
        let rule = |name: &str, priority: i64, access: &str, port: &str, src: &str| {
            json!({"name": name, "priority": priority, "direction": "Inbound", "access": access,
                "protocol": "*", "source_port_range": "*", "destination_port_range": port,
                "source_address_prefix": src, "destination_address_prefix": "*"})
        };
        let r = json!({"name": "nsg", "security_rule": [
            rule("https", 100, "Allow", "443", "*"),
            rule("rdp", 110, "Allow", "3389", "Internet")
        ]});
        let o = check(r.clone(), 3389);
        assert_eq!(o.result, Tri::False);
        assert_eq!(
            o.attribute.as_deref(),
            Some("security_rule.1.source_address_prefix")
        );
        assert_eq!(check(r, 22).result, Tri::True);
        // A higher-priority deny shadows the allow.
        let r = json!({"name": "nsg", "security_rule": [
            rule("deny-ssh", 100, "Deny", "22", "*"),
            rule("allow-all", 200, "Allow", "*", "*")
        ]});
        assert_eq!(check(r.clone(), 22).result, Tri::True);
        assert_eq!(check(r, 80).result, Tri::False);
        assert_eq!(
            check(json!({"name": "nsg", "security_rule": []}), 22).result,
            Tri::True
        );
    }

    // ----- Google ----------------------------------------------------------------------------

    #[test]
    fn google_compute_firewall() {
        let fw = |extra: serde_json::Value| {
            let mut base = json!({"name": "fw", "network": "default",
                "allow": [{"protocol": "icmp"}, {"protocol": "tcp", "ports": ["80", "8080", "1000-2000"]}],
                "source_ranges": ["0.0.0.0/0"]});
            if let (Some(b), Some(e)) = (base.as_object_mut(), extra.as_object()) {
                for (k, v) in e {
                    b.insert(k.clone(), v.clone());
                }
            }
            base
        };
        let o = check(fw(json!({})), 1500);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("source_ranges"));
        assert_eq!(
            o.detail.as_deref(),
            Some("ingress from 0.0.0.0/0 to port 1500 (ports 80, 8080, 1000-2000, protocol tcp)")
        );
        assert_eq!(check(fw(json!({})), 22).result, Tri::True);
        assert_eq!(check(fw(json!({})), 80).result, Tri::False);
        // No ports: every port.
        assert_eq!(
            check(fw(json!({"allow": [{"protocol": "tcp"}]})), 22).result,
            Tri::False
        );
        assert_eq!(
            check(fw(json!({"allow": [{"protocol": "all"}]})), 22).result,
            Tri::False
        );
        assert_eq!(
            check(fw(json!({"allow": {"protocol": "udp", "ports": []}})), 22).result,
            Tri::False
        );
        assert_eq!(
            check(
                fw(json!({"allow": [{"protocol": "tcp", "ports": [22]}]})),
                22
            )
            .result,
            Tri::False
        );
        // Egress, disabled, deny rules, private sources.
        assert_eq!(
            check(fw(json!({"direction": "EGRESS"})), 80).result,
            Tri::True
        );
        assert_eq!(
            check(fw(json!({"direction": "INGRESS"})), 80).result,
            Tri::False
        );
        assert_eq!(check(fw(json!({"disabled": true})), 80).result, Tri::True);
        assert_eq!(check(fw(json!({"disabled": false})), 80).result, Tri::False);
        assert_eq!(
            check(
                fw(json!({"allow": null, "deny": [{"protocol": "tcp"}]})),
                80
            )
            .result,
            Tri::True
        );
        assert_eq!(
            check(fw(json!({"source_ranges": ["10.0.0.0/8"]})), 80).result,
            Tri::True
        );
        assert_eq!(
            check(fw(json!({"source_ranges": ["::/0"]})), 80).result,
            Tri::False
        );
        assert_eq!(
            check_public(fw(json!({"source_ranges": ["35.235.240.0/20"]})), 80).result,
            Tri::False
        );
        // No source at all: Google uses 0.0.0.0/0. Source tags only: not public.
        let o = check(fw(json!({"source_ranges": null})), 80);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("source_ranges"));
        assert_eq!(
            check(
                fw(json!({"source_ranges": null, "source_tags": ["web"]})),
                80
            )
            .result,
            Tri::True
        );
        assert_eq!(
            check(
                fw(json!({"source_ranges": [], "source_service_accounts": ["a@b"]})),
                80
            )
            .result,
            Tri::True
        );
        // Unknowns.
        let base = Value::from_json(&fw(json!({})));
        let run = |r: &Value| no_public_ingress(r, &args(80, None)).unwrap().result;
        assert_eq!(
            run(&with(base.clone(), "source_ranges", Value::unknown("v"))),
            Tri::Unknown
        );
        assert_eq!(
            run(&with(base.clone(), "direction", Value::unknown("v"))),
            Tri::Unknown
        );
        assert_eq!(
            run(&with(base.clone(), "disabled", Value::unknown("v"))),
            Tri::Unknown
        );
        assert_eq!(
            run(&with(base.clone(), "allow", Value::unknown("v"))),
            Tri::Unknown
        );
        let no_ranges = with(base, "source_ranges", Value::null());
        assert_eq!(
            run(&with(no_ranges, "source_tags", Value::unknown("v"))),
            Tri::Unknown
        );
    }

    // ----- arguments and robustness ----------------------------------------------------------

    #[test]
    fn resource_type_argument_forces_the_shape() {
        let r = Value::from_json(&json!({"ingress": [{"from_port": 22, "to_port": 22,
            "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}]}));
        let mut a = args(22, None);
        a.insert("resource_type".into(), Value::string("aws_security_group"));
        assert_eq!(no_public_ingress(&r, &a).unwrap().result, Tri::False);
        // Read as network ACL entries the blocks have no `cidr_block`: nothing opens.
        a.insert("resource_type".into(), Value::string("aws_network_acl"));
        assert_eq!(no_public_ingress(&r, &a).unwrap().result, Tri::True);
        a.insert("resource_type".into(), Value::string("aws_s3_bucket"));
        assert!(no_public_ingress(&r, &a).is_err());
    }

    #[test]
    fn bad_arguments_are_errors() {
        let r = Value::from_json(&json!({}));
        assert!(no_public_ingress(&r, &Map::new()).is_err());
        for bad in [
            Value::number(-1.0),
            Value::number(65536.0),
            Value::number(22.5),
            Value::string("ssh"),
            Value::unknown("v"),
        ] {
            let mut a = Map::new();
            a.insert("port".into(), bad);
            assert!(no_public_ingress(&r, &a).is_err());
        }
        let mut a = Map::new();
        a.insert("port".into(), Value::string("22"));
        assert!(no_public_ingress(&r, &a).is_ok());
        assert!(no_public_ingress(&r, &args(22, Some("everywhere"))).is_err());
        let mut a = args(22, None);
        a.insert("ports".into(), Value::number(1.0));
        assert!(no_public_ingress(&r, &a).is_err());
    }

    #[test]
    fn odd_shapes_never_panic() {
        let shapes = [
            json!(null),
            json!("x"),
            json!([1, 2]),
            json!({"ingress": "x"}),
            json!({"ingress": [1, null, "x", []]}),
            json!({"ingress": [{"from_port": "a", "to_port": {}, "protocol": [], "cidr_blocks": [1, {}, null, ""]}]}),
            json!({"ingress": [{"protocol": null, "cidr_blocks": "0.0.0.0/0"}]}),
            json!({"ingress": [{"action": 5, "rule_no": "x", "protocol": "tcp", "cidr_block": ["0.0.0.0/0"]}]}),
            json!({"type": 3, "from_port": 1e300, "to_port": -1e300, "protocol": "tcp", "cidr_blocks": ["0.0.0.0/0"]}),
            json!({"security_rule": [{"direction": 1, "access": [], "destination_port_ranges": "x", "source_address_prefixes": {}}]}),
            json!({"security_rule": "x"}),
            json!({"access": "Allow", "direction": "Inbound", "protocol": "Tcp", "destination_port_range": "a-b", "source_address_prefix": "*"}),
            json!({"allow": [{"protocol": "tcp", "ports": "22"}, 3], "source_ranges": "0.0.0.0/0", "disabled": "maybe"}),
            json!({"allow": {"protocol": 6, "ports": [{}]}, "direction": 7}),
            json!({"rule_action": null, "egress": "x", "cidr_block": 5}),
            json!({"ip_protocol": -1, "cidr_ipv4": ["a"]}),
        ];
        for s in &shapes {
            for scope in [None, Some("public")] {
                let r = no_public_ingress(&Value::from_json(s), &args(22, scope));
                assert!(r.is_ok(), "{s}");
            }
        }
    }
}
