//! Classification: which cloud service a resource type belongs to, under which service model,
//! and which customer layers it exposes.
//!
//! The data is a catalogue of tab-separated rows (`rules/catalog/*.tsv`, compiled in), one per
//! resource type, plus a prefix fallback (`rules/catalog/prefixes.tsv`) for types with no row of
//! their own. Users add or override rows with files of the same format. The format and the
//! fallback are described in `docs/catalog.md`.
//!
//! A type matched by neither a row nor a prefix is *unclassified*: onus never guesses a model for
//! it, and every layer counts as the customer's.

mod layers;

pub use layers::{
    customer_layers, ownership, permits, unverifiable, Layer, Ownership, PAAS_OS_EXCEPTION,
};

use crate::taxonomy::ServiceModel;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, OnceLock};

/// The AWS service category of the *AWS Security Best Practices* whitepaper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AwsCategory {
    /// AWS runs the hardware and virtualization; the customer runs the guest OS (EC2, EBS, VPC).
    Infrastructure,
    /// AWS runs customer-sized instances, their OS and the platform (RDS, EMR, Beanstalk).
    Container,
    /// A multi-tenant regional endpoint (S3, DynamoDB, SQS, Lambda).
    Abstracted,
}

impl AwsCategory {
    pub const ALL: [AwsCategory; 3] = [
        AwsCategory::Infrastructure,
        AwsCategory::Container,
        AwsCategory::Abstracted,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AwsCategory::Infrastructure => "infrastructure",
            AwsCategory::Container => "container",
            AwsCategory::Abstracted => "abstracted",
        }
    }
}

impl fmt::Display for AwsCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AwsCategory {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        AwsCategory::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown AWS category `{s}` (expected infrastructure, container, abstracted or -)"
                )
            })
    }
}

/// What onus knows about one resource type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Classification {
    pub resource_type: Arc<str>,
    /// The provider the type belongs to (see [`provider_of`]).
    pub provider: Arc<str>,
    /// The cloud service, e.g. "Amazon S3"; "unclassified" when nothing matched.
    pub service: Arc<str>,
    pub model: ServiceModel,
    /// Only for AWS types.
    pub aws_category: Option<AwsCategory>,
    /// The layers this resource type lets the customer configure, in [`Layer::ALL`] order.
    pub layers: Vec<Layer>,
    /// Why the type is classified this way.
    pub note: Arc<str>,
    /// True when the result comes from a prefix, not from a row for this very type.
    pub inferred: bool,
}

/// The service name given to unclassified types.
pub const UNCLASSIFIED_SERVICE: &str = "unclassified";

impl Classification {
    /// The classification of a type that no row and no prefix matches.
    pub fn unclassified(resource_type: &str) -> Classification {
        Classification {
            resource_type: resource_type.into(),
            provider: provider_of(resource_type).into(),
            service: UNCLASSIFIED_SERVICE.into(),
            model: ServiceModel::Unclassified,
            aws_category: None,
            layers: Layer::ALL.to_vec(),
            note:
                "no catalogue row or prefix matches this type; every layer counts as the customer's"
                    .into(),
            inferred: false,
        }
    }

    pub fn is_classified(&self) -> bool {
        self.model != ServiceModel::Unclassified
    }

    /// Whether the resource type exposes `layer` to the customer.
    pub fn has_layer(&self, layer: Layer) -> bool {
        self.layers.contains(&layer)
    }

    /// The layers the customer owns under this model that Terraform cannot show.
    pub fn unverifiable(&self) -> &'static [(Layer, &'static str)] {
        unverifiable(self.model)
    }
}

/// The provider of a resource type: the text before its first `_` ("aws", "azurerm", "azuread",
/// "google", "kubernetes", ...), or the whole type when it has none.
pub fn provider_of(resource_type: &str) -> &str {
    resource_type
        .split_once('_')
        .map_or(resource_type, |(provider, _)| provider)
}

/// The column names every catalogue file starts with, in order.
pub const HEADER: [&str; 6] = [
    "resource_type",
    "service",
    "service_model",
    "aws_category",
    "customer_layers",
    "note",
];

