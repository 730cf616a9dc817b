//! AWS security groups, security group rules, VPC ingress rules and network ACLs, read into
//! entries.

#[allow(unused_imports)]
use super::*;

/// Attribute names of one AWS rule form.
pub(super) struct AwsForm {
    /// Attribute that must equal "ingress" (`type`), if any.
    pub(super) kind: Option<&'static str>,
    /// Boolean attribute that is true for egress (`egress`), if any.
    pub(super) egress: Option<&'static str>,
    /// Attribute holding allow/deny, if any (security group rules always allow).
    pub(super) action: Option<&'static str>,
    /// Rule number attribute, if any.
    pub(super) order: Option<&'static str>,
    pub(super) protocol: &'static str,
    pub(super) sources: &'static [&'static str],
}

pub(super) const SG_BLOCK: AwsForm = AwsForm {
    kind: None,
    egress: None,
    action: None,
    order: None,
    protocol: "protocol",
    sources: &["cidr_blocks", "ipv6_cidr_blocks"],
};

pub(super) const SG_RULE: AwsForm = AwsForm {
    kind: Some("type"),
    ..SG_BLOCK
};

pub(super) const VPC_RULE: AwsForm = AwsForm {
    kind: None,
    egress: None,
    action: None,
    order: None,
    protocol: "ip_protocol",
    sources: &["cidr_ipv4", "cidr_ipv6"],
};

pub(super) const NACL_BLOCK: AwsForm = AwsForm {
    kind: None,
    egress: None,
    action: Some("action"),
    order: Some("rule_no"),
    protocol: "protocol",
    sources: &["cidr_block", "ipv6_cidr_block"],
};

pub(super) const NACL_RULE: AwsForm = AwsForm {
    kind: None,
    egress: Some("egress"),
    action: Some("rule_action"),
    order: None,
    protocol: "protocol",
    sources: &["cidr_block", "ipv6_cidr_block"],
};

pub(super) fn aws_entry<'a>(rule: &'a Value, path: &str, form: &AwsForm, opts: &Opts) -> Entry<'a> {
    let applies = match (form.kind, form.egress) {
        (Some(k), _) => string_is(rule.get(k), "ingress", Tri::Unknown),
        (None, Some(e)) => flag(rule.get(e), Tri::False).not(),
        (None, None) => Tri::True,
    };
    let allows = form
        .action
        .map_or(Tri::True, |a| string_is(rule.get(a), "allow", Tri::Unknown));
    let order = form
        .order
        .map_or(Order::Unordered, |o| order_of(rule.get(o)));
    let protocol_value = rule.get(form.protocol);
    let (covers, ports) = match protocol(protocol_value, &["-1", "all"]) {
        Proto::All => (Tri::True, PortsText::All),
        Proto::Other => (Tri::False, PortsText::NoTcpOrUdp),
        Proto::Unknown => (Tri::Unknown, PortsText::KnownAfterApply),
        Proto::Ranged => {
            let from = int(rule.get("from_port"));
            let to = int(rule.get("to_port"));
            let le = |a: Option<i64>, b: Option<i64>| match (a, b) {
                (Some(a), Some(b)) => Tri::from_bool(a <= b),
                _ => Tri::Unknown,
            };
            let covers = le(from, Some(opts.port)).and(le(Some(opts.port), to));
            let ports = match (from, to) {
                (Some(f), Some(t)) => PortsText::Range(f, t),
                _ => PortsText::KnownAfterApply,
            };
            (covers, ports)
        }
    };
    let mut entry = Entry {
        path: path.to_string(),
        word: "ingress",
        order,
        applies,
        allows,
        covers,
        ports,
        protocol: protocol_value,
        sources: Vec::new(),
    };
    if entry.matters() {
        for key in form.sources {
            sources(rule, key, false, Flavor::Cidr, opts, &mut entry.sources);
        }
    }
    entry
}

/// Whether an `ingress` block reads as a network ACL entry rather than a security group rule.
pub(super) fn looks_like_nacl_entry(block: &Value) -> bool {
    ["action", "rule_no", "cidr_block", "ipv6_cidr_block"]
        .iter()
        .any(|k| block.get(k).is_some())
}

/// `ingress` blocks of a security group (`nacl = Some(false)`), a network ACL (`Some(true)`),
/// or either, told apart block by block (`None`).
pub(super) fn ingress_blocks<'a>(
    resource: &'a Value,
    nacl: Option<bool>,
    opts: &Opts,
    entries: &mut Vec<Entry<'a>>,
    hits: &mut Vec<Hit>,
) {
    match block_elements(resource, "ingress", "") {
        Elements::Unknown => hits.push(Hit::unknown(
            Some("ingress".to_string()),
            "the ingress rules are known only after apply",
        )),
        Elements::Known(blocks) => {
            for (path, block) in blocks {
                if block.as_object().is_none() {
                    hits.push(element_unknown(path));
                    continue;
                }
                let form = if nacl.unwrap_or_else(|| looks_like_nacl_entry(block)) {
                    &NACL_BLOCK
                } else {
                    &SG_BLOCK
                };
                entries.push(aws_entry(block, &path, form, opts));
            }
        }
    }
}
