//! Exposure paths: a stage after `check` that joins single resources into the combinations a
//! breach needs — an entry an outsider reaches, the identity the workload runs as (pivot) and
//! what that identity may do (target). It owns the resource graph of a root ([`graph`]), the
//! path search, and the path rules' metadata ([`rules`], from `rules/paths/`).
//!
//! Three-valued throughout: a hop onus cannot resolve is unknown, and a path with an unknown
//! hop is *undecided* (counted with the other undecided evaluations), never a finding.

mod google;
pub mod graph;
pub mod rules;

use crate::builtins::iam::{
    policy_grants_admin, policy_grants_iam_escalation, policy_trusts_any_principal,
};
use crate::builtins::network::cidr_is_internet;
use crate::check::Undecided;
use crate::finding::{ExposurePath, Finding, PathHop, PathStage};
use crate::model::Instance;
use crate::source::{SourceMap, Span};
use crate::taxonomy::{ServiceModel, Severity};
use crate::value::{Kind, Tri, Value};
use graph::{Graph, Referrers, Resolved};
pub use rules::{PathKind, PathRule};
use std::sync::Arc;

/// What the path search found in one root.
#[derive(Debug, Default)]
pub struct PathOutput {
    pub findings: Vec<Box<Finding>>,
    pub undecided: Vec<Undecided>,
}

type Classify<'c> = &'c (dyn Fn(&str) -> (Arc<str>, ServiceModel) + Sync);

/// Searches the instances of one root for the paths of `rules`.
pub fn find(
    instances: &[Instance],
    rules: &[PathRule],
    sources: &SourceMap,
    classify: Classify<'_>,
) -> PathOutput {
    let mut out = PathOutput::default();
    if rules.is_empty() || instances.is_empty() {
        return out;
    }
    let search = Search::new(instances, classify);
    for rule in rules {
        let entries = match rule.kind {
            PathKind::InternetInstanceAdminRole => search.instances_to(Grant::Admin),
            PathKind::PublicFunctionUrlAdminRole => search.function_urls_to(Grant::Admin),
            PathKind::InternetInstanceIamEscalation => search.instances_to(Grant::IamEscalation),
            PathKind::PublicApiRouteAdminRole => search.api_routes_to(Grant::Admin),
            PathKind::InternetEcsTaskAdminRole => search.ecs_services_to(Grant::Admin),
            PathKind::InternetEksNodeAdminRole => search.eks_node_groups_to(Grant::Admin),
            PathKind::PublicTrustAdminRole => search.publicly_trusted_roles_to(Grant::Admin),
            PathKind::InternetGceInstanceAdminAccount => search.gce_instances_to(Grant::Admin),
        };
        for (workload, reach) in entries {
            let inst = &instances[workload];
            match reach {
                Reach::No => {}
                Reach::Yes(hops) => out
                    .findings
                    .push(Box::new(path_finding(rule, inst, hops, sources, classify))),
                Reach::Unknown(why) => out.undecided.push(Undecided {
                    rule_id: rule.id.clone(),
                    address: inst.address.clone(),
                    attribute: None,
                    reason: why,
                    primary: inst.header,
                    value_span: None,
                }),
            }
        }
    }
    out
}

fn path_finding(
    rule: &PathRule,
    inst: &Instance,
    hops: Vec<PathHop>,
    sources: &SourceMap,
    classify: Classify<'_>,
) -> Finding {
    let (service, service_model) = classify(&inst.resource_type);
    let file = sources
        .get(inst.header.file)
        .map(|f| f.repository_path())
        .unwrap_or("");
    // The hops' addresses, not their lines: the fingerprint survives unrelated edits.
    let chain: Vec<&str> = hops.iter().map(|h| h.address.as_str()).collect();
    let fingerprint = fingerprint(&rule.id, file, &inst.address, &chain.join(" > "));
    let summary = hops
        .iter()
        .map(|h| h.address.as_str())
        .collect::<Vec<_>>()
        .join(" → ");
    let mut secondary: Vec<(Span, String)> = hops
        .iter()
        .map(|h| (h.span, format!("{}: {}", h.stage.as_str(), h.label)))
        .collect();
    for (addr, span) in inst.via.iter().rev() {
        secondary.push((*span, format!("instance {addr} created here")));
    }
    let mut enclosing = vec![inst.header];
    enclosing.extend(inst.via.iter().rev().map(|(_, s)| *s));
    Finding {
        rule_id: rule.id.clone(),
        severity: rule.severity,
        area: rule.area,
        message: rule.title.clone(),
        address: inst.address.clone(),
        resource_type: inst.resource_type.clone(),
        service,
        service_model,
        attribute: None,
        primary: inst.header,
        primary_label: format!("exposure path: {summary}"),
        // The hops name resources and attributes, never values.
        masked: Vec::new(),
        secondary,
        via: inst.via.iter().map(|(a, _)| a.clone()).collect(),
        plan_file: inst.plan_file.as_deref().map(str::to_string),
        fingerprint,
        suppression: None,
        enclosing,
        path: Some(Arc::new(ExposurePath { hops })),
    }
}

/// Whether a hop, or a chain of them, holds: with the hops that make it, or why it is unknown.
#[derive(Debug, Clone, PartialEq)]
enum Reach {
    Yes(Vec<PathHop>),
    No,
    Unknown(String),
}

