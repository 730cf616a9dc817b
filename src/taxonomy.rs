//! The shared vocabulary of onus: how bad a finding is, which customer area of the shared
//! responsibility model it belongs to, and the service models a resource can fall under.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// Severity of a rule or finding, ordered from least to most severe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "low" => Ok(Severity::Low),
            "medium" => Ok(Severity::Medium),
            "high" => Ok(Severity::High),
            "critical" => Ok(Severity::Critical),
            other => Err(format!(
                "unknown severity `{other}` (expected critical, high, medium or low)"
            )),
        }
    }
}

/// The four customer areas of the shared responsibility model; every rule belongs to one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Area {
    DataProtection,
    IdentityAccess,
    ConfigurationPosture,
    ApplicationWorkload,
}

impl Area {
    pub const ALL: [Area; 4] = [
        Area::DataProtection,
        Area::IdentityAccess,
        Area::ConfigurationPosture,
        Area::ApplicationWorkload,
    ];

    /// Identifier used in rule files, config and machine output.
    pub fn as_str(self) -> &'static str {
        match self {
            Area::DataProtection => "data-protection",
            Area::IdentityAccess => "identity-access",
            Area::ConfigurationPosture => "configuration-posture",
            Area::ApplicationWorkload => "application-workload",
        }
    }

    /// Words for people ("yours: data protection").
    pub fn label(self) -> &'static str {
        match self {
            Area::DataProtection => "data protection and encryption",
            Area::IdentityAccess => "identity and access",
            Area::ConfigurationPosture => "configuration and posture",
            Area::ApplicationWorkload => "application and workload",
        }
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Area {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Area::ALL
            .into_iter()
            .find(|a| a.as_str() == s)
            .ok_or_else(|| {
                format!("unknown area `{s}` (expected data-protection, identity-access, configuration-posture or application-workload)")
            })
    }
}

/// How much of a service the provider runs; decides which layers stay with the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum ServiceModel {
    IaaS,
    PaaS,
    SaaS,
    FaaS,
    /// Management plane: IAM, KMS, audit logging, security services. Wholly customer-configured.
    #[serde(rename = "Mgmt")]
    Management,
    /// Not a cloud service: utility providers (`random`, `null`, `time`, `tls`, `local`) and
    /// what runs inside a cluster (`kubernetes`, `helm`, `kind`). No provider shares the work:
    /// every layer they expose is the customer's.
    #[serde(rename = "non-cloud")]
    NonCloud,
    /// A resource type onus has no classification for: a gap in the catalogue.
    #[serde(rename = "unclassified")]
    Unclassified,
}

impl ServiceModel {
    /// The service models of cloud services.
    pub const CLASSIFIED: [ServiceModel; 5] = [
        ServiceModel::IaaS,
        ServiceModel::PaaS,
        ServiceModel::SaaS,
        ServiceModel::FaaS,
        ServiceModel::Management,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ServiceModel::IaaS => "IaaS",
            ServiceModel::PaaS => "PaaS",
            ServiceModel::SaaS => "SaaS",
            ServiceModel::FaaS => "FaaS",
            ServiceModel::Management => "Mgmt",
            ServiceModel::NonCloud => "non-cloud",
            ServiceModel::Unclassified => "unclassified",
        }
    }
}

impl fmt::Display for ServiceModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ServiceModel {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "IaaS" => Ok(ServiceModel::IaaS),
            "PaaS" => Ok(ServiceModel::PaaS),
            "SaaS" => Ok(ServiceModel::SaaS),
            "FaaS" => Ok(ServiceModel::FaaS),
            "Mgmt" | "management" => Ok(ServiceModel::Management),
            "non-cloud" => Ok(ServiceModel::NonCloud),
            other => Err(format!(
                "unknown service model `{other}` (expected IaaS, PaaS, SaaS, FaaS, Mgmt or non-cloud)"
            )),
        }
    }
}