/// The built-in data files: (path in the repository, contents).
const BUILTIN_FILES: [(&str, &str); 7] = [
    (
        "rules/catalog/aws.tsv",
        include_str!("../../rules/catalog/aws.tsv"),
    ),
    (
        "rules/catalog/azure.tsv",
        include_str!("../../rules/catalog/azure.tsv"),
    ),
    (
        "rules/catalog/google.tsv",
        include_str!("../../rules/catalog/google.tsv"),
    ),
    // SaaS identity providers: the users and their sign-in policies are the customer's.
    (
        "rules/catalog/saas.tsv",
        include_str!("../../rules/catalog/saas.tsv"),
    ),
    // Clouds without rules yet, classified so their resources do not read as catalogue gaps.
    (
        "rules/catalog/other-clouds.tsv",
        include_str!("../../rules/catalog/other-clouds.tsv"),
    ),
    // Utility and in-cluster providers: not a cloud service, every layer the customer's.
    (
        "rules/catalog/non-cloud.tsv",
        include_str!("../../rules/catalog/non-cloud.tsv"),
    ),
    (
        "rules/catalog/prefixes.tsv",
        include_str!("../../rules/catalog/prefixes.tsv"),
    ),
];

/// Providers whose types are not a cloud service (`rules/catalog/non-cloud.tsv`).
pub const NON_CLOUD_PROVIDERS: [&str; 9] = [
    "random",
    "null",
    "terraform",
    "time",
    "tls",
    "local",
    "helm",
    "kubernetes",
    "kind",
];

/// Resource types mapped to services and service models, with a prefix fallback.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    types: BTreeMap<Arc<str>, Arc<Classification>>,
    /// Keyed by the prefix without its `*`; the value's `resource_type` is the pattern with it.
    prefixes: BTreeMap<Arc<str>, Arc<Classification>>,
}

impl Catalog {
    /// An empty catalogue.
    pub fn new() -> Catalog {
        Catalog::default()
    }

    /// The built-in catalogue, parsed once per process. Clone it to extend it.
    pub fn builtin() -> &'static Catalog {
        &builtin_loaded().0
    }

    /// Adds the rows of a catalogue file, overriding rows and prefixes already present. Nothing
    /// is added when any row is invalid; the error lists every problem as `origin:line: problem`.
    /// Returns the number of rows added (types and prefixes).
    pub fn extend_from_tsv(&mut self, text: &str, origin: &str) -> Result<usize, String> {
        let (rows, errors) = parse(text, origin);
        if !errors.is_empty() {
            return Err(errors.join("\n"));
        }
        let added = rows.len();
        for row in rows {
            self.insert(row);
        }
        Ok(added)
    }

    /// The classification of `resource_type`: its own row, else the longest matching prefix
    /// (marked inferred), else unclassified.
    pub fn classify(&self, resource_type: &str) -> Arc<Classification> {
        if let Some(found) = self.types.get(resource_type) {
            return Arc::clone(found);
        }
        let best = self
            .prefixes
            .iter()
            .filter(|(prefix, _)| resource_type.starts_with(prefix.as_ref() as &str))
            .max_by_key(|(prefix, _)| prefix.len());
        match best {
            Some((_, template)) => Arc::new(Classification {
                resource_type: resource_type.into(),
                provider: provider_of(resource_type).into(),
                ..(**template).clone()
            }),
            None => Arc::new(Classification::unclassified(resource_type)),
        }
    }

    /// The catalogued types, sorted by type.
    pub fn entries(&self) -> impl Iterator<Item = &Arc<Classification>> {
        self.types.values()
    }

    /// The prefix rules, sorted by prefix; each one's `resource_type` is its pattern (`aws_s3_*`).
    pub fn prefix_rules(&self) -> impl Iterator<Item = &Arc<Classification>> {
        self.prefixes.values()
    }

    /// The number of catalogued types (prefixes not counted).
    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    /// Catalogued types per provider.
    pub fn counts_by_provider(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for entry in self.types.values() {
            *counts.entry(entry.provider.to_string()).or_insert(0) += 1;
        }
        counts
    }

    fn insert(&mut self, row: Row) {
        match row.key {
            Key::Type(name) => {
                self.types.insert(name, Arc::new(row.class));
            }
            Key::Prefix(prefix) => {
                self.prefixes.insert(prefix, Arc::new(row.class));
            }
        }
    }
}

