rule "google-gke-node-integrity-monitoring" {
  title     = "GKE nodes have integrity monitoring turned off"
  severity  = "medium"
  area      = "application-workload"
  resources = [
    "google_container_cluster",
    "google_container_node_pool",
  ]
  aliases = ["CKV_GCP_72"]

  description = <<-EOT
    Integrity monitoring compares each Shielded GKE node's measured boot sequence with a known-good
    baseline and reports a node whose boot loader, kernel or drivers were tampered with. Turned off,
    a rootkit persisting across reboots on a node goes unnoticed. The node configuration is the
    customer's side of GKE Standard.

    `shielded_instance_config.enable_integrity_monitoring` defaults to `true`, so only an explicit
    `false` is reported: in the cluster's `node_config`, in the cluster's inline `node_pool` blocks
    and in `google_container_node_pool`.
  EOT
  remediation = "Remove `enable_integrity_monitoring = false` from `node_config.shielded_instance_config` (or set it to `true`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_integrity_monitoring",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes",
  ]

  assert {
    attribute "node_config.shielded_instance_config.enable_integrity_monitoring" {
      equals  = true
      default = true
    }
    attribute "node_pool.node_config.shielded_instance_config.enable_integrity_monitoring" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_node_pool" "workers" {
        name    = "workers"
        cluster = "prod"

        node_config {
          machine_type = "e2-standard-4"

          shielded_instance_config {
            enable_secure_boot          = true
            enable_integrity_monitoring = false  # expect: google-gke-node-integrity-monitoring
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name     = "prod"
        location = "europe-west1"

        node_pool {
          name = "default"

          node_config {
            shielded_instance_config {
              enable_integrity_monitoring = false  # expect: google-gke-node-integrity-monitoring
            }
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

        node_config {
          shielded_instance_config {
            enable_secure_boot          = true
            enable_integrity_monitoring = true
          }
        }
      }

      resource "google_container_node_pool" "workers" {
        name    = "workers"
        cluster = "prod"

        node_config {
          machine_type = "e2-standard-4"
        }
      }
    EOT
  }
}
