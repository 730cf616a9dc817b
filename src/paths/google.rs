//! Google Cloud exposure paths: Compute Engine instances with an external address on a network
//! whose firewall admits the internet, to the service account each runs as and the roles that
//! account holds on the project, folder or organisation. The indexes (grants by service account,
//! firewall rules by network) are built once per root in [`Index::new`].

use super::graph::{Graph, Resolved};
use super::{unknown_why, Grant, Reach, Search};
use crate::builtins::network::cidr_is_internet;
use crate::finding::PathStage;
use crate::value::{Kind, Value};
use foldhash::HashMap;

const SERVICE_ACCOUNT: &[&str] = &["google_service_account"];
const NETWORK: &[&str] = &["google_compute_network"];
const SUBNETWORK: &[&str] = &["google_compute_subnetwork"];

/// IAM grants to a member at project, folder and organisation scope, with the scope named in
/// a hop's label.
const SCOPE_GRANTS: &[(&str, &str)] = &[
    ("google_project_iam_member", "project"),
    ("google_project_iam_binding", "project"),
    ("google_folder_iam_member", "folder"),
    ("google_folder_iam_binding", "folder"),
    ("google_organization_iam_member", "organization"),
    ("google_organization_iam_binding", "organization"),
];

/// Roles that hand over the whole scope.
const ADMIN_ROLES: &[&str] = &["roles/owner", "roles/editor"];
/// Roles whose holder can make itself more powerful: mint tokens for or act as another
/// service account, or rewrite the project's IAM policy.
const ESCALATION_ROLES: &[&str] = &[
    "roles/iam.serviceAccountTokenCreator",
    "roles/iam.serviceAccountUser",
    "roles/resourcemanager.projectIamAdmin",
];

/// Who a workload runs as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Account {
    /// A `google_service_account` of this configuration.
    Managed(usize),
    /// `PROJECT_NUMBER-compute@developer.gserviceaccount.com`.
    DefaultCompute,
    /// `PROJECT_ID@appspot.gserviceaccount.com`.
    DefaultAppEngine,
}

impl Account {
    fn is_default(self) -> bool {
        !matches!(self, Account::Managed(_))
    }
}

/// A VPC network as firewall rules and interfaces name it: by the resource, or by name when
/// that is all the text says (`"default"`, a self link).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Net {
    Resource(usize),
    Name(String),
}

/// The Google edges of one root, built once.
#[derive(Default)]
pub(super) struct Index {
    /// Service accounts by `account_id`, for emails written out as text.
    by_account_id: HashMap<String, usize>,
    /// Scope grants by the account they name.
    grants: HashMap<Account, Vec<usize>>,
    /// Scope grants whose member cannot be read: they may name any account.
    unresolved_grants: Vec<(usize, String)>,
    /// Firewall rules by network.
    firewalls: HashMap<Net, Vec<usize>>,
    unresolved_firewalls: Vec<(usize, String)>,
    /// `google_project_default_service_accounts` resources.
    default_account_settings: Vec<usize>,
}

impl Index {
    pub(super) fn new(g: &Graph<'_>) -> Index {
        let mut ix = Index::default();
        for &sa in g.of_type("google_service_account") {
            if let Some(id) = g.instances[sa]
                .values
                .get("account_id")
                .and_then(Value::as_str)
            {
                ix.by_account_id.entry(id.to_string()).or_insert(sa);
            }
        }
        for (ty, _) in SCOPE_GRANTS {
            for &b in g.of_type(ty) {
                let values = &g.instances[b].values;
                let members: Vec<&Value> = match (values.get("member"), values.get("members")) {
                    (Some(m), _) => vec![m],
                    (_, Some(ms)) => match ms.as_list() {
                        Some(items) => items.iter().collect(),
                        None if ms.is_null() => Vec::new(),
                        None => vec![ms],
                    },
                    _ => Vec::new(),
                };
                for m in members {
                    match ix.member_accounts(g, m) {
                        Ok(accounts) => {
                            for a in accounts {
                                let list = ix.grants.entry(a).or_default();
                                if list.last() != Some(&b) {
                                    list.push(b);
                                }
                            }
                        }
                        Err(why) => ix.unresolved_grants.push((b, why)),
                    }
                }
            }
        }
        for &fw in g.of_type("google_compute_firewall") {
            match g.instances[fw].values.get("network") {
                Some(v) => match network_of(g, v, "network") {
                    Ok(net) => ix.firewalls.entry(net).or_default().push(fw),
                    Err(why) => ix.unresolved_firewalls.push((fw, why)),
                },
                None => ix
                    .unresolved_firewalls
                    .push((fw, "`network` is not set".into())),
            }
        }
        ix.default_account_settings = g
            .of_type("google_project_default_service_accounts")
            .to_vec();
        ix
    }

