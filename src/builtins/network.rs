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

const NAME: &str = "network-no-public-ingress";

// ---------------------------------------------------------------------------------------------
// Public helpers.

/// Whether `s` (a CIDR like `0.0.0.0/0`, or a bare address) is the whole internet: prefix
/// length 0. `None` when it is not a CIDR or IP address.
pub fn cidr_is_internet(s: &str) -> Option<bool> {
    parse_cidr(s).map(|net| net.len() == 0)
}

/// Whether `s` (a CIDR or bare address) reaches public address space: it is not entirely
/// inside private or reserved space (RFC 1918, `100.64.0.0/10`, `127.0.0.0/8`,
/// `169.254.0.0/16`, `fc00::/7`, `fe80::/10`, `::1`). `None` when it is not a CIDR or IP address.
pub fn cidr_is_public(s: &str) -> Option<bool> {
    parse_cidr(s).map(|net| net.is_public())
}

/// Whether the inclusive port range `from`..=`to` contains `port`.
pub fn port_range_covers(from: i64, to: i64, port: i64) -> bool {
    from <= port && port <= to
}

// ---------------------------------------------------------------------------------------------
// CIDRs.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Net {
    V4 { addr: u32, len: u8 },
    V6 { addr: u128, len: u8 },
}

fn mask4(len: u8) -> u32 {
    if len == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(len.min(32)))
    }
}

fn mask6(len: u8) -> u128 {
    if len == 0 {
        0
    } else {
        u128::MAX << (128 - u32::from(len.min(128)))
    }
}

fn parse_cidr(s: &str) -> Option<Net> {
    let s = s.trim();
    let (addr, len) = match s.split_once('/') {
        Some((a, l)) => (a.trim(), Some(l.trim())),
        None => (s, None),
    };
    let prefix = |max: u8| -> Option<u8> {
        match len {
            None => Some(max),
            Some(l) if !l.is_empty() && l.bytes().all(|b| b.is_ascii_digit()) => {
                l.parse::<u8>().ok().filter(|&n| n <= max)
            }
            Some(_) => None,
        }
    };
    if let Ok(v4) = addr.parse::<Ipv4Addr>() {
        let len = prefix(32)?;
        return Some(Net::V4 {
            addr: u32::from(v4) & mask4(len),
            len,
        });
    }
    if let Ok(v6) = addr.parse::<Ipv6Addr>() {
        let len = prefix(128)?;
        return Some(Net::V6 {
            addr: u128::from(v6) & mask6(len),
            len,
        });
    }
    None
}

impl Net {
    fn len(self) -> u8 {
        match self {
            Net::V4 { len, .. } | Net::V6 { len, .. } => len,
        }
    }

    /// Whether every address of `inner` is in `self`.
    fn contains(self, inner: Net) -> bool {
        match (self, inner) {
            (Net::V4 { addr: a, len: l }, Net::V4 { addr: b, len: m }) => {
                l <= m && b & mask4(l) == a
            }
            (Net::V6 { addr: a, len: l }, Net::V6 { addr: b, len: m }) => {
                l <= m && b & mask6(l) == a
            }
            _ => false,
        }
    }

    /// An IPv4-mapped IPv6 range (`::ffff:10.0.0.0/104`) as the IPv4 range it maps.
    fn unmapped(self) -> Net {
        match self {
            Net::V6 { addr, len } if len >= 96 && addr >> 32 == 0xffff => Net::V4 {
                // The low 32 bits: truncation intended.
                addr: (addr & u128::from(u32::MAX)) as u32,
                len: len - 96,
            },
            other => other,
        }
    }

