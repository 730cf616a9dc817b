rule "google-gke-private-nodes" {
  title     = "GKE cluster nodes have public IP addresses"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["google_container_cluster"]
  aliases   = ["CKV_GCP_64", "CKV_GCP_25", "AVD-GCP-0059", "google-gke-enable-private-cluster"]

  description = <<-EOT
    Unless private nodes are enabled, every GKE node VM gets an external IP address. The kubelet,
    NodePort services and host-network pods are then one firewall mistake away from the internet, and
    a compromised pod can exfiltrate directly. Private nodes keep node addresses internal and send
    egress through Cloud NAT. Node networking is the customer's part of GKE's shared responsibility.

    The rule asks for `private_cluster_config { enable_private_nodes = true }`, which has no
    documented default and is off when unset.
  EOT
  remediation = "Set `private_cluster_config { enable_private_nodes = true, master_ipv4_cidr_block = \"172.16.0.0/28\" }` (new clusters) and provide egress through Cloud NAT."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_private_nodes",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/private-clusters",
  ]

  assert {
    attribute "private_cluster_config.enable_private_nodes" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {  # expect: google-gke-private-nodes
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

        private_cluster_config {
          enable_private_nodes    = true
          enable_private_endpoint = false
          master_ipv4_cidr_block  = "172.16.0.0/28"
        }
      }
    EOT
  }
}
