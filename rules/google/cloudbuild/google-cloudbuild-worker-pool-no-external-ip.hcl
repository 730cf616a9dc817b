rule "google-cloudbuild-worker-pool-no-external-ip" {
  title     = "Cloud Build private pool workers get external IP addresses"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["google_cloudbuild_worker_pool"]
  aliases   = ["CKV_GCP_86"]

  description = <<-EOT
    Build workers hold source code, build secrets and the build service account's token. Workers
    of a private pool with external IP addresses can reach, and be reached from, the internet
    directly, which bypasses the egress controls (Cloud NAT, firewall rules, VPC Service Controls)
    the pool was created to apply. Whether workers get public addresses is the customer's pool
    setting; severity is medium.

    The provider's `worker_config.no_external_ip` defaults to `false` (workers get external
    addresses), so a pool without it, or with `false`, is reported.
  EOT
  remediation = "Set `worker_config { no_external_ip = true }` and give the pool's peered network a Cloud NAT or proxy for the egress builds need."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/cloudbuild_worker_pool#no_external_ip",
    "https://cloud.google.com/build/docs/private-pools/private-pools-overview",
  ]

  assert {
    attribute "worker_config.no_external_ip" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_cloudbuild_worker_pool" "builds" {
        name     = "builds"
        location = "europe-west1"

        worker_config {  # expect: google-cloudbuild-worker-pool-no-external-ip
          machine_type = "e2-standard-4"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_cloudbuild_worker_pool" "builds" {
        name     = "builds"
        location = "europe-west1"

        worker_config {
          machine_type   = "e2-standard-4"
          no_external_ip = false  # expect: google-cloudbuild-worker-pool-no-external-ip
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_cloudbuild_worker_pool" "builds" {  # expect: google-cloudbuild-worker-pool-no-external-ip
        name     = "builds"
        location = "europe-west1"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_cloudbuild_worker_pool" "builds" {
        name     = "builds"
        location = "europe-west1"

        worker_config {
          machine_type   = "e2-standard-4"
          no_external_ip = true
        }

        network_config {
          peered_network = "projects/example/global/networks/build"
        }
      }
    EOT
  }
}
