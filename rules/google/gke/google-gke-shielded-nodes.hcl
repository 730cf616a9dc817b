rule "google-gke-shielded-nodes" {
  title     = "GKE cluster has Shielded GKE Nodes switched off"
  severity  = "high"
  area      = "application-workload"
  resources = [
    "google_container_cluster",
  ]
  aliases   = ["CKV_GCP_71", "AVD-GCP-0055", "google-gke-node-shielding-enabled"]

  description = <<-EOT
    Shielded GKE Nodes give every node a verifiable identity and integrity: without them, an
     attacker who steals a node's bootstrap credentials (for example from the metadata server of a
     compromised pod) can register an impostor node and receive the cluster's pods and secrets.
     Severity is high for that impersonation path. The setting is the customer's.

     `enable_shielded_nodes` defaults to `true`, so only an explicit `false` is reported.
  EOT
  remediation = "Remove `enable_shielded_nodes = false` (or set it to `true`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_shielded_nodes",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes",
  ]

  assert {
    attribute "enable_shielded_nodes" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
        enable_shielded_nodes = false  # expect: google-gke-shielded-nodes
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
        enable_shielded_nodes = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

      }
    EOT
  }
}
