rule "google-compute-backend-service-logging" {
  title     = "Load balancer backend service does not log requests"
  severity  = "low"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["2.16"]
  }
  resources = [
    "google_compute_backend_service",
    "google_compute_region_backend_service",
  ]
  aliases   = []

  description = <<-EOT
    Without request logging on the backend service, the load balancer keeps no record of the
     requests it forwards: client addresses, paths, status codes and latency are lost, so probing,
     credential stuffing and exploitation attempts against the service cannot be investigated.
     Enabling the logs is the customer's setting; severity is low.

     `log_config.enable` defaults to `false`.
  EOT
  remediation = "Add `log_config { enable = true sample_rate = 1.0 }` to the backend service."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_backend_service#nested_log_config",
    "https://cloud.google.com/load-balancing/docs/https/https-logging-monitoring",
  ]

  assert {
    attribute "log_config.enable" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_backend_service" "web" {  # expect: google-compute-backend-service-logging
        name          = "web"
        protocol      = "HTTPS"
        health_checks = ["projects/example/global/healthChecks/web"]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_backend_service" "web" {
        name          = "web"
        protocol      = "HTTPS"
        health_checks = ["projects/example/global/healthChecks/web"]

        log_config {
          enable = false  # expect: google-compute-backend-service-logging
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_backend_service" "web" {
        name          = "web"
        protocol      = "HTTPS"
        health_checks = ["projects/example/global/healthChecks/web"]

        log_config {
          enable      = true
          sample_rate = 1.0
        }
      }
    EOT
  }
}
