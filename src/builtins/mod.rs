//! Built-in predicates: named checks written in Rust for logic the rule condition language
//! cannot say cleanly (IAM policy documents, network exposure). A rule calls one with
//! `builtin "NAME" { ...arguments }`; the predicate sees the whole resource instance value and
//! the arguments, and answers true (compliant), false (a finding) or unknown, with the
//! attribute to blame and a detail for the finding label.
//!
//! Nested blocks appear in a resource value as a list of objects under the block name, even a
//! single block; values derived from `.tf.json` may hold a single block as an object instead.
//! Every predicate accepts both.

pub mod iam;
pub mod network;

use crate::source::Span;
use crate::value::{Kind, Map, Tri, Value};

/// Result of a built-in predicate on one resource.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// True = compliant, False = violation, Unknown = cannot tell.
    pub result: Tri,
    /// Path of the attribute to blame, `.`-separated with numeric list indexes, e.g.
    /// "ingress.0.cidr_blocks" or "policy".
    pub attribute: Option<String>,
    /// Where inside the attribute's value the violation is written, when the value records it
    /// (the `Action` of the offending statement of a `jsonencode` policy). A finding points
    /// here instead of at the attribute; `None` for the attribute itself.
    pub span: Option<Span>,
    /// Human detail for the finding label, e.g. `statement 2 allows "s3:*"` or
    /// "ingress from 0.0.0.0/0 to port 22 (ports 0-65535, protocol tcp)". For an unknown
    /// result, what could not be judged.
    pub detail: Option<String>,
}

impl Verdict {
    pub fn compliant() -> Self {
        Verdict {
            result: Tri::True,
            attribute: None,
            span: None,
            detail: None,
        }
    }

    pub fn unknown(attribute: Option<String>, detail: impl Into<String>) -> Self {
        Verdict {
            result: Tri::Unknown,
            attribute,
            span: None,
            detail: Some(detail.into()),
        }
    }
}

/// A built-in predicate. `Err` means the rule passed bad arguments, never that the resource is
/// odd: any resource value shape gives an `Ok` outcome.
pub type BuiltinFn = fn(resource: &Value, args: &Map) -> Result<Verdict, String>;

struct Builtin {
    name: &'static str,
    func: BuiltinFn,
    description: &'static str,
}

const BUILTINS: &[Builtin] = &[
    Builtin {
        name: "iam-no-wildcard-actions",
        func: iam::no_wildcard_actions,
        description: "no Allow statement of the IAM policy in `attribute` grants \"*\", \"service:*\" or uses NotAction",
    },
    Builtin {
        name: "iam-no-admin",
        func: iam::no_admin,
        description: "no Allow statement of the IAM policy in `attribute` grants every action (\"*\" or NotAction) on every resource (\"*\" or NotResource)",
    },
    Builtin {
        name: "iam-no-public-principal",
        func: iam::no_public_principal,
        description: "no Allow statement of the IAM policy in `attribute` has principal \"*\" ({\"AWS\": \"*\"}, or NotPrincipal) without a condition restricting the caller",
    },
    Builtin {
        name: "iam-requires-mfa",
        func: iam::requires_mfa,
        description: "the IAM policy in `attribute` requires MFA: a Deny statement applies to requests without MFA, or every Allow statement is allowed only with MFA (aws:MultiFactorAuthPresent / aws:MultiFactorAuthAge)",
    },
    Builtin {
        name: "iam-trust-requires-mfa",
        func: iam::trust_requires_mfa,
        description: "no Allow statement of the trust policy in `attribute` lets an account's IAM users (account root, account id or user ARNs) assume the role without a condition requiring MFA",
    },
    Builtin {
        name: "network-no-public-ingress",
        func: network::no_public_ingress,
        description: "no ingress rule of the security group, rule, network ACL, NSG or firewall opens `port` to the internet (`scope = \"internet\"`, the default: /0 only) or to any public address (`scope = \"public\"`)",
    },
];

const NAMES: &[&str] = &[
    "iam-no-wildcard-actions",
    "iam-no-admin",
    "iam-no-public-principal",
    "iam-requires-mfa",
    "iam-trust-requires-mfa",
    "network-no-public-ingress",
];

/// The predicate called `name`, if there is one.
pub fn lookup(name: &str) -> Option<BuiltinFn> {
    BUILTINS.iter().find(|b| b.name == name).map(|b| b.func)
}

/// Names of every built-in predicate.
pub fn names() -> &'static [&'static str] {
    NAMES
}

/// One-line description per builtin, for `onus rules --builtins`.
pub fn describe(name: &str) -> Option<&'static str> {
    BUILTINS
        .iter()
        .find(|b| b.name == name)
        .map(|b| b.description)
}

// ---------------------------------------------------------------------------------------------
// Shared helpers.

/// One way a resource might violate a predicate: `violates` is true when it does, with the
/// attribute to blame and the detail (for an unknown, what could not be judged).
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub violates: Tri,
    pub attribute: Option<String>,
    /// Where inside the attribute the violation is written ([`Verdict::span`]).
    pub span: Option<Span>,
    pub detail: Option<String>,
}

impl Hit {
    pub fn unknown(attribute: Option<String>, detail: impl Into<String>) -> Self {
        Hit {
            violates: Tri::Unknown,
            attribute,
            span: None,
            detail: Some(detail.into()),
        }
    }
}

