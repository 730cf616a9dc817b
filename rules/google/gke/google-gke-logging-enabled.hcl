rule "google-gke-logging-enabled" {
  title     = "GKE cluster sends no logs to Cloud Logging"
  severity  = "low"
  area      = "configuration-posture"
  resources = [
    "google_container_cluster",
  ]
  aliases   = ["CKV_GCP_1", "AVD-GCP-0060", "google-gke-enable-stackdriver-logging"]

  description = <<-EOT
    With `logging_service = "none"` the cluster's system and workload logs are not collected, so there
     is no record to investigate an intrusion, a crash or a misbehaving workload with. Whether logs are
     collected is the customer's cluster setting.

     `logging_service` defaults to `logging.googleapis.com/kubernetes`. `none` and the legacy
     `logging.googleapis.com` (Legacy Logging and Monitoring, retired by Google, without the
     Kubernetes-aware log types) are reported.
  EOT
  remediation = "Remove `logging_service = \"none\"` (the default sends logs to Cloud Logging), or set it to `logging.googleapis.com/kubernetes`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#logging_service",
    "https://cloud.google.com/kubernetes-engine/docs/concepts/about-logs",
  ]

  assert {
    attribute "logging_service" {
      not_one_of = ["none", "logging.googleapis.com"]
      default    = "logging.googleapis.com/kubernetes"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
        logging_service    = "none"  # expect: google-gke-logging-enabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
        logging_service    = "logging.googleapis.com/kubernetes"
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
