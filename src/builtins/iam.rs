//! IAM policy analysis: `iam-no-wildcard-actions`, `iam-no-admin`, `iam-no-public-principal`,
//! `iam-requires-mfa` and `iam-trust-requires-mfa`.
//!
//! Each takes `attribute`, the path of the attribute holding the policy document ("policy",
//! "assume_role_policy", or through nested blocks: "inline_policy.policy"). The policy may be a
//! JSON string (heredoc or `jsonencode`), an object, or the partly known encoding of one; see
//! [`Value::decoded_json`]. An absent or null policy grants nothing (compliant); a known string
//! that is not JSON cannot be judged (unknown).
//!
//! Only `"Effect": "Allow"` statements grant (case-sensitive, as AWS reads it). `Statement` may
//! be one object or a list; `Action`, `Resource` and principal lists may be one string or a list.
//! Action names compare case-insensitively. Statements are numbered from 1 in details, or named
//! by their `Sid`.

use super::network::cidr_is_internet;
use super::{arg_str, block_elements, check_arg_names, combine, shown, Elements, Hit, Verdict};
use crate::value::{Kind, Map, Tri, Value};
use std::sync::Arc;

/// Where an action finding points: `NotAction` when the statement has one, else `Action`.
const ACTION_KEYS: &[&str] = &["NotAction", "Action"];
/// Where a principal finding points.
const PRINCIPAL_KEYS: &[&str] = &["NotPrincipal", "Principal"];

/// `iam-no-wildcard-actions`: no Allow statement grants `*`, `<service>:*` or uses `NotAction`.
pub fn no_wildcard_actions(resource: &Value, args: &Map) -> Result<Verdict, String> {
    run(
        "iam-no-wildcard-actions",
        resource,
        args,
        wildcard_actions,
        ACTION_KEYS,
    )
}

/// `iam-no-admin`: no Allow statement grants every action on every resource.
pub fn no_admin(resource: &Value, args: &Map) -> Result<Verdict, String> {
    run("iam-no-admin", resource, args, admin, ACTION_KEYS)
}

/// `iam-no-public-principal`: no Allow statement has principal `*` without a condition that
/// restricts the caller.
pub fn no_public_principal(resource: &Value, args: &Map) -> Result<Verdict, String> {
    run(
        "iam-no-public-principal",
        resource,
        args,
        public_principal,
        PRINCIPAL_KEYS,
    )
}

/// `iam-trust-requires-mfa`: no Allow statement of a trust policy lets an account's IAM users
/// (`arn:aws:iam::<account>:root`, a bare account id, or a user ARN) assume the role without a
/// condition that requires MFA.
pub fn trust_requires_mfa(resource: &Value, args: &Map) -> Result<Verdict, String> {
    run(
        "iam-trust-requires-mfa",
        resource,
        args,
        trust_without_mfa,
        PRINCIPAL_KEYS,
    )
}

/// `iam-requires-mfa`: the policy requires MFA: a Deny statement applies to requests without
/// MFA (`BoolIfExists` `aws:MultiFactorAuthPresent` = false, `Null` on the MFA keys, an
/// `...IfExists` maximum `aws:MultiFactorAuthAge`), or every Allow statement is allowed only
/// with MFA (`Bool` `aws:MultiFactorAuthPresent` = true, a maximum `aws:MultiFactorAuthAge`).
/// Over nested blocks (`inline_policy.policy`), one policy that requires MFA is enough.
pub fn requires_mfa(resource: &Value, args: &Map) -> Result<Verdict, String> {
    let name = "iam-requires-mfa";
    let segments = policy_path(name, args)?;
    let mut selected = Vec::new();
    select(resource, &segments, String::new(), &mut selected);
    let mut acc = Tri::False;
    let mut blame: Option<(String, String)> = None;
    for sel in selected {
        let (path, result) = match sel {
            Selected::Unknown(path) => (path, Err("the policy is known only after apply".into())),
            Selected::Policy(path, value) => {
                let r = policy_requires_mfa(value);
                (path, r)
            }
        };
        let tri = match result {
            Ok(t) => t,
            Err(why) => {
                if acc == Tri::False {
                    blame = Some((path.clone(), why));
                }
                Tri::Unknown
            }
        };
        if tri == Tri::True {
            return Ok(Verdict::compliant());
        }
        if tri == Tri::False && blame.is_none() {
            blame = Some((
                path,
                "no statement requires MFA (aws:MultiFactorAuthPresent or aws:MultiFactorAuthAge)"
                    .into(),
            ));
        }
        acc = acc.or(tri);
    }
    let (path, detail) = blame.unwrap_or_else(|| {
        (
            segments.join("."),
            format!(
                "`{}` is not set: no policy requires MFA",
                segments.join(".")
            ),
        )
    });
    Ok(Verdict {
        result: acc,
        attribute: Some(path),
        span: None,
        detail: Some(if acc == Tri::Unknown && !detail.contains("after apply") {
            format!("whether the policy requires MFA depends on values known only after apply ({detail})")
        } else {
            detail
        }),
    })
}

/// The `attribute` argument of a policy builtin, as path segments.
fn policy_path<'a>(name: &str, args: &'a Map) -> Result<Vec<&'a str>, String> {
    check_arg_names(name, args, &["attribute"])?;
    let attribute = arg_str(name, args, "attribute")?.ok_or_else(|| {
        format!("builtin `{name}` needs argument `attribute` (the attribute holding the policy, e.g. \"policy\")")
    })?;
    let segments: Vec<&str> = attribute.split('.').collect();
    if segments.iter().any(|s| s.trim().is_empty()) {
        return Err(format!(
            "builtin `{name}`: argument `attribute` must be a `.`-separated attribute path, not {attribute:?}"
        ));
    }
    Ok(segments)
}

