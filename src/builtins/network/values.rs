//! Reading rule attributes as the providers write them: integers, flags, rule order,
//! protocols, port specifications and source address lists.

#[allow(unused_imports)]
use super::*;

/// An integer attribute; `None` when absent, unknown or not an integer.
pub(super) fn int(v: Option<&Value>) -> Option<i64> {
    v.and_then(Value::as_number)
        .filter(|n| n.fract() == 0.0 && n.abs() < 9.0e15)
        .map(|n| n as i64)
}

pub(super) fn order_of(v: Option<&Value>) -> Order {
    match v.and_then(Value::as_number) {
        Some(n) => Order::At(n),
        None => Order::Unknown,
    }
}

/// `value` compared case-insensitively with `want`; absent gives `absent`.
pub(super) fn string_is(v: Option<&Value>, want: &str, absent: Tri) -> Tri {
    match v.map(|v| &v.kind) {
        None | Some(Kind::Null) => absent,
        Some(Kind::String(s)) => Tri::from_bool(s.trim().eq_ignore_ascii_case(want)),
        _ => Tri::Unknown,
    }
}

/// A flag that is true when set to true; absent gives `absent`.
pub(super) fn flag(v: Option<&Value>, absent: Tri) -> Tri {
    match v {
        None => absent,
        Some(v) if v.is_null() => absent,
        Some(v) => v.as_bool().map_or(Tri::Unknown, Tri::from_bool),
    }
}

/// Protocol classes as far as a TCP or UDP port goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Proto {
    /// Every protocol.
    All,
    /// TCP or UDP: limited by the port range.
    Ranged,
    /// Another protocol: never covers a TCP or UDP port.
    Other,
    Unknown,
}

pub(super) fn protocol(v: Option<&Value>, all: &[&str]) -> Proto {
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

pub(super) fn protocol_class(s: &str, all: &[&str]) -> Proto {
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
pub(super) fn protocol_text(v: Option<&Value>) -> String {
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
pub(super) fn port_spec(s: &str) -> Option<(i64, i64)> {
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

pub(super) fn spec_covers(v: &Value, port: i64) -> Tri {
    if !v.is_known() {
        return Tri::Unknown;
    }
    match v.to_template_string().as_deref().and_then(port_spec) {
        Some((from, to)) => Tri::from_bool(port_range_covers(from, to, port)),
        None => Tri::Unknown,
    }
}

/// Port specs for details: "all ports", "port 22", "ports 80, 1000-2000".
pub(super) fn specs_text(specs: &[&Value]) -> String {
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
pub(super) enum Flavor {
    /// AWS and Google: sources must be CIDRs.
    Cidr,
    /// Azure: `*`, `Internet`, `Any` or service tags as well.
    Azure,
}

/// The sources held in `key` of `element` (a list or a single string).
pub(super) fn sources<'a>(
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

pub(super) fn source<'a>(
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