    fn is_public(self) -> bool {
        const RESERVED_V4: &[(u32, u8)] = &[
            (0x0a00_0000, 8),  // 10.0.0.0/8
            (0xac10_0000, 12), // 172.16.0.0/12
            (0xc0a8_0000, 16), // 192.168.0.0/16
            (0x6440_0000, 10), // 100.64.0.0/10
            (0x7f00_0000, 8),  // 127.0.0.0/8
            (0xa9fe_0000, 16), // 169.254.0.0/16
        ];
        const RESERVED_V6: &[(u128, u8)] = &[
            (0xfc00 << 112, 7),  // fc00::/7
            (0xfe80 << 112, 10), // fe80::/10
            (1, 128),            // ::1
        ];
        let net = self.unmapped();
        let reserved = RESERVED_V4
            .iter()
            .map(|&(addr, len)| Net::V4 { addr, len })
            .chain(RESERVED_V6.iter().map(|&(addr, len)| Net::V6 { addr, len }));
        !reserved.into_iter().any(|r| r.contains(net))
    }
}

// ---------------------------------------------------------------------------------------------
// Arguments.

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

// ---------------------------------------------------------------------------------------------
// The builtin.

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

// ---------------------------------------------------------------------------------------------
// Rules, read into one form.

/// Where a rule stands among the rules of its resource (network ACL rule number, NSG priority;
/// lower goes first).
#[derive(Debug, Clone, Copy)]
enum Order {
    Unordered,
    At(f64),
    Unknown,
}

#[derive(Debug, Clone, Copy)]
enum SourceNet {
    /// Every address, IPv4 and IPv6 (Azure `*`, `Internet`, `Any`).
    Any,
    Net(Net),
    /// A name (Azure service tag) or something that is not a CIDR.
    Other,
    Unknown,
}

/// One source of a rule. What details show of it is worked out only for a hit.
#[derive(Debug, Clone)]
struct Source<'a> {
    /// Attribute holding the source: under the rule's path, or (`top_level`) of the resource.
    key: &'static str,
    top_level: bool,
    shown: SourceText<'a>,
    /// Whether the source is exposed in the scope asked.
    open: Tri,
    net: SourceNet,
}

#[derive(Debug, Clone, Copy)]
enum SourceText<'a> {
    /// The value, trimmed when a string; redacted when sensitive (itself or its list).
    Value { value: &'a Value, sensitive: bool },
    /// Google's implicit `0.0.0.0/0`.
    ImplicitAnywhere,
}

impl Source<'_> {
    fn attribute(&self, entry_path: &str) -> String {
        if self.top_level || entry_path.is_empty() {
            self.key.to_string()
        } else {
            format!("{entry_path}.{}", self.key)
        }
    }

    fn text(&self) -> String {
        match self.shown {
            SourceText::ImplicitAnywhere => {
                "0.0.0.0/0 (the default when no source is set)".to_string()
            }
            SourceText::Value { value, sensitive } => match &value.kind {
                _ if sensitive || value.sensitive => "(sensitive value)".to_string(),
                Kind::String(s) => s.trim().to_string(),
                _ => value.display(),
            },
        }
    }
}

/// One rule: ingress or not, allow or deny, whether it covers the port, and its sources.
#[derive(Debug, Clone)]
struct Entry<'a> {
    /// Blame path of the rule ("ingress.0"; empty for a standalone rule resource).
    path: String,
    /// "ingress" or "inbound", for details.
    word: &'static str,
    order: Order,
    /// Ingress direction, and enabled.
    applies: Tri,
    /// Allow (true) or deny (false).
    allows: Tri,
    /// Protocol and ports cover the port asked.
    covers: Tri,
    ports: PortsText<'a>,
    /// The protocol attribute, for details.
    protocol: Option<&'a Value>,
    sources: Vec<Source<'a>>,
}

impl Entry<'_> {
    /// Whether the entry can matter: it may open the port, or it denies and may shadow
    /// another. Sources of an entry that cannot are never read.
    fn matters(&self) -> bool {
        self.allows != Tri::True || self.applies.and(self.covers) != Tri::False
    }
}

/// The ports of a rule as details show them.
#[derive(Debug, Clone)]
enum PortsText<'a> {
    All,
    NoTcpOrUdp,
    KnownAfterApply,
    NoDestination,
    Range(i64, i64),
    Specs(Vec<&'a Value>),
}

