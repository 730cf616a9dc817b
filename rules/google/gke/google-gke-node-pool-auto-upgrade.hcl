rule "google-gke-node-pool-auto-upgrade" {
  title     = "GKE node pool has node auto-upgrade switched off"
  severity  = "low"
  area      = "configuration-posture"
  resources = [
    "google_container_cluster",
    "google_container_node_pool",
  ]
  aliases   = ["CKV_GCP_10", "AVD-GCP-0058", "google-gke-enable-auto-upgrade"]

  description = <<-EOT
    Auto-upgrade keeps node versions in step with the control plane and picks up security patches for
     the node image and kubelet. With it off, nodes drift behind and keep known vulnerabilities until
     someone upgrades them by hand. Node versions are the customer's side of GKE Standard.

     `management.auto_upgrade` defaults to `true`, so only an explicit `false` is reported.

    Node pools declared inline in `google_container_cluster` (`node_pool { management { ... } }`)
    are checked the same way.
  EOT
  remediation = "Set `management { auto_upgrade = true }` on the node pool (or remove `auto_upgrade = false`) and choose a release channel."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_node_pool#auto_upgrade",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades",
  ]

  assert {
    attribute "management.auto_upgrade" {
      equals  = true
      default = true
    }
    # node pools declared inline in google_container_cluster
    attribute "node_pool.management.auto_upgrade" {
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
          auto_upgrade = false  # expect: google-gke-node-pool-auto-upgrade
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
            auto_upgrade = false  # expect: google-gke-node-pool-auto-upgrade
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
