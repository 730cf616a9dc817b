rule "google-gke-nodes-no-default-service-account" {
  title     = "GKE nodes run as the Compute Engine default service account"
  severity  = "medium"
  area      = "identity-access"
  resources = [
    "google_container_cluster",
    "google_container_node_pool",
  ]
  aliases   = ["CKV2_GCP_1", "AVD-GCP-0050", "google-gke-use-service-account"]

  description = <<-EOT
    Without `node_config.service_account`, nodes run as the Compute Engine default service account,
     which often holds the Editor role on the project. Any pod that reaches the node's credentials can
     then change almost anything in the project. A dedicated least-privilege node account limits that.
     The node identity is the customer's choice.

     A cluster with `remove_default_node_pool = true` or `enable_autopilot = true` is not checked
     (its nodes are configured in node pools or by Google). A `service_account` that names the
     default account (`...-compute@developer.gserviceaccount.com`), or is read from the
     `google_compute_default_service_account` data source, is reported as well. Setting only
     `cluster_autoscaling.auto_provisioning_defaults.service_account` is not enough: it applies to
     auto-provisioned pools, not to the default node pool the cluster creates.
  EOT
  remediation = "Create a service account with `roles/container.defaultNodeServiceAccount` (or the logging and monitoring writer roles) and set it as `node_config.service_account`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#service_account",
    "https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#use_least_privilege_sa",
  ]

  when {
    attribute "remove_default_node_pool" {
      equals  = false
      default = false
    }
    attribute "enable_autopilot" {
      equals  = false
      default = false
    }
  }

  assert {
    attribute "node_config.service_account" {
      not_matches   = "-compute@developer\\.gserviceaccount\\.com$"
      not_refers_to = [
        "data.google_compute_default_service_account.email",
        "data.google_compute_default_service_account.member",
        "data.google_compute_default_service_account.id",
        "data.google_compute_default_service_account.name",
        "data.google_compute_default_service_account.unique_id",
      ]
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_node_pool" "apps" {
        name     = "apps"
        cluster  = "prod"
        location = "europe-west1"

        node_config {  # expect: google-gke-nodes-no-default-service-account
          machine_type = "e2-standard-4"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

        node_config {
          service_account = "123456789012-compute@developer.gserviceaccount.com"  # expect: google-gke-nodes-no-default-service-account
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      data "google_compute_default_service_account" "default" {}

      resource "google_container_node_pool" "apps" {
        name     = "apps"
        cluster  = "prod"
        location = "europe-west1"

        node_config {
          service_account = data.google_compute_default_service_account.default.email  # expect: google-gke-nodes-no-default-service-account
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
          service_account = "gke-nodes@example-project.iam.gserviceaccount.com"
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
        remove_default_node_pool = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1
        enable_autopilot   = true
      }
    EOT
  }
}
