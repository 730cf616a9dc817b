rule "google-gke-no-alpha-features" {
  title     = "GKE cluster enables Kubernetes alpha features"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["google_container_cluster"]
  aliases   = ["CKV2_GCP_19"]

  description = <<-EOT
    An alpha cluster (`enable_kubernetes_alpha = true`) turns on every Kubernetes alpha API and
    feature. Alpha features are not production-ready, may have unreviewed security properties, are
    not covered by the GKE SLA, and an alpha cluster cannot be upgraded and is deleted by GKE after
    30 days. Which features a cluster enables is the customer's configuration.

    `enable_kubernetes_alpha` defaults to `false`, so only an explicit `true` is reported.
  EOT
  remediation = "Remove `enable_kubernetes_alpha = true`; try alpha features in a short-lived test cluster instead."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#enable_kubernetes_alpha",
    "https://cloud.google.com/kubernetes-engine/docs/concepts/alpha-clusters",
  ]

  assert {
    attribute "enable_kubernetes_alpha" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "lab" {
        name                    = "lab"
        location                = "europe-west1-b"
        initial_node_count      = 1
        enable_kubernetes_alpha = true  # expect: google-gke-no-alpha-features
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
      }

      resource "google_container_cluster" "explicit" {
        name                    = "explicit"
        location                = "europe-west1"
        initial_node_count      = 1
        enable_kubernetes_alpha = false
      }
    EOT
  }
}
