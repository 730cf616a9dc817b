//! Properties of the built-in catalogue data, and its agreement with the research reference.

use onus::classify::{permits, provider_of, Catalog, Layer};
use onus::taxonomy::ServiceModel;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

#[test]
fn catalogue_is_large_enough_and_covers_each_provider() {
    let catalog = Catalog::builtin();
    assert!(catalog.len() >= 330, "only {} types", catalog.len());
    let counts = catalog.counts_by_provider();
    assert!(counts["aws"] >= 150, "{counts:?}");
    assert!(counts["azurerm"] >= 100, "{counts:?}");
    assert!(counts["azuread"] >= 10, "{counts:?}");
    assert!(counts["google"] >= 100, "{counts:?}");
}

#[test]
fn every_row_is_valid_for_its_model() {
    let catalog = Catalog::builtin();
    for entry in catalog.entries().chain(catalog.prefix_rules()) {
        let name = &entry.resource_type;
        assert!(entry.is_classified(), "{name}");
        assert!(!entry.layers.is_empty(), "{name} lists no layer");
        for layer in &entry.layers {
            assert!(
                permits(entry.model, *layer),
                "{name}: {layer} under {}",
                entry.model
            );
        }
        if entry.model == ServiceModel::FaaS || entry.model == ServiceModel::SaaS {
            assert!(!entry.has_layer(Layer::Os), "{name}");
        }
        if entry.model == ServiceModel::Management {
            for layer in [Layer::Network, Layer::Os, Layer::App] {
                assert!(!entry.has_layer(layer), "{name}: {layer}");
            }
        }
        assert_eq!(
            entry.aws_category.is_some(),
            &*entry.provider == "aws",
            "{name}: AWS rows have a category, others none"
        );
        assert!(!entry.service.is_empty(), "{name}");
        assert_eq!(&*entry.provider, provider_of(name));
    }
}

#[test]
fn the_canonical_examples_are_classified_as_the_providers_say() {
    let c = Catalog::builtin();
    let model = |t: &str| c.classify(t).model;
    assert_eq!(model("aws_instance"), ServiceModel::IaaS);
    assert_eq!(model("aws_db_instance"), ServiceModel::PaaS);
    assert_eq!(model("aws_s3_bucket"), ServiceModel::PaaS);
    assert_eq!(model("aws_lambda_function"), ServiceModel::FaaS);
    assert_eq!(model("aws_iam_role"), ServiceModel::Management);
    assert_eq!(model("aws_cognito_user_pool"), ServiceModel::SaaS);
    assert_eq!(model("azurerm_linux_virtual_machine"), ServiceModel::IaaS);
    assert_eq!(model("azurerm_storage_account"), ServiceModel::PaaS);
    assert_eq!(model("azurerm_linux_function_app"), ServiceModel::FaaS);
    assert_eq!(model("azurerm_role_assignment"), ServiceModel::Management);
    assert_eq!(
        model("azuread_conditional_access_policy"),
        ServiceModel::SaaS
    );
    assert_eq!(model("google_compute_instance"), ServiceModel::IaaS);
    assert_eq!(model("google_sql_database_instance"), ServiceModel::PaaS);
    assert_eq!(model("google_cloudfunctions2_function"), ServiceModel::FaaS);
    assert_eq!(model("google_project_iam_member"), ServiceModel::Management);
    assert_eq!(model("google_identity_platform_config"), ServiceModel::SaaS);
}

/// Reference types deliberately left out of the catalogue, with the reason. Empty: every type of
/// the reference was verified to exist in its provider and is carried over.
const EXCLUDED: &[(&str, &str)] = &[];

/// Reference rows whose layers were corrected, with the reason (see docs/catalog.md).
const CORRECTED_LAYERS: &[(&str, &str)] = &[
    (
        "aws_emr_cluster",
        "adds os: the reference's own hard call 9 keeps OS-level choices (bootstrap actions, custom AMI) with the customer",
    ),
    (
        "aws_wafv2_web_acl",
        "network -> config: a management-plane row has no network layer in the matrix",
    ),
    (
        "google_compute_security_policy",
        "network -> config: a management-plane row has no network layer in the matrix",
    ),
    (
        "google_container_node_pool",
        "adds data and network: node_config boot disk CMEK and private nodes are set on the pool",
    ),
];

