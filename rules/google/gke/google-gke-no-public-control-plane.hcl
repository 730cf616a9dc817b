rule "google-gke-no-public-control-plane" {
  title     = "GKE control plane is reachable from any address"
  severity  = "high"
  area      = "configuration-posture"
  resources = [
    "google_container_cluster",
  ]
  aliases   = ["CKV_GCP_18", "AVD-GCP-0053", "google-gke-no-public-control-plane"]

  description = <<-EOT
    An authorised network of `0.0.0.0/0` opens the Kubernetes API server to the whole internet, so
     every leaked kubeconfig, token or API server vulnerability can be used from anywhere. Severity is
     high: it exposes the cluster's administrative interface. Which networks may reach the control
     plane is the customer's setting.

     The rule reports any `master_authorized_networks_config.cidr_blocks.cidr_block` equal to
     `0.0.0.0/0` or `::/0`. A cluster without authorised networks is checked by
     `google-gke-control-plane-authorized-networks`.
  EOT
  remediation = "Replace `0.0.0.0/0` with the ranges of your offices, VPN and CI runners, or make the endpoint private."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_master_authorized_networks_config",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks",
  ]

  assert {
    attribute "master_authorized_networks_config.cidr_blocks.cidr_block" {
      not_one_of = ["0.0.0.0/0", "::/0"]
      default    = "10.0.0.0/8"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

        master_authorized_networks_config {
          cidr_blocks {
            cidr_block   = "10.0.0.0/8"
            display_name = "internal"
          }
          cidr_blocks {
            cidr_block   = "0.0.0.0/0"  # expect: google-gke-no-public-control-plane
            display_name = "anyone"
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
            display_name = "office"
          }
        }
      }
    EOT
  }
}