/// Whether one policy document requires MFA; `Err` says why it cannot be read.
fn policy_requires_mfa(value: &Value) -> Result<Tri, String> {
    match &value.kind {
        Kind::Null => return Ok(Tri::False),
        Kind::String(s) if s.trim().is_empty() => return Ok(Tri::False),
        _ => {}
    }
    let Some(doc) = decoded_policy(value) else {
        return Err(if value.is_known() {
            "the policy is not a JSON document".into()
        } else {
            "the policy is known only after apply".into()
        });
    };
    let statements: Vec<&Value> = match doc.get("Statement").map(|v| &v.kind) {
        None | Some(Kind::Null) => return Ok(Tri::False),
        Some(Kind::Object(_)) => doc.get("Statement").into_iter().collect(),
        Some(Kind::List(items)) => items.iter().collect(),
        Some(_) => return Err("the policy statements are known only after apply".into()),
    };
    let mut denies = Tri::False;
    let mut allows = Vec::new();
    for st in statements {
        let Some(body) = st.as_object() else {
            denies = denies.or(Tri::Unknown);
            allows.push(Tri::Unknown);
            continue;
        };
        let effect = body.get("Effect").map(|v| &v.kind);
        let condition = body.get("Condition");
        match effect {
            Some(Kind::String(e)) if &**e == "Deny" => {
                denies = denies.or(mfa_condition(condition, MfaUse::DenyWithout));
            }
            Some(Kind::String(e)) if &**e == "Allow" => {
                allows.push(mfa_condition(condition, MfaUse::AllowOnlyWith));
            }
            Some(Kind::String(_)) | None | Some(Kind::Null) => {}
            _ => {
                denies = denies.or(Tri::Unknown);
                allows.push(Tri::Unknown);
            }
        }
    }
    let only_with_mfa = if allows.is_empty() {
        Tri::False
    } else {
        Tri::all(allows)
    };
    Ok(denies.or(only_with_mfa))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum MfaUse {
    /// A Deny statement's condition that matches requests made without MFA.
    DenyWithout,
    /// An Allow statement's condition that matches only requests made with MFA.
    AllowOnlyWith,
}

/// Whether a `Condition` ties the statement to MFA in the way `usage` needs.
fn mfa_condition(condition: Option<&Value>, usage: MfaUse) -> Tri {
    let Some(condition) = condition else {
        return Tri::False;
    };
    let operators = match &condition.kind {
        Kind::Null => return Tri::False,
        Kind::Object(m) => m,
        _ => return Tri::Unknown,
    };
    Tri::any(operators.iter().map(|(op, block)| {
        let op = op.trim().to_ascii_lowercase();
        let keys = match &block.kind {
            Kind::Null => return Tri::False,
            Kind::Object(m) => m,
            _ => return Tri::Unknown,
        };
        Tri::any(keys.iter().map(|(key, value)| {
            let key = key.trim().to_ascii_lowercase();
            let present = key == "aws:multifactorauthpresent";
            let age = key == "aws:multifactorauthage";
            if !present && !age {
                return Tri::False;
            }
            let is = |want: bool| flag_is(value, want);
            match (usage, op.as_str()) {
                (MfaUse::DenyWithout, "bool" | "boolifexists") if present => is(false),
                (MfaUse::DenyWithout, "null") => is(true),
                (
                    MfaUse::DenyWithout,
                    "numericgreaterthanifexists" | "numericgreaterthanequalsifexists",
                ) if age => Tri::True,
                (MfaUse::AllowOnlyWith, "bool") if present => is(true),
                (MfaUse::AllowOnlyWith, "null") => is(false),
                (MfaUse::AllowOnlyWith, "numericlessthan" | "numericlessthanequals") if age => {
                    Tri::True
                }
                _ => Tri::False,
            }
        }))
    }))
}

/// Whether a condition value (a bool, `"true"`/`"false"`, or a list of them) is `want`.
fn flag_is(value: &Value, want: bool) -> Tri {
    let one = |v: &Value| match &v.kind {
        Kind::Bool(b) => Tri::from_bool(*b == want),
        Kind::String(s) => {
            Tri::from_bool(
                s.trim()
                    .eq_ignore_ascii_case(if want { "true" } else { "false" }),
            )
        }
        Kind::Unknown(_) => Tri::Unknown,
        _ => Tri::False,
    };
    match &value.kind {
        Kind::List(items) => Tri::any(items.iter().map(one)),
        _ => one(value),
    }
}

/// Whether a policy document (a value as [`policy_hits`] reads it) grants every action on
/// every resource, with the statement's detail: for exposure paths, which judge a role's
/// policies outside any rule.
pub fn policy_grants_admin(policy: &Value) -> (Tri, Option<String>) {
    policy_grants(policy, admin)
}

/// Whether a policy document grants a way to escalate privilege through IAM: `iam:PassRole` on
/// every resource, or `iam:CreatePolicyVersion` / `iam:AttachRolePolicy` on any (wildcards in
/// the policy's actions are expanded), with the statement's detail.
pub fn policy_grants_iam_escalation(policy: &Value) -> (Tri, Option<String>) {
    policy_grants(policy, iam_escalation)
}

/// Whether some statement of `policy` grants what `check` looks for: true at the first that
/// does, else unknown (with the first undecided statement's detail) or false.
fn policy_grants(policy: &Value, check: Check) -> (Tri, Option<String>) {
    let mut result = Tri::False;
    let mut detail = None;
    for hit in policy_hits(policy, "policy", check, &[]) {
        match hit.violates {
            Tri::True => return (Tri::True, hit.detail),
            Tri::Unknown if result == Tri::False => {
                result = Tri::Unknown;
                detail = hit.detail;
            }
            _ => {}
        }
    }
    (result, detail)
}

/// One statement of a policy, with how details name it.
struct Statement<'a> {
    body: &'a Map,
    /// `statement 2` or `statement "AllowRead"`.
    label: String,
    /// The policy holds a sensitive value: details must not quote it.
    sensitive: bool,
}

/// Whether the statement violates, and the detail to show when it does.
type Check = fn(&Statement) -> (Tri, String);

/// `keys`: the statement members a violation points at, the first one present (`NotAction`
/// before `Action`).
fn run(
    name: &str,
    resource: &Value,
    args: &Map,
    check: Check,
    keys: &[&str],
) -> Result<Verdict, String> {
    let segments = policy_path(name, args)?;

    let mut selected = Vec::new();
    select(resource, &segments, String::new(), &mut selected);
    let mut hits = Vec::new();
    for sel in selected {
        match sel {
            Selected::Unknown(path) => hits.push(Hit::unknown(
                Some(path),
                "the policy is known only after apply",
            )),
            Selected::Policy(path, value) => hits.extend(policy_hits(value, &path, check, keys)),
        }
    }
    Ok(combine(hits))
}

enum Selected<'a> {
    Policy(String, &'a Value),
    /// The policy, or a block on the way to it, cannot be read.
    Unknown(String),
}

/// Every value at `segments` below `value`, crossing nested block lists; `prefix` is the blame
/// path of `value` (empty or ending in `.`).
fn select<'a>(value: &'a Value, segments: &[&str], prefix: String, out: &mut Vec<Selected<'a>>) {
    let Some((first, rest)) = segments.split_first() else {
        return;
    };
    if value.as_object().is_none() {
        // The resource or a block on the way is unknown, or not an object at all.
        let path = match prefix.strip_suffix('.') {
            Some(p) => p.to_string(),
            None => (*first).to_string(),
        };
        out.push(Selected::Unknown(path));
        return;
    }
    if rest.is_empty() {
        if let Some(v) = value.get(first) {
            out.push(Selected::Policy(format!("{prefix}{first}"), v));
        }
        return;
    }
    match block_elements(value, first, &prefix) {
        Elements::Known(elements) => {
            for (path, element) in elements {
                select(element, rest, format!("{path}."), out);
            }
        }
        Elements::Unknown => out.push(Selected::Unknown(format!("{prefix}{first}"))),
    }
}

/// The hits of one policy value at blame path `path`. A violation points at the first of `keys`
/// the statement has, where the document's tree records where it was written.
fn policy_hits(value: &Value, path: &str, check: Check, keys: &[&str]) -> Vec<Hit> {
    match &value.kind {
        Kind::Null => return Vec::new(),
        Kind::String(s) if s.trim().is_empty() => return Vec::new(),
        _ => {}
    }
    let unknown = |why: &str| vec![Hit::unknown(Some(path.to_string()), why)];
    let Some(doc) = decoded_policy(value) else {
        return if value.is_known() {
            unknown("the policy is not a JSON document")
        } else {
            unknown("the policy is known only after apply")
        };
    };
    let sensitive = value.sensitive || doc.contains_sensitive();
    let statements: Vec<(usize, &Value)> = match &doc.kind {
        Kind::Object(map) => match map.get("Statement").map(|v| (v, &v.kind)) {
            None | Some((_, Kind::Null)) => return Vec::new(),
            Some((_, Kind::Unknown(_))) => {
                return unknown("the policy statements are known only after apply")
            }
            Some((v, Kind::Object(_))) => vec![(1, v)],
            Some((_, Kind::List(items))) => {
                items.iter().enumerate().map(|(i, v)| (i + 1, v)).collect()
            }
            Some(_) => return unknown("the policy `Statement` is neither an object nor a list"),
        },
        Kind::Unknown(_) => return unknown("the policy is known only after apply"),
        _ => return unknown("the policy is not a JSON object"),
    };

    statements
        .into_iter()
        .map(|(n, stmt)| match &stmt.kind {
            Kind::Object(body) => {
                let label = statement_label(n, body, sensitive);
                let (violates, detail) = check(&Statement {
                    body,
                    label: label.clone(),
                    sensitive,
                });
                let span = match violates {
                    Tri::True => keys
                        .iter()
                        .find_map(|k| body.get(k))
                        .and_then(|v| v.span)
                        .or(stmt.span),
                    _ => None,
                };
                Hit {
                    violates,
                    attribute: Some(path.to_string()),
                    span,
                    detail: match violates {
                        Tri::True => Some(detail),
                        Tri::Unknown => {
                            Some(format!("{label} depends on values known only after apply"))
                        }
                        Tri::False => None,
                    },
                }
            }
            Kind::Unknown(_) => Hit::unknown(
                Some(path.to_string()),
                format!("statement {n} is known only after apply"),
            ),
            _ => Hit::unknown(
                Some(path.to_string()),
                format!("statement {n} is not an object"),
            ),
        })
        .collect()
}

