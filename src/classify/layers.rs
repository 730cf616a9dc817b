//! The seven customer layers of a resource and who owns each of them under each service model.
//!
//! The ownership table encodes the synthesis matrix of the research notes (Microsoft's, AWS's and
//! Google's shared responsibility matrices): data, identity and configuration stay with the
//! customer in every model; the network is the customer's in IaaS and shared above it; the guest
//! OS is the customer's only in IaaS.

use crate::taxonomy::{Area, ServiceModel};
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// A layer of a resource the customer may be responsible for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// Encryption at rest and in transit, keys, backups, versioning, retention.
    Data,
    /// IAM and resource policies, authentication, public grants, credentials.
    Identity,
    /// Firewalls, security groups, public endpoints, private connectivity.
    Network,
    /// Audit, access and flow logs, threat detection, monitoring.
    Logging,
    /// Service posture: deletion protection, versions and upgrades, guardrails.
    Config,
    /// The guest operating system: images, metadata service, SSH keys, user data.
    Os,
    /// Code, runtime version, container image, dependencies, app-level settings.
    App,
}

impl Layer {
    pub const ALL: [Layer; 7] = [
        Layer::Data,
        Layer::Identity,
        Layer::Network,
        Layer::Logging,
        Layer::Config,
        Layer::Os,
        Layer::App,
    ];

    /// Identifier used in the catalogue files and machine output.
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Data => "data",
            Layer::Identity => "identity",
            Layer::Network => "network",
            Layer::Logging => "logging",
            Layer::Config => "config",
            Layer::Os => "os",
            Layer::App => "app",
        }
    }

    /// Words for people.
    pub fn label(self) -> &'static str {
        match self {
            Layer::Data => "data protection",
            Layer::Identity => "identity and access",
            Layer::Network => "network exposure",
            Layer::Logging => "logging and monitoring",
            Layer::Config => "service configuration",
            Layer::Os => "guest operating system",
            Layer::App => "application code and workload",
        }
    }

    /// The customer area of the shared responsibility model this layer belongs to.
    pub fn area(self) -> Area {
        match self {
            Layer::Data => Area::DataProtection,
            Layer::Identity => Area::IdentityAccess,
            Layer::Network | Layer::Logging | Layer::Config => Area::ConfigurationPosture,
            Layer::Os | Layer::App => Area::ApplicationWorkload,
        }
    }
}

impl fmt::Display for Layer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Layer {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Layer::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown layer `{s}` (expected data, identity, network, logging, config, os or app)"
                )
            })
    }
}

/// Who holds a layer under a service model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Ownership {
    /// Wholly the customer's.
    Customer,
    /// Split: the provider runs it, the customer configures part of it.
    Shared,
    /// The provider's; Terraform exposes nothing of it.
    Provider,
    /// The layer does not exist for this kind of resource.
    NotApplicable,
}

impl Ownership {
    pub fn as_str(self) -> &'static str {
        match self {
            Ownership::Customer => "customer",
            Ownership::Shared => "shared",
            Ownership::Provider => "provider",
            Ownership::NotApplicable => "not-applicable",
        }
    }

    /// True when the customer has something to do for the layer.
    pub fn involves_customer(self) -> bool {
        matches!(self, Ownership::Customer | Ownership::Shared)
    }
}

/// Who owns `layer` under `model`.
///
/// | layer    | IaaS | PaaS | FaaS | SaaS | Mgmt |
/// |----------|------|------|------|------|------|
/// | data     | C    | C    | C    | C    | C    |
/// | identity | C    | C    | C    | C    | C    |
/// | config   | C    | C    | C    | C    | C    |
/// | logging  | C    | C    | C    | S    | C    |
/// | network  | C    | S    | S    | S    | –    |
/// | app      | C    | C    | C    | S    | –    |
/// | os       | C    | P    | P    | P    | –    |
///
/// SaaS network is the provider's except for the IP allow-lists the customer sets, hence shared.
/// An unclassified resource gets no pruning: every layer counts as the customer's.
pub fn ownership(model: ServiceModel, layer: Layer) -> Ownership {
    use Layer::*;
    use Ownership::*;
    use ServiceModel::*;
    match (model, layer) {
        (_, Data | Identity | Config) => Customer,
        (IaaS | NonCloud | Unclassified, _) => Customer,
        (PaaS | FaaS | Management, Logging) => Customer,
        (SaaS, Logging) => Shared,
        (PaaS | FaaS | SaaS, Network) => Shared,
        (PaaS | FaaS, App) => Customer,
        (SaaS, App) => Shared,
        (PaaS | FaaS | SaaS, Os) => Provider,
        (Management, Network | App | Os) => NotApplicable,
    }
}

