//! Azure network security rules and the `security_rule` blocks of a security group, read into
//! entries.

#[allow(unused_imports)]
use super::*;

pub(super) fn azure_entry<'a>(rule: &'a Value, path: &str, opts: &Opts) -> Entry<'a> {
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