impl Reach {
    /// Both hold: the hops of `self` then of `next` (evaluated only when `self` may hold).
    fn then(self, next: impl FnOnce() -> Reach) -> Reach {
        match self {
            Reach::No => Reach::No,
            Reach::Yes(mut hops) => match next() {
                Reach::Yes(more) => {
                    hops.extend(more);
                    Reach::Yes(hops)
                }
                other => other,
            },
            Reach::Unknown(why) => match next() {
                Reach::No => Reach::No,
                _ => Reach::Unknown(why),
            },
        }
    }

    /// The first alternative that holds; else unknown if one is; else no.
    fn any(alternatives: impl IntoIterator<Item = Reach>) -> Reach {
        let mut unknown = None;
        for r in alternatives {
            match r {
                Reach::Yes(h) => return Reach::Yes(h),
                Reach::Unknown(why) if unknown.is_none() => unknown = Some(why),
                _ => {}
            }
        }
        unknown.map_or(Reach::No, Reach::Unknown)
    }
}

const ROLE: &[&str] = &["aws_iam_role"];
const SUBNET: &[&str] = &["aws_subnet"];
const ROUTE_TABLE: &[&str] = &["aws_route_table"];
const IGW: &[&str] = &["aws_internet_gateway"];
const SECURITY_GROUP: &[&str] = &["aws_security_group"];
const PROFILE: &[&str] = &["aws_iam_instance_profile"];
const POLICY: &[&str] = &["aws_iam_policy"];
const FUNCTION: &[&str] = &["aws_lambda_function"];
const LAUNCH_TEMPLATE: &[&str] = &["aws_launch_template"];
const API_INTEGRATION: &[&str] = &["aws_apigatewayv2_integration"];
const TASK_DEFINITION: &[&str] = &["aws_ecs_task_definition"];

/// The graph with the reverse edges the searches need, built once per root.
struct Search<'a> {
    g: Graph<'a>,
    classify: Classify<'a>,
    route_table_associations: Referrers,
    routes: Referrers,
    sg_rules: Referrers,
    sg_ingress_rules: Referrers,
    role_policies: Referrers,
    role_attachments: Referrers,
    gcp: google::Index,
}

impl<'a> Search<'a> {
    fn new(instances: &'a [Instance], classify: Classify<'a>) -> Self {
        let g = Graph::new(instances);
        Search {
            route_table_associations: g.referrers(
                "aws_route_table_association",
                "subnet_id",
                SUBNET,
                "id",
            ),
            routes: g.referrers("aws_route", "route_table_id", ROUTE_TABLE, "id"),
            sg_rules: g.referrers(
                "aws_security_group_rule",
                "security_group_id",
                SECURITY_GROUP,
                "id",
            ),
            sg_ingress_rules: g.referrers(
                "aws_vpc_security_group_ingress_rule",
                "security_group_id",
                SECURITY_GROUP,
                "id",
            ),
            role_policies: g.referrers("aws_iam_role_policy", "role", ROLE, "name"),
            role_attachments: g.referrers("aws_iam_role_policy_attachment", "role", ROLE, "name"),
            gcp: google::Index::new(&g),
            g,
            classify,
        }
    }