const IAAS: &[Layer] = &Layer::ALL;
const PAAS: &[Layer] = &[
    Layer::Data,
    Layer::Identity,
    Layer::Network,
    Layer::Logging,
    Layer::Config,
    Layer::App,
];
const MGMT: &[Layer] = &[Layer::Data, Layer::Identity, Layer::Logging, Layer::Config];

/// The layers the customer owns, wholly or in part, under `model`.
pub fn customer_layers(model: ServiceModel) -> &'static [Layer] {
    match model {
        ServiceModel::IaaS | ServiceModel::NonCloud | ServiceModel::Unclassified => IAAS,
        ServiceModel::PaaS | ServiceModel::FaaS | ServiceModel::SaaS => PAAS,
        ServiceModel::Management => MGMT,
    }
}

/// Why a PaaS row may still list `os`: the one exception the matrix allows.
pub const PAAS_OS_EXCEPTION: &str =
    "some managed platforms leave OS-level choices to the customer \
     (notebook instances, cluster default node pools, EMR/Dataproc/HDInsight images and bootstrap \
     scripts, container privileges)";

/// Whether a catalogue row of `model` may list `layer`: the customer layers of the model, plus
/// `os` for PaaS rows (see [`PAAS_OS_EXCEPTION`]).
pub fn permits(model: ServiceModel, layer: Layer) -> bool {
    ownership(model, layer).involves_customer()
        || (model == ServiceModel::PaaS && layer == Layer::Os)
}

