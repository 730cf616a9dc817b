rule "google-gke-workload-identity" {
  title     = "GKE cluster does not enable Workload Identity Federation"
  severity  = "medium"
  area      = "identity-access"
  resources = ["google_container_cluster"]

  description = <<-EOT
    Without Workload Identity, pods that call Google Cloud APIs either use the node's service account
    (shared by every pod on the node, often with broad roles) or mounted service account keys, which
    are long-lived secrets that leak. Any compromised pod can also query the node's metadata server
    for the node's credentials. Workload Identity maps each Kubernetes service account to its own IAM
    identity and hides the node credentials behind the GKE metadata server. Enabling it is part of the
    customer's cluster configuration.

    The cluster is compliant when `workload_identity_config { workload_pool = "PROJECT_ID.svc.id.goog" }`
    is set, or when it is an Autopilot cluster (`enable_autopilot = true`), where Workload Identity is
    always on. (The google provider v3 field `identity_namespace` was replaced by `workload_pool` in
    v4.) Node pools also need `workload_metadata_config { mode = "GKE_METADATA" }`, which this rule
    does not check.
  EOT
  remediation = "Set `workload_identity_config { workload_pool = \"<project-id>.svc.id.goog\" }` on the cluster, run node pools with `workload_metadata_config { mode = \"GKE_METADATA\" }`, and bind Kubernetes service accounts to IAM service accounts."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_workload_identity_config",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity",
  ]

  assert {
    any {
      attribute "workload_identity_config.workload_pool" {
        present = true
      }
      # google provider v3 spelling
      attribute "workload_identity_config.identity_namespace" {
        present = true
      }
      attribute "enable_autopilot" {
        equals = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {  # expect: google-gke-workload-identity
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

        workload_identity_config {
          workload_pool = "example-project.svc.id.goog"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "autopilot" {
        name             = "autopilot"
        location         = "europe-west1"
        enable_autopilot = true
      }
    EOT
  }
}
