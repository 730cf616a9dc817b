rule "google-gke-node-pool-auto-repair" {
  title     = "GKE node pool has node auto-repair switched off"
  severity  = "low"
  area      = "configuration-posture"
  resources = [
    "google_container_cluster",
    "google_container_node_pool",
  ]
  aliases   = ["CKV_GCP_9", "AVD-GCP-0063", "google-gke-enable-auto-repair"]

  description = <<-EOT
    Auto-repair recreates nodes that fail health checks. With it off, a node that crashed, lost its
     kubelet or was knocked over stays broken until someone notices, and workloads pile onto the
     remaining nodes. The setting is the customer's; Google only runs the repair when asked.

     `management.auto_repair` defaults to `true`, so only an explicit `false` is reported.

    Node pools declared inline in `google_container_cluster` (`node_pool { management { ... } }`)
    are checked the same way.
  EOT
  remediation = "Set `management { auto_repair = true }` on the node pool (or remove `auto_repair = false`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_node_pool#auto_repair",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair",
  ]

  assert {
    attribute "management.auto_repair" {
      equals  = true
      default = true
    }
    # node pools declared inline in google_container_cluster
    attribute "node_pool.management.auto_repair" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_node_pool" "apps" {
        name     = "apps"
        cluster  = "prod"
        location = "europe-west1"

        management {
          auto_repair  = false  # expect: google-gke-node-pool-auto-repair
          auto_upgrade = true
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

          management {
            auto_repair = false  # expect: google-gke-node-pool-auto-repair
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

        management {
          auto_repair  = true
          auto_upgrade = true
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

      }
    EOT
  }
}