/// The research reference lives outside the repository (`../shared` beside a clone; two levels
/// up from a worktree under `wt/`). `ONUS_SHARED_DIR` points elsewhere.
fn reference_path() -> Option<PathBuf> {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut candidates = Vec::new();
    if let Some(dir) = std::env::var_os("ONUS_SHARED_DIR") {
        candidates.push(PathBuf::from(dir));
    }
    candidates.push(manifest.join("../shared"));
    candidates.push(manifest.join("../../shared"));
    candidates
        .into_iter()
        .map(|dir| dir.join("reference/service-catalog.tsv"))
        .find(|path| path.is_file())
}

#[test]
fn research_reference_is_carried_over() {
    let Some(path) = reference_path() else {
        println!(
            "skipped: ../shared/reference/service-catalog.tsv is not present (set ONUS_SHARED_DIR \
             to its shared/ folder to run this check)"
        );
        return;
    };
    let text = std::fs::read_to_string(&path).expect("reference is readable");
    let catalog = Catalog::builtin();
    let excluded: BTreeMap<&str, &str> = EXCLUDED.iter().copied().collect();
    let corrected: BTreeMap<&str, &str> = CORRECTED_LAYERS.iter().copied().collect();
    let mut seen = BTreeSet::new();
    let mut problems = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(cols.len() >= 6, "unexpected reference line: {line}");
        let (name, provider, model, category, layers) =
            (cols[0], cols[1], cols[3], cols[4], cols[5]);
        seen.insert(name);
        if excluded.contains_key(name) {
            if catalog.entries().any(|e| &*e.resource_type == name) {
                problems.push(format!("{name} is excluded but catalogued"));
            }
            continue;
        }
        let entry = catalog.classify(name);
        if entry.inferred || !entry.is_classified() {
            problems.push(format!("{name} is neither catalogued nor excluded"));
            continue;
        }
        if &*entry.provider != provider {
            problems.push(format!(
                "{name}: provider {} vs reference {provider}",
                entry.provider
            ));
        }
        if entry.model.as_str() != model {
            problems.push(format!(
                "{name}: model {} vs reference {model}",
                entry.model
            ));
        }
        if entry.aws_category.map_or("-", |c| c.as_str()) != category {
            problems.push(format!("{name}: AWS category differs from the reference"));
        }
        let ours: BTreeSet<&str> = entry.layers.iter().map(|l| l.as_str()).collect();
        let theirs: BTreeSet<&str> = layers.split(',').map(str::trim).collect();
        match (ours == theirs, corrected.contains_key(name)) {
            (false, false) => problems.push(format!(
                "{name}: layers {ours:?} vs reference {theirs:?} without a documented correction"
            )),
            (true, true) => problems.push(format!("{name}: listed as corrected but unchanged")),
            _ => {}
        }
    }
    for name in excluded.keys().chain(corrected.keys()) {
        if !seen.contains(name) {
            problems.push(format!("{name} is listed here but not in the reference"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_rule_resource_type_has_its_own_catalogue_row() {
    let rules = onus::rules::RuleSet::builtin().expect("rules parse");
    let catalog = onus::classify::Catalog::builtin();
    let mut missing: Vec<String> = Vec::new();
    for r in rules.rules() {
        for t in &r.resources {
            let c = catalog.classify(t);
            if !c.is_classified() || c.inferred {
                missing.push(format!("{t} (rule {})", r.id));
            }
        }
    }
    missing.sort();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "resource types used by rules without a catalogue row:\n{}",
        missing.join("\n")
    );
}

/// Every cloud resource type that the popular public module repositories declare is
/// catalogued, and utility and in-cluster types are `non-cloud`: an unclassified type in the
/// matrix is then always a gap. `azapi_` types are the one deliberate exception (their service
/// is named by their `type` argument; docs/catalog.md).
#[test]
fn types_of_popular_module_repositories_are_classified() {
    let catalog = Catalog::builtin();
    let list = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/module-repo-types.txt"),
    )
    .expect("type list");
    let mut gaps = Vec::new();
    let mut seen = 0;
    for t in list
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        seen += 1;
        let class = catalog.classify(t);
        if !class.is_classified() && provider_of(t) != "azapi" {
            gaps.push(t.to_string());
        }
    }
    assert!(seen > 200, "{seen} types");
    assert!(gaps.is_empty(), "unclassified: {gaps:?}");
    for t in [
        "random_string",
        "null_resource",
        "kubernetes_pod",
        "helm_release",
        "kind_cluster",
    ] {
        assert_eq!(catalog.classify(t).model, ServiceModel::NonCloud, "{t}");
    }
}