/// The policy document a value holds ([`Value::decoded_json`]). Each IAM rule reads the same
/// policy of an instance, one rule after another: the last policy string decoded on this
/// thread is kept, so it is parsed once.
fn decoded_policy(value: &Value) -> Option<Value> {
    let Kind::String(text) = &value.kind else {
        return value.decoded_json();
    };
    if let Some(tree) = value.encoded_source() {
        return Some(tree);
    }
    thread_local! {
        static LAST: std::cell::RefCell<Option<(Arc<str>, Option<Value>)>> =
            const { std::cell::RefCell::new(None) };
    }
    // The text alone is kept with its parse: whether the value is sensitive is applied after.
    let parsed = LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((seen, parsed)) = &*last {
            if Arc::ptr_eq(seen, text) || **seen == **text {
                return parsed.clone();
            }
        }
        let parsed = Value::parse_json(text).ok();
        *last = Some((text.clone(), parsed.clone()));
        parsed
    });
    parsed.map(|v| v.mark_sensitive(value.sensitive))
}

fn statement_label(n: usize, body: &Map, sensitive: bool) -> String {
    match body.get("Sid").and_then(Value::as_str) {
        Some(sid) if !sid.trim().is_empty() && !sensitive => format!("statement {sid:?}"),
        _ => format!("statement {n}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The checks.

fn wildcard_actions(st: &Statement) -> (Tri, String) {
    let allow = effect_allows(st.body);
    let not_action = present(st.body, "NotAction");
    let (action, found) = find(st.body.get("Action"), is_service_wildcard);
    let violates = allow.and(not_action.or(action));
    let detail = match (action, found) {
        (Tri::True, Some(a)) => format!("{} allows {}", st.label, shown(a, st.sensitive)),
        _ => format!("{} allows every action except those in NotAction", st.label),
    };
    (violates, detail)
}

fn admin(st: &Statement) -> (Tri, String) {
    let allow = effect_allows(st.body);
    let (action, action_found) = find(st.body.get("Action"), is_full_wildcard);
    let (resource, resource_found) = find(st.body.get("Resource"), is_full_wildcard);
    let every_action = present(st.body, "NotAction").or(action);
    let every_resource = present(st.body, "NotResource").or(resource);
    let violates = allow.and(every_action).and(every_resource);
    let what = match (action, action_found) {
        (Tri::True, Some(a)) => shown(a, st.sensitive),
        _ => "every action except those in NotAction".to_string(),
    };
    let on = match (resource, resource_found) {
        (Tri::True, Some(r)) => format!("on resource {}", shown(r, st.sensitive)),
        _ => "on every resource except those in NotResource".to_string(),
    };
    (violates, format!("{} allows {what} {on}", st.label))
}

fn iam_escalation(st: &Statement) -> (Tri, String) {
    let allow = effect_allows(st.body);
    // Everything but some actions: whether the escalating ones are excluded is not judged here.
    let not_action = match present(st.body, "NotAction") {
        Tri::False => Tri::False,
        _ => Tri::Unknown,
    };
    let (pass, pass_found) = find(st.body.get("Action"), grants_pass_role);
    let (on_every, _) = find(st.body.get("Resource"), is_full_wildcard);
    let (write, write_found) = find(st.body.get("Action"), grants_policy_write);
    let violates = allow.and(not_action.or(pass.and(on_every)).or(write));
    let what = match (pass.and(on_every), pass_found, write_found) {
        (Tri::True, Some(a), _) => format!("{} on every resource", shown(a, st.sensitive)),
        (_, _, Some(a)) => shown(a, st.sensitive),
        _ => "every action except those in NotAction".to_string(),
    };
    (violates, format!("{} allows {what}", st.label))
}

fn grants_pass_role(action: &str) -> bool {
    action_matches(action, "iam:passrole")
}

fn grants_policy_write(action: &str) -> bool {
    action_matches(action, "iam:createpolicyversion")
        || action_matches(action, "iam:attachrolepolicy")
}

/// Whether the policy's action `pattern` (`*` and `?` wildcards, case-insensitive) covers the
/// lowercase action name `action`.
fn action_matches(pattern: &str, action: &str) -> bool {
    let p: Vec<char> = pattern.trim().to_ascii_lowercase().chars().collect();
    let a: Vec<char> = action.chars().collect();
    // Iterative glob match with backtracking to the last `*`: linear in practice.
    let (mut pi, mut ai, mut star, mut mark) = (0, 0, None, 0);
    while ai < a.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == a[ai]) {
            pi += 1;
            ai += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ai;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ai = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

fn public_principal(st: &Statement) -> (Tri, String) {
    let allow = effect_allows(st.body);
    let principal_value = st.body.get("Principal");
    let principal = principal_is_public(principal_value);
    let not_principal = present(st.body, "NotPrincipal");
    let restricted = condition_restricts(st.body.get("Condition"));
    let violates = allow.and(principal.or(not_principal)).and(restricted.not());

    let who = if principal == Tri::True {
        match principal_value.map(|v| &v.kind) {
            Some(Kind::String(s)) => format!("principal {}", shown(s, st.sensitive)),
            _ if st.sensitive => "principal (sensitive value)".to_string(),
            _ => "principal {\"AWS\": \"*\"}".to_string(),
        }
    } else {
        "every principal except those in NotPrincipal".to_string()
    };
    let condition = match present(st.body, "Condition") {
        Tri::False => "with no Condition",
        _ => "and its Condition does not restrict the caller",
    };
    (violates, format!("{} allows {who} {condition}", st.label))
}

/// Whether the statement's actions include `sts:AssumeRole`.
fn allows_assume_role(st: &Statement) -> Tri {
    let assume = |s: &str| {
        let s = s.trim().to_ascii_lowercase();
        s == "sts:assumerole" || s == "sts:*" || all_stars(&s)
    };
    match st.body.get("Action") {
        Some(a) => find(Some(a), assume).0,
        // NotAction: every action but those listed, sts:AssumeRole included unless listed.
        None => match st.body.get("NotAction") {
            Some(n) => find(Some(n), assume).0.not().and(n.is_set()),
            None => Tri::False,
        },
    }
}

/// Whether a role's trust policy lets any AWS principal assume the role (`Principal` `"*"` or
/// `{"AWS": "*"}`, or `NotPrincipal`, with no condition such as `sts:ExternalId` or
/// `aws:PrincipalOrgID` restricting the caller), with the statement's detail: for exposure
/// paths, which judge a role's trust outside any rule.
pub fn policy_trusts_any_principal(policy: &Value) -> (Tri, Option<String>) {
    policy_grants(policy, public_assume)
}

fn public_assume(st: &Statement) -> (Tri, String) {
    let (public, detail) = public_principal(st);
    (public.and(allows_assume_role(st)), detail)
}

fn trust_without_mfa(st: &Statement) -> (Tri, String) {
    let allow = effect_allows(st.body);
    let assume = allows_assume_role(st);
    let (users, who) = account_users(st.body.get("Principal"));
    let mfa = mfa_condition(st.body.get("Condition"), MfaUse::AllowOnlyWith);
    let violates = allow.and(assume).and(users).and(mfa.not());
    let who = who.map_or_else(|| "IAM users".to_string(), |w| shown(w, st.sensitive));
    (
        violates,
        format!(
            "{} lets {who} assume the role without requiring MFA (aws:MultiFactorAuthPresent)",
            st.label
        ),
    )
}

/// Whether `Principal` names IAM users: an account (`arn:aws:iam::<id>:root` or a bare account
/// id, which delegates to every user the account allows) or a user ARN; the first such name.
/// An unknown principal might be one.
fn account_users(principal: Option<&Value>) -> (Tri, Option<&str>) {
    fn is_users(s: &str) -> bool {
        let s = s.trim();
        if s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit()) {
            return true;
        }
        let mut parts = s.splitn(6, ':');
        let (Some("arn"), Some(_partition), Some("iam"), Some(""), Some(account), Some(res)) = (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            return false;
        };
        !account.is_empty() && (res == "root" || res.starts_with("user/"))
    }
    let Some(principal) = principal else {
        return (Tri::False, None);
    };
    match &principal.kind {
        Kind::Null | Kind::String(_) => (Tri::False, None),
        Kind::Unknown(_) => (Tri::Unknown, None),
        Kind::Object(map) => {
            let mut acc = Tri::False;
            for (k, v) in map.iter() {
                if !k.eq_ignore_ascii_case("AWS") {
                    continue;
                }
                match find(Some(v), is_users) {
                    (Tri::True, found) => return (Tri::True, found),
                    (t, _) => acc = acc.or(t),
                }
            }
            (acc, None)
        }
        _ => (Tri::Unknown, None),
    }
}

// ---------------------------------------------------------------------------------------------
// Reading statements.

/// Whether the statement's `Effect` is `Allow`. AWS requires the exact spelling; a statement
/// without an `Effect` is invalid and grants nothing.
fn effect_allows(body: &Map) -> Tri {
    match body.get("Effect").map(|v| &v.kind) {
        None | Some(Kind::Null) => Tri::False,
        Some(Kind::String(s)) => Tri::from_bool(&**s == "Allow"),
        _ => Tri::Unknown,
    }
}

/// Whether the element `key` is set.
fn present(body: &Map, key: &str) -> Tri {
    body.get(key).map_or(Tri::False, Value::is_set)
}

enum Elem<'a> {
    Str(&'a str),
    Unknown,
    /// Not a string: never a wildcard.
    Other,
}

/// The items of a string-or-list element; `None` when the element itself is unknown.
fn elems(value: Option<&Value>) -> Option<Vec<Elem<'_>>> {
    let Some(value) = value else {
        return Some(Vec::new());
    };
    match &value.kind {
        Kind::Unknown(_) => None,
        Kind::List(items) => Some(items.iter().filter_map(elem).collect()),
        _ => Some(elem(value).into_iter().collect()),
    }
}

fn elem(v: &Value) -> Option<Elem<'_>> {
    match &v.kind {
        Kind::String(s) => Some(Elem::Str(s)),
        Kind::Unknown(_) => Some(Elem::Unknown),
        Kind::Null => None,
        _ => Some(Elem::Other),
    }
}

/// Whether some item of a string-or-list element satisfies `pred` (Kleene: a known match is
/// true whatever the unknown items), and the first match.
fn find(value: Option<&Value>, pred: fn(&str) -> bool) -> (Tri, Option<&str>) {
    let Some(items) = elems(value) else {
        return (Tri::Unknown, None);
    };
    let mut acc = Tri::False;
    for item in items {
        match item {
            Elem::Str(s) if pred(s) => return (Tri::True, Some(s)),
            Elem::Unknown => acc = Tri::Unknown,
            Elem::Str(_) | Elem::Other => {}
        }
    }
    (acc, None)
}

fn all_stars(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c == '*')
}

