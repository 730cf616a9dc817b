//! Path rules as data: one HCL file per rule under `rules/paths/`, holding its metadata,
//! documentation and examples, and naming the path search it runs (`search`). They have their
//! own small parser rather than the rule language's: a path rule's condition spans several
//! resources joined by typed edges, which the per-resource `assert` blocks cannot express, so
//! the search itself is code ([`super`]) and the file says which one, and how severe.

use crate::load::ast::{Attribute, Block};
use crate::load::hcl;
use crate::rules::select::{Reseverable, Selectable};
use crate::source::FileId;
use crate::taxonomy::{Area, Severity};
use crate::value::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The path searches onus implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    /// EC2 instance with a public IP, a route to an internet gateway and a security group
    /// open to the internet, whose instance-profile role may do everything.
    InternetInstanceAdminRole,
    /// Lambda function URL without authentication whose execution role may do everything.
    PublicFunctionUrlAdminRole,
    /// Internet-reachable EC2 instance whose role may escalate its privilege through IAM.
    InternetInstanceIamEscalation,
    /// HTTP API route without authorization whose Lambda integration's role may do everything.
    PublicApiRouteAdminRole,
    /// ECS service whose tasks get a public IP, a route to an internet gateway and a security
    /// group open to the internet, whose task role may do everything.
    InternetEcsTaskAdminRole,
    /// EKS managed node group in a public subnet with SSH open to the internet, whose node
    /// role may do everything.
    InternetEksNodeAdminRole,
    /// IAM role whose trust policy lets any AWS principal assume it, with a policy that
    /// allows everything.
    PublicTrustAdminRole,
    /// Compute Engine instance with an external address on a network whose firewall admits
    /// the internet, whose service account holds Owner or Editor.
    InternetGceInstanceAdminAccount,
}

