rule "google-gke-control-plane-authorized-networks" {
  title     = "GKE control plane endpoint is reachable from any IP address"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["google_container_cluster"]
  aliases   = ["CKV_GCP_20", "AVD-GCP-0061", "google-gke-enable-master-networks"]

  description = <<-EOT
    By default the Kubernetes API server of a GKE cluster has a public IP endpoint that accepts
    connections from anywhere. Attackers can then probe it for anonymous-access misconfigurations and
    API server vulnerabilities, and use any leaked credential from anywhere. Master authorized networks
    restrict the endpoint to known ranges. Control plane exposure is the customer's setting.

    The cluster is compliant when the public IP endpoint is off
    (`private_cluster_config.enable_private_endpoint = true`, or
    `control_plane_endpoints_config.ip_endpoints_config.enabled = false`, default `true`), or when
    a `master_authorized_networks_config` block is present without a `0.0.0.0/0` CIDR and without
    `gcp_public_cidrs_access_enabled = true` (which admits every Compute Engine public IP, that is,
    anyone who can create a VM). An empty block admits no external network.
  EOT
  remediation = "Add `master_authorized_networks_config { cidr_blocks { cidr_block = \"203.0.113.0/24\", display_name = \"admins\" } }`, or make the endpoint private."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_master_authorized_networks_config",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters",
  ]

  assert {
    any {
      attribute "private_cluster_config.enable_private_endpoint" {
        equals = true
      }
      attribute "control_plane_endpoints_config.ip_endpoints_config.enabled" {
        equals = false
      }
      all {
        attribute "master_authorized_networks_config" {
          present = true
        }
        none "master_authorized_networks_config.cidr_blocks" {
          attribute "cidr_block" {
            one_of = ["0.0.0.0/0", "::/0"]
          }
        }
        any {
          attribute "master_authorized_networks_config.gcp_public_cidrs_access_enabled" {
            present = false
          }
          attribute "master_authorized_networks_config.gcp_public_cidrs_access_enabled" {
            equals = false
          }
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {  # expect: google-gke-control-plane-authorized-networks
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

        master_authorized_networks_config {
          cidr_blocks {
            cidr_block   = "0.0.0.0/0"  # expect: google-gke-control-plane-authorized-networks
            display_name = "everyone"
          }
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

        master_authorized_networks_config {
          cidr_blocks {
            cidr_block   = "203.0.113.0/24"
            display_name = "admins"
          }
        }
      }
    EOT
  }
}