/// The built-in catalogue and the problems met loading it (none, as a unit test checks; a bad
/// row would be skipped rather than stop the program).
fn builtin_loaded() -> &'static (Catalog, Vec<String>) {
    static BUILTIN: OnceLock<(Catalog, Vec<String>)> = OnceLock::new();
    BUILTIN.get_or_init(load_builtin)
}

fn load_builtin() -> (Catalog, Vec<String>) {
    let mut catalog = Catalog::new();
    let mut problems = Vec::new();
    let mut first_seen: HashMap<String, String> = HashMap::new();
    for (origin, text) in BUILTIN_FILES {
        let (rows, errors) = parse(text, origin);
        problems.extend(errors);
        for row in rows {
            let key = row.key.pattern();
            let place = format!("{origin}:{}", row.line);
            if let Some(earlier) = first_seen.get(&key) {
                problems.push(format!("{place}: `{key}` is already listed at {earlier}"));
                continue;
            }
            first_seen.insert(key, place);
            catalog.insert(row);
        }
    }
    (catalog, problems)
}

enum Key {
    Type(Arc<str>),
    /// Without the trailing `*`.
    Prefix(Arc<str>),
}

impl Key {
    fn pattern(&self) -> String {
        match self {
            Key::Type(name) => name.to_string(),
            Key::Prefix(prefix) => format!("{prefix}*"),
        }
    }
}

struct Row {
    key: Key,
    line: usize,
    class: Classification,
}

/// Parses a catalogue file into rows and problems (`origin:line: problem`). Rows with problems
/// are left out; the others are returned.
fn parse(text: &str, origin: &str) -> (Vec<Row>, Vec<String>) {
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut header_seen = false;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let content = raw.strip_suffix('\r').unwrap_or(raw);
        if content.trim().is_empty() || content.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = content.split('\t').map(str::trim).collect();
        if !header_seen {
            if fields != HEADER {
                errors.push(format!(
                    "{origin}:{line}: expected the header line `{}` (tab-separated) before any row",
                    HEADER.join("<TAB>")
                ));
                return (rows, errors);
            }
            header_seen = true;
            continue;
        }
        match parse_row(&fields) {
            Ok(class) => {
                let key = if let Some(prefix) = class.resource_type.strip_suffix('*') {
                    Key::Prefix(prefix.into())
                } else {
                    Key::Type(Arc::clone(&class.resource_type))
                };
                let pattern = key.pattern();
                if let Some(earlier) = seen.get(&pattern) {
                    errors.push(format!(
                        "{origin}:{line}: `{pattern}` is listed twice (first at line {earlier})"
                    ));
                    continue;
                }
                seen.insert(pattern, line);
                rows.push(Row { key, line, class });
            }
            Err(problem) => errors.push(format!("{origin}:{line}: {problem}")),
        }
    }
    (rows, errors)
}

