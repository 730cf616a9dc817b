//! Google Compute firewalls, read into entries.

#[allow(unused_imports)]
use super::*;

/// Whether a list attribute holds at least one element.
pub(super) fn non_empty(v: Option<&Value>) -> Tri {
    match v.map(|v| &v.kind) {
        None | Some(Kind::Null) => Tri::False,
        Some(Kind::List(items)) => Tri::from_bool(!items.is_empty()),
        Some(Kind::String(s)) => Tri::from_bool(!s.trim().is_empty()),
        _ => Tri::Unknown,
    }
}

pub(super) fn google_entries<'a>(
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
