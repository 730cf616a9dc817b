rule "google-gke-monitoring-enabled" {
  title     = "GKE cluster sends no metrics to Cloud Monitoring"
  severity  = "low"
  area      = "configuration-posture"
  resources = [
    "google_container_cluster",
  ]
  aliases   = ["CKV_GCP_8", "AVD-GCP-0052", "google-gke-enable-stackdriver-monitoring"]

  description = <<-EOT
    With `monitoring_service = "none"` no system metrics are collected, so resource exhaustion, crash
     loops and unusual load (such as a cryptominer on a node) go unseen. Whether metrics are collected
     is the customer's cluster setting.

     `monitoring_service` defaults to `monitoring.googleapis.com/kubernetes`. `none` and the legacy
     `monitoring.googleapis.com` (retired Legacy Logging and Monitoring) are reported.
  EOT
  remediation = "Remove `monitoring_service = \"none\"`, or set it to `monitoring.googleapis.com/kubernetes`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#monitoring_service",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/configure-metrics",
  ]

  assert {
    attribute "monitoring_service" {
      not_one_of = ["none", "monitoring.googleapis.com"]
      default    = "monitoring.googleapis.com/kubernetes"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
        monitoring_service = "none"  # expect: google-gke-monitoring-enabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
        monitoring_service = "monitoring.googleapis.com/kubernetes"
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
    EOT
  }
}
