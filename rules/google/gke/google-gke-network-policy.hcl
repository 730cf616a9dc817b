rule "google-gke-network-policy" {
  title     = "GKE cluster does not enforce Kubernetes network policies"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["google_container_cluster"]
  aliases   = ["CKV_GCP_12", "AVD-GCP-0056", "google-gke-enable-network-policy"]

  description = <<-EOT
    Kubernetes NetworkPolicy objects only take effect when the cluster runs an enforcing data plane.
    Without one, every pod can reach every other pod and namespace, so a single compromised workload
    can scan and attack databases, internal APIs and the metadata of the whole cluster, and the
    policies teams write are silently ignored. Turning enforcement on is the customer's cluster
    setting.

    The cluster is compliant when `network_policy { enabled = true }` (Calico) is combined with
    `addons_config { network_policy_config { disabled = false } }` (the addon defaults to disabled,
    and without it the `network_policy` block has no effect), when it uses GKE
    Dataplane V2 (`datapath_provider = "ADVANCED_DATAPATH"`, default `LEGACY_DATAPATH`), which
    enforces network policies natively, or when it is an Autopilot cluster (`enable_autopilot = true`).

    Some scanners accept a `network_policy { enabled = true }` block alone. The provider documents
    that `addons_config.network_policy_config` must be enabled for node enforcement and that the
    block does nothing without it, so onus requires both.
  EOT
  remediation = "Create the cluster with `datapath_provider = \"ADVANCED_DATAPATH\"` (Dataplane V2), or set `network_policy { enabled = true }` together with `addons_config { network_policy_config { disabled = false } }`; then write NetworkPolicies for each namespace."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#datapath_provider",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_network_policy",
  ]

  assert {
    any {
      all {
        attribute "network_policy.enabled" {
          equals = true
        }
        # The addon defaults to disabled; without it the network_policy block does nothing.
        attribute "addons_config.network_policy_config.disabled" {
          equals = false
        }
      }
      attribute "datapath_provider" {
        equals = "ADVANCED_DATAPATH"
      }
      attribute "enable_autopilot" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {  # expect: google-gke-network-policy
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # network_policy without the addon has no effect
      resource "google_container_cluster" "prod" {  # expect: google-gke-network-policy
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

        network_policy {
          enabled = true
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
        datapath_provider  = "ADVANCED_DATAPATH"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

        network_policy {
          enabled  = true
          provider = "CALICO"
        }

        addons_config {
          network_policy_config {
            disabled = false
          }
        }
      }
    EOT
  }
}
