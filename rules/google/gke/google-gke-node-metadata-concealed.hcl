rule "google-gke-node-metadata-concealed" {
  title     = "GKE nodes expose the Compute Engine metadata server to pods"
  severity  = "high"
  area      = "application-workload"
  resources = [
    "google_container_cluster",
    "google_container_node_pool",
  ]
  aliases   = ["CKV_GCP_69", "AVD-GCP-0057", "google-gke-node-metadata-security"]

  description = <<-EOT
    When pods can reach the node's full metadata server, any compromised pod can read the node's
     service account token and the kubelet bootstrap credentials from it, and use them to act as the
     node in the project or to join rogue nodes to the cluster. The GKE metadata server (Workload
     Identity) or metadata concealment hides these. The node configuration is the customer's. Severity
     is high: it is a direct credential exposure path from any workload.

     The rule reports `workload_metadata_config.mode = "GCE_METADATA"` (google provider v4 and later)
     and `node_metadata = "EXPOSE"` or `"UNSPECIFIED"` (provider v3 and earlier), in the cluster's
     `node_config` and in node pools. When the block is absent the mode follows the cluster's Workload
     Identity setting, which `google-gke-workload-identity` checks.

    Node pools declared inline in `google_container_cluster` (`node_pool { node_config { ... } }`)
    are checked the same way.
  EOT
  remediation = "Set `workload_metadata_config { mode = \"GKE_METADATA\" }` in `node_config` and enable Workload Identity on the cluster."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_workload_metadata_config",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity",
  ]

  assert {
    attribute "node_config.workload_metadata_config.mode" {
      not_equals = "GCE_METADATA"
      default    = "GKE_METADATA"
    }
    # google provider v3 and earlier
    attribute "node_config.workload_metadata_config.node_metadata" {
      not_one_of = ["EXPOSE", "UNSPECIFIED"]
      default    = "GKE_METADATA_SERVER"
    }
    # node pools declared inline in google_container_cluster
    attribute "node_pool.node_config.workload_metadata_config.mode" {
      not_equals = "GCE_METADATA"
      default    = "GKE_METADATA"
    }
    attribute "node_pool.node_config.workload_metadata_config.node_metadata" {
      not_one_of = ["EXPOSE", "UNSPECIFIED"]
      default    = "GKE_METADATA_SERVER"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_node_pool" "apps" {
        name     = "apps"
        cluster  = "prod"
        location = "europe-west1"

        node_config {
          machine_type = "e2-standard-4"

          workload_metadata_config {
            mode = "GCE_METADATA"  # expect: google-gke-node-metadata-concealed
          }
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

        node_config {
          workload_metadata_config {
            node_metadata = "EXPOSE"  # expect: google-gke-node-metadata-concealed
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
          name       = "default"
          node_count = 3

          node_config {
            workload_metadata_config {
              mode = "GCE_METADATA"  # expect: google-gke-node-metadata-concealed
            }
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_node_pool" "apps" {
        name     = "apps"
        cluster  = "prod"
        location = "europe-west1"

        node_config {
          machine_type = "e2-standard-4"

          workload_metadata_config {
            mode = "GKE_METADATA"
          }
        }
      }
    EOT
  }
}