impl PortsText<'_> {
    fn text(&self) -> String {
        match self {
            PortsText::All => "all ports".to_string(),
            PortsText::NoTcpOrUdp => "no TCP or UDP ports".to_string(),
            PortsText::KnownAfterApply => "ports (known after apply)".to_string(),
            PortsText::NoDestination => "no destination ports".to_string(),
            PortsText::Range(f, t) if f == t => format!("port {f}"),
            PortsText::Range(f, t) => format!("ports {f}-{t}"),
            PortsText::Specs(specs) => specs_text(specs),
        }
    }
}

/// The hits of every allowing entry's sources that violate or cannot be judged. A deny entry
/// ahead of an allow (lower order) that covers the port from a range containing the source
/// shadows it.
fn evaluate(entries: &[Entry], opts: &Opts) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let gate = entry.applies.and(entry.allows).and(entry.covers);
        if gate == Tri::False {
            continue;
        }
        for source in &entry.sources {
            let shadowed = Tri::any(entries.iter().enumerate().filter(|(j, _)| *j != i).map(
                |(_, deny)| {
                    deny.applies
                        .and(deny.allows.not())
                        .and(before(deny.order, entry.order))
                        .and(deny.covers)
                        .and(Tri::any(
                            deny.sources.iter().map(|d| contains(d.net, source.net)),
                        ))
                },
            ));
            let violates = gate.and(source.open).and(shadowed.not());
            let detail = match violates {
                Tri::True => {
                    let port = format!("port {}", opts.port);
                    // The entry's own ports only when they say more than the port checked.
                    let ports = match entry.ports.text() {
                        p if p == port => String::new(),
                        p => format!("{p}, "),
                    };
                    format!(
                        "{} from {} to {port} ({ports}protocol {})",
                        entry.word,
                        source.text(),
                        protocol_text(entry.protocol)
                    )
                }
                Tri::Unknown => format!(
                    "cannot tell whether {} opens port {}",
                    if entry.path.is_empty() {
                        "the rule"
                    } else {
                        &entry.path
                    },
                    opts.port
                ),
                // Compliant sources change nothing in the outcome.
                Tri::False => continue,
            };
            hits.push(Hit {
                violates,
                attribute: Some(source.attribute(&entry.path)),
                detail: Some(detail),
            });
        }
    }
    hits
}

fn before(a: Order, b: Order) -> Tri {
    match (a, b) {
        (Order::At(x), Order::At(y)) => Tri::from_bool(x < y),
        (Order::Unordered, _) | (_, Order::Unordered) => Tri::False,
        _ => Tri::Unknown,
    }
}

/// Whether a deny source contains an allow source.
fn contains(outer: SourceNet, inner: SourceNet) -> Tri {
    match (outer, inner) {
        (SourceNet::Unknown, _) | (_, SourceNet::Unknown) => Tri::Unknown,
        (SourceNet::Any, _) => Tri::True,
        (SourceNet::Net(a), SourceNet::Net(b)) => Tri::from_bool(a.contains(b)),
        _ => Tri::False,
    }
}

// ---------------------------------------------------------------------------------------------
// Reading values.

/// An integer attribute; `None` when absent, unknown or not an integer.
fn int(v: Option<&Value>) -> Option<i64> {
    v.and_then(Value::as_number)
        .filter(|n| n.fract() == 0.0 && n.abs() < 9.0e15)
        .map(|n| n as i64)
}

fn order_of(v: Option<&Value>) -> Order {
    match v.and_then(Value::as_number) {
        Some(n) => Order::At(n),
        None => Order::Unknown,
    }
}

/// `value` compared case-insensitively with `want`; absent gives `absent`.
fn string_is(v: Option<&Value>, want: &str, absent: Tri) -> Tri {
    match v.map(|v| &v.kind) {
        None | Some(Kind::Null) => absent,
        Some(Kind::String(s)) => Tri::from_bool(s.trim().eq_ignore_ascii_case(want)),
        _ => Tri::Unknown,
    }
}

/// A flag that is true when set to true; absent gives `absent`.
fn flag(v: Option<&Value>, absent: Tri) -> Tri {
    match v {
        None => absent,
        Some(v) if v.is_null() => absent,
        Some(v) => v.as_bool().map_or(Tri::Unknown, Tri::from_bool),
    }
}