fn parse_row(fields: &[&str]) -> Result<Classification, String> {
    if fields.len() < 5 || fields.len() > 6 {
        return Err(format!(
            "expected 6 tab-separated columns ({}), found {}",
            HEADER.join(", "),
            fields.len()
        ));
    }
    let pattern = fields[0];
    let name = pattern.strip_suffix('*').unwrap_or(pattern);
    check_type_name(name, pattern)?;
    let provider = provider_of(name);

    let service = fields[1];
    if service.is_empty() {
        return Err(format!("`{pattern}`: the service is empty"));
    }

    let model: ServiceModel = fields[2]
        .parse()
        .map_err(|e: String| format!("`{pattern}`: {e}"))?;

    let aws_category = match fields[3] {
        "-" => None,
        text => {
            let category: AwsCategory = text.parse().map_err(|e| format!("`{pattern}`: {e}"))?;
            if provider != "aws" {
                return Err(format!(
                    "`{pattern}`: an AWS category is only for aws_ types; use -"
                ));
            }
            Some(category)
        }
    };

    let mut layers = Vec::new();
    for item in fields[4].split(',').map(str::trim) {
        if item.is_empty() {
            return Err(format!(
                "`{pattern}`: customer_layers needs a comma-separated list such as data,identity"
            ));
        }
        let layer: Layer = item.parse().map_err(|e| format!("`{pattern}`: {e}"))?;
        if layers.contains(&layer) {
            return Err(format!("`{pattern}`: layer `{layer}` is listed twice"));
        }
        if !permits(model, layer) {
            return Err(format!(
                "`{pattern}`: layer `{layer}` is not the customer's under {model} ({})",
                ownership(model, layer).as_str()
            ));
        }
        layers.push(layer);
    }
    layers.sort();

    let note = fields.get(5).copied().unwrap_or("");
    let inferred = pattern.ends_with('*');
    let note: Arc<str> = if inferred {
        if note.is_empty() {
            format!("inferred from prefix `{pattern}`").into()
        } else {
            format!("inferred from prefix `{pattern}`: {note}").into()
        }
    } else {
        note.into()
    };

    Ok(Classification {
        resource_type: pattern.into(),
        provider: provider.into(),
        service: service.into(),
        model,
        aws_category,
        layers,
        note,
        inferred,
    })
}

