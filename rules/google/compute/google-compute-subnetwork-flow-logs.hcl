rule "google-compute-subnetwork-flow-logs" {
  title     = "VPC subnetwork does not have flow logs enabled"
  severity  = "low"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["3.8"]
  }
  resources = ["google_compute_subnetwork"]
  aliases = [
    "CKV_GCP_26",
    "AVD-GCP-0029", "google-compute-enable-vpc-flow-logs",
    "AVD-GCP-0076", "google-compute-google-compute-subnetwork-logging",
  ]

  description = <<-EOT
    VPC flow logs record the network connections of the VMs and GKE nodes in a subnetwork. Without
    them an incident responder cannot tell which hosts a compromised instance talked to, how much data
    left, or whether a firewall change was exploited, and network anomaly detection has nothing to
    work with. Google collects the logs only when the customer turns them on.

    Flow logs are on when the subnetwork has a `log_config` block. The older boolean
    `enable_flow_logs` (deprecated, removed in google provider v7) is also accepted. Without
    `log_config` the provider explicitly disables flow logs. Proxy-only subnetworks (`purpose`
    `REGIONAL_MANAGED_PROXY`, `GLOBAL_MANAGED_PROXY` or the older `INTERNAL_HTTPS_LOAD_BALANCER`) do
    not support flow logs and are skipped; `purpose` defaults to `PRIVATE`.
  EOT
  remediation = "Add `log_config { aggregation_interval = \"INTERVAL_5_SEC\", flow_sampling = 0.5, metadata = \"INCLUDE_ALL_METADATA\" }` to the subnetwork (tune sampling to control cost)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork#log_config",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/guides/version_7_upgrade",
  ]

  when {
    attribute "purpose" {
      not_one_of = ["REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER"]
      default    = "PRIVATE"
    }
  }

  assert {
    any {
      attribute "log_config" {
        present = true
      }
      # google provider v6 and earlier
      attribute "enable_flow_logs" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_subnetwork" "app" {  # expect: google-compute-subnetwork-flow-logs
        name          = "app"
        ip_cidr_range = "10.10.0.0/20"
        region        = "europe-west1"
        network       = "prod"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_subnetwork" "app" {
        name          = "app"
        ip_cidr_range = "10.10.0.0/20"
        region        = "europe-west1"
        network       = "prod"

        log_config {
          aggregation_interval = "INTERVAL_5_SEC"
          flow_sampling        = 0.5
          metadata             = "INCLUDE_ALL_METADATA"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_subnetwork" "proxy_only" {
        name          = "proxy-only"
        ip_cidr_range = "10.129.0.0/23"
        region        = "europe-west1"
        network       = "prod"
        purpose       = "REGIONAL_MANAGED_PROXY"
        role          = "ACTIVE"
      }
    EOT
  }
}
