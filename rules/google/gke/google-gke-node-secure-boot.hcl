rule "google-gke-node-secure-boot" {
  title     = "GKE nodes do not enable secure boot"
  severity  = "medium"
  area      = "application-workload"
  resources = [
    "google_container_cluster",
    "google_container_node_pool",
  ]
  aliases   = ["CKV_GCP_68"]

  description = <<-EOT
    Secure boot makes nodes refuse unsigned bootloaders and kernel modules, so a container escape
     cannot plant a rootkit that survives a node reboot. The node configuration is the customer's.

     `node_config.shielded_instance_config.enable_secure_boot` defaults to `false`; the rule reports
     a `node_config` block that does not turn it on. A cluster or pool without `node_config` is not
     reported, because the rule cannot see the node settings of the default pool it creates.

    Node pools declared inline in `google_container_cluster` (`node_pool { node_config { ... } }`)
    are checked the same way.
  EOT
  remediation = "Add `shielded_instance_config { enable_secure_boot = true }` to `node_config`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_shielded_instance_config",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes#secure_boot",
  ]

  assert {
    each "node_config" {
      attribute "shielded_instance_config.enable_secure_boot" {
        equals = true
      }
    }
    # node pools declared inline in google_container_cluster
    each "node_pool" {
      each "node_config" {
        attribute "shielded_instance_config.enable_secure_boot" {
          equals = true
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_node_pool" "apps" {
        name     = "apps"
        cluster  = "prod"
        location = "europe-west1"

        node_config {  # expect: google-gke-node-secure-boot
          machine_type = "e2-standard-4"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_node_pool" "apps" {
        name     = "apps"
        cluster  = "prod"
        location = "europe-west1"

        node_config {
          shielded_instance_config {
            enable_secure_boot = false  # expect: google-gke-node-secure-boot
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

          node_config {  # expect: google-gke-node-secure-boot
            machine_type = "e2-standard-4"
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
          shielded_instance_config {
            enable_secure_boot          = true
            enable_integrity_monitoring = true
          }
        }
      }
    EOT
  }
}