/// A type (or a prefix, without its `*`) is lower-case letters, digits and `_`, starts with a
/// letter and has a provider part followed by `_`.
fn check_type_name(name: &str, pattern: &str) -> Result<(), String> {
    let well_formed = name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && name.contains('_');
    if !well_formed || name.contains('*') {
        return Err(format!(
            "`{pattern}` is not a resource type (lower-case letters, digits and _, such as \
             aws_s3_bucket) or a prefix ending in * (such as aws_s3_*)"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        "resource_type\tservice\tservice_model\taws_category\tcustomer_layers\tnote\n";

    fn catalog(rows: &str) -> Catalog {
        let mut c = Catalog::new();
        c.extend_from_tsv(&format!("{HEAD}{rows}"), "test.tsv")
            .unwrap();
        c
    }

    fn error(rows: &str) -> String {
        Catalog::new()
            .extend_from_tsv(&format!("{HEAD}{rows}"), "user.tsv")
            .unwrap_err()
    }

    #[test]
    fn builtin_parses_without_problems() {
        let (catalog, problems) = load_builtin();
        assert!(
            problems.is_empty(),
            "built-in catalogue problems:\n{}",
            problems.join("\n")
        );
        assert!(catalog.len() >= 330);
        assert!(catalog.prefix_rules().count() > 100);
        assert_eq!(Catalog::builtin().len(), catalog.len());
    }

    #[test]
    fn builtin_is_parsed_once() {
        assert!(std::ptr::eq(Catalog::builtin(), Catalog::builtin()));
    }

    #[test]
    fn builtin_rows_are_in_their_providers_file() {
        for (origin, text) in BUILTIN_FILES {
            let (rows, _) = parse(text, origin);
            for row in rows {
                let pattern = row.key.pattern();
                match (&row.key, origin) {
                    (Key::Prefix(_), "rules/catalog/prefixes.tsv") => {}
                    (Key::Prefix(_), _) => {
                        panic!("{origin}: prefix {pattern} outside prefixes.tsv")
                    }
                    (Key::Type(_), "rules/catalog/prefixes.tsv") => {
                        panic!("prefixes.tsv: {pattern} is not a prefix")
                    }
                    (Key::Type(_), "rules/catalog/aws.tsv") => {
                        assert!(pattern.starts_with("aws_"), "{pattern} in {origin}")
                    }
                    (Key::Type(_), "rules/catalog/azure.tsv") => assert!(
                        pattern.starts_with("azurerm_") || pattern.starts_with("azuread_"),
                        "{pattern} in {origin}"
                    ),
                    (Key::Type(_), "rules/catalog/saas.tsv") => assert!(
                        pattern.starts_with("okta_")
                            || pattern.starts_with("auth0_")
                            || pattern.starts_with("github_"),
                        "{pattern} in {origin}"
                    ),
                    (Key::Type(_), "rules/catalog/other-clouds.tsv") => assert!(
                        pattern.starts_with("oci_") || pattern.starts_with("alicloud_"),
                        "{pattern} in {origin}"
                    ),
                    (Key::Type(_), "rules/catalog/non-cloud.tsv") => assert!(
                        NON_CLOUD_PROVIDERS.contains(&provider_of(&pattern)),
                        "{pattern} in {origin}"
                    ),
                    (Key::Type(_), _) => {
                        assert!(pattern.starts_with("google_"), "{pattern} in {origin}")
                    }
                }
            }
        }
    }

    #[test]
    fn builtin_has_no_provider_wide_guess() {
        for rule in Catalog::builtin().prefix_rules() {
            let pattern = &*rule.resource_type;
            let provider = provider_of(pattern);
            if provider == "azuread" || provider == "kubernetes" {
                // Single-service providers: every azuread_ type is Microsoft Entra ID, every
                // kubernetes_ type an object of the cluster's one API.
                continue;
            }
            assert_ne!(
                pattern,
                format!("{provider}_*"),
                "a provider-wide prefix would guess every unlisted type"
            );
        }
    }

    #[test]
    fn non_cloud_is_exactly_the_utility_and_in_cluster_providers() {
        let catalog = Catalog::builtin();
        for entry in catalog.entries().chain(catalog.prefix_rules()) {
            let provider = provider_of(&entry.resource_type);
            assert_eq!(
                entry.model == ServiceModel::NonCloud,
                NON_CLOUD_PROVIDERS.contains(&provider),
                "{}: {}",
                entry.resource_type,
                entry.model
            );
        }
        for t in [
            "random_password",
            "null_resource",
            "tls_private_key",
            "helm_release",
        ] {
            let c = catalog.classify(t);
            assert_eq!(c.model, ServiceModel::NonCloud, "{t}");
            assert!(c.is_classified() && !c.inferred, "{t}");
        }
        let crd = catalog.classify("kubernetes_horizontal_pod_autoscaler_v2");
        assert_eq!(crd.model, ServiceModel::NonCloud);
        assert!(crd.inferred);
    }

    #[test]
    fn parses_a_row() {
        let c =
            catalog("aws_s3_bucket\tAmazon S3\tPaaS\tabstracted\tidentity, data,logging\tbucket\n");
        let s3 = c.classify("aws_s3_bucket");
        assert_eq!(&*s3.resource_type, "aws_s3_bucket");
        assert_eq!(&*s3.provider, "aws");
        assert_eq!(&*s3.service, "Amazon S3");
        assert_eq!(s3.model, ServiceModel::PaaS);
        assert_eq!(s3.aws_category, Some(AwsCategory::Abstracted));
        assert_eq!(
            s3.layers,
            vec![Layer::Data, Layer::Identity, Layer::Logging]
        );
        assert_eq!(&*s3.note, "bucket");
        assert!(!s3.inferred);
        assert!(s3.is_classified());
        assert!(s3.has_layer(Layer::Data) && !s3.has_layer(Layer::Os));
    }

    #[test]
    fn accepts_comments_blank_lines_crlf_and_a_missing_note() {
        let text = "# a comment\n\n# another\r\nresource_type\tservice\tservice_model\taws_category\tcustomer_layers\tnote\r\n\
                    google_sql_user\tCloud SQL\tPaaS\t-\tidentity\r\n  # indented comment\n";
        let mut c = Catalog::new();
        assert_eq!(c.extend_from_tsv(text, "x.tsv"), Ok(1));
        let user = c.classify("google_sql_user");
        assert_eq!(user.aws_category, None);
        assert_eq!(&*user.note, "");
        assert_eq!(&*user.provider, "google");
    }

    #[test]
    fn management_model_has_two_spellings() {
        let c = catalog("aws_iam_role\tAWS IAM\tMgmt\tabstracted\tidentity\t\naws_kms_key\tAWS KMS\tmanagement\tabstracted\tdata\t\n");
        assert_eq!(c.classify("aws_iam_role").model, ServiceModel::Management);
        assert_eq!(c.classify("aws_kms_key").model, ServiceModel::Management);
    }

    #[test]
    fn errors_name_origin_line_and_problem() {
        let err = error("aws_s3_bucket\tAmazon S3\tCaaS\tabstracted\tdata\t\n");
        assert!(err.starts_with("user.tsv:2: "), "{err}");
        assert!(err.contains("CaaS"), "{err}");

        let err = error("aws_s3_bucket\tAmazon S3\tPaaS\tabstracted\tdata,kernel\t\n");
        assert!(
            err.starts_with("user.tsv:2: ") && err.contains("kernel"),
            "{err}"
        );

        let err = error("aws_s3_bucket\tAmazon S3\tPaaS\tserverless\tdata\t\n");
        assert!(err.contains("serverless"), "{err}");

        let err = error("aws_s3_bucket\tAmazon S3\tPaaS\n");
        assert!(err.contains("6 tab-separated columns"), "{err}");

        let err = error("aws_lambda_function\tAWS Lambda\tFaaS\tabstracted\tapp,os\t\n");
        assert!(
            err.contains("`os` is not the customer's under FaaS"),
            "{err}"
        );

        let err = error("aws_iam_role\tAWS IAM\tMgmt\tabstracted\tidentity,network\t\n");
        assert!(err.contains("`network`"), "{err}");

        let err = error("google_sql_user\tCloud SQL\tPaaS\tcontainer\tidentity\t\n");
        assert!(err.contains("only for aws_ types"), "{err}");

        let err = error("google_sql_user\tCloud SQL\tPaaS\t-\t\t\n");
        assert!(err.contains("customer_layers"), "{err}");

        let err = error("google_sql_user\tCloud SQL\tPaaS\t-\tidentity,identity\t\n");
        assert!(err.contains("twice"), "{err}");

        let err = error("Google SQL\tCloud SQL\tPaaS\t-\tidentity\t\n");
        assert!(err.contains("not a resource type"), "{err}");

        let err = error("google*sql\tCloud SQL\tPaaS\t-\tidentity\t\n");
        assert!(err.contains("not a resource type"), "{err}");

        let err = error("google_sql_user\t\tPaaS\t-\tidentity\t\n");
        assert!(err.contains("service is empty"), "{err}");
    }

    #[test]
    fn every_problem_is_reported_and_nothing_is_added() {
        let mut c = Catalog::new();
        let text = format!(
            "{HEAD}google_sql_user\tCloud SQL\tPaaS\t-\tidentity\t\n\
             google_a\tX\tNaaS\t-\tdata\t\n\
             google_b\tX\tPaaS\t-\tbogus\t\n\
             google_sql_user\tCloud SQL\tPaaS\t-\tdata\t\n"
        );
        let err = c.extend_from_tsv(&text, "mine.tsv").unwrap_err();
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 3, "{err}");
        assert!(lines[0].starts_with("mine.tsv:3: "));
        assert!(lines[1].starts_with("mine.tsv:4: "));
        assert!(lines[2].starts_with("mine.tsv:5: ") && lines[2].contains("first at line 2"));
        assert!(c.is_empty(), "a file with errors adds nothing");
    }

    #[test]
    fn header_is_required() {
        let err = Catalog::new()
            .extend_from_tsv(
                "aws_s3_bucket\tAmazon S3\tPaaS\tabstracted\tdata\t\n",
                "h.tsv",
            )
            .unwrap_err();
        assert!(
            err.starts_with("h.tsv:1: expected the header line"),
            "{err}"
        );
        let err = Catalog::new()
            .extend_from_tsv("type\tservice\n", "h.tsv")
            .unwrap_err();
        assert!(err.contains("header"), "{err}");
        // An empty or comment-only file is fine.
        assert_eq!(
            Catalog::new().extend_from_tsv("# nothing yet\n", "e.tsv"),
            Ok(0)
        );
    }

    #[test]
    fn longest_prefix_wins_and_is_inferred() {
        let c = catalog(
            "aws_cloudwatch_*\tAmazon CloudWatch\tMgmt\tabstracted\tlogging\tmonitoring\n\
             aws_cloudwatch_event_*\tAmazon EventBridge\tPaaS\tabstracted\tdata,identity\tevents\n\
             aws_cloudwatch_log_group\tAmazon CloudWatch Logs\tMgmt\tabstracted\tlogging,data\t\n",
        );
        let rule = c.classify("aws_cloudwatch_event_archive");
        assert_eq!(&*rule.service, "Amazon EventBridge");
        assert_eq!(rule.model, ServiceModel::PaaS);
        assert!(rule.inferred);
        assert_eq!(&*rule.resource_type, "aws_cloudwatch_event_archive");
        assert_eq!(&*rule.provider, "aws");
        assert!(
            rule.note.contains("aws_cloudwatch_event_*"),
            "{}",
            rule.note
        );

        let dashboard = c.classify("aws_cloudwatch_dashboard");
        assert_eq!(&*dashboard.service, "Amazon CloudWatch");
        assert!(dashboard.inferred);

        // An exact row beats every prefix.
        let group = c.classify("aws_cloudwatch_log_group");
        assert!(!group.inferred);
        assert_eq!(&*group.service, "Amazon CloudWatch Logs");

        // Prefixes are not types.
        assert_eq!(c.len(), 1);
        assert_eq!(c.prefix_rules().count(), 2);
    }

    #[test]
    fn builtin_prefixes_resolve_unlisted_types() {
        let c = Catalog::builtin();
        let replica = c.classify("aws_s3_bucket_metric");
        assert_eq!(&*replica.service, "Amazon S3");
        assert!(replica.inferred);
        let rule = c.classify("aws_cloudwatch_event_archive");
        assert_eq!(&*rule.service, "Amazon EventBridge", "longer prefix wins");
        let node = c.classify("google_compute_instance_settings");
        assert_eq!(node.model, ServiceModel::IaaS);
        let entra = c.classify("azuread_application_owner");
        assert_eq!(entra.model, ServiceModel::SaaS);
        assert!(entra.inferred);
        assert!(!c.classify("aws_s3_bucket").inferred);
    }

    #[test]
    fn other_providers_are_unclassified() {
        let c = Catalog::builtin();
        for name in [
            "vault_kv_secret_v2",
            "nomad_job",
            "azapi_resource",
            "aws_no_such_service_widget",
            "nothing",
        ] {
            let class = c.classify(name);
            assert_eq!(class.model, ServiceModel::Unclassified, "{name}");
            assert_eq!(&*class.service, "unclassified", "{name}");
            assert_eq!(class.layers, Layer::ALL.to_vec(), "{name}");
            assert_eq!(class.aws_category, None);
            assert!(!class.inferred && !class.is_classified());
            assert_eq!(&*class.resource_type, name);
        }
        assert_eq!(&*c.classify("kubernetes_deployment").provider, "kubernetes");
        assert_eq!(&*c.classify("random_id").provider, "random");
    }

    #[test]
    fn user_rows_override_builtin_rows() {
        let mut c = Catalog::builtin().clone();
        let before = c.len();
        assert_eq!(c.classify("aws_s3_bucket").model, ServiceModel::PaaS);
        let text = format!(
            "{HEAD}aws_s3_bucket\tAmazon S3 (ours)\tSaaS\tabstracted\tdata\tour call\n\
             nomad_job\tNomad workload\tPaaS\t-\tapp\tscheduled workload\n\
             vault_*\tVault\tMgmt\t-\tdata\tsecrets\n"
        );
        assert_eq!(c.extend_from_tsv(&text, "ours/catalog.tsv"), Ok(3));
        let s3 = c.classify("aws_s3_bucket");
        assert_eq!(s3.model, ServiceModel::SaaS);
        assert_eq!(&*s3.service, "Amazon S3 (ours)");
        assert_eq!(c.len(), before + 1);
        assert_eq!(c.classify("nomad_job").model, ServiceModel::PaaS);
        let id = c.classify("vault_kv_secret_v2");
        assert!(id.inferred && id.model == ServiceModel::Management);
        // The shared built-in catalogue is untouched.
        assert_eq!(
            Catalog::builtin().classify("aws_s3_bucket").model,
            ServiceModel::PaaS
        );
        assert_eq!(
            Catalog::builtin().classify("vault_kv_secret_v2").model,
            ServiceModel::Unclassified
        );
    }

    #[test]
    fn user_prefix_overrides_builtin_prefix() {
        let mut c = Catalog::builtin().clone();
        let count = c.prefix_rules().count();
        c.extend_from_tsv(
            &format!("{HEAD}aws_s3_*\tOur S3\tPaaS\tabstracted\tdata\t\n"),
            "p.tsv",
        )
        .unwrap();
        assert_eq!(c.prefix_rules().count(), count);
        assert_eq!(&*c.classify("aws_s3_bucket_metric").service, "Our S3");
    }

    #[test]
    fn provider_is_the_text_before_the_first_underscore() {
        assert_eq!(provider_of("aws_s3_bucket"), "aws");
        assert_eq!(provider_of("azurerm_storage_account"), "azurerm");
        assert_eq!(provider_of("azuread_user"), "azuread");
        assert_eq!(provider_of("google_storage_bucket"), "google");
        assert_eq!(provider_of("kubernetes_deployment"), "kubernetes");
        assert_eq!(provider_of("nothing"), "nothing");
        assert_eq!(provider_of(""), "");
    }

    #[test]
    fn counts_by_provider_covers_every_type() {
        let c = Catalog::builtin();
        let counts = c.counts_by_provider();
        assert_eq!(counts.values().sum::<usize>(), c.len());
        let providers = [
            "alicloud",
            "auth0",
            "aws",
            "azurerm",
            "azuread",
            "github",
            "google",
            "helm",
            "kind",
            "kubernetes",
            "local",
            "null",
            "oci",
            "okta",
            "random",
            "terraform",
            "time",
            "tls",
        ];
        for provider in providers {
            assert!(counts.get(provider).copied().unwrap_or(0) > 0, "{provider}");
        }
        assert_eq!(counts.len(), providers.len());
    }

    #[test]
    fn entries_are_sorted() {
        let names: Vec<&str> = Catalog::builtin()
            .entries()
            .map(|e| &*e.resource_type)
            .collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
    }

    #[test]
    fn aws_category_names_round_trip() {
        for category in AwsCategory::ALL {
            assert_eq!(category.as_str().parse::<AwsCategory>(), Ok(category));
            assert_eq!(category.to_string(), category.as_str());
        }
        assert!("Container".parse::<AwsCategory>().is_err());
    }

    #[test]
    fn garbage_never_panics() {
        for text in [
            "",
            "\t\t\t\t\t",
            "\u{feff}resource_type",
            "\u{feff}# byte order mark\n",
            "resource_type\tservice\tservice_model\taws_category\tcustomer_layers\tnote\n*\t\t\t\t\t\n",
            "resource_type\tservice\tservice_model\taws_category\tcustomer_layers\tnote\n_*\tx\tIaaS\t-\tos\t\n",
            "resource_type\tservice\tservice_model\taws_category\tcustomer_layers\tnote\naws_x\tx\tIaaS\t-\t,\t\n",
            "resource_type\tservice\tservice_model\taws_category\tcustomer_layers\tnote\naws_é\tx\tIaaS\t-\tos\t\n",
        ] {
            let _ = Catalog::new().extend_from_tsv(text, "g.tsv");
        }
    }
}