/// The layers the customer owns under `model` that no Terraform configuration can show, each with
/// the reason. Reports list them as residual responsibility rather than staying silent.
pub fn unverifiable(model: ServiceModel) -> &'static [(Layer, &'static str)] {
    match model {
        ServiceModel::IaaS => &[
            (
                Layer::Os,
                "guest OS patching and hardening happen inside the instance",
            ),
            (
                Layer::App,
                "software installed on the instance and its vulnerabilities",
            ),
            (
                Layer::Identity,
                "local accounts, sudo rules and keys added inside the guest OS",
            ),
        ],
        ServiceModel::PaaS => &[
            (Layer::App, "application code deployed to the platform"),
            (
                Layer::Identity,
                "users and grants created inside the engine, such as database users",
            ),
        ],
        ServiceModel::FaaS => &[
            (
                Layer::App,
                "vulnerabilities in function code and its dependencies",
            ),
            (
                Layer::Data,
                "what the function code reads, writes and logs at run time",
            ),
        ],
        ServiceModel::SaaS => &[
            (
                Layer::Identity,
                "user lifecycle and sign-in behaviour in the app",
            ),
            (
                Layer::Data,
                "what users put into the service and share from it",
            ),
            (
                Layer::Config,
                "in-app settings the provider's API does not expose to Terraform",
            ),
        ],
        ServiceModel::Management => &[
            (
                Layer::Identity,
                "whether granted permissions are still needed and reviewed",
            ),
            (
                Layer::Logging,
                "whether anyone reviews and acts on the logs and alerts",
            ),
        ],
        // Nothing of a non-cloud type is hidden behind a provider: what Terraform shows is all
        // there is to check. (Unclassified: onus does not know the service.)
        ServiceModel::NonCloud | ServiceModel::Unclassified => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layer_names_round_trip() {
        for layer in Layer::ALL {
            assert_eq!(layer.as_str().parse::<Layer>(), Ok(layer));
            assert_eq!(layer.to_string(), layer.as_str());
            assert!(!layer.label().is_empty());
        }
        let err = "kernel".parse::<Layer>().unwrap_err();
        assert!(err.contains("kernel"), "{err}");
        assert!("Data".parse::<Layer>().is_err(), "names are lower case");
    }

    #[test]
    fn layers_map_to_areas() {
        assert_eq!(Layer::Data.area(), Area::DataProtection);
        assert_eq!(Layer::Identity.area(), Area::IdentityAccess);
        assert_eq!(Layer::Network.area(), Area::ConfigurationPosture);
        assert_eq!(Layer::Logging.area(), Area::ConfigurationPosture);
        assert_eq!(Layer::Config.area(), Area::ConfigurationPosture);
        assert_eq!(Layer::Os.area(), Area::ApplicationWorkload);
        assert_eq!(Layer::App.area(), Area::ApplicationWorkload);
    }

    #[test]
    fn data_identity_config_are_always_the_customers() {
        for model in ServiceModel::CLASSIFIED {
            for layer in [Layer::Data, Layer::Identity, Layer::Config] {
                assert_eq!(
                    ownership(model, layer),
                    Ownership::Customer,
                    "{model} {layer}"
                );
            }
        }
    }

    #[test]
    fn os_is_the_customers_only_in_iaas() {
        assert_eq!(
            ownership(ServiceModel::IaaS, Layer::Os),
            Ownership::Customer
        );
        assert_eq!(
            ownership(ServiceModel::PaaS, Layer::Os),
            Ownership::Provider
        );
        assert_eq!(
            ownership(ServiceModel::FaaS, Layer::Os),
            Ownership::Provider
        );
        assert_eq!(
            ownership(ServiceModel::SaaS, Layer::Os),
            Ownership::Provider
        );
        assert_eq!(
            ownership(ServiceModel::Management, Layer::Os),
            Ownership::NotApplicable
        );
    }

    #[test]
    fn customer_layers_follow_ownership() {
        for model in ServiceModel::CLASSIFIED
            .into_iter()
            .chain([ServiceModel::NonCloud, ServiceModel::Unclassified])
        {
            let listed = customer_layers(model);
            for layer in Layer::ALL {
                assert_eq!(
                    listed.contains(&layer),
                    ownership(model, layer).involves_customer(),
                    "{model} {layer}"
                );
            }
        }
        assert_eq!(customer_layers(ServiceModel::IaaS).len(), 7);
        assert!(!customer_layers(ServiceModel::FaaS).contains(&Layer::Os));
        assert!(!customer_layers(ServiceModel::Management).contains(&Layer::Network));
    }

    #[test]
    fn permits_adds_only_the_paas_os_exception() {
        assert!(permits(ServiceModel::PaaS, Layer::Os));
        assert!(!permits(ServiceModel::FaaS, Layer::Os));
        assert!(!permits(ServiceModel::SaaS, Layer::Os));
        assert!(!permits(ServiceModel::Management, Layer::App));
        assert!(!permits(ServiceModel::Management, Layer::Network));
        assert!(permits(ServiceModel::SaaS, Layer::Network));
        for layer in Layer::ALL {
            assert!(permits(ServiceModel::IaaS, layer));
            assert!(permits(ServiceModel::Unclassified, layer));
        }
    }

    #[test]
    fn unverifiable_layers_belong_to_the_customer() {
        for model in ServiceModel::CLASSIFIED {
            let list = unverifiable(model);
            assert!(!list.is_empty(), "{model}");
            for (layer, reason) in list {
                assert!(
                    customer_layers(model).contains(layer),
                    "{model}: {layer} is not the customer's"
                );
                assert!(!reason.is_empty() && !reason.contains('\n'));
            }
        }
        assert!(unverifiable(ServiceModel::Unclassified).is_empty());
        assert!(unverifiable(ServiceModel::IaaS)
            .iter()
            .any(|(l, r)| *l == Layer::Os && r.contains("patching")));
        assert!(unverifiable(ServiceModel::FaaS)
            .iter()
            .any(|(l, _)| *l == Layer::App));
    }
}
