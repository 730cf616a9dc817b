rule "google-gke-intranode-visibility" {
  title     = "GKE cluster does not expose pod-to-pod traffic on the same node to the VPC"
  severity  = "low"
  area      = "configuration-posture"
  resources = [
    "google_container_cluster",
  ]
  aliases   = ["CKV_GCP_61"]

  description = <<-EOT
    Without intranode visibility, traffic between pods on the same node never leaves the node, so
     VPC flow logs and firewall rules do not see it and lateral movement between co-located pods
     goes unrecorded. Enabling it is the customer's cluster setting; severity is low.

     `enable_intranode_visibility` defaults to `false`.
  EOT
  remediation = "Set `enable_intranode_visibility = true` and enable VPC flow logs on the cluster's subnetwork."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_intranode_visibility",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/intranode-visibility",
  ]

  when {
    attribute "enable_autopilot" {
      equals  = false
      default = false
    }
  }

  assert {
    attribute "enable_intranode_visibility" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {  # expect: google-gke-intranode-visibility
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
        enable_intranode_visibility = true
      }
    EOT
  }
}