/// Protocol classes as far as a TCP or UDP port goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Proto {
    /// Every protocol.
    All,
    /// TCP or UDP: limited by the port range.
    Ranged,
    /// Another protocol: never covers a TCP or UDP port.
    Other,
    Unknown,
}

fn protocol(v: Option<&Value>, all: &[&str]) -> Proto {
    let Some(v) = v else {
        return Proto::Unknown;
    };
    match &v.kind {
        Kind::String(s) => protocol_class(s, all),
        Kind::Number(_) | Kind::Bool(_) => match v.to_template_string() {
            Some(s) => protocol_class(&s, all),
            None => Proto::Unknown,
        },
        _ => Proto::Unknown,
    }
}

fn protocol_class(s: &str, all: &[&str]) -> Proto {
    let p = s.trim();
    if all.iter().any(|a| p.eq_ignore_ascii_case(a)) {
        Proto::All
    } else if ["tcp", "udp", "6", "17"]
        .iter()
        .any(|t| p.eq_ignore_ascii_case(t))
    {
        Proto::Ranged
    } else {
        Proto::Other
    }
}

/// The protocol as details show it.
fn protocol_text(v: Option<&Value>) -> String {
    let Some(v) = v else {
        return "(not set)".to_string();
    };
    match v.to_template_string() {
        Some(_) if v.sensitive => "(sensitive value)".to_string(),
        Some(s) => s.to_string(),
        None => v.display(),
    }
}

/// A port spec string: "22", "20-30" or "*".
fn port_spec(s: &str) -> Option<(i64, i64)> {
    let s = s.trim();
    if s == "*" {
        return Some((0, 65535));
    }
    let num = |t: &str| t.trim().parse::<i64>().ok();
    match s.split_once('-') {
        Some((a, b)) => Some((num(a)?, num(b)?)),
        None => num(s).map(|n| (n, n)),
    }
}

fn spec_covers(v: &Value, port: i64) -> Tri {
    if !v.is_known() {
        return Tri::Unknown;
    }
    match v.to_template_string().as_deref().and_then(port_spec) {
        Some((from, to)) => Tri::from_bool(port_range_covers(from, to, port)),
        None => Tri::Unknown,
    }
}

/// Port specs for details: "all ports", "port 22", "ports 80, 1000-2000".
fn specs_text(specs: &[&Value]) -> String {
    let texts: Vec<String> = specs
        .iter()
        .map(|v| match v.to_template_string() {
            _ if v.sensitive => "(sensitive value)".to_string(),
            Some(s) => s.trim().to_string(),
            None => "(known after apply)".to_string(),
        })
        .collect();
    match texts.as_slice() {
        _ if texts.iter().any(|t| t == "*") => "all ports".to_string(),
        [only] if !only.contains('-') => format!("port {only}"),
        _ => format!("ports {}", texts.join(", ")),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flavor {
    /// AWS and Google: sources must be CIDRs.
    Cidr,
    /// Azure: `*`, `Internet`, `Any` or service tags as well.
    Azure,
}

/// The sources held in `key` of `element` (a list or a single string).
fn sources<'a>(
    element: &'a Value,
    key: &'static str,
    top_level: bool,
    flavor: Flavor,
    opts: &Opts,
    out: &mut Vec<Source<'a>>,
) {
    let Some(value) = element.get(key) else {
        return;
    };
    match &value.kind {
        Kind::List(items) => out.extend(
            items
                .iter()
                .filter_map(|v| source(v, key, top_level, value.sensitive, flavor, opts)),
        ),
        _ => out.extend(source(value, key, top_level, false, flavor, opts)),
    }
}

fn source<'a>(
    v: &'a Value,
    key: &'static str,
    top_level: bool,
    sensitive: bool,
    flavor: Flavor,
    opts: &Opts,
) -> Option<Source<'a>> {
    let made = |open: Tri, net: SourceNet| Source {
        key,
        top_level,
        shown: SourceText::Value {
            value: v,
            sensitive,
        },
        open,
        net,
    };
    let s = match &v.kind {
        Kind::Null => return None,
        Kind::String(s) => s,
        _ => return Some(made(Tri::Unknown, SourceNet::Unknown)),
    };
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return None;
    }
    if flavor == Flavor::Azure
        && ["*", "internet", "any"]
            .iter()
            .any(|t| trimmed.eq_ignore_ascii_case(t))
    {
        return Some(made(Tri::True, SourceNet::Any));
    }
    Some(match parse_cidr(trimmed) {
        Some(net) => made(
            Tri::from_bool(match opts.scope {
                Scope::Internet => net.len() == 0,
                Scope::Public => net.is_public(),
            }),
            SourceNet::Net(net),
        ),
        // An Azure service tag (VirtualNetwork, AzureLoadBalancer, ...) is not the internet.
        None if flavor == Flavor::Azure => made(Tri::False, SourceNet::Other),
        None => made(Tri::Unknown, SourceNet::Unknown),
    })
}