    fn inst(&self, i: usize) -> &'a Instance {
        &self.g.instances[i]
    }

    fn hop(&self, i: usize, stage: PathStage, attr: Option<&str>, label: String) -> PathHop {
        let inst = self.inst(i);
        let (service, service_model) = (self.classify)(&inst.resource_type);
        PathHop {
            stage,
            address: inst.address.clone(),
            resource_type: inst.resource_type.clone(),
            service,
            service_model,
            span: attr.map_or(inst.header, |a| inst.span_of(a)),
            label,
        }
    }

    fn follow(&self, r: Resolved, each: impl Fn(usize) -> Reach) -> Reach {
        match r {
            Resolved::Known(targets) => Reach::any(targets.into_iter().map(each)),
            Resolved::Unknown(why) => Reach::Unknown(why),
        }
    }

    // -- rule: internet-exposed EC2 instance with an admin instance role -------------------

    fn instances_to(&self, grant: Grant) -> Vec<(usize, Reach)> {
        let mut out = self.ec2_instances_to(grant);
        out.extend(self.autoscaling_groups_to(grant));
        out
    }

    fn ec2_instances_to(&self, grant: Grant) -> Vec<(usize, Reach)> {
        self.g
            .of_type("aws_instance")
            .iter()
            .map(|&i| {
                let reach = self
                    .instance_internet_route(i)
                    .then(|| self.instance_open_security_group(i))
                    .then(|| {
                        Reach::Yes(vec![self.hop(
                            i,
                            PathStage::Entry,
                            Some("associate_public_ip_address"),
                            "instance with a public IP address".into(),
                        )])
                    })
                    .then(|| {
                        let profile = self.g.resolve(i, "iam_instance_profile", PROFILE, "name");
                        match profile {
                            Resolved::Known(p) if p.is_empty() => Reach::No,
                            profile => self.follow(profile, |p| self.profile_grants(p, grant)),
                        }
                    });
                (i, reach)
            })
            .collect()
    }

    // -- entry: an Auto Scaling group launching instances from a launch template -------------

    /// Each Auto Scaling group whose launch template gives its instances a public address in
    /// a subnet routed to the internet, an open security group and a role with `grant`. The
    /// group's own `vpc_zone_identifier` names the subnets; the template's network interface,
    /// its security groups and its instance profile the rest.
    fn autoscaling_groups_to(&self, grant: Grant) -> Vec<(usize, Reach)> {
        self.g
            .of_type("aws_autoscaling_group")
            .iter()
            .map(|&a| {
                let template = match self
                    .inst(a)
                    .values
                    .get("launch_template")
                    .and_then(Value::as_list)
                    .and_then(|l| l.first())
                {
                    Some(lt) => match (lt.get("id"), lt.get("name")) {
                        (Some(id), _) if !id.is_null() => {
                            self.g
                                .resolve_value(id, "launch_template.0.id", LAUNCH_TEMPLATE, "id")
                        }
                        (_, Some(name)) if !name.is_null() => self.g.resolve_value(
                            name,
                            "launch_template.0.name",
                            LAUNCH_TEMPLATE,
                            "name",
                        ),
                        _ => Resolved::Unknown("`launch_template` names no template".into()),
                    },
                    // A launch configuration or a mixed instances policy: not modelled.
                    None => Resolved::Known(Vec::new()),
                };
                let reach = match template {
                    Resolved::Known(t) if t.is_empty() => Reach::No,
                    template => self.follow(template, |t| self.launched_from(a, t, grant)),
                };
                (a, reach)
            })
            .collect()
    }

    fn launched_from(&self, asg: usize, lt: usize, grant: Grant) -> Reach {
        let template = self.inst(lt);
        let nic = template
            .values
            .get("network_interfaces")
            .and_then(Value::as_list)
            .and_then(|l| l.first());
        let subnet = self.g.resolve(asg, "vpc_zone_identifier", SUBNET, "id");
        let public_ip = self.public_ip(
            nic.and_then(|n| n.get("associate_public_ip_address")),
            "network_interfaces.0.associate_public_ip_address",
            &subnet,
        );
        public_ip
            .then(|| self.subnet_internet_route(subnet))
            .then(|| {
                // The interface's groups replace the template's when it names any.
                let groups = nic
                    .and_then(|n| n.get("security_groups"))
                    .filter(|v| !v.is_null())
                    .map(|v| {
                        self.g.resolve_value(
                            v,
                            "network_interfaces.0.security_groups",
                            SECURITY_GROUP,
                            "id",
                        )
                    })
                    .unwrap_or_else(|| {
                        self.g
                            .resolve(lt, "vpc_security_group_ids", SECURITY_GROUP, "id")
                    });
                self.open_among(vec![groups])
            })
            .then(|| {
                Reach::Yes(vec![
                    self.hop(
                        lt,
                        PathStage::Entry,
                        Some("network_interfaces.0.associate_public_ip_address"),
                        "launch template gives instances a public IP address".into(),
                    ),
                    self.hop(
                        asg,
                        PathStage::Entry,
                        Some("launch_template"),
                        "Auto Scaling group launches instances from the template".into(),
                    ),
                ])
            })
            .then(|| {
                let profile = match template
                    .values
                    .get("iam_instance_profile")
                    .and_then(Value::as_list)
                    .and_then(|l| l.first())
                {
                    None => Resolved::Known(Vec::new()),
                    Some(p) => match (p.get("name"), p.get("arn")) {
                        (Some(n), _) if !n.is_null() => {
                            self.g
                                .resolve_value(n, "iam_instance_profile.0.name", PROFILE, "name")
                        }
                        (_, Some(arn)) if !arn.is_null() => {
                            self.g
                                .resolve_value(arn, "iam_instance_profile.0.arn", PROFILE, "name")
                        }
                        _ => Resolved::Known(Vec::new()),
                    },
                };
                match profile {
                    Resolved::Known(p) if p.is_empty() => Reach::No,
                    profile => self.follow(profile, |p| self.profile_grants(p, grant)),
                }
            })
    }

    /// A public IP address and a route from its subnet to an internet gateway.
    fn instance_internet_route(&self, i: usize) -> Reach {
        let inst = self.inst(i);
        let subnet = self.g.resolve(i, "subnet_id", SUBNET, "id");
        self.public_ip(
            inst.values.get("associate_public_ip_address"),
            "associate_public_ip_address",
            &subnet,
        )
        .then(|| self.subnet_internet_route(subnet))
    }

    /// Whether a workload gets a public address: its own setting, else its subnets'.
    fn public_ip(&self, setting: Option<&Value>, attr: &str, subnet: &Resolved) -> Reach {
        match setting {
            Some(v) if v.as_bool() == Some(true) => Reach::Yes(Vec::new()),
            Some(v) if v.as_bool() == Some(false) => Reach::No,
            Some(v) if !v.is_null() => Reach::Unknown(unknown_why(v, attr)),
            // Not set: the subnet decides.
            _ => match subnet {
                // Default VPC: its default subnets give every instance a public address.
                Resolved::Known(s) if s.is_empty() => Reach::Yes(Vec::new()),
                Resolved::Known(s) => Reach::any(s.iter().map(|&sn| {
                    match self.inst(sn).values.get("map_public_ip_on_launch") {
                        Some(v) if v.as_bool() == Some(true) => Reach::Yes(Vec::new()),
                        Some(v) if v.is_known() => Reach::No,
                        Some(v) => Reach::Unknown(unknown_why(v, "map_public_ip_on_launch")),
                        None => Reach::No,
                    }
                })),
                Resolved::Unknown(why) => Reach::Unknown(why.clone()),
            },
        }
    }

    /// A route from one of the subnets to an internet gateway, with its hops.
    fn subnet_internet_route(&self, subnet: Resolved) -> Reach {
        match subnet {
            // The default VPC routes its default subnets to its internet gateway.
            Resolved::Known(s) if s.is_empty() => Reach::Yes(Vec::new()),
            Resolved::Known(s) => Reach::any(s.into_iter().map(|sn| {
                self.subnet_to_internet_gateway(sn).then(|| {
                    Reach::Yes(vec![self.hop(
                        sn,
                        PathStage::Entry,
                        Some("map_public_ip_on_launch"),
                        "subnet routed to the internet".into(),
                    )])
                })
            })),
            Resolved::Unknown(why) => Reach::Unknown(why),
        }
    }

    /// The subnet's route table has a route to an internet gateway. A subnet with no explicit
    /// association uses its VPC's main route table, which onus does not model: no route.
    fn subnet_to_internet_gateway(&self, subnet: usize) -> Reach {
        let mut alternatives = Vec::new();
        for &assoc in self.route_table_associations.of(subnet) {
            let rt = self.g.resolve(assoc, "route_table_id", ROUTE_TABLE, "id");
            alternatives.push(self.follow(rt, |t| self.route_table_to_igw(t)));
        }
        Reach::any(alternatives)
    }

    fn route_table_to_igw(&self, rt: usize) -> Reach {
        let inst = self.inst(rt);
        let mut alternatives = Vec::new();
        if let Some(routes) = inst.values.get("route").and_then(Value::as_list) {
            for (n, route) in routes.iter().enumerate() {
                alternatives.push(self.route_to_igw(rt, route, &format!("route.{n}.")));
            }
        }
        for &r in self.routes.of(rt) {
            alternatives.push(self.route_to_igw(r, &self.inst(r).values, "").then(|| {
                Reach::Yes(vec![self.hop(
                    rt,
                    PathStage::Entry,
                    None,
                    "route table of the subnet".into(),
                )])
            }));
        }
        Reach::any(alternatives)
    }

    /// One route (inline block at `prefix`, or an `aws_route` when `prefix` is empty).
    fn route_to_igw(&self, owner: usize, route: &Value, prefix: &str) -> Reach {
        let dest = route
            .get("destination_cidr_block")
            .or(route.get("cidr_block"));
        let dest6 = route
            .get("destination_ipv6_cidr_block")
            .or(route.get("ipv6_cidr_block"));
        let default_route = Tri::any([dest, dest6].into_iter().flatten().map(
            |v| match v.as_str() {
                Some(s) => Tri::from_bool(cidr_is_internet(s) == Some(true)),
                None if v.is_null() => Tri::False,
                None => Tri::Unknown,
            },
        ));
        let gateway = match route.get("gateway_id") {
            Some(v) => self.g_resolve_value(v, IGW),
            None => Resolved::Known(Vec::new()),
        };
        let to_igw = match &gateway {
            Resolved::Known(g) => Tri::from_bool(!g.is_empty()),
            Resolved::Unknown(_) => Tri::Unknown,
        };
        match default_route.and(to_igw) {
            Tri::False => Reach::No,
            Tri::Unknown => Reach::Unknown(match gateway {
                Resolved::Unknown(why) => why,
                _ => "a route's destination is not known".into(),
            }),
            Tri::True => {
                let Resolved::Known(g) = gateway else {
                    return Reach::No;
                };
                let mut hops: Vec<PathHop> = g
                    .iter()
                    .take(1)
                    .map(|&gw| self.hop(gw, PathStage::Entry, None, "internet gateway".into()))
                    .collect();
                let attr = format!("{prefix}gateway_id");
                hops.push(self.hop(
                    owner,
                    PathStage::Entry,
                    Some(attr.trim_end_matches('.')),
                    "default route to the internet gateway".into(),
                ));
                Reach::Yes(hops)
            }
        }
    }

    fn g_resolve_value(&self, v: &Value, types: &[&str]) -> Resolved {
        // A route's gateway: only references can name an internet gateway onus knows.
        match &v.kind {
            Kind::Null => Resolved::Known(Vec::new()),
            Kind::String(s) if s.starts_with("igw-") => Resolved::Unknown(format!(
                "gateway {s:?} is not defined in this configuration"
            )),
            Kind::String(_) => Resolved::Known(Vec::new()),
            _ => {
                let found = self.g.refs_to(v, types);
                let mut refs = Vec::new();
                v.collect_refs(&mut refs);
                if !found.is_empty() {
                    Resolved::Known(found)
                } else if refs.is_empty() {
                    Resolved::Unknown(unknown_why(v, "gateway_id"))
                } else {
                    // A reference to something else (a NAT or transit gateway).
                    Resolved::Known(Vec::new())
                }
            }
        }
    }

    fn instance_open_security_group(&self, i: usize) -> Reach {
        self.open_among(vec![
            self.g
                .resolve(i, "vpc_security_group_ids", SECURITY_GROUP, "id"),
            self.g.resolve(i, "security_groups", SECURITY_GROUP, "name"),
        ])
    }

    /// Whether one of the security groups the workload names admits the internet.
    fn open_among(&self, named: Vec<Resolved>) -> Reach {
        let mut alternatives = Vec::new();
        let mut any_group = false;
        for resolved in named {
            match resolved {
                Resolved::Known(sgs) => {
                    any_group |= !sgs.is_empty();
                    alternatives.extend(sgs.into_iter().map(|sg| self.security_group_open(sg)));
                }
                Resolved::Unknown(why) => {
                    any_group = true;
                    alternatives.push(Reach::Unknown(why));
                }
            }
        }
        // No group named: the VPC's default group, which admits only its own members.
        if !any_group {
            return Reach::No;
        }
        Reach::any(alternatives)
    }

    fn security_group_open(&self, sg: usize) -> Reach {
        let inst = self.inst(sg);
        let mut alternatives = Vec::new();
        if let Some(rules) = inst.values.get("ingress").and_then(Value::as_list) {
            for (n, rule) in rules.iter().enumerate() {
                alternatives.push(self.cidrs_open(
                    sg,
                    rule,
                    &format!("ingress.{n}."),
                    &["cidr_blocks", "ipv6_cidr_blocks"],
                ));
            }
        } else if let Some(v) = inst.values.get("ingress").filter(|v| !v.is_known()) {
            alternatives.push(Reach::Unknown(unknown_why(v, "ingress")));
        }
        for &r in self.sg_rules.of(sg) {
            let rule = &self.inst(r).values;
            match rule.get("type").map(|t| (t.as_str(), t)) {
                Some((Some("ingress"), _)) => alternatives.push(self.cidrs_open(
                    r,
                    rule,
                    "",
                    &["cidr_blocks", "ipv6_cidr_blocks"],
                )),
                Some((None, t)) if !t.is_known() => {
                    alternatives.push(Reach::Unknown(unknown_why(t, "type")))
                }
                _ => {}
            }
        }
        for &r in self.sg_ingress_rules.of(sg) {
            alternatives.push(self.cidrs_open(
                r,
                &self.inst(r).values,
                "",
                &["cidr_ipv4", "cidr_ipv6"],
            ));
        }
        let open = Reach::any(alternatives);
        match open {
            Reach::Yes(mut hops) => {
                if hops.first().map(|h| &h.address) != Some(&inst.address) {
                    hops.insert(
                        0,
                        self.hop(sg, PathStage::Entry, None, "security group".into()),
                    );
                }
                Reach::Yes(hops)
            }
            other => other,
        }
    }

    /// Whether one ingress rule admits the whole internet through any of `attrs`.
    fn cidrs_open(&self, owner: usize, rule: &Value, prefix: &str, attrs: &[&str]) -> Reach {
        let mut alternatives = Vec::new();
        for attr in attrs {
            let Some(v) = rule.get(attr) else { continue };
            let path = format!("{prefix}{attr}");
            let items: Vec<&Value> = match &v.kind {
                Kind::List(items) => items.iter().collect(),
                _ => vec![v],
            };
            for item in items {
                alternatives.push(match item.as_str() {
                    Some(s) if cidr_is_internet(s) == Some(true) => Reach::Yes(vec![self.hop(
                        owner,
                        PathStage::Entry,
                        Some(&path),
                        format!("ingress from {s}"),
                    )]),
                    Some(_) => Reach::No,
                    None if item.is_null() => Reach::No,
                    None => Reach::Unknown(unknown_why(item, &path)),
                });
            }
        }
        Reach::any(alternatives)
    }

    fn profile_grants(&self, profile: usize, grant: Grant) -> Reach {
        let role = self.g.resolve(profile, "role", ROLE, "name");
        Reach::Yes(vec![self.hop(
            profile,
            PathStage::Pivot,
            Some("role"),
            "instance profile carries a role".into(),
        )])
        .then(|| self.follow(role, |r| self.role_grants(r, grant)))
    }

    // -- rule: public Lambda function URL with an admin execution role ---------------------

    fn function_urls_to(&self, grant: Grant) -> Vec<(usize, Reach)> {
        self.g
            .of_type("aws_lambda_function_url")
            .iter()
            .map(|&u| {
                let inst = self.inst(u);
                let auth = match inst.values.get("authorization_type") {
                    Some(v) if v.as_str() == Some("NONE") => Reach::Yes(vec![self.hop(
                        u,
                        PathStage::Entry,
                        Some("authorization_type"),
                        "function URL without authentication".into(),
                    )]),
                    Some(v) if v.is_known() => Reach::No,
                    Some(v) => Reach::Unknown(unknown_why(v, "authorization_type")),
                    None => Reach::Unknown("`authorization_type` is not set".into()),
                };
                let reach = auth.then(|| {
                    let function = self
                        .g
                        .resolve(u, "function_name", FUNCTION, "function_name");
                    self.follow(function, |f| self.function_grants(f, grant))
                });
                (u, reach)
            })
            .collect()
    }

    /// The function runs as its execution role, which has `grant`.
    fn function_grants(&self, f: usize, grant: Grant) -> Reach {
        let role = self.g.resolve(f, "role", ROLE, "name");
        Reach::Yes(vec![self.hop(
            f,
            PathStage::Pivot,
            Some("role"),
            "function runs as its execution role".into(),
        )])
        .then(|| self.follow(role, |r| self.role_grants(r, grant)))
    }

    // -- entry: an HTTP API route without authorization, integrated with a function -------

    fn api_routes_to(&self, grant: Grant) -> Vec<(usize, Reach)> {
        self.g
            .of_type("aws_apigatewayv2_route")
            .iter()
            .map(|&r| {
                let inst = self.inst(r);
                let open = Reach::Yes(vec![self.hop(
                    r,
                    PathStage::Entry,
                    Some("authorization_type"),
                    "API route without authorization".into(),
                )]);
                let auth = match inst.values.get("authorization_type") {
                    Some(v) if v.as_str() == Some("NONE") => open,
                    Some(v) if v.is_known() && !v.is_null() => Reach::No,
                    Some(v) if !v.is_null() => {
                        Reach::Unknown(unknown_why(v, "authorization_type"))
                    }
                    // Terraform's default is "NONE": anyone may call the route.
                    _ => open,
                };
                let reach = auth.then(|| match inst.values.get("target") {
                    None => Reach::No,
                    Some(t) if t.is_null() => Reach::No,
                    Some(t) => {
                        let integrations = self.g.refs_to(t, API_INTEGRATION);
                        if integrations.is_empty() {
                            Reach::Unknown(match t.as_str() {
                                Some(s) => format!(
                                    "`target` {s:?} is an integration this configuration does not define"
                                ),
                                None => unknown_why(t, "target"),
                            })
                        } else {
                            Reach::any(
                                integrations
                                    .into_iter()
                                    .map(|i| self.integration_grants(i, grant)),
                            )
                        }
                    }
                });
                (r, reach)
            })
            .collect()
    }

    fn integration_grants(&self, integration: usize, grant: Grant) -> Reach {
        let Some(uri) = self.inst(integration).values.get("integration_uri") else {
            return Reach::No;
        };
        let functions = self.g.refs_to(uri, FUNCTION);
        if functions.is_empty() {
            return match uri.as_str() {
                // An HTTP endpoint or another service: no function runs.
                Some(s) if !s.contains(":lambda:") => Reach::No,
                Some(s) => Reach::Unknown(format!(
                    "`integration_uri` {s:?} is a function this configuration does not define"
                )),
                None if uri.is_null() => Reach::No,
                None => Reach::Unknown(unknown_why(uri, "integration_uri")),
            };
        }
        Reach::Yes(vec![self.hop(
            integration,
            PathStage::Entry,
            Some("integration_uri"),
            "route integrated with a function".into(),
        )])
        .then(|| {
            Reach::any(
                functions
                    .into_iter()
                    .map(|f| self.function_grants(f, grant)),
            )
        })
    }

    // -- entry: an ECS service whose tasks get a public IP address -------------------------

    /// Each ECS service with `awsvpc` networking whose tasks get a public address in a subnet
    /// routed to the internet and an open security group, and whose task definition's task
    /// role has `grant`. The task role is what the containers' code holds; the execution role
    /// (pulling images, writing logs) is the ECS agent's, never handed to the containers.
    fn ecs_services_to(&self, grant: Grant) -> Vec<(usize, Reach)> {
        self.g
            .of_type("aws_ecs_service")
            .iter()
            .map(|&s| {
                let net = self
                    .inst(s)
                    .values
                    .get("network_configuration")
                    .and_then(Value::as_list)
                    .and_then(|l| l.first());
                let reach = match net {
                    // Bridge or host networking: the tasks use their container instance's
                    // address, an entry the instance rules judge.
                    None => Reach::No,
                    Some(net) => self.ecs_task_entry(s, net).then(|| {
                        let td = self
                            .g
                            .resolve(s, "task_definition", TASK_DEFINITION, "family");
                        self.follow(td, |t| self.task_definition_grants(t, grant))
                    }),
                };
                (s, reach)
            })
            .collect()
    }

    /// A public address (`assign_public_ip`, false by default), a subnet routed to the
    /// internet and a security group open to it. No security group named: the VPC's default
    /// group, which admits only its own members.
    fn ecs_task_entry(&self, service: usize, net: &Value) -> Reach {
        const PUBLIC_IP: &str = "network_configuration.0.assign_public_ip";
        let public_ip = match net.get("assign_public_ip") {
            Some(v) if v.as_bool() == Some(true) => Reach::Yes(Vec::new()),
            Some(v) if v.is_null() || v.as_bool() == Some(false) => Reach::No,
            Some(v) => Reach::Unknown(unknown_why(v, PUBLIC_IP)),
            None => Reach::No,
        };
        public_ip
            .then(|| match net.get("subnets") {
                Some(v) if !v.is_null() => self.subnet_internet_route(self.g.resolve_value(
                    v,
                    "network_configuration.0.subnets",
                    SUBNET,
                    "id",
                )),
                // `subnets` is required with `network_configuration`.
                _ => Reach::No,
            })
            .then(|| {
                let groups = match net.get("security_groups") {
                    Some(v) => self.g.resolve_value(
                        v,
                        "network_configuration.0.security_groups",
                        SECURITY_GROUP,
                        "id",
                    ),
                    None => Resolved::Known(Vec::new()),
                };
                self.open_among(vec![groups])
            })
            .then(|| {
                Reach::Yes(vec![self.hop(
                    service,
                    PathStage::Entry,
                    Some(PUBLIC_IP),
                    "service gives its tasks a public IP address".into(),
                )])
            })
    }

    /// The task definition's task role has `grant`; no task role, no credentials.
    fn task_definition_grants(&self, td: usize, grant: Grant) -> Reach {
        match self.g.resolve(td, "task_role_arn", ROLE, "name") {
            Resolved::Known(r) if r.is_empty() => Reach::No,
            role => Reach::Yes(vec![self.hop(
                td,
                PathStage::Pivot,
                Some("task_role_arn"),
                "tasks run as the task role".into(),
            )])
            .then(|| self.follow(role, |r| self.role_grants(r, grant))),
        }
    }

    // -- entry: an EKS managed node group with SSH open to the internet ------------------

    /// Each managed node group whose nodes get a public address in a subnet routed to the
    /// internet and whose `remote_access` names an SSH key without source security groups
    /// (EKS then opens port 22 to 0.0.0.0/0), and whose node role has `grant`: every pod, and
    /// whoever logs in to a node, can use the node role's credentials. Without `remote_access`
    /// the nodes sit behind the cluster security group EKS manages, which admits no internet.
    fn eks_node_groups_to(&self, grant: Grant) -> Vec<(usize, Reach)> {
        self.g
            .of_type("aws_eks_node_group")
            .iter()
            .map(|&n| {
                let inst = self.inst(n);
                let remote = inst
                    .values
                    .get("remote_access")
                    .and_then(Value::as_list)
                    .and_then(|l| l.first());
                let reach = match remote {
                    None => Reach::No,
                    Some(remote) => {
                        let subnets = self.g.resolve(n, "subnet_ids", SUBNET, "id");
                        // A node group takes no public address setting of its own (with
                        // `remote_access` it has no launch template): its subnets decide.
                        self.public_ip(None, "subnet_ids", &subnets)
                            .then(|| self.subnet_internet_route(subnets))
                            .then(|| self.ssh_open_to_internet(n, remote))
                            .then(|| match self.g.resolve(n, "node_role_arn", ROLE, "name") {
                                Resolved::Known(r) if r.is_empty() => Reach::No,
                                role => Reach::Yes(vec![self.hop(
                                    n,
                                    PathStage::Pivot,
                                    Some("node_role_arn"),
                                    "nodes run as the node role".into(),
                                )])
                                .then(|| self.follow(role, |r| self.role_grants(r, grant))),
                            })
                    }
                };
                (n, reach)
            })
            .collect()
    }

    /// `remote_access` with an SSH key and no `source_security_group_ids`: port 22 open to the
    /// internet.
    fn ssh_open_to_internet(&self, group: usize, remote: &Value) -> Reach {
        let key = remote.get("ec2_ssh_key").filter(|v| !v.is_null());
        let sources = remote
            .get("source_security_group_ids")
            .filter(|v| !v.is_null());
        let no_sources = match sources {
            None => Reach::Yes(Vec::new()),
            Some(v) => match v.as_list() {
                Some([]) => Reach::Yes(Vec::new()),
                Some(_) => Reach::No,
                None => Reach::Unknown(unknown_why(v, "remote_access.0.source_security_group_ids")),
            },
        };
        match key {
            None => Reach::No,
            Some(k) if !k.is_known() => {
                Reach::Unknown(unknown_why(k, "remote_access.0.ec2_ssh_key")).then(|| no_sources)
            }
            Some(_) => no_sources.then(|| {
                Reach::Yes(vec![self.hop(
                    group,
                    PathStage::Entry,
                    Some("remote_access.0.ec2_ssh_key"),
                    "SSH key without source security groups: EKS opens port 22 to the internet"
                        .into(),
                )])
            }),
        }
    }

    // -- entry: a role any AWS principal may assume ---------------------------------------

    /// Each role whose trust policy lets any AWS principal call `sts:AssumeRole` with no
    /// condition tying the caller to a known account, organisation or external id: anyone with
    /// an AWS account who learns the role's ARN gets its credentials, so the trust policy is
    /// the entry and the role's own policies the target.
    fn publicly_trusted_roles_to(&self, grant: Grant) -> Vec<(usize, Reach)> {
        self.g
            .of_type("aws_iam_role")
            .iter()
            .map(|&r| {
                let trust = match self.inst(r).values.get("assume_role_policy") {
                    None => Reach::No,
                    Some(policy) => match policy_trusts_any_principal(policy) {
                        (Tri::True, detail) => Reach::Yes(vec![self.hop(
                            r,
                            PathStage::Entry,
                            Some("assume_role_policy"),
                            format!(
                                "any AWS principal may assume the role ({})",
                                detail.unwrap_or_else(|| "no restricting condition".into())
                            ),
                        )]),
                        (Tri::False, _) => Reach::No,
                        (Tri::Unknown, detail) => Reach::Unknown(format!(
                            "{}.assume_role_policy: {}",
                            self.inst(r).address,
                            detail.unwrap_or_else(|| "the trust policy is not known".into())
                        )),
                    },
                };
                (r, trust.then(|| self.role_grants(r, grant)))
            })
            .collect()
    }

    // -- identity: what a role's policies grant ------------------------------------------

    /// Whether some policy of `role` grants every action on every resource: inline blocks,
    /// `managed_policy_arns`, `aws_iam_role_policy` and `aws_iam_role_policy_attachment`.
    fn role_grants(&self, role: usize, grant: Grant) -> Reach {
        // An administrator role escalates trivially: its path is reported as the admin one.
        if grant == Grant::IamEscalation
            && matches!(self.role_grants(role, Grant::Admin), Reach::Yes(_))
        {
            return Reach::No;
        }
        let inst = self.inst(role);
        let mut alternatives = Vec::new();
        if let Some(blocks) = inst.values.get("inline_policy").and_then(Value::as_list) {
            for (n, block) in blocks.iter().enumerate() {
                if let Some(policy) = block.get("policy") {
                    alternatives.push(self.policy_grants(
                        grant,
                        role,
                        policy,
                        &format!("inline_policy.{n}.policy"),
                    ));
                }
            }
        }
        if let Some(arns) = inst.values.get("managed_policy_arns") {
            let items: Vec<&Value> = match &arns.kind {
                Kind::List(items) => items.iter().collect(),
                _ => vec![arns],
            };
            for arn in items {
                alternatives.push(self.policy_arn_grants(grant, role, arn, "managed_policy_arns"));
            }
        }
        for &p in self.role_policies.of(role) {
            if let Some(policy) = self.inst(p).values.get("policy") {
                alternatives.push(self.policy_grants(grant, p, policy, "policy"));
            }
        }
        for &a in self.role_attachments.of(role) {
            if let Some(arn) = self.inst(a).values.get("policy_arn") {
                alternatives.push(self.policy_arn_grants(grant, a, arn, "policy_arn"));
            }
        }
        // A policy whose role cannot be resolved may be this role's.
        for (p, why) in self
            .role_policies
            .unresolved
            .iter()
            .chain(&self.role_attachments.unresolved)
        {
            let grants = match self.inst(*p).values.get("policy") {
                Some(policy) => self.policy_grants(grant, *p, policy, "policy"),
                None => match self.inst(*p).values.get("policy_arn") {
                    Some(arn) => self.policy_arn_grants(grant, *p, arn, "policy_arn"),
                    None => Reach::No,
                },
            };
            if grants != Reach::No {
                alternatives.push(Reach::Unknown(format!(
                    "{} may grant this role more: {why}",
                    self.inst(*p).address
                )));
            }
        }
        Reach::Yes(vec![self.hop(
            role,
            PathStage::Pivot,
            None,
            format!(
                "role {}",
                inst.values
                    .get("name")
                    .and_then(Value::as_str)
                    .unwrap_or(&inst.address)
            ),
        )])
        .then(|| Reach::any(alternatives))
    }

    fn policy_grants(&self, grant: Grant, owner: usize, policy: &Value, attr: &str) -> Reach {
        let judged = match grant {
            Grant::Admin => policy_grants_admin(policy),
            Grant::IamEscalation => policy_grants_iam_escalation(policy),
        };
        match judged {
            (Tri::True, detail) => Reach::Yes(vec![self.hop(
                owner,
                PathStage::Target,
                Some(attr),
                format!(
                    "{} ({})",
                    grant.reaches(),
                    detail.unwrap_or_else(|| "admin".into())
                ),
            )]),
            (Tri::False, _) => Reach::No,
            (Tri::Unknown, detail) => Reach::Unknown(format!(
                "{}.{attr}: {}",
                self.inst(owner).address,
                detail.unwrap_or_else(|| "the policy is not known".into())
            )),
        }
    }

    fn policy_arn_grants(&self, grant: Grant, owner: usize, arn: &Value, attr: &str) -> Reach {
        if let Some(s) = arn.as_str() {
            return if s == ADMIN_POLICY_ARN
                || (grant == Grant::IamEscalation && s == IAM_FULL_ACCESS_ARN)
            {
                Reach::Yes(vec![self.hop(
                    owner,
                    PathStage::Target,
                    Some(attr),
                    format!("{}: {}", s.rsplit('/').next().unwrap_or(s), grant.reaches()),
                )])
            } else if s.starts_with("arn:aws:iam::aws:policy/") {
                // Another AWS-managed policy: none but AdministratorAccess grants `*` on `*`,
                // and none but it and IAMFullAccess the IAM writes that escalate.
                Reach::No
            } else {
                Reach::Unknown(format!("policy {s:?} is not defined in this configuration"))
            };
        }
        let policies = self.g.refs_to(arn, POLICY);
        if policies.is_empty() {
            return Reach::Unknown(unknown_why(arn, attr));
        }
        Reach::any(
            policies
                .into_iter()
                .map(|p| match self.inst(p).values.get("policy") {
                    Some(policy) => self.policy_grants(grant, p, policy, "policy"),
                    None => Reach::No,
                }),
        )
    }
}

