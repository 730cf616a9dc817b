rule "google-gke-node-image-cos" {
  title     = "GKE nodes do not run Container-Optimized OS"
  severity  = "low"
  area      = "application-workload"
  resources = [
    "google_container_cluster",
    "google_container_node_pool",
  ]
  aliases   = ["CKV_GCP_22", "AVD-GCP-0054", "google-gke-node-pool-uses-cos"]

  description = <<-EOT
    Container-Optimized OS is a minimal, read-only, automatically patched image built for running
     containers; general-purpose images carry more packages and a writable root file system, so a
     container escape finds more to exploit and persist in. The node image is the customer's choice.

     `node_config.image_type` defaults to `COS_CONTAINERD`; an image type not starting with `COS` is
     reported. Workloads that need Ubuntu or Windows nodes are valid exceptions: suppress with a
     reason.

    Node pools declared inline in `google_container_cluster` (`node_pool { node_config { ... } }`)
    are checked the same way.
  EOT
  remediation = "Set `image_type = \"COS_CONTAINERD\"` in `node_config` (or remove the setting)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#image_type",
    "https://cloud.google.com/kubernetes-engine/docs/concepts/node-images",
  ]

  assert {
    attribute "node_config.image_type" {
      matches = "(?i)^cos"
      default = "COS_CONTAINERD"
    }
    # node pools declared inline in google_container_cluster
    attribute "node_pool.node_config.image_type" {
      matches = "(?i)^cos"
      default = "COS_CONTAINERD"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_node_pool" "apps" {
        name     = "apps"
        cluster  = "prod"
        location = "europe-west1"

        node_config {
          image_type = "UBUNTU_CONTAINERD"  # expect: google-gke-node-image-cos
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
            image_type = "UBUNTU_CONTAINERD"  # expect: google-gke-node-image-cos
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
          image_type = "COS_CONTAINERD"
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