// ---------------------------------------------------------------------------------------------
// AWS.

/// Attribute names of one AWS rule form.
struct AwsForm {
    /// Attribute that must equal "ingress" (`type`), if any.
    kind: Option<&'static str>,
    /// Boolean attribute that is true for egress (`egress`), if any.
    egress: Option<&'static str>,
    /// Attribute holding allow/deny, if any (security group rules always allow).
    action: Option<&'static str>,
    /// Rule number attribute, if any.
    order: Option<&'static str>,
    protocol: &'static str,
    sources: &'static [&'static str],
}

const SG_BLOCK: AwsForm = AwsForm {
    kind: None,
    egress: None,
    action: None,
    order: None,
    protocol: "protocol",
    sources: &["cidr_blocks", "ipv6_cidr_blocks"],
};

const SG_RULE: AwsForm = AwsForm {
    kind: Some("type"),
    ..SG_BLOCK
};

const VPC_RULE: AwsForm = AwsForm {
    kind: None,
    egress: None,
    action: None,
    order: None,
    protocol: "ip_protocol",
    sources: &["cidr_ipv4", "cidr_ipv6"],
};

const NACL_BLOCK: AwsForm = AwsForm {
    kind: None,
    egress: None,
    action: Some("action"),
    order: Some("rule_no"),
    protocol: "protocol",
    sources: &["cidr_block", "ipv6_cidr_block"],
};

const NACL_RULE: AwsForm = AwsForm {
    kind: None,
    egress: Some("egress"),
    action: Some("rule_action"),
    order: None,
    protocol: "protocol",
    sources: &["cidr_block", "ipv6_cidr_block"],
};

fn aws_entry<'a>(rule: &'a Value, path: &str, form: &AwsForm, opts: &Opts) -> Entry<'a> {
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
fn looks_like_nacl_entry(block: &Value) -> bool {
    ["action", "rule_no", "cidr_block", "ipv6_cidr_block"]
        .iter()
        .any(|k| block.get(k).is_some())
}

/// `ingress` blocks of a security group (`nacl = Some(false)`), a network ACL (`Some(true)`),
/// or either, told apart block by block (`None`).
fn ingress_blocks<'a>(
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

// ---------------------------------------------------------------------------------------------
// Azure.

fn azure_entry<'a>(rule: &'a Value, path: &str, opts: &Opts) -> Entry<'a> {
    let protocol_value = rule.get("protocol");
    let proto = protocol(protocol_value, &["*"]);
    // Destination port specs, from the single attribute and the list.
    let mut specs: Vec<&Value> = Vec::new();
    for key in ["destination_port_range", "destination_port_ranges"] {
        match rule.get(key).map(|v| (v, &v.kind)) {
            None | Some((_, Kind::Null)) => {}
            Some((_, Kind::List(items))) => specs.extend(items.iter()),
            Some((v, _)) => specs.push(v),
        }
    }
    specs.retain(|v| !matches!(v.as_str(), Some(s) if s.trim().is_empty()));
    let (covers, ports) = match proto {
        Proto::Other => (Tri::False, PortsText::NoTcpOrUdp),
        Proto::Unknown => (Tri::Unknown, PortsText::KnownAfterApply),
        // Azure requires a destination port range: without one the rule cannot be judged.
        Proto::All | Proto::Ranged if specs.is_empty() => (Tri::Unknown, PortsText::NoDestination),
        Proto::All | Proto::Ranged => (
            Tri::any(specs.iter().map(|v| spec_covers(v, opts.port))),
            PortsText::Specs(specs),
        ),
    };
    let mut entry = Entry {
        path: path.to_string(),
        word: "inbound",
        order: order_of(rule.get("priority")),
        applies: string_is(rule.get("direction"), "inbound", Tri::Unknown),
        allows: string_is(rule.get("access"), "allow", Tri::Unknown),
        covers,
        ports,
        protocol: protocol_value,
        sources: Vec::new(),
    };
    if entry.matters() {
        for key in ["source_address_prefix", "source_address_prefixes"] {
            sources(rule, key, false, Flavor::Azure, opts, &mut entry.sources);
        }
    }
    entry
}