    /// The accounts of this configuration an IAM member names: none for a user, a group or an
    /// account defined elsewhere; an error when the member cannot be read.
    fn member_accounts(&self, g: &Graph<'_>, m: &Value) -> Result<Vec<Account>, String> {
        if let Some(s) = m.as_str() {
            return Ok(match s.strip_prefix("serviceAccount:") {
                Some(email) => self.email_account(email).into_iter().collect(),
                None => Vec::new(),
            });
        }
        if m.is_null() {
            return Ok(Vec::new());
        }
        // `"user:${...}"`: the known text already says it is no service account.
        if let Some(first) = m.literal_parts().and_then(|p| p.first()) {
            if !first.is_empty()
                && !first.starts_with("serviceAccount:")
                && !"serviceAccount:".starts_with(&**first)
            {
                return Ok(Vec::new());
            }
        }
        self.accounts_referenced(g, m)
            .ok_or_else(|| unknown_why(m, "member"))
    }

    /// The accounts a value refers to: service accounts of this configuration and the
    /// default service accounts' data sources.
    fn accounts_referenced(&self, g: &Graph<'_>, v: &Value) -> Option<Vec<Account>> {
        let mut out: Vec<Account> = g
            .refs_to(v, SERVICE_ACCOUNT)
            .into_iter()
            .map(Account::Managed)
            .collect();
        if let Some(u) = v.as_unknown() {
            for r in &u.refs {
                let data = r.rsplit("data.").next().unwrap_or("");
                if data.starts_with("google_compute_default_service_account.") {
                    out.push(Account::DefaultCompute);
                } else if data.starts_with("google_app_engine_default_service_account.") {
                    out.push(Account::DefaultAppEngine);
                }
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// The account an email names, if this configuration defines it or it is a default one.
    fn email_account(&self, email: &str) -> Option<Account> {
        if email.ends_with("-compute@developer.gserviceaccount.com") {
            return Some(Account::DefaultCompute);
        }
        if email.ends_with("@appspot.gserviceaccount.com") {
            return Some(Account::DefaultAppEngine);
        }
        let (local, domain) = email.split_once('@')?;
        if !domain.ends_with(".iam.gserviceaccount.com") {
            return None;
        }
        self.by_account_id.get(local).copied().map(Account::Managed)
    }
}

/// The network a value names.
fn network_of(g: &Graph<'_>, v: &Value, attr: &str) -> Result<Net, String> {
    if let Some(s) = v.as_str() {
        return Ok(Net::Name(s.rsplit('/').next().unwrap_or(s).to_string()));
    }
    match g.refs_to(v, NETWORK).first() {
        Some(&n) => Ok(canonical_network(g, n)),
        None => Err(unknown_why(v, attr)),
    }
}

/// A network resource whose name is known is keyed by it, so a firewall naming it by text
/// meets an interface naming it by reference.
fn canonical_network(g: &Graph<'_>, n: usize) -> Net {
    match g.instances[n].values.get("name").and_then(Value::as_str) {
        Some(name) => Net::Name(name.to_string()),
        None => Net::Resource(n),
    }
}

/// `v` as a list of values: a list's items, one value otherwise, none for null.
fn items(v: Option<&Value>) -> Vec<&Value> {
    match v {
        None => Vec::new(),
        Some(v) => match &v.kind {
            Kind::Null => Vec::new(),
            Kind::List(items) => items.iter().collect(),
            _ => vec![v],
        },
    }
}

/// The first element of a nested block (`template.0`), or the value itself.
fn first_block(v: Option<&Value>) -> Option<&Value> {
    match v {
        Some(v) => match &v.kind {
            Kind::List(items) => items.first(),
            Kind::Null => None,
            _ => Some(v),
        },
        None => None,
    }
}

/// `cloud-platform` (alias or URL): the access scope that lets the token call every API the
/// account's roles allow. Other scopes narrow the token to some APIs.
fn scope_allows(scope: &str, grant: Grant) -> bool {
    let name = scope
        .strip_prefix("https://www.googleapis.com/auth/")
        .unwrap_or(scope);
    name == "cloud-platform" || (grant == Grant::IamEscalation && name == "iam")
}

impl Search<'_> {
    // -- entry: a Compute Engine instance with an external address the firewall opens ------

    /// Each instance with an external address (an `access_config` block, even empty) on a
    /// network whose firewall admits the internet to it, running as a service account with
    /// the `cloud-platform` scope whose roles give `grant`.
    pub(super) fn gce_instances_to(&self, grant: Grant) -> Vec<(usize, Reach)> {
        self.g
            .of_type("google_compute_instance")
            .iter()
            .map(|&i| {
                let nics = self.inst(i).values.get("network_interface");
                let entry = match nics.map(|v| (v.as_list(), v)) {
                    None => Reach::No,
                    Some((Some(list), _)) => Reach::any(
                        list.iter()
                            .enumerate()
                            .map(|(n, nic)| self.gce_interface_open(i, n, nic)),
                    ),
                    Some((None, v)) if v.is_null() => Reach::No,
                    Some((None, v)) => Reach::Unknown(unknown_why(v, "network_interface")),
                };
                (i, entry.then(|| self.gce_identity(i, grant)))
            })
            .collect()
    }

    fn gce_interface_open(&self, i: usize, n: usize, nic: &Value) -> Reach {
        let external = |block: &str| match nic.get(block) {
            None => Ok(false),
            Some(v) => match v.as_list() {
                Some(l) => Ok(!l.is_empty()),
                None if v.is_null() => Ok(false),
                None => Err(unknown_why(v, &format!("network_interface.{n}.{block}"))),
            },
        };
        let (v4, v6) = match (external("access_config"), external("ipv6_access_config")) {
            (Ok(v4), Ok(v6)) => (v4, v6),
            (Err(why), _) | (_, Err(why)) => return Reach::Unknown(why),
        };
        if !v4 && !v6 {
            return Reach::No;
        }
        let address_attr = if v4 {
            format!("network_interface.{n}.access_config")
        } else {
            format!("network_interface.{n}.ipv6_access_config")
        };
        let net = match (nic.get("network"), nic.get("subnetwork")) {
            (Some(v), _) if !v.is_null() => {
                network_of(&self.g, v, &format!("network_interface.{n}.network"))
            }
            (_, Some(v)) if !v.is_null() => self.subnetwork_network(v, n),
            _ => Err(format!("network_interface.{n} names no network")),
        };
        let net = match net {
            Ok(net) => net,
            Err(why) => return Reach::Unknown(why),
        };
        let firewalls = self.gcp.firewalls.get(&net).map_or(&[][..], Vec::as_slice);
        let mut alternatives: Vec<Reach> = firewalls
            .iter()
            .map(|&fw| self.firewall_admits(fw, i, v4, v6, firewalls))
            .collect();
        for (fw, why) in &self.gcp.unresolved_firewalls {
            if self.firewall_matches(*fw, i, v4, v6, "allow") != Reach::No {
                alternatives.push(Reach::Unknown(format!(
                    "{} may open the instance's network: {why}",
                    self.inst(*fw).address
                )));
            }
        }
        Reach::any(alternatives).then(|| {
            Reach::Yes(vec![self.hop(
                i,
                PathStage::Entry,
                Some(&address_attr),
                "instance with an external IP address".into(),
            )])
        })
    }

    /// The network of the subnetwork an interface names.
    fn subnetwork_network(&self, v: &Value, n: usize) -> Result<Net, String> {
        let attr = format!("network_interface.{n}.subnetwork");
        match self.g.resolve_value(v, &attr, SUBNETWORK, "name") {
            Resolved::Known(subs) => match subs.first() {
                Some(&s) => match self.inst(s).values.get("network") {
                    Some(net) => network_of(&self.g, net, "network"),
                    None => Err(format!("{} names no network", self.inst(s).address)),
                },
                None => Err(format!("`{attr}` names no subnetwork")),
            },
            Resolved::Unknown(why) => Err(why),
        }
    }

    /// An allow rule that admits the internet to the instance, unless a deny rule of the same
    /// or a more important priority shuts the same traffic.
    fn firewall_admits(
        &self,
        fw: usize,
        i: usize,
        v4: bool,
        v6: bool,
        same_net: &[usize],
    ) -> Reach {
        let allow = self.firewall_matches(fw, i, v4, v6, "allow");
        if !matches!(allow, Reach::Yes(_)) {
            return allow;
        }
        let priority = |r: usize| match self.inst(r).values.get("priority") {
            None => Some(1000.0),
            Some(v) if v.is_null() => Some(1000.0),
            Some(v) => v.as_number(),
        };
        for &d in same_net {
            if d == fw || self.firewall_matches(d, i, v4, v6, "deny") == Reach::No {
                continue;
            }
            let wins = match (priority(d), priority(fw)) {
                // Deny wins a tie.
                (Some(pd), Some(pa)) => pd <= pa,
                _ => true,
            };
            if !wins {
                continue;
            }
            let denies_all = self
                .inst(d)
                .values
                .get("deny")
                .and_then(Value::as_list)
                .is_some_and(|l| {
                    l.iter().any(|b| {
                        b.get("protocol").and_then(Value::as_str) == Some("all")
                            && items(b.get("ports")).is_empty()
                    })
                });
            return if denies_all
                && matches!(self.firewall_matches(d, i, v4, v6, "deny"), Reach::Yes(_))
            {
                Reach::No
            } else {
                Reach::Unknown(format!(
                    "{} denies some internet traffic to the instance first: which ports stay open is not decided",
                    self.inst(d).address
                ))
            };
        }
        allow
    }

    /// Whether firewall rule `fw` is an enabled ingress rule with an `action` block (`allow`
    /// or `deny`) from the whole internet that applies to instance `i`.
    fn firewall_matches(&self, fw: usize, i: usize, v4: bool, v6: bool, action: &str) -> Reach {
        let rule = &self.inst(fw).values;
        let disabled = match rule.get("disabled") {
            Some(v) if v.as_bool() == Some(true) => return Reach::No,
            Some(v) if !v.is_null() && v.as_bool().is_none() => {
                Reach::Unknown(unknown_why(v, "disabled"))
            }
            _ => Reach::Yes(Vec::new()),
        };
        let direction = match rule.get("direction") {
            Some(v) if v.as_str() == Some("EGRESS") => return Reach::No,
            Some(v) if !v.is_null() && v.as_str().is_none() => {
                Reach::Unknown(unknown_why(v, "direction"))
            }
            // INGRESS is the default.
            _ => Reach::Yes(Vec::new()),
        };
        let acts = match rule.get(action) {
            Some(v) => match v.as_list() {
                Some(l) if !l.is_empty() => Reach::Yes(Vec::new()),
                Some(_) => return Reach::No,
                None if v.is_null() => return Reach::No,
                None => Reach::Unknown(unknown_why(v, action)),
            },
            None => return Reach::No,
        };
        if let Some(d) = rule.get("destination_ranges").filter(|v| !v.is_null()) {
            if d.as_list().is_none_or(|l| !l.is_empty()) {
                return Reach::Unknown(format!(
                    "{}: `destination_ranges` narrows the rule to addresses onus does not compare",
                    self.inst(fw).address
                ));
            }
        }
        disabled
            .then(|| direction)
            .then(|| acts)
            .then(|| self.firewall_from_internet(fw, v4, v6))
            .then(|| self.firewall_targets(fw, i))
    }

    fn firewall_from_internet(&self, fw: usize, v4: bool, v6: bool) -> Reach {
        let rule = &self.inst(fw).values;
        let ranges = items(rule.get("source_ranges"));
        if ranges.is_empty() {
            let other_sources = ["source_tags", "source_service_accounts"]
                .iter()
                .any(|a| !items(rule.get(a)).is_empty());
            return if other_sources {
                Reach::No
            } else {
                Reach::Unknown(format!(
                    "{} names no source: the source range Google assumes is not decided here",
                    self.inst(fw).address
                ))
            };
        }
        Reach::any(ranges.into_iter().map(|r| match r.as_str() {
            Some(s)
                if cidr_is_internet(s) == Some(true) && (if s.contains(':') { v6 } else { v4 }) =>
            {
                Reach::Yes(vec![self.hop(
                    fw,
                    PathStage::Entry,
                    Some("source_ranges"),
                    format!("firewall admits {s} to the network"),
                )])
            }
            Some(_) => Reach::No,
            None if r.is_null() => Reach::No,
            None => Reach::Unknown(unknown_why(r, "source_ranges")),
        }))
    }

    /// Whether the rule applies to the instance: no targets (every instance of the network),
    /// a target tag the instance carries, or the instance's service account.
    fn firewall_targets(&self, fw: usize, i: usize) -> Reach {
        let rule = &self.inst(fw).values;
        let instance = &self.inst(i).values;
        let tags = items(rule.get("target_tags"));
        let accounts = items(rule.get("target_service_accounts"));
        if tags.is_empty() && accounts.is_empty() {
            if let Some(v) = rule
                .get("target_tags")
                .filter(|v| !v.is_null() && !v.is_known())
            {
                return Reach::Unknown(unknown_why(v, "target_tags"));
            }
            return Reach::Yes(Vec::new());
        }
        let mut alternatives = Vec::new();
        if !tags.is_empty() {
            let carried = items(instance.get("tags"));
            let carried_known = instance.get("tags").is_none_or(Value::is_wholly_known);
            for t in &tags {
                alternatives.push(match t.as_str() {
                    Some(s) if carried.iter().any(|c| c.as_str() == Some(s)) => {
                        Reach::Yes(Vec::new())
                    }
                    Some(_) if carried_known => Reach::No,
                    Some(_) => Reach::Unknown(format!(
                        "{}: its `tags` are not known",
                        self.inst(i).address
                    )),
                    None => Reach::Unknown(unknown_why(t, "target_tags")),
                });
            }
        }
        if !accounts.is_empty() {
            let own = first_block(instance.get("service_account"))
                .and_then(|sa| sa.get("email"))
                .filter(|v| !v.is_null());
            for a in &accounts {
                alternatives.push(match (a.as_str(), own) {
                    (_, None) => Reach::Unknown(
                        "the instance runs as the default account, which the firewall may name"
                            .into(),
                    ),
                    (Some(x), Some(o)) if o.as_str() == Some(x) => Reach::Yes(Vec::new()),
                    (Some(_), Some(o)) if o.is_known() => Reach::No,
                    (_, Some(o)) => {
                        let ours = self.gcp.accounts_referenced(&self.g, a);
                        let theirs = self.gcp.accounts_referenced(&self.g, o);
                        match (ours, theirs) {
                            (Some(x), Some(y)) if x.iter().any(|a| y.contains(a)) => {
                                Reach::Yes(Vec::new())
                            }
                            (Some(_), Some(_)) => Reach::No,
                            _ => Reach::Unknown(unknown_why(a, "target_service_accounts")),
                        }
                    }
                });
            }
        }
        Reach::any(alternatives)
    }

    /// The instance's service account, its scopes, and what it holds.
    fn gce_identity(&self, i: usize, grant: Grant) -> Reach {
        let Some(sa) = first_block(self.inst(i).values.get("service_account")) else {
            // No service account: the instance holds no Google credentials.
            return Reach::No;
        };
        let scopes = items(sa.get("scopes"));
        let scoped = Reach::any(scopes.iter().map(|s| match s.as_str() {
            Some(s) if scope_allows(s, grant) => Reach::Yes(Vec::new()),
            Some(_) => Reach::No,
            None => Reach::Unknown(unknown_why(s, "service_account.0.scopes")),
        }));
        scoped.then(|| {
            let email = sa.get("email").filter(|v| !v.is_null());
            let accounts = match email {
                None => Ok(vec![Account::DefaultCompute]),
                Some(v) => self.workload_accounts(v, "service_account.0.email"),
            };
            self.runs_as(i, "service_account.0.email", "instance", accounts, grant)
        })
    }

    /// The accounts a workload's service account setting names.
    fn workload_accounts(&self, v: &Value, attr: &str) -> Result<Vec<Account>, String> {
        if let Some(s) = v.as_str() {
            let email = s.strip_prefix("serviceAccount:").unwrap_or(s);
            return self
                .gcp
                .email_account(email)
                .map(|a| vec![a])
                .ok_or_else(|| {
                    format!("`{attr}` names {s:?}, which this configuration does not define")
                });
        }
        self.gcp
            .accounts_referenced(&self.g, v)
            .ok_or_else(|| unknown_why(v, attr))
    }

    /// The workload's pivot hop, then what one of its accounts holds.
    fn runs_as(
        &self,
        w: usize,
        attr: &str,
        noun: &str,
        accounts: Result<Vec<Account>, String>,
        grant: Grant,
    ) -> Reach {
        let accounts = match accounts {
            Ok(a) => a,
            Err(why) => return Reach::Unknown(why),
        };
        Reach::any(accounts.into_iter().map(|a| {
            let who = match a {
                Account::Managed(sa) => format!(
                    "service account {}",
                    self.inst(sa)
                        .values
                        .get("account_id")
                        .and_then(Value::as_str)
                        .unwrap_or(&self.inst(sa).address)
                ),
                Account::DefaultCompute => "the default compute service account".into(),
                Account::DefaultAppEngine => "the App Engine default service account".into(),
            };
            Reach::Yes(vec![self.hop(
                w,
                PathStage::Pivot,
                Some(attr),
                format!("{noun} runs as {who}"),
            )])
            .then(|| self.account_grants(a, grant))
        }))
    }

    /// Whether the account holds a role giving `grant` on a project, folder or organisation.
    fn account_grants(&self, account: Account, grant: Grant) -> Reach {
        // An account with an administrator role escalates trivially: reported as the admin path.
        if grant == Grant::IamEscalation
            && matches!(self.account_grants(account, Grant::Admin), Reach::Yes(_))
        {
            return Reach::No;
        }
        let roles = match grant {
            Grant::Admin => ADMIN_ROLES,
            Grant::IamEscalation => ESCALATION_ROLES,
        };
        let mut alternatives: Vec<Reach> = self
            .gcp
            .grants
            .get(&account)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .map(|&b| self.grant_holds(b, roles, grant))
            .collect();
        for (b, why) in &self.gcp.unresolved_grants {
            if self.grant_holds(*b, roles, grant) != Reach::No {
                alternatives.push(Reach::Unknown(format!(
                    "{} may grant the account more: {why}",
                    self.inst(*b).address
                )));
            }
        }
        let granted = Reach::any(alternatives);
        let granted = match (account, grant, granted) {
            (a, Grant::Admin, Reach::No) if a.is_default() => self.default_account_editor(a),
            (_, _, r) => r,
        };
        match account {
            Account::Managed(sa) => Reach::Yes(vec![self.hop(
                sa,
                PathStage::Pivot,
                None,
                "service account".into(),
            )])
            .then(|| granted),
            _ => granted,
        }
    }

    fn grant_holds(&self, b: usize, roles: &[&str], grant: Grant) -> Reach {
        let inst = self.inst(b);
        let scope = SCOPE_GRANTS
            .iter()
            .find(|(t, _)| **t == *inst.resource_type)
            .map_or("project", |(_, s)| s);
        match inst.values.get("role") {
            Some(r) => match r.as_str() {
                Some(s) if roles.contains(&s) => Reach::Yes(vec![self.hop(
                    b,
                    PathStage::Target,
                    Some("role"),
                    format!(
                        "{s} on the {scope}: {}",
                        match grant {
                            Grant::Admin => "every resource of it",
                            Grant::IamEscalation => "may take other identities' privileges",
                        }
                    ),
                )]),
                Some(_) => Reach::No,
                None => Reach::Unknown(unknown_why(r, "role")),
            },
            None => Reach::No,
        }
    }

    /// The default compute and App Engine accounts get Editor on their project when they are
    /// created, unless the organisation enforces `iam.automaticIamGrantsForDefaultServiceAccounts`
    /// (the default for organisations created since May 2024), which no configuration of the
    /// project shows. `google_project_default_service_accounts` with `DEPRIVILEGE`, `DISABLE`
    /// or `DELETE` decides it.
    fn default_account_editor(&self, account: Account) -> Reach {
        let mut unknown = None;
        for &d in &self.gcp.default_account_settings {
            if let Some(a) = self.inst(d).values.get("action") {
                match a.as_str() {
                    Some("DEPRIVILEGE" | "DISABLE" | "DELETE") => return Reach::No,
                    Some(_) => {}
                    None => unknown = Some(unknown_why(a, "action")),
                }
            }
        }
        Reach::Unknown(unknown.unwrap_or_else(|| {
            format!(
                "{} holds Editor on the project unless the organisation policy \
                 iam.automaticIamGrantsForDefaultServiceAccounts is enforced, which this \
                 configuration does not say",
                match account {
                    Account::DefaultAppEngine => "the App Engine default service account",
                    _ => "the default compute service account",
                }
            )
        }))
    }
}
