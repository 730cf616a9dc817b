rule "google-gke-legacy-abac-disabled" {
  title     = "GKE cluster has legacy ABAC authorization enabled"
  severity  = "high"
  area      = "identity-access"
  resources = ["google_container_cluster"]
  aliases   = ["CKV_GCP_7", "AVD-GCP-0062", "google-gke-use-rbac-permissions"]

  description = <<-EOT
    Legacy attribute-based access control grants broad, static permissions to identities in the
    cluster, including service accounts, nodes and controllers, in addition to whatever Kubernetes
    RBAC and IAM allow. Permissions granted through ABAC cannot be narrowed by RBAC, so any pod's
    service account token may be enough to read secrets or change workloads across the cluster. The
    authorizer configuration is the customer's choice.

    `enable_legacy_abac` defaults to `false`, so only an explicit `true` is reported.
  EOT
  remediation = "Remove `enable_legacy_abac = true` (or set it to `false`) and grant access through Kubernetes RBAC and IAM."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_legacy_abac",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110",
  ]

  assert {
    attribute "enable_legacy_abac" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
        enable_legacy_abac = true  # expect: google-gke-legacy-abac-disabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
        enable_legacy_abac = false
      }
    EOT
  }
}