/// `*` or `<service>:*`. Partial wildcards (`s3:Get*`) are not.
fn is_service_wildcard(action: &str) -> bool {
    let a = action.trim();
    if all_stars(a) {
        return true;
    }
    match a.split_once(':') {
        Some((service, name)) => !service.trim().is_empty() && all_stars(name.trim()),
        None => false,
    }
}

/// Every action or every resource: `*` (or `*:*`).
fn is_full_wildcard(s: &str) -> bool {
    let s = s.trim();
    all_stars(s) || s == "*:*"
}

/// Whether `Principal` lets anyone in: `"*"`, or `{"AWS": "*"}` (alone or in a list).
/// Service, federated and canonical-user principals are not public.
fn principal_is_public(principal: Option<&Value>) -> Tri {
    let star = |s: &str| s.trim() == "*";
    let Some(principal) = principal else {
        return Tri::False;
    };
    match &principal.kind {
        Kind::Null => Tri::False,
        Kind::String(s) => Tri::from_bool(star(s)),
        Kind::Unknown(_) => Tri::Unknown,
        Kind::Object(map) => Tri::any(
            map.iter()
                .filter(|(k, _)| k.eq_ignore_ascii_case("AWS"))
                .map(|(_, v)| find(Some(v), |s| s.trim() == "*").0),
        ),
        Kind::List(_) => find(Some(principal), |s| s.trim() == "*").0,
        _ => Tri::Unknown,
    }
}

/// Condition keys that tie a public principal to a known caller: source ARN, account, VPC,
/// organisation, principal, IP range, external id.
const RESTRICTING_KEYS: &[&str] = &[
    "aws:sourcearn",
    "aws:sourceaccount",
    "aws:sourcevpc",
    "aws:sourcevpce",
    "aws:sourceowner",
    "aws:sourceip",
    "aws:sourceorgid",
    "aws:sourceorgpaths",
    "aws:principalorgid",
    "aws:principalorgpaths",
    "aws:principalaccount",
    "aws:principalarn",
    "aws:userid",
    "sts:externalid",
];

/// Whether the `Condition` restricts who can use the statement: some positive operator
/// (`StringEquals`, `ArnLike`, `IpAddress`, ... — not a negated, `...IfExists`, `Null` or
/// `ForAllValues:` one, which all let requests without the key through) on a restricting key,
/// with a value other than `*` (or `0.0.0.0/0` / `::/0` for `aws:SourceIp`). A value known only
/// after apply counts as restricting: it is a reference to a specific ARN, account or id.
fn condition_restricts(condition: Option<&Value>) -> Tri {
    let Some(condition) = condition else {
        return Tri::False;
    };
    match &condition.kind {
        Kind::Null => Tri::False,
        Kind::Object(operators) => Tri::any(
            operators
                .iter()
                .map(|(op, block)| operator_restricts(op, block)),
        ),
        _ => Tri::Unknown,
    }
}

fn operator_restricts(operator: &str, block: &Value) -> Tri {
    let op = operator.trim().to_ascii_lowercase();
    let op = op.strip_prefix("foranyvalue:").unwrap_or(&op);
    if op.starts_with("forallvalues:")
        || op.contains("not")
        || op.ends_with("ifexists")
        || op == "null"
    {
        return Tri::False;
    }
    match &block.kind {
        Kind::Null => Tri::False,
        Kind::Object(keys) => Tri::any(keys.iter().map(|(key, value)| {
            let key = key.trim().to_ascii_lowercase();
            if RESTRICTING_KEYS.contains(&key.as_str()) {
                value_restricts(&key, value)
            } else {
                Tri::False
            }
        })),
        _ => Tri::Unknown,
    }
}