// ---------------------------------------------------------------------------------------------
// Google.

/// Whether a list attribute holds at least one element.
fn non_empty(v: Option<&Value>) -> Tri {
    match v.map(|v| &v.kind) {
        None | Some(Kind::Null) => Tri::False,
        Some(Kind::List(items)) => Tri::from_bool(!items.is_empty()),
        Some(Kind::String(s)) => Tri::from_bool(!s.trim().is_empty()),
        _ => Tri::Unknown,
    }
}

fn google_entries<'a>(
    resource: &'a Value,
    opts: &Opts,
    entries: &mut Vec<Entry<'a>>,
    hits: &mut Vec<Hit>,
) {
    let direction = string_is(resource.get("direction"), "ingress", Tri::True);
    let enabled = flag(resource.get("disabled"), Tri::False).not();
    let applies = direction.and(enabled);
    if applies == Tri::False {
        return;
    }

    let mut srcs = Vec::new();
    sources(
        resource,
        "source_ranges",
        true,
        Flavor::Cidr,
        opts,
        &mut srcs,
    );
    // With no source at all, Google applies the rule to 0.0.0.0/0.
    let implicit = non_empty(resource.get("source_ranges"))
        .or(non_empty(resource.get("source_tags")))
        .or(non_empty(resource.get("source_service_accounts")))
        .not();
    if implicit != Tri::False {
        srcs.push(Source {
            key: "source_ranges",
            top_level: true,
            shown: SourceText::ImplicitAnywhere,
            open: implicit,
            net: SourceNet::Net(Net::V4 { addr: 0, len: 0 }),
        });
    }

    match block_elements(resource, "allow", "") {
        Elements::Unknown => hits.push(Hit::unknown(
            Some("allow".to_string()),
            "the allow rules are known only after apply",
        )),
        Elements::Known(blocks) => {
            for (path, block) in blocks {
                if block.as_object().is_none() {
                    hits.push(element_unknown(path));
                    continue;
                }
                let protocol_value = block.get("protocol");
                let (covers, ports) = match protocol(protocol_value, &["all"]) {
                    Proto::Other => (Tri::False, PortsText::NoTcpOrUdp),
                    Proto::Unknown => (Tri::Unknown, PortsText::KnownAfterApply),
                    Proto::All | Proto::Ranged => match block.get("ports").map(|v| &v.kind) {
                        None | Some(Kind::Null) => (Tri::True, PortsText::All),
                        Some(Kind::List(items)) if items.is_empty() => (Tri::True, PortsText::All),
                        Some(Kind::List(items)) => (
                            Tri::any(items.iter().map(|v| spec_covers(v, opts.port))),
                            PortsText::Specs(items.iter().collect()),
                        ),
                        _ => (Tri::Unknown, PortsText::KnownAfterApply),
                    },
                };
                let mut entry = Entry {
                    path,
                    word: "ingress",
                    order: Order::Unordered,
                    applies,
                    allows: Tri::True,
                    covers,
                    ports,
                    protocol: protocol_value,
                    sources: Vec::new(),
                };
                if entry.matters() {
                    entry.sources.clone_from(&srcs);
                }
                entries.push(entry);
            }
        }
    }
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