impl PathKind {
    fn parse(s: &str) -> Option<(PathKind, bool, bool)> {
        // (kind, internet entry, admin target): what the severity follows from.
        match s {
            "internet-instance-admin-role" => {
                Some((PathKind::InternetInstanceAdminRole, true, true))
            }
            "public-function-url-admin-role" => {
                Some((PathKind::PublicFunctionUrlAdminRole, true, true))
            }
            "internet-instance-iam-escalation" => {
                Some((PathKind::InternetInstanceIamEscalation, true, false))
            }
            "public-api-route-admin-role" => Some((PathKind::PublicApiRouteAdminRole, true, true)),
            "internet-ecs-task-admin-role" => {
                Some((PathKind::InternetEcsTaskAdminRole, true, true))
            }
            "internet-eks-node-admin-role" => {
                Some((PathKind::InternetEksNodeAdminRole, true, true))
            }
            "public-trust-admin-role" => Some((PathKind::PublicTrustAdminRole, true, true)),
            "internet-compute-instance-admin-service-account" => {
                Some((PathKind::InternetGceInstanceAdminAccount, true, true))
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct PathRule {
    pub id: Arc<str>,
    pub title: Arc<str>,
    /// The severity its findings get: the file's, or a severity override's (applied when the
    /// rule selection is, since path rules are not in the scan's rule set).
    pub severity: Severity,
    pub kind: PathKind,
    /// The customer area a path finding counts in: where the cheapest fix is made.
    pub area: Area,
    /// `aws`, `azure`, `google`: the first segment of the id, as for other rules.
    pub provider: String,
    pub description: String,
    /// The cheapest single change that breaks the path.
    pub remediation: String,
    pub references: Vec<String>,
    /// (`"bad"` or `"good"`, Terraform code with `# expect: ID` pins on the bad one).
    pub examples: Vec<(String, String)>,
    /// The file it was read from (`rules/paths/ID.hcl` for a built-in rule).
    pub origin: String,
}

impl Selectable for PathRule {
    fn id(&self) -> &str {
        &self.id
    }
    fn is_named(&self, name: &str) -> bool {
        &*self.id == name
    }
    fn provider(&self) -> &str {
        &self.provider
    }
    fn area(&self) -> Area {
        self.area
    }
    fn severity(&self) -> Severity {
        self.severity
    }
    // Path rules map to no compliance control: a framework's controls are about one
    // resource's settings, and a path is a combination of several.
    fn maps_to(&self, _framework: &str) -> bool {
        false
    }
    fn frameworks(&self) -> Vec<&str> {
        Vec::new()
    }
}

impl Reseverable for PathRule {
    fn set_severity(&mut self, severity: Severity) {
        self.severity = severity;
    }
}

/// The path rules compiled into the binary, parsed once.
pub fn builtin() -> Result<Vec<PathRule>, Vec<String>> {
    static BUILTIN: std::sync::OnceLock<Result<Vec<PathRule>, Vec<String>>> =
        std::sync::OnceLock::new();
    BUILTIN
        .get_or_init(|| {
            let mut rules = Vec::new();
            let mut errors = Vec::new();
            for (path, text) in crate::rules::builtin_files(".hcl") {
                if !path.starts_with(PATH_RULES_DIR) {
                    continue;
                }
                match parse(text, &format!("rules/{path}")) {
                    Ok(r) => rules.push(r),
                    Err(e) => errors.extend(e),
                }
            }
            if errors.is_empty() {
                Ok(rules)
            } else {
                Err(errors)
            }
        })
        .clone()
}

/// The path rules of a `--rules` directory (or `rule_dirs` of the configuration): every file
/// below it declaring a `path_rule` block, in a `paths/` folder as the built-in ones are or
/// beside single-resource rules. Their searches are onus's own; the file names one.
pub fn load_dir(dir: &Path) -> Result<Vec<PathRule>, Vec<String>> {
    let mut rules = Vec::new();
    let mut errors = Vec::new();
    for p in crate::rules::rule_files(dir)? {
        let origin = crate::source::display_file_path(&p);
        match std::fs::read_to_string(&p) {
            Ok(text) if crate::rules::declares_path_rule(&text) => match parse(&text, &origin) {
                Ok(r) => rules.push(r),
                Err(e) => errors.extend(e),
            },
            Ok(_) => {}
            Err(e) => errors.push(format!("{origin}: {e}")),
        }
    }
    if errors.is_empty() {
        Ok(rules)
    } else {
        Err(errors)
    }
}

/// The path rules of a scan: the built-in ones (unless `builtin` is false) and those of the
/// rule directories. An id may be defined once, across path rules and `rules` alike.
pub fn load(
    dirs: &[PathBuf],
    builtin_rules: bool,
    rules: &crate::rules::RuleSet,
) -> Result<Vec<PathRule>, Vec<String>> {
    let mut all = if builtin_rules {
        builtin()?
    } else {
        Vec::new()
    };
    let mut errors = Vec::new();
    for d in dirs {
        match load_dir(d) {
            Ok(found) => all.extend(found),
            Err(e) => errors.extend(e),
        }
    }
    let mut seen: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for r in &all {
        if let Some(rule) = rules.get(&r.id) {
            errors.push(format!(
                "{}: rule id `{}` is already defined in {}",
                r.origin, r.id, rule.origin
            ));
        } else if let Some(first) = seen.insert(&r.id, &r.origin) {
            errors.push(format!(
                "{}: rule id `{}` is already defined in {first}",
                r.origin, r.id
            ));
        }
    }
    if errors.is_empty() {
        Ok(all)
    } else {
        Err(errors)
    }
}

/// Where path rules live below `rules/`; the single-resource rule set skips it.
pub const PATH_RULES_DIR: &str = "paths/";

/// Parses one path rule file.
pub fn parse(text: &str, origin: &str) -> Result<PathRule, Vec<String>> {
    let body = hcl::parse(FileId(0), text).map_err(|d| vec![format!("{origin}: {}", d.message)])?;
    let blocks: Vec<&Block> = body.blocks_of("path_rule").collect();
    let [block] = blocks.as_slice() else {
        return Err(vec![format!(
            "{origin}: a path rule file holds exactly one `path_rule \"ID\" {{ ... }}` block"
        )]);
    };
    let mut errors = Vec::new();
    let id = block.labels.first().cloned().unwrap_or_default();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        errors.push(format!(
            "{origin}: the path rule needs an id of lowercase letters, digits and `-` as its label"
        ));
    }
    let text_of = |name: &str, errors: &mut Vec<String>| -> String {
        match block.body.attribute(name).and_then(constant_string) {
            Some(s) => s.trim().to_string(),
            None => {
                errors.push(format!("{origin}: `{name}` must be set to a string"));
                String::new()
            }
        }
    };
    let title = text_of("title", &mut errors);
    let severity_text = text_of("severity", &mut errors);
    let search = text_of("search", &mut errors);
    let area = match block.body.attribute("area").map(constant_string) {
        None => Ok(Area::IdentityAccess),
        Some(Some(a)) => a
            .parse::<Area>()
            .map_err(|e| format!("{origin}: `area`: {e}")),
        Some(None) => Err(format!("{origin}: `area` must be set to a string")),
    };
    let area = area.unwrap_or_else(|e| {
        errors.push(e);
        Area::IdentityAccess
    });
    let description = text_of("description", &mut errors);
    let remediation = text_of("remediation", &mut errors);
    let severity = severity_text.parse::<Severity>();
    let kind = PathKind::parse(&search);
    match (&severity, kind) {
        (Err(e), _) => errors.push(format!("{origin}: `severity`: {e}")),
        (_, None) => errors.push(format!("{origin}: unknown `search` {search:?}")),
        (Ok(sev), Some((_, internet, admin))) => {
            let expected = super::combined_severity(internet, admin);
            if *sev != expected {
                errors.push(format!(
                    "{origin}: severity follows the path's combination: this one is `{expected}`"
                ));
            }
        }
    }
    let references = block
        .body
        .attribute("references")
        .and_then(|a| crate::eval::constant_value(&a.expr))
        .and_then(|v| {
            v.as_list().map(|items| {
                items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_string))
                    .collect()
            })
        })
        .unwrap_or_default();
    let mut examples = Vec::new();
    for ex in block.body.blocks_of("example") {
        let label = ex.labels.first().map(|l| l.to_string()).unwrap_or_default();
        if label != "bad" && label != "good" {
            errors.push(format!("{origin}: an example is `bad` or `good`"));
        }
        match ex.body.attribute("code").and_then(constant_string) {
            Some(code) => examples.push((label, code)),
            None => errors.push(format!("{origin}: an example needs `code`")),
        }
    }
    for needed in ["bad", "good"] {
        if !examples.iter().any(|(l, _)| l == needed) {
            errors.push(format!("{origin}: needs a `{needed}` example"));
        }
    }
    match (errors.is_empty(), severity, kind) {
        (true, Ok(severity), Some((kind, _, _))) => Ok(PathRule {
            id: Arc::from(id.as_ref()),
            title: title.into(),
            severity,
            kind,
            area,
            provider: id.split('-').next().unwrap_or_default().to_string(),
            description,
            remediation,
            references,
            examples,
            origin: origin.to_string(),
        }),
        _ => Err(errors),
    }
}

fn constant_string(a: &Attribute) -> Option<String> {
    crate::eval::constant_value(&a.expr)
        .as_ref()
        .and_then(Value::as_str)
        .map(str::to_string)
}
