rule "google-gke-vpc-native" {
  title     = "GKE cluster uses routes-based networking instead of VPC-native alias IPs"
  severity  = "low"
  area      = "configuration-posture"
  resources = [
    "google_container_cluster",
  ]
  aliases   = ["CKV_GCP_23", "AVD-GCP-0049", "google-gke-enable-ip-aliasing"]

  description = <<-EOT
    In a routes-based cluster, pod addresses are not VPC addresses: firewall rules, VPC flow logs
     and Private Google Access cannot tell pods apart from their nodes, and anti-spoofing checks do
     not apply to pod traffic. VPC-native (alias IP) clusters give pods first-class VPC addresses.
     The networking mode is the customer's cluster setting; severity is low.

     The provider documents that new clusters default to `VPC_NATIVE`, so only an explicit
     `networking_mode = "ROUTES"` is reported. Some scanners also report a cluster without an
     `ip_allocation_policy` block; with current provider versions GKE fills that block in itself.
  EOT
  remediation = "Remove `networking_mode = \"ROUTES\"` (or set `VPC_NATIVE`) and add an `ip_allocation_policy` block naming the secondary ranges."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#networking_mode",
    "https://cloud.google.com/kubernetes-engine/docs/concepts/alias-ips",
  ]

  assert {
    attribute "networking_mode" {
      not_equals = "ROUTES"
      default    = "VPC_NATIVE"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "legacy" {
        name               = "legacy"
        location           = "europe-west1"
        initial_node_count = 1
        networking_mode    = "ROUTES"  # expect: google-gke-vpc-native
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
        networking_mode    = "VPC_NATIVE"

        ip_allocation_policy {
          cluster_secondary_range_name  = "pods"
          services_secondary_range_name = "services"
        }
      }
    EOT
  }
}