/// The outcome of "no hit violates" (Kleene): the first certain violation decides false even
/// when other hits are unknown; otherwise any unknown hit makes the result unknown.
pub(crate) fn combine(hits: impl IntoIterator<Item = Hit>) -> Verdict {
    let mut first_unknown: Option<Hit> = None;
    for hit in hits {
        match hit.violates {
            Tri::True => {
                return Verdict {
                    result: Tri::False,
                    attribute: hit.attribute,
                    span: hit.span,
                    detail: hit.detail,
                }
            }
            Tri::Unknown if first_unknown.is_none() => first_unknown = Some(hit),
            _ => {}
        }
    }
    match first_unknown {
        Some(hit) => Verdict {
            result: Tri::Unknown,
            attribute: hit.attribute,
            span: None,
            detail: hit.detail,
        },
        None => Verdict::compliant(),
    }
}

/// Elements of a nested block (or list of objects) with their blame paths.
pub(crate) enum Elements<'a> {
    /// The elements; each may itself be unknown or of the wrong kind.
    Known(Vec<(String, &'a Value)>),
    /// The collection is unknown (or not a collection at all).
    Unknown,
}

/// The elements of nested block `key` of `parent`, their paths prefixed by `prefix` (empty or
/// ending in `.`): a list gives `key.0`, `key.1`, ...; a single object (`.tf.json` style) gives
/// `key`; absent or null gives none.
pub(crate) fn block_elements<'a>(parent: &'a Value, key: &str, prefix: &str) -> Elements<'a> {
    let Some(value) = parent.get(key) else {
        return Elements::Known(Vec::new());
    };
    match &value.kind {
        Kind::Null => Elements::Known(Vec::new()),
        Kind::List(items) => Elements::Known(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| (format!("{prefix}{key}.{i}"), v))
                .collect(),
        ),
        Kind::Object(_) => Elements::Known(vec![(format!("{prefix}{key}"), value)]),
        _ => Elements::Unknown,
    }
}

/// Fails when `args` holds an argument the builtin does not take (catches typos in rules).
pub(crate) fn check_arg_names(builtin: &str, args: &Map, allowed: &[&str]) -> Result<(), String> {
    for key in args.keys() {
        if !allowed.contains(&&**key) {
            let expected = allowed
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(format!(
                "builtin `{builtin}` has no argument `{key}` (it takes {expected})"
            ));
        }
    }
    Ok(())
}

/// An optional string argument; an error when present but not a known string.
pub(crate) fn arg_str<'a>(
    builtin: &str,
    args: &'a Map,
    key: &str,
) -> Result<Option<&'a str>, String> {
    match args.get(key) {
        None => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s)),
            None => Err(format!(
                "builtin `{builtin}`: argument `{key}` must be a string, not {}",
                v.type_name()
            )),
        },
    }
}

/// A string for a finding label: quoted, or redacted when sensitive.
pub(crate) fn shown(s: &str, sensitive: bool) -> String {
    if sensitive {
        "(sensitive value)".to_string()
    } else {
        format!("{s:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_lists_and_finds_every_builtin() {
        assert_eq!(
            names().to_vec(),
            BUILTINS.iter().map(|b| b.name).collect::<Vec<_>>()
        );
        for name in names() {
            assert!(lookup(name).is_some(), "{name} not found");
            assert!(describe(name).is_some_and(|d| !d.is_empty()));
        }
        assert!(lookup("no-such-builtin").is_none());
        assert!(describe("no-such-builtin").is_none());
    }

    #[test]
    fn combine_is_kleene_any_violation() {
        let hit = |t: Tri, a: &str| Hit {
            violates: t,
            attribute: Some(a.to_string()),
            span: None,
            detail: None,
        };
        assert_eq!(combine([]).result, Tri::True);
        assert_eq!(
            combine([hit(Tri::False, "a"), hit(Tri::False, "b")]).result,
            Tri::True
        );
        let o = combine([hit(Tri::Unknown, "u"), hit(Tri::True, "v")]);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("v"));
        let o = combine([hit(Tri::False, "a"), hit(Tri::Unknown, "u")]);
        assert_eq!(o.result, Tri::Unknown);
        assert_eq!(o.attribute.as_deref(), Some("u"));
    }

    #[test]
    fn block_elements_accepts_lists_objects_and_absence() {
        let r = Value::from_json(&serde_json::json!({
            "list": [{"a": 1}, {"a": 2}],
            "one": {"a": 1},
            "none": null,
            "bad": "x"
        }));
        match block_elements(&r, "list", "") {
            Elements::Known(v) => {
                assert_eq!(
                    v.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(),
                    ["list.0", "list.1"]
                )
            }
            Elements::Unknown => panic!("list"),
        }
        match block_elements(&r, "one", "x.0.") {
            Elements::Known(v) => assert_eq!(v[0].0, "x.0.one"),
            Elements::Unknown => panic!("one"),
        }
        assert!(matches!(block_elements(&r, "none", ""), Elements::Known(v) if v.is_empty()));
        assert!(matches!(block_elements(&r, "absent", ""), Elements::Known(v) if v.is_empty()));
        assert!(matches!(block_elements(&r, "bad", ""), Elements::Unknown));
    }

    #[test]
    fn argument_checks() {
        let mut args = Map::new();
        args.insert("attribute".into(), Value::string("policy"));
        assert!(check_arg_names("b", &args, &["attribute"]).is_ok());
        assert!(check_arg_names("b", &args, &["port"]).is_err());
        assert_eq!(arg_str("b", &args, "attribute"), Ok(Some("policy")));
        assert_eq!(arg_str("b", &args, "other"), Ok(None));
        args.insert("n".into(), Value::number(1.0));
        assert!(arg_str("b", &args, "n").is_err());
    }
}
