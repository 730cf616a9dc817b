//! Ingress rules of every provider read into one form ([`Entry`]), and the evaluation over a
//! resource's entries: which open the port to the scope, and which are shadowed by a deny
//! that comes first.

#[allow(unused_imports)]
use super::*;

/// Where a rule stands among the rules of its resource (network ACL rule number, NSG priority;
/// lower goes first).
#[derive(Debug, Clone, Copy)]
pub(super) enum Order {
    Unordered,
    At(f64),
    Unknown,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum SourceNet {
    /// Every address, IPv4 and IPv6 (Azure `*`, `Internet`, `Any`).
    Any,
    Net(Net),
    /// A name (Azure service tag) or something that is not a CIDR.
    Other,
    Unknown,
}

/// One source of a rule. What details show of it is worked out only for a hit.
#[derive(Debug, Clone)]
pub(super) struct Source<'a> {
    /// Attribute holding the source: under the rule's path, or (`top_level`) of the resource.
    pub(super) key: &'static str,
    pub(super) top_level: bool,
    pub(super) shown: SourceText<'a>,
    /// Whether the source is exposed in the scope asked.
    pub(super) open: Tri,
    pub(super) net: SourceNet,
}

#[derive(Debug, Clone, Copy)]
pub(super) enum SourceText<'a> {
    /// The value, trimmed when a string; redacted when sensitive (itself or its list).
    Value { value: &'a Value, sensitive: bool },
    /// Google's implicit `0.0.0.0/0`.
    ImplicitAnywhere,
}

impl Source<'_> {
    pub(super) fn attribute(&self, entry_path: &str) -> String {
        if self.top_level || entry_path.is_empty() {
            self.key.to_string()
        } else {
            format!("{entry_path}.{}", self.key)
        }
    }

    pub(super) fn text(&self) -> String {
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
pub(super) struct Entry<'a> {
    /// Blame path of the rule ("ingress.0"; empty for a standalone rule resource).
    pub(super) path: String,
    /// "ingress" or "inbound", for details.
    pub(super) word: &'static str,
    pub(super) order: Order,
    /// Ingress direction, and enabled.
    pub(super) applies: Tri,
    /// Allow (true) or deny (false).
    pub(super) allows: Tri,
    /// Protocol and ports cover the port asked.
    pub(super) covers: Tri,
    pub(super) ports: PortsText<'a>,
    /// The protocol attribute, for details.
    pub(super) protocol: Option<&'a Value>,
    pub(super) sources: Vec<Source<'a>>,
}

impl Entry<'_> {
    /// Whether the entry can matter: it may open the port, or it denies and may shadow
    /// another. Sources of an entry that cannot are never read.
    pub(super) fn matters(&self) -> bool {
        self.allows != Tri::True || self.applies.and(self.covers) != Tri::False
    }
}

/// The ports of a rule as details show them.
#[derive(Debug, Clone)]
pub(super) enum PortsText<'a> {
    All,
    NoTcpOrUdp,
    KnownAfterApply,
    NoDestination,
    Range(i64, i64),
    Specs(Vec<&'a Value>),
}

impl PortsText<'_> {
    pub(super) fn text(&self) -> String {
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
pub(super) fn evaluate(entries: &[Entry], opts: &Opts) -> Vec<Hit> {
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
                span: None,
                detail: Some(detail),
            });
        }
    }
    hits
}

pub(super) fn before(a: Order, b: Order) -> Tri {
    match (a, b) {
        (Order::At(x), Order::At(y)) => Tri::from_bool(x < y),
        (Order::Unordered, _) | (_, Order::Unordered) => Tri::False,
        _ => Tri::Unknown,
    }
}

/// Whether a deny source contains an allow source.
pub(super) fn contains(outer: SourceNet, inner: SourceNet) -> Tri {
    match (outer, inner) {
        (SourceNet::Unknown, _) | (_, SourceNet::Unknown) => Tri::Unknown,
        (SourceNet::Any, _) => Tri::True,
        (SourceNet::Net(a), SourceNet::Net(b)) => Tri::from_bool(a.contains(b)),
        _ => Tri::False,
    }
}