const ADMIN_POLICY_ARN: &str = "arn:aws:iam::aws:policy/AdministratorAccess";
const IAM_FULL_ACCESS_ARN: &str = "arn:aws:iam::aws:policy/IAMFullAccess";

/// What a path's identity must be allowed for the path to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grant {
    /// Every action on every resource.
    Admin,
    /// IAM writes that give the caller more privilege (`iam:PassRole` on `*`,
    /// `iam:CreatePolicyVersion`, `iam:AttachRolePolicy`).
    IamEscalation,
}

impl Grant {
    fn reaches(self) -> &'static str {
        match self {
            Grant::Admin => "every action on every resource",
            Grant::IamEscalation => "IAM writes that escalate privilege",
        }
    }
}

/// Why a value is unknown, for the undecided count.
fn unknown_why(v: &Value, attr: &str) -> String {
    match v.as_unknown() {
        Some(u) => format!("`{attr}`: {}", u.why),
        None => format!("`{attr}` is not a value onus can judge"),
    }
}

/// The severity of a path from its entry and what the identity reaches: an internet entry to
/// an admin identity is critical.
pub fn combined_severity(internet_entry: bool, admin_target: bool) -> Severity {
    match (internet_entry, admin_target) {
        (true, true) => Severity::Critical,
        (true, false) | (false, true) => Severity::High,
        (false, false) => Severity::Medium,
    }
}