fn value_restricts(key: &str, value: &Value) -> Tri {
    let specific = |s: &str| {
        let s = s.trim();
        !(s.is_empty()
            || all_stars(s)
            || (key == "aws:sourceip" && cidr_is_internet(s) == Some(true)))
    };
    let one = |v: &Value| match &v.kind {
        Kind::Null => Tri::False,
        Kind::String(s) => Tri::from_bool(specific(s)),
        Kind::Object(_) | Kind::List(_) => Tri::Unknown,
        // Unknown: a reference to a specific value. Numbers, bools: a specific value.
        _ => Tri::True,
    };
    match &value.kind {
        Kind::List(items) => Tri::any(items.iter().map(one)),
        _ => one(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_trust_policy_open_to_any_principal_without_a_restricting_condition_trusts_anyone() {
        let policy = |statement: &str| Value::string(format!(r#"{{"Statement":[{statement}]}}"#));
        let tri = |st: &str| policy_trusts_any_principal(&policy(st)).0;
        assert_eq!(
            tri(r#"{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"*"}}"#),
            Tri::True
        );
        assert_eq!(
            tri(r#"{"Effect":"Allow","Action":"sts:AssumeRole","Principal":"*"}"#),
            Tri::True
        );
        // An external id (or an organisation) ties the wildcard to a known caller.
        assert_eq!(
            tri(
                r#"{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"*"},"Condition":{"StringEquals":{"sts:ExternalId":"7f3c"}}}"#
            ),
            Tri::False
        );
        // A named account, a service, or another action: not anyone assuming the role.
        assert_eq!(
            tri(
                r#"{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"arn:aws:iam::111122223333:root"}}"#
            ),
            Tri::False
        );
        assert_eq!(
            tri(
                r#"{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"ec2.amazonaws.com"}}"#
            ),
            Tri::False
        );
        assert_eq!(
            tri(r#"{"Effect":"Allow","Action":"sts:TagSession","Principal":{"AWS":"*"}}"#),
            Tri::False
        );
        assert_eq!(
            tri(r#"{"Effect":"Deny","Action":"sts:AssumeRole","Principal":{"AWS":"*"}}"#),
            Tri::False
        );
    }

    #[test]
    fn escalation_covers_pass_role_on_every_resource_and_policy_writes() {
        let policy = |statement: &str| Value::string(format!(r#"{{"Statement":[{statement}]}}"#));
        let tri = |st: &str| policy_grants_iam_escalation(&policy(st)).0;
        assert_eq!(
            tri(r#"{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}"#),
            Tri::True
        );
        assert_eq!(
            tri(r#"{"Effect":"Allow","Action":"IAM:Pass*","Resource":["*"]}"#),
            Tri::True
        );
        assert_eq!(
            tri(
                r#"{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::1:role/app"}"#
            ),
            Tri::False
        );
        assert_eq!(
            tri(
                r#"{"Effect":"Allow","Action":"iam:CreatePolicyVersion","Resource":"arn:aws:iam::1:policy/x"}"#
            ),
            Tri::True
        );
        assert_eq!(
            tri(r#"{"Effect":"Allow","Action":["s3:*","iam:Attach*"],"Resource":"*"}"#),
            Tri::True
        );
        assert_eq!(
            tri(r#"{"Effect":"Deny","Action":"iam:*","Resource":"*"}"#),
            Tri::False
        );
        assert_eq!(
            tri(r#"{"Effect":"Allow","Action":"iam:Get*","Resource":"*"}"#),
            Tri::False
        );
        assert_eq!(
            tri(r#"{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}"#),
            Tri::Unknown
        );
        assert!(action_matches("i?m:*role*", "iam:attachrolepolicy"));
        assert!(!action_matches("iam:passrol", "iam:passrole"));
    }

    #[test]
    fn admin_hook_reads_the_same_policies_as_the_rule() {
        let admin =
            Value::string(r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#);
        let scoped = Value::string(
            r#"{"Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}"#,
        );
        assert_eq!(policy_grants_admin(&admin).0, Tri::True);
        assert_eq!(policy_grants_admin(&scoped).0, Tri::False);
        assert_eq!(
            policy_grants_admin(&Value::unknown("after apply")).0,
            Tri::Unknown
        );
    }

    #[test]
    fn the_kept_policy_answers_only_for_its_own_text_and_sensitivity() {
        let a = Value::string(r#"{"x":1}"#);
        let b = Value::string(r#"{"x":2}"#);
        let x = |v: &Value| decoded_policy(v).and_then(|d| d.get("x").and_then(Value::as_number));
        assert_eq!(
            (x(&a), x(&b), x(&a), x(&a)),
            (Some(1.0), Some(2.0), Some(1.0), Some(1.0))
        );
        // Same text, once plain and once sensitive, one after the other.
        let secret = Value::string(r#"{"x":1}"#).mark_sensitive(true);
        assert!(!decoded_policy(&a).expect("json").contains_sensitive());
        assert!(decoded_policy(&secret).expect("json").contains_sensitive());
        assert!(!decoded_policy(&a).expect("json").contains_sensitive());
        assert!(decoded_policy(&Value::string("not json")).is_none());
    }

    fn args(attribute: &str) -> Map {
        let mut m = Map::new();
        m.insert("attribute".into(), Value::string(attribute));
        m
    }

    fn resource(policy: Value) -> Value {
        let mut m = Map::new();
        m.insert("policy".into(), policy);
        Value::object(m)
    }

    fn obj(j: serde_json::Value) -> Value {
        Value::from_json(&j)
    }

    fn policy_of(statement: serde_json::Value) -> Value {
        obj(json!({"Version": "2012-10-17", "Statement": statement}))
    }

    fn wild(policy: Value) -> Verdict {
        no_wildcard_actions(&resource(policy), &args("policy")).unwrap()
    }
    fn admin_of(policy: Value) -> Verdict {
        no_admin(&resource(policy), &args("policy")).unwrap()
    }
    fn public(policy: Value) -> Verdict {
        no_public_principal(&resource(policy), &args("policy")).unwrap()
    }

    /// Replaces the value at `key` of an object value.
    fn with(value: Value, key: &str, v: Value) -> Value {
        let mut m = value.as_object().cloned().unwrap();
        m.insert(key.into(), v);
        Value::object(m)
    }

    // ----- policy shapes ---------------------------------------------------------------------

    #[test]
    fn jsonencode_object_policy() {
        let o = wild(policy_of(
            json!([{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]),
        ));
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("policy"));
        assert_eq!(o.detail.as_deref(), Some("statement 1 allows \"s3:*\""));
    }

    #[test]
    fn json_string_policy() {
        let s = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"*"},{"Sid":"All","Effect":"Allow","Action":["*"],"Resource":"*"}]}"#;
        let o = wild(Value::string(s));
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.detail.as_deref(), Some("statement \"All\" allows \"*\""));
        let o = admin_of(Value::string(s));
        assert_eq!(o.result, Tri::False);
        assert_eq!(
            o.detail.as_deref(),
            Some("statement \"All\" allows \"*\" on resource \"*\"")
        );
    }

    #[test]
    fn heredoc_string_with_whitespace() {
        let s = "  {\n    \"Version\": \"2012-10-17\",\n    \"Statement\": [\n      {\n        \"Effect\": \"Allow\",\n        \"Action\": \"ec2:Describe*\",\n        \"Resource\": \"*\"\n      }\n    ]\n  }\n";
        assert_eq!(wild(Value::string(s)).result, Tri::True);
        assert_eq!(admin_of(Value::string(s)).result, Tri::True);
        let bad = s.replace("ec2:Describe*", "ec2:*");
        let o = wild(Value::string(bad));
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.detail.as_deref(), Some("statement 1 allows \"ec2:*\""));
    }

    #[test]
    fn single_statement_object() {
        let p = policy_of(json!({"Effect": "Allow", "Action": "*", "Resource": "*"}));
        assert_eq!(wild(p.clone()).result, Tri::False);
        assert_eq!(admin_of(p).result, Tri::False);
    }

    #[test]
    fn action_string_vs_list_and_case() {
        for action in [
            json!("S3:*"),
            json!(["s3:GetObject", "IAM:*"]),
            json!(["*"]),
        ] {
            let o = wild(policy_of(
                json!([{"Effect": "Allow", "Action": action, "Resource": "*"}]),
            ));
            assert_eq!(o.result, Tri::False, "{action}");
        }
        for action in [
            json!("s3:Get*"),
            json!(["s3:GetObject", "s3:List*"]),
            json!([]),
        ] {
            let o = wild(policy_of(
                json!([{"Effect": "Allow", "Action": action, "Resource": "*"}]),
            ));
            assert_eq!(o.result, Tri::True, "{action}");
        }
    }

    #[test]
    fn not_action_in_allow_is_a_wildcard() {
        let p = policy_of(json!([{"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"}]));
        let o = wild(p.clone());
        assert_eq!(o.result, Tri::False);
        assert_eq!(
            o.detail.as_deref(),
            Some("statement 1 allows every action except those in NotAction")
        );
        let o = admin_of(p);
        assert_eq!(o.result, Tri::False);
        assert_eq!(
            o.detail.as_deref(),
            Some("statement 1 allows every action except those in NotAction on resource \"*\"")
        );
        // NotAction in a Deny statement grants nothing.
        let p = policy_of(json!([{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*"}]));
        assert_eq!(wild(p).result, Tri::True);
    }

    #[test]
    fn deny_statements_and_lowercase_allow_are_ignored() {
        let p = policy_of(json!([
            {"Effect": "Deny", "Action": "*", "Resource": "*"},
            {"Effect": "allow", "Action": "*", "Resource": "*"},
            {"Action": "*", "Resource": "*"}
        ]));
        assert_eq!(wild(p.clone()).result, Tri::True);
        assert_eq!(admin_of(p).result, Tri::True);
    }

    #[test]
    fn absent_null_and_empty_policies_grant_nothing() {
        let r = Value::from_json(&json!({"name": "x"}));
        assert_eq!(no_admin(&r, &args("policy")).unwrap().result, Tri::True);
        assert_eq!(wild(Value::null()).result, Tri::True);
        assert_eq!(wild(Value::string("  ")).result, Tri::True);
        assert_eq!(
            wild(obj(json!({"Version": "2012-10-17"}))).result,
            Tri::True
        );
        assert_eq!(wild(policy_of(json!([]))).result, Tri::True);
    }

    #[test]
    fn not_json_and_unknown_policies_cannot_be_judged() {
        let o = wild(Value::string("not json"));
        assert_eq!(o.result, Tri::Unknown);
        assert_eq!(o.attribute.as_deref(), Some("policy"));
        assert_eq!(wild(Value::string("[1, 2]")).result, Tri::Unknown);
        assert_eq!(wild(Value::unknown("data source")).result, Tri::Unknown);
        assert_eq!(wild(Value::number(3.0)).result, Tri::Unknown);
        assert_eq!(wild(obj(json!({"Statement": "nope"}))).result, Tri::Unknown);
        assert_eq!(
            wild(obj(json!({"Statement": ["nope"]}))).result,
            Tri::Unknown
        );
        assert_eq!(
            wild(with(obj(json!({})), "Statement", Value::unknown("x"))).result,
            Tri::Unknown
        );
    }

    #[test]
    fn partly_known_encoding_is_analysed() {
        // jsonencode({Statement = [{Effect = "Allow", Action = "*", Resource = aws_s3_bucket.b.arn}]})
        let stmt = with(
            obj(json!({"Effect": "Allow", "Action": "*"})),
            "Resource",
            Value::unknown_set("arn"),
        );
        let doc = with(
            obj(json!({"Version": "2012-10-17"})),
            "Statement",
            Value::list(vec![stmt]),
        );
        let encoded = Value::unknown_encoding_of(doc);
        // The action is a known wildcard: a violation whatever the resource.
        assert_eq!(wild(encoded.clone()).result, Tri::False);
        // Admin needs the resource to be "*": unknown.
        assert_eq!(admin_of(encoded).result, Tri::Unknown);
    }

    // ----- three-valued ----------------------------------------------------------------------

    #[test]
    fn unknown_effect_or_action_makes_the_statement_unknown() {
        let stmt = with(
            obj(json!({"Action": "*", "Resource": "*"})),
            "Effect",
            Value::unknown("var"),
        );
        let p = with(policy_of(json!(null)), "Statement", Value::list(vec![stmt]));
        let o = wild(p);
        assert_eq!(o.result, Tri::Unknown);
        assert_eq!(
            o.detail.as_deref(),
            Some("statement 1 depends on values known only after apply")
        );

        let stmt = with(
            obj(json!({"Effect": "Allow", "Resource": "*"})),
            "Action",
            Value::list(vec![Value::string("s3:GetObject"), Value::unknown("var")]),
        );
        let p = with(policy_of(json!(null)), "Statement", Value::list(vec![stmt]));
        assert_eq!(wild(p.clone()).result, Tri::Unknown);
        assert_eq!(admin_of(p).result, Tri::Unknown);

        let stmt = with(
            obj(json!({"Effect": "Allow", "Resource": "*"})),
            "Action",
            Value::unknown("var"),
        );
        let p = with(policy_of(json!(null)), "Statement", Value::list(vec![stmt]));
        assert_eq!(wild(p).result, Tri::Unknown);

        // A wrongly typed Effect cannot be judged either.
        let p = policy_of(json!([{"Effect": 1, "Action": "*", "Resource": "*"}]));
        assert_eq!(wild(p).result, Tri::Unknown);
    }

    #[test]
    fn known_violation_wins_over_unknown_parts() {
        let unknown_stmt = Value::unknown("var");
        let stmt = with(
            obj(json!({"Effect": "Allow", "Resource": "*"})),
            "Action",
            Value::list(vec![Value::unknown("var"), Value::string("s3:*")]),
        );
        let p = with(
            policy_of(json!(null)),
            "Statement",
            Value::list(vec![unknown_stmt, stmt]),
        );
        let o = wild(p);
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.detail.as_deref(), Some("statement 2 allows \"s3:*\""));

        // Unknown Sid and Condition do not matter to the action check.
        let stmt = with(
            obj(json!({"Effect": "Allow", "Action": "*", "Resource": "*"})),
            "Condition",
            Value::unknown("var"),
        );
        let p = with(policy_of(json!(null)), "Statement", Value::list(vec![stmt]));
        assert_eq!(admin_of(p).result, Tri::False);
    }

    // ----- admin -----------------------------------------------------------------------------

    #[test]
    fn admin_needs_every_action_on_every_resource() {
        let cases = [
            (
                json!({"Effect": "Allow", "Action": "*", "Resource": "*"}),
                Tri::False,
            ),
            (
                json!({"Effect": "Allow", "Action": ["*"], "Resource": ["*"]}),
                Tri::False,
            ),
            (
                json!({"Effect": "Allow", "Action": "*", "NotResource": "arn:aws:s3:::x"}),
                Tri::False,
            ),
            (
                json!({"Effect": "Allow", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::x"}),
                Tri::False,
            ),
            (
                json!({"Effect": "Allow", "Action": "s3:*", "Resource": "*"}),
                Tri::True,
            ),
            (
                json!({"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::x/*"}),
                Tri::True,
            ),
            (json!({"Effect": "Allow", "Action": "*"}), Tri::True),
            (
                json!({"Effect": "Deny", "Action": "*", "Resource": "*"}),
                Tri::True,
            ),
        ];
        for (stmt, want) in cases {
            assert_eq!(
                admin_of(policy_of(json!([stmt.clone()]))).result,
                want,
                "{stmt}"
            );
        }
        let o = admin_of(policy_of(
            json!([{"Effect": "Allow", "Action": "*", "NotResource": "x"}]),
        ));
        assert_eq!(
            o.detail.as_deref(),
            Some("statement 1 allows \"*\" on every resource except those in NotResource")
        );
    }

    // ----- public principal ------------------------------------------------------------------

    fn principal_stmt(principal: serde_json::Value) -> Value {
        policy_of(json!([{
            "Effect": "Allow",
            "Principal": principal,
            "Action": "s3:GetObject",
            "Resource": "arn:aws:s3:::b/*"
        }]))
    }

    #[test]
    fn public_principal_forms() {
        for p in [
            json!("*"),
            json!({"AWS": "*"}),
            json!({"AWS": ["arn:aws:iam::1:root", "*"]}),
        ] {
            let o = public(principal_stmt(p.clone()));
            assert_eq!(o.result, Tri::False, "{p}");
            assert_eq!(o.attribute.as_deref(), Some("policy"));
        }
        assert_eq!(
            public(principal_stmt(json!("*"))).detail.as_deref(),
            Some("statement 1 allows principal \"*\" with no Condition")
        );
        assert_eq!(
            public(principal_stmt(json!({"AWS": "*"})))
                .detail
                .as_deref(),
            Some("statement 1 allows principal {\"AWS\": \"*\"} with no Condition")
        );
        for p in [
            json!({"AWS": "arn:aws:iam::123456789012:root"}),
            json!({"Service": "lambda.amazonaws.com"}),
            json!({"Service": "*"}),
            json!({"Federated": "cognito-identity.amazonaws.com"}),
            json!({"CanonicalUser": "79a59df900b949e55d96a1e698fbaced"}),
            json!("arn:aws:iam::123456789012:root"),
        ] {
            assert_eq!(public(principal_stmt(p.clone())).result, Tri::True, "{p}");
        }
        // No principal at all (identity policy), or a Deny: not public.
        assert_eq!(
            public(policy_of(
                json!([{"Effect": "Allow", "Action": "*", "Resource": "*"}])
            ))
            .result,
            Tri::True
        );
        assert_eq!(
            public(policy_of(
                json!([{"Effect": "Deny", "Principal": "*", "Action": "*"}])
            ))
            .result,
            Tri::True
        );
    }

    #[test]
    fn not_principal_with_allow_is_public() {
        let p = policy_of(json!([{
            "Effect": "Allow",
            "NotPrincipal": {"AWS": "arn:aws:iam::1:root"},
            "Action": "s3:*"
        }]));
        let o = public(p);
        assert_eq!(o.result, Tri::False);
        assert_eq!(
            o.detail.as_deref(),
            Some(
                "statement 1 allows every principal except those in NotPrincipal with no Condition"
            )
        );
        let p = policy_of(json!([{"Effect": "Deny", "NotPrincipal": {"AWS": "x"}, "Action": "*"}]));
        assert_eq!(public(p).result, Tri::True);
    }

    fn with_condition(condition: serde_json::Value) -> Value {
        policy_of(json!([{
            "Sid": "Public",
            "Effect": "Allow",
            "Principal": {"AWS": "*"},
            "Action": "sqs:SendMessage",
            "Resource": "*",
            "Condition": condition
        }]))
    }

    #[test]
    fn restricting_conditions_make_a_public_principal_compliant() {
        for c in [
            json!({"ArnEquals": {"aws:SourceArn": "arn:aws:sns:us-east-1:1:topic"}}),
            json!({"StringEquals": {"aws:SourceAccount": "123456789012"}}),
            json!({"StringEquals": {"aws:sourceaccount": 123456789012u64}}),
            json!({"StringEquals": {"aws:SourceVpce": "vpce-1"}}),
            json!({"StringEquals": {"aws:SourceVpc": ["vpc-1"]}}),
            json!({"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}),
            json!({"StringEquals": {"aws:PrincipalAccount": "1"}}),
            json!({"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::1:role/*"}}),
            json!({"IpAddress": {"aws:SourceIp": ["203.0.113.0/24"]}}),
            json!({"StringEquals": {"sts:ExternalId": "x"}}),
            json!({"StringLike": {"aws:userid": "AIDA*"}}),
            json!({"StringEquals": {"aws:SourceOwner": "1"}}),
            json!({"ForAnyValue:StringEquals": {"aws:PrincipalOrgID": ["o-abc"]}}),
            json!({
                "Bool": {"aws:SecureTransport": "true"},
                "StringEquals": {"aws:SourceAccount": "1"}
            }),
        ] {
            assert_eq!(public(with_condition(c.clone())).result, Tri::True, "{c}");
        }
    }

    #[test]
    fn other_conditions_do_not_restrict() {
        for c in [
            json!({"Bool": {"aws:SecureTransport": "true"}}),
            json!({"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}}),
            json!({"StringNotEquals": {"aws:PrincipalOrgID": "o-abc"}}),
            json!({"StringEqualsIfExists": {"aws:SourceAccount": "1"}}),
            json!({"Null": {"aws:SourceArn": "false"}}),
            json!({"ForAllValues:StringEquals": {"aws:PrincipalOrgID": ["o-abc"]}}),
            json!({"StringLike": {"aws:SourceArn": "*"}}),
            json!({"IpAddress": {"aws:SourceIp": "0.0.0.0/0"}}),
            json!({"IpAddress": {"aws:SourceIp": ["::/0", "0.0.0.0/0"]}}),
            json!({}),
        ] {
            let o = public(with_condition(c.clone()));
            assert_eq!(o.result, Tri::False, "{c}");
        }
        let o = public(with_condition(
            json!({"Bool": {"aws:SecureTransport": "true"}}),
        ));
        assert_eq!(
            o.detail.as_deref(),
            Some("statement \"Public\" allows principal {\"AWS\": \"*\"} and its Condition does not restrict the caller")
        );
    }

    #[test]
    fn condition_unknowns() {
        let base = obj(json!({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject"}));
        let policy =
            |stmt: Value| with(policy_of(json!(null)), "Statement", Value::list(vec![stmt]));

        // A restricting key whose value is known only after apply is a specific reference.
        let mut cond = Map::new();
        cond.insert("aws:SourceArn".into(), Value::unknown_set("arn"));
        let mut ops = Map::new();
        ops.insert("ArnEquals".into(), Value::object(cond));
        let stmt = with(base.clone(), "Condition", Value::object(ops));
        assert_eq!(public(policy(stmt)).result, Tri::True);

        // The whole Condition unknown: cannot tell.
        let stmt = with(base.clone(), "Condition", Value::unknown("var"));
        assert_eq!(public(policy(stmt)).result, Tri::Unknown);

        // A non-restricting operator with an unknown block is still not restricting.
        let mut ops = Map::new();
        ops.insert("Bool".into(), Value::unknown("var"));
        ops.insert("StringEquals".into(), Value::unknown("var"));
        let stmt = with(base.clone(), "Condition", Value::object(ops));
        assert_eq!(public(policy(stmt)).result, Tri::Unknown);

        // Unknown principal: cannot tell; unknown AWS list element with a known "*": public.
        let stmt = with(base.clone(), "Principal", Value::unknown("var"));
        assert_eq!(public(policy(stmt)).result, Tri::Unknown);
        let mut p = Map::new();
        p.insert(
            "AWS".into(),
            Value::list(vec![Value::unknown("var"), Value::string("*")]),
        );
        let stmt = with(base.clone(), "Principal", Value::object(p));
        assert_eq!(public(policy(stmt)).result, Tri::False);
        let mut p = Map::new();
        p.insert("AWS".into(), Value::list(vec![Value::unknown("var")]));
        let stmt = with(base, "Principal", Value::object(p));
        assert_eq!(public(policy(stmt)).result, Tri::Unknown);
    }

    // ----- attribute paths -------------------------------------------------------------------

    #[test]
    fn trust_policy_attribute() {
        let r = obj(json!({
            "name": "role",
            "assume_role_policy": "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}}"
        }));
        let o = no_public_principal(&r, &args("assume_role_policy")).unwrap();
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("assume_role_policy"));
        // The other attribute holds no policy.
        assert_eq!(
            no_public_principal(&r, &args("policy")).unwrap().result,
            Tri::True
        );
    }

    #[test]
    fn nested_block_paths_report_the_element_index() {
        let good = r#"{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
        let bad = r#"{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
        let r = obj(json!({
            "inline_policy": [
                {"name": "a", "policy": good},
                {"name": "b", "policy": bad}
            ]
        }));
        let o = no_admin(&r, &args("inline_policy.policy")).unwrap();
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("inline_policy.1.policy"));

        // A single block as an object (.tf.json).
        let r = obj(json!({"inline_policy": {"name": "b", "policy": bad}}));
        let o = no_admin(&r, &args("inline_policy.policy")).unwrap();
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("inline_policy.policy"));

        // No blocks: nothing granted. Unknown blocks: cannot tell.
        let r = obj(json!({"name": "x"}));
        assert_eq!(
            no_admin(&r, &args("inline_policy.policy")).unwrap().result,
            Tri::True
        );
        let mut m = Map::new();
        m.insert("inline_policy".into(), Value::unknown("dynamic"));
        let o = no_admin(&Value::object(m), &args("inline_policy.policy")).unwrap();
        assert_eq!(o.result, Tri::Unknown);
        assert_eq!(o.attribute.as_deref(), Some("inline_policy"));
        let mut m = Map::new();
        m.insert(
            "inline_policy".into(),
            Value::list(vec![Value::unknown("x"), obj(json!({"policy": bad}))]),
        );
        let o = no_admin(&Value::object(m), &args("inline_policy.policy")).unwrap();
        assert_eq!(o.result, Tri::False);
        assert_eq!(o.attribute.as_deref(), Some("inline_policy.1.policy"));
    }

    #[test]
    fn odd_resource_shapes_never_panic() {
        let shapes = [
            Value::unknown("resource"),
            Value::null(),
            Value::string("x"),
            Value::list(vec![Value::null()]),
            obj(json!({"policy": [1, 2]})),
            obj(
                json!({"policy": {"Statement": [{"Effect": "Allow", "Action": {"a": 1}, "Principal": 5, "Condition": [1]}]}}),
            ),
            obj(
                json!({"policy": {"Statement": [{"Effect": "Allow", "Action": [null, 3, true], "Resource": [null], "Principal": ["*"], "Condition": {"StringEquals": "x"}}]}}),
            ),
            obj(
                json!({"policy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": 7}, "Condition": {"StringEquals": {"aws:SourceArn": {"x": 1}}}}]}}),
            ),
        ];
        for r in &shapes {
            for f in [no_wildcard_actions, no_admin, no_public_principal] {
                for a in ["policy", "inline_policy.policy", "a.b.c"] {
                    assert!(f(r, &args(a)).is_ok());
                }
            }
        }
        assert_eq!(wild(Value::null()).result, Tri::True);
        assert_eq!(
            no_admin(&Value::unknown("r"), &args("policy"))
                .unwrap()
                .result,
            Tri::Unknown
        );
    }

    #[test]
    fn bad_arguments_are_errors() {
        let r = resource(Value::null());
        assert!(no_admin(&r, &Map::new()).is_err());
        let mut a = args("policy");
        a.insert("port".into(), Value::number(22.0));
        assert!(no_admin(&r, &a).is_err());
        let mut a = Map::new();
        a.insert("attribute".into(), Value::number(1.0));
        assert!(no_admin(&r, &a).is_err());
        for bad in ["", "a..b", ".policy"] {
            assert!(no_admin(&r, &args(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn sensitive_policies_are_not_quoted() {
        let p = Value::string(
            r#"{"Statement":{"Sid":"Secret","Effect":"Allow","Action":"s3:*","Resource":"*"}}"#,
        )
        .mark_sensitive(true);
        let o = wild(p);
        assert_eq!(o.result, Tri::False);
        assert_eq!(
            o.detail.as_deref(),
            Some("statement 1 allows (sensitive value)")
        );
    }

    // ----- MFA -------------------------------------------------------------------------------

    fn mfa(policy: Value) -> Tri {
        requires_mfa(&resource(policy), &args("policy"))
            .unwrap()
            .result
    }
    fn trust(policy: Value) -> Verdict {
        trust_requires_mfa(&resource(policy), &args("policy")).unwrap()
    }

    #[test]
    fn a_deny_without_mfa_or_allow_only_with_mfa_requires_it() {
        let deny = |op: &str, key: &str, v: serde_json::Value| {
            policy_of(json!([
                {"Effect": "Allow", "Action": "s3:*", "Resource": "*"},
                {"Effect": "Deny", "NotAction": "iam:*", "Resource": "*",
                 "Condition": {op: {key: v}}}
            ]))
        };
        assert_eq!(
            mfa(deny(
                "BoolIfExists",
                "aws:MultiFactorAuthPresent",
                json!("false")
            )),
            Tri::True
        );
        assert_eq!(
            mfa(deny("Bool", "aws:MultiFactorAuthPresent", json!(false))),
            Tri::True
        );
        assert_eq!(
            mfa(deny("Null", "aws:MultiFactorAuthAge", json!("true"))),
            Tri::True
        );
        assert_eq!(
            mfa(deny(
                "NumericGreaterThanIfExists",
                "aws:MultiFactorAuthAge",
                json!("3600")
            )),
            Tri::True
        );
        // Denying when MFA *is* present, or on another key, requires nothing.
        assert_eq!(
            mfa(deny("Bool", "aws:MultiFactorAuthPresent", json!("true"))),
            Tri::False
        );
        assert_eq!(
            mfa(deny("Bool", "aws:SecureTransport", json!("false"))),
            Tri::False
        );
        // Every Allow needs MFA.
        let only = policy_of(json!([{"Effect": "Allow", "Action": "*", "Resource": "*",
            "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]));
        assert_eq!(mfa(only), Tri::True);
        let one_without = policy_of(json!([
            {"Effect": "Allow", "Action": "*", "Resource": "*",
             "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}},
            {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
        ]));
        assert_eq!(mfa(one_without), Tri::False);
        // BoolIfExists true lets requests without the key (long-term keys) through.
        let if_exists = policy_of(json!([{"Effect": "Allow", "Action": "*", "Resource": "*",
            "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "true"}}}]));
        assert_eq!(mfa(if_exists), Tri::False);
        // Unknown parts that matter leave it unknown; an absent policy requires nothing.
        let mut keys = Map::new();
        keys.insert("aws:MultiFactorAuthPresent".into(), Value::unknown("v"));
        let mut ops = Map::new();
        ops.insert("BoolIfExists".into(), Value::object(keys));
        let st = obj(json!({"Effect": "Deny", "Action": "*", "Resource": "*"}));
        let unknown = with(
            policy_of(json!([])),
            "Statement",
            Value::list(vec![with(st, "Condition", Value::object(ops))]),
        );
        assert_eq!(mfa(unknown), Tri::Unknown);
        assert_eq!(mfa(Value::unknown("later")), Tri::Unknown);
        assert_eq!(mfa(Value::null()), Tri::False);
    }

    #[test]
    fn a_trust_policy_for_iam_users_needs_an_mfa_condition() {
        let role = |principal: serde_json::Value, condition: Option<serde_json::Value>| {
            let mut st =
                json!({"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": principal});
            if let Some(c) = condition {
                st["Condition"] = c;
            }
            policy_of(json!([st]))
        };
        let o = trust(role(json!({"AWS": "arn:aws:iam::111122223333:root"}), None));
        assert_eq!(o.result, Tri::False);
        assert_eq!(
            o.detail.as_deref(),
            Some("statement 1 lets \"arn:aws:iam::111122223333:root\" assume the role without requiring MFA (aws:MultiFactorAuthPresent)")
        );
        assert_eq!(
            trust(role(json!({"AWS": ["111122223333"]}), None)).result,
            Tri::False
        );
        assert_eq!(
            trust(role(
                json!({"AWS": "arn:aws-us-gov:iam::111122223333:user/ops/alice"}),
                None
            ))
            .result,
            Tri::False
        );
        let with_mfa = Some(json!({"Bool": {"aws:MultiFactorAuthPresent": "true"}}));
        assert_eq!(
            trust(role(
                json!({"AWS": "arn:aws:iam::111122223333:root"}),
                with_mfa
            ))
            .result,
            Tri::True
        );
        let max_age = Some(json!({"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}));
        assert_eq!(
            trust(role(
                json!({"AWS": "arn:aws:iam::111122223333:root"}),
                max_age
            ))
            .result,
            Tri::True
        );
        // Roles, services and federation are not IAM users.
        assert_eq!(
            trust(role(
                json!({"AWS": "arn:aws:iam::111122223333:role/ci"}),
                None
            ))
            .result,
            Tri::True
        );
        assert_eq!(
            trust(role(json!({"Service": "ec2.amazonaws.com"}), None)).result,
            Tri::True
        );
        // A principal known only after apply might be a user.
        let mut p = Map::new();
        p.insert("AWS".into(), Value::unknown("arn"));
        let st = role(json!({}), None)
            .get("Statement")
            .unwrap()
            .as_list()
            .unwrap()[0]
            .clone();
        let unknown = with(
            policy_of(json!([])),
            "Statement",
            Value::list(vec![with(st, "Principal", Value::object(p))]),
        );
        assert_eq!(trust(unknown).result, Tri::Unknown);
    }
}