/// Hash of rule, file, workload address and the chain of hop addresses.
fn fingerprint(rule: &str, file: &str, address: &str, chain: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for part in [rule, file, address, chain] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    h.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The chain of a path for terminal output: one line per hop with its stage, address,
/// file:line, service and service model, and what the hop contributes; then the cheapest fix.
pub fn render_chain(
    rule_id: &str,
    path: &ExposurePath,
    sources: &SourceMap,
    rules: &[PathRule],
) -> String {
    use std::fmt::Write;
    let mut out = String::from("  path:\n");
    let width = path.hops.iter().map(|h| h.address.len()).max().unwrap_or(0);
    for (n, h) in path.hops.iter().enumerate() {
        let at = match sources.get(h.span.file) {
            Some(src) => format!("{}:{}", src.display, src.line_col(h.span.start).line),
            None => String::new(),
        };
        let arrow = if n == 0 { "  " } else { "→ " };
        let _ = writeln!(
            out,
            "    {arrow}{:<6} {:<width$}  {at}  [{} · {}]  {}",
            h.stage.as_str(),
            h.address,
            h.service,
            h.service_model,
            h.label,
        );
    }
    if let Some(rule) = rules.iter().find(|r| &*r.id == rule_id) {
        let fix = rule.remediation.split_whitespace().collect::<Vec<_>>();
        let _ = writeln!(out, "  fix: {}", fix.join(" "));
    }
    out
}
